/**
 * Tokens for legal-text comparison: words (letters and digits, with inner hyphens, apostrophes,
 * dots and slashes, as in "www.borger.dk"), single punctuation marks, and Handlebars fields
 * (`{{dato brevdato}}`), which stand for any words.
 */
export interface Token {
  text: string;
  /** True for a Handlebars field in registry text. */
  field: boolean;
  start: number;
  end: number;
}

const WORD = String.raw`[\p{L}\p{N}]+(?:[-'’./@][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]`;
const WITH_FIELDS = new RegExp(String.raw`\{\{\{?[^}]*\}?\}\}|` + WORD, "gu");
const WORDS_ONLY = new RegExp(WORD, "gu");
const COMMENT = /\{\{!(?:--[^]*?--|[^}]*)\}\}/gu;

/** Handlebars comments render nothing, so they are no part of the wording. */
export function stripComments(text: string): string {
  return text.replace(COMMENT, "");
}

export function tokenise(text: string, fields: boolean, base = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(fields ? WITH_FIELDS : WORDS_ONLY)) {
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

/** Join tokens back into readable text: no space before punctuation that closes. */
export function joinTokens(tokens: readonly { text: string }[]): string {
  let out = "";
  for (const token of tokens) {
    if (out && !/^[.,;:!?)\]»”]$/u.test(token.text) && !/[(«“[]$/u.test(out)) out += " ";
    out += token.text;
  }
  return out;
}
