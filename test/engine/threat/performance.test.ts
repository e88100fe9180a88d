import type { Root } from "nlcst";
import { unified } from "unified";
import { VFile } from "vfile";
import { classifyText } from "../../../src/engine/letter/classify.js";
import { retextDanishSentences } from "../../../src/engine/nlcst/danish-sentences.js";
import { retextLetter } from "../../../src/engine/nlcst/letter-parser.js";
import { retextLanguage } from "../../../src/engine/rules/language/detect.js";
import { threatPreset } from "../../../src/engine/rules/threat/index.js";
import { longLetter } from "../../support/long-letter.js";

/** About 100 pages: the body paragraphs of the "before" letters, over and over. */
function hundredPages(): string {
  return longLetter([
    "indkaldelse-foer.txt",
    "afgoerelse-praktik-foer.txt",
    "indkaldelse-sygeopfoelgning-foer.txt",
  ]);
}

test("threat framing on a 100-page letter stays fast", () => {
  const text = hundredPages();
  const file = new VFile({ value: text });
  file.data.letter = classifyText(text);
  file.data.options = { lixTarget: 35 };
  const processor = unified().use(retextLetter).use(retextDanishSentences).use(retextLanguage);
  const tree = processor.parse(file) as Root;
  processor.runSync(tree, file);

  const threat = unified().use(threatPreset);
  const started = performance.now();
  threat.runSync(tree, file);
  const elapsed = performance.now() - started;

  expect(file.data.threat!.count).toBeGreaterThan(300);
  expect(elapsed).toBeLessThan(3000);
});
