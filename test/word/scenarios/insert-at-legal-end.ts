/// <reference types="office-js" />
import { applyEdits } from "../../../src/word/apply.js";
import { countOccurrences, occurrenceAt } from "../../../src/word/locate-text.js";
import { readLetter } from "../../../src/word/read.js";
import { documentFromText, WordFake } from "../../support/word-fake/index.js";

/** Self-contained (a bundle's import.meta.url is not the test folder): a multi-paragraph block. */
const LETTER = [
  "Kære Mette Larsen",
  "",
  "Du skal være i virksomhedspraktik hos Viborg Genbrug fra mandag den 7. december 2026.",
  "",
  '<!-- klarbrev:legal id="klagevejledning" version="3" title="Klagevejledning" -->',
  "Klagevejledning",
  "Du kan klage over afgørelsen. Klagen skal være modtaget senest 4 uger efter, at du har fået dette brev.",
  "Jobcentret vurderer sagen igen. Hvis jobcentret fastholder afgørelsen, sender vi klagen videre til Ankestyrelsen.",
  "<!-- /klarbrev:legal -->",
].join("\n");

/** Counting an empty needle (it never advanced before the fix). */
export async function emptyNeedle(): Promise<[number, number | null]> {
  return [countOccurrences("Du kan klage.", ""), occurrenceAt("Du kan klage.", "", 3) ?? null];
}

/**
 * Bug (issue 12.2): a zero-length insertion at the end of a multi-paragraph legal block was mapped
 * past the block's first paragraph, queueTarget searched for "" and countOccurrences never
 * returned. Run in a worker by test/word/legal-paths.test.ts, so a hang fails the test.
 */
export async function run(): Promise<{
  reasons: string[];
  applied: number;
  unchanged: boolean;
  paragraphs: number;
}> {
  const fake = new WordFake(documentFromText(LETTER));
  const restore = fake.install();
  try {
    const word = await readLetter(fake.context());
    const legal = word.letter.blocks.findIndex((block) => block.kind === "legal");
    const before = fake.currentParagraphs();
    const at = word.letter.blocks[legal]!.end;
    const result = await applyEdits(fake.context(), word, [
      { kind: "replace", start: at, end: at, text: " INDSAT" },
    ]);
    return {
      reasons: result.refused.map((refusal) => refusal.reason),
      applied: result.applied.length,
      unchanged: JSON.stringify(fake.currentParagraphs()) === JSON.stringify(before),
      paragraphs: word.sources[legal]!.paragraphs.length,
    };
  } finally {
    restore();
  }
}
