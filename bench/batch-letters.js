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
