import type { Paragraph, Root } from "nlcst";
import { unified, type Plugin, type Processor } from "unified";
import { VFile } from "vfile";
import { analyzeLetter, finishAnalysis, startAnalysis } from "./analyze.js";
import type { Block, Letter } from "./letter/model.js";
import { classifyText } from "./letter/classify.js";
import { retextDanishSentences } from "./nlcst/danish-sentences.js";
import { retextLetter } from "./nlcst/letter-parser.js";
import { processor } from "./processor.js";
import { dateContext } from "./rules/essentials/date-context.js";
import { extractBlockFacts, factBlockFilter } from "./rules/essentials/extract.js";
import { ownDepartmentOf } from "./rules/essentials/sender.js";
import { addMessage, lineStarts, pointIn } from "./report.js";
import { referenceDateOption, retextEssentialsFacts } from "./rules/essentials/rule-facts.js";
import { retextPlainOfficialese } from "./rules/plain/officialese.js";
import { retextLongSentence } from "./rules/readability/long-sentence.js";
import { retextThreatLegalCitation } from "./rules/threat/legal-citation.js";
import { retextThreatObligation } from "./rules/threat/obligation.js";
import { retextThreatWarning } from "./rules/threat/warning.js";
import type { Analysis, AnalyzeOptions, Fact } from "./types.js";

/**
 * Re-analysis while the caseworker types. `analyze(text)` returns exactly what `analyzeText`
 * returns for the same text, but keeps per block, by block text:
 *
 * - the block's parse (nlcst paragraph), with its own nodes whose points follow the block's
 *   place (PlacedPoint): a block that moves keeps its nodes;
 * - the findings of the block-local rules, with offsets relative to the block;
 * - the block's essentials facts, also keyed by the letter's date context.
 *
 * Letter-level steps (language, LIX totals, letter type, essentials, the threat score, legal
 * guidance, and every rule that reads other blocks) run on the whole letter each time, in the
 * processor's order, so a one-word edit re-runs the block-local rules on one block only.
 *
 * Block-local means: a rule's findings for a block depend only on that block (text, kind,
 * guidance reference) and on the context listed in BLOCK_LOCAL. That was read from each rule,
 * not guessed; the rules that read other blocks stay letter-level:
 * - plain/passive (whether the letter is written by an authority), plain/formal-address
 *   (formal or informal address anywhere), plain/nominalisation (the letter's density),
 *   plain finalise (conflicts, LIX of all safe edits), threat/sanction (the letter's guidance,
 *   phone number, letter type), threat/shouting (casing elsewhere in the letter), the
 *   required-guidance and score steps, essentials and legal.
 * A rule that reports outside the blocks it was given makes the analyser fall back to a full
 * analysis (never a wrong result).
 *
 * For rule writers: the nodes of an unchanged block are the same objects from one analysis to
 * the next, but their offsets change when an edit before them moves the block. Anything a rule
 * keeps per node must therefore hold offsets relative to the node, or remember the offset it was
 * read at and move (see tokensOf and memoByTokens in rules/plain/tokens.ts);
 * test/engine/incremental.test.ts catches a cache that does not.
 */
export interface IncrementalAnalyzer {
  /** What `analyzeText(text, options)` returns. */
  analyze(text: string): Analysis;
  /** What `analyzeLetter(letter, options)` returns (a Letter built by Word or the preview). */
  analyzeLetter(letter: Letter): Analysis;
  /** Entries held (block names, parses, placed nodes, facts, findings): bounded by the last two letters' blocks. */
  cacheSize(): number;
  /** What the last analysis reused: blocks in the letter, blocks parsed and blocks analysed anew. */
  lastRun(): RunStats;
  clear(): void;
}

type VFileMessage = VFile["messages"][number];

export interface RunStats {
  blocks: number;
  parsed: number;
  analysed: number;
  /** True when a rule reported outside its blocks and the whole letter was analysed instead. */
  fallback: boolean;
  /**
   * Wall-clock ms per step of the last analysis (`classify`, `place`, each plugin by name,
   * `finish`), when the analyser was created with `{ timings: true }`: for bench/typing-steps.ts.
   */
  timings?: Record<string, number>;
}

