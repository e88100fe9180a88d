import type { Preset } from "unified";

/** Plain-language (klarsprog) rules. (stub) */
export const plainPreset: Preset = { plugins: [] };
