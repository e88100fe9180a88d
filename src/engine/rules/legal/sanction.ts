import terms from "../../lexicons/legal-sanction.da.json" with { type: "json" };
import type { Letter } from "../../letter/model.js";
import { normaliseLegalText, normaliseWithOffsets, sourceRange } from "./normalise.js";
import { readConsequence } from "../../consequence/model.js";
import { sentenceFinder, sentencesOf } from "./sentences.js";
import { FoldedRegExp, foldedRegExp, foldLatin } from "../../util/folded-regexp.js";

/**
 * Sanction guidance completeness. Ankestyrelsen only accepts a sanction when the citizen was told
 * beforehand what is sanctioned, what the consequence is, and how to get the help back. A text
 * that speaks of a sanction must say all three; calm wording ("Du får hjælpen igen fra den dag,
 * du kontakter os") is as complete as a threat, and better.
 */
export type SanctionElement = "sanctioned" | "consequence" | "restore";

export const SANCTION_ELEMENTS: readonly SanctionElement[] = [
  "sanctioned",
  "consequence",
  "restore",
];

/** Danish names for the three elements, for messages and reports. */
export const SANCTION_ELEMENT_NAMES: Readonly<Record<SanctionElement, string>> = {
  sanctioned: "hvad der udløser fradraget",
  consequence: "hvad konsekvensen er",
  restore: "hvordan borgeren får hjælpen igen",
};

export interface SanctionCheck {
  /** The text speaks of a sanction (deduction, stopped help...). */
  mentionsSanction: boolean;
  present: SanctionElement[];
  missing: SanctionElement[];
}

/** JavaScript's \b and \w are ASCII-only: "ophør" would never end a word. Make them Danish. */
const WORD_CHAR = String.raw`[\p{L}\p{N}]`;
const BOUNDARY = String.raw`(?:(?<=${WORD_CHAR})(?!${WORD_CHAR})|(?<!${WORD_CHAR})(?=${WORD_CHAR}))`;
export function danishRegExp(pattern: string, flags = "iu"): RegExp {
  // Folded: V8 compiles case-insensitive \p{L} patterns slowly, again after every idle pause.
  return foldedRegExp(danishBoundaries(pattern).replaceAll("\\w", "[\\p{L}\\p{N}_]"), flags);
}

/**
 * Each \b as a Unicode word boundary. Where the pattern's own next character is a literal
 * letter or digit, only a word start can be there (and only a word end after one), so that half
 * is enough: the same matches, and V8 runs a pattern that opens with a plain lookbehind several
 * times faster than one that opens with the two-way alternation (0.6 -> 0.1 ms per letter for
 * the sanction mentions). Patterns with \x or \u escapes keep the full form.
 */
export function danishBoundaries(pattern: string): string {
  const plain = !/\\[xu]/u.test(pattern);
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch !== "\\") {
      out += ch;
      continue;
    }
    const next = pattern[i + 1] ?? "";
    i++;
    if (next !== "b") {
      out += ch + next;
      continue;
    }
    if (plain && startsWithWordChar(pattern.slice(i + 1))) out += `(?<!${WORD_CHAR})`;
    else if (plain && /(?:^|[^\\\p{L}\p{N}])[\p{L}\p{N}]+$/u.test(pattern.slice(0, i - 1)))
      out += `(?!${WORD_CHAR})`;
    else out += BOUNDARY;
  }
  return out;
}

