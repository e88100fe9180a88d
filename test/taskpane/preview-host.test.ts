import { analyzeLetter } from "../../src/engine/analyze.js";
import { applyEdits } from "../../src/engine/edits/apply.js";
import { BATCH_REFUSED } from "../../src/engine/edits/target.js";
import { classifyText } from "../../src/engine/letter/classify.js";
import { PreviewHost } from "../../src/taskpane/preview/preview-host.js";
import { SAMPLE } from "./support.js";

const LEGAL_LETTER = `Kære Jens

Du skal til samtale mandag den 7. december 2026 kl. 10.00 i Jobcenter Randers.

<!-- klarbrev:legal id="klagevejledning" version="1" title="Klagevejledning" -->
Du kan klage over afgørelsen inden 4 uger.
<!-- /klarbrev:legal -->

Med venlig hilsen`;

describe("PreviewHost: the offline preview's document", () => {
  test("reads the sample letter as the engine classifies it", async () => {
    const host = new PreviewHost(SAMPLE);
    const letter = await host.read();
    expect(letter.blocks.map((b) => b.kind)).toEqual(
      classifyText(SAMPLE).blocks.map((b) => b.kind)
    );
    expect(letter.blocks.map((b) => b.text)).toEqual(
      classifyText(SAMPLE).blocks.map((b) => b.text)
    );
  });

  test("the essentials lead and reorder give exactly the engine's letter, shown as tracked changes", async () => {
    const host = new PreviewHost(SAMPLE);
    const analysis = analyzeLetter(await host.read());
    const edits = [analysis.proposals.lead, analysis.proposals.reorder].filter(
      (e) => e !== undefined
    );
    expect(edits.length).toBeGreaterThan(0);
    const outcome = await host.apply(edits);
    expect(outcome.refused).toEqual([]);
    expect(outcome.tracked).toBe(true);
    const expected = applyEdits(analysis.letter, edits).letter;
    expect((await host.read()).text).toBe(expected.text);
    const blocks = host.getSnapshot().blocks;
    expect(blocks.some((b) => b.inserted)).toBe(analysis.proposals.lead !== undefined);
    expect(host.getSnapshot().pending).toBe(true);
  });

  test("the guard refuses an edit inside a legal block, and nothing changes", async () => {
    const host = new PreviewHost(LEGAL_LETTER);
    const letter = await host.read();
    const legal = letter.blocks.find((b) => b.kind === "legal")!;
    const outcome = await host.apply([
      { kind: "replace", start: legal.start + 3, end: legal.start + 7, text: "skal" },
    ]);
    expect(outcome.applied).toEqual([]);
    expect(outcome.refused).toHaveLength(1);
    expect(outcome.refused[0]!.reason).toMatch(/protected legal block/u);
    expect((await host.read()).text).toBe(letter.text);
  });

  // Bug (issue 12.1): the preview applied the rest of a batch when one edit was refused, so it
  // showed something Word (all or nothing) would not.
  test("a batch with one refused edit changes nothing at all", async () => {
    const host = new PreviewHost(LEGAL_LETTER);
    const letter = await host.read();
    const legal = letter.blocks.find((b) => b.kind === "legal")!;
    const at = letter.text.indexOf("mandag");
    const fine = { kind: "replace" as const, start: at, end: at + 6, text: "tirsdag" };
    const edge = {
      kind: "replace" as const,
      start: legal.start,
      end: legal.start,
      text: "INDSAT ",
    };
    const outcome = await host.apply([fine, edge]);
    expect(outcome.applied).toEqual([]);
    expect(outcome.refused).toEqual([
      { edit: fine, reason: BATCH_REFUSED, protectsLegal: false, heldBack: true },
      { edit: edge, reason: expect.stringContaining("klagevejledning@1"), protectsLegal: true },
    ]);
    expect((await host.read()).text).toBe(letter.text);
    expect(host.getSnapshot().pending).toBe(false);
  });

  test("typing cannot change a legal block; a confirmed restore can, visibly", async () => {
    const host = new PreviewHost(LEGAL_LETTER);
    const index = (await host.read()).blocks.findIndex((b) => b.kind === "legal");
    host.editBlock(index, "Du kan ikke klage.");
    expect((await host.read()).blocks[index]!.text).toBe(
      "Du kan klage over afgørelsen inden 4 uger."
    );
    await host.restoreLegalBlock(index, "Du kan klage over afgørelsen inden 4 uger fra i dag.");
    expect((await host.read()).blocks[index]!.text).toBe(
      "Du kan klage over afgørelsen inden 4 uger fra i dag."
    );
    expect(host.getSnapshot().blocks[index]!.segments.some((s) => s.kind === "del")).toBe(false);
    expect(host.getSnapshot().blocks[index]!.segments.some((s) => s.kind === "ins")).toBe(true);
    await expect(host.restoreLegalBlock(0, "x")).rejects.toThrow(/not a protected legal block/u);
  });

  test("reject all brings the original letter back; accept all keeps the changes", async () => {
    const host = new PreviewHost(SAMPLE);
    const original = (await host.read()).text;
    const analysis = analyzeLetter(await host.read());
    const edits = [analysis.proposals.lead, analysis.proposals.reorder].filter(
      (e) => e !== undefined
    );
    await host.apply(edits);
    const changed = (await host.read()).text;
    host.rejectAll();
    expect((await host.read()).text).toBe(original);
    expect(host.getSnapshot().pending).toBe(false);
    await host.apply(edits);
    host.acceptAll();
    expect((await host.read()).text).toBe(changed);
    expect(host.getSnapshot().pending).toBe(false);
  });

  test("change listeners hear edits; ignored findings are remembered", async () => {
    const host = new PreviewHost(SAMPLE);
    let calls = 0;
    const stop = host.onChange(() => calls++);
    host.editBlock(3, "Du skal til samtale.");
    expect(calls).toBe(1);
    stop();
    host.editBlock(3, "Du skal til en samtale.");
    expect(calls).toBe(1);
    await host.setIgnored(["plain/officialese|i medfør af|0"]);
    expect(await host.getIgnored()).toEqual(["plain/officialese|i medfør af|0"]);
  });

  test("select() points the surface at the block and the range inside it", async () => {
    const host = new PreviewHost(SAMPLE);
    const letter = await host.read();
    const start = letter.text.indexOf("kl. 9.15");
    await host.select(start, start + 8);
    const selection = host.getSnapshot().selection!;
    const block = letter.blocks[selection.blockIndex]!;
    expect(block.text.slice(selection.start, selection.end)).toBe("kl. 9.15");
  });

  test("insertLetter replaces the document or goes in after the block with the caret", async () => {
    const host = new PreviewHost(SAMPLE);
    const template = classifyText(LEGAL_LETTER);
    await host.insertLetter(template, "cursor");
    expect((await host.read()).blocks.length).toBe(
      classifyText(SAMPLE).blocks.length + template.blocks.length
    );
    await host.insertLetter(template, "replace");
    expect((await host.read()).blocks.map((b) => [b.kind, b.text])).toEqual(
      template.blocks.map((b) => [b.kind, b.text])
    );
  });
});
