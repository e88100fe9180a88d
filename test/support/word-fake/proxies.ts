import { FakeOfficeError, officeError } from "./errors.js";
import { paragraphsFromOoxml, paragraphToOoxml } from "./ooxml.js";
import type { ControlNode, FakeDocumentModel, LiveRange, TrackingMode } from "./model.js";

/**
 * Proxies shaped like Office.js client objects. Nothing touches the document until `sync()`:
 * methods and property writes queue operations, `load` queues a snapshot, and reading a property
 * that was not loaded (and synced) throws PropertyNotLoaded, exactly like Office.js. An object
 * is pinned to its target the first time an operation uses it (Word tracks objects within a run).
 */

export interface FakeHost {
  model: FakeDocumentModel;
  syncCount: number;
  supports(set: string, version: string): boolean;
  /** Register a handler for one event type; returns the registration to remove. */
  addHandler(type: ParagraphEventType, handler: (args: unknown) => Promise<unknown>): object;
  removeHandler(registration: object): void;
}

export type ParagraphEventType = "ParagraphAdded" | "ParagraphChanged" | "ParagraphDeleted";

type Operation = () => void;

export class FakeRequestContext {
  readonly document: FakeDocument;
  private queue: Operation[] = [];
  /**
   * The Word.run batch that made this context has finished. Syncing it then fails; to use its
   * objects again (an event registration), run a new batch on it: `Word.run(object, batch)`, as
   * Microsoft's event article does
   * (https://learn.microsoft.com/office/dev/add-ins/word/word-add-ins-events).
   */
  ended = false;

  constructor(readonly host: FakeHost) {
    this.document = new FakeDocument(this);
  }

  get model(): FakeDocumentModel {
    return this.host.model;
  }

  enqueue(operation: Operation): void {
    this.queue.push(operation);
  }

  /** Run the queued operations in order; the first failure rejects and drops the rest. */
  async sync(): Promise<void> {
    if (this.ended)
      throw new FakeOfficeError(
        "InvalidRequestContext",
        "The request context's Word.run batch has ended; use Word.run(object, batch)"
      );
    this.host.syncCount++;
    const operations = this.queue;
    this.queue = [];
    await Promise.resolve();
    for (const operation of operations) operation();
  }

  requireApi(version: string, what: string): void {
    if (!this.host.supports("WordApi", version))
      throw officeError.apiNotFound(what, `WordApi ${version}`);
  }
}

/** Load paths: "a,b/c" or ["a", "b/c"] to segment lists. Empty loads are refused (load everything is slow). */
function parseLoad(spec: string | string[] | undefined): string[][] {
  if (spec === undefined || (typeof spec !== "string" && !Array.isArray(spec))) {
    throw officeError.notModelled("load() without property names or with an options object");
  }
  const paths = (Array.isArray(spec) ? spec : spec.split(","))
    .map((path) => path.trim())
    .filter(Boolean)
    .map((path) => path.split("/"));
  if (paths.length === 0) throw officeError.notModelled("empty load()");
  return paths;
}

export abstract class FakeClientObject<T> {
  private pinned: { value: T | null } | undefined;
  private loaded = new Map<string, unknown>();
  private everLoaded = false;

  constructor(
    readonly context: FakeRequestContext,
    private readonly resolver: () => T | null
  ) {}

  protected get model(): FakeDocumentModel {
    return this.context.model;
  }

  /** The target, pinned on first use. Null for a null object. */
  resolve(): T | null {
    this.pinned ??= { value: this.resolver() };
    return this.pinned.value;
  }

  protected target(what: string): T {
    const value = this.resolve();
    if (value === null) throw officeError.itemNotFound(what);
    return value;
  }

  get isNullObject(): boolean {
    if (!this.everLoaded) throw officeError.propertyNotLoaded("isNullObject");
    return this.resolve() === null;
  }

  load(spec?: string | string[]): this {
    const paths = parseLoad(spec);
    this.context.enqueue(() => {
      for (const path of paths) this.applyLoad(path);
    });
    return this;
  }

  /** Executed at sync: snapshot a property, or walk into a navigation property. */
  applyLoad(path: readonly string[]): void {
    this.everLoaded = true;
    const [first, ...rest] = path;
    if (first === undefined) return;
    if (this.resolve() === null) return;
    if (rest.length === 0) {
      this.loaded.set(first, this.read(first));
      return;
    }
    const child = this.navigate(first);
    if (!child) throw officeError.invalidArgument(`'${first}' is not a navigation property`);
    child.applyLoad(rest);
  }

