import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { tokenise } from "../../src/engine/rules/legal/tokens.js";
import { geometryOf } from "../../src/engine/rules/threat/clauses.js";
import {
  hasLetter,
  isLetterCodePoint,
  isSmallLetterCodePoint,
  isWordCodePoint,
  nfcSlice,
  wordSpans,
} from "../../src/engine/util/word-scan.js";
import { NEVER_FINAL_ABBREVIATIONS } from "../../src/engine/linguistics/abbreviations.js";
import { tokensOf } from "../../src/engine/rules/legal/sanction.js";
import {
  closesSentence,
  opensSentence,
  sentencesOf,
} from "../../src/engine/rules/legal/sentences.js";

/** The regexes the scanners replace: they must find exactly the same spans. */
const CLAUSE_WORD = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu;
const LEGAL_TOKEN = /[\p{L}\p{N}]+(?:[-'’./@][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

function regexSpans(pattern: RegExp, text: string): { start: number; end: number }[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function regexTokens(text: string, base: number) {
  return [...text.matchAll(LEGAL_TOKEN)].map((m) => ({
    text: m[0].normalize("NFC"),
    field: false,
    start: base + m.index,
    end: base + m.index + m[0].length,
  }));
}

const texts = ["test/fixtures/letters", "test/corpus/letters"].flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => /\.(txt|md)$/u.test(name))
    .map((name) => readFileSync(`${folder}/${name}`, "utf8"))
);

const pieceList = [
  "Du",
  "får",
  " ",
  "\n",
  "\u00a0",
  "\u2003",
  "-",
  "--",
  "'",
  "’",
  ".",
  "/",
  "@",
  "3,5",
  "§",
  "a\u030a",
  "\u0301",
  "𝐀",
  "\ud835",
  "\udc00",
  "ǅ",
  "Ω",
  "٣",
  "www.borger.dk",
  "e-mail",
];
const pieces = fc.constantFrom(...pieceList);

test("letters and digits are read as [\\p{L}\\p{N}] reads them", () => {
  for (let code = 0; code < 0x3000; code++) {
    expect([code, isWordCodePoint(code)]).toEqual([
      code,
      /[\p{L}\p{N}]/u.test(String.fromCodePoint(code)),
    ]);
  }
  expect(isWordCodePoint(0x1d400)).toBe(true);
});

test("clause words are the regex's spans, on every corpus letter and on odd text", () => {
  expect(texts.length).toBeGreaterThan(20);
  for (const text of texts) {
    expect(wordSpans(text, "-'")).toEqual(regexSpans(CLAUSE_WORD, text));
    expect(geometryOf(text).words).toEqual(regexSpans(CLAUSE_WORD, text));
  }
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
      const text = parts.join("");
      expect(wordSpans(text, "-'")).toEqual(regexSpans(CLAUSE_WORD, text));
    }),
    { numRuns: 1000 }
  );
});

test("legal tokens of letter text are the regex's tokens, on every corpus letter and on odd text", () => {
  for (const text of texts) expect(tokenise(text, false, 7)).toEqual(regexTokens(text, 7));
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
      const text = parts.join("");
      expect(tokenise(text, false)).toEqual(regexTokens(text, 0));
    }),
    { numRuns: 1000 }
  );
});

test("nfcSlice is slice + NFC: below U+0300 every character and every pair is its own NFC form", () => {
  // The premise of skipping NFC there: every character, and every pair (a composition needs its
  // second character to combine), is unchanged by it.
  const below: string[] = [];
  for (let code = 0; code < 0x300; code++) below.push(String.fromCharCode(code));
  for (const first of below) {
    expect(first.normalize("NFC")).toBe(first);
    for (const second of below) {
      const pair = first + second;
      if (pair.normalize("NFC") !== pair) throw new Error(`NFC changes ${JSON.stringify(pair)}`);
    }
  }
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 12 }), fc.nat(), fc.nat(), (parts, a, b) => {
      const text = parts.join("");
      const start = a % (text.length + 1);
      const end = start + (b % (text.length - start + 1));
      expect(nfcSlice(text, start, end)).toBe(text.slice(start, end).normalize("NFC"));
    }),
    { numRuns: 1000 }
  );
});

