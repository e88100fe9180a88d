import rewrites from "../../lexicons/threat-rewrite.da.json" with { type: "json" };
import type { Letter } from "../../letter/model.js";
import { wordsTester } from "./patterns.js";

/** Compiled once: first matching template wins, the last one matches everything. */
const TEMPLATES = rewrites.rewrites.map((entry) => ({
  when: wordsTester(entry.when),
  text: entry.text,
}));
const TOPICS = rewrites.topics.map((entry) => ({
  when: wordsTester(entry.when),
  text: entry.text,
}));
const PHONE = new RegExp(rewrites.phone, "iu");

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

/** A supportive Danish sentence replacing a sanction threat: what the citizen can do instead. */
export function supportiveRewrite(sentence: string, letter: Letter): string {
  const template =
    TEMPLATES.find((entry) => entry.when.test(sentence))?.text ?? TEMPLATES.at(-1)!.text;
  const phone = phoneOf(letter);
  const ring = phone
    ? rewrites.ring.withPhone.replace("{phone}", phone)
    : rewrites.ring.withoutPhone;
  return template.replace("{ring}", ring);
}

/** What the threatened consequence is about ("fradrag", "sanktioner"), for the explanation. */
export function sanctionTopic(threat: string): string {
  return TOPICS.find((entry) => entry.when.test(threat))?.text ?? "konsekvenserne";
}
