import { applyEdits } from "../../engine/edits/apply.js";
import type { Edit, ReplaceEdit } from "../../engine/edits/edit.js";
import { refuseWholeBatch, replaceTarget } from "../../engine/edits/target.js";
import { classifyText } from "../../engine/letter/classify.js";
import {
  blockAt,
  buildLetter,
  type BlockKind,
  type LegalRef,
  type Letter,
} from "../../engine/letter/model.js";
import type {
  ApplyOutcome,
  DocumentHost,
  GuidanceBlock,
  GuidanceState,
  HighlightMark,
  InsertMode,
} from "../host.js";
import {
  acceptSegments,
  hasChanges,
  normalize,
  rejectSegments,
  replaceRange,
  unmovedIndexes,
  visibleText,
  type Segment,
} from "./segments.js";

/** One block of the in-page letter, with its tracked changes. */
export interface SurfaceBlock {
  /** Stable key for rendering. */
  key: number;
  kind: BlockKind;
  level?: number;
  legal?: LegalRef;
  segments: Segment[];
  /** The whole block is a tracked insertion. */
  inserted?: boolean;
  /** The block was moved by a tracked reorder. */
  moved?: boolean;
  /** The whole block is a tracked deletion: shown struck through, left out of the letter. */
  deleted?: boolean;
  /** Its place before the pending changes, to put it back when they are rejected. */
  rank: number;
  /** Guidance only: whether the last analysis found the approved text (undefined: not checked). */
  approved?: boolean;
}

export interface SurfaceSelection {
  /** Index into the surface's blocks (deleted blocks included). */
  blockIndex: number;
  /** Offsets inside the block's visible text. */
  start: number;
  end: number;
  /** Increases on every select() so the surface reacts to the same range twice. */
  serial: number;
  /** False: scroll to the range but leave the keyboard where it is (in the pane). */
  focus: boolean;
}

/** A finding's words in one surface block (offsets in the block's visible text). */
export interface BlockMark {
  start: number;
  end: number;
  severity: HighlightMark["severity"];
}

export interface SurfaceSnapshot {
  blocks: readonly SurfaceBlock[];
  selection?: SurfaceSelection;
  /** True while some change is not accepted or rejected yet. */
  pending: boolean;
  /** Findings' words per surface block key. */
  marks: ReadonlyMap<number, readonly BlockMark[]>;
}

/** The preview's storage key for ignored finding keys. */
const IGNORED_KEY = "klarbrev.preview.ignored";

export interface PreviewHostOptions {
  /** Where ignored findings are kept across reloads; default: the browser's localStorage. */
  storage?: Pick<Storage, "getItem" | "setItem">;
}

/** Blocks are separated by a blank line, as in the plain-text letters the engine reads. */
const SEPARATOR = "\n\n";

/**
 * The offline preview's document: an in-memory letter with visible tracked changes. Every edit
 * goes through the engine's applyEdits (and so through the guard) before it touches the surface.
 */
export class PreviewHost implements DocumentHost {
  readonly kind = "preview" as const;
  readonly displayLanguage: string;
  private blocks: SurfaceBlock[] = [];
  private nextKey = 1;
  private ignored: string[] = [];
  private selection: SurfaceSelection | undefined;
  private serial = 0;
  private snapshot: SurfaceSnapshot = { blocks: [], pending: false, marks: new Map() };
  private marks = new Map<number, BlockMark[]>();
  private readonly changeListeners = new Set<() => void>();
  private readonly viewListeners = new Set<() => void>();
  /** The block the caret was in last; "insert at cursor" inserts after it. */
  focusedBlock: number | undefined;

  constructor(
    initial: Letter | string,
    displayLanguage = "da-DK",
    private readonly options: PreviewHostOptions = {}
  ) {
    this.displayLanguage = displayLanguage;
    this.load(typeof initial === "string" ? classifyText(initial) : initial, false);
  }

  // ---- DocumentHost ----

  async read(): Promise<Letter> {
    return this.letter();
  }

