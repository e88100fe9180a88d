// The bench's Danish letter of a given length, shared by the engine and rule-family benches: the
// corpus letters' body paragraphs, repeated (each repeat varied, see vary) inside a real letter
// frame (address, date, subject, greeting, closing).
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const LETTERS = fileURLToPath(new URL("../test/fixtures/letters", import.meta.url));
export const WORDS_PER_PAGE = 400;

/** A Danish letter of about `words` words; `classifyText` is the engine's (dist/engine). */
export function buildLetter(classifyText, words) {
  const paragraphs = [];
  for (const name of readdirSync(LETTERS).sort()) {
    if (!/\.(txt|md)$/u.test(name) || name.endsWith("-en.txt")) continue;
    const text = readFileSync(`${LETTERS}/${name}`, "utf8");
    const letter = classifyText(text, { format: name.endsWith(".md") ? "md" : "txt" });
    for (const block of letter.blocks) {
      if (block.kind === "paragraph" && countWords(block.text) >= 8) paragraphs.push(block.text);
    }
  }
  const head = [
    "Jobcenter Randers\nLaksetorvet 1\n8900 Randers C",
    "Randers, den 20. november 2026",
    "Din sag om kontanthjælp",
    "Kære Jens",
  ];
  const tail = ["Med venlig hilsen", "Birgitte Holm\nJobkonsulent"];
  const body = [];
  let count = countWords([...head, ...tail].join("\n"));
  for (let i = 0; count < words; i++) {
    const paragraph = vary(paragraphs[i % paragraphs.length], Math.floor(i / paragraphs.length));
    body.push(paragraph);
    count += countWords(paragraph);
  }
  return [...head, ...body, ...tail].join("\n\n");
}

/**
 * The corpus has about 70 body paragraphs (6 pages): a longer letter repeats them. The rules
 * remember per sentence and block text, so a repeated paragraph would be read once and found
 * again: unfair to the bare parse, which reads every word. The k-th repeat (k >= 1) therefore
 * gets a sentence adverb after the first or second word of each sentence, different for each
 * repeat, so every sentence of the letter is new to the rules.
 */
function vary(paragraph, repeat) {
  if (repeat === 0) return paragraph;
  // Sentence adverbs that fit almost any Danish main clause.
  const ADVERBS = [
    "også",
    "nu",
    "derfor",
    "altså",
    "stadig",
    "igen",
    "faktisk",
    "jo",
    "dog",
    "især",
  ];
  const adverb = ADVERBS[(repeat - 1) % ADVERBS.length];
  const after = 1 + (Math.floor((repeat - 1) / ADVERBS.length) % 2);
  return paragraph
    .split(/(?<=[.!?:])\s+/u)
    .map((sentence) => {
      const words = sentence.split(" ");
      if (words.length <= after) return sentence;
      return [...words.slice(0, after), adverb, ...words.slice(after)].join(" ");
    })
    .join(" ");
}

export function countWords(text) {
  return text.split(/\s+/u).filter(Boolean).length;
}
