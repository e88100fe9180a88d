import { officeError } from "./errors.js";
import type { OoxmlParagraph } from "./ooxml.js";

/**
 * The fake's document: paragraphs of characters, each character possibly a tracked insertion or
 * deletion, block-level content controls over runs of whole paragraphs, and inline content
 * controls over a run of characters inside one paragraph. Every mutation goes
 * through this class, which enforces content-control locks and records tracked changes exactly
 * as Word shows them: with tracking on nothing is removed, it is marked.
 */

export type Revision = "ins" | "del";
export type TrackingMode = "Off" | "TrackAll" | "TrackMineOnly";
/** Documented Word bugs that do not happen every time: switched on per test. */
export interface Faults {
  /**
   * Word on the web: `Range.insertText` on a search result writes the text, then the sync
   * rejects with GeneralException and the rest of the batch is dropped (office-js #6760).
   */
  insertTextThrowsAfterWriting?: boolean;
  /** Some Windows builds: loading `changeTrackingMode` fails (office-js #2797). */
  trackingModeLoadFails?: boolean;
}

/** Where the fake Word runs: behaviours that differ between them are switched on this. */
export type Platform = "desktop" | "web";

export interface Char {
  ch: string;
  rev?: Revision;
}

/**
 * What a paragraph holds besides plain text. Lost when the paragraph is re-typed as text
 * (`insertParagraph(text)`); carried by `getOoxml()` / `insertOoxml()`.
 */
export type Feature =
  "formatting" | "hyperlink" | "bookmark" | "field" | "footnote" | "comment" | "picture";

export const FEATURES: readonly Feature[] = [
  "formatting",
  "hyperlink",
  "bookmark",
  "field",
  "footnote",
  "comment",
  "picture",
];

export interface ParagraphNode {
  id: number;
  chars: Char[];
  /** Rich content in the paragraph (see Feature). */
  features: Feature[];
  /** List membership (a numbered or bulleted list): which list, at which level. */
  list?: { id: number; level: number };
  style: string;
  styleBuiltIn: string;
  isListItem: boolean;
  tableNestingLevel: number;
  /** The paragraph itself (its mark) is a tracked insertion or deletion. */
  mark?: Revision;
}

/** Content control types the fake knows; only RichText ones are listed by `contentControls`. */
export type ControlType = "RichText" | "PlainText";

export interface ControlNode {
  id: number;
  /** Default RichText. */
  type?: ControlType;
  tag: string;
  title: string;
  appearance: string;
  cannotEdit: boolean;
  cannotDelete: boolean;
  /** Ids of the paragraphs it spans (always a consecutive run; one for an inline control). */
  paragraphs: number[];
  /**
   * An inline control: the characters [start, end) it covers in its one paragraph, a live range
   * (it moves with edits; text typed at either edge lands outside it).
   */
  span?: LiveRange;
}

/** A position in a paragraph; ranges are pairs of them, kept live across edits. */
export interface Anchor {
  paragraph: number;
  offset: number;
}

export interface LiveRange {
  start: Anchor;
  end: Anchor;
  /** The range includes the end paragraph's mark (a "Whole" paragraph range). */
  whole: boolean;
  /**
   * A range the add-in got from the API (a search result). On Word on the web such ranges keep
   * their character offsets when an earlier edit in the paragraph changes its length (#1215).
   */
  api?: boolean;
}

export interface TrackedChange {
  type: "Added" | "Deleted";
  text: string;
  paragraph: number;
}

export class FakeDocumentModel {
  paragraphs: ParagraphNode[] = [];
  controls: ControlNode[] = [];
  trackingMode: TrackingMode = "Off";
  platform: Platform = "desktop";
  /** Word bugs to reproduce on demand (see README.md). */
  faults: Faults = {};
  pictures = 0;
  selection: LiveRange | undefined;
  /** The temporary highlight of Range.highlight() (WordApi 1.8): not saved with the text. */
  highlight: LiveRange | undefined;
  /** Every range handed out, adjusted on each edit like Word's live ranges. */
  private ranges = new Set<LiveRange>();
  private nextId = 1;

  newId(): number {
    return this.nextId++;
  }

