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
import { foldLatin } from "../util/folded-regexp.js";

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
      let code = parseInt(hex[0].replace(/[{}]/gu, ""), 16);
      // In u mode "\uD83D\uDE42" is one code point (a quantifier after it repeats both), and a
      // lone surrogate as a literal never matches half of a pair in the text.
      const trail = /^\\u(d[c-f][0-9a-f]{2})/iu.exec(source.slice(this.at));
      if (next === "u" && code >= 0xd800 && code <= 0xdbff && trail) {
        this.at += trail[0].length;
        code = 0x10000 + ((code - 0xd800) << 10) + (parseInt(trail[1]!, 16) - 0xdc00);
      }
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

/**
 * The literals of every case-insensitive gate, found together in one pass over a text's Latin
 * fold (`foldLatin`: lower case, "ſ" as "s"), instead of one gate pattern per rule pattern: the
 * essentials read each block with about 30 patterns and each sentence with about 10. On Latin
 * text a literal matches case-insensitively exactly where its fold occurs in the text's fold (for
 * every pair of characters below U+0250 whose lower case stays there, folding equal is matching
 * with the `iu` flags); any other text gets the gate patterns.
 *
 * A deterministic automaton over the literals (Aho-Corasick with its failure links resolved into
 * one table), with a column per character that occurs in a literal and one for all others.
 */
class LiteralIndex {
  private readonly literals: string[] = [];
  private readonly ids = new Map<string, number>();
  private classOf = new Uint16Array(0x250);
  private classes = 1;
  private table = new Uint32Array(1);
  private outputs: (number[] | undefined)[] = [undefined];
  private built = true;
  /** Changes whenever a literal is added: presence read before is stale. */
  version = 0;

  /** The literal's id, adding it (folded) when new; undefined when it has no Latin fold. */
  idOf(literal: string): number | undefined {
    const folded = foldLatin(literal);
    if (folded === undefined || folded.length === 0) return undefined;
    let id = this.ids.get(folded);
    if (id === undefined) {
      this.ids.set(folded, (id = this.literals.length));
      this.literals.push(folded);
      this.built = false;
      this.version++;
    }
    return id;
  }

  /** Which literals occur in a text's fold (every code unit below U+0250), by id. */
  presence(folded: string): Uint8Array {
    if (!this.built) this.build();
    const present = new Uint8Array(this.literals.length);
    const { classOf, table, outputs, classes } = this;
    let state = 0;
    for (let at = 0; at < folded.length; at++) {
      state = table[state * classes + classOf[folded.charCodeAt(at)]!]!;
      const ending = outputs[state];
      if (ending !== undefined) for (const id of ending) present[id] = 1;
    }
    return present;
  }

  private build(): void {
    const classOf = new Uint16Array(0x250);
    let classes = 1;
    for (const literal of this.literals)
      for (let at = 0; at < literal.length; at++) {
        const code = literal.charCodeAt(at);
        if (classOf[code] === 0) classOf[code] = classes++;
      }
    // The trie: children by column, and the literals ending at each state.
    const children: Map<number, number>[] = [new Map()];
    const outputs: (number[] | undefined)[] = [undefined];
    this.literals.forEach((literal, id) => {
      let state = 0;
      for (let at = 0; at < literal.length; at++) {
        const column = classOf[literal.charCodeAt(at)]!;
        let next = children[state]!.get(column);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          outputs.push(undefined);
          children[state]!.set(column, next);
        }
        state = next;
      }
      (outputs[state] ??= []).push(id);
    });
    // Breadth first: a state's failure (its longest proper suffix that is a trie state) is
    // shallower, so its row and its outputs are complete before the state's own.
    const table = new Uint32Array(children.length * classes);
    const failure = new Uint32Array(children.length);
    const queue = [0];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (let column = 0; column < classes; column++) {
        const child = children[state]!.get(column);
        const fallback = state === 0 ? 0 : table[failure[state]! * classes + column]!;
        if (child === undefined) {
          table[state * classes + column] = fallback;
          continue;
        }
        table[state * classes + column] = child;
        failure[child] = fallback;
        const inherited = outputs[fallback];
        if (inherited !== undefined) outputs[child] = (outputs[child] ?? []).concat(inherited);
        queue.push(child);
      }
    }
    this.classOf = classOf;
    this.classes = classes;
    this.table = table;
    this.outputs = outputs;
    this.built = true;
  }
}