export interface IncrementalOptions {
  /** Time each step of every analysis (RunStats.timings). */
  timings?: boolean;
}

type Context = (file: VFile, letter: Letter, blockIndex: number) => string;

/** The block-local rules and the letter-level facts each one reads besides its own block. */
const BLOCK_LOCAL = new Map<unknown, Context>([
  [retextLongSentence, (file) => String(file.data.language)],
  [retextPlainOfficialese, (file) => String(file.data.language)],
  [retextThreatWarning, (file) => String(file.data.language)],
  [retextThreatObligation, (file) => String(file.data.language)],
  [
    // Citations after the closing (reasons, guidance) are where they belong.
    retextThreatLegalCitation,
    (file, letter, blockIndex) => {
      const closing = letter.blocks.findIndex((block) => block.kind === "closing");
      return `${String(file.data.language)}|${closing >= 0 && blockIndex > closing}`;
    },
  ],
]);

/** Parser plugins: the incremental parse replaces them. */
const PARSER_PLUGINS: ReadonlySet<unknown> = new Set([retextLetter, retextDanishSentences]);

interface Step {
  name: string;
  run: Processor<Root, Root, Root>;
  context?: Context;
  /** The essentials facts step: per block, by block text and the letter's date context. */
  facts?: boolean;
}

/** A finding of a block-local rule, relative to its block. */
interface Snapshot {
  reason: string;
  ruleId: string | undefined;
  source: string | undefined;
  fatal: boolean | null | undefined;
  expected: string[] | undefined;
  note: string | undefined;
  klarbrev: unknown;
  start: number;
  end: number;
}

interface Entry<T> {
  value: T;
  used: number;
}

let steps: Step[] | undefined;

function stepsOf(): Step[] {
  if (steps) return steps;
  steps = [];
  for (const [plugin, ...parameters] of processor().attachers) {
    if (PARSER_PLUGINS.has(plugin)) continue;
    const run = unified()
      // A plugin's own few options: a spread is fine here.
      // eslint-disable-next-line no-restricted-syntax
      .use(plugin as Plugin<unknown[]>, ...parameters)
      .freeze() as unknown as Processor<Root, Root, Root>;
    const context = BLOCK_LOCAL.get(plugin);
    steps.push({
      name: (plugin as { name?: string }).name || `step ${steps.length}`,
      run,
      ...(context && { context }),
      facts: (plugin as unknown) === retextEssentialsFacts,
    });
  }
  return steps;
}

/** A block-local rule reported outside its blocks (or a non-local edit): analyse the whole letter. */
class OutsideBlocks extends Error {}