  addParagraph(
    spec: Partial<Omit<ParagraphNode, "id" | "chars">> & { text: string }
  ): ParagraphNode {
    const node: ParagraphNode = {
      id: this.newId(),
      chars: spec.text.split("").map((ch) => ({ ch })),
      features: [...(spec.features ?? [])],
      ...(spec.list ? { list: { ...spec.list } } : {}),
      style:
        spec.style ??
        (spec.styleBuiltIn && spec.styleBuiltIn !== "Other"
          ? localName(spec.styleBuiltIn)
          : "Normal"),
      styleBuiltIn: spec.styleBuiltIn ?? "Normal",
      isListItem: spec.isListItem ?? false,
      tableNestingLevel: spec.tableNestingLevel ?? 0,
    };
    this.paragraphs.push(node);
    return node;
  }

  addControl(spec: Omit<ControlNode, "id">): ControlNode {
    const control: ControlNode = { ...spec, id: this.newId(), paragraphs: [...spec.paragraphs] };
    if (spec.span) {
      const { start, end } = spec.span;
      const length = this.paragraph(start.paragraph).chars.length;
      if (start.paragraph !== end.paragraph || start.offset > end.offset || end.offset > length)
        throw officeError.invalidArgument("an inline control's span must lie inside one paragraph");
      control.span = this.track({ start: { ...start }, end: { ...end }, whole: false });
      control.paragraphs = [start.paragraph];
    }
    this.controls.push(control);
    return control;
  }

  get tracking(): boolean {
    return this.trackingMode !== "Off";
  }

  // ---- lookups -------------------------------------------------------------------------------

  paragraph(id: number): ParagraphNode {
    const node = this.paragraphs.find((paragraph) => paragraph.id === id);
    if (!node) throw officeError.itemNotFound(`paragraph ${id}`);
    return node;
  }

  indexOf(id: number): number {
    const index = this.paragraphs.findIndex((paragraph) => paragraph.id === id);
    if (index < 0) throw officeError.itemNotFound(`paragraph ${id}`);
    return index;
  }

  control(id: number): ControlNode {
    const control = this.controls.find((candidate) => candidate.id === id);
    if (!control) throw officeError.itemNotFound(`content control ${id}`);
    return control;
  }

  /** Block-level controls containing the paragraph, outermost first (inline ones are inside it). */
  controlsOf(paragraphId: number): ControlNode[] {
    return this.controls
      .filter((control) => !control.span && control.paragraphs.includes(paragraphId))
      .sort((a, b) => b.paragraphs.length - a.paragraphs.length);
  }

  /** Inline controls inside the paragraph, in text order. */
  inlineControlsIn(paragraphId: number): ControlNode[] {
    return this.controls
      .filter((control) => control.span?.start.paragraph === paragraphId)
      .sort((a, b) => a.span!.start.offset - b.span!.start.offset);
  }

  innermostControl(paragraphId: number): ControlNode | undefined {
    return this.controlsOf(paragraphId).at(-1);
  }

  /** Block-level controls strictly containing this control. */
  parentsOf(control: ControlNode): ControlNode[] {
    if (control.span) return this.controlsOf(control.paragraphs[0]!);
    return this.controls.filter(
      (other) =>
        other !== control &&
        !other.span &&
        other.paragraphs.length > control.paragraphs.length &&
        control.paragraphs.every((id) => other.paragraphs.includes(id))
    );
  }

  /** Controls in document order (by first paragraph, outer before inner, inline by offset). */
  controlsInOrder(): ControlNode[] {
    return [...this.controls].sort(
      (a, b) =>
        this.indexOf(a.paragraphs[0]!) - this.indexOf(b.paragraphs[0]!) ||
        Number(Boolean(a.span)) - Number(Boolean(b.span)) ||
        b.paragraphs.length - a.paragraphs.length ||
        (a.span?.start.offset ?? 0) - (b.span?.start.offset ?? 0)
    );
  }

  /** The characters of an inline control, as a view of its paragraph would show them. */
  spanText(control: ControlNode, view: "raw" | "current" | "original" = "raw"): string {
    const span = control.span!;
    return this.paragraph(span.start.paragraph)
      .chars.slice(span.start.offset, span.end.offset)
      .filter((char) =>
        view === "current" ? char.rev !== "del" : view === "original" ? char.rev !== "ins" : true
      )
      .map((char) => char.ch)
      .join("");
  }

  rawText(node: ParagraphNode): string {
    return node.chars.map((char) => char.ch).join("");
  }

