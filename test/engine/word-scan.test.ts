import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { tokenise } from "../../src/engine/rules/legal/tokens.js";
import { geometryOf } from "../../src/engine/rules/threat/clauses.js";
import { hasLetter, isWordCodePoint, wordSpans } from "../../src/engine/util/word-scan.js";

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

const pieces = fc.constantFrom(
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
  "e-mail"
);

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
