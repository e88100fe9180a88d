import { analyzeLetter } from "../../src/engine/analyze.js";
import type { Letter } from "../../src/engine/letter/model.js";
import type { LegalRegistryEntry } from "../../src/engine/rules/legal/types.js";
import { viewFindings } from "../../src/taskpane/model/findings.js";
import { guidancePlace, viewLegal } from "../../src/taskpane/model/legal.js";
import { PreviewHost } from "../../src/taskpane/preview/preview-host.js";
import { toMarkedText } from "../../src/templates/structure.js";
import { letterText, realLibrary, SAMPLE } from "./support.js";

/** Issue 11 §1: legal guidance is never corrupted or mislabelled by the pane. */

async function setUp() {
  const library = await realLibrary();
  const registry = library.legalRegistry as readonly LegalRegistryEntry[];
  const rendered = library.render(
    "indkaldelse-samtale",
    library.templates.find((t) => t.id === "indkaldelse-samtale")!.sample ?? {}
  );
  const analyse = (letter: Letter) => analyzeLetter(letter, { legal: { registry } });
  return { library, registry, rendered, analyse };
}

/** The rendered letter with its sanction guidance changed by `change`. */
function tampered(letter: Letter, change: (text: string) => string): string {
  const blocks = letter.blocks.map((block) =>
    block.legal?.id === "sanktioner-ved-udeblivelse"
      ? { ...block, text: change(block.text) }
      : block
  );
  return toMarkedText({ text: "", blocks });
}

/** A block's structure: its lines, and which of them start a paragraph after a blank line. */
const structure = (text: string) => text.split("\n").map((line) => line.trim());

describe("restore keeps the approved block's structure", () => {
  test("heading line and paragraph breaks survive Gendan, and the block is intact again", async () => {
    const { rendered, registry, analyse } = await setUp();
    const original = rendered.blocks.find((b) => b.legal?.id === "sanktioner-ved-udeblivelse")!;
    expect(original.text.split("\n").length).toBeGreaterThan(3);
    const host = new PreviewHost(
      tampered(rendered, (text) => text.replace("rimelig grund", "god grund"))
    );
    const before = analyse(await host.read());
    const view = viewLegal(before, registry).find((v) => v.status === "modified")!;
    expect(view).toBeDefined();
    await host.restoreLegalBlock(view.blockIndex!, view.restoreText!);
    host.acceptAll();
    const after = await host.read();
    const restored = after.blocks.find((b) => b.legal?.id === "sanktioner-ved-udeblivelse")!;
    // Bug: the restored text was the approvals' whitespace-collapsed text: one run-on line.
    expect(structure(restored.text)).toEqual(structure(original.text));
    expect(restored.text).toBe(original.text);
    const status = viewLegal(analyse(after), registry).find(
      (v) => v.id === "sanktioner-ved-udeblivelse"
    )!.status;
    expect(status).toBe("intact");
  });
});

describe("changed guidance is not approved anywhere and is read like prose", () => {
  const threat = (text: string) =>
    text.replace(
      "Kommer du ikke til en samtale,",
      "Kommer du ikke, mister du al din hjælp. Kommer du ikke til en samtale,"
    );

  test("a threat written into the guidance counts, and no message calls it approved", async () => {
    const { rendered, analyse } = await setUp();
    const host = new PreviewHost(tampered(rendered, threat));
    const letter = await host.read();
    const analysis = analyse(letter);
    const block = letter.blocks.find((b) => b.legal?.id === "sanktioner-ved-udeblivelse")!;
    const inBlock = analysis.findings.filter(
      (f) => f.start.offset >= block.start && f.end.offset <= block.end
    );
    // Bug: the threat scored 0 and the block's findings said "Teksten er godkendt".
    expect(inBlock.some((f) => f.ruleId.startsWith("threat/"))).toBe(true);
    expect(analysis.scores.threat.score).toBeGreaterThan(0);
    for (const finding of inBlock) expect(finding.message).not.toMatch(/godkendt og tæller/u);
    // The legal family still says what it is: modified.
    expect(analysis.scores.legal.blocks.map((b) => b.status)).toContain("modified");

    const changed = new Set([letter.blocks.indexOf(block)]);
    const views = viewFindings(letter, analysis.findings, { changedGuidance: changed });
    const own = views.filter(
      (v) => v.finding.start.offset >= block.start && v.finding.end.offset <= block.end
    );
    expect(own.length).toBeGreaterThan(0);
    for (const view of own) {
      expect(view.inLegal).toBe(false);
      expect(view.inChangedLegal).toBe(true);
      expect(view.edit).toBeUndefined(); // restored, never edited
    }
  });

  test("the intact letter's guidance stays approved and does not count", async () => {
    const { rendered, analyse } = await setUp();
    const analysis = analyse(rendered);
    expect(analysis.scores.legal.blocks.every((b) => b.status === "intact")).toBe(true);
    expect(analysis.scores.threat.score).toBe(0);
  });

  test("the preview labels a changed block as not approved", async () => {
    const { rendered, analyse, registry } = await setUp();
    const host = new PreviewHost(tampered(rendered, threat));
    const analysis = analyse(await host.read());
    const states = viewLegal(analysis, registry)
      .filter((v) => v.blockIndex !== undefined)
      .map((v) => ({ blockIndex: v.blockIndex!, approved: v.status === "intact" }));
    host.showGuidanceStatus(states);
    const legal = host.getSnapshot().blocks.filter((b) => b.legal);
    expect(legal.map((b) => [b.legal!.id, b.approved])).toEqual([
      ["sanktioner-ved-udeblivelse", false],
      ["bisidder-aktindsigt", true],
    ]);
  });
});

