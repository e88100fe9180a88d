import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { PROSE_KINDS } from "../../letter/model.js";
import { report } from "../../report.js";
import type { ReadabilityScores } from "../../types.js";
import { statsOf, textCounts, type RawCounts } from "./counts.js";

export const DEFAULT_TARGET = 35;

/**
 * LIX for the whole letter and for the caseworker's own prose (paragraphs and list items),
 * stored in `file.data.readability`. Danish letters whose prose is above the target get one
 * `readability/lix` warning on the first prose block.
 */
export function retextLix() {
  return (tree: Root, file: VFile): void => {
    const stats = statsOf(tree, file);
    const target = file.data.options?.lixTarget ?? DEFAULT_TARGET;
    const prose = textCounts(stats.prose);
    const scores: ReadabilityScores = {
      ...textCounts(stats.all),
      prose,
      target,
      meetsTarget: prose.words === 0 || prose.lix <= target,
    };
    file.data.readability = scores;

    if (scores.meetsTarget || file.data.language === "en") return;
    const first = file.data.letter?.blocks.find((block) => PROSE_KINDS.has(block.kind));
    if (!first) return;
    report(file, {
      ruleId: "readability/lix",
      severity: "warning",
      message: `Brevets LIX er ${formatDa(prose.lix)} (${prose.lixBand}). Målet for breve til borgere er højst ${target}.`,
      start: first.start,
      end: first.end,
      suggestion: {
        text: "Skriv kortere sætninger, og brug kortere ord.",
        explanation: explain(stats.prose),
      },
      details: { lix: prose.lix, band: prose.lixBand, target, ...stats.prose },
    });
  };
}

/** Says which half of LIX to work on: sentence length or long words. */
function explain(counts: RawCounts): string {
  const perSentence = counts.words / counts.sentences;
  const longShare = (100 * counts.longWords) / counts.words;
  return (
    `LIX er ord pr. sætning plus andelen af lange ord (over 6 bogstaver). Her er der i gennemsnit ` +
    `${formatDa(round1(perSentence))} ord pr. sætning og ${formatDa(round1(longShare))} % lange ord. ` +
    `Sigt efter højst 15 ord pr. sætning, og skift lange ord ud med korte, almindelige ord.`
  );
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Danish decimal comma: 42.5 -> "42,5". */
export function formatDa(value: number): string {
  return String(value).replace(".", ",");
}