  currentText(node: ParagraphNode): string {
    return node.chars
      .filter((char) => char.rev !== "del")
      .map((char) => char.ch)
      .join("");
  }

  originalText(node: ParagraphNode): string {
    return node.chars
      .filter((char) => char.rev !== "ins")
      .map((char) => char.ch)
      .join("");
  }

  /** body.getReviewedText: the document with all changes accepted ("Current") or rejected. */
  reviewedText(version: "Current" | "Original"): string {
    let text = "";
    let previous: ParagraphNode | undefined;
    for (const node of this.paragraphs) {
      if (version === "Current" && node.mark === "del") continue;
      if (version === "Original" && node.mark === "ins") continue;
      // How Word writes table cells into the document-wide string is not documented (unknown):
      // the fake puts neighbouring cell paragraphs on one line, a form a line-by-line alignment
      // of the paragraphs cannot follow (issue 10, item 7).
      const separator =
        previous === undefined
          ? ""
          : previous.tableNestingLevel > 0 && node.tableNestingLevel > 0
            ? "\t"
            : "\n";
      text +=
        separator + (version === "Current" ? this.currentText(node) : this.originalText(node));
      previous = node;
    }
    return text;
  }

  trackedChanges(): TrackedChange[] {
    const changes: TrackedChange[] = [];
    for (const node of this.paragraphs) {
      let run: TrackedChange | undefined;
      for (const char of node.chars) {
        const type = char.rev === "ins" ? "Added" : char.rev === "del" ? "Deleted" : undefined;
        if (type && run?.type === type) run.text += char.ch;
        else {
          run = type ? { type, text: char.ch, paragraph: node.id } : undefined;
          if (run) changes.push(run);
        }
      }
      if (node.mark)
        changes.push({
          type: node.mark === "ins" ? "Added" : "Deleted",
          text: "\n",
          paragraph: node.id,
        });
    }
    return changes;
  }

  // ---- live ranges ---------------------------------------------------------------------------

  track(range: LiveRange): LiveRange {
    this.ranges.add(range);
    return range;
  }

  wholeParagraph(id: number): LiveRange {
    return this.track({
      start: { paragraph: id, offset: 0 },
      end: { paragraph: id, offset: this.paragraph(id).chars.length },
      whole: true,
    });
  }

  rangeText(range: LiveRange): string {
    const first = this.indexOf(range.start.paragraph);
    const last = this.indexOf(range.end.paragraph);
    const parts: string[] = [];
    for (let index = first; index <= last; index++) {
      const node = this.paragraphs[index]!;
      const from = index === first ? range.start.offset : 0;
      const to = index === last ? range.end.offset : node.chars.length;
      parts.push(
        node.chars
          .slice(from, to)
          .map((char) => char.ch)
          .join("")
      );
    }
    return parts.join("\r");
  }

  /** Paragraph ids a range touches, in order. */
  rangeParagraphs(range: LiveRange): number[] {
    const first = this.indexOf(range.start.paragraph);
    const last = this.indexOf(range.end.paragraph);
    return this.paragraphs.slice(first, last + 1).map((node) => node.id);
  }

  /** [at, at + removed) became `inserted` characters: move every live range like Word does. */
  private shift(paragraph: number, at: number, removed: number, inserted: number): void {
    for (const range of this.ranges) {
      if (range.api && this.platform === "web") continue;
      const { start, end } = range;
      if (start.paragraph === paragraph) {
        if (start.offset === at) start.offset = removed > 0 ? at : at + inserted;
        else if (start.offset > at)
          start.offset = start.offset <= at + removed ? at : start.offset + inserted - removed;
      }
      if (end.paragraph === paragraph && end.offset > at) {
        end.offset = end.offset <= at + removed ? at + inserted : end.offset + inserted - removed;
      }
    }
  }

  // ---- lock checks ---------------------------------------------------------------------------

  /**
   * Changing these whole paragraphs (restyle, wrap, delete): every control around them, and every
   * inline control in them, must allow editing.
   */
  assertEditable(paragraphIds: readonly number[], what: string): void {
    for (const id of paragraphIds) {
      for (const control of [...this.controlsOf(id), ...this.inlineControlsIn(id)]) {
        if (control.cannotEdit)
          throw officeError.accessDenied(
            `${what} inside the locked content control "${control.tag}"`
          );
      }
    }
  }