  async select(start: number, end: number, options: { focus?: boolean } = {}): Promise<void> {
    const letter = this.letter();
    const index = blockAt(letter, start);
    if (index < 0) return;
    const block = letter.blocks[index]!;
    this.selection = {
      blockIndex: this.surfaceIndexes()[index]!,
      start: start - block.start,
      end: Math.min(end, block.end) - block.start,
      serial: ++this.serial,
      focus: options.focus ?? true,
    };
    this.publish(false);
  }

  showHighlights(marks: readonly HighlightMark[]): void {
    const letter = this.letter();
    const surface = this.surfaceIndexes();
    const next = new Map<number, BlockMark[]>();
    for (const mark of marks) {
      const index = blockAt(letter, mark.start);
      if (index < 0) continue;
      const block = letter.blocks[index]!;
      const key = this.blocks[surface[index]!]!.key;
      const list = next.get(key) ?? [];
      list.push({
        start: mark.start - block.start,
        end: Math.min(Math.max(mark.end, mark.start + 1), block.end) - block.start,
        severity: mark.severity,
      });
      next.set(key, list);
    }
    this.marks = next;
    this.publish(false);
  }

  async apply(edits: readonly Edit[]): Promise<ApplyOutcome> {
    const letter = this.letter();
    const result = applyEdits(letter, edits);
    // All or nothing, as in Word: one refused edit and the surface is not touched at all.
    if (result.refused.length > 0 || result.applied.length === 0) {
      return { applied: [], refused: refuseWholeBatch(edits, result.refused), tracked: true };
    }
    const blocks = this.blocks.map((block) => ({ ...block, segments: [...block.segments] }));
    // The letter's block i is the surface's block visible[i]: deleted blocks are not in the letter.
    const visible = this.surfaceIndexes();

    const replaces = result.applied.filter((edit): edit is ReplaceEdit => edit.kind === "replace");
    replaces.sort((a, b) => b.start - a.start || b.end - a.end);
    for (const edit of replaces) {
      // The engine's own choice of block (applyEdits accepted the edit, so it has one; if not,
      // the check below puts the engine's result on the surface).
      const chosen = replaceTarget(letter, edit);
      if (!chosen.ok) continue;
      const index = chosen.block;
      const block = letter.blocks[index]!;
      const target = blocks[visible[index]!]!;
      target.segments = replaceRange(
        target.segments,
        edit.start - block.start,
        edit.end - block.start,
        edit.text
      );
    }

    let order = visible.map((_, index) => index);
    const insertions = new Map<number, SurfaceBlock[]>();
    for (const edit of result.applied) {
      if (edit.kind === "insertBlock") {
        const list = insertions.get(edit.before) ?? [];
        list.push({
          key: this.nextKey++,
          kind: edit.blockKind,
          segments: [{ kind: "ins", text: edit.text }],
          inserted: true,
          rank: (blocks[visible[edit.before] ?? blocks.length]?.rank ?? blocks.length) - 0.5,
        });
        insertions.set(edit.before, list);
      } else if (edit.kind === "reorder") {
        order = [...edit.order];
      }
    }
    const staying = unmovedIndexes(order);
    const next: SurfaceBlock[] = [];
    // Deleted blocks keep their places; the letter's blocks fill the other places in the new order.
    let slot = 0;
    for (const block of blocks) {
      if (block.deleted) {
        next.push(block);
        continue;
      }
      const index = order[slot++]!;
      next.push(...(insertions.get(index) ?? []));
      const placed = blocks[visible[index]!]!;
      if (!staying.has(index)) placed.moved = true;
      next.push(placed);
    }
    next.push(...(insertions.get(visible.length) ?? []));

    const before = this.blocks;
    this.blocks = next;
    this.selection = undefined;
    if (this.letter().text !== result.letter.text) {
      // Should never happen; if it does, the engine's result wins and nothing is lost silently.
      this.load(result.letter, true);
    }
    this.publish(true);
    const change = this.changeBetween(before, this.blocks);
    const undo = async (): Promise<boolean> => this.undoChange(change);
    return { applied: result.applied, refused: result.refused, tracked: true, undo };
  }

