import type { Letter } from "../../letter/model.js";
import { matchersOf, type Matcher } from "../matchers.js";
import { memoByText } from "../../util/text-memo.js";
import { SANCTION_MESSAGES, fill } from "./messages.js";
import { FormFinder, wordsTester } from "./patterns.js";

/** The entries of threat/sanction's rule file (sanction.yml) that say what to offer instead. */
export interface SanctionEntry extends Matcher {
  rewrite?: string;
  topic?: string;
  role?: "phone" | "guidanceHeading" | "guidanceTopic";
}

export const SANCTION_ENTRIES = matchersOf<SanctionEntry>("threat/sanction");

/** Whether an entry's words (every form, also as a compound's head) or its regex occur. */
function tester(entry: SanctionEntry): { test(text: string): boolean } {
  return entry.regex !== undefined
    ? wordsTester([entry.regex])
    : new FormFinder(entry.forms ?? [], true);
}

/** Compiled once, in file order: the first entry that fits wins. */
const TEMPLATES = SANCTION_ENTRIES.flatMap((entry) =>
  entry.rewrite ? [{ when: tester(entry), text: entry.rewrite }] : []
);
const TOPICS = SANCTION_ENTRIES.flatMap((entry) =>
  entry.topic ? [{ when: tester(entry), text: entry.topic }] : []
);
const PHONE = new RegExp(SANCTION_ENTRIES.find((entry) => entry.role === "phone")!.regex!, "iu");

const phones = new WeakMap<Letter, string | null>();

/** The letter's own phone number ("89 15 10 00"), so the rewrite can say where to call. */
export function phoneOf(letter: Letter): string | undefined {
  let phone = phones.get(letter);
  if (phone === undefined) {
    phone = PHONE.exec(letter.text)?.[1]?.trim() ?? null;
    phones.set(letter, phone);
  }
  return phone ?? undefined;
}

/** The rewrite template that fits a sentence, per sentence text (the letter only adds the phone). */
const templateFor = memoByText(
  (sentence: string) =>
    TEMPLATES.find((entry) => entry.when.test(sentence))?.text ?? SANCTION_MESSAGES.defaultRewrite
);

/** A supportive Danish sentence replacing a sanction threat: what the citizen can do instead. */
export function supportiveRewrite(sentence: string, letter: Letter): string {
  const template = templateFor(sentence);
  const phone = phoneOf(letter);
  const ring = phone
    ? fill(SANCTION_MESSAGES.ringWithPhone, "phone", phone)
    : SANCTION_MESSAGES.ringWithoutPhone;
  return fill(template, "ring", ring);
}

/** What the threatened consequence is about ("fradrag", "sanktioner"), for the explanation. */
export const sanctionTopic: (threat: string) => string = memoByText(
  (threat) =>
    TOPICS.find((entry) => entry.when.test(threat))?.text ?? SANCTION_MESSAGES.defaultTopic
);
