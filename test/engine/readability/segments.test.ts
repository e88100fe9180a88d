import { readdirSync, readFileSync } from "node:fs";
import { classifyText } from "../../../src/engine/letter/classify.js";
import { danishParagraphPlugin } from "../../../src/engine/nlcst/danish-sentences.js";
import { parseLetter } from "../../../src/engine/nlcst/letter-parser.js";
import { computeStats } from "../../../src/engine/rules/readability/counts.js";
import { forgetTextMemos } from "../../../src/engine/util/text-memo.js";
import { ParseLatin } from "parse-latin";

/**
 * The segments (LIX sentences) of a tree are the same whether a paragraph's counts were computed
 * in this analysis (its segments kept from that walk) or remembered from an earlier one (its
 * segments walked anew): every corpus letter, fresh, remembered, and with repeated paragraphs
 * (the second copy of a text is remembered within one analysis).
 */

const texts = ["test/fixtures/letters", "test/corpus/letters"].flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => /\.(txt|md)$/u.test(name))
    .map((name) => ({ name, text: readFileSync(`${folder}/${name}`, "utf8") }))
);

function statsOfText(text: string) {
  const letter = classifyText(text, { format: "txt" });
  const parser = new ParseLatin();
  parser.tokenizeParagraphPlugins.unshift(danishParagraphPlugin);
  return computeStats(parseLetter(parser, letter), letter);
}

/** What a segment says, without its sentence node (each parse has its own). */
function plain(stats: ReturnType<typeof statsOfText>) {
  return stats.segments.map(({ blockIndex, from, to, words, start, end }) => ({
    blockIndex,
    from,
    to,
    words,
    start,
    end,
  }));
}

describe("readability segments, counted now or remembered", () => {
  test.each(texts.map(({ name, text }) => [name, text]))("%s", (_name, text) => {
    for (const letter of [text, `${text}\n\n${text}`]) {
      // Fresh: each paragraph counted now (a repeated one remembered from its first copy).
      forgetTextMemos();
      const fresh = statsOfText(letter);
      // Remembered: every paragraph's segments walked anew, as before they were kept.
      const remembered = statsOfText(letter);
      expect(fresh.segments.length).toBeGreaterThan(0);
      expect(plain(fresh)).toEqual(plain(remembered));
      expect(fresh.blocks).toEqual(remembered.blocks);
    }
  });
});
