// Writes Klarbrev's add-in icons (icon-16/32/64/80.png) next to this script: a white letter
// sheet with text lines on a calm blue tile. Pure Node (zlib + a CRC table), no image libraries:
//   node src/addin-assets/generate-icons.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 64, 80];
const SAMPLES = 4; // supersampling per axis, for smooth edges

const BLUE = [31, 95, 139];
const WHITE = [255, 255, 255];
const GREEN = [46, 139, 87];
const INK = [31, 95, 139];

/** Colour at a point of the unit square, or null for transparent. */
function colourAt(x, y) {
  if (!insideRoundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.18)) return null;
  if (insideRoundedRect(x, y, 0.24, 0.14, 0.76, 0.86, 0.05)) {
    if (inside(x, y, 0.33, 0.28, 0.67, 0.36)) return GREEN;
    if (inside(x, y, 0.33, 0.45, 0.67, 0.52)) return INK;
    if (inside(x, y, 0.33, 0.6, 0.67, 0.67)) return INK;
    if (inside(x, y, 0.33, 0.74, 0.55, 0.8)) return INK;
    return WHITE;
  }
  return BLUE;
}

function inside(x, y, left, top, right, bottom) {
  return x >= left && x <= right && y >= top && y <= bottom;
}

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  if (!inside(x, y, left, top, right, bottom)) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function render(size) {
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt(
            (px + (sx + 0.5) / SAMPLES) / size,
            (py + (sy + 0.5) / SAMPLES) / size
          );
          if (!colour) continue;
          for (let channel = 0; channel < 3; channel++) sum[channel] += colour[channel];
          sum[3] += 1;
        }
      }
      const covered = sum[3];
      const offset = 1 + px * 4;
      for (let channel = 0; channel < 3; channel++)
        row[offset + channel] = covered ? Math.round(sum[channel] / covered) : 0;
      row[offset + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(width, height, raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  const file = new URL(`./icon-${size}.png`, import.meta.url);
  writeFileSync(file, render(size));
  console.log(`wrote ${file.pathname}`);
}
