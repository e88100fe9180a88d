import { analyzeLetter, analyzeText } from "../../../src/engine/analyze.js";
import { applyEdits } from "../../../src/engine/edits/apply.js";
import { checkEdit } from "../../../src/engine/edits/guard.js";
import { assertLetter, buildLetter, type Letter } from "../../../src/engine/letter/model.js";
import { extractFacts, proposeOrder } from "../../../src/engine/rules/essentials/index.js";
import { LEGAL_FIXTURE, readFixture } from "./helpers.js";

const MEETING = "Du indkaldes til samtale torsdag den 3. december 2026 kl. 9.15";

function legalBlocks(letter: Letter) {
  return letter.blocks
    .filter((block) => block.kind === "legal")
    .map((block) => ({ text: block.text, legal: block.legal }));
}

function bodyTexts(letter: Letter): string[] {
  return letter.blocks.filter((block) => block.kind === "paragraph").map((block) => block.text);
}

describe("proposals for indkaldelse-foer", () => {
  const analysis = analyzeText(readFixture("indkaldelse-foer"));
  const { letter, proposals } = analysis;

  test("a lead before the first body paragraph and a reorder, both passing the guard", () => {
    expect(proposals.lead).toEqual({
      kind: "insertBlock",
      before: 3,
      text: "Du skal til jobsamtale torsdag den 3. december 2026 kl. 9.15 i Jobcenter Randers, Laksetorvet 1, 8900 Randers C, lokale 2.14.",
      blockKind: "paragraph",
      ruleId: "essentials/lead",
    });
    // Meeting paragraph first, the other instructions next, legal basis and sanction warning last.
    expect(proposals.reorder).toEqual({
      kind: "reorder",
      order: [0, 1, 2, 5, 6, 3, 4, 7, 8],
      ruleId: "essentials/reorder",
    });
    expect(checkEdit(letter, proposals.lead!)).toEqual({ ok: true });
    expect(checkEdit(letter, proposals.reorder!)).toEqual({ ok: true });
  });

  test("applying the reorder puts the meeting paragraph first and keeps header and sign-off in place", () => {
    const result = applyEdits(letter, [proposals.reorder!]);
    expect(result.refused).toEqual([]);
    const kinds = result.letter.blocks.map((block) => block.kind);
    expect(kinds.slice(0, 3)).toEqual(["address", "date", "subject"]);
    expect(kinds.slice(-2)).toEqual(["closing", "signature"]);
    expect(result.letter.blocks[3]!.text.startsWith(MEETING)).toBe(true);
    expect(bodyTexts(result.letter)[3]!.startsWith("VIGTIGT: Det bemærkes, at udeblivelse")).toBe(
      true
    );
    expect([...result.letter.blocks.map((block) => block.text)].sort()).toEqual(
      [...letter.blocks.map((block) => block.text)].sort()
    );
    assertLetter(result.letter);
    // Analysed again, the essentials now stand in the lead.
    const again = analyzeLetter(result.letter);
    expect(again.scores.essentials.inLead).toBe(true);
    expect(again.proposals).toEqual({});
  });

  test("applying the lead puts it first among the body paragraphs", () => {
    const result = applyEdits(letter, [proposals.lead!]);
    expect(result.letter.blocks[3]).toMatchObject({
      kind: "paragraph",
      text: proposals.lead!.text,
    });
    expect(analyzeLetter(result.letter).scores.essentials.inLead).toBe(true);
  });
});

describe("the letter with protected legal blocks", () => {
  const original = readFixture(LEGAL_FIXTURE);
  const analysis = analyzeText(original);
  const { letter, proposals } = analysis;

  test("the legal block in the body moves last before the closing; the one after the signature stays", () => {
    expect(letter.blocks.map((block) => block.kind)).toEqual([
      "address",
      "date",
      "subject",
      "paragraph",
      "legal",
      "paragraph",
      "paragraph",
      "closing",
      "signature",
      "legal",
    ]);
    expect(proposals.reorder?.order).toEqual([0, 1, 2, 5, 6, 3, 4, 7, 8, 9]);
  });

  test.each<[string, ("lead" | "reorder")[]]>([
    ["the reorder", ["reorder"]],
    ["the lead", ["lead"]],
    ["both in one batch", ["lead", "reorder"]],
  ])("applying %s leaves every legal block byte-identical", (_, which) => {
    const edits = which.map((name) => proposals[name]!);
    const result = applyEdits(letter, edits);
    expect(result.refused).toEqual([]);
    assertLetter(result.letter);
    expect(legalBlocks(result.letter)).toEqual(legalBlocks(letter));
    for (const block of legalBlocks(letter)) expect(original).toContain(block.text);
    const kinds = result.letter.blocks.map((block) => block.kind);
    expect(kinds.at(-1)).toBe("legal"); // still after the signature
    expect(kinds.at(-2)).toBe("signature");
    // Nothing lost: every original block is still there, once.
    for (const block of letter.blocks) {
      expect(result.letter.blocks.filter((b) => b.text === block.text)).toHaveLength(1);
    }
    // The meeting paragraph (or the lead) comes before all legal guidance in the body.
    const first = result.letter.blocks[3]!;
    expect(first.text.startsWith(MEETING) || first.text === proposals.lead!.text).toBe(true);
    const essentials = result.letter.blocks.findIndex((block) =>
      which.includes("reorder")
        ? block.text.startsWith(MEETING)
        : block.text === proposals.lead!.text
    );
    const legalInBody = result.letter.blocks.findIndex(
      (block) => block.legal?.id === "raadighed-vejledning"
    );
    expect(essentials).toBeLessThan(legalInBody);
  });
});

