import { VFile } from "vfile";
import { applyEdits } from "../edits/apply.js";
import type { Edit, ReplaceEdit } from "../edits/edit.js";
import {
  buildLetter,
  isProtected,
  PROSE_KINDS,
  type Block,
  type BlockInput,
  type Letter,
} from "../letter/model.js";
import { endOf, eachSentence, startOf } from "../nlcst/traverse.js";
import { analyzeLetter } from "../analyze.js";
import { processor } from "../processor.js";
import { normaliseLegalText } from "../rules/legal/normalise.js";
import type { LegalRegistryEntry } from "../rules/legal/types.js";
import type { Analysis, Finding } from "../types.js";

/** One change of the whole-letter proposal, for the side-by-side view. */
export interface ProposalChange {
  kind: "lead" | "calm" | "remove-threat" | "citation" | "plain" | "order" | "guidance";
  before: string;
  after: string;
}

/** Approved guidance to insert (locked) before block `before` of the proposed letter. */
export interface GuidanceInsert {
  before: number;
  id: string;
  version: string;
  title: string;
  text: string;
}

export interface WholeLetterProposal {
  /** Replacements and the new order, for the original letter, applied together. */
  edits: Edit[];
  /** The letter after the edits (paragraphs left empty are gone), before the guidance goes in. */
  letter: Letter;
  /** Missing guidance, inserted last (after the body, before the closing). */
  guidance?: GuidanceInsert;
  changes: ProposalChange[];
}

interface Span {
  start: number;
  end: number;
  blockIndex: number;
}

const HEADER_KINDS = new Set(["address", "date", "subject", "greeting"]);
const THREATS = new Set(["threat/sanction", "threat/obligation"]);

/**
 * The whole letter, rewritten calmly, as one proposal: the generated lead takes the place of the
 * sentence it summarises (so the meeting is not told twice) and moves first; what to bring and
 * how to cancel follow; threatening sentences become the supportive wording (once; the rest of
 * the threat is what the approved guidance says, calmly, last); legal citations leave the running
 * text; plain-language rewrites are applied; the approved guidance stands last, inserted if it
 * is missing. Every change is an Edit the hosts apply as tracked changes.
 */
