import { unified } from "unified";
import { VFile } from "vfile";
import type { Edit } from "../../../src/engine/edits/edit.js";
import { applyEdits } from "../../../src/engine/edits/apply.js";
import { classifyText } from "../../../src/engine/letter/classify.js";
import type { Letter } from "../../../src/engine/letter/model.js";
import { retextDanishSentences } from "../../../src/engine/nlcst/danish-sentences.js";
import { retextLetter } from "../../../src/engine/nlcst/letter-parser.js";
import { findingData, type FindingData, type Severity } from "../../../src/engine/report.js";
import { retextLanguage } from "../../../src/engine/rules/language/detect.js";
import { plainPreset } from "../../../src/engine/rules/plain/index.js";

export interface PlainFinding extends FindingData {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** The flagged text. */
  text: string;
}

/** Only the plain family on the real parser: other families are not under test here. */
const processor = unified()
  .use(retextLetter)
  .use(retextDanishSentences)
  .use(retextLanguage)
  .use(plainPreset)
  .freeze();

export function analyzePlain(input: string | Letter, language: "da" | "en" | "auto" = "da") {
  const letter = typeof input === "string" ? classifyText(input) : input;
  const file = new VFile({ value: letter.text });
  file.data.letter = letter;
  file.data.options = { lixTarget: 35, language };
  const tree = processor.parse(file);
  processor.runSync(tree, file);
  const findings: PlainFinding[] = file.messages.map((message) => {
    const place = message.place as { start: { offset: number }; end: { offset: number } };
    const severity: Severity =
      message.fatal === true ? "error" : message.fatal === false ? "warning" : "info";
    return {
      ruleId: message.ruleId ?? "",
      severity,
      message: message.reason,
      start: place.start.offset,
      end: place.end.offset,
      text: letter.text.slice(place.start.offset, place.end.offset),
      ...findingData(message),
    };
  });
  return { letter, findings };
}

export function findingsOf(input: string | Letter, ruleId: string): PlainFinding[] {
  return analyzePlain(input).findings.filter((finding) => finding.ruleId === ruleId);
}

/** Apply the given findings' edits to the letter and return the new text. */
export function applied(
  letter: Letter,
  findings: readonly PlainFinding[]
): { text: string; refused: number } {
  const edits = findings
    .map((finding) => finding.edit)
    .filter((edit): edit is Edit => edit !== undefined);
  const result = applyEdits(letter, edits);
  return { text: result.letter.text, refused: result.refused.length };
}

/**
 * Apply every edit of the given rules in a letter and return the new text; every edit must apply
 * (none refused for overlap or guard reasons).
 */
export function rewriteWith(text: string, ...ruleIds: string[]): string {
  const { letter, findings } = analyzePlain(text);
  const result = applied(
    letter,
    findings.filter((f) => ruleIds.includes(f.ruleId))
  );
  expect(result.refused).toBe(0);
  return result.text;
}
