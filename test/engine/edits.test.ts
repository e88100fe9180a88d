import fc from "fast-check";
import { applyEdits } from "../../src/engine/edits/apply.js";
import type { Edit } from "../../src/engine/edits/edit.js";
import { checkEdit, checkRange } from "../../src/engine/edits/guard.js";
import { replaceTarget } from "../../src/engine/edits/target.js";
import {
  assertLetter,
  buildLetter,
  type BlockInput,
  type Letter,
} from "../../src/engine/letter/model.js";

const guidance =
  "Kommer du ikke til samtalen, og har du ikke en rimelig grund, får du ikke hjælp for de dage, indtil du kontakter os igen.";

function sampleLetter(): Letter {
  return buildLetter([
    { kind: "subject", text: "Indkaldelse til samtale" },
    { kind: "paragraph", text: "Du skal til samtale torsdag den 3. december 2026 kl. 9.15." },
    { kind: "legal", text: guidance, legal: { id: "sanktion-udeblivelse", version: "2" } },
    { kind: "closing", text: "Venlig hilsen" },
  ]);
}

describe("the guard", () => {
  const letter = sampleLetter();
  const legal = letter.blocks[2]!;

  test("refuses any replacement that overlaps a protected block", () => {
    expect(checkRange(letter, legal.start, legal.start + 5).ok).toBe(false);
    expect(checkRange(letter, legal.start - 2, legal.start + 1).ok).toBe(false);
    expect(checkRange(letter, legal.end - 1, legal.end + 2).ok).toBe(false);
    expect(checkRange(letter, legal.start + 3, legal.start + 3).ok).toBe(false);
  });

  test("allows insertions at the edges of a protected block and edits elsewhere", () => {
    expect(checkRange(letter, legal.start, legal.start).ok).toBe(true);
    expect(checkRange(letter, legal.end, legal.end).ok).toBe(true);
    expect(checkRange(letter, 0, 10).ok).toBe(true);
  });

  test("names the block it protects", () => {
    const verdict = checkEdit(letter, {
      kind: "replace",
      start: legal.start,
      end: legal.end,
      text: "",
    });
    expect(verdict).toEqual({
      ok: false,
      reason: expect.stringContaining("sanktion-udeblivelse@2"),
      protectsLegal: true,
    });
  });

  // Faces told refusals apart by matching the English reason text; the verdict now says it.
  test("says whether a refusal protects legal text", () => {
    const touching = checkRange(letter, legal.start, legal.start + 5);
    expect(touching).toMatchObject({ ok: false, protectsLegal: true });
    expect(checkRange(letter, 5, 2)).toMatchObject({ ok: false, protectsLegal: false });
    const result = applyEdits(letter, [
      { kind: "replace", start: legal.start, end: legal.start + 3, text: "x" },
      { kind: "reorder", order: [0] },
    ]);
    expect(result.refused.map((refusal) => refusal.protectsLegal)).toEqual([true, false]);
  });

  test("refuses malformed edits", () => {
    expect(checkRange(letter, 5, 2).ok).toBe(false);
    expect(checkRange(letter, 0, letter.text.length + 1).ok).toBe(false);
    expect(checkEdit(letter, { kind: "reorder", order: [0, 1, 1, 3] }).ok).toBe(false);
    expect(
      checkEdit(letter, { kind: "insertBlock", before: 9, text: "x", blockKind: "paragraph" }).ok
    ).toBe(false);
  });
});