export function createIncrementalAnalyzer(
  options: AnalyzeOptions = {},
  { timings = false }: IncrementalOptions = {}
): IncrementalAnalyzer {
  const parses = new Map<string, Entry<Paragraph | null>>();
  const findings = new Map<string, Entry<Snapshot[]>>();
  // A block keeps its very nodes from edit to edit (and the rules' per-node caches with them),
  // wherever it moves: the nodes' points read the block's current placement. The rules never
  // change the tree.
  const places = new Map<string, Entry<Placed>>();
  const facts = new Map<string, Entry<Fact[]>>();
  let generation = 0;
  let stats: RunStats = { blocks: 0, parsed: 0, analysed: 0, fallback: false };
  let clock = 0;
  /** Adds the time since the last lap to `step` (only when timing). */
  const lap = (step: string) => {
    if (!timings) return;
    const now = performance.now();
    const times = (stats.timings ??= {});
    times[step] = (times[step] ?? 0) + now - clock;
    clock = now;
  };

  const take = <T>(cache: Map<string, Entry<T>>, key: string): T | undefined => {
    const entry = cache.get(key);
    if (!entry) return undefined;
    entry.used = generation;
    return entry.value;
  };
  const put = <T>(cache: Map<string, Entry<T>>, key: string, value: T) =>
    cache.set(key, { value, used: generation });
  // Keep what this analysis and the one before used (typing, then undo); drop the rest.
  const sweep = (cache: Map<string, Entry<unknown>>) => {
    for (const [key, entry] of cache) if (entry.used < generation - 1) cache.delete(key);
  };

  // A short name per block (kind, guidance reference, text): the caches' keys use it, so a
  // block's text is hashed once per analysis, not once per cache and step.
  const names = new Map<string, Entry<string>>();
  let named = 0;
  const nameOf = (block: Block): string => {
    const key = blockKey(block);
    let name = take(names, key);
    if (name === undefined) {
      name = `b${named++}`;
      put(names, key, name);
    }
    return name;
  };

  const parseBlock = (block: Block, key: string): Paragraph | null => {
    const cached = take(parses, key);
    if (cached !== undefined) return cached;
    const alone: Letter = {
      text: block.text,
      blocks: [{ ...block, start: 0, end: block.text.length }],
    };
    const file = new VFile({ value: block.text });
    file.data.letter = alone;
    stats.parsed++;
    const root = processor().parse(file) as Root;
    const paragraph = (root.children[0] as Paragraph | undefined) ?? null;
    put(parses, key, paragraph);
    return paragraph;
  };

  /**
   * The essentials facts as extractFacts finds them (rules/essentials/extract.ts), per block by
   * block text and the letter's date context (date line, years written elsewhere).
   */
  const factsOf = (file: VFile, letter: Letter, blockNames: readonly string[]): Fact[] => {
    const context = dateContext(letter, { referenceDate: referenceDateOption(file) });
    // The letter's own department decides as an authority: a block's facts depend on it too.
    const sender = ownDepartmentOf(letter);
    const contextKey = `${sender ?? ""}\u0000${JSON.stringify(context, (_key, value: unknown) =>
      value instanceof Map ? [...value] : value
    )}`;
    const readsFacts = factBlockFilter(letter);
    const result: Fact[] = [];
    letter.blocks.forEach((block, index) => {
      if (!readsFacts(block, index)) return;
      const key = `${contextKey}\u0000${blockNames[index]!}`;
      let found = take(facts, key);
      if (!found) {
        found = extractBlockFacts(block.text, 0, context, sender);
        put(facts, key, found);
      }
      for (const fact of found) {
        result.push({ ...fact, start: fact.start + block.start, end: fact.end + block.start });
      }
    });
    return result;
  };

  const run = (letter: Letter): Analysis => {
    generation++;
    const timed = stats.timings;
    stats = { blocks: 0, parsed: 0, analysed: 0, fallback: false };
    if (timed) stats.timings = { classify: timed.classify ?? 0 };
    const { file, head } = startAnalysis(letter, options);
    lap("start");
    // Past the analysis limit the letter is cut: no cache for that rare case.
    if (head) return analyzeLetter(letter, options);
    const prose = file.data.letter!;
    stats.blocks = prose.blocks.length;

    const tree: Root = { type: "RootNode", children: [] };
    const paragraphs: (Paragraph | undefined)[] = [];
    const treeLines = lineStarts(prose.text, /\n/gu);
    const blockNames = prose.blocks.map(nameOf);
    const seen = new Map<string, number>();
    prose.blocks.forEach((block, index) => {
      const name = blockNames[index]!;
      const template = parseBlock(block, name);
      if (!template) return;
      // Equal blocks (two empty list items, a repeated paragraph) each get their own nodes.
      const occurrence = seen.get(name) ?? 0;
      seen.set(name, occurrence + 1);
      const key = `${occurrence}\u0000${name}`;
      let entry = take(places, key);
      if (!entry) {
        entry = live(template);
        put(places, key, entry);
      }
      // Only the placement moves: the nodes (and what rules cached per node) stay.
      const at = pointIn(treeLines, block.start);
      entry.at.offset = at.offset;
      entry.at.line = at.line;
      entry.at.column = at.column;
      (entry.paragraph.data as unknown as { blockIndex: number }).blockIndex = index;
      paragraphs[index] = entry.paragraph;
      tree.children.push(entry.paragraph);
    });
    lap("place");

    const messageLines = lineStarts(letter.text, /\r\n?|\n/gu);
    stepsOf().forEach((step, stepIndex) => {
      if (step.facts && file.data.language === "da") {
        file.data.essentials = { inLead: false, facts: factsOf(file, prose, blockNames) };
        lap(step.name);
        return;
      }
      if (!step.context) {
        step.run.runSync(tree, file);
        lap(step.name);
        return;
      }
      const keys: (string | undefined)[] = [];
      const known: (Snapshot[] | undefined)[] = [];
      const partial: Root = { type: "RootNode", children: [] };
      prose.blocks.forEach((_block, index) => {
        const paragraph = paragraphs[index];
        if (!paragraph) return;
        const key = `${stepIndex}\u0000${step.context!(file, prose, index)}\u0000${blockNames[index]!}`;
        keys[index] = key;
        known[index] = take(findings, key);
        if (!known[index]) partial.children.push(paragraph);
      });
      const before = file.messages.length;
      stats.analysed = Math.max(stats.analysed, partial.children.length);
      if (partial.children.length > 0) step.run.runSync(partial, file);
      const fresh = file.messages.splice(before);
      const byBlock = groupByBlock(fresh, prose, partial);
      for (const [index, list] of byBlock) {
        const block = prose.blocks[index]!;
        put(
          findings,
          keys[index]!,
          list.map((message) => snapshot(message, block))
        );
      }
      prose.blocks.forEach((block, index) => {
        if (!paragraphs[index]) return;
        const list = byBlock.get(index);
        if (list) {
          for (const message of list) file.messages.push(message);
          return;
        }
        const cached = known[index] ?? [];
        // A block run fresh without findings: remember that too.
        if (!known[index]) put(findings, keys[index]!, []);
        for (const item of cached) materialise(file, item, block, messageLines);
      });
      lap(step.name);
    });
    const analysis = finishAnalysis(file, letter, head);
    lap("finish");
    sweep(parses);
    sweep(findings);
    sweep(places);
    sweep(facts);
    sweep(names);
    return analysis;
  };

  const analyzeLetterCached = (letter: Letter): Analysis => {
    try {
      return run(letter);
    } catch (error) {
      if (!(error instanceof OutsideBlocks)) throw error;
      stats.fallback = true;
      return analyzeLetter(letter, options);
    }
  };

  return {
    analyze(text: string) {
      if (timings) clock = performance.now();
      const letter = classifyText(clean(text), { format: options.format ?? "txt" });
      if (timings) {
        stats.timings = { classify: performance.now() - clock };
        clock = performance.now();
      }
      return analyzeLetterCached(letter);
    },
    analyzeLetter(letter: Letter) {
      if (timings) {
        stats.timings = {};
        clock = performance.now();
      }
      return analyzeLetterCached(letter);
    },
    cacheSize: () => parses.size + findings.size + places.size + facts.size + names.size,
    lastRun: () => ({ ...stats }),
    clear() {
      parses.clear();
      findings.clear();
      places.clear();
      facts.clear();
      names.clear();
    },
  };
}

