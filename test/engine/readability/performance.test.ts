import { readFileSync } from "node:fs";
import type { Root } from "nlcst";
import { unified } from "unified";
import { VFile } from "vfile";
import { classifyText } from "../../../src/engine/letter/classify.js";
import type { Language } from "../../../src/engine/types.js";
import { processor } from "../../../src/engine/processor.js";
import { readabilityPreset } from "../../../src/engine/rules/readability/index.js";
import { expectLinear, growth } from "../../support/growth.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/letters/${name}`, import.meta.url), "utf8");

/** About 100 pages: a sample letter repeated until it has `words` words. */
function pages(name: string, words = 25_000): string {
  const one = fixture(name);
  const count = Math.ceil(words / one.split(/\s+/u).length);
  return Array.from({ length: count }, () => one).join("\n\n");
}

interface Parsed {
  tree: Root;
  file: VFile;
}

/** A letter parsed once; the readability rules run alone on a fresh copy each time. */
function parsed(text: string, language: Language): Parsed {
  const file = new VFile({ value: text });
  file.data.letter = classifyText(text);
  file.data.options = { lixTarget: 35, language };
  file.data.language = language;
  return { tree: processor().parse(file) as Root, file };
}

/** Counts are cached per tree: a fresh tree and file for each run. */
function fresh({ tree, file }: Parsed): Parsed {
  const copy = new VFile({ value: file.value });
  copy.data = { ...file.data };
  return { tree: structuredClone(tree), file: copy };
}

function run({ tree, file }: Parsed): VFile {
  rules.runSync(tree, file);
  return file;
}

const rules = unified().use(readabilityPreset);

// Complexity, not speed (bench/ measures speed): 4x the words may take at most about 4x the time.
describe("readability grows linearly (10,000 to 40,000 words)", () => {
  test.each([
    ["Danish", "indkaldelse-foer.txt", "da"],
    ["English", "indkaldelse-moede-en.txt", "en"],
  ] as const)("a %s letter", (_name, fixture, language) => {
    const make = (scale: number) => parsed(pages(fixture, 10_000 * scale), language);
    expect(run(fresh(make(1))).data.readability?.words).toBeGreaterThan(8_000);
    expectLinear(growth(make, run, { fresh, runs: 3 }));
  });
});
