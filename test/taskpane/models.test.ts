import { analyzeLetter, analyzeText } from "../../src/engine/analyze.js";
import { classifyText } from "../../src/engine/letter/classify.js";
import {
  groupByFamily,
  safeEdits,
  sentenceAround,
  viewFindings,
} from "../../src/taskpane/model/findings.js";
import { restoreTextFor, viewLegal } from "../../src/taskpane/model/legal.js";
import { SAMPLE } from "./support.js";

describe("findings as the pane shows them", () => {
  const analysis = analyzeText(SAMPLE);
  const views = viewFindings(analysis.letter, analysis.findings);

  // Bug: advice ("Skriv kortere sætninger ...") was shown as the replacement of a struck-through
  // sentence. Before -> after is only for concrete edits; other suggestions are shown as advice.
  test("before -> after only for edits; advice stays advice", () => {
    const lix = views.find((v) => v.finding.ruleId === "readability/lix")!;
    expect(lix.after).toBeUndefined();
    expect(lix.advice).toBe(lix.finding.suggestion!.text);
    for (const view of views) {
      if (view.after !== undefined) expect(view.finding.edit?.kind).toBe("replace");
    }
    expect(views.some((v) => v.after !== undefined)).toBe(true);
  });

  test("in document order, grouped by family in the pane's order, with counts", () => {
    expect(views.length).toBe(analysis.findings.length);
    const offsets = views.map((v) => v.finding.start.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    const groups = groupByFamily(views);
    const order = ["readability", "plain", "threat", "essentials", "legal", "other"];
    const indexes = groups.map((g) => order.indexOf(g.family));
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(groups.reduce((sum, g) => sum + g.items.length, 0)).toBe(views.length);
  });

  test("keys survive an edit elsewhere in the letter (they hold no offsets)", () => {
    const edited = analyzeText(
      SAMPLE.replace("Jobcenter Randers\nLaksetorvet", "Jobcenter Randers Kommune\nLaksetorvet")
    );
    const again = viewFindings(edited.letter, edited.findings).map((v) => v.key);
    const shared = views.map((v) => v.key).filter((key) => again.includes(key));
    expect(shared.length).toBeGreaterThan(views.length / 2);
    expect(new Set(again).size).toBe(again.length);
  });

  test('"Anvend alle sikre forslag" takes safe findings with an edit, minus the ignored', () => {
    const safe = views.filter((v) => v.finding.safe === true && v.edit);
    expect(safeEdits(views, new Set())).toHaveLength(safe.length);
    if (safe.length > 0)
      expect(safeEdits(views, new Set([safe[0]!.key]))).toHaveLength(safe.length - 1);
  });

  test("the sentence around a finding, with the flagged words marked", () => {
    const letter = classifyText(SAMPLE);
    const start = letter.text.indexOf("i medfør af");
    const sentence = sentenceAround(letter, start, start + "i medfør af".length);
    expect(sentence.text.startsWith("Jobcentret skal i medfør af")).toBe(true);
    expect(sentence.text.endsWith("beskæftigelsesindsats.")).toBe(true);
    expect(sentence.text.slice(sentence.markStart, sentence.markEnd)).toBe("i medfør af");
  });
});

describe("legal guidance as the pane shows it", () => {
  const text = `Kære Jens

Du har fået afslag.

<!-- klarbrev:legal id="klagevejledning" version="1" title="Klagevejledning" -->
Du kan ikke klage over afgørelsen inden 4 uger.
<!-- /klarbrev:legal -->`;

  test("without the legal family or a registry, locked blocks are listed as unverified", () => {
    const analysis = analyzeLetter(classifyText(text));
    const views = viewLegal(analysis, undefined);
    expect(views).toEqual([
      expect.objectContaining({ id: "klagevejledning", status: "unverified", blockIndex: 2 }),
    ]);
  });

  test("a word diff is reverted in the block, so filled-in fields stay", () => {
    const letter = classifyText(text);
    const block = letter.blocks[2]!;
    const at = letter.text.indexOf("ikke ");
    const restored = restoreTextFor(
      letter,
      2,
      [{ removed: "", added: "ikke", start: at, end: at + 4 }],
      undefined
    );
    expect(restored).toBe("Du kan klage over afgørelsen inden 4 uger.");
    expect(block.text).toContain("ikke");
    const swapped = restoreTextFor(
      letter,
      2,
      [
        {
          removed: "8",
          added: "4",
          start: letter.text.indexOf("4 uger"),
          end: letter.text.indexOf("4 uger") + 1,
        },
      ],
      undefined
    );
    expect(swapped).toBe("Du kan ikke klage over afgørelsen inden 8 uger.");
  });
});
