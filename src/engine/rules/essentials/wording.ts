import type { FactKind, LetterType } from "../../types.js";
import type { MatcherLanguage } from "../matchers.js";
import { ruleData } from "../rule-data.js";

/**
 * The essentials family's data from its rule files (`data:` in
 * src/engine/rules/<lang>/essentials/*.yml): lead templates, labels, message templates and the
 * key-facts policy. Templates are Handlebars micro-templates, rendered by generate.ts.
 */

export interface LeadData {
  maxWords: number;
  templates: Partial<Record<LetterType, string[]>>;
  explanation: string;
  /** Danish only: how a decision becomes a du-form sentence. */
  decisionFrames?: { text?: string; value?: string; strip?: boolean; frame: string }[];
  meetingNoun?: { pattern: string; default: string };
  placePrepositions?: Record<"organisation" | "address" | "room", string>;
  remote?: Record<"phone" | "digital", string>;
  deadlineWithDate?: string;
}

export interface NotInLeadData {
  labels: Record<FactKind, string>;
  message: string;
  /** Danish only. */
  leadWindowWords?: number;
  keyFacts?: Record<LetterType, { required: FactKind[]; supporting: FactKind[] }>;
  labelsByType?: Partial<Record<LetterType, Partial<Record<FactKind, string>>>>;
  locations?: Record<"paragraph" | "laterInFirst" | "subject" | "heading" | "other", string>;
  found?: string;
  /** Danish only: word limits of the fact finders. */
  anchorMaxWords?: number;
  objectMaxWords?: number;
  clauseMaxWords?: number;
  decisionFillerMaxWords?: number;
  /** Danish only: the noun a room fact's value opens with ("lokale 2.14"). */
  roomNoun?: string;
}

export interface MissingData {
  typeNames: Record<LetterType, string>;
  message: string;
  /** Danish only: how the letter-type classifier weighs its body cues and legal blocks. */
  letterType?: {
    threshold: number;
    /** Ties between types at the same score go to the first in this order. */
    bodyPriority: LetterType[];
    /** A protected legal block whose id contains idContains weighs for type. */
    legalIds: { idContains: string; type: LetterType; weight: number }[];
  };
}

export interface WeekdayData {
  message: string;
  explanation: string;
  /** Danish only: how far back a year-less date may be read as recent past. */
  graceDaysBack?: number;
}

export const leadData = (language: MatcherLanguage = "da") =>
  ruleData<LeadData>("essentials/lead", language);
export const notInLeadData = (language: MatcherLanguage = "da") =>
  ruleData<NotInLeadData>("essentials/not-in-lead", language);
export const missingData = (language: MatcherLanguage = "da") =>
  ruleData<MissingData>("essentials/missing", language);
export const weekdayData = (language: MatcherLanguage = "da") =>
  ruleData<WeekdayData>("essentials/weekday-mismatch", language);
