import type { Sentence } from "nlcst";
import { VFile } from "vfile";
import { classifyText } from "../../../src/engine/letter/classify.js";
import { eachSentence } from "../../../src/engine/nlcst/traverse.js";
import { processor } from "../../../src/engine/processor.js";
import { tokensOf } from "../../../src/engine/rules/plain/tokens.js";

/**
 * tokensOf keeps a sentence's tokens on the sentence node (no WeakMap keyed by the sentences of
 * every fresh analysis): read once, found again, moved with the sentence, and invisible to
 * anything that compares or serialises the tree.
 */
function sentencesOf(text: string): { sentences: Sentence[]; letterText: string } {
  const letter = classifyText(text);
  const file = new VFile({ value: text });
  file.data.letter = letter;
  const tree = processor().parse(file);
  const sentences: Sentence[] = [];
  eachSentence(tree, letter, ({ sentence }) => sentences.push(sentence));
  return { sentences, letterText: letter.text };
}

describe("tokensOf's cache on the sentence", () => {
  const text =
    "Kære Jens\n\nDu bedes venligst fremsende dine lønsedler. Vi indkalder dig til et møde.\n";

  test("the same token list for the same sentence, with the words and their offsets", () => {
    const { sentences, letterText } = sentencesOf(text);
    const sentence = sentences.find((s) =>
      letterText.slice(s.position!.start.offset!).startsWith("Du")
    )!;
    const tokens = tokensOf(sentence, letterText);
    expect(tokens.map((t) => t.lower)).toEqual([
      "du",
      "bedes",
      "venligst",
      "fremsende",
      "dine",
      "lønsedler",
    ]);
    for (const token of tokens) expect(letterText.slice(token.start, token.end)).toBe(token.text);
    expect(tokensOf(sentence, letterText)).toBe(tokens);
  });

  test("a sentence moved by an edit before it gets its tokens moved", () => {
    const { sentences, letterText } = sentencesOf(text);
    const sentence = sentences.at(-1)!;
    const tokens = tokensOf(sentence, letterText);
    const moved = `XX${letterText}`;
    for (const point of new Set([sentence.position!.start, sentence.position!.end]))
      point.offset! += 2;
    const again = tokensOf(sentence, moved);
    expect(again).not.toBe(tokens);
    expect(again.map((t) => moved.slice(t.start, t.end))).toEqual(tokens.map((t) => t.text));
  });

  test("the tree compares and serialises as without the cache", () => {
    const { sentences, letterText } = sentencesOf(text);
    const fresh = sentencesOf(text).sentences;
    const before = JSON.stringify(sentences);
    for (const sentence of sentences) tokensOf(sentence, letterText);
    expect(JSON.stringify(sentences)).toBe(before);
    expect(sentences).toEqual(fresh);
    expect(Object.keys(sentences[0]!)).toEqual(Object.keys(fresh[0]!));
  });
});
