import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formsOf, lemmas, vocabulary } from "../../../src/engine/linguistics/vocabulary.js";

/**
 * Issue 8 §5: the English language pack keeps its words in data (src/engine/vocabularies/en,
 * src/engine/rules/en), as the Danish one does; its TypeScript holds only the algorithms and the
 * sentences the engine writes. This test reads the English modules' source and fails on a word
 * list written in code: an array of words, a regex alternation of words, a literal word in a
 * regex, or a comparison with a word.
 */
const ROOT = fileURLToPath(new URL("../../../src/engine", import.meta.url));
const MODULES = [
  "consequence/english.ts",
  "i18n/english-findings.ts",
  ...readdirSync(join(ROOT, "rules/essentials/en")).map((name) => `rules/essentials/en/${name}`),
  ...readdirSync(join(ROOT, "rules/plain/en")).map((name) => `rules/plain/en/${name}`),
];

/** The code of a module without its comments (which quote example words freely). */
function code(path: string): string {
  return readFileSync(join(ROOT, path), "utf8")
    .replace(/\/\*[\s\S]*?\*\//gu, "")
    .replace(/^\s*\/\/.*$/gmu, "")
    .replace(/\s\/\/ .*$/gmu, "");
}

const WORD_LISTS: Array<[string, RegExp]> = [
  ["an array of words", /\[\s*(?:"[A-Za-z' ]+"\s*,\s*){2,}"[A-Za-z' ]+"/gu],
  ["a regex alternation of words", /(?<![\\$\w{])[a-z]{2,}\|[a-z]{2,}(?![\w}])/gu],
  ["a literal word in a regex", /\(\?:[a-z]{2,}\\\\s/gu],
  // A word of the letter compared with a literal ("lower === \"unless\""), not a data key.
  ["a comparison with a word", /\b(?:lower|word|toLowerCase\(\))\s*===\s*"[a-z]{2,}"/giu],
];

/** Words that are the code's own identifiers, not English: typeof names and block kinds. */
const IDENTIFIERS = new Set([
  ...["string", "number", "boolean", "object", "function", "undefined"],
  ...[...readFileSync(join(ROOT, "letter/model.ts"), "utf8").matchAll(/^\s*\| "(\w+)"/gmu)].map(
    (match) => match[1]!
  ),
]);

/** The word lists in a piece of code, each as "what: text". */
function wordLists(source: string): string[] {
  return WORD_LISTS.flatMap(([what, pattern]) =>
    [...source.matchAll(pattern)]
      .filter((match) =>
        (match[0].match(/[a-z']{2,}/giu) ?? []).some((word) => !IDENTIFIERS.has(word))
      )
      .map((match) => `${what}: ${match[0]}`)
  );
}

describe("English word lists live in data, not in TypeScript", () => {
  it.each(MODULES)("%s has no word list in its code", (path) => {
    expect(wordLists(code(path))).toEqual([]);
  });

  it("the detector catches the word lists the modules used to have", () => {
    const before = [
      'const MONTHS = [\n  "January",\n  "February",\n  "March",\n];',
      'const DAY = "(\\\\d{1,2})(?:st|nd|rd|th)?";',
      '`(?:${roleSource("deadlineKeyword", "en")})\\\\s+(?:the\\\\s+)?$`',
      'let failure = words[index]!.lower === "unless";',
    ];
    for (const source of before) expect(wordLists(source)).not.toEqual([]);
  });

  it("the words moved out of the code are in the English vocabularies", () => {
    expect(lemmas("months", "en")).toHaveLength(12);
    expect(lemmas("weekdays", "en")[0]).toBe("monday");
    expect(formsOf("exceptionOpeners", "en")).toEqual(new Set(["unless"]));
    expect(formsOf("otherwiseMarkers", "en")).toEqual(new Set(["otherwise", "or else"]));
    expect(formsOf("negationSuffixes", "en")).toEqual(new Set(["n't"]));
    expect(formsOf("ordinalSuffixes", "en")).toEqual(new Set(["st", "nd", "rd", "th"]));
    expect(formsOf("dateArticles", "en")).toEqual(new Set(["the"]));
    expect(formsOf("monthPrepositions", "en")).toEqual(new Set(["of"]));
    expect(formsOf("complementizers", "en")).toEqual(new Set(["that", "to"]));
    expect(formsOf("actionAdverbs", "en")).toEqual(new Set(["also"]));
    expect(vocabulary("meridiems", "en").entries.map((entry) => entry.lemma)).toEqual(["am", "pm"]);
  });
});
