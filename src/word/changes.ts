/// <reference types="office-js" />
import { supportsParagraphEvents } from "./requirements.js";

/** Runs a batch against the document: `Word.run` in Word, the fake's `run` in tests. */
export type WordRunner = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

/** Runs a batch on an existing context (`Word.run(context, batch)`): events are removed so. */
export type WordRunnerWith = <T>(
  context: Word.RequestContext,
  batch: (context: Word.RequestContext) => Promise<T>
) => Promise<T>;

export interface ChangeOptions {
  /** Quiet time before the callback fires. */
  debounceMs?: number;
  run?: WordRunner;
  runWith?: WordRunnerWith;
}

export type Unsubscribe = () => Promise<void>;

/**
 * Call `callback` (debounced) when the document changes, so the task pane can analyse again.
 *
 * - WordApi 1.6: paragraph added/changed/deleted events. They also fire for Klarbrev's own edits
 *   and have been unreliable on Mac (office-js #3864, #5400), so they are not the only source.
 * - Everywhere (below 1.6 the only source): the common API's DocumentSelectionChanged, which
 *   fires as the user types or moves; a cheap checksum of the body text says whether the text
 *   changed. No polling: nothing runs while the user does nothing.
 *
 * Handlers are removed inside `Word.run(handler.context, ...)`, as Microsoft's event article shows
 * (https://learn.microsoft.com/office/dev/add-ins/word/word-add-ins-events): the batch that added
 * them has ended, and its context cannot be synced on its own any more.
 */
export async function onDocumentChanged(
  callback: () => void,
  options: ChangeOptions = {}
): Promise<Unsubscribe> {
  const debounceMs = options.debounceMs ?? 800;
  const run: WordRunner = options.run ?? ((batch) => Word.run(batch));
  // Word.run(context, batch) is what Microsoft's event article uses to remove handlers; the
  // typings only declare the object overloads, hence the cast.
  const runWith: WordRunnerWith =
    options.runWith ??
    ((context, batch) => (Word.run as unknown as WordRunnerWith)(context, batch));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let active = true;
  const changed = () => {
    if (!active) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (active) callback();
    }, debounceMs);
  };

  let handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];
  if (supportsParagraphEvents()) {
    handlers = await run(async (context) => {
      const onChange = async () => changed();
      const registered = [
        context.document.onParagraphAdded.add(onChange),
        context.document.onParagraphChanged.add(onChange),
        context.document.onParagraphDeleted.add(onChange),
      ];
      await context.sync();
      return registered;
    });
  }

  let last: number | undefined;
  let busy = false;
  const compare = async () => {
    if (busy || !active) return;
    busy = true;
    try {
      const text = await run(async (context) => {
        const body = context.document.body;
        body.load("text");
        await context.sync();
        return body.text;
      });
      const sum = checksum(text);
      if (last !== undefined && sum !== last) changed();
      last = sum;
    } catch {
      // The document may be busy (a dialog is open); the next selection change tries again.
    } finally {
      busy = false;
    }
  };
  await compare();
  const onSelection = () => void compare();
  const selectionEvents = await addSelectionHandler(onSelection);

  return async () => {
    active = false;
    if (timer) clearTimeout(timer);
    if (selectionEvents) await removeSelectionHandler(onSelection);
    const first = handlers[0];
    if (first) {
      await runWith(first.context as Word.RequestContext, async (context) => {
        for (const handler of handlers) handler.remove();
        await context.sync();
      });
    }
  };
}

/** DocumentSelectionChanged (Office common API); false where the host does not offer it. */
function addSelectionHandler(handler: () => void): Promise<boolean> {
  const document = Office.context?.document;
  if (typeof document?.addHandlerAsync !== "function") return Promise.resolve(false);
  return new Promise((resolve) => {
    document.addHandlerAsync(Office.EventType.DocumentSelectionChanged, handler, (result) =>
      resolve(result.status !== Office.AsyncResultStatus.Failed)
    );
  });
}

function removeSelectionHandler(handler: () => void): Promise<void> {
  return new Promise((resolve) => {
    Office.context.document.removeHandlerAsync(
      Office.EventType.DocumentSelectionChanged,
      { handler },
      () => resolve()
    );
  });
}

/** FNV-1a over UTF-16 code units: cheap, good enough to notice a change. */
export function checksum(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
