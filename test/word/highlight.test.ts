/// <reference types="office-js" />
import { readLetter } from "../../src/word/read.js";
import { selectText } from "../../src/word/select.js";
import type { WordFake } from "../support/word-fake/index.js";
import { fakeFromLetter } from "./support.js";

/**
 * Issue 11 §3: in Word, "Vis i dokumentet" also highlights the finding's words with
 * Range.highlight() where the host has WordApi 1.8 (a temporary highlight, never document
 * content); below 1.8 it only selects, and the strict fake refuses the 1.8 call there.
 */
let fake: WordFake;
let restore: () => void;
afterEach(() => restore?.());

async function show(wordApi: string) {
  fake = fakeFromLetter("indkaldelse-foer", { wordApi });
  restore = fake.install();
  const word = await readLetter(fake.context());
  const at = word.letter.text.indexOf("udeblivelse");
  const before = word.letter.text;
  await selectText(fake.context(), word, at, at + "udeblivelse".length);
  const after = (await readLetter(fake.context())).letter.text;
  return { before, after };
}

describe("the finding's words in Word", () => {
  test("WordApi 1.8: selected and temporarily highlighted, the text unchanged", async () => {
    const { before, after } = await show("1.8");
    expect(fake.model.rangeText(fake.model.selection!)).toBe("udeblivelse");
    expect(fake.model.rangeText(fake.model.highlight!)).toBe("udeblivelse");
    expect(after).toBe(before);
  });

  test("below WordApi 1.8: selection only", async () => {
    await show("1.6");
    expect(fake.model.rangeText(fake.model.selection!)).toBe("udeblivelse");
    expect(fake.model.highlight).toBeUndefined();
  });
});
