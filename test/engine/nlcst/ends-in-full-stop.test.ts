import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import type { Nodes, Word } from "nlcst";
import { toString } from "nlcst-to-string";
import { ParseLatin } from "parse-latin";
import { endsInFullStop } from "../../../src/engine/nlcst/danish-sentences.js";

/** endsInFullStop replaces `toString(word).endsWith(".")` in the sentence splitter. */
function wordsOf(node: Nodes, into: Word[] = []): Word[] {
  if (node.type === "WordNode") into.push(node);
  if ("children" in node) for (const child of node.children) wordsOf(child as Nodes, into);
  return into;
}

const texts = ["test/fixtures/letters", "test/corpus/letters"].flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => /\.(txt|md)$/u.test(name))
    .map((name) => readFileSync(`${folder}/${name}`, "utf8"))
);

describe("endsInFullStop", () => {
  test("agrees with the word's text on every word parse-latin makes of the corpus letters", () => {
    let withStop = 0;
    for (const text of texts) {
      for (const word of wordsOf(new ParseLatin().parse(text))) {
        expect(endsInFullStop(word)).toBe(toString(word).endsWith("."));
        if (endsInFullStop(word)) withStop++;
      }
    }
    expect(withStop).toBeGreaterThan(100);
  });

  test("agrees with the word's text on any children, empty values included", () => {
    const literal = fc.record({
      type: fc.constantFrom("TextNode" as const, "PunctuationNode" as const, "SymbolNode" as const),
      value: fc.constantFrom("", ".", "m.m.", "kl", "a", "..", ".a", "-"),
    });
    fc.assert(
      fc.property(fc.array(literal, { maxLength: 5 }), (children) => {
        const word = { type: "WordNode", children } as Word;
        expect(endsInFullStop(word)).toBe(toString(word).endsWith("."));
      }),
      { numRuns: Number(process.env.KLARBREV_PROPERTY_RUNS ?? 300) }
    );
  });
});