  async insertLetter(letter: Letter, mode: InsertMode): Promise<void> {
    const incoming = letter.blocks.map((block) => this.fromBlock(block.kind, block.text, block));
    if (this.blocks.length === 0) {
      this.blocks = incoming.map((block, rank) => ({ ...block, rank }));
    } else if (mode === "replace") {
      this.blocks = this.replacing(incoming);
    } else {
      const at = Math.min((this.focusedBlock ?? this.blocks.length - 1) + 1, this.blocks.length);
      this.blocks.splice(at, 0, ...incoming);
      this.blocks.forEach((block, rank) => (block.rank = rank));
    }
    this.selection = undefined;
    this.publish(true);
  }

  async restoreLegalBlock(blockIndex: number, approvedText: string): Promise<void> {
    // blockIndex is the letter's (read()) index, as for every DocumentHost.
    const block = this.blocks[this.surfaceIndexes()[blockIndex] ?? -1];
    if (!block?.legal) throw new Error(`Block ${blockIndex} is not a protected legal block`);
    // The one path that writes into a protected block: a deliberate, confirmed restore,
    // shown as a tracked change like every other change.
    const current = visibleText(block.segments);
    if (current === approvedText) return;
    // Only the part that differs is struck and inserted, so the reviewer sees the real change.
    let prefix = 0;
    const limit = Math.min(current.length, approvedText.length);
    while (prefix < limit && current[prefix] === approvedText[prefix]) prefix++;
    let suffix = 0;
    while (
      suffix < limit - prefix &&
      current[current.length - 1 - suffix] === approvedText[approvedText.length - 1 - suffix]
    ) {
      suffix++;
    }
    block.segments = replaceRange(
      block.segments,
      prefix,
      current.length - suffix,
      approvedText.slice(prefix, approvedText.length - suffix)
    );
    this.publish(true);
  }

  async insertGuidance(before: number, guidance: GuidanceBlock): Promise<void> {
    const visible = this.surfaceIndexes();
    const at = before >= visible.length ? this.blocks.length : visible[before]!;
    const rank = (this.blocks[at]?.rank ?? this.blocks.length) - 0.5;
    const block: SurfaceBlock = {
      key: this.nextKey++,
      kind: "legal",
      legal: { ...guidance.legal },
      segments: [{ kind: "ins", text: guidance.text }],
      inserted: true,
      rank,
    };
    this.blocks.splice(at, 0, block);
    this.selection = undefined;
    this.publish(true);
  }

  showGuidanceStatus(states: readonly GuidanceState[]): void {
    const visible = this.surfaceIndexes();
    let changed = false;
    for (const state of states) {
      const block = this.blocks[visible[state.blockIndex] ?? -1];
      if (!block?.legal || block.approved === state.approved) continue;
      block.approved = state.approved;
      changed = true;
    }
    if (changed) this.publish(false);
  }

  onChange(callback: () => void): () => void {
    this.changeListeners.add(callback);
    return () => this.changeListeners.delete(callback);
  }

  async getIgnored(): Promise<string[]> {
    const stored = this.storage?.getItem(IGNORED_KEY);
    if (stored) {
      try {
        const keys: unknown = JSON.parse(stored);
        if (Array.isArray(keys)) this.ignored = keys.filter((k) => typeof k === "string");
      } catch {
        // A damaged entry is forgotten, not fatal.
      }
    }
    return [...this.ignored];
  }

  async setIgnored(keys: readonly string[]): Promise<void> {
    this.ignored = [...keys];
    try {
      this.storage?.setItem(IGNORED_KEY, JSON.stringify(this.ignored));
    } catch {
      // Storage full or disabled: the choice still holds for this session.
    }
  }

  /**
   * Where the preview remembers ignored findings across reloads: this browser's own storage
   * (nothing leaves the machine), as Word remembers them in the document's settings.
   */
  private get storage(): Pick<Storage, "getItem" | "setItem"> | undefined {
    try {
      return this.options.storage ?? globalThis.localStorage ?? undefined;
    } catch {
      return undefined; // a sandboxed page may refuse access
    }
  }

  // ---- The surface's side ----

  /** The current letter: visible text only (deletions, and deleted blocks, left out). */
  letter(): Letter {
    return buildLetter(
      this.blocks
        .filter((block) => !block.deleted)
        .map((block) => {
          const input: { kind: BlockKind; text: string; level?: number; legal?: LegalRef } = {
            kind: block.kind,
            text: visibleText(block.segments),
          };
          if (block.level !== undefined) input.level = block.level;
          if (block.legal) input.legal = block.legal;
          return input;
        }),
      SEPARATOR
    );
  }

