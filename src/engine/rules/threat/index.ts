import type { Preset } from "unified";

/** Threat-framing rules and the threat score. (stub) */
export const threatPreset: Preset = {
  plugins: [
    () => (_tree, file) => {
      file.data.threat = { score: 0, count: 0 };
    },
  ],
};