export function wholeLetterProposal(
  analysis: Analysis,
  registry?: readonly LegalRegistryEntry[]
): WholeLetterProposal {
  const letter = analysis.letter;
  const sentences = sentenceSpans(letter);
  const changes: ProposalChange[] = [];
  const replaces: ReplaceEdit[] = [];
  const claimed: [number, number][] = [];
  const free = (start: number, end: number) =>
    !claimed.some(([s, e]) => (start === end ? start > s && start < e : start < e && end > s));
  const claim = (edit: ReplaceEdit) => {
    replaces.push(edit);
    claimed.push([edit.start, edit.end]);
  };

  const guidance = missingGuidance(analysis, registry);
  const guidanceThere =
    guidance !== undefined ||
    (analysis.scores.legal?.blocks ?? []).some(
      (block) => block.status === "intact" || block.status === "outdated"
    );

  // 1. The lead replaces the sentence(s) holding the meeting's date together with its time or place.
  const lead = analysis.proposals.lead?.text;
  let leadBlock: number | undefined;
  if (lead) {
    const facts = analysis.scores.essentials.facts;
    const inside = (span: Span, kinds: string[]) =>
      facts.some((f) => kinds.includes(f.kind) && f.start >= span.start && f.end <= span.end);
    const summarised = sentences.filter(
      (span) => inside(span, ["date"]) && inside(span, ["time", "place"])
    );
    summarised.forEach((span, index) => {
      const range = index === 0 ? span : removalRange(letter, span, sentences);
      claim({ kind: "replace", ...range, text: index === 0 ? lead : "", ruleId: "rewrite/lead" });
      changes.push({
        kind: "lead",
        before: letter.text.slice(span.start, span.end),
        after: index === 0 ? lead : "",
      });
      leadBlock ??= span.blockIndex;
    });
  }

  // 2. Threats become the supportive wording, once; with guidance in the letter, the rest goes.
  const calmBlocks = new Set<number>();
  let calmed = false;
  for (const finding of byOffset(analysis.findings)) {
    if (!THREATS.has(finding.ruleId)) continue;
    const span = sentences.find(
      (s) => finding.start.offset >= s.start && finding.start.offset < s.end
    );
    if (!span || !free(span.start, span.end)) continue;
    const before = letter.text.slice(span.start, span.end);
    if (!calmed && finding.suggestion?.text) {
      claim({ kind: "replace", ...span, text: finding.suggestion.text, ruleId: "rewrite/calm" });
      changes.push({ kind: "calm", before, after: finding.suggestion.text });
      calmed = true;
    } else if (guidanceThere) {
      claim({
        kind: "replace",
        ...removalRange(letter, span, sentences),
        text: "",
        ruleId: "rewrite/calm",
      });
      changes.push({ kind: "remove-threat", before, after: "" });
    } else continue;
    calmBlocks.add(span.blockIndex);
  }

  // 3. Legal citations out of the running text; 4. the plain-language and warning rewrites.
  // Citations first: a plain rewrite inside a citation ("i henhold til") must not keep it.
  const citationsFirst = byOffset(analysis.findings).sort(
    (a, b) =>
      Number(b.ruleId === "threat/legal-citation") - Number(a.ruleId === "threat/legal-citation")
  );
  for (const finding of citationsFirst) {
    const edit = finding.edit;
    if (edit?.kind !== "replace" || !free(edit.start, edit.end)) continue;
    if (!inProse(letter, edit.start, edit.end)) continue;
    const citation = finding.ruleId === "threat/legal-citation";
    if (!citation && !finding.ruleId.startsWith("plain/") && finding.ruleId !== "threat/warning")
      continue;
    claim({ ...edit, ruleId: finding.ruleId });
    changes.push({
      kind: citation ? "citation" : "plain",
      before: letter.text.slice(edit.start, edit.end),
      after: edit.text,
    });
    if (citation) calmBlocks.add(blockIndexAt(letter, edit.start));
  }

  // A citation the rules cannot cut out of its sentence: outside a decision (whose reasons must
  // name the rules), the sentence is legal preamble, and the guidance names the rules calmly.
  if (analysis.letterType !== "afgørelse" && guidanceThere) {
    for (const finding of byOffset(analysis.findings)) {
      if (finding.ruleId !== "threat/legal-citation" || finding.edit) continue;
      const span = sentences.find(
        (s) => finding.start.offset >= s.start && finding.start.offset < s.end
      );
      if (!span || !free(span.start, span.end)) continue;
      claim({
        kind: "replace",
        ...removalRange(letter, span, sentences),
        text: "",
        ruleId: "rewrite/citation",
      });
      changes.push({
        kind: "citation",
        before: letter.text.slice(span.start, span.end),
        after: "",
      });
    }
  }

  // What the first rewrite uncovers (a warning inside a rewritten phrase, "Du gøres opmærksom
  // på" -> "Vi gør dig opmærksom på") is rewritten too, folded into the edit at its place in the
  // original letter.
  for (let round = 0; round < 2; round++) {
    const trial = applyEdits(letter, replaces).letter;
    const again = analyzeLetter(trial, registry ? { legal: { registry } } : {});
    let added = false;
    for (const finding of byOffset(again.findings)) {
      const edit = finding.edit;
      if (edit?.kind !== "replace") continue;
      if (finding.ruleId !== "threat/warning" && finding.ruleId !== "threat/legal-citation")
        continue;
      const folded = foldIntoOriginal(letter, trial, replaces, edit);
      if (!folded) continue;
      const others = replaces.filter((r) => r !== folded.replaces);
      const clash = others.some((r) =>
        folded.edit.start === folded.edit.end
          ? false
          : folded.edit.start < r.end && folded.edit.end > r.start
      );
      if (clash || !inProse(letter, folded.edit.start, folded.edit.end)) continue;
      if (folded.replaces) replaces.splice(replaces.indexOf(folded.replaces), 1);
      claimed.length = 0;
      for (const r of replaces) claimed.push([r.start, r.end]);
      claim({ ...folded.edit, ruleId: finding.ruleId });
      changes.push({
        kind: finding.ruleId === "threat/warning" ? "plain" : "citation",
        before: letter.text.slice(folded.edit.start, folded.edit.end),
        after: folded.edit.text,
      });
      added = true;
      break; // offsets of the trial letter are stale now
    }
    if (!added) break;
  }

  // 5. The order: letterhead, the lead's paragraph, the rest of the body (calmed paragraphs
  // last), guidance, closing and signature.
  const order = newOrder(letter, leadBlock, calmBlocks);
  const edits: Edit[] = [...replaces];
  if (order.some((index, position) => index !== position)) {
    edits.push({ kind: "reorder", order, ruleId: "rewrite/order" });
    changes.push({ kind: "order", before: "", after: "" });
  }
  // Without a sentence to replace, the lead goes in as a new first paragraph.
  if (lead && leadBlock === undefined && analysis.proposals.lead) {
    edits.push(analysis.proposals.lead);
    changes.push({ kind: "lead", before: "", after: lead });
  }

  const applied = applyEdits(letter, edits).letter;
  const kept: BlockInput[] = applied.blocks
    .filter((block) => !(PROSE_KINDS.has(block.kind) && block.text.trim() === ""))
    .map(toInput);
  const proposed = buildLetter(kept, separatorOf(letter));
  const proposal: WholeLetterProposal = { edits, letter: proposed, changes };
  if (guidance) {
    const closing = proposed.blocks.findIndex(
      (b) => b.kind === "closing" || b.kind === "signature"
    );
    proposal.guidance = { ...guidance, before: closing >= 0 ? closing : proposed.blocks.length };
    changes.push({ kind: "guidance", before: "", after: guidance.title });
  }
  return proposal;
}