  /**
   * Changing characters [from, to) of a paragraph (from === to: inserting there). The controls
   * around the paragraph must allow editing; an inline control with `cannotEdit` refuses any
   * change that overlaps it or an insertion strictly inside it (at its edges text lands outside);
   * one with `cannotDelete` refuses removing all of it.
   */
  assertCharsEditable(paragraphId: number, from: number, to: number, what: string): void {
    for (const control of this.controlsOf(paragraphId)) {
      if (control.cannotEdit)
        throw officeError.accessDenied(
          `${what} inside the locked content control "${control.tag}"`
        );
    }
    for (const control of this.inlineControlsIn(paragraphId)) {
      const { start, end } = control.span!;
      const inside =
        from === to
          ? (start.offset < from && from < end.offset) ||
            (start.offset === end.offset && from === start.offset)
          : from < end.offset && to > start.offset;
      if (control.cannotEdit && inside)
        throw officeError.accessDenied(
          `${what} inside the locked content control "${control.tag}"`
        );
      if (control.cannotDelete && to > from && from <= start.offset && to >= end.offset)
        throw officeError.accessDenied(
          `${what}: deleting the locked content control "${control.tag}"`
        );
    }
  }

  // ---- mutations -----------------------------------------------------------------------------

  /**
   * Text the API may insert here. Word on the web inserts U+000B (a soft line break) as text
   * instead of a line break and cannot search it (office-js #5403); what exactly it shows is
   * unknown, so the fake refuses it there: use Range.insertBreak("Line").
   */
  assertInsertable(text: string): void {
    assertInsertableText(text);
    if (this.platform === "web" && text.includes("\u000b"))
      throw officeError.invalidArgument(
        "U+000B in inserted text: Word on the web does not make it a line break (#5403)"
      );
  }

  /** Range.insertBreak("Line"): a soft line break character at the offset. */
  insertLineBreak(paragraphId: number, at: number): void {
    this.assertCharsEditable(paragraphId, at, at, "inserting a line break");
    const node = this.paragraph(paragraphId);
    node.chars.splice(at, 0, this.tracking ? { ch: "\u000b", rev: "ins" } : { ch: "\u000b" });
    this.shift(paragraphId, at, 0, 1);
  }

  /** Insert text into a paragraph at an offset (tracked when tracking is on). */
  insertChars(paragraphId: number, at: number, text: string): void {
    this.assertInsertable(text);
    const node = this.paragraph(paragraphId);
    this.assertCharsEditable(paragraphId, at, at, "inserting text");
    const chars: Char[] = text
      .split("")
      .map((ch) => (this.tracking ? { ch, rev: "ins" as const } : { ch }));
    node.chars.splice(at, 0, ...chars);
    this.shift(paragraphId, at, 0, chars.length);
  }

  /** Remove [from, to) of a paragraph: marked deleted when tracking (own insertions vanish). */
  deleteChars(paragraphId: number, from: number, to: number): void {
    if (to <= from) return;
    const node = this.paragraph(paragraphId);
    this.assertCharsEditable(paragraphId, from, to, "deleting text");
    if (!this.tracking) {
      node.chars.splice(from, to - from);
      this.shift(paragraphId, from, to - from, 0);
      return;
    }
    // Walk backwards so removals of tracked insertions keep the earlier offsets valid.
    for (let index = to - 1; index >= from; index--) {
      const char = node.chars[index]!;
      if (char.rev === "ins") {
        node.chars.splice(index, 1);
        this.shift(paragraphId, index, 1, 0);
      } else {
        char.rev = "del";
      }
    }
  }

  /** Replace [from, to) with text: tracked as deletion followed by insertion. */
  replaceChars(paragraphId: number, from: number, to: number, text: string): void {
    this.assertInsertable(text);
    this.assertCharsEditable(paragraphId, from, to, "replacing text");
    const node = this.paragraph(paragraphId);
    if (!this.tracking) {
      node.chars.splice(from, to - from, ...text.split("").map((ch) => ({ ch })));
      this.shift(paragraphId, from, to - from, text.split("").length);
      return;
    }
    const before = node.chars.length;
    this.deleteChars(paragraphId, from, to);
    this.insertChars(paragraphId, to - (before - node.chars.length), text);
  }

