import { da, type Strings } from "./da.js";
import { en } from "./en.js";

export type { Strings } from "./da.js";

/** Danish by default; English when the host's display language is English. */
export function stringsFor(displayLanguage: string | undefined): Strings {
  return /^en\b/i.test(displayLanguage ?? "") ? en : da;
}
