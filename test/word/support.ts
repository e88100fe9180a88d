/// <reference types="office-js" />
import { readFileSync } from "node:fs";
import { classifyText } from "../../src/engine/letter/classify.js";
import type { BlockKind } from "../../src/engine/letter/model.js";
import { documentFromText, WordFake, type WordFakeOptions } from "../support/word-fake/index.js";

/** Shared set-up for the Word adapter tests: real Danish letters as fake Word documents. */

export const LETTERS = [
  "indkaldelse-foer",
  "indkaldelse-efter",
  "afgoerelse-praktik-foer",
  "partshoering-foer",
];

export function letterText(name: string): string {
  const path =
    name === "afgoerelse-med-klagevejledning"
      ? new URL(`./fixtures/${name}.txt`, import.meta.url)
      : new URL(`../fixtures/letters/${name}.txt`, import.meta.url);
  return readFileSync(path, "utf8");
}

export function fakeFromLetter(
  name: string,
  options: Partial<Omit<WordFakeOptions, "paragraphs" | "controls">> & { spacers?: boolean } = {}
): WordFake {
  const { spacers, ...rest } = options;
  return new WordFake({
    ...documentFromText(letterText(name), spacers === undefined ? {} : { spacers }),
    ...rest,
  });
}

/** Per non-empty line of a text letter: the kind the engine's text classifier gives it. */
export function lineKinds(text: string): { text: string; kind: BlockKind }[] {
  const letter = classifyText(text);
  const lines: { text: string; kind: BlockKind }[] = [];
  for (const block of letter.blocks) {
    for (const line of block.text.split("\n")) {
      if (line.trim()) lines.push({ text: line.trim(), kind: block.kind });
    }
  }
  return lines;
}

/** Install the fake's Office global for each test of a describe block. */
export function useOffice(get: () => WordFake): void {
  let restore: (() => void) | undefined;
  beforeEach(() => {
    restore = get().install();
  });
  afterEach(() => restore?.());
}
