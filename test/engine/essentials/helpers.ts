import { readFileSync } from "node:fs";
import { classifyText } from "../../../src/engine/letter/classify.js";
import type { Letter } from "../../../src/engine/letter/model.js";
import type { Fact, FactKind } from "../../../src/engine/types.js";

export const FIXTURES = [
  "indkaldelse-foer",
  "indkaldelse-efter",
  "afgoerelse-praktik-foer",
  "partshoering-foer",
] as const;

export function readFixture(name: string): string {
  const path = name.includes("/") ? name : `test/fixtures/letters/${name}.txt`;
  return readFileSync(path, "utf8");
}

export function fixtureLetter(name: string): Letter {
  return classifyText(readFixture(name));
}

export const LEGAL_FIXTURE = "test/engine/essentials/fixtures/indkaldelse-foer-legal.txt";

/** A letter with a real header (address, date line, subject, greeting) around the body. */
export function letterWithBody(body: string, subject = "Indkaldelse til samtale"): Letter {
  return classifyText(
    `Jobcenter Randers\nLaksetorvet 1\n8900 Randers C\n\nRanders, den 20. november 2026\n\n${subject}\n\nKære Jens Hansen\n\n${body}\n\nMed venlig hilsen\n\nBirgitte Holm\nJobkonsulent`
  );
}

/**
 * The fact of `kind` written exactly as `text` (its `occurrence`-th appearance in the letter):
 * asserts its offsets are exact and returns it. Searching starts at `searchFrom`.
 */
export function factWritten(
  letter: Letter,
  facts: readonly Fact[],
  kind: FactKind,
  text: string,
  occurrence = 0,
  searchFrom = 0
): Fact {
  let start = searchFrom - 1;
  for (let i = 0; i <= occurrence; i++) start = letter.text.indexOf(text, start + 1);
  if (start < 0) throw new Error(`"${text}" is not in the letter`);
  const fact = facts.find((candidate) => candidate.kind === kind && candidate.start === start);
  if (!fact) {
    const seen = facts.map((f) => `${f.kind}:${JSON.stringify(f.text)}@${f.start}`).join(", ");
    throw new Error(`no ${kind} fact "${text}" at ${start}; facts: ${seen}`);
  }
  expect(fact.end).toBe(start + text.length);
  expect(fact.text).toBe(text);
  expect(letter.text.slice(fact.start, fact.end)).toBe(fact.text);
  return fact;
}

export function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}