/**
 * An edit of the trial letter (the original with `replaces` applied) as an edit of the original:
 * outside every replacement it is shifted back; overlapping one replacement, the two become one
 * edit over both ranges.
 */
function foldIntoOriginal(
  original: Letter,
  trial: Letter,
  replaces: readonly ReplaceEdit[],
  edit: ReplaceEdit
): { edit: ReplaceEdit; replaces?: ReplaceEdit } | undefined {
  const sorted = [...replaces].sort((a, b) => a.start - b.start);
  let delta = 0;
  const placed = sorted.map((r) => {
    const tStart = r.start + delta;
    delta += r.text.length - (r.end - r.start);
    return {
      r,
      tStart,
      tEnd: tStart + r.text.length,
      before: delta - (r.text.length - (r.end - r.start)),
      after: delta,
    };
  });
  const touching = placed.filter((p) => edit.start <= p.tEnd && edit.end >= p.tStart);
  if (touching.length > 1) return undefined;
  const shiftAt = (t: number) => {
    let shift = 0;
    for (const p of placed) if (p.tEnd <= t) shift = p.after;
    return shift;
  };
  if (touching.length === 0) {
    const shift = shiftAt(edit.start);
    const result: ReplaceEdit = {
      kind: "replace",
      start: edit.start - shift,
      end: edit.end - shift,
      text: edit.text,
    };
    if (original.text.slice(result.start, result.end) !== trial.text.slice(edit.start, edit.end))
      return undefined;
    return { edit: result };
  }
  const p = touching[0]!;
  const from = Math.min(p.tStart, edit.start);
  const to = Math.max(p.tEnd, edit.end);
  const region = trial.text.slice(from, to);
  const text = region.slice(0, edit.start - from) + edit.text + region.slice(edit.end - from);
  const start = from < p.tStart ? from - p.before : p.r.start;
  const end = to > p.tEnd ? to - p.after : p.r.end;
  return { edit: { kind: "replace", start, end, text }, replaces: p.r };
}

/** The proposed letter with the missing guidance in its place, locked: what the reader gets. */
export function proposedLetter(proposal: WholeLetterProposal): Letter {
  const inputs = proposal.letter.blocks.map(toInput);
  const guidance = proposal.guidance;
  if (guidance) {
    inputs.splice(guidance.before, 0, {
      kind: "legal",
      text: guidance.text,
      legal: { id: guidance.id, version: guidance.version, title: guidance.title },
    });
  }
  return buildLetter(inputs, separatorOf(proposal.letter));
}

function toInput(block: Block): BlockInput {
  const input: BlockInput = { kind: block.kind, text: block.text };
  if (block.level !== undefined) input.level = block.level;
  if (block.legal) input.legal = { ...block.legal };
  if (block.style !== undefined) input.style = block.style;
  return input;
}

