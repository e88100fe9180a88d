/// <reference types="office-js" />
import {
  FakeDocumentModel,
  type Faults,
  type Feature,
  type LiveRange,
  type Platform,
  type TrackingMode,
} from "./model.js";
import {
  createFakeOffice,
  compare,
  FakeCustomXmlParts,
  FakeSettings,
  type ApiVersions,
} from "./office.js";
import { FakeRequestContext, type FakeHost, type ParagraphEventType } from "./proxies.js";

export { FakeOfficeError } from "./errors.js";
export { FakeDocumentModel } from "./model.js";
export { FakeSettings } from "./office.js";
export { documentFromText, type DocumentSpec } from "./from-text.js";

/**
 * A strict fake of the Word object model subset Klarbrev uses. See README.md in this folder for
 * what it models and which Word behaviours it assumes.
 */

export interface ParagraphSpec {
  text: string;
  style?: string;
  styleBuiltIn?: string;
  isListItem?: boolean;
  /** Inside a table. */
  table?: boolean;
  /** Rich content (bold runs, a hyperlink, a field, a footnote, a comment, a picture...). */
  features?: Feature[];
  /** A numbered/bulleted list item: list id and level. */
  list?: { id: number; level: number };
}

export interface ControlSpec {
  tag: string;
  /** RichText (default) or PlainText: the API lists only rich-text controls (#2160). */
  type?: "RichText" | "PlainText";
  title?: string;
  cannotEdit?: boolean;
  cannotDelete?: boolean;
  /** First and last paragraph index it spans (the same index for an inline control). */
  from: number;
  to: number;
  /**
   * An inline control inside paragraph `from`: the characters [start, end) it covers, or the
   * first occurrence of this text in the paragraph.
   */
  inline?: string | { start: number; end: number };
}

export interface WordFakeOptions {
  paragraphs: ParagraphSpec[];
  controls?: ControlSpec[];
  /** Highest WordApi version the "host" supports: "1.3" (minimum), "1.4", "1.6"... */
  wordApi?: string;
  trackingMode?: TrackingMode;
  /** Word on Windows/Mac ("desktop", the default) or Word on the web; see README.md. */
  platform?: Platform;
  /** Intermittent Word bugs to reproduce (see Faults in model.ts and README.md). */
  faults?: Faults;
  pictures?: number;
  /** Selection (cursor) at the start of this paragraph index. */
  cursorAt?: number;
}

type Handler = (args: unknown) => Promise<unknown>;

export class WordFake implements FakeHost {
  readonly model = new FakeDocumentModel();
  readonly settings = new FakeSettings();
  readonly customXmlParts = new FakeCustomXmlParts();
  readonly office: ReturnType<typeof createFakeOffice>;
  syncCount = 0;
  private readonly versions: ApiVersions;
  private readonly handlers = new Set<{ type: ParagraphEventType; handler: Handler }>();

  constructor(options: WordFakeOptions) {
    this.versions = { WordApi: options.wordApi ?? "1.6" };
    this.office = createFakeOffice(this.versions, this.settings, this.customXmlParts);
    const ids = options.paragraphs.map((spec) => {
      const node = this.model.addParagraph({
        text: spec.text,
        styleBuiltIn: spec.styleBuiltIn ?? "Normal",
        isListItem: spec.isListItem ?? spec.list !== undefined,
        tableNestingLevel: spec.table ? 1 : 0,
        ...(spec.style !== undefined ? { style: spec.style } : {}),
        ...(spec.features ? { features: spec.features } : {}),
        ...(spec.list ? { list: spec.list } : {}),
      });
      return node.id;
    });
    for (const control of options.controls ?? []) {
      const span = control.inline === undefined ? undefined : this.inlineSpan(control, ids);
      this.model.addControl({
        ...(control.type ? { type: control.type } : {}),
        tag: control.tag,
        title: control.title ?? "",
        appearance: "BoundingBox",
        cannotEdit: control.cannotEdit ?? false,
        cannotDelete: control.cannotDelete ?? false,
        paragraphs: ids.slice(control.from, control.to + 1),
        ...(span ? { span } : {}),
      });
    }
    this.model.trackingMode = options.trackingMode ?? "Off";
    this.model.platform = options.platform ?? "desktop";
    this.model.faults = { ...options.faults };
    this.model.pictures = options.pictures ?? 0;
    if (options.cursorAt !== undefined) {
      const id = ids[options.cursorAt]!;
      this.model.selection = this.model.track({
        start: { paragraph: id, offset: 0 },
        end: { paragraph: id, offset: 0 },
        whole: false,
      });
    }
  }

