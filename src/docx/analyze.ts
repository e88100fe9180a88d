import { analyzeLetter } from "../engine/analyze.js";
import type { Analysis, AnalyzeOptions } from "../engine/types.js";
import type { DocxLetter } from "./read.js";

/** The engine's analysis of the letter, plus what only the document shows (legal blocks with pending changes or comments). */
export function analyzeDocx(docx: DocxLetter, options: AnalyzeOptions = {}): Analysis {
  const analysis = analyzeLetter(docx.letter, options);
  analysis.findings = [...analysis.findings, ...docx.findings].sort(
    (a, b) => a.start.offset - b.start.offset
  );
  return analysis;
}
