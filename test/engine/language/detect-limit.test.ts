import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { formsOf } from "../../../src/engine/linguistics/vocabulary.js";
import { detectLanguage } from "../../../src/engine/rules/language/detect.js";
import { forgetTextMemos } from "../../../src/engine/util/text-memo.js";

/**
 * detectLanguage stops reading words at the word limit (lines after it are only asked for æ, ø,
 * å). The oracle reads every line's words, as before that change.
 */
const DANISH = formsOf("functionWords", "da");
const ENGLISH = formsOf("functionWords", "en");
const WORDS_READ = 2000;

function oldDetect(text: string): "da" | "en" {
  let letters = false;
  let danish = 0;
  let english = 0;
  let read = 0;
  for (const line of text.split("\n")) {
    const words = line.toLowerCase().match(/\p{L}+/gu) ?? [];
    letters ||= /[æøåÆØÅ]/u.test(line);
    for (const word of words) {
      if (read >= WORDS_READ) break;
      if (DANISH.has(word)) danish++;
      if (ENGLISH.has(word)) english++;
      read++;
    }
  }
  if (letters) danish += 3;
  return english > danish * 1.5 ? "en" : "da";
}

const letters = ["test/fixtures/letters", "test/corpus/letters"].flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => /\.(txt|md)$/u.test(name))
    .map((name) => readFileSync(`${folder}/${name}`, "utf8"))
);

describe("detectLanguage's word limit", () => {
  test("the corpus letters, alone and many in a row (past the limit)", () => {
    const long = letters.join("\n");
    expect(long.split(/\s+/u).length).toBeGreaterThan(3 * WORDS_READ);
    for (const text of [...letters, long, `${"the and of to in ".repeat(500)}\n${long}`]) {
      forgetTextMemos();
      expect(detectLanguage(text)).toBe(oldDetect(text));
    }
  });

  test("random lines around the limit: function words of both languages, æ, ø, å late", () => {
    const word = fc.constantFrom(
      "og",
      "at",
      "det",
      "ikke",
      "the",
      "and",
      "of",
      "is",
      "Jobcenter",
      "xyz",
      "blåbær",
      "Øst",
      "COUNCIL"
    );
    const line = fc.array(word, { maxLength: 40 }).map((words) => words.join(" "));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 150 }), fc.nat(3000), (lines, filler) => {
        const text = [`${"the of and is ".repeat(Math.floor(filler / 4))}`, ...lines].join("\n");
        forgetTextMemos();
        expect(detectLanguage(text)).toBe(oldDetect(text));
      }),
      { numRuns: Number(process.env.KLARBREV_PROPERTY_RUNS ?? 200) }
    );
  });
});