/** The text matched next starts with a letter or digit: a literal one, or a group of them. */
function startsWithWordChar(rest: string): boolean {
  if (/^[\p{L}\p{N}](?![?*{])/u.test(rest)) return true;
  if (!rest.startsWith("(?:")) return false;
  let depth = 0;
  let start = 3;
  const alternatives: string[] = [];
  for (let i = 3; i < rest.length; i++) {
    const ch = rest[i]!;
    if (ch === "\\") i++;
    else if (ch === "(") depth++;
    else if (ch === ")" && depth > 0) depth--;
    else if ((ch === "|" || ch === ")") && depth === 0) {
      alternatives.push(rest.slice(start, i));
      if (ch === ")") {
        // A quantified group may match nothing: then the next character is unknown.
        return !/^[?*{]/u.test(rest.slice(i + 1)) && alternatives.every(startsWithWordChar);
      }
      start = i + 1;
    }
  }
  return false;
}
const compile = (patterns: readonly string[], flags?: string) =>
  patterns.map((pattern) => danishRegExp(pattern, flags));
// Folded: these run on every block, and V8 compiles them again after each idle pause.
const folded = (patterns: readonly string[], flags: string) =>
  patterns.map((pattern) => new FoldedRegExp(danishRegExp(pattern, flags).source, flags));
const MENTION = folded(terms.mention, "giu");
/**
 * For each mention pattern, words one of which any match must contain (lower-case), when the
 * pattern's source shows them: a block with none of them skips that pattern. Most blocks speak
 * of no sanction, and 16 case-insensitive Unicode patterns are costly to run (and, after V8 has
 * dropped them while idle, to compile again).
 */
const MENTION_WORDS = terms.mention.map(requiredWords);

/**
 * The literal words a pattern's match must start with: `\bfradrag\w*` -> ["fradrag"],
 * `\b(?:træk|trukket)\b...` -> ["træk", "trukket"]; undefined when the source does not say.
 */
export function requiredWords(pattern: string): string[] | undefined {
  if (!pattern.startsWith("\\b") || hasTopLevelAlternation(pattern)) return undefined;
  const rest = pattern.slice(2);
  if (!rest.startsWith("(?:")) {
    const word = leadingLiteral(rest);
    return word ? [word] : undefined;
  }
  let depth = 0;
  let from = 3;
  const words: string[] = [];
  for (let i = 3; i < rest.length; i++) {
    const ch = rest[i]!;
    if (ch === "\\") i++;
    else if (ch === "(") depth++;
    else if (ch === ")" && depth > 0) depth--;
    else if ((ch === "|" || ch === ")") && depth === 0) {
      const word = leadingLiteral(rest.slice(from, i));
      if (!word) return undefined;
      words.push(word);
      if (ch === ")") return /^[?*{]/u.test(rest.slice(i + 1)) ? undefined : words;
      from = i + 1;
    }
  }
  return undefined;
}

/** Lower-case letters and spaces at the start of a source; a quantified last letter is left out. */
function leadingLiteral(source: string): string | undefined {
  const run = /^[\p{Ll} ]*/u.exec(source)![0];
  const word = /^[?*{]/u.test(source.slice(run.length)) ? run.slice(0, -1) : run;
  return word.trim() === "" ? undefined : word;
}

function hasTopLevelAlternation(pattern: string): boolean {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\") i++;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "[") {
      // A class may hold "|" or ")": skip to its end.
      while (i < pattern.length && pattern[i] !== "]") i += pattern[i] === "\\" ? 2 : 1;
    } else if (ch === "|" && depth === 0) return true;
  }
  return false;
}
const INCOME = folded(terms.income, "iu");
const ELEMENTS: Record<SanctionElement, RegExp[]> = {
  sanctioned: compile(terms.sanctioned),
  consequence: compile(terms.consequence),
  restore: compile(terms.restore),
};

export function checkSanctionGuidance(text: string): SanctionCheck {
  const clean = normaliseLegalText(text);
  const mentions = sanctionMentions(clean).length > 0;
  const present = SANCTION_ELEMENTS.filter((element) =>
    ELEMENTS[element].some((pattern) => pattern.test(clean))
  );
  const missing = SANCTION_ELEMENTS.filter((element) => !present.includes(element));
  return { mentionsSanction: mentions, present, missing };
}

/** Whether a text speaks of a sanction at all. */
export function mentionsSanction(text: string): boolean {
  return sanctionMentions(normaliseLegalText(text)).length > 0;
}

/**
 * Ranges (in normalised text) that speak of a sanction, in text order. "Vi trækker din løn fra i
 * hjælpen" is an income deduction: a mention in a sentence about income does not count.
 */
export function sanctionMentions(normalised: string): SanctionSpan[] {
  const found: SanctionSpan[] = [];
  const sentenceOf = sentenceFinder(normalised);
  // One income test per sentence, not per mention: a sentence full of mentions stays linear.
  const aboutIncome = new Map<string, boolean>();
  const fold = foldLatin(normalised);
  // Case-insensitive matching also folds "ſ" to "s"; toLowerCase() does not.
  const lower = fold ?? normalised.toLowerCase().replaceAll("ſ", "s");
  for (const [index, pattern] of MENTION.entries()) {
    const words = MENTION_WORDS[index];
    if (words && !words.some((word) => lower.includes(word))) continue;
    for (const match of pattern.matchAll(normalised, fold)) {
      const from = match.index;
      const to = from + match[0].length;
      const span = sentenceOf(from, to);
      const sentence = span.text;
      let income = aboutIncome.get(sentence);
      if (income === undefined) {
        const foldedSentence = fold?.slice(span.start, span.start + sentence.length);
        income = INCOME.some((pattern) => pattern.test(sentence, foldedSentence));
        aboutIncome.set(sentence, income);
      }
      if (income) continue;
      found.push({ from, to, sentence });
    }
  }
  return found.sort((a, b) => a.from - b.from);
}

/** A sanction mention in normalised text, with its sentence. */
export interface SanctionSpan {
  from: number;
  to: number;
  sentence: string;
}

/**
 * What a sanction mention does in its letter:
 * - guidance: it tells the citizen what will happen if they do not do something ("Kommer du ikke
 *   til samtalen, får du et fradrag", "Udeblivelse vil medføre fradrag"). This is the guidance a
 *   later sanction rests on, so it must be complete.
 * - content: it is what the letter is about, a deduction decided or considered for something
 *   that has happened ("Vi trækker 1.614 kr. i din kontanthjælp", "Vi overvejer at trække penge
 *   i din uddannelseshjælp"), or the rule it is based on ("Fradrag for dage, hvor du uden en
 *   rimelig grund ikke deltager, sker efter § 36"). Decisions and hearings are checked by their
 *   own rules (begrundelse, klagevejledning, partshøring), not by the three-part rule.
 */
export type SanctionRole = "guidance" | "content";

export interface SanctionMention {
  /** Absolute offsets in the letter's text. */
  start: number;
  end: number;
  blockIndex: number;
  role: SanctionRole;
  /** The sentence around the mention, normalised. */
  sentence: string;
}

/**
 * The role of a sentence that mentions a sanction (see SanctionRole), as the consequence model
 * shared with threat/sanction reads it: a conditional consequence, or the calm rule with its way
 * back, is guidance; anything else (a decision, a negation, a neutral rule, a question, someone
 * else's sanction) is what the letter is about.
 */
export function sanctionRole(sentence: string): SanctionRole {
  const reading = readConsequence(sentence);
  if (reading.threat && reading.framing === "conditional") return "guidance";
  if (reading.notThreat === "way back") return "guidance";
  return "content";
}

const mentionCache = new WeakMap<Letter, SanctionMention[]>();

/** Every sanction mention in the letter, block by block, with its role. */
export function sanctionMentionsIn(letter: Letter): SanctionMention[] {
  const cached = mentionCache.get(letter);
  if (cached) return cached;
  const found: SanctionMention[] = [];
  const roles = new Map<string, SanctionRole>();
  const roleOf = (sentence: string) => {
    let role = roles.get(sentence);
    if (role === undefined) roles.set(sentence, (role = sanctionRole(sentence)));
    return role;
  };
  letter.blocks.forEach((block, blockIndex) => {
    const mapped = normaliseWithOffsets(block.text);
    const covered = new Set<string>();
    for (const { from, to, sentence } of sanctionMentions(mapped.text)) {
      const range = sourceRange(mapped, from, to);
      covered.add(sentence);
      found.push({
        start: block.start + range.start,
        end: block.start + range.end,
        blockIndex,
        role: roleOf(sentence),
        sentence,
      });
    }
    // The consequence model finds what the mention patterns miss ("kan du ikke få dagpenge",
    // "udelukkes du fra dagpenge"): a conditional consequence is guidance too.
    for (const sentence of sentencesOf(mapped.text)) {
      if (covered.has(sentence.text)) continue;
      const reading = readConsequence(sentence.text);
      // "konsekvenser" / "betydning for" name no sanction by themselves (see legal-sanction.da.json).
      const consequence = reading.consequence;
      if (!reading.threat || reading.framing !== "conditional" || !consequence || consequence.vague)
        continue;
      const from = sentence.start + consequence.start;
      const range = sourceRange(mapped, from, from + consequence.text.length);
      found.push({
        start: block.start + range.start,
        end: block.start + range.end,
        blockIndex,
        role: "guidance",
        sentence: sentence.text,
      });
    }
  });
  found.sort((a, b) => a.start - b.start);
  mentionCache.set(letter, found);
  return found;
}
