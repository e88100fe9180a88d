import type { Letter } from "../../letter/model.js";
import type { LetterType } from "../../types.js";
import { lexeme, vocabulary } from "../../linguistics/vocabulary.js";
import { klagevejledningExemption as fullGrantOrAppealBody } from "../essentials/decision-cues.js";
import { matchersOf, type Matcher } from "../matchers.js";
import { anyMatches, anyMatchesInLetter, entryTest } from "./entry-match.js";
import { saysHowToAppeal } from "./own-wording.js";
import type { LegalBlockScore, LegalRegistryEntry } from "./types.js";

/** A guidance requirement of a letter type that the letter does not meet. */
export interface MissingGuidance {
  /** The block id, or the group name when several blocks can meet the requirement. */
  id: string;
  /** The current version, when one block id meets the requirement. */
  version: string;
  title: string;
  /** The English title, when every block it names has one. */
  titleEn?: string;
  legalBasis: string[];
  /** Block ids that would meet the requirement. */
  alternatives: string[];
}

/**
 * Which required guidance a letter lacks. With a registry: every group of current blocks whose
 * `requiredFor` names the letter type needs one of its blocks in the letter (any version: an old
 * version is "outdated", not "missing"). Without a registry: a decision needs a klagevejledning,
 * recognised by its words.
 */
export function findMissingGuidance(
  present: readonly LegalBlockScore[],
  letterType: LetterType,
  registry: readonly LegalRegistryEntry[] | undefined,
  /** The letter, or its text. */
  letter: string | Letter
): MissingGuidance[] {
  const text = typeof letter === "string" ? letter : letter.text;
  if (!registry) return missingWithoutRegistry(letterType, text);
  // Read only for a letter that owes a klagevejledning it lacks.
  let exemption: boolean | undefined;
  const exempt = () => (exemption ??= klagevejledningExemption(text) !== undefined);
  const presentIds = new Set(
    present.filter((block) => block.status !== "missing").map((block) => block.id)
  );
  const groups = new Map<string, LegalRegistryEntry[]>();
  for (const entry of registry) {
    if (!entry.current) continue;
    const key = entry.group ?? entry.id;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const missing: MissingGuidance[] = [];
  for (const [key, members] of groups) {
    if (!members.some((entry) => entry.requiredFor.includes(letterType))) continue;
    if (members.some((entry) => presentIds.has(entry.id))) continue;
    if (members.some((entry) => entry.id.includes("klage")) && exempt()) continue;
    const only = members.length === 1 ? members[0]! : undefined;
    // A group keeps its name as id; its message names the block for the letter's benefit.
    const single = only ?? forBenefit(members, letter);
    const named = single ? [single] : members;
    const titleEn = named.every((entry) => entry.titleEn)
      ? named
          .map((entry, index) => (index === 0 ? entry.titleEn! : lowerFirst(entry.titleEn!)))
          .join(" or ")
      : undefined;
    missing.push({
      id: only?.id ?? key,
      version: only?.version ?? "",
      title: single?.title ?? members.map((entry) => entry.title).join(" eller "),
      ...(titleEn ? { titleEn } : {}),
      legalBasis: single
        ? [...single.legalBasis]
        : [...new Set(members.flatMap((entry) => entry.legalBasis))],
      alternatives: members.map((entry) => entry.id),
    });
  }
  return missing;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

interface BenefitEntry extends Matcher {
  benefit: string;
  act: string;
}

/** legal/missing.yml: a benefit's words, and its act's own name from @benefitActs. */
const BENEFITS = matchersOf<BenefitEntry>("legal/missing")
  .filter((entry) => entry.benefit !== undefined)
  .map((entry) => {
    const act = vocabulary("benefitActs").entries.find((name) => name.lemma === entry.act);
    const actName = entryTest({ forms: (act?.forms ?? []).map((form) => form.toLowerCase()) });
    return { act: entry.act, words: [entryTest(entry), actName] };
  });

/**
 * The one block of a group that fits the benefit the letter is about (a kontanthjælp summons
 * needs the aktivloven guidance, not the sygedagpenge one). Undecided (no benefit named, or
 * several) leaves the choice open.
 */
function forBenefit(
  members: readonly LegalRegistryEntry[],
  letter: string | Letter
): LegalRegistryEntry | undefined {
  const named = BENEFITS.filter((benefit) =>
    typeof letter === "string"
      ? anyMatches(benefit.words, letter)
      : anyMatchesInLetter(benefit.words, letter)
  );
  if (named.length !== 1) return undefined;
  const act = named[0]!.act;
  const fitting = members.filter((entry) => entry.legalBasis.some((basis) => basis.includes(act)));
  return fitting.length === 1 ? fitting[0] : undefined;
}

function missingWithoutRegistry(letterType: LetterType, text: string): MissingGuidance[] {
  if (letterType !== "afgørelse") return [];
  if (saysHowToAppeal(text)) return [];
  if (klagevejledningExemption(text)) return [];
  return [
    {
      id: "klagevejledning",
      version: "",
      title: "Klagevejledning",
      titleEn: "How to complain",
      legalBasis: ["forvaltningsloven § 25"],
      alternatives: ["klagevejledning"],
    },
  ];
}

const FINAL = lexeme("finalInstances");
/** The sender's name opens a letter; later mentions ("klag til Ankestyrelsen") are no sender. */
const SENDER_LINES = 3;

/** Why a decision needs no klagevejledning (forvaltningsloven § 25, stk. 1). */
export type KlagevejledningExemption = "finalInstance" | "fullGrant";

/**
 * The one decision whether a decision letter owes a klagevejledning, with or without a registry
 * (forvaltningsloven § 25, stk. 1): none when no other authority can hear an appeal (an appeal
 * board or supervisory authority sends it: @finalInstances or @appealBodies opens the letter),
 * and none when it grants the request in full.
 */
export function klagevejledningExemption(text: string): KlagevejledningExemption | undefined {
  if (fromFinalInstance(text)) return "finalInstance";
  const exemption = fullGrantOrAppealBody(text);
  // An appeal body's name heading the letter, "afgørelsen er endelig", or a fine: no
  // administrative appeal is left.
  if (exemption === "finalAppealBody" || exemption === "statedFinal" || exemption === "fine")
    return "finalInstance";
  return exemption;
}

/** The first words of the sender lines name an appeal board or supervisory authority. */
function fromFinalInstance(text: string): boolean {
  return openingLines(text, SENDER_LINES).some((line) =>
    (line.match(/\p{L}+/gu) ?? []).slice(0, 2).some((word) => FINAL.has(word))
  );
}

/** The first `count` lines with more than white space (lines as split by /\r?\n/), not the rest. */
function openingLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let from = 0;
  while (lines.length < count && from <= text.length) {
    const newline = text.indexOf("\n", from);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(from, newline > 0 && text[newline - 1] === "\r" ? end - 1 : end);
    if (line.trim() !== "") lines.push(line);
    if (newline < 0) break;
    from = newline + 1;
  }
  return lines;
}

/** Whether a text without a registry looks like it has a klagevejledning (shown as unverified). */
export function hasAppealWords(text: string): boolean {
  return saysHowToAppeal(text);
}