const literalIndex = new LiteralIndex();

/**
 * A pattern's gate: the gate pattern, and for a case-insensitive pattern whose literals all have
 * a Latin fold, their ids in the literal index.
 */
interface Gate {
  pattern: RegExp;
  ids: readonly number[] | undefined;
}

function makeGate(pattern: RegExp): Gate | null {
  const gate = gateOf(pattern);
  if (gate === undefined) return null;
  if (!pattern.ignoreCase) return { pattern: gate, ids: undefined };
  const ids: number[] = [];
  for (const literal of requiredLiterals(pattern.source)!) {
    const id = literalIndex.idOf(literal);
    if (id === undefined) return { pattern: gate, ids: undefined };
    ids.push(id);
  }
  return { pattern: gate, ids };
}

/**
 * Each pattern's gate, made the first time it is asked for. Weak: most patterns live as long as
 * their modules, but some are made per letter (decisionCuesOf makes the decision cues again for
 * each department a letter names) and must not be kept alive here after their letter.
 */
const gates = new WeakMap<RegExp, Gate | null>();

/** The literals present in the last few texts asked about: many patterns read one text. */
const RECENT = 4;
const recentTexts: (string | undefined)[] = [];
const recentPresence: (Uint8Array | undefined)[] = [];
let recentVersion = -1;
let nextSlot = 0;

function presenceIn(text: string): Uint8Array | undefined {
  if (recentVersion !== literalIndex.version) {
    recentTexts.length = 0;
    recentPresence.length = 0;
    recentVersion = literalIndex.version;
    nextSlot = 0;
  }
  for (let slot = 0; slot < recentTexts.length; slot++)
    if (recentTexts[slot] === text) return recentPresence[slot];
  const folded = foldLatin(text);
  const presence = folded === undefined ? undefined : literalIndex.presence(folded);
  recentTexts[nextSlot] = text;
  recentPresence[nextSlot] = presence;
  nextSlot = (nextSlot + 1) % RECENT;
  return presence;
}

function gateFor(pattern: RegExp): Gate | null {
  let gate = gates.get(pattern);
  if (gate === undefined) gates.set(pattern, (gate = makeGate(pattern)));
  return gate;
}

/**
 * False only when `pattern` cannot match anywhere in `text`; true when it may. Cheap: one scan
 * for literals, or nothing at all for a pattern without a gate.
 */
export function mayMatch(pattern: RegExp, text: string): boolean {
  const gate = gateFor(pattern);
  return gate === null || gate.pattern.test(text);
}

/**
 * `mayMatch` for a text that many patterns are asked about (a block that every fact pattern
 * scans): on Latin text the literals of every gate are found in one pass, shared by all the
 * patterns asked about the same text. For a text only a few patterns read (a sentence) that
 * pass costs more than their gate patterns: use mayMatch.
 */
export function mayMatchAmongMany(pattern: RegExp, text: string): boolean {
  const gate = gateFor(pattern);
  if (gate === null) return true;
  if (gate.ids !== undefined) {
    const present = presenceIn(text);
    if (present !== undefined) {
      for (const id of gate.ids) if (present[id] === 1) return true;
      return false;
    }
  }
  return gate.pattern.test(text);
}

/**
 * `pattern.test(text)`, run only where its gate lets it: the same answer and the same lastIndex.
 * `many`: many patterns are asked about this text (see mayMatchAmongMany).
 */
export function gatedTest(pattern: RegExp, text: string, many = false): boolean {
  if (many ? mayMatchAmongMany(pattern, text) : mayMatch(pattern, text)) return pattern.test(text);
  if (pattern.global || pattern.sticky) pattern.lastIndex = 0;
  return false;
}

/** `pattern.exec(text)`, run only where its gate lets it: the same result and the same lastIndex. */
export function gatedExec(pattern: RegExp, text: string): RegExpExecArray | null {
  if (mayMatch(pattern, text)) return pattern.exec(text);
  if (pattern.global || pattern.sticky) pattern.lastIndex = 0;
  return null;
}