  /**
   * A new paragraph next to `anchorId`. It joins the controls listed in `joins` (the caller decides:
   * beside a paragraph inside a control means inside it; beside a control means outside it).
   */
  insertParagraphAt(
    index: number,
    text: string,
    joins: readonly ControlNode[],
    like?: ParagraphNode
  ): ParagraphNode {
    this.assertInsertable(text);
    for (const control of joins) {
      if (control.cannotEdit)
        throw officeError.accessDenied(
          `inserting a paragraph inside the locked content control "${control.tag}"`
        );
    }
    const node: ParagraphNode = {
      id: this.newId(),
      chars: text.split("").map((ch) => (this.tracking ? { ch, rev: "ins" as const } : { ch })),
      features: [],
      style: like?.style ?? "Normal",
      styleBuiltIn: like?.styleBuiltIn ?? "Normal",
      isListItem: false,
      tableNestingLevel: like?.tableNestingLevel ?? 0,
    };
    if (this.tracking) node.mark = "ins";
    this.paragraphs.splice(index, 0, node);
    for (const control of joins) {
      const positions = control.paragraphs.map((id) => this.indexOf(id));
      const at = positions.findIndex((position) => position > index);
      control.paragraphs.splice(at < 0 ? control.paragraphs.length : at, 0, node.id);
    }
    return node;
  }

  /**
   * Paragraphs from OOXML at `index` (Range.insertOoxml "Before"/"After"). Rich content and style
   * come with them. List numbering in the package is imported as a NEW list (Word copies the
   * numbering definitions in with the package; the paragraph does not rejoin the list it came
   * from: the exact renumbering is unknown, the fake takes the case that needs repair).
   */
  insertOoxmlParagraphs(
    index: number,
    paragraphs: readonly OoxmlParagraph[],
    joins: readonly ControlNode[]
  ): ParagraphNode[] {
    for (const control of joins) {
      if (control.cannotEdit)
        throw officeError.accessDenied(
          `inserting a paragraph inside the locked content control "${control.tag}"`
        );
    }
    const lists = new Map<number, number>();
    return paragraphs.map((spec, offset) => {
      const builtIn = BUILT_IN_IDS.has(spec.style) ? spec.style : builtInFromLocal(spec.style);
      const node: ParagraphNode = {
        id: this.newId(),
        chars: spec.chars.map((char) =>
          this.tracking ? { ch: char.ch, rev: char.rev ?? "ins" } : { ...char }
        ),
        features: [...spec.features],
        style: builtIn === "Other" ? spec.style : localName(builtIn),
        styleBuiltIn: builtIn,
        isListItem: spec.numbering !== undefined,
        tableNestingLevel: 0,
      };
      if (spec.numbering) {
        let id = lists.get(spec.numbering.numId);
        if (id === undefined) lists.set(spec.numbering.numId, (id = this.newId()));
        node.list = { id, level: spec.numbering.level };
      }
      if (this.tracking) node.mark = "ins";
      this.paragraphs.splice(index + offset, 0, node);
      for (const control of joins) {
        const positions = control.paragraphs.map((other) => this.indexOf(other));
        const at = positions.findIndex((position) => position > index + offset);
        control.paragraphs.splice(at < 0 ? control.paragraphs.length : at, 0, node.id);
      }
      return node;
    });
  }

  /** Controls that contain both neighbours of a position (an insertion there is inside them). */
  controlsAround(beforeId: number | undefined, afterId: number | undefined): ControlNode[] {
    if (beforeId === undefined || afterId === undefined) return [];
    return this.controls.filter(
      (control) => control.paragraphs.includes(beforeId) && control.paragraphs.includes(afterId)
    );
  }

  /**
   * Block controls whose first or last paragraph is among `ids` (but not all of their paragraphs).
   * A block control's start and end sit inside those paragraph marks, so deleting such a
   * paragraph with `Paragraph.delete()` deletes the control too (office-js #4975, #3176).
   */
  edgeControls(ids: readonly number[]): ControlNode[] {
    return this.controls.filter(
      (control) =>
        !control.span &&
        (ids.includes(control.paragraphs[0]!) || ids.includes(control.paragraphs.at(-1)!)) &&
        !control.paragraphs.every((id) => ids.includes(id))
    );
  }

