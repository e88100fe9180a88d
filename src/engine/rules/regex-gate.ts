/**
 * A cheap test in front of an expensive regular expression. Most of the rule files' patterns
 * (a decision cue, a summons, a performative) cannot match most sentences: they need a word such
 * as "besluttet" or "truffet" that the sentence does not hold. V8 still tries the whole pattern,
 * with its look-arounds and `\p{L}` classes, at every position. The gate is a pattern of literal
 * alternatives only ("besluttet|truffet"), which V8 scans for very fast, read off the pattern
 * itself: every match of the pattern contains one of them. So where the gate finds none, the
 * pattern cannot match, and it is not run.
 *
 * The gate has the pattern's own flags (case-insensitive, Unicode), so a literal matches exactly
 * what it matches inside the pattern. What the reading does not understand it leaves ungated.
 */

import { minOf, pushAll } from "../util/arrays.js";

/** Literal strings one of which every match of a pattern contains; null: none is required. */
type Required = readonly string[] | null;

/** What a part of a pattern matches: exactly one string, or else at least one of `required`. */
interface Part {
  exact: string | null;
  required: Required;
}

const ANYTHING: Part = { exact: null, required: null };
const EMPTY: Part = { exact: "", required: null };

/** A gate's literals must be at least this long to be worth a test of their own. */
const MIN_LITERAL = 3;

class Unsupported extends Error {}

function requiredOf(part: Part): Required {
  if (part.exact !== null) return part.exact.length > 0 ? [part.exact] : null;
  return part.required;
}

/** The more selective of two requirements: the longer shortest literal, then fewer literals. */
function better(a: Required, b: Required): Required {
  if (a === null) return b;
  if (b === null) return a;
  const shortest = (list: readonly string[]) => minOf(list.map((text) => text.length)) ?? 0;
  if (shortest(a) !== shortest(b)) return shortest(a) > shortest(b) ? a : b;
  return a.length <= b.length ? a : b;
}

/** A recursive-descent reading of a `u`-mode pattern's source: only what the gate needs. */
class Reader {
  private at = 0;

  constructor(private readonly source: string) {}

  read(): Part {
    const part = this.alternation();
    if (this.at < this.source.length) throw new Unsupported("unbalanced )");
    return part;
  }

  private alternation(): Part {
    const options = [this.sequence()];
    while (this.source[this.at] === "|") {
      this.at++;
      options.push(this.sequence());
    }
    if (options.length === 1) return options[0]!;
    const required: string[] = [];
    for (const option of options) {
      const of = requiredOf(option);
      if (of === null) return ANYTHING;
      pushAll(required, of);
    }
    return { exact: null, required };
  }

  private sequence(): Part {
    let exact: string | null = "";
    let run: string | null = null;
    let best: Required = null;
    const endRun = () => {
      if (run) best = better(best, [run]);
      run = null;
    };
    while (this.at < this.source.length) {
      const char = this.source[this.at]!;
      if (char === "|" || char === ")") break;
      const part = this.quantified(this.atom());
      if (part.exact !== null) {
        run = (run ?? "") + part.exact;
        if (exact !== null) exact += part.exact;
      } else {
        endRun();
        best = better(best, part.required);
        exact = null;
      }
    }
    endRun();
    return exact !== null ? { exact, required: null } : { exact: null, required: best };
  }

  /** A quantifier after an atom: optional ones require nothing, the others their atom. */
  private quantified(atom: Part): Part {
    const rest = this.source.slice(this.at);
    const quantifier = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/u.exec(rest);
    if (!quantifier) return atom;
    this.at += quantifier[0].length;
    const min = quantifier[1] ? (quantifier[1] === "+" ? 1 : 0) : Number(quantifier[2]);
    const fixed = !quantifier[1] && quantifier[3] === undefined;
    if (min === 0) return ANYTHING;
    if (fixed && atom.exact !== null) return { exact: atom.exact.repeat(min), required: null };
    return { exact: null, required: requiredOf(atom) };
  }

  private atom(): Part {
    const source = this.source;
    const char = source[this.at]!;
    if (char === "(") return this.group();
    if (char === "[") {
      this.skipClass();
      return ANYTHING;
    }
    if (char === "\\") return this.escape();
    this.at++;
    if (char === ".") return ANYTHING;
    if (char === "^" || char === "$") return EMPTY;
    if ("*+?{}]".includes(char)) throw new Unsupported(`unexpected ${char}`);
    // A whole code point: a quantifier after it repeats all of it.
    const code = source.codePointAt(this.at - 1)!;
    if (code > 0xffff) this.at++;
    return { exact: String.fromCodePoint(code), required: null };
  }