test("hasLetter says what /\\p{L}/u says", () => {
  for (const text of ["", " ", "3,5", "§", "Du", "ø", "٣", "Ω", "𝐀", "\ud835", "-a", "²"]) {
    expect([text, hasLetter(text)]).toEqual([text, /\p{L}/u.test(text)]);
  }
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 6 }), (parts) => {
      const text = parts.join("");
      expect(hasLetter(text)).toBe(/\p{L}/u.test(text));
    }),
    { numRuns: 500 }
  );
});

test("letters and small letters are read as \\p{L} and \\p{Ll} read them", () => {
  for (const code of [...Array(0x3000).keys(), 0x1d400, 0x1d41a, 0x10400, 0x10428]) {
    const char = String.fromCodePoint(code);
    expect([code, isLetterCodePoint(code)]).toEqual([code, /\p{L}/u.test(char)]);
    expect([code, isSmallLetterCodePoint(code)]).toEqual([code, /\p{Ll}/u.test(char)]);
  }
});

/** The legal family's sentence bounds as they were read with patterns. */
const NEVER_FINAL = NEVER_FINAL_ABBREVIATIONS;
const LOOK_BACK = Math.max(...[...NEVER_FINAL].map((entry) => entry.length)) + 1;

function regexAbbreviation(text: string, index: number): boolean {
  const from = Math.max(0, index - LOOK_BACK);
  const found = /[\p{L}.]+$/u.exec(text.slice(from, index));
  const whole = found && (found.index > 0 || from === 0 || !/[\p{L}.]/u.test(text[from - 1]!));
  return Boolean(whole && NEVER_FINAL.has(found[0].toLowerCase()));
}

function regexSentences(text: string): { start: number; end: number; text: string }[] {
  const ends = [...text.matchAll(/[.!?](?=\s+[^\s\p{Ll}])/gu)]
    .filter((match) => !regexAbbreviation(text, match.index))
    .map((match) => match.index + 1);
  const spans: { start: number; end: number; text: string }[] = [];
  let start = 0;
  for (const end of [...ends, text.length]) {
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    if (slice.trim()) spans.push({ start: start + lead, end, text: slice.trim() });
    start = end;
  }
  return spans;
}

const sentencePieces = fc.constantFrom(
  ...pieceList,
  ".",
  "!",
  "?",
  "\u2028",
  "\u00a0",
  "𝐀",
  "𝐚",
  "\ud835",
  "\udc00",
  "ǅ",
  "jf.",
  "kl.",
  "stk.",
  "f.eks.",
  "Du",
  "du"
);

test("legal sentences, and how a block meets the next, are what the patterns read", () => {
  for (const text of texts) expect(sentencesOf(text)).toEqual(regexSentences(text));
  fc.assert(
    fc.property(fc.array(sentencePieces, { maxLength: 25 }), (parts) => {
      const text = parts.join("");
      expect(sentencesOf(text)).toEqual(regexSentences(text));
      const last = text.length - 1;
      expect(closesSentence(text)).toBe(
        last >= 0 && /[.!?]/u.test(text[last]!) && !regexAbbreviation(text, last)
      );
      expect(opensSentence(text)).toBe(text !== "" && /^[^\s\p{Ll}]/u.test(text));
    }),
    { numRuns: 2000 }
  );
});

test("sanction tokens are the pattern's words", () => {
  const regexTokensOf = (text: string) =>
    [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)].map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
      lower: match[0].toLowerCase(),
    }));
  for (const text of texts) expect(tokensOf(text)).toEqual(regexTokensOf(text));
  fc.assert(
    fc.property(fc.array(sentencePieces, { maxLength: 25 }), (parts) => {
      const text = [...parts, "'", "’a", "1'2"].join("");
      expect(tokensOf(text)).toEqual(regexTokensOf(text));
      expect(tokensOf(parts.join(""))).toEqual(regexTokensOf(parts.join("")));
    }),
    { numRuns: 1000 }
  );
});
