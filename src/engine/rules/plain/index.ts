import type { Preset } from "unified";
import { retextPlainFinalise } from "./finalise.js";
import { retextPlainFormalAddress } from "./formal-address.js";
import { retextPlainNominalisation } from "./nominalisation.js";
import { retextPlainOfficialese } from "./officialese.js";
import { retextPlainPassive } from "./passive.js";
import { englishPlainPlugins } from "./en/index.js";

/**
 * Plain-language (klarsprog) rules for Danish letters: plain/officialese, plain/formal-address,
 * plain/passive, plain/nominalisation. They run only when `file.data.language` is "da".
 *
 * Protected legal blocks are skipped entirely (no findings, no edits): their wording is approved,
 * the caseworker cannot change it, and a finding there would count against the letter. The same
 * holds for quoted law text inside the caseworker's prose.
 */
export const plainPreset: Preset = {
  plugins: [
    retextPlainOfficialese,
    retextPlainFormalAddress,
    retextPlainPassive,
    retextPlainNominalisation,
    ...englishPlainPlugins,
    // Last: drops findings in quoted law text and merges conflicting suggestions on one span.
    retextPlainFinalise,
  ],
};

export {
  OFFICIALESE_ENTRIES,
  compileLexicon,
  findOfficialese,
  officialeseLexicon,
} from "./lexicon.js";
export type { OfficialeseEntry } from "./lexicon.js";
