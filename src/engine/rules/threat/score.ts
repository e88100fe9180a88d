import type { Root } from "nlcst";
import type { VFile } from "vfile";
import scoring from "./score-weights.json" with { type: "json" };
import { blockAt, PROSE_KINDS, type Letter } from "../../letter/model.js";
import { findingData } from "../../report.js";
import type { FactKind, ThreatScores } from "../../types.js";
import { REQUIRED_GUIDANCE_RULE } from "./required-guidance.js";
import { isDanishLetter } from "./scan.js";
import { minOf } from "../../util/arrays.js";

/** Facts that make a paragraph "the essentials": when, and what to do. */
const ESSENTIAL_FACTS: ReadonlySet<FactKind> = new Set<FactKind>([
  "date",
  "time",
  "deadline",
  "action",
]);
const WEIGHTS: Record<string, number> = scoring.weights;
const POSITION = scoring.position;

type Severity = keyof NonNullable<ThreatScores["bySeverity"]>;

/**
 * The threat score, 0 (calm) to 100 (threatening).
 *
 *   raw   = Σ weight(kind) × position(offset)     over the counted threat findings
 *   score = round(100 × (1 − e^(−raw / scale)))
 *
 * weight: sanction 30, warning 12, capitals 8, obligation 8, exclamation 5, legal citation 5.
 * position, by the finding's offset x (non-increasing in x):
 *   x < Z           1.5   before the essentials or in the lead, where the citizen starts reading
 *   Z ≤ x < C       1.0 → 0.6, linearly through the body
 *   x ≥ C           0.15  after the closing (guidance and postscripts)
 * Z = the later of the lead's end (the first body paragraph) and the start of the first body
 * paragraph with a date, time, deadline or action fact (file.data.essentials.facts; without
 * facts, the lead's end). C = the start of the closing, or the letter's end.
 * Every term is positive and the exponential is increasing, so more findings, worse kinds or
 * earlier positions never lower the score. Findings in protected legal blocks are not counted.
 */
export function retextThreatScore() {
  return (_tree: Root, file: VFile): void => {
    const bySeverity: Record<Severity, number> = { threat: 0, warning: 0, obligation: 0 };
    // English letters are scored too: only their threat/sanction branch reports (sanction-en.ts).
    if (!isDanishLetter(file) && !(file.data.language === "en" && file.data.letter)) {
      file.data.threat = { score: 0, count: 0, bySeverity };
      return;
    }
    const zones = zonesOf(file.data.letter!, file);
    let raw = 0;
    let count = 0;
    for (const message of file.messages) {
      if (!message.ruleId?.startsWith("threat/") || message.ruleId === REQUIRED_GUIDANCE_RULE)
        continue;
      const details = findingData(message).details ?? {};
      // A duty in plain words (threat/duty) is clear language, not threat framing.
      if (details.kind === "duty") continue;
      const severity = details.severity as Severity | undefined;
      if (severity && severity in bySeverity) bySeverity[severity]++;
      count++;
      const offset =
        message.place && "start" in message.place ? message.place.start.offset : undefined;
      raw +=
        (WEIGHTS[String(details.kind)] ?? WEIGHTS.warning!) * positionFactor(offset ?? 0, zones);
    }
    const score = Math.round(100 * (1 - Math.exp(-raw / scoring.scale)));
    file.data.threat = { score, count, bySeverity };
  };
}

interface Zones {
  /** End of the early zone (lead and everything before the essentials). */
  early: number;
  /** Start of the closing. */
  closing: number;
}

export function positionFactor(offset: number, zones: Zones): number {
  if (offset < zones.early) return POSITION.beforeEssentials;
  if (offset >= zones.closing) return POSITION.afterClosing;
  const span = Math.max(1, zones.closing - zones.early);
  const through = (offset - zones.early) / span;
  return POSITION.bodyStart - (POSITION.bodyStart - POSITION.bodyEnd) * through;
}

function zonesOf(letter: Letter, file: VFile): Zones {
  const blocks = letter.blocks;
  const lead =
    blocks.find((block) => block.kind === "paragraph") ??
    blocks.find((block) => PROSE_KINDS.has(block.kind));
  let early = lead?.end ?? 0;
  const essentialBlocks = (file.data.essentials?.facts ?? [])
    .filter((fact) => ESSENTIAL_FACTS.has(fact.kind))
    .map((fact) => blockAt(letter, fact.start))
    .filter((index) => index >= 0 && PROSE_KINDS.has(blocks[index]!.kind));
  if (essentialBlocks.length > 0) early = Math.max(early, blocks[minOf(essentialBlocks)!]!.start);
  const closing = blocks.find((block) => block.kind === "closing" && block.start >= early);
  return { early, closing: closing?.start ?? letter.text.length };
}
