import { readdirSync, readFileSync } from "node:fs";
import { danishBoundaries, danishRegExp } from "../../src/engine/rules/legal/sanction.js";

/**
 * danishRegExp's faster word boundaries must match exactly what the plain Unicode boundary
 * matches: every legal lexicon pattern, run over the whole letter corpus and over crafted
 * edges (Danish letters, digits, punctuation, start and end of text), finds the same matches.
 */

const BOUNDARY = String.raw`(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))`;
function reference(pattern: string, flags: string): RegExp {
  return new RegExp(
    pattern.replaceAll("\\b", BOUNDARY).replaceAll("\\w", "[\\p{L}\\p{N}_]"),
    flags
  );
}

function patternsIn(value: unknown): string[] {
  if (typeof value === "string") return value.includes("\\b") ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(patternsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(patternsIn);
  return [];
}

const LEXICONS = ["legal-sanction.da.json", "legal-own-wording.da.json"];
const PATTERNS = [
  ...LEXICONS.flatMap((name) =>
    patternsIn(JSON.parse(readFileSync(`src/engine/lexicons/${name}`, "utf8")))
  ),
  "\\b(?:4|fire) uger\\b",
  "\\bklage\\w*",
  "\\b(?:ab)?cd\\b",
  "\\b(?:a|-b)x",
  "x\\b",
  "\\sd\\b",
];
const LETTERS = "test/fixtures/letters";
const TEXTS = [
  ...readdirSync(LETTERS).map((name) => readFileSync(`${LETTERS}/${name}`, "utf8")),
  "fradrag,fradraget.fradragsfri 4 uger 14 uger fire uger firefire uger",
  "Ophør af hjælp; ophøret. Æfradrag øfradrag 2fradrag -b x ab cd abcd cd x",
  "x",
  "",
];

describe("danishRegExp word boundaries", () => {
  test("the lexicons hold boundary patterns to test", () => {
    expect(PATTERNS.length).toBeGreaterThan(40);
  });

  test.each(PATTERNS)("%s: the same matches as the plain Unicode boundary", (pattern) => {
    const fast = danishRegExp(pattern, "giu");
    const slow = reference(pattern, "giu");
    for (const text of TEXTS) {
      const found = [...text.matchAll(fast)].map((match) => `${match.index}:${match[0]}`);
      const expected = [...text.matchAll(slow)].map((match) => `${match.index}:${match[0]}`);
      expect(found).toEqual(expected);
    }
  });

  test("a literal letter after \\b becomes a word start, before \\b a word end; the rest stays", () => {
    expect(danishBoundaries("\\bfradrag\\w*")).toBe("(?<![\\p{L}\\p{N}])fradrag\\w*");
    expect(danishBoundaries("uger\\b")).toBe("uger(?![\\p{L}\\p{N}])");
    expect(danishBoundaries("\\w*\\b")).toBe(`\\w*${BOUNDARY}`);
    expect(danishBoundaries("\\b(?:ab)?cd")).toBe(`${BOUNDARY}(?:ab)?cd`);
    expect(danishBoundaries("\\b(?:a|-b)")).toBe(`${BOUNDARY}(?:a|-b)`);
    expect(danishBoundaries("\\d\\b")).toBe(`\\d${BOUNDARY}`);
  });
});
