import { retextPlainOfficialeseEnglish } from "./officialese.js";
import { retextPlainPassiveEnglish } from "./passive.js";

/**
 * The plain-language rules' English language pack: plain/officialese and plain/passive for
 * English letters (their entries: src/engine/rules/en/plain/*.yml). Each runs only when the
 * letter is English; the Danish plugins only when it is Danish.
 */
export const englishPlainPlugins = [retextPlainOfficialeseEnglish, retextPlainPassiveEnglish];
