import type { Edit, InsertBlockEdit, ReorderEdit } from "./edits/edit.js";
import type { Letter } from "./letter/model.js";
import type { Severity, Suggestion } from "./report.js";
import type { LegalOptions, LegalScores } from "./rules/legal/types.js";

export type Language = "da" | "en";

export type LetterType = "indkaldelse" | "afgørelse" | "partshøring" | "anmodning" | "orientering";

export type LixBand = "meget let" | "let" | "middel" | "svær" | "meget svær";

export interface TextCounts {
  lix: number;
  words: number;
  sentences: number;
  longWords: number;
}

export interface ReadabilityScores extends TextCounts {
  lixBand: LixBand;
  /** The caseworker's own prose: body paragraphs and list items only. */
  prose: TextCounts & { lixBand: LixBand };
  /** The configured target for the prose LIX (35 by default) and whether it is met. */
  target: number;
  meetsTarget: boolean;
  /** English letters: retext-readability's formulas, grade levels per formula. */
  english?: Record<string, number>;
}

export interface ThreatScores {
  /** 0 (calm) to 100 (threatening). */
  score: number;
  /** Threat-framing findings that count (not those inside protected legal blocks). */
  count: number;
  bySeverity?: { threat: number; warning: number; obligation: number };
}

export type FactKind = "date" | "time" | "place" | "deadline" | "action" | "decision";

export interface Fact {
  kind: FactKind;
  /** The text as written in the letter. */
  text: string;
  /** Normalised: ISO YYYY-MM-DD for dates, HH:MM (a range HH:MM-HH:MM) for times, otherwise a clean phrase. */
  value: string;
  start: number;
  end: number;
}

export interface EssentialsScores {
  inLead: boolean;
  facts: Fact[];
  /** Fact kinds the letter type needs in the lead, and which of them are missing there. */
  required?: FactKind[];
  missingFromLead?: FactKind[];
}

export interface EssentialsProposals {
  /** A generated lead paragraph (<= 25 words), inserted before the first body paragraph. */
  lead?: InsertBlockEdit;
  /** The new block order: essentials paragraph first, legal guidance last. */
  reorder?: ReorderEdit;
}

export interface AnalyzeOptions {
  /** Letter language; "auto" (default) detects it. */
  language?: Language | "auto";
  /**
   * The language of finding messages and explanations: the UI's (the task pane's display
   * language, the CLI's --messages). Default: the letter's language. A Danish letter read in an
   * English UI gets English messages about its Danish words; suggested edits stay Danish.
   */
  messageLanguage?: Language;
  /** Target for the prose LIX; 35 by default. */
  lixTarget?: number;
  /** Source format of analyzeText input. */
  format?: "txt" | "md";
  /** ISO date (YYYY-MM-DD) for reading dates written without a year when the letter has no date line. */
  referenceDate?: string;
  /** The approved legal guidance registry to verify guidance blocks against. */
  legal?: LegalOptions;
  /** Rule ids or families to switch off ("plain/passive", "threat"). */
  disable?: string[];
  /** Rule ids or families to switch on, also those off by default; wins over `disable`. */
  enable?: string[];
  /**
   * Words or phrases never to report (retext style, e.g. a name the letter must use): a finding
   * whose flagged text is one of them, case and spacing aside, is left out.
   */
  ignore?: string[];
}

export interface Point {
  offset: number;
  line: number;
  column: number;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: Point;
  end: Point;
  suggestion?: Suggestion;
  /** The concrete edit behind the suggestion, when there is one (API only). */
  edit?: Edit;
  /** Safe to apply in bulk ("Anvend alle sikre forslag"). */
  safe?: boolean;
  details?: Record<string, unknown>;
  /** The rule's section in the shipped local documentation (docs/rules.md#<rule>). */
  url?: string;
}

export interface Analysis {
  language: Language;
  letterType: LetterType;
  scores: {
    readability: ReadabilityScores;
    threat: ThreatScores;
    essentials: EssentialsScores;
    legal: LegalScores;
  };
  findings: Finding[];
  proposals: EssentialsProposals;
  letter: Letter;
}

declare module "vfile" {
  interface DataMap {
    options: Required<Pick<AnalyzeOptions, "lixTarget">> & AnalyzeOptions;
    language: Language;
    letterType: LetterType;
    readability: ReadabilityScores;
    threat: ThreatScores;
    essentials: EssentialsScores;
    proposals: EssentialsProposals;
    legal: LegalScores;
    /** Rules switched off for this analysis, and normalised phrases to ignore. */
    disabled: Set<string>;
    ignore: Set<string>;
  }
}
