/// <reference types="office-js" />
import { readLetter } from "../../src/word/read.js";
import { selectText } from "../../src/word/select.js";
import { WordFake } from "../support/word-fake/index.js";
import { fakeFromLetter } from "./support.js";

let fake: WordFake;
let restore: () => void;

afterEach(() => restore?.());

function selected(): string {
  return fake.model.rangeText(fake.model.selection!);
}

describe("selectText: show a finding in the document", () => {
  test("selects the exact text of the finding, the right occurrence, in two syncs", async () => {
    fake = fakeFromLetter("indkaldelse-foer");
    restore = fake.install();
    const word = await readLetter(fake.context());
    const block = word.letter.blocks.find((candidate) => candidate.text.startsWith("VIGTIGT"))!;
    const at =
      block.start + block.text.indexOf("udeblivelse", block.text.indexOf("udeblivelse") + 1);
    fake.syncCount = 0;
    const result = await selectText(fake.context(), word, at, at + "udeblivelse".length);
    expect(result).toEqual({ exact: true });
    expect(fake.syncCount).toBe(2);
    expect(selected()).toBe("udeblivelse");
    // The second "udeblivelse" of the paragraph, not the first.
    const selection = fake.model.selection!;
    const raw = fake.model.rawText(fake.model.paragraph(selection.start.paragraph));
    expect(selection.start.offset).toBe(raw.indexOf("udeblivelse", raw.indexOf("udeblivelse") + 1));
  });

  test("a finding across two paragraphs of a legal block selects from the first to the second", async () => {
    fake = fakeFromLetter("afgoerelse-med-klagevejledning");
    restore = fake.install();
    const word = await readLetter(fake.context());
    const legal = word.letter.blocks.find((candidate) => candidate.kind === "legal")!;
    const start = legal.start + legal.text.indexOf("Viborg.");
    const end =
      legal.start + legal.text.indexOf("Jobcentret vurderer") + "Jobcentret vurderer".length;
    await selectText(fake.context(), word, start, end);
    expect(selected()).toBe("Viborg.\rJobcentret vurderer");
  });

  test("text Word cannot find exactly selects the whole paragraph instead", async () => {
    fake = new WordFake({
      paragraphs: [{ text: 'Skriv \u201cja\u201d eller "ja" på blanketten.' }],
    });
    restore = fake.install();
    const word = await readLetter(fake.context());
    const at = word.letter.text.indexOf('"ja"');
    const result = await selectText(fake.context(), word, at, at + 4);
    expect(result).toEqual({ exact: false });
    expect(selected()).toBe(word.letter.text);
  });
});
