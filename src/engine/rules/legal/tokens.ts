/**
 * Tokens for legal-text comparison: words (letters and digits, with inner hyphens, apostrophes,
 * dots and slashes, as in "www.borger.dk"), single punctuation marks, and Handlebars fields
 * (`{{dato brevdato}}`), which stand for any words.
 */
import { isSpaceCodeUnit, isWordCodePoint, nfcSlice, wordEnd } from "../../util/word-scan.js";

export interface Token {
  text: string;
  /** True for a Handlebars field in registry text. */
  field: boolean;
  start: number;
  end: number;
}

const WORD_JOINERS = "-'’./@";
const WORD = String.raw`[\p{L}\p{N}]+(?:[-'’./@][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]`;
const WITH_FIELDS = new RegExp(String.raw`\{\{\{?[^}]*\}?\}\}|` + WORD, "gu");
const COMMENT = /\{\{!(?:--[^]*?--|[^}]*)\}\}/gu;

/** Handlebars comments render nothing, so they are no part of the wording. */
export function stripComments(text: string): string {
  return text.replace(COMMENT, "");
}

export function tokenise(text: string, fields: boolean, base = 0): Token[] {
  if (!fields) return tokeniseLetter(text, base);
  const tokens: Token[] = [];
  for (const match of text.matchAll(WITH_FIELDS)) {
    const value = match[0];
    // In a letter, "{{" is just punctuation: only registry text has fields.
    const isField = fields && value.startsWith("{{");
    tokens.push({
      text: isField ? value : value.normalize("NFC"),
      field: isField,
      start: base + match.index,
      end: base + match.index + value.length,
    });
  }
  return tokens;
}

/**
 * Letter text (no fields), as the WORD pattern tokenises it, without a regex: this runs on every
 * block of every letter, and V8 would compile the pattern again after each idle pause.
 */
function tokeniseLetter(text: string, base: number): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const codePoint = text.codePointAt(i)!;
    const size = codePoint > 0xffff ? 2 : 1;
    if (isSpaceCodeUnit(codePoint)) {
      i += size;
      continue;
    }
    const end = isWordCodePoint(codePoint) ? wordEnd(text, i, WORD_JOINERS) : i + size;
    tokens.push({ text: nfcSlice(text, i, end), field: false, start: base + i, end: base + end });
    i = end;
  }
  return tokens;
}

/** Join tokens back into readable text: no space before punctuation that closes. */
export function joinTokens(tokens: readonly { text: string }[]): string {
  let out = "";
  for (const token of tokens) {
    if (out && !/^[.,;:!?)\]»”]$/u.test(token.text) && !/[(«“[]$/u.test(out)) out += " ";
    out += token.text;
  }
  return out;
}
