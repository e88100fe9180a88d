import { analyzeLetter } from "../../src/engine/analyze.js";
import { applyEdits } from "../../src/engine/edits/apply.js";
import { classifyText } from "../../src/engine/letter/classify.js";
import type { Letter } from "../../src/engine/letter/model.js";
import { PreviewHost } from "../../src/taskpane/preview/preview-host.js";
import { visibleText } from "../../src/taskpane/preview/segments.js";
import { SAMPLE } from "./support.js";

// Bug: "Indsæt standardbrev" with "Erstat hele brevet" swapped the preview's blocks for the new
// letter's, so the old letter vanished without a trace (not reviewable, not rejectable). In Word
// the same operation is a tracked deletion + insertion; the preview must show and undo it alike.

const NEW_LETTER = `Kære Jens

Du skal til samtale mandag den 7. december 2026 kl. 10.00 i Jobcenter Randers.

<!-- klarbrev:legal id="klagevejledning" version="1" title="Klagevejledning" -->
Du kan klage over afgørelsen inden 4 uger.
<!-- /klarbrev:legal -->

Med venlig hilsen`;

const OLD_WITH_LEGAL = `Kære Hanne

Vi har modtaget din ansøgning om hjælp til medicin den 3. marts 2026.

<!-- klarbrev:legal id="partshoering" version="2" title="Partshøring" -->
Du har ret til at se sagens akter og komme med bemærkninger inden 14 dage.
<!-- /klarbrev:legal -->

Venlig hilsen
Jobcenter Aarhus`;

/** The letter's text as the preview builds it (blocks joined, without the legal markers). */
async function textOf(letter: string | Letter): Promise<string> {
  return (await new PreviewHost(letter).read()).text;
}

async function replaced(old: string) {
  const host = new PreviewHost(old);
  const before = await host.read();
  const template = classifyText(NEW_LETTER);
  await host.insertLetter(template, "replace");
  return { host, before, template, expected: await textOf(template) };
}

describe("PreviewHost: replacing the whole letter is a tracked change", () => {
  test("the old text stays visible as deletions, the new letter arrives as insertions", async () => {
    const { host, before } = await replaced(SAMPLE);
    const blocks = host.getSnapshot().blocks;
    const deleted = blocks.filter((b) => b.deleted);
    expect(deleted.map((b) => b.segments.map((s) => s.text).join(""))).toEqual(
      before.blocks.map((b) => b.text)
    );
    expect(deleted.every((b) => b.segments.every((s) => s.kind === "del"))).toBe(true);
    const inserted = blocks.filter((b) => b.inserted);
    expect(inserted).toHaveLength(classifyText(NEW_LETTER).blocks.length);
    expect(inserted.every((b) => b.segments.every((s) => s.kind === "ins"))).toBe(true);
    expect(host.getSnapshot().pending).toBe(true);
  });

  test("read() and the analysis see only the new letter; its legal block is intact", async () => {
    const { host, template, expected } = await replaced(OLD_WITH_LEGAL);
    const letter = await host.read();
    expect(letter.text).toBe(expected);
    expect(letter.blocks.map((b) => [b.kind, b.text])).toEqual(
      template.blocks.map((b) => [b.kind, b.text])
    );
    const analysis = analyzeLetter(letter);
    expect(analysis.letter.blocks.filter((b) => b.legal).map((b) => b.legal!.id)).toEqual([
      "klagevejledning",
    ]);
    // The new legal block is still locked against typing.
    const index = host.getSnapshot().blocks.findIndex((b) => b.legal?.id === "klagevejledning");
    host.editBlock(index, "Du kan ikke klage.");
    expect((await host.read()).text).toBe(expected);
  });

  test("accept all leaves only the new letter", async () => {
    const { host, template, expected } = await replaced(OLD_WITH_LEGAL);
    host.acceptAll();
    expect((await host.read()).text).toBe(expected);
    const blocks = host.getSnapshot().blocks;
    expect(blocks).toHaveLength(template.blocks.length);
    expect(blocks.every((b) => !b.deleted && !b.inserted)).toBe(true);
    expect(blocks.every((b) => b.segments.every((s) => s.kind === "same"))).toBe(true);
    expect(host.getSnapshot().pending).toBe(false);
  });

  test("reject all gives the old letter back byte-identical, legal block included", async () => {
    const { host, before } = await replaced(OLD_WITH_LEGAL);
    host.rejectAll();
    const after = await host.read();
    expect(after.text).toBe(before.text);
    expect(after.blocks).toEqual(before.blocks);
    expect(host.getSnapshot().blocks.every((b) => !b.deleted && !b.inserted)).toBe(true);
    expect(host.getSnapshot().pending).toBe(false);
  });

  test("edits, selection and restore after a replace address the new letter, not the deleted one", async () => {
    const { host, before, expected } = await replaced(SAMPLE);
    const letter = await host.read();
    const start = letter.text.indexOf("kl. 10.00");
    await host.select(start, start + 9);
    const selection = host.getSnapshot().selection!;
    const shown = host.getSnapshot().blocks[selection.blockIndex]!;
    expect(visibleText(shown.segments).slice(selection.start, selection.end)).toBe("kl. 10.00");

    const outcome = await host.apply([
      { kind: "replace", start, end: start + 9, text: "klokken 10" },
    ]);
    expect(outcome.applied).toHaveLength(1);
    expect((await host.read()).text).toBe(expected.replace("kl. 10.00", "klokken 10"));

    const legalIndex = letter.blocks.findIndex((b) => b.kind === "legal");
    await host.restoreLegalBlock(
      legalIndex,
      "Du kan klage over afgørelsen inden 4 uger fra i dag."
    );
    expect((await host.read()).blocks[legalIndex]!.text).toBe(
      "Du kan klage over afgørelsen inden 4 uger fra i dag."
    );

    host.rejectAll();
    expect((await host.read()).text).toBe(before.text);
  });

  test("a reorder after a replace moves the new blocks and leaves the deleted ones in place", async () => {
    const { host, before } = await replaced(SAMPLE);
    const letter = await host.read();
    const order = letter.blocks.map((_, i) => i);
    [order[0], order[1]] = [order[1]!, order[0]!];
    const edits = [{ kind: "reorder" as const, order }];
    const outcome = await host.apply(edits);
    expect(outcome.refused).toEqual([]);
    expect((await host.read()).text).toBe(applyEdits(letter, edits).letter.text);
    const deleted = host.getSnapshot().blocks.filter((b) => b.deleted);
    expect(deleted.map((b) => b.segments.map((s) => s.text).join(""))).toEqual(
      before.blocks.map((b) => b.text)
    );
    host.rejectAll();
    expect((await host.read()).text).toBe(before.text);
  });

  test("a second replace keeps the first letter's deletion; reject all still restores it", async () => {
    const { host, before } = await replaced(SAMPLE);
    const second = classifyText("Kære Jens\n\nDin ydelse stopper ikke.\n\nMed venlig hilsen");
    await host.insertLetter(second, "replace");
    expect((await host.read()).text).toBe(await textOf(second));
    host.rejectAll();
    expect((await host.read()).text).toBe(before.text);
  });

  test("an empty surface just takes the new letter, with nothing to review", async () => {
    const host = new PreviewHost({ text: "", blocks: [] });
    const template = classifyText(NEW_LETTER);
    await host.insertLetter(template, "replace");
    expect((await host.read()).text).toBe(await textOf(template));
    expect(host.getSnapshot().pending).toBe(false);
  });
});