  /** A loaded value; throws PropertyNotLoaded otherwise. */
  protected get<V>(name: string): V {
    if (!this.loaded.has(name)) throw officeError.propertyNotLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** The current value of a scalar property in the model (at sync time). */
  protected abstract read(name: string): unknown;

  protected navigate(name: string): FakeClientObject<unknown> | undefined {
    void name;
    return undefined;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A collection of items: `items` after load, getFirst/getFirstOrNullObject/getLast. */
abstract class FakeCollection<I extends FakeClientObject<unknown>, Id> extends FakeClientObject<
  Id[]
> {
  private loadedItems: I[] | undefined;
  private loadedIds: Id[] | undefined;

  constructor(
    context: FakeRequestContext,
    private readonly ids: () => Id[]
  ) {
    // Collections are evaluated whenever they are loaded; items are pinned.
    super(context, ids);
  }

  protected abstract item(id: Id): I;

  get items(): I[] {
    if (!this.loadedItems) throw officeError.propertyNotLoaded("items");
    return this.loadedItems;
  }

  override applyLoad(path: readonly string[]): void {
    const [first, ...rest] = path;
    if (first !== "items")
      throw officeError.notModelled(`collection load of '${path.join("/")}' (use items/...)`);
    // Reuse the item proxies already loaded in this sync, so several paths fill the same items.
    const ids = this.ids();
    const same =
      this.loadedIds?.length === ids.length &&
      ids.every((id, index) => this.loadedIds![index] === id);
    if (!this.loadedItems || !same) this.loadedItems = ids.map((id) => this.item(id));
    this.loadedIds = ids;
    if (rest.length === 0)
      throw officeError.notModelled("loading bare 'items' (name the properties)");
    for (const item of this.loadedItems) item.applyLoad(rest);
  }

  protected read(name: string): unknown {
    throw officeError.invalidArgument(name);
  }

  getFirst(): I {
    return this.item(this.deferred(() => this.ids()[0], "first item", false));
  }

  getFirstOrNullObject(): I {
    return this.item(this.deferred(() => this.ids()[0], "first item", true));
  }

  getLast(): I {
    return this.item(this.deferred(() => this.ids().at(-1), "last item", false));
  }

  /** A deferred id: the marker is resolved by the item proxy at first use. */
  protected abstract deferred(find: () => Id | undefined, what: string, nullable: boolean): Id;
}

// ---- paragraphs ------------------------------------------------------------------------------

/** Paragraph ids may be deferred (resolved at first use): a function instead of a number. */
type ParagraphRef = number | (() => number | null);

function resolveRef(ref: ParagraphRef): number | null {
  return typeof ref === "number" ? ref : ref();
}

export class FakeParagraphCollection extends FakeCollection<FakeParagraph, ParagraphRef> {
  protected item(id: ParagraphRef): FakeParagraph {
    return new FakeParagraph(this.context, () => resolveRef(id));
  }

  protected deferred(
    find: () => ParagraphRef | undefined,
    what: string,
    nullable: boolean
  ): ParagraphRef {
    return () => {
      const found = find();
      if (found === undefined) {
        if (nullable) return null;
        throw officeError.itemNotFound(what);
      }
      return resolveRef(found);
    };
  }
}

type InsertLocation = "Before" | "After" | "Start" | "End" | "Replace" | "Whole" | "Content";

export class FakeParagraph extends FakeClientObject<number> {
  get text(): string {
    return this.get("text");
  }
  get style(): string {
    return this.get("style");
  }
  set style(value: string) {
    this.context.enqueue(() => this.model.setStyle(this.target("paragraph"), { style: value }));
  }
  get styleBuiltIn(): string {
    return this.get("styleBuiltIn");
  }
  set styleBuiltIn(value: string) {
    this.context.enqueue(() =>
      this.model.setStyle(this.target("paragraph"), { styleBuiltIn: value })
    );
  }
  get isListItem(): boolean {
    return this.get("isListItem");
  }
  get tableNestingLevel(): number {
    return this.get("tableNestingLevel");
  }

  protected read(name: string): unknown {
    const node = this.model.paragraph(this.target("paragraph"));
    switch (name) {
      case "text":
        return this.model.rawText(node);
      case "style":
        return node.style;
      case "styleBuiltIn":
        return node.styleBuiltIn;
      case "isListItem":
        return node.isListItem || node.list !== undefined;
      case "tableNestingLevel":
        return node.tableNestingLevel;
      default:
        throw officeError.notModelled(`Paragraph.${name}`);
    }
  }

  private parentCache: Record<string, FakeContentControl> = {};

  protected override navigate(name: string): FakeClientObject<unknown> | undefined {
    if (name === "parentContentControlOrNullObject") return this.parentContentControlOrNullObject;
    if (name === "parentContentControl") return this.parentContentControl;
    if (name === "contentControls") return this.contentControls;
    if (name === "listOrNullObject") return this.listOrNullObject;
    if (name === "listItemOrNullObject") return this.listItemOrNullObject;
    return undefined;
  }

  private controlsCache: FakeContentControlCollection | undefined;

  /** The controls inside the paragraph (inline ones, in text order): WordApi 1.1. */
  get contentControls(): FakeContentControlCollection {
    return (this.controlsCache ??= new FakeContentControlCollection(this.context, () =>
      this.model
        .inlineControlsIn(this.target("paragraph"))
        .filter(isListed)
        .map((control) => control.id)
    ));
  }

  /**
   * Paragraph.getContentControls (WordApi 1.5): controls of the given types (default rich text)
   * inside the paragraph or around it (whether Word includes the ones around it is unknown; the
   * fake does, which shows the adapter more locks, not fewer).
   */
  getContentControls(options?: { types?: string[] }): FakeContentControlCollection {
    const types = options?.types ?? ["RichText"];
    return new FakeContentControlCollection(this.context, () => {
      this.context.requireApi("1.5", "Paragraph.getContentControls");
      const id = this.target("paragraph");
      return [...this.model.controlsOf(id), ...this.model.inlineControlsIn(id)]
        .filter((control) => types.includes(control.type ?? "RichText"))
        .map((control) => control.id);
    });
  }

  get parentContentControlOrNullObject(): FakeContentControl {
    return (this.parentCache.nullable ??= new FakeContentControl(this.context, () => {
      // Inside a plain-text control: unknown; the fake answers "none" (the control stays hidden).
      const control = this.model.innermostControl(this.target("paragraph"));
      return control && isListed(control) ? control.id : null;
    }));
  }

  get parentContentControl(): FakeContentControl {
    return (this.parentCache.strict ??= new FakeContentControl(this.context, () => {
      const control = this.model.innermostControl(this.target("paragraph"));
      // In a plain-text control Word throws ItemNotFound (#1302).
      if (!control || !isListed(control)) throw officeError.itemNotFound("parent content control");
      return control.id;
    }));
  }

  /** Paragraph.getReviewedText (WordApi 1.4): the paragraph's text with all changes accepted/rejected. */
  getReviewedText(version: "Current" | "Original" = "Current"): FakeClientResult<string> {
    return new FakeClientResult(this.context, () => {
      this.context.requireApi("1.4", "Paragraph.getReviewedText");
      const node = this.model.paragraph(this.target("paragraph"));
      return version === "Current" ? this.model.currentText(node) : this.model.originalText(node);
    });
  }

  /** Paragraph.getOoxml (WordApi 1.1): the paragraph as a flat-OPC package. */
  getOoxml(): FakeClientResult<string> {
    return new FakeClientResult(this.context, () =>
      paragraphToOoxml(this.model.paragraph(this.target("paragraph")))
    );
  }

  /** Paragraph.listOrNullObject (WordApi 1.3): the list the paragraph is in. */
  private listCache: FakeList | undefined;
  private listItemCache: FakeListItem | undefined;

  get listOrNullObject(): FakeList {
    return (this.listCache ??= new FakeList(this.context, () => {
      const node = this.model.paragraph(this.target("paragraph"));
      return node.list ? node.list.id : null;
    }));
  }

  /** Paragraph.listItemOrNullObject (WordApi 1.3): its level in the list. */
  get listItemOrNullObject(): FakeListItem {
    return (this.listItemCache ??= new FakeListItem(this.context, () => {
      const node = this.model.paragraph(this.target("paragraph"));
      return node.list ? node.id : null;
    }));
  }

  /** Paragraph.attachToList (WordApi 1.3): fails when the paragraph is already a list item. */
  attachToList(listId: number, level: number): FakeList {
    this.context.enqueue(() => {
      this.context.requireApi("1.3", "Paragraph.attachToList");
      const id = this.target("paragraph");
      this.model.assertEditable([id], "attaching to a list");
      const node = this.model.paragraph(id);
      if (node.list) throw officeError.invalidArgument("the paragraph is already a list item");
      if (!this.model.paragraphs.some((other) => other.list?.id === listId))
        throw officeError.itemNotFound(`list ${listId}`);
      node.list = { id: listId, level };
      node.isListItem = true;
    });
    return new FakeList(this.context, () => listId);
  }

  /** Paragraph.detachFromList (WordApi 1.3). */
  detachFromList(): void {
    this.context.enqueue(() => {
      this.context.requireApi("1.3", "Paragraph.detachFromList");
      const id = this.target("paragraph");
      this.model.assertEditable([id], "detaching from a list");
      const node = this.model.paragraph(id);
      delete node.list;
      node.isListItem = false;
    });
  }

  getNext(): FakeParagraph {
    return new FakeParagraph(this.context, () => {
      const next = this.model.paragraphs[this.model.indexOf(this.target("paragraph")) + 1];
      if (!next) throw officeError.itemNotFound("next paragraph");
      return next.id;
    });
  }

  getNextOrNullObject(): FakeParagraph {
    return new FakeParagraph(
      this.context,
      () => this.model.paragraphs[this.model.indexOf(this.target("paragraph")) + 1]?.id ?? null
    );
  }

  getRange(location: InsertLocation = "Whole"): FakeRange {
    return new FakeRange(this.context, () => {
      const id = this.target("paragraph");
      const length = this.model.paragraph(id).chars.length;
      switch (location) {
        case "Whole":
          return this.model.wholeParagraph(id);
        case "Content":
          return this.model.track({
            start: { paragraph: id, offset: 0 },
            end: { paragraph: id, offset: length },
            whole: false,
          });
        case "Start":
          return this.model.track({
            start: { paragraph: id, offset: 0 },
            end: { paragraph: id, offset: 0 },
            whole: false,
          });
        case "End":
          return this.model.track({
            start: { paragraph: id, offset: length },
            end: { paragraph: id, offset: length },
            whole: false,
          });
        default:
          throw officeError.invalidArgument(`Paragraph.getRange("${location}")`);
      }
    });
  }

  search(text: string, options: SearchOptions = {}): FakeRangeCollection {
    return searchIn(this.context, () => [this.target("paragraph")], text, options);
  }

  insertParagraph(text: string, location: InsertLocation): FakeParagraph {
    if (location !== "Before" && location !== "After")
      throw officeError.invalidArgument(`Paragraph.insertParagraph("${location}")`);
    let created: number | undefined;
    this.context.enqueue(() => {
      const id = this.target("paragraph");
      const node = this.model.paragraph(id);
      const index = this.model.indexOf(id) + (location === "After" ? 1 : 0);
      // Beside a paragraph inside a block control is inside that control, except before its
      // first paragraph or after its last: there it lands outside (office-js #3176).
      const joins = this.model
        .controlsOf(id)
        .filter((control) =>
          location === "Before" ? control.paragraphs[0] !== id : control.paragraphs.at(-1) !== id
        );
      created = this.model.insertParagraphAt(index, text, joins, node).id;
    });
    return new FakeParagraph(this.context, () => created ?? null);
  }

  insertText(text: string, location: InsertLocation): FakeRange {
    let inserted: LiveRange | undefined;
    this.context.enqueue(() => {
      const id = this.target("paragraph");
      const length = this.model.paragraph(id).chars.length;
      if (location === "Start") this.model.insertChars(id, 0, text);
      else if (location === "End") this.model.insertChars(id, length, text);
      else if (location === "Replace") this.model.replaceChars(id, 0, length, text);
      else throw officeError.invalidArgument(`Paragraph.insertText("${location}")`);
      inserted = this.model.wholeParagraph(id);
    });
    return new FakeRange(this.context, () => inserted ?? null);
  }

  insertContentControl(): FakeContentControl {
    let created: number | undefined;
    this.context.enqueue(() => {
      const id = this.target("paragraph");
      created = wrapInControl(this.model, [id]).id;
    });
    return new FakeContentControl(this.context, () => created ?? null);
  }

  delete(): void {
    this.context.enqueue(() =>
      this.model.deleteParagraphs([this.target("paragraph")], { edges: true })
    );
  }
}

/** The Word API lists only rich-text content controls (office-js #2160, #6144). */
function isListed(control: ControlNode): boolean {
  return (control.type ?? "RichText") === "RichText";
}

function wrapInControl(model: FakeDocumentModel, paragraphs: number[]): ControlNode {
  model.assertEditable(paragraphs, "wrapping text in a content control");
  return model.addControl({
    tag: "",
    title: "",
    appearance: "BoundingBox",
    cannotEdit: false,
    cannotDelete: false,
    paragraphs,
  });
}

// ---- ranges ----------------------------------------------------------------------------------

export interface SearchOptions {
  matchCase?: boolean;
  matchWildcards?: boolean;
  matchWholeWord?: boolean;
  matchPrefix?: boolean;
  matchSuffix?: boolean;
  ignorePunct?: boolean;
  ignoreSpace?: boolean;
}

export const SEARCH_LIMIT = 255;

/** Word's search string syntax, the part the fake models: ^^, ^l (line break), ^t (tab). */
function decodeSearch(text: string): string {
  if (text.length > SEARCH_LIMIT) throw officeError.searchTooLong();
  return text.replace(/\^(.)/gu, (_, code: string) => {
    if (code === "^") return "^";
    if (code === "l") return "\u000b";
    if (code === "t") return "\t";
    throw officeError.notModelled(`the search code ^${code}`);
  });
}

/** Word finds straight and curly quotes alike. */
function foldForSearch(text: string, matchCase: boolean): string {
  const folded = text.replace(/[‘’]/gu, "'").replace(/[“”]/gu, '"');
  return matchCase ? folded : folded.toLowerCase();
}

function searchIn(
  context: FakeRequestContext,
  paragraphs: () => number[],
  text: string,
  options: SearchOptions
): FakeRangeCollection {
  const unsupported = (
    [
      "matchWildcards",
      "matchWholeWord",
      "matchPrefix",
      "matchSuffix",
      "ignorePunct",
      "ignoreSpace",
    ] as const
  ).find((option) => options[option]);
  return new FakeRangeCollection(context, () => {
    if (unsupported) throw officeError.notModelled(`search option ${unsupported}`);
    const needle = foldForSearch(decodeSearch(text), options.matchCase ?? false);
    if (!needle) throw officeError.invalidArgument("empty search string");
    // Word on the web finds no soft line break (#5403; "^l" there is unknown: found nothing).
    if (context.model.platform === "web" && needle.includes("\u000b")) return [];
    const ranges: LiveRange[] = [];
    for (const id of paragraphs()) {
      const haystack = foldForSearch(
        context.model.rawText(context.model.paragraph(id)),
        options.matchCase ?? false
      );
      for (
        let at = haystack.indexOf(needle);
        at !== -1;
        at = haystack.indexOf(needle, at + needle.length)
      ) {
        ranges.push(
          context.model.track({
            start: { paragraph: id, offset: at },
            end: { paragraph: id, offset: at + needle.length },
            whole: false,
            api: true,
          })
        );
      }
    }
    return ranges;
  });
}

export class FakeRangeCollection extends FakeCollection<FakeRange, LiveRange> {
  constructor(context: FakeRequestContext, find: () => LiveRange[]) {
    // A search is evaluated once, when first loaded or used.
    let evaluated: LiveRange[] | undefined;
    super(context, () => (evaluated ??= find()));
  }

  protected item(range: LiveRange): FakeRange {
    return new FakeRange(this.context, () => range);
  }

  protected deferred(): LiveRange {
    throw officeError.notModelled("getFirst on search results");
  }
}

export class FakeRange extends FakeClientObject<LiveRange> {
  get text(): string {
    return this.get("text");
  }

  protected read(name: string): unknown {
    if (name === "text") return this.model.rangeText(this.target("range"));
    throw officeError.notModelled(`Range.${name}`);
  }

  protected override navigate(name: string): FakeClientObject<unknown> | undefined {
    return name === "parentContentControlOrNullObject"
      ? this.parentContentControlOrNullObject
      : undefined;
  }

  get parentContentControlOrNullObject(): FakeContentControl {
    return new FakeContentControl(this.context, () => {
      const range = this.target("range");
      // An inline control around the range (its edges count as inside) is the innermost.
      if (range.start.paragraph === range.end.paragraph) {
        const inline = this.model
          .inlineControlsIn(range.start.paragraph)
          .filter(
            ({ span }) =>
              span!.start.offset <= range.start.offset && range.end.offset <= span!.end.offset
          )
          .sort(
            (a, b) =>
              a.span!.end.offset -
              a.span!.start.offset -
              (b.span!.end.offset - b.span!.start.offset)
          );
        if (inline[0]) return isListed(inline[0]) ? inline[0].id : null;
      }
      const ids = this.model.rangeParagraphs(range);
      const around = this.model.controls.filter(
        (control) =>
          !control.span && isListed(control) && ids.every((id) => control.paragraphs.includes(id))
      );
      return around.sort((a, b) => a.paragraphs.length - b.paragraphs.length)[0]?.id ?? null;
    });
  }

  get paragraphs(): FakeParagraphCollection {
    return new FakeParagraphCollection(this.context, () =>
      this.model.rangeParagraphs(this.target("range"))
    );
  }

  getRange(location: InsertLocation = "Whole"): FakeRange {
    return new FakeRange(this.context, () => {
      const range = this.target("range");
      if (location === "Whole") return range;
      const point = location === "Start" ? range.start : location === "End" ? range.end : undefined;
      if (!point) throw officeError.invalidArgument(`Range.getRange("${location}")`);
      return this.model.track({ start: { ...point }, end: { ...point }, whole: false });
    });
  }

  expandTo(other: FakeRange): FakeRange {
    return new FakeRange(this.context, () => {
      const from = this.target("range");
      const to = other.target("range");
      return this.model.track({ start: { ...from.start }, end: { ...to.end }, whole: to.whole });
    });
  }

  insertText(text: string, location: InsertLocation): FakeRange {
    this.context.enqueue(() => {
      const range = this.target("range");
      if (range.start.paragraph !== range.end.paragraph)
        throw officeError.notModelled("insertText on a range across paragraphs");
      const id = range.start.paragraph;
      if (location === "Replace")
        this.model.replaceChars(id, range.start.offset, range.end.offset, text);
      else if (location === "Start" || location === "Before")
        this.model.insertChars(id, range.start.offset, text);
      else if (location === "End" || location === "After")
        this.model.insertChars(id, range.end.offset, text);
      else throw officeError.invalidArgument(`Range.insertText("${location}")`);
      if (range.api && this.model.faults.insertTextThrowsAfterWriting)
        throw new FakeOfficeError(
          "GeneralException",
          "Cannot read properties of undefined (reading 'getInstance')"
        );
    });
    return this;
  }

  /**
   * Range.insertOoxml (WordApi 1.1). "Before"/"After" a range of whole paragraphs put the
   * package's paragraphs outside it; returns the range of the new paragraphs.
   */
  insertOoxml(ooxml: string, location: InsertLocation): FakeRange {
    let inserted: LiveRange | undefined;
    this.context.enqueue(() => {
      const range = this.target("range");
      if (location !== "Before" && location !== "After")
        throw officeError.notModelled(`Range.insertOoxml("${location}")`);
      if (range.start.offset !== 0 || !range.whole)
        throw officeError.notModelled("insertOoxml beside part of a paragraph");
      const parsed = paragraphsFromOoxml(ooxml);
      const index =
        location === "Before"
          ? this.model.indexOf(range.start.paragraph)
          : this.model.indexOf(range.end.paragraph) + 1;
      const joins = this.model.controlsAround(
        this.model.paragraphs[index - 1]?.id,
        this.model.paragraphs[index]?.id
      );
      const nodes = this.model.insertOoxmlParagraphs(index, parsed, joins);
      const last = nodes.at(-1)!;
      inserted = this.model.track({
        start: { paragraph: nodes[0]!.id, offset: 0 },
        end: { paragraph: last.id, offset: last.chars.length },
        whole: true,
      });
    });
    return new FakeRange(this.context, () => inserted ?? null);
  }

  /** Range.insertBreak (WordApi 1.2): only "Line" (a soft line break) is modelled. */
  insertBreak(type: string, location: InsertLocation): void {
    this.context.enqueue(() => {
      if (type !== "Line") throw officeError.notModelled(`insertBreak("${type}")`);
      if (location !== "Before" && location !== "After")
        throw officeError.invalidArgument(`Range.insertBreak("${location}")`);
      const range = this.target("range");
      const point = location === "Before" ? range.start : range.end;
      this.model.insertLineBreak(point.paragraph, point.offset);
    });
  }

  insertContentControl(): FakeContentControl {
    let created: number | undefined;
    this.context.enqueue(() => {
      const range = this.target("range");
      const endLength = this.model.paragraph(range.end.paragraph).chars.length;
      if (range.start.offset !== 0 || !(range.whole || range.end.offset === endLength)) {
        throw officeError.notModelled(
          "inline content controls (the range must cover whole paragraphs)"
        );
      }
      created = wrapInControl(this.model, this.model.rangeParagraphs(range)).id;
    });
    return new FakeContentControl(this.context, () => created ?? null);
  }

  delete(): void {
    this.context.enqueue(() => {
      const range = this.target("range");
      const ids = this.model.rangeParagraphs(range);
      if (range.whole && range.start.offset === 0)
        this.model.deleteParagraphs(ids, { edges: true });
      else if (ids.length === 1)
        this.model.deleteChars(ids[0]!, range.start.offset, range.end.offset);
      else throw officeError.notModelled("deleting part of several paragraphs");
    });
  }

  select(): void {
    this.context.enqueue(() => {
      const range = this.target("range");
      this.model.selection = this.model.track({
        start: { ...range.start },
        end: { ...range.end },
        whole: range.whole,
      });
    });
  }

  /** WordApi 1.8: a temporary highlight, shown but never part of the document's content. */
  highlight(): void {
    this.context.requireApi("1.8", "Range.highlight");
    this.context.enqueue(() => {
      const range = this.target("range");
      this.model.highlight = this.model.track({
        start: { ...range.start },
        end: { ...range.end },
        whole: range.whole,
      });
    });
  }
}

// ---- content controls ------------------------------------------------------------------------

export class FakeContentControlCollection extends FakeCollection<FakeContentControl, number> {
  protected item(id: number): FakeContentControl {
    return new FakeContentControl(this.context, () => id);
  }

  protected deferred(): number {
    throw officeError.notModelled("getFirst on content controls");
  }
}

export class FakeContentControl extends FakeClientObject<number> {
  get id(): number {
    return this.get("id");
  }
  get tag(): string {
    return this.get("tag");
  }
  set tag(value: string) {
    this.update((control) => (control.tag = value));
  }
  get title(): string {
    return this.get("title");
  }
  set title(value: string) {
    this.update((control) => (control.title = value));
  }
  get appearance(): string {
    return this.get("appearance");
  }
  set appearance(value: string) {
    this.update((control) => (control.appearance = value));
  }
  get cannotEdit(): boolean {
    return this.get("cannotEdit");
  }
  set cannotEdit(value: boolean) {
    this.update((control) => (control.cannotEdit = value));
  }
  get cannotDelete(): boolean {
    return this.get("cannotDelete");
  }
  set cannotDelete(value: boolean) {
    this.update((control) => (control.cannotDelete = value));
  }
  get text(): string {
    return this.get("text");
  }

  private node(): ControlNode {
    return this.model.control(this.target("content control"));
  }

  private update(change: (control: ControlNode) => void): void {
    this.context.enqueue(() => change(this.node()));
  }

  protected read(name: string): unknown {
    const control = this.node();
    switch (name) {
      case "id":
      case "tag":
      case "title":
      case "appearance":
      case "cannotEdit":
      case "cannotDelete":
        return control[name];
      case "type":
        return control.type ?? "RichText";
      case "text":
        if (control.span) return this.model.spanText(control);
        return control.paragraphs
          .map((id) => this.model.rawText(this.model.paragraph(id)))
          .join("\r");
      default:
        throw officeError.notModelled(`ContentControl.${name}`);
    }
  }

  get paragraphs(): FakeParagraphCollection {
    return new FakeParagraphCollection(this.context, () => [...this.node().paragraphs]);
  }

  insertParagraph(text: string, location: InsertLocation): FakeParagraph {
    let created: number | undefined;
    this.context.enqueue(() => {
      const control = this.node();
      if (control.span)
        throw officeError.notModelled("insertParagraph on an inline content control");
      const first = this.model.indexOf(control.paragraphs[0]!);
      const last = this.model.indexOf(control.paragraphs.at(-1)!);
      const parents = this.model.parentsOf(control);
      const like = this.model.paragraph(control.paragraphs.at(-1)!);
      if (location === "Before")
        created = this.model.insertParagraphAt(first, text, parents, like).id;
      else if (location === "After")
        created = this.model.insertParagraphAt(last + 1, text, parents, like).id;
      else if (location === "Start")
        created = this.model.insertParagraphAt(first, text, [control, ...parents], like).id;
      else if (location === "End")
        created = this.model.insertParagraphAt(last + 1, text, [control, ...parents], like).id;
      else throw officeError.invalidArgument(`ContentControl.insertParagraph("${location}")`);
    });
    return new FakeParagraph(this.context, () => created ?? null);
  }

  insertText(text: string, location: InsertLocation): void {
    this.context.enqueue(() => {
      const control = this.node();
      if (location !== "Replace")
        throw officeError.notModelled(`ContentControl.insertText("${location}")`);
      if (control.span) this.model.replaceInlineContent(control, text);
      else this.model.replaceControlContent(control, text);
    });
  }

  getRange(location: InsertLocation = "Whole"): FakeRange {
    return new FakeRange(this.context, () => {
      const control = this.node();
      if (location !== "Whole")
        throw officeError.notModelled(`ContentControl.getRange("${location}")`);
      if (control.span)
        return this.model.track({
          start: { ...control.span.start },
          end: { ...control.span.end },
          whole: false,
        });
      const last = control.paragraphs.at(-1)!;
      return this.model.track({
        start: { paragraph: control.paragraphs[0]!, offset: 0 },
        end: { paragraph: last, offset: this.model.paragraph(last).chars.length },
        whole: true,
      });
    });
  }

  delete(keepContent: boolean): void {
    this.context.enqueue(() => {
      const control = this.node();
      if (control.span) return this.model.deleteInlineControl(control, keepContent);
      if (control.cannotDelete)
        throw officeError.accessDenied(`deleting the locked content control "${control.tag}"`);
      // Word on the web: a cannotEdit control cannot be deleted at all (#3601).
      if (control.cannotEdit && this.model.platform === "web")
        throw officeError.accessDenied(
          `deleting the content control "${control.tag}" (cannotEdit, web)`
        );
      if (keepContent)
        this.model.controls = this.model.controls.filter((other) => other !== control);
      else this.model.deleteParagraphs(control.paragraphs);
    });
  }
}

// ---- pictures, results, events, body, document -----------------------------------------------

export class FakeInlinePicture extends FakeClientObject<number> {
  get width(): number {
    return this.get("width");
  }
  protected read(name: string): unknown {
    if (name === "width") return 100;
    throw officeError.notModelled(`InlinePicture.${name}`);
  }
}

export class FakeInlinePictureCollection extends FakeCollection<FakeInlinePicture, number> {
  protected item(id: number): FakeInlinePicture {
    return new FakeInlinePicture(this.context, () => id);
  }
  protected deferred(): number {
    throw officeError.notModelled("getFirst on pictures");
  }
}

export class FakeList extends FakeClientObject<number> {
  get id(): number {
    return this.get("id");
  }
  protected read(name: string): unknown {
    if (name === "id") return this.target("list");
    throw officeError.notModelled(`List.${name}`);
  }
}

export class FakeListItem extends FakeClientObject<number> {
  get level(): number {
    return this.get("level");
  }
  protected read(name: string): unknown {
    const node = this.model.paragraph(this.target("list item"));
    if (name === "level") return node.list?.level ?? 0;
    throw officeError.notModelled(`ListItem.${name}`);
  }
}

export class FakeClientResult<T> {
  private result: { value: T } | undefined;
  constructor(context: FakeRequestContext, compute: () => T) {
    context.enqueue(() => {
      this.result = { value: compute() };
    });
  }
  get value(): T {
    if (!this.result) throw officeError.propertyNotLoaded("value");
    return this.result.value;
  }
}

export class FakeEventHandlers {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly type: ParagraphEventType
  ) {}

  add(handler: (args: unknown) => Promise<unknown>): {
    context: FakeRequestContext;
    remove: () => void;
  } {
    let registration: object | undefined;
    this.context.enqueue(() => {
      this.context.requireApi("1.6", `Document.on${this.type}`);
      registration = this.context.host.addHandler(this.type, handler);
    });
    return {
      context: this.context,
      remove: () =>
        this.context.enqueue(() => {
          if (registration) this.context.host.removeHandler(registration);
        }),
    };
  }
}

export class FakeBody extends FakeClientObject<true> {
  constructor(context: FakeRequestContext) {
    super(context, () => true);
  }

  get text(): string {
    return this.get("text");
  }

  protected read(name: string): unknown {
    if (name === "text")
      return this.model.paragraphs.map((node) => this.model.rawText(node)).join("\r");
    throw officeError.notModelled(`Body.${name}`);
  }

  get paragraphs(): FakeParagraphCollection {
    return new FakeParagraphCollection(this.context, () =>
      this.model.paragraphs.map((node) => node.id)
    );
  }

  /** Only rich-text controls are listed (#2160, #6144). */
  get contentControls(): FakeContentControlCollection {
    return new FakeContentControlCollection(this.context, () =>
      this.model
        .controlsInOrder()
        .filter(isListed)
        .map((control) => control.id)
    );
  }

  /** Body.getContentControls (WordApi 1.5): the controls of the given types (default rich text). */
  getContentControls(options?: { types?: string[] }): FakeContentControlCollection {
    const types = options?.types ?? ["RichText"];
    return new FakeContentControlCollection(this.context, () => {
      this.context.requireApi("1.5", "Body.getContentControls");
      return this.model
        .controlsInOrder()
        .filter((control) => types.includes(control.type ?? "RichText"))
        .map((control) => control.id);
    });
  }

  get inlinePictures(): FakeInlinePictureCollection {
    return new FakeInlinePictureCollection(this.context, () =>
      Array.from({ length: this.model.pictures }, (_, index) => index)
    );
  }

  insertParagraph(text: string, location: InsertLocation): FakeParagraph {
    let created: number | undefined;
    this.context.enqueue(() => {
      if (location !== "Start" && location !== "End")
        throw officeError.invalidArgument(`Body.insertParagraph("${location}")`);
      const index = location === "Start" ? 0 : this.model.paragraphs.length;
      created = this.model.insertParagraphAt(index, text, []).id;
    });
    return new FakeParagraph(this.context, () => created ?? null);
  }

  getReviewedText(version: "Current" | "Original" = "Current"): FakeClientResult<string> {
    return new FakeClientResult(this.context, () => {
      this.context.requireApi("1.4", "Body.getReviewedText");
      return this.model.reviewedText(version);
    });
  }

  search(text: string, options: SearchOptions = {}): FakeRangeCollection {
    return searchIn(
      this.context,
      () => this.model.paragraphs.map((node) => node.id),
      text,
      options
    );
  }
}

export class FakeDocument extends FakeClientObject<true> {
  readonly body: FakeBody;

  constructor(context: FakeRequestContext) {
    super(context, () => true);
    this.body = new FakeBody(context);
  }

  get changeTrackingMode(): TrackingMode {
    return this.get("changeTrackingMode");
  }

  set changeTrackingMode(mode: TrackingMode) {
    this.context.enqueue(() => {
      this.context.requireApi("1.4", "Document.changeTrackingMode");
      if (!["Off", "TrackAll", "TrackMineOnly"].includes(mode))
        throw officeError.invalidArgument(`changeTrackingMode ${mode}`);
      this.model.trackingMode = mode;
    });
  }

  protected read(name: string): unknown {
    if (name === "changeTrackingMode") {
      this.context.requireApi("1.4", "Document.changeTrackingMode");
      if (this.model.faults.trackingModeLoadFails)
        throw new FakeOfficeError("GeneralException", "An internal error has occurred.");
      return this.model.trackingMode;
    }
    throw officeError.notModelled(`Document.${name}`);
  }

  getSelection(): FakeRange {
    return new FakeRange(
      this.context,
      () =>
        this.model.selection ??
        this.model.track({
          start: { paragraph: this.model.paragraphs[0]!.id, offset: 0 },
          end: { paragraph: this.model.paragraphs[0]!.id, offset: 0 },
          whole: false,
        })
    );
  }

  get onParagraphAdded(): FakeEventHandlers {
    return new FakeEventHandlers(this.context, "ParagraphAdded");
  }
  get onParagraphChanged(): FakeEventHandlers {
    return new FakeEventHandlers(this.context, "ParagraphChanged");
  }
  get onParagraphDeleted(): FakeEventHandlers {
    return new FakeEventHandlers(this.context, "ParagraphDeleted");
  }
}
