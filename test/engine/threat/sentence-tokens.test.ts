import { readdirSync, readFileSync } from "node:fs";
import { wordTokens } from "../../../src/engine/linguistics/phrase.js";
import { detectObligations } from "../../../src/engine/rules/threat/obligation.js";
import { sentenceTokens } from "../../../src/engine/rules/threat/sentence-tokens.js";
import { detectWarnings } from "../../../src/engine/rules/threat/warning.js";
import { forgetTextMemos } from "../../../src/engine/util/text-memo.js";

/**
 * The obligation and warning rules share one token list per sentence text: the list is
 * wordTokens' own, and neither rule changes it (the other rule reads it after).
 */
const sentences = ["test/fixtures/letters", "test/corpus/letters"]
  .flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => /\.(txt|md)$/u.test(name))
      .map((name) => readFileSync(`${folder}/${name}`, "utf8"))
  )
  .flatMap((text) => text.split(/(?<=[.!?])\s+/u));

describe("sentenceTokens", () => {
  test("is wordTokens, remembered per text, and left as it was by both rules", () => {
    forgetTextMemos();
    let hits = 0;
    for (const sentence of sentences) {
      const tokens = sentenceTokens(sentence);
      expect(tokens).toEqual(wordTokens(sentence));
      hits += detectObligations(sentence).length + detectWarnings(sentence).length;
      expect(sentenceTokens(sentence)).toBe(tokens);
      expect(tokens).toEqual(wordTokens(sentence));
    }
    expect(hits).toBeGreaterThan(10);
  });
});
