import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { report } from "../../report.js";
import { alternation } from "../../linguistics/vocabulary.js";
import { matchersOf } from "../matchers.js";
import { LEGAL_CITATION_MESSAGES, fill } from "./messages.js";
import { FormFinder, matchesOf, overlaps, wordsRegex, type Match } from "./patterns.js";
import { isDanishLetter, threatSentences } from "./scan.js";

export const LEGAL_CITATION_RULE = "threat/legal-citation";

const ENTRIES = matchersOf(LEGAL_CITATION_RULE);
/** The shapes (§ 13, stk. 2, -loven): one global regex, whose matches never overlap. */
const CITATION = wordsRegex(ENTRIES.flatMap((entry) => (entry.regex ? [entry.regex] : [])));
/** The words ("lovbekendtgørelse", "lov om"), in every form. */
const CITATION_WORDS = new FormFinder(ENTRIES.flatMap((entry) => entry.forms ?? []));
/**
 * ", jf. lov om en aktiv beskæftigelsesindsats." at the end of a sentence: removable as a unit,
 * running on over the commas before a subdivision (@lawSubdivisions: ", jf. § 13, stk. 7.").
 */
const TRAILING_JF = new RegExp(
  `,\\s*jf\\.\\s(?:[^,;]|,\\s*(?:${alternation("lawSubdivisions")})\\.?\\s)*?(?=[.!?]?$)`,
  "iu"
);

export interface CitationHit {
  citations: Match[];
  /** A trailing ", jf. ..." that can be cut; relative to the sentence. */
  trailing?: { start: number; end: number };
}

/** Legal citations in one sentence ("§ 13, stk. 7", "jf. lov om", "i medfør af lov"). */
export function detectLegalCitations(text: string): CitationHit | undefined {
  // One global regex: its matches never overlap (checking each against all before it was
  // quadratic in a long sentence).
  const citations: Match[] = matchesOf(CITATION, text);
  for (const word of CITATION_WORDS.find(text))
    if (!citations.some((citation) => overlaps(citation, word))) citations.push(word);
  citations.sort((a, b) => a.start - b.start);
  if (citations.length === 0) return undefined;
  const trailing = TRAILING_JF.exec(text);
  return trailing
    ? { citations, trailing: { start: trailing.index, end: trailing.index + trailing[0].length } }
    : { citations };
}

/**
 * unified plugin: one finding per sentence that cites the law in running text (not in the
 * reasons or guidance after the closing, where citations belong). Low weight in the
 * threat score. A trailing "jf. ..." gets an edit cutting it, never marked safe: a decision's
 * reasons must still name the rules it rests on (forvaltningsloven § 24).
 */
export function retextThreatLegalCitation() {
  return (tree: Root, file: VFile): void => {
    if (!isDanishLetter(file)) return;
    const letter = file.data.letter!;
    // After the closing is where the advice sends citations ("Regler", begrundelse, vejledning).
    const closing = letter.blocks.findIndex((block) => block.kind === "closing");
    for (const sentence of threatSentences(tree, letter)) {
      if (sentence.protected) continue;
      if (closing >= 0 && sentence.blockIndex > closing) continue;
      const hit = detectLegalCitations(sentence.text);
      if (!hit) continue;
      const first = hit.citations[0]!;
      const quoted = hit.citations
        .map((citation) => `»${citation.text.replace(/\s+/gu, " ")}«`)
        .join(", ");
      const message = fill(LEGAL_CITATION_MESSAGES.citation, "citations", quoted);
      const details = {
        severity: "obligation",
        kind: "legal-citation",
        citations: hit.citations.map((citation) => citation.text),
      };
      const base = {
        ruleId: LEGAL_CITATION_RULE,
        severity: "warning" as const,
        start: sentence.start + first.start,
        end: sentence.start + first.end,
        details,
      };
      if (!hit.trailing) {
        report(file, {
          ...base,
          message: `${message} ${LEGAL_CITATION_MESSAGES.explanationNoEdit}`,
        });
        continue;
      }
      const { start, end } = hit.trailing;
      report(file, {
        ...base,
        message,
        suggestion: {
          text: sentence.text.slice(0, start) + sentence.text.slice(end),
          explanation: LEGAL_CITATION_MESSAGES.explanation,
        },
        edit: {
          kind: "replace",
          start: sentence.start + start,
          end: sentence.start + end,
          text: "",
          ruleId: LEGAL_CITATION_RULE,
        },
        safe: false,
      });
    }
  };
}
