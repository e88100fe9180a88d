import { formsOf, vocabulary } from "../../linguistics/vocabulary.js";
import { formsWithRole, regexesWithRole, type Matcher } from "../matchers.js";
import { FormFinder, wordsIn, wordsTester, type Match } from "./patterns.js";

/**
 * Obligation framing by a noun or adjective: a duty or requirement the reader holds ("har du
 * mødepligt", "din oplysningspligt", "det er et krav, at du ...", "de krav, du skal opfylde",
 * "det er dit eget ansvar", "de obligatoriske samtaler"). Milder than "du har pligt til at" (no
 * mechanical edit exists), so threat/obligation reports it at info level. Plain "du skal møde" is
 * not framing but the wording Klarbrev recommends (threat/duty, off by default).
 */
export interface RequirementEntry extends Matcher {
  role?: "requirement" | "right" | "general";
}

const formsWith = (role: NonNullable<RequirementEntry["role"]>) =>
  formsWithRole("threat/obligation", role);
const REQUIREMENT = new FormFinder(formsWith("requirement"), true);
/** "dine rettigheder og pligter": duties in general (obligation.yml, role general). */
const GENERAL = wordsTester(regexesWithRole("threat/obligation", "general"));
/** "krav på hjælp": a right spelled like a requirement (obligation.yml, role right). */
const RIGHTS = new FormFinder(formsWith("right"), true);
const READERS = formsOf("readers");
const NEGATIONS = formsOf("negations");
/** Someone else holds the duty ("kommunen har pligt til", "borgeren er forpligtet"). */
const OTHERS = new Set([...formsOf("authorities"), ...formsOf("thirdParties")]);
const POSSESSIVES = formsOf("readerPossessives");
const AUXILIARIES = vocabulary("dutyAuxiliaries").entries;
/** have, være: "du har mødepligt", "det er et krav". */
const HOLD = new Set(
  AUXILIARIES.filter((entry) => entry.lemma !== "skulle").flatMap((entry) => entry.forms)
);
/** skulle: "de krav, du skal opfylde", "du skal leve op til de krav". */
const MUST = new Set(
  AUXILIARIES.filter((entry) => entry.lemma === "skulle").flatMap((entry) => entry.forms)
);
const COMPLEMENTIZERS = formsOf("complementizers");
const PRONOUNS = formsOf("personalPronouns");
/** How far a negation, another holder or the reader's verb may stand from the noun (words). */
const REACH = 3;
/** How far before the noun "du skal" may stand ("du skal leve op til de krav"). */
const MUST_REACH = 6;

/**
 * The first duty or requirement the reader holds in one sentence, if any. The reader holds it
 * when: a reader possessive stands right before it ("din oplysningspligt", "dit eget ansvar"); the
 * reader is the subject of have/være just before it ("har du mødepligt", "man har således pligt");
 * "det er ... krav/obligatorisk, at ..." states it; or "du skal" binds it ("de krav, du skal
 * opfylde"). A negation or another holder (kommunen, borgeren) just before it cancels it.
 */
export function detectRequirement(text: string): Match | undefined {
  if (/\?\s*["»”)]*\s*$/u.test(text)) return undefined;
  const candidates = REQUIREMENT.find(text);
  if (candidates.length === 0) return undefined;
  const tokens = wordsIn(text);
  const words = tokens.map((word) => word.text.toLowerCase());
  const reader = words.some((word) => READERS.has(word));
  const rights = RIGHTS.find(text);
  for (const hit of candidates) {
    const index = tokens.findIndex((word) => word.start === hit.start);
    const length = hit.text.split(/\s+/u).length;
    const before = words.slice(Math.max(0, index - REACH), index);
    const after = words.slice(index + length, index + length + REACH);
    if (rights.some((right) => right.start === hit.start) || GENERAL.test(hit.text)) continue;
    // "fritager dig ikke fra din pligt": a reader possessive binds the noun whatever comes before.
    if (POSSESSIVES.has(words[index - 1] ?? "")) return hit;
    if (before.some((word) => NEGATIONS.has(word) || OTHERS.has(word))) continue;
    if (statedAsRule(before, after) || (reader && heldByReader(words, index, before, after)))
      return hit;
  }
  return undefined;
}

/**
 * "det er et krav, at du ...", "Det er obligatorisk at deltage": a requirement stated as a rule,
 * for the reader unless its clause names another holder ("krav, at kommunen har vejledt").
 */
function statedAsRule(before: readonly string[], after: readonly string[]): boolean {
  return (
    before.some((word) => PRONOUNS.has(word)) &&
    before.some((word) => HOLD.has(word)) &&
    COMPLEMENTIZERS.has(after[0] ?? "") &&
    !OTHERS.has(after[1] ?? "")
  );
}

function heldByReader(
  words: readonly string[],
  index: number,
  before: readonly string[],
  after: readonly string[]
): boolean {
  // "du har mødepligt", "har du ansvaret for", "man har således pligt": the reader next to the verb
  if (adjacent(before, HOLD)) return true;
  // "de krav, du skal opfylde"; "du skal leve op til de krav"
  return (
    adjacent(after, MUST) || adjacent(words.slice(Math.max(0, index - MUST_REACH), index), MUST)
  );
}

/** Whether one of `verbs` has the reader as its subject, right before or after it. */
function adjacent(list: readonly string[], verbs: ReadonlySet<string>): boolean {
  const subject = (word: string | undefined) =>
    word !== undefined && READERS.has(word) && PRONOUNS.has(word);
  return list.some(
    (word, position) =>
      verbs.has(word) && (subject(list[position - 1]) || subject(list[position + 1]))
  );
}
