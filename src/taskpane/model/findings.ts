import type { Edit } from "../../engine/edits/edit.js";
import { blockAt, isProtected, type Letter } from "../../engine/letter/model.js";
import { endOf, eachSentence, startOf } from "../../engine/nlcst/traverse.js";
import { processor } from "../../engine/processor.js";
import type { Finding } from "../../engine/types.js";
import { VFile } from "vfile";

/** Rule families in the order the task pane lists them. */
export const FAMILIES = ["readability", "plain", "threat", "essentials", "legal"] as const;
export type Family = (typeof FAMILIES)[number] | "other";

export interface FindingView {
  /** Stable across re-analysis: rule, flagged text and occurrence, not offsets. */
  key: string;
  finding: Finding;
  family: Family;
  /** The sentence around the finding, with the flagged part's offsets inside it. */
  sentence: { text: string; markStart: number; markEnd: number };
  /** Before -> after: only for a concrete replacement that "Anvend" would make. */
  before?: string;
  after?: string;
  /** A suggestion without an edit (a rewrite to write by hand, or advice): shown as text. */
  advice?: string;
  /** The edit "Anvend" applies, when the finding has one and it is outside locked guidance. */
  edit?: Edit;
  /** In approved, locked guidance: does not count. */
  inLegal: boolean;
  /** In guidance whose text differs from the approved text: counts like prose until restored. */
  inChangedLegal: boolean;
}

export interface ViewOptions {
  /** Letter block indexes of guidance blocks whose text is not the approved text. */
  changedGuidance?: ReadonlySet<number>;
}

export interface FamilyGroup {
  family: Family;
  items: FindingView[];
}

export function familyOf(ruleId: string): Family {
  const family = ruleId.split("/")[0] ?? "";
  return (FAMILIES as readonly string[]).includes(family) ? (family as Family) : "other";
}

/** Build the views for every finding, in document order. */
export function viewFindings(
  letter: Letter,
  findings: readonly Finding[],
  { changedGuidance }: ViewOptions = {}
): FindingView[] {
  const seen = new Map<string, number>();
  const spans = sentenceSpans(letter);
  const sorted = [...findings].sort((a, b) => a.start.offset - b.start.offset);
  return sorted.map((finding) => {
    const start = finding.start.offset;
    const end = Math.max(finding.end.offset, start);
    const flagged = letter.text.slice(start, end);
    const base = `${finding.ruleId}|${flagged}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    const blockIndex = blockAt(letter, start);
    const block = blockIndex >= 0 ? letter.blocks[blockIndex] : undefined;
    const protectedBlock = Boolean(block && isProtected(block));
    const inChangedLegal = protectedBlock && Boolean(changedGuidance?.has(blockIndex));
    const inLegal = protectedBlock && !inChangedLegal;
    const view: FindingView = {
      key: `${base}|${occurrence}`,
      finding,
      family: familyOf(finding.ruleId),
      sentence: sentenceAround(letter, start, end, spans),
      inLegal,
      inChangedLegal,
    };
    const edit = finding.edit;
    if (edit?.kind === "replace") {
      view.before = letter.text.slice(edit.start, edit.end);
      view.after = edit.text;
    } else if (finding.suggestion) {
      // Bug: advice such as "Skriv kortere sætninger" was shown as the replacement of the
      // struck-through sentence. Without an edit there is nothing to strike through.
      view.advice = finding.suggestion.text;
    }
    // The guard refuses edits in any protected block; changed guidance is restored, not edited.
    if (edit && !protectedBlock) view.edit = edit;
    return view;
  });
}

export function groupByFamily(views: readonly FindingView[]): FamilyGroup[] {
  const groups: FamilyGroup[] = [];
  for (const family of [...FAMILIES, "other"] as Family[]) {
    const items = views.filter((view) => view.family === family);
    if (items.length > 0) groups.push({ family, items });
  }
  return groups;
}

/** Findings "Anvend alle sikre forslag" applies: safe, with an edit, not ignored. */
export function safeEdits(views: readonly FindingView[], ignored: ReadonlySet<string>): Edit[] {
  return views
    .filter((view) => view.finding.safe === true && view.edit && !ignored.has(view.key))
    .map((view) => view.edit!);
}

const MAX_SENTENCE = 280;

/** Sentence ranges as the engine splits them (Danish abbreviations, times, dates). */
export function sentenceSpans(letter: Letter): [number, number][] {
  const file = new VFile({ value: letter.text });
  file.data.letter = letter;
  const spans: [number, number][] = [];
  eachSentence(processor().parse(file), letter, ({ sentence }) => {
    spans.push([startOf(sentence), endOf(sentence)]);
  });
  return spans;
}

/** The sentence(s) holding [start, end), with the flagged part's offsets inside the text. */
export function sentenceAround(
  letter: Letter,
  start: number,
  end: number,
  spans: readonly [number, number][] = sentenceSpans(letter)
): FindingView["sentence"] {
  const last = Math.max(start, end - 1);
  const first = spans.find(([s, e]) => start >= s && start < e);
  const final = spans.find(([s, e]) => last >= s && last < e);
  let from = first?.[0] ?? start;
  let to = Math.max(final?.[1] ?? end, end);
  if (to - from > MAX_SENTENCE) {
    const blockIndex = blockAt(letter, start);
    const block = blockIndex >= 0 ? letter.blocks[blockIndex] : undefined;
    from = Math.max(block?.start ?? 0, Math.min(start, end - 40) - 100);
    to = Math.min(
      block?.end ?? letter.text.length,
      Math.max(end, start) + 140,
      from + MAX_SENTENCE
    );
  }
  const raw = letter.text.slice(from, to);
  const sentence = raw.trim();
  const shift = raw.length - raw.trimStart().length;
  return {
    text: sentence,
    markStart: Math.max(0, Math.min(sentence.length, start - from - shift)),
    markEnd: Math.max(0, Math.min(sentence.length, end - from - shift)),
  };
}