describe("missing guidance can be inserted from the pane", () => {
  test("a kontanthjælp summons is told it lacks the aktivloven guidance, not the sygedagpenge one", async () => {
    const { registry, analyse } = await setUp();
    const host = new PreviewHost(SAMPLE);
    const analysis = analyse(await host.read());
    const missing = analysis.findings.find((f) => f.ruleId === "legal/missing")!;
    expect(missing.message).toMatch(/vejledning om rettigheder og pligter \(aktivloven/u);
    expect(missing.message).not.toMatch(/sygedagpenge/u);
    const view = viewLegal(analysis, registry).find((v) => v.status === "missing")!;
    // Title and version, never the internal id with an empty version.
    expect(view.title).toBe("Vejledning om rettigheder og pligter");
    expect(view.version).toBe("2");
    expect(view.insertChoices?.map((c) => `${c.id}@${c.version}`)).toEqual([
      "sanktioner-ved-udeblivelse@2",
    ]);
  });

  test("a sygedagpenge summons is told it lacks the sygedagpenge guidance", async () => {
    const { analyse } = await setUp();
    const host = new PreviewHost(letterText("indkaldelse-sygeopfoelgning-foer.txt"));
    const analysis = analyse(await host.read());
    const missing = analysis.findings.find((f) => f.ruleId === "legal/missing")!;
    expect(missing.message).toMatch(/pligter ved sygedagpenge \(sygedagpengeloven § 21\)\./u);
  });

  test("inserted locked, after the body and before the closing, with its structure, and intact", async () => {
    const { registry, analyse } = await setUp();
    const host = new PreviewHost(SAMPLE);
    const letter = await host.read();
    const view = viewLegal(analyse(letter), registry).find((v) => v.status === "missing")!;
    const choice = view.insertChoices![0]!;
    const place = guidancePlace(letter);
    expect(letter.blocks[place]!.kind).toBe("closing");
    await host.insertGuidance(place, {
      text: choice.text,
      legal: { id: choice.id, version: choice.version, title: choice.title },
    });
    const after = await host.read();
    const inserted = after.blocks[place]!;
    expect(inserted.kind).toBe("legal");
    expect(after.blocks[place + 1]!.kind).toBe("closing");
    expect(after.blocks[place - 1]!.kind).toBe("paragraph");
    expect(inserted.text.split("\n")[0]).toBe("Hvis du ikke kan komme");
    expect(inserted.text).toContain("\n\n");
    const statuses = viewLegal(analyse(after), registry).map((v) => [v.id, v.status]);
    expect(statuses).toContainEqual(["sanktioner-ved-udeblivelse", "intact"]);
    expect(statuses.some(([, status]) => status === "missing")).toBe(false);
    // Locked: typing into it changes nothing; it is a tracked insertion until accepted.
    const surfaceIndex = host.getSnapshot().blocks.findIndex((b) => b.legal);
    host.editBlock(surfaceIndex, "ændret");
    expect((await host.read()).blocks[place]!.text).toBe(inserted.text);
    expect(host.getSnapshot().blocks[surfaceIndex]!.inserted).toBe(true);
  });
});