  getSnapshot = (): SurfaceSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  };

  /** The user typed in a block. Blocks with pending tracked changes or legal text are read-only. */
  editBlock(blockIndex: number, text: string): void {
    const block = this.blocks[blockIndex];
    if (!block || block.legal || hasChanges(block.segments) || block.inserted) return;
    block.segments = normalize([{ kind: "same", text }]);
    // Its marks are out of date until the next analysis; the other blocks' marks still fit.
    this.marks = new Map([...this.marks].filter(([key]) => key !== block.key));
    this.publish(true, false);
  }

  /** Accept one block's tracked changes (one by one, as in Word's review pane). */
  acceptBlock(index: number): void {
    const block = this.blocks[index];
    if (!block) return;
    if (block.deleted) this.blocks.splice(index, 1);
    else {
      this.blocks[index] = {
        ...block,
        segments: acceptSegments(block.segments),
        inserted: false,
        moved: false,
      };
    }
    // Ranks stay: they are the places the other pending blocks go back to when rejected.
    this.publish(true);
  }

  /** Reject one block's tracked changes: its text comes back; an inserted block goes. */
  rejectBlock(index: number): void {
    const block = this.blocks[index];
    if (!block) return;
    if (block.inserted) this.blocks.splice(index, 1);
    else {
      const restored = {
        ...block,
        segments: rejectSegments(block.segments),
        deleted: false,
        moved: false,
      };
      this.blocks.splice(index, 1);
      // A moved block goes back to its place before the changes (its rank).
      const at = block.moved
        ? this.blocks.findIndex((b) => !b.inserted && b.rank > block.rank)
        : index;
      this.blocks.splice(at < 0 ? this.blocks.length : at, 0, restored);
    }
    this.publish(true);
  }

  acceptAll(): void {
    this.blocks = this.blocks
      .map((block) => ({ ...block, segments: acceptSegments(block.segments) }))
      .filter((block) => !block.deleted && (block.segments.length > 0 || !block.inserted))
      .map((block, rank) => ({ ...block, inserted: false, moved: false, rank }));
    this.publish(true);
  }

  rejectAll(): void {
    this.blocks = this.blocks
      .filter((block) => !block.inserted)
      .map((block) => ({ ...block, segments: rejectSegments(block.segments) }))
      .sort((a, b) => a.rank - b.rank)
      .map((block, rank) => ({ ...block, moved: false, deleted: false, rank }));
    this.publish(true);
  }

  /** Replace the whole document (sample letter, pasted text), without tracking. */
  load(letter: Letter, silent = false): void {
    this.blocks = letter.blocks.map((block, rank) => ({
      ...this.fromBlock(block.kind, block.text, block),
      rank,
    }));
    this.selection = undefined;
    if (!silent) this.publish(true);
  }

  /** Plain text or Markdown (a line starting with "# " means Markdown). */
  loadText(text: string): void {
    this.load(classifyText(text, { format: /^#{1,6}\s/mu.test(text) ? "md" : "txt" }));
  }

  /**
   * "Replace the whole letter" as Word tracks it: the new letter's blocks go in first as tracked
   * insertions, the old blocks stay after them as tracked deletions (struck through, out of the
   * letter), so rejecting all changes brings the old letter back exactly.
   */
  private replacing(incoming: SurfaceBlock[]): SurfaceBlock[] {
    const old = this.blocks
      // A pending inserted block is simply withdrawn, as Word does with a deleted insertion.
      .filter((block) => !block.inserted)
      .map((block) => ({
        ...block,
        segments: replaceRange(block.segments, 0, visibleText(block.segments).length, ""),
        deleted: true,
      }));
    const after = Math.max(0, ...old.map((block) => block.rank + 1));
    const fresh = incoming.map((block, i) => ({
      ...block,
      segments: block.segments.map((segment) => ({ ...segment, kind: "ins" as const })),
      inserted: true,
      rank: after + i,
    }));
    return [...fresh, ...old];
  }

  /** The surface index of each of the letter's blocks (deleted blocks are not in the letter). */
  private surfaceIndexes(): number[] {
    const indexes: number[] = [];
    this.blocks.forEach((block, index) => {
      if (!block.deleted) indexes.push(index);
    });
    return indexes;
  }

  private fromBlock(
    kind: BlockKind,
    text: string,
    source: { level?: number; legal?: LegalRef }
  ): SurfaceBlock {
    const block: SurfaceBlock = {
      key: this.nextKey++,
      kind,
      segments: normalize([{ kind: "same", text }]),
      rank: 0,
    };
    if (source.level !== undefined) block.level = source.level;
    if (source.legal) block.legal = { ...source.legal };
    return block;
  }

  /**
   * What one apply did, block by block (by key): the blocks it changed or inserted as they were
   * before and after, and the order of the letter before and after (for a tracked move).
   */
  private changeBetween(before: readonly SurfaceBlock[], after: readonly SurfaceBlock[]): Change {
    const prior = new Map(before.map((block) => [block.key, block]));
    const touched: Change["touched"] = [];
    for (const block of after) {
      const old = prior.get(block.key);
      if (old && stateOf(old) === stateOf(block)) continue;
      touched.push({ key: block.key, before: old, after: stateOf(block) });
    }
    const reordered = after.some((block) => block.moved && !prior.get(block.key)?.moved);
    return {
      touched,
      orderBefore: before.map((block) => block.key),
      orderAfter: reordered ? after.map((block) => block.key) : undefined,
    };
  }

  /**
   * Take back one applied change, in any order: every block it touched must still read as the
   * change left it (and a move needs the letter's order unchanged since), else nothing is
   * touched and the answer is false. Blocks the change did not touch keep later edits.
   */
  private undoChange(change: Change): boolean {
    const byKey = new Map(this.blocks.map((block) => [block.key, block]));
    const untouchedSince = change.touched.every((entry) => {
      const now = byKey.get(entry.key);
      return now !== undefined && stateOf(now) === entry.after;
    });
    const keys = this.blocks.map((block) => block.key).join(",");
    if (!untouchedSince || (change.orderAfter && keys !== change.orderAfter.join(","))) {
      return false;
    }
    const restored = new Map(
      change.touched.map((entry) => [
        entry.key,
        entry.before ? { ...entry.before, segments: [...entry.before.segments] } : undefined,
      ])
    );
    let blocks = this.blocks.flatMap((block) => {
      if (!restored.has(block.key)) return [block];
      const old = restored.get(block.key);
      return old ? [old] : [];
    });
    if (change.orderAfter) {
      // The move is taken back: the letter's blocks go back to the order before it.
      const place = new Map(change.orderBefore.map((key, index) => [key, index]));
      blocks = [...blocks].sort(
        (a, b) => (place.get(a.key) ?? Infinity) - (place.get(b.key) ?? Infinity)
      );
    }
    this.blocks = blocks;
    this.selection = undefined;
    this.publish(true);
    return true;
  }

  private publish(documentChanged: boolean, clearMarks = documentChanged): void {
    // Offsets of the marks are stale once the text moved; the next analysis marks again.
    if (clearMarks) this.marks = new Map();
    const blocks = this.blocks.map((block) => ({ ...block }));
    const pending = this.blocks.some(
      (block) => block.inserted || block.moved || block.deleted || hasChanges(block.segments)
    );
    this.snapshot = { blocks, pending, marks: this.marks };
    if (this.selection) this.snapshot.selection = this.selection;
    for (const listener of this.viewListeners) listener();
    if (documentChanged) for (const listener of this.changeListeners) listener();
  }
}

/** One applied change, for its undo. */
interface Change {
  touched: { key: number; before: SurfaceBlock | undefined; after: string }[];
  orderBefore: number[];
  /** Set when the change moved blocks: the order it left. */
  orderAfter: number[] | undefined;
}

/** A block's state as text, to tell whether it changed since. */
function stateOf(block: SurfaceBlock): string {
  return JSON.stringify([
    block.kind,
    block.segments,
    block.inserted ?? false,
    block.moved ?? false,
    block.deleted ?? false,
  ]);
}