  /**
   * Delete whole paragraphs (and controls left without content). Locks are checked first.
   * `edges`: the deletion comes from the API (`Paragraph.delete`, a whole-paragraph
   * `Range.delete`), which also deletes a block control whose first or last paragraph goes
   * (#4975); the control's other paragraphs stay, outside any control.
   */
  deleteParagraphs(ids: readonly number[], options: { edges?: boolean } = {}): void {
    this.assertEditable(ids, "deleting a paragraph");
    const edges = options.edges ? this.edgeControls(ids) : [];
    for (const control of edges) {
      if (control.cannotDelete)
        throw officeError.accessDenied(
          `deleting the first or last paragraph of the locked content control "${control.tag}" (it would delete the control)`
        );
    }
    this.controls = this.controls.filter((control) => !edges.includes(control));
    for (const control of ids.flatMap((id) => this.inlineControlsIn(id))) {
      if (control.cannotDelete)
        throw officeError.accessDenied(
          `deleting a paragraph that holds the locked content control "${control.tag}"`
        );
    }
    const emptied = this.controls.filter((control) => {
      const live = control.paragraphs.filter(
        (id) => !ids.includes(id) && this.paragraph(id).mark !== "del"
      );
      return live.length === 0;
    });
    for (const control of emptied) {
      if (control.cannotDelete)
        throw officeError.accessDenied(`deleting the locked content control "${control.tag}"`);
    }
    for (const id of ids) {
      const node = this.paragraph(id);
      if (this.tracking && node.mark !== "ins") {
        this.deleteChars(id, 0, node.chars.length);
        node.mark = "del";
        continue;
      }
      this.paragraphs.splice(this.indexOf(id), 1);
      for (const control of this.controls)
        control.paragraphs = control.paragraphs.filter((other) => other !== id);
    }
    if (!this.tracking)
      this.controls = this.controls.filter((control) => control.paragraphs.length > 0);
    if (this.paragraphs.length === 0) this.addParagraph({ text: "" });
  }

  /** Replace an inline control's text (its span then covers the new text). */
  replaceInlineContent(control: ControlNode, text: string): void {
    const span = control.span!;
    if (control.cannotEdit)
      throw officeError.accessDenied(
        `replacing the text of the locked content control "${control.tag}"`
      );
    const saved = control.cannotDelete;
    control.cannotDelete = false;
    try {
      const id = span.start.paragraph;
      const before = this.paragraph(id).chars.length;
      const { offset: from } = span.start;
      this.deleteChars(id, from, span.end.offset);
      const at = span.end.offset - (before - this.paragraph(id).chars.length);
      this.insertChars(id, at, text);
      // Text inserted at the span's edge lands outside it: this text is the control's content.
      span.end.offset = at + text.length;
      if (!this.tracking) span.start.offset = from;
    } finally {
      control.cannotDelete = saved;
    }
  }

  /** ContentControl.delete on an inline control: the control goes, with or without its text. */
  deleteInlineControl(control: ControlNode, keepContent: boolean): void {
    if (control.cannotDelete)
      throw officeError.accessDenied(`deleting the locked content control "${control.tag}"`);
    this.controls = this.controls.filter((other) => other !== control);
    this.ranges.delete(control.span!);
    if (!keepContent)
      this.deleteChars(
        control.span!.start.paragraph,
        control.span!.start.offset,
        control.span!.end.offset
      );
  }

  /** Replace a control's whole content with one paragraph of text. */
  replaceControlContent(control: ControlNode, text: string): void {
    this.assertInsertable(text);
    if (control.cannotEdit)
      throw officeError.accessDenied(
        `replacing the text of the locked content control "${control.tag}"`
      );
    this.assertEditable(control.paragraphs, "replacing text");
    const [first, ...rest] = control.paragraphs;
    if (first === undefined) throw officeError.itemNotFound("content control paragraphs");
    const firstNode = this.paragraph(first);
    this.deleteChars(first, 0, firstNode.chars.length);
    const saved = control.cannotDelete;
    control.cannotDelete = false;
    if (rest.length > 0) this.deleteParagraphs(rest);
    control.cannotDelete = saved;
    this.insertChars(first, firstNode.chars.length, text);
  }

  setStyle(paragraphId: number, update: { style?: string; styleBuiltIn?: string }): void {
    this.assertEditable([paragraphId], "formatting");
    const node = this.paragraph(paragraphId);
    if (update.styleBuiltIn !== undefined) {
      node.styleBuiltIn = update.styleBuiltIn;
      node.style = localName(update.styleBuiltIn);
    }
    if (update.style !== undefined) {
      node.style = update.style;
      node.styleBuiltIn = builtInFromLocal(update.style);
    }
    node.isListItem = node.styleBuiltIn === "ListParagraph" ? node.isListItem : false;
  }