function clean(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function blockKey(block: Block): string {
  const { kind, legal, level, style, text } = block;
  return `${JSON.stringify({ kind, legal, level, style })}\u0000${text}`;
}

/** Fresh findings of a step, per block; each must lie in a block the step was given. */
function groupByBlock(
  messages: VFileMessage[],
  letter: Letter,
  partial: Root
): Map<number, VFileMessage[]> {
  const given = partial.children.map(
    (paragraph) => (paragraph.data as unknown as { blockIndex: number }).blockIndex
  );
  const result = new Map<number, VFileMessage[]>();
  for (const message of messages) {
    const { start, end } = offsetsOf(message);
    const index = given.find((i) => {
      const block = letter.blocks[i]!;
      return block.start <= start && end <= block.end;
    });
    if (index === undefined) throw new OutsideBlocks();
    let list = result.get(index);
    if (!list) result.set(index, (list = []));
    list.push(message);
  }
  return result;
}

function offsetsOf(message: VFileMessage): { start: number; end: number } {
  const place = message.place as
    { start?: { offset?: number }; end?: { offset?: number } } | undefined;
  const start = place?.start?.offset ?? 0;
  return { start, end: place?.end?.offset ?? start };
}

function snapshot(message: VFileMessage, block: Block): Snapshot {
  const { start, end } = offsetsOf(message);
  const klarbrev = (message as unknown as { klarbrev?: unknown }).klarbrev;
  return {
    reason: message.reason,
    ruleId: message.ruleId,
    source: message.source,
    fatal: message.fatal,
    expected: message.expected ? [...message.expected] : undefined,
    note: message.note,
    klarbrev: shiftEdits(copy(klarbrev), -block.start),
    start: start - block.start,
    end: end - block.start,
  };
}

function materialise(file: VFile, item: Snapshot, block: Block, lines: number[]): VFileMessage {
  const place = {
    start: pointIn(lines, item.start + block.start),
    end: pointIn(lines, item.end + block.start),
  };
  // Appended to the file's messages: the caller adds them in document order.
  const message = addMessage(file, item.reason, place, item.ruleId, item.source);
  message.fatal = item.fatal;
  if (item.expected) message.expected = [...item.expected];
  if (item.note !== undefined) message.note = item.note;
  if (item.klarbrev !== undefined) {
    (message as unknown as { klarbrev: unknown }).klarbrev = shiftEdits(
      copy(item.klarbrev),
      block.start
    );
  }
  return message;
}

/** Move the replace edit a finding carries; other edit kinds are letter-level by nature. */
function shiftEdits(data: unknown, delta: number): unknown {
  const edit = (data as { edit?: { kind: string; start: number; end: number } } | undefined)?.edit;
  if (!edit) return data;
  if (edit.kind !== "replace") throw new OutsideBlocks();
  edit.start += delta;
  edit.end += delta;
  return data;
}

/** A deep copy of finding data (plain objects, arrays, primitives): later steps mutate it. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value && typeof value === "object") {
    const result: Record<string, unknown> = {};
    // for...in, not Object.entries: no pair arrays for every finding of every edit (the data
    // are plain object literals: nothing enumerable is inherited).
    for (const key in value) result[key] = copy((value as Record<string, unknown>)[key]);
    return result as T;
  }
  return value;
}

interface Placement {
  offset: number;
  line: number;
  column: number;
}

/** A block's nodes, and the placement their points read. */
interface Placed {
  paragraph: Paragraph;
  at: Placement;
}

/**
 * A point of a cached block parse (made at offset 0, line 1, column 1) that reads the block's
 * current place: moving a block is then one assignment, not a copy of its tree (a copy also
 * made every per-node cache downstream miss). As the letter parser's shift, a point without an
 * offset keeps its line and column.
 */
class PlacedPoint {
  constructor(
    private readonly at: Placement,
    private readonly relative: { line: number; column: number; offset: number }
  ) {}
  get line(): number {
    return this.relative.line + this.at.line - 1;
  }
  get column(): number {
    const { line, column } = this.relative;
    return line === 1 ? column + this.at.column - 1 : column;
  }
  get offset(): number {
    return this.relative.offset + this.at.offset;
  }
  toJSON(): { line: number; column: number; offset: number } {
    return { line: this.line, column: this.column, offset: this.offset };
  }
}

/** The block's own copy of a cached parse, whose points follow `at`. */
function live(template: Paragraph): Placed {
  const at: Placement = { offset: 0, line: 1, column: 1 };
  const paragraph = copyNode(template, at);
  paragraph.data = { ...(template.data ?? {}), blockIndex: 0 } as Paragraph["data"];
  return { paragraph, at };
}

type AnyNode = {
  position?: { start: PointLike; end: PointLike };
  children?: AnyNode[];
  data?: object;
};
type PointLike = { line: number; column: number; offset?: number };

function copyNode<T extends AnyNode>(node: T, at: Placement): T {
  const result = { ...node };
  if (node.position) {
    result.position = {
      start: follow(node.position.start, at),
      end: follow(node.position.end, at),
    };
  }
  if (node.data) result.data = { ...node.data };
  if (node.children) result.children = node.children.map((child) => copyNode(child, at));
  return result;
}

function follow(point: PointLike, at: Placement): PointLike {
  if (point.offset === undefined) return { ...point };
  return new PlacedPoint(at, { line: point.line, column: point.column, offset: point.offset });
}
