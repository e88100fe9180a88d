import wording from "./findings.en.json" with { type: "json" };
import { englishMissingMessage, englishNotInLeadMessage } from "../rules/essentials/en/messages.js";
import { lemmas } from "../linguistics/vocabulary.js";
import { ruleInfo } from "../rules/registry.js";
import type { FactKind, Finding, LetterType } from "../types.js";

/**
 * A Danish letter read in an English UI: its findings explain the Danish words in English (the
 * wording is in findings.en.json). Quoted words and suggested edits stay Danish, because they are
 * the letter's words; advice that is not an edit becomes English.
 */

interface RuleWording {
  message?: string;
  messageNoSuggestion?: string;
  messageNotCounted?: string;
  advice?: string;
  explanation?: string;
}

const RULES = wording.rules as Record<string, RuleWording>;
const BANDS = wording.lixBands as Record<string, string>;

/** Families whose messages already follow the message language (the legal family, the limit). */
const NATIVE = [/^legal\//u, /^readability\/partial-analysis$/u];

const quote = (text: string) => `“${text}”`;

/** Month and weekday names from the shared English vocabularies (@weekdays is Monday first). */
const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const MONTHS = lemmas("months", "en").map(capitalise);
const WEEKDAYS = lemmas("weekdays", "en").map(capitalise);

function englishDate(iso: string): { date: string; weekday: string } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // getUTCDay counts from Sunday.
  const weekday = WEEKDAYS[(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7]!;
  return { date: `${day} ${MONTHS[month - 1]} ${year}`, weekday };
}

/** A placeholder's value: a detail (a list is quoted and joined), or a value computed here. */
function values(finding: Finding, text: string): Record<string, string> {
  // A sentence's own full stop would double the message's.
  const out: Record<string, string> = { text: quote(text.trim().replace(/\.$/u, "")) };
  if (finding.suggestion) out.suggestion = quote(finding.suggestion.text);
  for (const [key, value] of Object.entries(finding.details ?? {})) {
    if (typeof value === "number") out[key] = String(value);
    else if (typeof value === "string") out[key] = key === "band" ? value : quote(value);
    else if (Array.isArray(value) && value.every((item) => typeof item === "string"))
      out[key] = value.map(quote).join(", ");
  }
  const details = finding.details ?? {};
  if (typeof details.band === "string") out.band = BANDS[details.band] ?? details.band;
  if (typeof details.target === "number") out.target = String(details.target);
  if (typeof details.weekday === "string") out.weekday = quote(details.weekday);
  if (typeof details.date === "string") {
    const date = englishDate(details.date);
    if (date) {
      out.dateEnglish = date.date;
      out.weekdayEnglish = date.weekday;
    }
  }
  return out;
}

function fill(template: string, vars: Record<string, string>): string | undefined {
  let complete = true;
  const text = template.replace(/\{(\w+)\}/gu, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) complete = false;
    return value ?? "";
  });
  return complete ? text : undefined;
}

function essentialsMessage(finding: Finding, type: LetterType): string | undefined {
  const details = finding.details ?? {};
  if (finding.ruleId === "essentials/not-in-lead" && Array.isArray(details.missingFromLead))
    return englishNotInLeadMessage(details.missingFromLead as FactKind[]);
  if (finding.ruleId === "essentials/missing" && Array.isArray(details.missing))
    return englishMissingMessage(
      (details.letterType as LetterType | undefined) ?? type,
      details.missing as FactKind[]
    );
  return undefined;
}

/** The finding with its message, advice and explanation in English. */
export function englishFinding(finding: Finding, letterText: string, type: LetterType): Finding {
  if (NATIVE.some((pattern) => pattern.test(finding.ruleId))) return finding;
  const text = letterText.slice(finding.start.offset, finding.end.offset);
  const vars = values(finding, text);
  const rule = RULES[finding.ruleId] ?? {};
  const counted = finding.details?.counted !== false;
  const template =
    !counted && rule.messageNotCounted
      ? rule.messageNotCounted
      : finding.suggestion || !rule.messageNoSuggestion
        ? rule.message
        : rule.messageNoSuggestion;
  const generic = ruleInfo(finding.ruleId)?.message.en;
  const message =
    essentialsMessage(finding, type) ??
    (template ? fill(template, vars) : undefined) ??
    (generic ? (text.trim() ? `${generic} ${quote(text.trim())}` : generic) : finding.message);
  const out: Finding = { ...finding, message };
  if (finding.suggestion) {
    const advice = !finding.edit && rule.advice ? fill(rule.advice, vars) : undefined;
    const explanationTemplate =
      finding.ruleId === "essentials/not-in-lead"
        ? RULES["essentials/lead-explanation"]?.explanation
        : rule.explanation;
    const explanation = explanationTemplate ? fill(explanationTemplate, vars) : undefined;
    out.suggestion = {
      text: advice ?? finding.suggestion.text,
      // Without an English explanation, the rule's generic English message says what it is about.
      explanation: explanation ?? generic ?? finding.suggestion.explanation,
    };
  }
  return out;
}