  // ---- review ---------------------------------------------------------------------------------

  /**
   * Tags of `cannotEdit` controls that hold a tracked change. Word cannot accept or reject such a
   * change ("Some changes could not be accepted/rejected because they are contained in controls
   * which are locked for editing": office-js #2886, by design).
   */
  lockedRevisions(): string[] {
    const tags: string[] = [];
    for (const control of this.controls) {
      if (!control.cannotEdit) continue;
      const pending = control.span
        ? this.paragraph(control.span.start.paragraph)
            .chars.slice(control.span.start.offset, control.span.end.offset)
            .some((char) => char.rev)
        : control.paragraphs.some((id) => {
            const node = this.paragraph(id);
            return Boolean(node.mark) || node.chars.some((char) => char.rev);
          });
      if (pending) tags.push(control.tag);
    }
    return tags;
  }

  private assertReviewable(): void {
    const locked = this.lockedRevisions();
    if (locked.length > 0)
      throw officeError.accessDenied(
        `some changes could not be accepted/rejected because they are contained in controls which are locked for editing (${locked.join(", ")})`
      );
  }

  /** Review: accept every change. Refused while a locked control holds one (#2886). */
  acceptAll(): void {
    this.assertReviewable();
    this.remapSpans("del");
    this.paragraphs = this.paragraphs.filter((node) => node.mark !== "del");
    const live = new Set(this.paragraphs.map((node) => node.id));
    for (const node of this.paragraphs) {
      node.chars = node.chars.filter((char) => char.rev !== "del").map((char) => ({ ch: char.ch }));
      delete node.mark;
    }
    for (const control of this.controls)
      control.paragraphs = control.paragraphs.filter((id) => live.has(id));
    this.controls = this.controls.filter((control) => control.paragraphs.length > 0);
  }

  /** Review: reject every change. Refused while a locked control holds one (#2886). */
  rejectAll(): void {
    this.assertReviewable();
    this.remapSpans("ins");
    this.paragraphs = this.paragraphs.filter((node) => node.mark !== "ins");
    const live = new Set(this.paragraphs.map((node) => node.id));
    for (const node of this.paragraphs) {
      node.chars = node.chars.filter((char) => char.rev !== "ins").map((char) => ({ ch: char.ch }));
      delete node.mark;
    }
    for (const control of this.controls)
      control.paragraphs = control.paragraphs.filter((id) => live.has(id));
    this.controls = this.controls.filter((control) => control.paragraphs.length > 0);
  }

  /** Before characters marked `dropped` go: move inline spans to where their text will be. */
  private remapSpans(dropped: Revision): void {
    for (const control of this.controls) {
      if (!control.span) continue;
      const { start, end } = control.span;
      const node = this.paragraphs.find((paragraph) => paragraph.id === start.paragraph);
      if (!node) continue;
      const kept = (offset: number) =>
        node.chars.slice(0, offset).filter((char) => char.rev !== dropped).length;
      const [from, to] = [kept(start.offset), kept(end.offset)];
      start.offset = from;
      end.offset = to;
    }
  }
}

/** "\n" or "\r" in inserted text would make new paragraphs in Word: not modelled. */
function assertInsertableText(text: string): void {
  if (/[\r\n]/u.test(text))
    throw officeError.notModelled("line breaks in inserted text (use \\u000b or insertParagraph)");
}

const DANISH_STYLE_NAMES: Record<string, string> = {
  Normal: "Normal",
  Title: "Titel",
  Subtitle: "Undertitel",
  Heading1: "Overskrift 1",
  Heading2: "Overskrift 2",
  Heading3: "Overskrift 3",
  ListParagraph: "Listeafsnit",
};

const BUILT_IN_IDS = new Set(Object.keys(DANISH_STYLE_NAMES));

/** Style names as a Danish Word shows them (paragraph.style is localized). */
export function localName(builtIn: string): string {
  return DANISH_STYLE_NAMES[builtIn] ?? builtIn;
}

function builtInFromLocal(name: string): string {
  const entry = Object.entries(DANISH_STYLE_NAMES).find(([, local]) => local === name);
  return entry ? entry[0] : "Other";
}
