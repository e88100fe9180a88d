import { esc } from "./html-escape.js";

/**
 * The dashboard's charts as inline SVG: no script, no external resources, colours set by
 * attributes (a strict CSP forbids style attributes). Each chart is a figure with a title and
 * a description for screen readers, figures written on the bars (never colour alone), and the
 * numbers again in a table below it.
 */

const WIDTH = 640;
const FONT = 13;
const INK = "#1b1b1b";
const GOOD = "#2e7d32";
const BAD = "#b3261e";
const WARN = "#a15c00";
const NEUTRAL = "#3d5a80";

function frame(
  id: string,
  title: string,
  description: string,
  height: number,
  body: string
): string {
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d" font-family="inherit" font-size="${FONT}" fill="${INK}"><title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(description)}</desc>${body}</svg>`;
}

function num(value: number): string {
  return String(Math.round(value * 10) / 10).replace(".", ",");
}

/** LIX of the templates' body prose in bins of 5, with the target as a dashed line. */
export function lixHistogram(
  values: readonly { label: string; lix: number }[],
  target: number
): string {
  const top = Math.max(60, Math.ceil((Math.max(0, ...values.map((v) => v.lix)) + 0.01) / 5) * 5);
  const bins = Array.from({ length: top / 5 }, (_, i) => ({ from: i * 5, count: 0 }));
  for (const { lix } of values) bins[Math.min(bins.length - 1, Math.floor(lix / 5))]!.count++;
  const height = 240;
  const left = 40;
  const bottom = height - 40;
  const plotHeight = bottom - 30;
  const barWidth = (WIDTH - left - 20) / bins.length;
  const most = Math.max(1, ...bins.map((bin) => bin.count));
  const x = (lix: number) => left + (lix / top) * (WIDTH - left - 20);
  let body = `<line x1="${left}" y1="${bottom}" x2="${WIDTH - 20}" y2="${bottom}" stroke="${INK}"/>`;
  bins.forEach((bin, i) => {
    const h = (bin.count / most) * plotHeight;
    const bx = left + i * barWidth;
    const colour = bin.from + 5 <= target ? GOOD : bin.from >= target ? BAD : WARN;
    if (bin.count > 0) {
      body += `<rect x="${bx + 2}" y="${bottom - h}" width="${barWidth - 4}" height="${h}" fill="${colour}"/>`;
      body += `<text x="${bx + barWidth / 2}" y="${bottom - h - 5}" text-anchor="middle">${bin.count}</text>`;
    }
    if (i % 2 === 0)
      body += `<text x="${bx}" y="${bottom + 16}" text-anchor="middle">${bin.from}</text>`;
  });
  body += `<line x1="${x(target)}" y1="20" x2="${x(target)}" y2="${bottom}" stroke="${INK}" stroke-width="2" stroke-dasharray="6 4"/>`;
  body += `<text x="${x(target) + 6}" y="30">mål: højst ${target}</text>`;
  body += `<text x="${left + (WIDTH - left - 20) / 2}" y="${height - 6}" text-anchor="middle">LIX (brødtekst)</text>`;
  const above = values.filter((v) => v.lix > target).length;
  return frame(
    "chart-lix",
    "LIX-fordeling i biblioteket",
    `${values.length} skabeloner fordelt på LIX i trin af 5. ${above} har LIX over målet ${target}.`,
    height,
    body
  );
}

/** One bar per template (highest first), 0-100, with the maximum as a dashed line. */
export function threatBars(rows: readonly { label: string; score: number }[], max: number): string {
  const sorted = [...rows].sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
  const left = 240;
  const right = WIDTH - 130;
  const rowHeight = 22;
  const height = 50 + sorted.length * rowHeight;
  const x = (score: number) => left + (score / 100) * (right - left);
  let body = "";
  sorted.forEach((row, i) => {
    const y = 20 + i * rowHeight;
    const colour = row.score > max ? BAD : NEUTRAL;
    body += `<text x="${left - 8}" y="${y + 14}" text-anchor="end">${esc(truncate(row.label, 30))}</text>`;
    body += `<rect x="${left}" y="${y + 3}" width="${Math.max(1, x(row.score) - left)}" height="${rowHeight - 8}" fill="${colour}"/>`;
    body += `<text x="${x(row.score) + 6}" y="${y + 14}">${num(row.score)}${row.score > max ? " (over grænsen)" : ""}</text>`;
  });
  const axis = 20 + sorted.length * rowHeight + 4;
  body += `<line x1="${left}" y1="${axis}" x2="${right}" y2="${axis}" stroke="${INK}"/>`;
  for (const tick of [0, 25, 50, 75, 100])
    body += `<text x="${x(tick)}" y="${axis + 16}" text-anchor="middle">${tick}</text>`;
  body += `<line x1="${x(max)}" y1="14" x2="${x(max)}" y2="${axis}" stroke="${INK}" stroke-width="2" stroke-dasharray="6 4"/>`;
  const over = rows.filter((row) => row.score > max).length;
  return frame(
    "chart-threat",
    "Trusselsscore pr. skabelon",
    `Trusselsscore fra 0 (roligt) til 100 (meget truende) for ${rows.length} skabeloner; grænsen er ${max}. ${over} ligger over grænsen.`,
    height,
    body
  );
}

/** Per legal block: how many templates carry the current version and how many an older one. */
export function versionBars(
  rows: readonly { label: string; current: number; outdated: number }[]
): string {
  const left = 270;
  const right = WIDTH - 160;
  const rowHeight = 26;
  const height = 40 + rows.length * rowHeight;
  const most = Math.max(1, ...rows.map((row) => row.current + row.outdated));
  const w = (count: number) => (count / most) * (right - left);
  let body = "";
  rows.forEach((row, i) => {
    const y = 10 + i * rowHeight;
    body += `<text x="${left - 8}" y="${y + 16}" text-anchor="end">${esc(truncate(row.label, 34))}</text>`;
    if (row.current > 0)
      body += `<rect x="${left}" y="${y + 4}" width="${w(row.current)}" height="${rowHeight - 10}" fill="${GOOD}"/>`;
    if (row.outdated > 0)
      body += `<rect x="${left + w(row.current)}" y="${y + 4}" width="${w(row.outdated)}" height="${rowHeight - 10}" fill="${WARN}" stroke="${INK}" stroke-dasharray="3 2"/>`;
    const parts = [
      `${row.current} gældende`,
      ...(row.outdated ? [`${row.outdated} forældet`] : []),
    ];
    body += `<text x="${left + w(row.current + row.outdated) + 6}" y="${y + 16}">${parts.join(", ")}</text>`;
  });
  const outdated = rows.reduce((sum, row) => sum + row.outdated, 0);
  return frame(
    "chart-versions",
    "Skabeloner pr. juridisk tekst og version",
    `For hver juridisk tekst: hvor mange skabeloner bruger den gældende version, og hvor mange en forældet. I alt ${outdated} brug af en forældet version.`,
    height,
    body
  );
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
