import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import terms from "../../src/engine/lexicons/legal-sanction.da.json" with { type: "json" };
import { danishRegExp } from "../../src/engine/rules/legal/sanction.js";
import { FoldedRegExp, foldLatin, latinSource } from "../../src/engine/util/folded-regexp.js";

/** Every match as [offset, length], the way the rules use them. */
function spans(pattern: RegExp, text: string): [number, number][] {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  return [...text.matchAll(global)].map((match) => [match.index, match[0].length]);
}

function foldedSpans(pattern: FoldedRegExp, text: string): [number, number][] {
  const { pattern: picked, text: subject } = pattern.pick(text, foldLatin(text));
  return spans(picked, subject);
}

const SANCTION_PATTERNS = Object.values(terms)
  .filter((value): value is string[] => Array.isArray(value))
  .flat()
  .map((pattern) => danishRegExp(pattern, "giu"));

function corpusTexts(): string[] {
  const folders = ["test/fixtures/letters", "test/corpus/letters"];
  return folders.flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => /\.(txt|md)$/u.test(name))
      .map((name) => readFileSync(`${folder}/${name}`, "utf8"))
  );
}

test("every Latin character matches a lower-case letter as case-insensitive matching does", () => {
  // The letters the patterns are written with, and their neighbours in case folding.
  const letters = [..."abcdefghijklmnopqrstuvwxyzæøåéüöäßµ", "ſ"];
  const patterns = letters.map((letter) => ({
    letter,
    full: new RegExp(`^${letter}$`, "iu"),
    fast: new FoldedRegExp(`^${letter}$`, "iu"),
  }));
  const letterOrDigit = new FoldedRegExp("^[\\p{L}\\p{N}]$", "iu");
  let checked = 0;
  for (let code = 0; code < 0x250; code++) {
    const ch = String.fromCharCode(code);
    const folded = foldLatin(ch);
    if (folded === undefined) continue;
    for (const { letter, full, fast } of patterns) {
      expect([ch, letter, fast.test(ch, folded)]).toEqual([ch, letter, full.test(ch)]);
      checked++;
    }
    expect([ch, /^[\p{L}\p{N}]$/iu.test(ch)]).toEqual([ch, letterOrDigit.test(ch, folded)]);
  }
  expect(checked).toBeGreaterThan(500 * letters.length);
});

test("text outside the Latin range, or longer in lower case, takes the pattern as written", () => {
  expect(foldLatin("Du får et fradrag")).toBe("du får et fradrag");
  expect(foldLatin("Sanktion")).toBe("sanktion");
  expect(foldLatin("İstanbul")).toBeUndefined();
  expect(foldLatin("Fradrag — 3 dage")).toBeUndefined();
  const pattern = new FoldedRegExp("\\bfradrag\\w*", "giu");
  expect(pattern.pick("Fradrag — 3 dage", undefined).pattern.flags).toBe("giu");
  expect(pattern.pick("Fradrag", "fradrag").pattern.flags).toBe("gu");
});

test("sources it cannot translate exactly keep only the pattern as written", () => {
  expect(latinSource("\\p{Lu}\\w+")).toBeUndefined();
  expect(latinSource("\\u00C6ndring")).toBeUndefined();
  expect(latinSource("[A-z]+")).toBeUndefined();
  expect(latinSource("(?:løn|SU)\\b")).toBe("(?:løn|su)\\b");
  expect(latinSource("\\S+\\W")).toBe("\\S+\\W");
});

test("the legal sanction patterns find the same spans on every corpus letter", () => {
  const texts = corpusTexts();
  expect(texts.length).toBeGreaterThan(20);
  let matches = 0;
  for (const pattern of SANCTION_PATTERNS) {
    const folded = new FoldedRegExp(pattern.source, pattern.flags);
    for (const text of texts) {
      const expected = spans(pattern, text);
      matches += expected.length;
      expect(foldedSpans(folded, text)).toEqual(expected);
    }
  }
  expect(matches).toBeGreaterThan(100);
});

test("the legal sanction patterns find the same spans on random Latin text", () => {
  // Words of the patterns in any case, with Latin letters, digits and punctuation between them.
  const words = [
    "fradrag",
    "SANKTION",
    "Nedsat",
    "hjælp",
    "trækker",
    "fra",
    "ydelse",
    "stopper",
    "ſtandſes",
    "ophør",
    "får du ikke",
    "Løn",
    "SU",
    "igen fra den dag",
    "udeblivelse",
  ];
  const pieces = fc.oneof(
    fc.constantFrom(...words),
    fc.constantFrom(" ", ", ", ". ", "\n", "-", "_", "1", "Æ", "ÿ", "Ǆ", "ß", "µ", "ª", "²")
  );
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
      const text = parts.join("");
      for (const pattern of SANCTION_PATTERNS) {
        const folded = new FoldedRegExp(pattern.source, pattern.flags);
        expect(foldedSpans(folded, text)).toEqual(spans(pattern, text));
      }
    }),
    { numRuns: 300 }
  );
});
