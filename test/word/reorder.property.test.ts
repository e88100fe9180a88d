/// <reference types="office-js" />
import fc from "fast-check";
import type { Edit } from "../../src/engine/edits/edit.js";
import { applyEdits } from "../../src/word/apply.js";
import { keptBlocks } from "../../src/word/plan.js";
import { readLetter } from "../../src/word/read.js";
import { fakeFromLetter } from "./support.js";

/**
 * Any reorder that keeps the legal blocks in their order, with or without an inserted lead:
 * Word ends up reading exactly as the engine's own applyEdits says, the locked control is
 * untouched, two syncs at most, and rejecting all tracked changes gives the letter back.
 */
describe("reorder in Word = reorder in the engine (property)", () => {
  test("random block orders of a real letter with a locked klagevejledning", async () => {
    const probe = fakeFromLetter("afgoerelse-med-klagevejledning");
    let restore = probe.install();
    const blocks = (await readLetter(probe.context())).letter.blocks.length;
    restore();

    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray([...Array(blocks).keys()], { minLength: blocks, maxLength: blocks }),
        fc.option(fc.integer({ min: 0, max: blocks }), { nil: undefined }),
        fc.constantFrom("1.3", "1.4"),
        async (order, leadBefore, wordApi) => {
          const fake = fakeFromLetter("afgoerelse-med-klagevejledning", { wordApi });
          restore = fake.install();
          try {
            const word = await readLetter(fake.context());
            const controls = fake.controls();
            const original = fake.currentParagraphs();
            const edits: Edit[] = [{ kind: "reorder", order }];
            if (leadBefore !== undefined) {
              edits.unshift({
                kind: "insertBlock",
                before: leadBefore,
                text: "Du skal i praktik fra mandag den 7. december 2026.",
                blockKind: "paragraph",
              });
            }
            fake.syncCount = 0;
            const result = await applyEdits(fake.context(), word, edits);
            expect(fake.syncCount).toBeLessThanOrEqual(2);
            expect(result.refused).toEqual([]);
            expect(fake.controls()).toEqual(controls);
            const after = await readLetter(fake.context());
            expect(after.letter.blocks.map((block) => block.text)).toEqual(
              result.expected.blocks.map((block) => block.text)
            );
            if (wordApi === "1.4") {
              fake.model.rejectAll();
              expect(fake.currentParagraphs()).toEqual(original);
            }
          } finally {
            restore();
          }
        }
      ),
      { numRuns: 60 }
    );
  });

  test("the blocks that stay form the longest run in order and always include every legal block", () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }).chain((legal) =>
          fc.tuple(
            fc.constant(legal),
            fc.shuffledSubarray([...legal.keys()], {
              minLength: legal.length,
              maxLength: legal.length,
            })
          )
        ),
        ([legal, order]) => {
          const letter = {
            text: "",
            blocks: legal.map((isLegal) =>
              isLegal
                ? {
                    kind: "legal" as const,
                    text: "",
                    start: 0,
                    end: 0,
                    legal: { id: "x", version: "1" },
                  }
                : { kind: "paragraph" as const, text: "", start: 0, end: 0 }
            ),
          };
          const legalOrder = order.filter((block) => legal[block]);
          const legalInOrder = legalOrder.every(
            (block, index) => index === 0 || block > legalOrder[index - 1]!
          );
          const kept = keptBlocks(letter, order);
          if (!legalInOrder) {
            expect(kept).toBeUndefined();
            return;
          }
          expect(kept).toBeDefined();
          const stays = order.filter((block) => kept!.has(block));
          expect(stays).toEqual([...stays].sort((a, b) => a - b));
          legal.forEach((isLegal, block) => {
            if (isLegal) expect(kept!.has(block)).toBe(true);
          });
        }
      )
    );
  });
});
