import shapes from "../../generated/field-shapes.json" with { type: "json" };
import { DANISH_MONTHS, DANISH_WEEKDAYS } from "../../linguistics/calendar.js";
import { normaliseLegalText } from "./normalise.js";
import { stripComments, tokenise, type Token } from "./tokens.js";

/**
 * Registry text compiled for matching. Fields (`{{dato brevdato}}`) are wildcards, so a rendered
 * klagevejledning with its deadline filled in still matches its approved text. A field rendered
 * by a known helper (dato, tid, beløb...) matches only that helper's output: the `helper:` entries
 * of the legal/modified rule file, generated into field-shapes.json (a module of its own, small
 * enough for the task pane's main thread, which must not carry matchers.json).
 */
export interface CompiledText {
  /** Normalised text, comments removed. */
  normalised: string;
  /** Matches the whole normalised block text. */
  exact: RegExp;
  /** Finds the text anywhere in a normalised letter. */
  search: RegExp;
  /** Tokens for the word diff; fields are wildcard tokens. */
  tokens: Token[];
  /** For each field token (by index in `tokens`): its shape, anchored, or undefined for any text. */
  shapes: Map<number, RegExp | undefined>;
  /** Lower-cased literal words, for finding candidate blocks cheaply. */
  words: Set<string>;
  /**
   * The longest run of literal text without white space (none when the text is all fields):
   * every match of `search` holds it, so a letter without it has no match.
   */
  anchor?: string;
}

/** How much text a field without a shape may stand for, so it never swallows half a letter. */
const FIELD_MAX = 400;
const FIELD = /\{\{\{?[^}]*\}?\}\}/gu;
/** %weekday% and %month% in a shape: the names of @weekdays and @months (one list for the product). */
const NAMES: Record<string, string> = {
  weekday: `(?:${DANISH_WEEKDAYS.join("|")})`,
  month: `(?:${DANISH_MONTHS.map((month) => month.name).join("|")})`,
};
const SHAPES: Record<string, string> = Object.fromEntries(
  Object.entries(shapes.da as Record<string, string>).map(([helper, shape]) => [
    helper,
    shape.replace(/%(\w+)%/gu, (placeholder, name: string) => NAMES[name] ?? placeholder),
  ])
);

/** The shape (regex source) of a field's rendered text, from its helper, if known. */
export function fieldShape(field: string): string | undefined {
  const helper = /^\{\{\{?~?\s*([^\s}()~]+)/u.exec(field)?.[1];
  return helper && Object.hasOwn(SHAPES, helper) ? SHAPES[helper] : undefined;
}

/**
 * The text that is hashed and approved: comments removed (they are notes to legal staff, not
 * wording), then normalised. A field stays as written: `{{dato (fireUgerEfter brevdato)}}`.
 */
export function canonicalLegalText(text: string): string {
  return normaliseLegalText(stripComments(text));
}

const cache = new Map<string, CompiledText>();

export function compileLegalText(text: string): CompiledText {
  const cached = cache.get(text);
  if (cached) return cached;
  const normalised = canonicalLegalText(text);
  let source = "";
  let last = 0;
  const literals: string[] = [];
  for (const match of normalised.matchAll(FIELD)) {
    literals.push(normalised.slice(last, match.index));
    source += escape(normalised.slice(last, match.index));
    const shape = fieldShape(match[0]);
    source += shape ? `(?:${shape})` : `(?:.{1,${FIELD_MAX}}?)`;
    last = match.index + match[0].length;
  }
  source += escape(normalised.slice(last));
  literals.push(normalised.slice(last));
  const tokens = tokenise(normalised, true);
  const fieldShapes = new Map<number, RegExp | undefined>();
  tokens.forEach((token, index) => {
    if (!token.field) return;
    const shape = fieldShape(token.text);
    fieldShapes.set(index, shape ? new RegExp(`^(?:${shape})$`, "u") : undefined);
  });
  const compiled: CompiledText = {
    normalised,
    exact: new RegExp(`^${source}$`, "u"),
    search: new RegExp(source, "gu"),
    tokens,
    shapes: fieldShapes,
    words: new Set(tokens.filter((token) => !token.field).map((token) => token.text.toLowerCase())),
  };
  const anchor = longestRun(literals);
  if (anchor) compiled.anchor = anchor;
  if (cache.size > 500) cache.clear();
  cache.set(text, compiled);
  return compiled;
}

/** Whether a block's text is this registry text (fields filled in). */
export function matchesLegalText(blockText: string, text: string): boolean {
  return compileLegalText(text).exact.test(normaliseLegalText(blockText));
}

function longestRun(literals: readonly string[]): string | undefined {
  let longest: string | undefined;
  for (const literal of literals) {
    for (const run of literal.split(/\s+/u)) {
      if (run && (!longest || run.length > longest.length)) longest = run;
    }
  }
  return longest;
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}
