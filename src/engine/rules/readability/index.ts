import type { Preset } from "unified";

/** Readability rules: LIX, long sentences, long paragraphs, English formulas. (stub) */
export const readabilityPreset: Preset = {
  plugins: [
    () => (_tree, file) => {
      const zero = { lix: 0, words: 0, sentences: 0, longWords: 0, lixBand: "meget let" as const };
      file.data.readability = { ...zero, prose: { ...zero }, target: 35, meetsTarget: true };
    },
  ],
};
