import fc from "fast-check";
import { analyzeLetter } from "../../../src/engine/analyze.js";
import { applyEdits } from "../../../src/engine/edits/apply.js";
import { checkEdit } from "../../../src/engine/edits/guard.js";
import { buildLetter, type BlockInput, type BlockKind } from "../../../src/engine/letter/model.js";
import { extractFacts } from "../../../src/engine/rules/essentials/index.js";

const SENTENCES = [
  "Du indkaldes til samtale torsdag den 3. december 2026 kl. 9.15 i Jobcenter Randers, Laksetorvet 1, 8900 Randers C, lokale 2.14.",
  "Udeblivelse uden rimelig grund vil medføre fradrag i din kontanthjælp, jf. lov om aktiv socialpolitik.",
  "Send os dine lønsedler senest den 4. december 2026.",
  "Jobcentret har truffet afgørelse om, at du skal deltage i virksomhedspraktik fra mandag den 7. december 2026.",
  "Jobcentret påtænker at træffe afgørelse om fradrag i din hjælp.",
  "Kan du ikke komme? Ring til os senest kl. 8.30 på dagen.",
  "Samtalen er telefonisk, og vi ringer til dig d. 7.12 kl. 10:30.",
  "Vi har fået dine papirer og vender tilbage.",
  "Tag gerne en liste med over de job, du har søgt.",
];

const KINDS: BlockKind[] = [
  "subject",
  "greeting",
  "paragraph",
  "paragraph",
  "paragraph",
  "listItem",
  "heading",
  "legal",
  "closing",
  "signature",
];

const blockArbitrary: fc.Arbitrary<BlockInput> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    parts: fc.array(
      fc.oneof(fc.constantFrom(...SENTENCES), fc.string({ minLength: 1, maxLength: 40 })),
      {
        minLength: 1,
        maxLength: 3,
      }
    ),
  })
  .map(({ kind, parts }) => {
    const text =
      parts
        .join(" ")
        .replace(/\n{2,}/gu, "\n")
        .trim() || "Tekst.";
    return kind === "legal"
      ? { kind, text, legal: { id: "vejledning", version: "1" } }
      : { kind, text };
  });

describe("properties", () => {
  test("facts always point at their exact text, and proposals never break the letter", () => {
    fc.assert(
      fc.property(fc.array(blockArbitrary, { minLength: 1, maxLength: 12 }), (inputs) => {
        const letter = buildLetter(inputs);
        for (const fact of extractFacts(letter, { referenceDate: "2026-11-20" })) {
          expect(letter.text.slice(fact.start, fact.end)).toBe(fact.text);
          const inLegal = letter.blocks.some(
            (b) => b.kind === "legal" && fact.start < b.end && fact.end > b.start
          );
          expect(inLegal).toBe(false);
        }
        const { proposals } = analyzeLetter(letter);
        const edits = [proposals.lead, proposals.reorder].filter((edit) => edit !== undefined);
        for (const edit of edits) expect(checkEdit(letter, edit)).toEqual({ ok: true });
        const result = applyEdits(letter, edits);
        expect(result.refused).toEqual([]);
        const legal = (blocks: typeof letter.blocks) =>
          blocks.filter((b) => b.kind === "legal").map((b) => b.text);
        expect(legal(result.letter.blocks)).toEqual(legal(letter.blocks));
        expect(result.letter.blocks).toHaveLength(letter.blocks.length + (proposals.lead ? 1 : 0));
      }),
      { numRuns: 300, seed: 20261203 }
    );
  });
});