  private group(): Part {
    const source = this.source;
    let kind: "group" | "ahead" | "behind" | "negative" = "group";
    if (source.startsWith("(?:", this.at)) this.at += 3;
    else if (source.startsWith("(?=", this.at)) ((kind = "ahead"), (this.at += 3));
    else if (source.startsWith("(?!", this.at)) ((kind = "negative"), (this.at += 3));
    else if (source.startsWith("(?<=", this.at)) ((kind = "behind"), (this.at += 4));
    else if (source.startsWith("(?<!", this.at)) ((kind = "negative"), (this.at += 4));
    else if (source.startsWith("(?<", this.at)) {
      const close = source.indexOf(">", this.at);
      if (close < 0) throw new Unsupported("group name");
      this.at = close + 1;
    } else if (source.startsWith("(?", this.at)) throw new Unsupported("group modifier");
    else this.at++;
    const inner = this.alternation();
    if (source[this.at] !== ")") throw new Unsupported("unclosed group");
    this.at++;
    if (kind === "group") return inner;
    // A look-around consumes nothing; what a positive one needs is still in the text.
    if (kind === "negative") return ANYTHING;
    return { exact: null, required: requiredOf(inner) };
  }

  private skipClass(): void {
    const source = this.source;
    for (this.at++; this.at < source.length; this.at++) {
      if (source[this.at] === "\\") this.at++;
      else if (source[this.at] === "]") {
        this.at++;
        return;
      }
    }
    throw new Unsupported("unclosed class");
  }

  private escape(): Part {
    const source = this.source;
    const next = source[this.at + 1];
    if (next === undefined) throw new Unsupported("trailing backslash");
    this.at += 2;
    if (next === "b" || next === "B") return EMPTY;
    if ("dDsSwW".includes(next)) return ANYTHING;
    if (next === "p" || next === "P" || next === "k") {
      const close = source.indexOf(next === "k" ? ">" : "}", this.at);
      if (close < 0) throw new Unsupported(`\\${next}`);
      this.at = close + 1;
      return ANYTHING;
    }
    if (/[1-9]/u.test(next)) {
      while (/\d/u.test(source[this.at] ?? "")) this.at++;
      return ANYTHING;
    }
    const controls: Record<string, string> = {
      n: "\n",
      r: "\r",
      t: "\t",
      f: "\f",
      v: "\v",
      0: "\0",
    };
    if (next in controls) return { exact: controls[next]!, required: null };
    const hex =
      next === "x"
        ? /^[0-9a-fA-F]{2}/u.exec(source.slice(this.at))
        : next === "u"
          ? /^(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]+\})/u.exec(source.slice(this.at))
          : null;
    if (hex) {
      this.at += hex[0].length;
      const code = parseInt(hex[0].replace(/[{}]/gu, ""), 16);
      return { exact: String.fromCodePoint(code), required: null };
    }
    if (next === "c" || next === "x" || next === "u") throw new Unsupported(`\\${next}`);
    // An identity escape: the character itself ("\\.", "\\-", "\\(").
    return { exact: next, required: null };
  }
}

/**
 * Literals one of which every match of a pattern (its source, read in `u` mode) contains, or
 * undefined when the reading finds none worth testing (shorter than MIN_LITERAL) or does not
 * understand the pattern.
 */
export function requiredLiterals(source: string): string[] | undefined {
  let required: Required;
  try {
    required = requiredOf(new Reader(source).read());
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  if (required === null || required.some((text) => text.length < MIN_LITERAL)) return undefined;
  // A literal that contains another is implied by it.
  const unique = [...new Set(required)].sort((a, b) => a.length - b.length);
  return unique.filter((text, index) => !unique.slice(0, index).some((s) => text.includes(s)));
}

/** A literal as pattern source: the syntax characters escaped (the only escapes `u` mode allows). */
function literalSource(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/gu, "\\$&").replace(/\n/gu, "\\n");
}

/** The gate of a pattern, or undefined when it has none (see requiredLiterals). */
export function gateOf(pattern: RegExp): RegExp | undefined {
  if (!pattern.unicode || pattern.flags.includes("v")) return undefined;
  const literals = requiredLiterals(pattern.source);
  if (!literals) return undefined;
  const flags = [...pattern.flags].filter((flag) => "imsu".includes(flag)).join("");
  return new RegExp(literals.map(literalSource).join("|"), flags);
}

/** Each pattern's gate, made the first time it is asked for (patterns live as long as modules). */
const gates = new Map<RegExp, RegExp | null>();

/**
 * False only when `pattern` cannot match anywhere in `text`; true when it may. Cheap: one scan
 * for literals, or nothing at all for a pattern without a gate.
 */
export function mayMatch(pattern: RegExp, text: string): boolean {
  let gate = gates.get(pattern);
  if (gate === undefined) gates.set(pattern, (gate = gateOf(pattern) ?? null));
  return gate === null || gate.test(text);
}

/** `pattern.test(text)`, run only where its gate lets it: the same answer and the same lastIndex. */
export function gatedTest(pattern: RegExp, text: string): boolean {
  if (mayMatch(pattern, text)) return pattern.test(text);
  if (pattern.global || pattern.sticky) pattern.lastIndex = 0;
  return false;
}

/** `pattern.exec(text)`, run only where its gate lets it: the same result and the same lastIndex. */
export function gatedExec(pattern: RegExp, text: string): RegExpExecArray | null {
  if (mayMatch(pattern, text)) return pattern.exec(text);
  if (pattern.global || pattern.sticky) pattern.lastIndex = 0;
  return null;
}
