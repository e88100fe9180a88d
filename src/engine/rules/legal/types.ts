import type { LetterType } from "../../types.js";

/**
 * One version of one legally required guidance block, as data. The CLI builds the registry from
 * `templates/legal/` (src/templates/registry.ts); the Word add-in can bundle it as JSON. The engine
 * never reads files and never hashes: `hash` and `approved` are computed outside it, from the
 * normalised text (see normalise.ts) and the approvals lockfile.
 */
export interface LegalRegistryEntry {
  id: string;
  version: string;
  title: string;
  /** The English title, for an English UI (front matter `titleEn`; not part of the approved text). */
  titleEn?: string;
  /** For example "forvaltningsloven § 25". */
  legalBasis: string[];
  /** Letter types that must include this block (or another block of the same group). */
  requiredFor: LetterType[];
  /** Blocks that can stand in for each other in a requirement, for example "vejledning-om-pligter". */
  group?: string;
  /** A sanction block: must say what is sanctioned, the consequence and how to get the help back. */
  sanction?: boolean;
  /** The block's current text; may hold Handlebars fields (`{{dato brevdato}}`), matched as wildcards. */
  text: string;
  /** The text legal staff approved for this id and version, when there is an approval. */
  approvedText?: string;
  /** sha256 (hex) of the normalised `text`. */
  hash: string;
  /** True when `hash` equals the approved hash for this id and version. */
  approved: boolean;
  /** True for the newest version of the id. */
  current: boolean;
}

export interface LegalOptions {
  /** Without a registry, the legal rules only use heuristics and report blocks as "unverified". */
  registry?: readonly LegalRegistryEntry[];
}

/**
 * - intact: the approved text of the current version
 * - modified: the text differs from the approved text (see `changes`)
 * - outdated: the approved text of an older version
 * - unapproved: the text of a version that has no valid approval
 * - own-wording: required guidance is there, but in the caseworker's own words, not the approved
 *   text (a warning: the citizen is told, but the wording is neither approved nor protected)
 * - missing: required for the letter type but absent
 * - unknown: marked as legal guidance, but the id or version is not in the registry
 * - unverified: no registry was given, so the text could not be checked
 */
export type LegalStatus =
  | "intact"
  | "modified"
  | "outdated"
  | "unapproved"
  | "own-wording"
  | "missing"
  | "unknown"
  | "unverified";

/** One hunk of a word diff: approved words removed and letter words added at one place. */
export interface WordChange {
  removed: string;
  added: string;
  /** Offsets of the added words in the letter (an insertion point when nothing was added). */
  start: number;
  end: number;
}

export interface LegalBlockScore {
  id: string;
  version: string;
  status: LegalStatus;
  title?: string;
  /** The English title of missing guidance (a group's is its block's for the letter's benefit). */
  titleEn?: string;
  /** Index of the letter block (first block, for plain text recognised over several blocks). */
  blockIndex?: number;
  start?: number;
  end?: number;
  /** False when the guidance was recognised in plain text without protected-block markers (and for own wording). */
  marked?: boolean;
  /** The version the letter's marker claims, when the text is really another version's. */
  markedVersion?: string;
  /**
   * The caseworker's text in the block: the values a rendered letter recorded for its fields
   * (`{{regel}}` → "§ 82 i aktivloven"), verified in place. Not approved wording.
   */
  fields?: { field: string; value: string }[];
  /** The current version, for outdated blocks and missing ones. */
  currentVersion?: string;
  /** Word diff against the approved text (modified, unapproved). */
  changes?: WordChange[];
}

/** The legal family's scores: `file.data.legal` and `Analysis.scores.legal`. */
export interface LegalScores {
  blocks: LegalBlockScore[];
}