  private inlineSpan(control: ControlSpec, ids: readonly number[]): LiveRange {
    const id = ids[control.from];
    if (id === undefined || control.to !== control.from)
      throw new Error(`inline control "${control.tag}" must name one existing paragraph`);
    let { inline } = control;
    if (typeof inline === "string") {
      const start = this.model.rawText(this.model.paragraph(id)).indexOf(inline);
      if (start < 0) throw new Error(`"${inline}" is not in paragraph ${control.from}`);
      inline = { start, end: start + inline.length };
    }
    return {
      start: { paragraph: id, offset: inline!.start },
      end: { paragraph: id, offset: inline!.end },
      whole: false,
    };
  }

  supports(set: string, version: string): boolean {
    const available = this.versions[set];
    return available !== undefined && compare(available, version) >= 0;
  }

  /** A fresh request context (one per Word.run), typed as Word's. */
  context(): Word.RequestContext {
    return new FakeRequestContext(this) as unknown as Word.RequestContext;
  }

  /** Word.run: a new context per batch; the context ends with the batch. */
  run = async <T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext(this);
    try {
      return await batch(context as unknown as Word.RequestContext);
    } finally {
      context.ended = true;
    }
  };

  /** Word.run(context, batch): a new batch on an existing context (an event registration's). */
  runWith = async <T>(
    existing: Word.RequestContext,
    batch: (context: Word.RequestContext) => Promise<T>
  ): Promise<T> => {
    const context = existing as unknown as FakeRequestContext;
    context.ended = false;
    try {
      return await batch(context as unknown as Word.RequestContext);
    } finally {
      context.ended = true;
    }
  };

  /** Make `Office` global for the code under test; returns the undo. */
  install(): () => void {
    const global = globalThis as { Office?: unknown };
    const previous = global.Office;
    global.Office = this.office;
    return () => {
      global.Office = previous;
    };
  }

  addHandler(type: ParagraphEventType, handler: Handler): object {
    const registration = { type, handler };
    this.handlers.add(registration);
    return registration;
  }

  removeHandler(registration: object): void {
    this.handlers.delete(registration as { type: ParagraphEventType; handler: Handler });
  }

  get handlerCount(): number {
    return this.handlers.size;
  }

  /** The user types at the end of a paragraph: the document changes and events fire. */
  async userTypes(paragraphIndex: number, text: string): Promise<void> {
    const node = this.model.paragraphs[paragraphIndex]!;
    this.model.insertChars(node.id, node.chars.length, text);
    // Typing moves the cursor: the common API's DocumentSelectionChanged fires on every platform.
    await this.office.context.document.fireSelectionChanged();
    for (const { type, handler } of [...this.handlers]) {
      if (type === "ParagraphChanged")
        await handler({
          type: "paragraphChanged",
          source: "Local",
          uniqueLocalIds: [String(node.id)],
        });
    }
  }

  // ---- assertions ----------------------------------------------------------------------------

  /** Paragraph texts as they read with all tracked changes accepted. */
  currentParagraphs(): string[] {
    return this.model.paragraphs
      .filter((node) => node.mark !== "del")
      .map((node) => this.model.currentText(node));
  }

  /** Current paragraphs with what they hold besides text (features, list membership, style). */
  currentDetails() {
    return this.model.paragraphs
      .filter((node) => node.mark !== "del")
      .map((node) => ({
        text: this.model.currentText(node),
        features: [...node.features].sort(),
        list: node.list ? { ...node.list } : undefined,
        styleBuiltIn: node.styleBuiltIn,
      }));
  }

  /** Paragraph texts with all tracked changes rejected (the document before the edits). */
  originalParagraphs(): string[] {
    return this.model.paragraphs
      .filter((node) => node.mark !== "ins")
      .map((node) => this.model.originalText(node));
  }

  /** Content controls in document order with their current text ("\n" between paragraphs). */
  controls(view: "current" | "original" = "current") {
    return this.model.controlsInOrder().map((control) => ({
      tag: control.tag,
      title: control.title,
      cannotEdit: control.cannotEdit,
      cannotDelete: control.cannotDelete,
      text: control.span
        ? this.model.spanText(control, view)
        : control.paragraphs
            .map((id) => this.model.paragraph(id))
            .filter((node) => node.mark !== (view === "current" ? "del" : "ins"))
            .map((node) =>
              view === "current" ? this.model.currentText(node) : this.model.originalText(node)
            )
            .join("\n"),
    }));
  }

  trackedChanges() {
    return this.model.trackedChanges();
  }
}
