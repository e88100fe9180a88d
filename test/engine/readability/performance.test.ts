import { readFileSync } from "node:fs";
import type { Root } from "nlcst";
import { unified } from "unified";
import { VFile } from "vfile";
import { classifyText } from "../../../src/engine/letter/classify.js";
import type { Language } from "../../../src/engine/types.js";
import { processor } from "../../../src/engine/processor.js";
import { readabilityPreset } from "../../../src/engine/rules/readability/index.js";
import { timeBound } from "../../support/time-bound.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/letters/${name}`, import.meta.url), "utf8");

/** About 100 pages: a sample letter repeated until it has `words` words. */
function pages(name: string, words = 25_000): string {
  const one = fixture(name);
  const count = Math.ceil(words / one.split(/\s+/u).length);
  return Array.from({ length: count }, () => one).join("\n\n");
}

/** Best of three runs of the readability rules alone on an already parsed tree, in ms. */
function readabilityTime(text: string, language: Language): number {
  const file = new VFile({ value: text });
  file.data.letter = classifyText(text);
  file.data.options = { lixTarget: 35, language };
  const tree = processor().parse(file) as Root;
  const rules = unified().use(readabilityPreset);
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const copy = new VFile({ value: text });
    copy.data = { ...file.data, language };
    // A fresh tree each run: the shared counts are cached per tree.
    const fresh = structuredClone(tree);
    const started = performance.now();
    rules.runSync(fresh, copy);
    best = Math.min(best, performance.now() - started);
    expect(copy.data.readability?.words).toBeGreaterThan(20_000);
  }
  return best;
}

// Measured at 15-50 ms (Danish) and 40-75 ms (English), also under a full parallel test run;
// the bounds catch quadratic work (seconds), not jitter.
describe("readability on 100 pages", () => {
  test("a Danish letter of 25,000 words", () => {
    expect(readabilityTime(pages("indkaldelse-foer.txt"), "da")).toBeLessThan(timeBound(150));
  });

  test("an English letter of 25,000 words", () => {
    expect(readabilityTime(pages("indkaldelse-moede-en.txt"), "en")).toBeLessThan(timeBound(250));
  });
});
