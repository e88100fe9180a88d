import type { Edit } from "../../src/engine/edits/edit.js";
import { PreviewHost } from "../../src/taskpane/preview/preview-host.js";
import { SAMPLE } from "./support.js";

/**
 * Issue 11 §3 "Undo per applied change": each change the pane applied can be taken back on its
 * own, also after later changes to other parts of the letter (the whole-letter rewrite inserts a
 * lead block; a later fix elsewhere must not make that insertion impossible to take back).
 * A change whose words were changed again since cannot be taken back, and nothing is touched.
 */

/** A replace edit of the first occurrence of `words` in the letter as it reads now. */
async function replacing(host: PreviewHost, words: string, text: string): Promise<Edit> {
  const letter = await host.read();
  const start = letter.text.indexOf(words);
  if (start < 0) throw new Error(`not in the letter: ${words}`);
  return { kind: "replace", start, end: start + words.length, text };
}

const LEAD = "Du skal til møde i Jobcentret torsdag den 3. december 2026 kl. 10.00.";

async function setUp() {
  const host = new PreviewHost(SAMPLE);
  const original = (await host.read()).text;
  const first = (await host.read()).blocks.findIndex((block) => block.kind === "paragraph");
  const lead = await host.apply([
    { kind: "insertBlock", before: first, text: LEAD, blockKind: "paragraph" },
  ]);
  expect(lead.applied).toHaveLength(1);
  return { host, original, lead };
}

test("the inserted lead block is taken back after a later, independent fix", async () => {
  const { host, lead } = await setUp();
  const later = await host.apply([await replacing(host, "Med venlig hilsen", "Venlig hilsen")]);
  expect(later.applied).toHaveLength(1);

  expect(await lead.undo!()).toBe(true);
  const text = (await host.read()).text;
  expect(text).not.toContain(LEAD);
  // The later fix stays.
  expect(text).toContain("Venlig hilsen");
  expect(text).not.toContain("Med venlig hilsen");
  // And it can still be taken back on its own.
  expect(await later.undo!()).toBe(true);
  expect((await host.read()).text).toContain("Med venlig hilsen");
});

test("every change undone, newest or oldest first, gives back the original letter", async () => {
  for (const order of ["newest", "oldest"] as const) {
    const { host, original, lead } = await setUp();
    const later = await host.apply([await replacing(host, "Med venlig hilsen", "Venlig hilsen")]);
    const undos = order === "newest" ? [later.undo!, lead.undo!] : [lead.undo!, later.undo!];
    for (const undo of undos) expect(await undo()).toBe(true);
    expect((await host.read()).text).toBe(original);
    expect(host.getSnapshot().pending).toBe(false);
  }
});

test("a change whose words were changed again cannot be taken back, and nothing moves", async () => {
  const { host } = await setUp();
  const closing = await host.apply([await replacing(host, "Med venlig hilsen", "Venlig hilsen")]);
  const surface = host
    .getSnapshot()
    .blocks.findIndex((block) =>
      block.segments.some((segment) => segment.text.includes("Venlig hilsen"))
    );
  host.acceptBlock(surface);
  const before = (await host.read()).text;
  expect(await closing.undo!()).toBe(false);
  expect((await host.read()).text).toBe(before);
});

test("an undo cannot be done twice", async () => {
  const { host, lead } = await setUp();
  expect(await lead.undo!()).toBe(true);
  expect(await lead.undo!()).toBe(false);
  expect((await host.read()).text).not.toContain(LEAD);
});
