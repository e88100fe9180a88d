// Realistic generated letters for the batch benchmark: each one a Danish corpus letter with its
// body paragraphs shuffled (address, date, subject, closing and legal blocks stay put), its
// people renamed and all its dates moved by the same number of days (weekdays recomputed).
// Deterministic: the same seed gives the same letters.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const LETTERS = `${ROOT}test/fixtures/letters`;
const NAMES = JSON.parse(readFileSync(new URL("./data/names.da.json", import.meta.url), "utf8"));
const MONTHS = [
  "januar",
  "februar",
  "marts",
  "april",
  "maj",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "december",
];
const WEEKDAYS = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"];
const DATE = new RegExp(
  `(?:\\b(${WEEKDAYS.join("|")}) (den )?)?\\b(\\d{1,2})\\. (${MONTHS.join("|")})(?: (\\d{4}))?`,
  "giu"
);

/** The corpus: Danish .txt letters split into paragraphs. */
export function loadCorpus() {
  return readdirSync(LETTERS)
    .filter((name) => name.endsWith(".txt") && !name.endsWith("-en.txt"))
    .sort()
    .map((name) => readFileSync(`${LETTERS}/${name}`, "utf8").replace(/^\uFEFF/u, ""))
    .map((text) =>
      text
        .replace(/\r\n/gu, "\n")
        .trim()
        .split(/\n{2,}/u)
    );
}

/** mulberry32: a small seeded PRNG, so runs are comparable. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateLetter(corpus, rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const paragraphs = [...pick(corpus)];
  // Body paragraphs (one line of 8+ words ending a sentence, outside legal blocks) trade places.
  const body = [];
  let inLegal = false;
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.includes("<!-- klarbrev:legal")) inLegal = true;
    const sentence = !paragraph.includes("\n") && /[.!?]$/u.test(paragraph);
    if (!inLegal && sentence && paragraph.split(/\s+/u).length >= 8) body.push(index);
    if (paragraph.includes("<!-- /klarbrev:legal")) inLegal = false;
  });
  const shuffled = body.map((index) => paragraphs[index]);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  body.forEach((index, k) => (paragraphs[index] = shuffled[k]));

  let text = paragraphs.join("\n\n");
  for (const name of NAMES.corpusNames) {
    text = text.replaceAll(name, `${pick(NAMES.firstNames)} ${pick(NAMES.surnames)}`);
  }
  const shift = Math.floor(rand() * 400) - 100;
  text = text.replace(DATE, (_match, weekday, den, day, month, year) => {
    const date = new Date(
      Date.UTC(Number(year ?? 2026), MONTHS.indexOf(month.toLowerCase()), Number(day))
    );
    date.setUTCDate(date.getUTCDate() + shift);
    const moved = `${date.getUTCDate()}. ${MONTHS[date.getUTCMonth()]}${year ? ` ${date.getUTCFullYear()}` : ""}`;
    if (!weekday) return moved;
    const name = WEEKDAYS[date.getUTCDay()];
    const cased =
      weekday[0] === weekday[0].toUpperCase() ? name[0].toUpperCase() + name.slice(1) : name;
    return `${cased} ${den ?? ""}${moved}`;
  });
  return `${text}\n`;
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/**
 * The same letter as a minimal Word document: one paragraph per line, legal blocks as locked
 * block content controls tagged `klarbrev:legal:<id>@<version>`, as the add-in inserts them.
 */
export function letterToDocx(text, zipSync, strToU8) {
  const esc = (value) =>
    value.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");
  const paragraph = (line) => `<w:p><w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r></w:p>`;
  const lines = (chunk) =>
    chunk
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map(paragraph)
      .join("");
  const legal =
    /<!-- klarbrev:legal id="([^"]+)" version="([^"]+)"[^>]*-->\n([\s\S]*?)\n<!-- \/klarbrev:legal -->/gu;
  let body = "";
  let cursor = 0;
  for (const match of text.matchAll(legal)) {
    body += lines(text.slice(cursor, match.index));
    body +=
      `<w:sdt><w:sdtPr><w:tag w:val="klarbrev:legal:${match[1]}@${match[2]}"/>` +
      `<w:lock w:val="sdtContentLocked"/></w:sdtPr><w:sdtContent>${lines(match[3])}</w:sdtContent></w:sdt>`;
    cursor = match.index + match[0].length;
  }
  body += lines(text.slice(cursor));
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return zipSync({
    "[Content_Types].xml": strToU8(
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
    ),
    "_rels/.rels": strToU8(
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
    ),
    "word/document.xml": strToU8(
      `${xml}<w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`
    ),
  });
}
