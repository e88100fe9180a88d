/// <reference types="office-js" />
import { supportsParagraphEvents } from "./requirements.js";

/** Runs a batch against the document: `Word.run` in Word, the fake's `run` in tests. */
export type WordRunner = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

export interface ChangeOptions {
  /** Quiet time before the callback fires. */
  debounceMs?: number;
  /** Polling interval where paragraph events are missing (WordApi < 1.6). */
  pollMs?: number;
  run?: WordRunner;
}

export type Unsubscribe = () => Promise<void>;

/**
 * Call `callback` (debounced) when the document changes, so the task pane can analyse again.
 * With WordApi 1.6: paragraph added/changed/deleted events. Below that: a cheap checksum of the
 * body text every few seconds. Returns a function that stops listening.
 */
export async function onDocumentChanged(
  callback: () => void,
  options: ChangeOptions = {}
): Promise<Unsubscribe> {
  const debounceMs = options.debounceMs ?? 800;
  const run: WordRunner = options.run ?? ((batch) => Word.run(batch));
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
  const stopTimer = () => {
    active = false;
    if (timer) clearTimeout(timer);
  };

  if (supportsParagraphEvents()) {
    const handlers = await run(async (context) => {
      const onChange = async () => changed();
      const registered = [
        context.document.onParagraphAdded.add(onChange),
        context.document.onParagraphChanged.add(onChange),
        context.document.onParagraphDeleted.add(onChange),
      ];
      await context.sync();
      return registered;
    });
    return async () => {
      stopTimer();
      for (const handler of handlers) handler.remove();
      await handlers[0]?.context.sync();
    };
  }

  const pollMs = options.pollMs ?? 3000;
  let last: number | undefined;
  let busy = false;
  const poll = async () => {
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
      // The document may be busy (a dialog is open); try again next time.
    } finally {
      busy = false;
    }
  };
  await poll();
  const interval = setInterval(() => void poll(), pollMs);
  return async () => {
    stopTimer();
    clearInterval(interval);
  };
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
