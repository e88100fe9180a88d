import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { matchersOf } from "../../../src/engine/rules/matchers.js";
import { FormFinder, wordsIn, type Match } from "../../../src/engine/rules/threat/patterns.js";

/**
 * FormFinder reads each text's words once, lower-cased as slices of the whole text's lower case
 * and scanned without a regex. The oracle is the finder before that change: the words by the
 * regex, each lower-cased on its own.
 */
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

function oldWordsIn(text: string): Match[] {
  return [...text.matchAll(WORD)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
}

function oldFind(forms: readonly string[], compounds: boolean, text: string): Match[] {
  const single = new Set<string>();
  const multi = new Map<string, string[][]>();
  for (const form of forms) {
    const words = form.toLowerCase().split(/\s+/u);
    if (words.length === 1) single.add(words[0]!);
    else multi.set(words[0]!, [...(multi.get(words[0]!) ?? []), words]);
  }
  for (const list of multi.values()) list.sort((a, b) => b.length - a.length);
  const isCompound = (lower: string) => {
    for (let start = 3; lower.length - start >= 4; start++)
      if (single.has(lower.slice(start))) return true;
    return false;
  };
  const words = oldWordsIn(text);
  const found: Match[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const lower = word.text.toLowerCase();
    const sequence = multi
      .get(lower)
      ?.find((candidate) =>
        candidate.every((part, offset) => words[index + offset]?.text.toLowerCase() === part)
      );
    if (sequence) {
      const last = words[index + sequence.length - 1]!;
      found.push({ start: word.start, end: last.end, text: text.slice(word.start, last.end) });
      index += sequence.length - 1;
    } else if (single.has(lower) || (compounds && isCompound(lower))) {
      found.push(word);
    }
  }
  return found;
}

const texts = ["test/fixtures/letters", "test/corpus/letters"].flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => /\.(txt|md)$/u.test(name))
    .map((name) => readFileSync(`${folder}/${name}`, "utf8"))
);
const ruleForms = ["threat/shouting", "threat/sanction", "threat/obligation"].map((rule) =>
  matchersOf(rule).flatMap((entry) => entry.forms ?? [])
);

describe("FormFinder against the word-by-word finder", () => {
  test("the rule files' forms in every corpus letter, with and without compounds", () => {
    expect(texts.length).toBeGreaterThan(10);
    let hits = 0;
    for (const forms of ruleForms) {
      expect(forms.length).toBeGreaterThan(0);
      for (const compounds of [false, true]) {
        const finder = new FormFinder(forms, compounds);
        for (const text of texts) {
          const expected = oldFind(forms, compounds, text);
          expect(finder.find(text)).toEqual(expected);
          expect(finder.test(text)).toBe(expected.length > 0);
          hits += expected.length;
        }
      }
    }
    expect(hits).toBeGreaterThan(50);
  });

  test("wordsIn equals the word regex", () => {
    for (const text of texts) expect(wordsIn(text)).toEqual(oldWordsIn(text));
  });

  test("random texts: case, hyphens, apostrophes, İ and Σ (lower case that moves), surrogates", () => {
    const forms = ["pligt", "krav", "tusind tak", "glæder os", "glæder os meget", "møde op", "su"];
    const pieces = fc.constantFrom(
      "Pligt",
      "MØDEPLIGT",
      "krav",
      "SU-kravet",
      "su",
      "tusind",
      "TAK",
      "glæder",
      "os",
      "meget",
      "møde",
      "op",
      "İ",
      "İstanbul",
      "ΑΣ",
      "ΟΔΟΣ.",
      "Σ",
      "'",
      "’",
      "-",
      "--",
      " ",
      "\n",
      ".",
      ",",
      "🙂",
      "\ud83d",
      "e\u0301",
      "12",
      "ß",
      "ǅ",
      // Lower-cased to a Latin letter without being one: the Kelvin sign is "k", the Ångström sign
      // "å"; the long s folds to "s" in a case-insensitive pattern but does not lower-case to it.
      "\u212arav",
      "M\u212bDE",
      "ſu"
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.boolean(), (parts, compounds) => {
        const text = parts.join("");
        const finder = new FormFinder(forms, compounds);
        expect(finder.find(text)).toEqual(oldFind(forms, compounds, text));
        expect(wordsIn(text)).toEqual(oldWordsIn(text));
      }),
      { numRuns: Number(process.env.KLARBREV_PROPERTY_RUNS ?? 500) }
    );
  });
});
