/**
 * The part of the `Office` global the adapter uses: requirement sets (configurable per test),
 * document settings (saved as JSON, like Word), and AsyncResultStatus.
 */

export type ApiVersions = Record<string, string>;

export interface FakeAsyncResult {
  status: "succeeded" | "failed";
  value: undefined;
  error?: { message: string };
}

export class FakeSettings {
  private values = new Map<string, string>();
  /** What is in the document file: only what saveAsync wrote. */
  readonly saved = new Map<string, unknown>();
  failNextSave = false;

  get(name: string): unknown {
    const json = this.values.get(name);
    return json === undefined ? null : JSON.parse(json);
  }

  set(name: string, value: unknown): void {
    this.values.set(name, JSON.stringify(value));
  }

  remove(name: string): void {
    this.values.delete(name);
  }

  saveAsync(callback?: (result: FakeAsyncResult) => void): void {
    const failed = this.failNextSave;
    this.failNextSave = false;
    setTimeout(() => {
      if (!failed) {
        this.saved.clear();
        for (const [name, json] of this.values) this.saved.set(name, JSON.parse(json));
      }
      callback?.(
        failed
          ? { status: "failed", value: undefined, error: { message: "Save failed" } }
          : { status: "succeeded", value: undefined }
      );
    }, 0);
  }
}

type SelectionHandler = (args: { type: string }) => unknown;

/**
 * Office.context.document's event handlers (common API, Office 2013+): only
 * DocumentSelectionChanged is modelled. Handlers are added and removed asynchronously.
 */
export class FakeDocumentEvents {
  readonly handlers = new Set<SelectionHandler>();

  addHandlerAsync(
    type: string,
    handler: SelectionHandler,
    callback?: (result: FakeAsyncResult) => void
  ): void {
    if (type !== "documentSelectionChanged") throw new Error(`event ${type} is not modelled`);
    setTimeout(() => {
      this.handlers.add(handler);
      callback?.({ status: "succeeded", value: undefined });
    }, 0);
  }

  removeHandlerAsync(
    type: string,
    options: { handler?: SelectionHandler },
    callback?: (result: FakeAsyncResult) => void
  ): void {
    if (type !== "documentSelectionChanged") throw new Error(`event ${type} is not modelled`);
    setTimeout(() => {
      if (options.handler) this.handlers.delete(options.handler);
      else this.handlers.clear();
      callback?.({ status: "succeeded", value: undefined });
    }, 0);
  }

  async fireSelectionChanged(): Promise<void> {
    for (const handler of [...this.handlers]) await handler({ type: "documentSelectionChanged" });
  }
}

/**
 * Office.context.document.customXmlParts (common API, CustomXmlParts 1.1): parts are stored in
 * the document as added (a part belongs to the document, not to one add-in's settings).
 */
export class FakeCustomXmlParts {
  readonly parts = new Map<string, string>();
  private next = 1;

  addAsync(xml: string, callback?: (result: { status: string; value?: unknown }) => void): void {
    if (!/^\s*<[^>]+xmlns="[^"]+"/u.test(xml)) throw new Error("a part needs a namespace");
    const id = `{fake-part-${this.next++}}`;
    setTimeout(() => {
      this.parts.set(id, xml);
      callback?.({ status: "succeeded", value: this.part(id) });
    }, 0);
  }

  getByNamespaceAsync(
    namespace: string,
    callback: (result: { status: string; value: unknown[] }) => void
  ): void {
    setTimeout(() => {
      const ids = [...this.parts].filter(([, xml]) => xml.includes(`xmlns="${namespace}"`));
      callback({ status: "succeeded", value: ids.map(([id]) => this.part(id)) });
    }, 0);
  }

  private part(id: string) {
    return {
      id,
      getXmlAsync: (callback: (result: { status: string; value: string }) => void) =>
        setTimeout(() => callback({ status: "succeeded", value: this.parts.get(id) ?? "" }), 0),
      deleteAsync: (callback?: (result: { status: string }) => void) =>
        setTimeout(() => {
          this.parts.delete(id);
          callback?.({ status: "succeeded" });
        }, 0),
    };
  }
}

export function createFakeOffice(
  versions: ApiVersions,
  settings: FakeSettings,
  customXmlParts: FakeCustomXmlParts = new FakeCustomXmlParts()
) {
  const events = new FakeDocumentEvents();
  return {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DocumentSelectionChanged: "documentSelectionChanged" },
    context: {
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const available = versions[name];
          if (available === undefined) return false;
          return compare(available, String(minVersion ?? "1.1")) >= 0;
        },
      },
      document: {
        settings,
        customXmlParts,
        addHandlerAsync: events.addHandlerAsync.bind(events),
        removeHandlerAsync: events.removeHandlerAsync.bind(events),
        fireSelectionChanged: events.fireSelectionChanged.bind(events),
        get selectionHandlerCount() {
          return events.handlers.size;
        },
      },
    },
  };
}

export function compare(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
