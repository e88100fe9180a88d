import { analyzeLetter, analyzeText } from "../../../src/engine/analyze.js";
import { buildLetter, type BlockInput } from "../../../src/engine/letter/model.js";
import type { Analysis, Finding } from "../../../src/engine/types.js";

export const SENDER = "Jobcenter Randers\nLaksetorvet 1\n8900 Randers C";
export const CLOSING = "Med venlig hilsen\n\nBirgitte Holm\nJobkonsulent";
export const GUIDANCE =
  "Det skal du vide om dine pligter\nDu får kontanthjælp, så længe du står til rådighed for et job. Kommer du ikke til en samtale, og har du ikke en rimelig grund, får du ikke kontanthjælp for de dage, der går, indtil du kontakter os igen.";

/** A plain-text letter: sender, subject, the body paragraphs, closing and optional trailing parts. */
export function letterText(
  body: string[],
  after: string[] = [],
  subject = "Indkaldelse til samtale"
): string {
  return [SENDER, subject, ...body, CLOSING, ...after].join("\n\n");
}

export function analyse(body: string[], after: string[] = [], subject?: string): Analysis {
  return analyzeText(letterText(body, after, subject));
}

export function analyseBlocks(blocks: BlockInput[]): Analysis {
  return analyzeLetter(buildLetter(blocks));
}

export function threatFindings(analysis: Analysis, ruleId?: string): Finding[] {
  return analysis.findings.filter((finding) =>
    ruleId ? finding.ruleId === ruleId : finding.ruleId.startsWith("threat/")
  );
}

/** The letter text a finding points at. */
export function flagged(analysis: Analysis, finding: Finding): string {
  return analysis.letter.text.slice(finding.start.offset, finding.end.offset);
}