describe("the guard refuses what it cannot vouch for (issue 12.4)", () => {
  const letter = sampleLetter();

  // Bug (issue 12.4): an inserted "legal" block passed and became a protected block without an
  // approved source (and without a reference, so assertLetter failed).
  test("an inserted legal block is refused, as protecting legal text", () => {
    const edit: Edit = { kind: "insertBlock", before: 1, text: guidance, blockKind: "legal" };
    expect(checkEdit(letter, edit)).toEqual({
      ok: false,
      reason: expect.stringContaining("legal block cannot be inserted"),
      protectsLegal: true,
    });
    const result = applyEdits(letter, [edit]);
    expect(result.applied).toEqual([]);
    expect(result.letter.text).toBe(letter.text);
    assertLetter(result.letter);
  });

  // Bug (issue 12.4): an unknown kind made checkEdit return undefined and applyEdits throw.
  test("an edit of an unknown kind, or malformed, is refused with a reason, never thrown", () => {
    const odd = [
      { kind: "delete", start: 0, end: 3 },
      { kind: "replace", start: 0, end: 3 },
      { kind: "reorder" },
      { kind: "insertBlock", before: 0, text: "Hej", blockKind: "poem" },
      { kind: "insertBlock", before: 0, text: "  ", blockKind: "paragraph" },
      null,
    ] as unknown as Edit[];
    for (const edit of odd) {
      const verdict = checkEdit(letter, edit);
      expect(verdict).toEqual({ ok: false, reason: expect.any(String), protectsLegal: false });
    }
    expect(checkEdit(letter, odd[0]!)).toMatchObject({ reason: 'unknown edit kind "delete"' });
    const result = applyEdits(letter, odd);
    expect(result.applied).toEqual([]);
    expect(result.refused).toHaveLength(odd.length);
    expect(result.letter.text).toBe(letter.text);
  });
});

describe("replaceTarget: the one choice of block for every write path (issue 12.1)", () => {
  test("an insertion at a protected block's edge has no target and says why", () => {
    const letter = sampleLetter();
    const legal = letter.blocks[2]!;
    for (const at of [legal.start, legal.end]) {
      expect(replaceTarget(letter, { kind: "replace", start: at, end: at, text: "x" })).toEqual({
        ok: false,
        reason: expect.stringContaining("sanktion-udeblivelse@2"),
        protectsLegal: true,
      });
    }
    const body = letter.blocks[1]!;
    expect(
      replaceTarget(letter, { kind: "replace", start: body.end, end: body.end, text: "x" })
    ).toEqual({ ok: true, block: 1 });
    expect(
      replaceTarget(letter, { kind: "replace", start: body.start, end: legal.start, text: "" })
    ).toMatchObject({ ok: false, protectsLegal: false });
  });
});

describe("applyEdits", () => {
  test("applies replacements, insertions and a reorder, and reports refusals", () => {
    const letter = sampleLetter();
    const body = letter.blocks[1]!;
    const at = body.start + body.text.indexOf("torsdag");
    const result = applyEdits(letter, [
      { kind: "replace", start: at, end: at + "torsdag".length, text: "TORSDAG" },
      { kind: "insertBlock", before: 1, text: "Kære Jens", blockKind: "greeting" },
      { kind: "reorder", order: [0, 2, 1, 3] },
      {
        kind: "replace",
        start: letter.blocks[2]!.start,
        end: letter.blocks[2]!.start + 7,
        text: "Hvis",
      },
    ]);
    expect(result.refused).toHaveLength(1);
    expect(result.letter.blocks.map((b) => b.kind)).toEqual([
      "subject",
      "legal",
      "greeting",
      "paragraph",
      "closing",
    ]);
    expect(result.letter.blocks[3]!.text).toContain("TORSDAG den 3. december");
    expect(result.letter.blocks[1]!.text).toBe(guidance);
    assertLetter(result.letter);
  });

  // Bug found by the property test below: an insertion at the first character of a protected block
  // passed the guard (it is outside the block) but was then written into the protected block.
  test("an insertion at the edge of a protected block never lands inside it", () => {
    const letter = buildLetter([
      { kind: "legal", text: "Du kan klage.", legal: { id: "klagevejledning", version: "2" } },
      { kind: "paragraph", text: "Ring til os." },
    ]);
    const result = applyEdits(letter, [{ kind: "replace", start: 0, end: 0, text: "Bemærk: " }]);
    expect(result.letter.blocks[0]!.text).toBe("Du kan klage.");
    expect(result.refused).toHaveLength(1);
  });

  test("refuses overlapping replacements in one batch instead of garbling text", () => {
    const letter = sampleLetter();
    const result = applyEdits(letter, [
      { kind: "replace", start: 2, end: 10, text: "a" },
      { kind: "replace", start: 5, end: 12, text: "b" },
    ]);
    expect(result.applied).toHaveLength(1);
    expect(result.refused[0]!.reason).toMatch(/overlaps/);
  });
});