describe("proposals for the other fixtures", () => {
  test("afgørelse: the decision paragraph first, the sanction warning last", () => {
    const { proposals } = analyzeText(readFixture("afgoerelse-praktik-foer"));
    expect(proposals.reorder?.order).toEqual([0, 1, 3, 2, 4, 5, 6]);
    expect(proposals.lead?.before).toBe(2);
  });

  test("partshøring: the deadline paragraph first, then the intention, then the background", () => {
    const { proposals } = analyzeText(readFixture("partshoering-foer"));
    expect(proposals.reorder?.order).toEqual([0, 1, 4, 3, 2, 5, 6]);
  });

  test("indkaldelse-efter: nothing to propose, guidance after the signature untouched", () => {
    expect(analyzeText(readFixture("indkaldelse-efter")).proposals).toEqual({});
  });
});

describe("reorder details", () => {
  test("no reorder when the order would not change", () => {
    // One long first paragraph holding the meeting after word 40: a lead helps, moving does not.
    const letter = buildLetter([
      { kind: "subject", text: "Indkaldelse til samtale" },
      {
        kind: "paragraph",
        text: "Vi skriver til dig, fordi du har modtaget kontanthjælp i et stykke tid, og fordi vi vil hjælpe dig videre mod et job eller en uddannelse. Vi har set på dine oplysninger, og vi kan se, at du tidligere har arbejdet som lagermedarbejder. Derfor skal du til samtale torsdag den 3. december 2026 kl. 10.00 i Jobcenter Randers.",
      },
      { kind: "paragraph", text: "Tag gerne en liste med over de job, du har søgt." },
      { kind: "closing", text: "Med venlig hilsen" },
      { kind: "signature", text: "Birgitte Holm" },
    ]);
    const analysis = analyzeLetter(letter);
    expect(analysis.scores.essentials.inLead).toBe(false);
    expect(analysis.proposals.lead?.before).toBe(1);
    expect(analysis.proposals.reorder).toBeUndefined();
  });

  test("a heading moves with its paragraph, and a lead-in with its list", () => {
    const letter = buildLetter([
      { kind: "subject", text: "Indkaldelse til samtale" },
      { kind: "paragraph", text: "Vi vil gerne høre, hvordan det går med din jobsøgning." },
      { kind: "paragraph", text: "Du skal have følgende med:" },
      { kind: "listItem", text: "- dit CV" },
      { kind: "listItem", text: "- dit sygesikringskort" },
      { kind: "heading", text: "Tid og sted" },
      {
        kind: "paragraph",
        text: "Samtalen er torsdag den 3. december 2026 kl. 10.00 i Jobcenter Randers.",
      },
      { kind: "closing", text: "Med venlig hilsen" },
      { kind: "signature", text: "Birgitte Holm" },
    ]);
    expect(
      proposeOrder(letter, extractFacts(letter, { referenceDate: "2026-11-20" }), "indkaldelse")
    ).toEqual([0, 5, 6, 1, 2, 3, 4, 7, 8]);
  });

  test("a legal block above the body moves to the end of the body; greeting stays on top", () => {
    const letter = buildLetter([
      { kind: "subject", text: "Indkaldelse til samtale" },
      { kind: "greeting", text: "Kære Jens" },
      {
        kind: "legal",
        text: "Du skal stå til rådighed for arbejdsmarkedet, jf. § 13 i lov om aktiv socialpolitik.",
        legal: { id: "raadighed", version: "1" },
      },
      { kind: "paragraph", text: "Vi vil gerne høre, hvordan det går med din jobsøgning." },
      {
        kind: "paragraph",
        text: "Samtalen er torsdag den 3. december 2026 kl. 10.00 i Jobcenter Randers.",
      },
      { kind: "closing", text: "Med venlig hilsen" },
    ]);
    expect(
      proposeOrder(letter, extractFacts(letter, { referenceDate: "2026-11-20" }), "indkaldelse")
    ).toEqual([0, 1, 4, 3, 2, 5]);
  });

  test("a paragraph with a key fact is never pushed last as guidance", () => {
    const letter = buildLetter([
      { kind: "subject", text: "Partshøring" },
      { kind: "paragraph", text: "Du deltog ikke i dit tilbud i uge 46." },
      {
        kind: "paragraph",
        text: "Jobcentret påtænker derfor at træffe afgørelse om fradrag i din hjælp efter aktivlovens § 36.",
      },
      { kind: "paragraph", text: "Du kan sende os dine bemærkninger senest den 2. december 2026." },
      { kind: "closing", text: "Med venlig hilsen" },
    ]);
    expect(
      proposeOrder(letter, extractFacts(letter, { referenceDate: "2026-11-20" }), "partshøring")
    ).toEqual([0, 3, 2, 1, 4]);
  });
});