function separatorOf(letter: Letter): string {
  const [first, second] = letter.blocks;
  return first && second ? letter.text.slice(first.end, second.start) || "\n\n" : "\n\n";
}

const byOffset = (findings: readonly Finding[]) =>
  [...findings].sort((a, b) => a.start.offset - b.start.offset);

function blockIndexAt(letter: Letter, offset: number): number {
  return letter.blocks.findIndex((block) => offset >= block.start && offset <= block.end);
}

function inProse(letter: Letter, start: number, end: number): boolean {
  const block = letter.blocks[blockIndexAt(letter, start)];
  return Boolean(block && !isProtected(block) && PROSE_KINDS.has(block.kind) && end <= block.end);
}

/** Sentences of the prose blocks, as the engine splits them. */
function sentenceSpans(letter: Letter): Span[] {
  const file = new VFile({ value: letter.text });
  file.data.letter = letter;
  const spans: Span[] = [];
  eachSentence(processor().parse(file), letter, ({ sentence, block, blockIndex }) => {
    if (isProtected(block) || !PROSE_KINDS.has(block.kind)) return;
    spans.push({ start: startOf(sentence), end: endOf(sentence), blockIndex });
  });
  return spans;
}

/** A sentence with the space that joins it to its neighbour, so no double space is left. */
function removalRange(letter: Letter, span: Span, sentences: readonly Span[]) {
  const next = sentences.find((s) => s.blockIndex === span.blockIndex && s.start >= span.end);
  if (next) return { start: span.start, end: next.start };
  const previous = [...sentences]
    .reverse()
    .find((s) => s.blockIndex === span.blockIndex && s.end <= span.start);
  return previous ? { start: previous.end, end: span.end } : { start: span.start, end: span.end };
}

function newOrder(letter: Letter, leadBlock: number | undefined, calm: ReadonlySet<number>) {
  const indexes = letter.blocks.map((_, index) => index);
  const firstBody = indexes.find((i) => !HEADER_KINDS.has(letter.blocks[i]!.kind)) ?? 0;
  const header = indexes.filter((i) => i < firstBody);
  const rest = indexes.filter((i) => i >= firstBody);
  const kind = (i: number) => letter.blocks[i]!.kind;
  const ending = rest.filter((i) => kind(i) === "closing" || kind(i) === "signature");
  const legal = rest.filter((i) => kind(i) === "legal");
  const body = rest.filter((i) => !ending.includes(i) && !legal.includes(i));
  const lead = leadBlock !== undefined && body.includes(leadBlock) ? [leadBlock] : [];
  const others = body.filter((i) => !lead.includes(i));
  const calmLast = [...others.filter((i) => !calm.has(i)), ...others.filter((i) => calm.has(i))];
  return [...header, ...lead, ...calmLast, ...legal, ...ending];
}

/** The approved block for missing guidance: for a group, the one for the letter's benefit. */
function missingGuidance(
  analysis: Analysis,
  registry: readonly LegalRegistryEntry[] | undefined
): Omit<GuidanceInsert, "before"> | undefined {
  if (!registry) return undefined;
  const missing = (analysis.scores.legal?.blocks ?? []).find((block) => block.status === "missing");
  if (!missing) return undefined;
  const current = registry.filter((entry) => entry.current && entry.approved);
  const own = current.filter((entry) => entry.id === missing.id);
  const members = own.length > 0 ? own : current.filter((entry) => entry.group === missing.id);
  const named = members.filter((entry) => entry.title === missing.title);
  // Undecided (the letter does not say which benefit): the caseworker chooses, not the proposal.
  const entry = named.length === 1 ? named[0] : members.length === 1 ? members[0] : undefined;
  if (!entry) return undefined;
  const approved = entry.approvedText ?? entry.text;
  // The file's text carries the layout; it is the approved text when the words are the same.
  const text =
    normaliseLegalText(approved) === normaliseLegalText(entry.text) ? entry.text : approved;
  if (/\{\{/u.test(text)) return undefined;
  return { id: entry.id, version: entry.version, title: entry.title, text: text.trim() };
}
