import type { Preset } from "unified";

/** Essentials: facts, letter type, lead check, proposals. (stub) */
export const essentialsPreset: Preset = {
  plugins: [
    () => (_tree, file) => {
      file.data.letterType = "orientering";
      file.data.essentials = { inLead: false, facts: [] };
      file.data.proposals = {};
    },
  ],
};
