import { readFileSync } from "node:fs";
import { analyzeText } from "../../../src/engine/analyze.js";
import { applyEdits } from "../../../src/engine/edits/apply.js";
import type { Finding } from "../../../src/engine/types.js";
import { LETTERS } from "../../cli/helpers.js";

/**
 * The plain-language rules' English pack: English letters get plain/officialese (with the
 * everyday word as an edit, or advice) and plain/passive (advice, never an edit).
 */

const LETTER = `Jobcentre North
9 December 2026

Invitation to a meeting

Dear Sam

We hereby invite you to a meeting prior to the start of your course. In accordance with the rules for cash benefits, you are required to attend.

In the event that you are ill, please call us. Your benefit will be reduced if you do not come without a good reason. We are pleased that you can come, and you are entitled to bring someone.

Kind regards

Jobcentre North
`;

const plain = (findings: Finding[]) => findings.filter((f) => f.ruleId.startsWith("plain/"));
const spans = (text: string, findings: Finding[]) =>
  findings.map((f) => [f.ruleId, text.slice(f.start.offset, f.end.offset)]);

describe("plain-language rules for English letters", () => {
  test("officialese and passive voice in a real English summons", () => {
    const analysis = analyzeText(LETTER);
    expect(analysis.language).toBe("en");
    expect(spans(LETTER, plain(analysis.findings))).toEqual([
      ["plain/officialese", "hereby"],
      ["plain/officialese", "prior to"],
      ["plain/officialese", "In accordance with"],
      ["plain/passive", "are required"],
      ["plain/officialese", "In the event that"],
      ["plain/passive", "be reduced"],
    ]);
  });

  test("the edits keep the sentence's capitals and leave no double space; passive is advice only", () => {
    const analysis = analyzeText(LETTER);
    const findings = plain(analysis.findings);
    const edits = findings.flatMap((f) => (f.edit ? [f.edit] : []));
    const result = applyEdits(analysis.letter, edits);
    expect(result.refused).toEqual([]);
    const fixed = result.letter.text;
    expect(fixed).toContain("We invite you to a meeting before the start of your course.");
    expect(fixed).toContain("Under the rules for cash benefits");
    expect(fixed).toContain("If you are ill, please call us.");
    for (const finding of findings.filter((f) => f.ruleId === "plain/passive")) {
      expect(finding.edit).toBeUndefined();
      expect(finding.suggestion?.text).toMatch(/^Say who acts/u);
    }
    // The fixed letter has no officialese left.
    const again = analyzeText(fixed).findings.filter((f) => f.ruleId === "plain/officialese");
    expect(again).toEqual([]);
  });

  test("a Danish letter never gets the English pack's findings, an English one never the Danish", () => {
    const danish = readFileSync(`${LETTERS}/indkaldelse-foer.txt`, "utf8");
    for (const finding of plain(analyzeText(danish).findings)) {
      expect(finding.message).not.toMatch(/officialese|Passive voice/u);
    }
    const english = readFileSync(`${LETTERS}/indkaldelse-moede-en.txt`, "utf8");
    for (const finding of plain(analyzeText(english).findings)) {
      expect(finding.message).toMatch(/officialese|Passive voice/u);
    }
  });
});
