import benefits from "../../lexicons/legal-benefits.da.json" with { type: "json" };
import type { LetterType } from "../../types.js";
import { lexeme } from "../../linguistics/vocabulary.js";
import { klagevejledningExemption } from "../essentials/decision-cues.js";
import { danishRegExp } from "./sanction.js";
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
  text: string
): MissingGuidance[] {
  if (!registry) return missingWithoutRegistry(letterType, text);
  const final = fromFinalInstance(text);
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
    if (final && members.some((entry) => entry.id.includes("klage"))) continue;
    if (members.some((entry) => presentIds.has(entry.id))) continue;
    const only = members.length === 1 ? members[0]! : undefined;
    // A group keeps its name as id; its message names the block for the letter's benefit.
    const single = only ?? forBenefit(members, text);
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

const BENEFITS = benefits.benefits.map((benefit) => ({
  act: benefit.act,
  words: benefit.words.map((pattern) => danishRegExp(pattern)),
}));

/**
 * The one block of a group that fits the benefit the letter is about (a kontanthjælp summons
 * needs the aktivloven guidance, not the sygedagpenge one). Undecided (no benefit named, or
 * several) leaves the choice open.
 */
function forBenefit(
  members: readonly LegalRegistryEntry[],
  text: string
): LegalRegistryEntry | undefined {
  const named = BENEFITS.filter((benefit) => benefit.words.some((word) => word.test(text)));
  if (named.length !== 1) return undefined;
  const act = named[0]!.act;
  const fitting = members.filter((entry) => entry.legalBasis.some((basis) => basis.includes(act)));
  return fitting.length === 1 ? fitting[0] : undefined;
}

const APPEAL_WORDS = [danishRegExp("\\bklage\\w*"), danishRegExp("\\b(?:4|fire) uger\\b")];

function missingWithoutRegistry(letterType: LetterType, text: string): MissingGuidance[] {
  if (letterType !== "afgørelse") return [];
  if (fromFinalInstance(text)) return [];
  if (APPEAL_WORDS.every((pattern) => pattern.test(text))) return [];
  // A final appeal body's decision, or one that grants in full, needs none (§ 25, stk. 1).
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

/**
 * A decision from an appeal board or a supervisory authority (@finalInstances) is final in the
 * administration: no klagevejledning is owed (forvaltningsloven § 25 covers appealable decisions).
 */
export function fromFinalInstance(text: string): boolean {
  const opening = text
    .split(/\r?\n/u)
    .filter((line) => line.trim() !== "")
    .slice(0, SENDER_LINES);
  return opening.some((line) =>
    (line.match(/\p{L}+/gu) ?? []).slice(0, 2).some((word) => FINAL.has(word))
  );
}

/** Whether a text without a registry looks like it has a klagevejledning (shown as unverified). */
export function hasAppealWords(text: string): boolean {
  return APPEAL_WORDS.every((pattern) => pattern.test(text));
}
