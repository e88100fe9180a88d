import type { Root } from "nlcst";
import { unified } from "unified";
import { VFile } from "vfile";
import { classifyText } from "../../../src/engine/letter/classify.js";
import { retextDanishSentences } from "../../../src/engine/nlcst/danish-sentences.js";
import { retextLetter } from "../../../src/engine/nlcst/letter-parser.js";
import { retextLanguage } from "../../../src/engine/rules/language/detect.js";
import { threatPreset } from "../../../src/engine/rules/threat/index.js";
import { expectLinear, growth } from "../../support/growth.js";
import { longLetter } from "../../support/long-letter.js";

/** `scale` x 50 pages: the body paragraphs of the "before" letters, over and over, parsed. */
function parsed(scale: number): { tree: Root; file: VFile } {
  const text = longLetter(
    ["indkaldelse-foer.txt", "afgoerelse-praktik-foer.txt", "indkaldelse-sygeopfoelgning-foer.txt"],
    20_000 * scale
  );
  const file = new VFile({ value: text });
  file.data.letter = classifyText(text);
  file.data.options = { lixTarget: 35 };
  const processor = unified().use(retextLetter).use(retextDanishSentences).use(retextLanguage);
  const tree = processor.parse(file) as Root;
  processor.runSync(tree, file);
  return { tree, file };
}

const threat = unified().use(threatPreset);

test("threat framing grows linearly with the letter (50 to 200 pages)", () => {
  const run = ({ tree, file }: { tree: Root; file: VFile }) => {
    const copy = new VFile({ value: file.value });
    copy.data = { ...file.data };
    threat.runSync(tree, copy);
    return copy;
  };
  const hundred = run(parsed(4));
  expect(hundred.data.threat!.count).toBeGreaterThan(300);
  expectLinear(growth(parsed, run));
});
