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

/**
 * Boundary patterns of the shapes the legal rules used and still use (hearing-deadline.ts); the
 * word lists themselves now live in the rule files as lemmas.
 */
const PATTERNS = [
  "\\bfradrag\\w*",
  "\\bnedsat\\b.{0,30}\\b(?:hjælp|ydelse|kontanthjælp|uddannelseshjælp|sygedagpenge|dagpenge)\\w*",
  "\\b(?:hjælp|ydelse|kontanthjælp)\\w* (?:\\w+ ){0,3}(?:nedsat|stoppet|stoppes|standset|standses)\\b",
  "\\btrække[rs]?\\b.{0,40}\\bfra\\b",
  "\\b(?:træk|trække[rs]?|trukket|fratræk\\w*|fratrukket)\\b.{0,40}?\\b(?:i|fra) (?:din |dit |dine |i )?(?:hjælp|ydelse)\\w*",
  "\\bmist(?:e|er|et|ede)\\b.{0,30}\\b(?:hjælp|ydelse|penge|retten)\\w*",
  "\\bstop(?:per|pe|pes|pet)?\\b",
  "\\bstands(?:e|er|es|et|ning\\w*)\\b",
  "\\bfald(?:e|er)? bort\\b",
  "\\bophør\\w*\\b.{0,30}\\b(?:hjælp|ydelse|udbetaling)\\w*",
  "\\b(?:kommer|møder|deltager|giver|melder) du ikke\\b",
  "\\buden (?:en )?rimelig grund\\b",
  "\\bigen fra (?:den|og med den) dag\\b",
  "\\bfår (?:du )?(?:hjælpen|ydelsen|pengene) igen\\b",
  "\\b(?:løn|lønnen|lønsedl\\w*|indtægt\\w*|SU)\\b",
  "\\b(?:på)?klag\\w*",
  "\\b(?:4|fire) ugers?\\b",
  "\\bAnkestyrelsen\\w*",
  "\\bhøre (?:fra dig|din|dine|dit|om)\\b",
  "\\bbehandle[rs]? (?:\\w+ )?oplysninger\\b",
  "\\b\\w*lov(?:en|ens|s)?\\b",
  "\\b(?:senest|inden|frist\\w*)\\b.{0,60}?\\b(?:\\d{1,2}\\.\\s?(?:januar|december)|\\d{1,2}\\.\\d{1,2}\\.(?:\\d{2,4})?|(?:mandag|fredag))",
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
    expect(PATTERNS.length).toBeGreaterThan(20);
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
