import type { Edit } from "../../engine/edits/edit.js";
import { blockAt, isProtected, type Letter } from "../../engine/letter/model.js";
import { endOf, eachSentence, startOf } from "../../engine/nlcst/traverse.js";
import { letterParser } from "../../engine/parser.js";
import { RULE_FAMILIES } from "../../engine/rules/registry.js";
import type { Finding } from "../../engine/types.js";
import { VFile } from "vfile";

/** Rule families in the order the task pane lists them: the rule registry's (src/engine/rules). */
export type RuleFamily = "readability" | "plain" | "threat" | "essentials" | "legal";
export const FAMILIES = RULE_FAMILIES as readonly RuleFamily[];
export type Family = RuleFamily | "other";

export interface FindingView {
  /** Stable across re-analysis: rule, flagged text and occurrence, not offsets. */
  key: string;
  finding: Finding;
  family: Family;
  /** The sentence around the finding, with the flagged part's offsets inside it. */
  sentence: { text: string; markStart: number; markEnd: number; more?: boolean };
  /** The words "Anvend" really changes (common words around the edit left out). */
  change?: { removed: string; added: string };
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
  /**
   * Findings on the same words merged into this card (the card's own finding first): each
   * reason is shown; the card has one suggestion, its own.
   */
  reasons?: Finding[];
  /** Keys of every merged finding: ignoring the card ignores them all. */
  keys?: string[];
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
      view.change = exactChange(view.before, view.after);
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

export const SEVERITIES = ["error", "warning", "info"] as const;
export type SeverityName = (typeof SEVERITIES)[number];
const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** Every key a card stands for. */
export function keysOf(view: FindingView): string[] {
  return view.keys ?? [view.key];
}

function overlap(a: FindingView, b: FindingView): number {
  const from = Math.max(a.finding.start.offset, b.finding.start.offset);
  const to = Math.min(a.finding.end.offset, b.finding.end.offset);
  return Math.max(0, to - from);
}

const length = (view: FindingView) =>
  Math.max(1, view.finding.end.offset - view.finding.start.offset);

/**
 * Whether two findings are about the same words: most of the shorter one lies in the other, and
 * the longer is not a whole sentence or paragraph (a long-sentence finding does not swallow the
 * words flagged inside it). Or: one rule with one suggestion in one sentence (inflections of
 * one lexicon entry, "udeblivelse" and "udeblivelser").
 */
function sameWords(a: FindingView, b: FindingView): boolean {
  if (a.sentence.text !== b.sentence.text) return false;
  // Paragraph- and letter-level findings (LIX, essentials first) are separate concerns.
  if (a.sentence.more || b.sentence.more) return false;
  const shorter = Math.min(length(a), length(b));
  const longer = Math.max(length(a), length(b));
  if (overlap(a, b) >= shorter * 0.5 && shorter >= longer * 0.5) return true;
  if (a.finding.ruleId !== b.finding.ruleId) return false;
  // Inflections of one lexicon entry ("udeblivelse", "udeblivelser"): one card, even where the
  // advice differs by form.
  const entry = a.finding.details?.entry;
  if (entry !== undefined && entry === b.finding.details?.entry) return true;
  return (
    a.finding.suggestion !== undefined && a.finding.suggestion.text === b.finding.suggestion?.text
  );
}

/** Which finding leads a merged card: the most severe, then one with an edit, then the first. */
function leadOf(group: FindingView[]): FindingView {
  return [...group].sort(
    (a, b) =>
      (RANK[a.finding.severity] ?? 3) - (RANK[b.finding.severity] ?? 3) ||
      Number(Boolean(b.edit)) - Number(Boolean(a.edit)) ||
      a.finding.start.offset - b.finding.start.offset
  )[0]!;
}

/** One card per span: findings on the same words become one card with all their reasons. */
export function mergeSameWords(views: readonly FindingView[]): FindingView[] {
  const groups: FindingView[][] = [];
  for (const view of views) {
    const group = groups.find((g) => g.some((other) => sameWords(view, other)));
    if (group) group.push(view);
    else groups.push([view]);
  }
  return groups.map((group) => {
    if (group.length === 1) return group[0]!;
    const lead = leadOf(group);
    const rest = group.filter((view) => view !== lead);
    return {
      ...lead,
      reasons: [lead.finding, ...rest.map((view) => view.finding)],
      keys: [lead.key, ...rest.map((view) => view.key)],
    };
  });
}

export interface SeverityGroup {
  severity: SeverityName;
  families: FamilyGroup[];
  count: number;
}

/** Skal rettes, Bør rettes, Til overvejelse; in each, the families; in each, document order. */
export function groupBySeverity(views: readonly FindingView[]): SeverityGroup[] {
  return SEVERITIES.flatMap((severity) => {
    const items = views
      .filter((view) => view.finding.severity === severity)
      .sort((a, b) => a.finding.start.offset - b.finding.start.offset);
    if (items.length === 0) return [];
    return [{ severity, families: groupByFamily(items), count: items.length }];
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
  eachSentence(letterParser().parse(file), letter, ({ sentence }) => {
    spans.push([startOf(sentence), endOf(sentence)]);
  });
  return spans;
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * The words an edit really replaces: text both sides share at the start and at the end is left
 * out (at word boundaries, the end compared without case: "Det bemærkes, at u" -> "U" removes
 * "Det bemærkes, at"). Surrounding spaces and stray punctuation of a pure deletion are trimmed.
 */
export function exactChange(before: string, after: string): { removed: string; added: string } {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix])
    prefix++;
  // Back to the start of a word, so a word is never cut.
  while (prefix > 0 && WORD.test(before[prefix - 1] ?? "") && WORD.test(before[prefix] ?? ""))
    prefix--;
  let suffix = 0;
  const room = Math.min(before.length, after.length) - prefix;
  while (
    suffix < room &&
    before[before.length - 1 - suffix]!.toLowerCase() ===
      after[after.length - 1 - suffix]!.toLowerCase()
  )
    suffix++;
  const cut = (text: string, n: number) => text.length - n;
  while (
    suffix > 0 &&
    WORD.test(before[cut(before, suffix) - 1] ?? "") &&
    WORD.test(before[cut(before, suffix)] ?? "")
  )
    suffix--;
  // A changed capital letter ("u" -> "U") is part of the kept word, not of the change.
  let removed = before.slice(prefix, cut(before, suffix));
  let added = after.slice(prefix, cut(after, suffix));
  if (added.trim() === "") {
    removed = removed.replace(/^[\s,;:]+|[\s,;]+$/gu, "");
    added = "";
  } else {
    removed = removed.trim();
    added = added.trim();
  }
  return { removed, added };
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
  // A finding over several sentences (a whole paragraph) quotes its first sentence only.
  let more = false;
  if (first && final && first !== final) {
    to = first[1];
    more = true;
  }
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
  const quoted: FindingView["sentence"] = {
    text: sentence,
    markStart: Math.max(0, Math.min(sentence.length, start - from - shift)),
    markEnd: Math.max(0, Math.min(sentence.length, end - from - shift)),
  };
  if (more) quoted.more = true;
  return quoted;
}
