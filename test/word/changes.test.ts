/// <reference types="office-js" />
import { checksum, onDocumentChanged } from "../../src/word/changes.js";
import type { WordFake } from "../support/word-fake/index.js";
import { fakeFromLetter } from "./support.js";

let fake: WordFake;
let restore: () => void;

afterEach(() => restore?.());

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("onDocumentChanged: the live re-analysis hook", () => {
  test("WordApi 1.6: paragraph events, debounced into one callback; unsubscribe removes the handlers", async () => {
    fake = fakeFromLetter("indkaldelse-efter", { wordApi: "1.6" });
    restore = fake.install();
    let calls = 0;
    const unsubscribe = await onDocumentChanged(() => calls++, {
      debounceMs: 20,
      run: fake.run,
      runWith: fake.runWith,
    });
    expect(fake.handlerCount).toBe(3);
    await fake.userTypes(4, " Vi");
    await fake.userTypes(4, " ses.");
    await wait(50);
    expect(calls).toBe(1);
    await unsubscribe();
    expect(fake.handlerCount).toBe(0);
    await fake.userTypes(4, " Tak.");
    await wait(50);
    expect(calls).toBe(1);
  });

  // Issue 10, item 9: the handlers were removed by syncing the context of a batch that had
  // ended; Word wants a new batch on that context (Word.run(context, ...)).
  test("the handlers are removed in a new batch on their context, not by syncing an ended one", async () => {
    fake = fakeFromLetter("indkaldelse-efter", { wordApi: "1.6" });
    restore = fake.install();
    const unsubscribe = await onDocumentChanged(() => undefined, {
      run: fake.run,
      runWith: fake.runWith,
    });
    await expect(unsubscribe()).resolves.toBeUndefined();
    expect(fake.handlerCount).toBe(0);
  });

  test("below WordApi 1.6: the selection-changed event and a checksum, no polling", async () => {
    fake = fakeFromLetter("indkaldelse-efter", { wordApi: "1.3" });
    restore = fake.install();
    let calls = 0;
    const unsubscribe = await onDocumentChanged(() => calls++, { debounceMs: 5, run: fake.run });
    expect(fake.handlerCount).toBe(0);
    const reads = fake.syncCount;
    await wait(40);
    expect(fake.syncCount).toBe(reads);
    expect(calls).toBe(0);
    await fake.userTypes(4, " Vi ses.");
    await wait(40);
    expect(calls).toBe(1);
    await unsubscribe();
    await fake.userTypes(4, " Tak.");
    await wait(40);
    expect(calls).toBe(1);
    expect(fake.syncCount).toBe(reads + 1);
  });

  test("the checksum notices a one-letter change and is stable", () => {
    expect(checksum("Du får kontanthjælp.")).toBe(checksum("Du får kontanthjælp."));
    expect(checksum("Du får kontanthjælp.")).not.toBe(checksum("Du får kontanthjælp!"));
  });
});