// Property: whatever letters and edit sequences we throw at the engine, a protected block's text
// never changes, and protected blocks are never lost or duplicated.
const words = [
  "du",
  "skal",
  "møde",
  "kl.",
  "10.00",
  "hjælp",
  "fradrag",
  "§",
  "13,",
  "stk.",
  "7",
  "æøå",
  "\u00a0",
];
const textArb = fc
  .array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 })
  .map((w) => w.join(" "));
const blockArb: fc.Arbitrary<BlockInput> = fc.oneof(
  fc.record({
    kind: fc.constantFrom("paragraph", "heading", "address", "listItem" as const),
    text: textArb,
  }),
  fc.record({
    kind: fc.constant("legal" as const),
    text: textArb,
    legal: fc.record({
      id: fc.constantFrom("klagevejledning", "partshoering"),
      version: fc.constantFrom("1", "2"),
    }),
  })
);
const letterArb = fc
  .tuple(fc.array(blockArb, { minLength: 1, maxLength: 8 }), fc.constantFrom("\n", "\n\n"))
  .map(([blocks, separator]) => buildLetter(blocks as BlockInput[], separator));

function editArb(letter: Letter): fc.Arbitrary<Edit> {
  const length = letter.text.length;
  const count = letter.blocks.length;
  return fc.oneof(
    fc.tuple(fc.nat({ max: length }), fc.nat({ max: length }), textArb).map(([a, b, text]) => ({
      kind: "replace" as const,
      start: Math.min(a, b),
      end: Math.max(a, b),
      text,
    })),
    fc.tuple(fc.nat({ max: count }), textArb).map(([before, text]) => ({
      kind: "insertBlock" as const,
      before,
      text,
      blockKind: "paragraph" as const,
    })),
    fc
      .shuffledSubarray([...Array(count).keys()], { minLength: count, maxLength: count })
      .map((order) => ({
        kind: "reorder" as const,
        order,
      }))
  );
}

test("property: no edit sequence ever changes a protected block's text", () => {
  fc.assert(
    fc.property(
      letterArb.chain((letter) =>
        fc.tuple(fc.constant(letter), fc.array(editArb(letter), { maxLength: 10 }))
      ),
      ([letter, edits]) => {
        const before = letter.blocks
          .filter((b) => b.kind === "legal")
          .map((b) => `${b.legal!.id}@${b.legal!.version}:${b.text}`);
        const { letter: after, refused, applied } = applyEdits(letter, edits);
        assertLetter(after);
        const afterLegal = after.blocks
          .filter((b) => b.kind === "legal")
          .map((b) => `${b.legal!.id}@${b.legal!.version}:${b.text}`);
        expect(afterLegal.sort()).toEqual(before.sort());
        expect(applied.length + refused.length).toBe(edits.length);
        for (const block of after.blocks)
          expect(after.text.slice(block.start, block.end)).toBe(block.text);
      }
    ),
    { numRuns: 500 }
  );
});

test("property: applying edits in several steps (as a caseworker does) keeps protected blocks too", () => {
  fc.assert(
    fc.property(letterArb, fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), (letter, seeds) => {
      const original = letter.blocks
        .filter((b) => b.kind === "legal")
        .map((b) => b.text)
        .sort();
      let current = letter;
      for (const seed of seeds) {
        const edit = fc.sample(editArb(current), { numRuns: 1, seed })[0]!;
        current = applyEdits(current, [edit]).letter;
      }
      expect(
        current.blocks
          .filter((b) => b.kind === "legal")
          .map((b) => b.text)
          .sort()
      ).toEqual(original);
    }),
    { numRuns: 200 }
  );
});
