import type { Root } from "nlcst";
import { unified, type Processor } from "unified";
import { retextDanishSentences } from "./nlcst/danish-sentences.js";
import { retextLetter } from "./nlcst/letter-parser.js";
import { essentialsPreset } from "./rules/essentials/index.js";
import { retextLanguage } from "./rules/language/detect.js";
import { legalPreset } from "./rules/legal/index.js";
import { plainPreset } from "./rules/plain/index.js";
import { readabilityPreset } from "./rules/readability/index.js";
import { threatPreset } from "./rules/threat/index.js";

/**
 * The one Klarbrev processor. Order matters: essentials run before threat framing (a threat placed
 * before the essentials weighs more) and before the legal check (it needs the letter type and
 * the deadline facts).
 */
export function createProcessor(): Processor<Root, Root, Root> {
  return unified()
    .use(retextLetter)
    .use(retextDanishSentences)
    .use(retextLanguage)
    .use(readabilityPreset)
    .use(plainPreset)
    .use(essentialsPreset)
    .use(threatPreset)
    .use(legalPreset)
    .freeze() as unknown as Processor<Root, Root, Root>;
}

let shared: Processor<Root, Root, Root> | undefined;

export function processor(): Processor<Root, Root, Root> {
  return (shared ??= createProcessor());
}
