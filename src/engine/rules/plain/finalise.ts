import { partitionPoint } from "../../util/sorted.js";
import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { PROSE_KINDS, type Block } from "../../letter/model.js";
import { quotedLawSpans, touchedQuote } from "../../letter/quoted-law.js";
import { findingData, type FindingData } from "../../report.js";
import { LONG_WORD_LETTERS, statsOf, type RawCounts } from "../readability/counts.js";
import { pushAll } from "../../util/arrays.js";
import { memoByText } from "../../util/text-memo.js";

type Message = VFile["messages"][number];

interface Placed {
  message: Message;
  data: FindingData;
  start: number;
  end: number;
}

const PLAIN = "plain/";

/**
 * The last plain plugin, over the plain rules' findings together:
 * - nothing inside quoted law text ("Lovteksten ser således ud: ’...’"): it is quoted to be exact,
 *   and the guard would refuse any edit there anyway;
 * - conflicting suggestions on one span become one finding: the first edit (a safe one before an
 *   unsafe one) keeps its place, the others' proposals join its explanation, so the writer sees
 *   every alternative once and "apply" never meets two edits on the same words;
 * - "Anvend alle sikre forslag" never raises the LIX: a safe swap that, with the safe swaps before
 *   it, would raise the letter's or the prose's LIX (a short phrase for a long word, or fewer
 *   short words around the same long ones) stays an offered edit but is no longer safe.
 */
export function retextPlainFinalise() {
  return (tree: Root, file: VFile): void => {
    const text = String(file.value);
    // Most letters quote no law: then no finding can touch a quotation.
    const quotes = quotedLawSpans(text).length > 0;
    const placed: Placed[] = [];
    const drop = new Set<Message>();
    for (const message of file.messages) {
      if (!message.ruleId?.startsWith(PLAIN)) continue;
      const place = message.place as { start?: { offset?: number }; end?: { offset?: number } };
      const start = place?.start?.offset ?? 0;
      const end = place?.end?.offset ?? start;
      const data = findingData(message);
      const editStart = data.edit?.kind === "replace" ? data.edit.start : start;
      const editEnd = data.edit?.kind === "replace" ? data.edit.end : end;
      if (quotes && touchedQuote(text, Math.min(start, editStart), Math.max(end, editEnd))) {
        drop.add(message);
        continue;
      }
      if (data.edit?.kind === "replace")
        placed.push({ message, data, start: editStart, end: editEnd });
    }
    const kept = new KeptEdits();
    for (const finding of safeFirst(placed)) {
      const rival = kept.rival(finding);
      if (!rival) {
        kept.keep(finding);
        continue;
      }
      mergeInto(rival, finding);
      drop.add(finding.message);
    }
    keepLixFromRising(tree, file, kept.inOrderKept());
    if (drop.size > 0) {
      const rest = file.messages.filter((message) => !drop.has(message));
      file.messages.length = 0;
      pushAll(file.messages, rest);
    }
  };
}

/** Safe edits first, each group by start, otherwise in the order found (a stable sort). */
function safeFirst(placed: Placed[]): Placed[] {
  return placed.sort(
    (a, b) => Number(b.data.safe === true) - Number(a.data.safe === true) || a.start - b.start
  );
}

/**
 * The kept edits, which never overlap one another: in start order their ends never decrease, so
 * the kept edits a span overlaps are one run found by binary search, not a scan of all of them.
 */
class KeptEdits {
  private readonly byStart: { finding: Placed; order: number }[] = [];
  private readonly kept: Placed[] = [];

  /** The first kept edit (in the order kept) that overlaps the finding's span. */
  rival(finding: Placed): Placed | undefined {
    const spans = this.byStart;
    const low = partitionPoint(spans.length, (index) => spans[index]!.finding.end <= finding.start);
    let first: { finding: Placed; order: number } | undefined;
    for (let at = low; at < spans.length && spans[at]!.finding.start < finding.end; at++) {
      if (!first || spans[at]!.order < first.order) first = spans[at]!;
    }
    return first?.finding;
  }

  keep(finding: Placed): void {
    const spans = this.byStart;
    const low = partitionPoint(spans.length, (index) => {
      const other = spans[index]!.finding;
      return (
        other.start < finding.start || (other.start === finding.start && other.end <= finding.end)
      );
    });
    spans.splice(low, 0, { finding, order: this.kept.length });
    this.kept.push(finding);
  }

  inOrderKept(): readonly Placed[] {
    return this.kept;
  }
}

/** The rival keeps its edit; the other proposal is named in its explanation. */
function mergeInto(rival: Placed, other: Placed): void {
  const theirs = other.data.suggestion?.text;
  const suggestion = rival.data.suggestion;
  if (!theirs || !suggestion || theirs === suggestion.text) return;
  suggestion.explanation = `${suggestion.explanation} Eller: »${theirs}«.`;
  rival.message.note = suggestion.explanation;
}

/** Words and long words of a piece of text, counted as the LIX counts them; per text. */
const countWords = memoByText(countWordsIn);

function countWordsIn(text: string): { words: number; longWords: number } {
  let words = 0;
  let longWords = 0;
  for (const word of text.split(/[\s/]+/u)) {
    if (!/[\p{L}\p{N}]/u.test(word)) continue;
    words++;
    if ((word.match(/\p{L}/gu)?.length ?? 0) > LONG_WORD_LETTERS) longWords++;
  }
  return { words, longWords };
}

function rawLix(counts: RawCounts): number {
  if (counts.words <= 0 || counts.sentences <= 0) return 0;
  return counts.words / counts.sentences + (100 * counts.longWords) / counts.words;
}

function keepLixFromRising(tree: Root, file: VFile, findings: readonly Placed[]): void {
  const letter = file.data.letter;
  if (!letter) return;
  const stats = statsOf(tree, file);
  const all = { ...stats.all };
  const prose = { ...stats.prose };
  const limitAll = rawLix(stats.all);
  const limitProse = rawLix(stats.prose);
  const text = letter.text;
  const safe = findings
    .filter((finding) => finding.data.safe === true && finding.data.edit?.kind === "replace")
    .sort((a, b) => a.start - b.start);
  for (const finding of safe) {
    const edit = finding.data.edit as { start: number; end: number; text: string };
    const before = countWords(text.slice(edit.start, edit.end));
    const after = countWords(edit.text);
    const words = after.words - before.words;
    const longWords = after.longWords - before.longWords;
    const block = blockHolding(letter.blocks, edit.start, edit.end);
    const inProse = block !== undefined && PROSE_KINDS.has(block.kind);
    const nextAll = { ...all, words: all.words + words, longWords: all.longWords + longWords };
    const nextProse = inProse
      ? { ...prose, words: prose.words + words, longWords: prose.longWords + longWords }
      : prose;
    if (rawLix(nextAll) > limitAll + 1e-9 || rawLix(nextProse) > limitProse + 1e-9) {
      finding.data.safe = false;
      continue;
    }
    Object.assign(all, nextAll);
    Object.assign(prose, nextProse);
  }
}

/**
 * The first block holding [start, end), as `blocks.find` would, by binary search: blocks are in
 * letter order and never overlap (as blockAt in letter/model.ts relies on).
 */
function blockHolding(blocks: readonly Block[], start: number, end: number): Block | undefined {
  const block = blocks[partitionPoint(blocks.length, (index) => blocks[index]!.end < end)];
  return block && block.start <= start ? block : undefined;
}
