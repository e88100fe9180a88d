/**
 * Case-insensitive Unicode patterns with letter classes (`\bfradrag[\p{L}\p{N}_]*`, flags `iu`) are
 * slow for V8 to compile: the case closure of `\p{L}` is huge, and 16 such patterns take 25-50 ms.
 * V8 also drops the compiled code of a regular expression after two garbage collections without
 * a use, so a task pane pays that again after every pause between edits.
 *
 * Nearly all letter text is Latin (code units below U+0250). On such text, lower-cased (the same
 * length), the pattern without the `i` flag and with `\p{L}` / `\p{N}` spelled out as the Latin
 * ranges they cover there matches exactly the same spans, and compiles 20-30x faster. Any other
 * text gets the pattern as written, compiled only when first needed.
 */

/** Code units at or above this are not in the fast path. */
const LATIN_END = 0x250;

/** `\p{L}` and `\p{N}` below LATIN_END, as class ranges. */
const LATIN_RANGES = { L: latinRanges(/\p{L}/u), N: latinRanges(/\p{N}/u) };

function latinRanges(property: RegExp): string {
  const hex = (code: number) => `\\u${code.toString(16).padStart(4, "0")}`;
  let out = "";
  for (let code = 0; code < LATIN_END; code++) {
    if (!property.test(String.fromCharCode(code))) continue;
    let last = code;
    while (last + 1 < LATIN_END && property.test(String.fromCharCode(last + 1))) last++;
    out += last > code ? `${hex(code)}-${hex(last)}` : hex(code);
    code = last;
  }
  return out;
}

/** Any code unit at or above LATIN_END. */
const BEYOND_LATIN = /[\u0250-\uffff]/;

/**
 * The text lower-cased for the fast patterns, or undefined when it holds anything outside the
 * Latin range (before or after lower-casing) or a letter whose lower case is longer ("İ").
 * Case-insensitive matching folds "ſ" to "s"; toLowerCase() does not, so this does it.
 */
export function foldLatin(text: string): string | undefined {
  // A plain range class: cheap for V8 to compile, and a native scan rather than a loop here.
  if (BEYOND_LATIN.test(text)) return undefined;
  const lower = text.toLowerCase();
  if (lower.length !== text.length || BEYOND_LATIN.test(lower)) return undefined;
  return lower.includes("ſ") ? lower.replaceAll("ſ", "s") : lower;
}

/**
 * The fast form of a case-insensitive Unicode pattern source: literals lower-cased, `\p{L}` and
 * `\p{N}` as Latin ranges. Undefined for a source it cannot translate exactly (other property
 * escapes, code-point escapes, back-references to named groups are kept as they are).
 */
export function latinSource(source: string): string | undefined {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "\\") {
      const next = source[i + 1] ?? "";
      if (next === "p" || next === "P") {
        const property = /^\\p\{([LN])\}/u.exec(source.slice(i));
        if (!property) return undefined;
        const ranges = LATIN_RANGES[property[1] as "L" | "N"];
        out += inClass ? ranges : `[${ranges}]`;
        i += property[0].length - 1;
        continue;
      }
      // Code-point escapes and named back-references might name an upper-case letter.
      if (next === "u" || next === "x" || next === "k" || next === "c") return undefined;
      out += ch + next;
      i++;
      continue;
    }
    // A group name ("(?<dayOf>") is a name, not text to match: kept as written.
    const name = inClass ? null : /^\(\?<(?![=!])[^>]*>/u.exec(source.slice(i));
    if (name) {
      out += name[0];
      i += name[0].length - 1;
      continue;
    }
    if (ch === "[" && !inClass) inClass = true;
    else if (ch === "]" && inClass) inClass = false;
    // A class range with an end that lower-casing changes ("[A-z]") has no lower-case equivalent.
    if (inClass && ch === "-" && source[i - 1] !== "[" && source[i + 1] !== "]") {
      const ends = [source[i - 1] ?? "", source[i + 1] ?? ""];
      if (ends.some((end) => end.toLowerCase() !== end)) return undefined;
    }
    // The folded text has "s" for "ſ" (see foldLatin).
    out += ch === "ſ" ? "s" : ch.toLowerCase();
  }
  return out;
}

/**
 * One case-insensitive Unicode pattern (flags must hold `i` and `u`), matched on a text and its
 * `foldLatin` form: the fast pattern when there is one, else the pattern as written. Offsets are
 * the same either way; matched strings are of the folded text.
 */
export class FoldedRegExp {
  readonly source: string;
  readonly flags: string;
  private readonly fastSource: string | undefined;
  private fast: RegExp | undefined;
  private full: RegExp | undefined;

  constructor(source: string, flags: string) {
    if (!flags.includes("i") || !flags.includes("u"))
      throw new Error(`FoldedRegExp needs the i and u flags, not "${flags}"`);
    this.source = source;
    this.flags = flags;
    this.fastSource = latinSource(source);
  }

  /** The pattern to run on `text`, given `folded = foldLatin(text)`, and the text to run it on. */
  pick(text: string, folded: string | undefined): { pattern: RegExp; text: string } {
    if (folded !== undefined && this.fastSource !== undefined) {
      this.fast ??= new RegExp(this.fastSource, this.flags.replace("i", ""));
      return { pattern: this.fast, text: folded };
    }
    this.full ??= new RegExp(this.source, this.flags);
    return { pattern: this.full, text };
  }

  /** Every match (the pattern must have the `g` flag). */
  matchAll(text: string, folded: string | undefined): IterableIterator<RegExpExecArray> {
    const { pattern, text: subject } = this.pick(text, folded);
    return subject.matchAll(pattern);
  }

  test(text: string, folded: string | undefined): boolean {
    const { pattern, text: subject } = this.pick(text, folded);
    pattern.lastIndex = 0;
    return pattern.test(subject);
  }
}

/**
 * The last few folded texts: the patterns of a rule run over the same sentence or block one after
 * another, and rules alternate between a sentence and its clauses.
 */
const FOLD_CACHE_SIZE = 8;
const foldedTexts: (string | undefined)[] = [];
const foldedValues: (string | undefined)[] = [];
let nextSlot = 0;

function foldCached(text: string): string | undefined {
  for (let i = 0; i < foldedTexts.length; i++) if (foldedTexts[i] === text) return foldedValues[i];
  const folded = foldLatin(text);
  foldedTexts[nextSlot] = text;
  foldedValues[nextSlot] = folded;
  nextSlot = (nextSlot + 1) % FOLD_CACHE_SIZE;
  return folded;
}

/**
 * A drop-in RegExp (case-insensitive Unicode) that runs its fast Latin form on Latin text (see
 * above) and the pattern as written on any other text. `exec` is the only method overridden, so
 * `test`, `String#matchAll`, `replace`, `split`, `lastIndex`, sticky and global flags behave as
 * for any RegExp (they all call `exec`); the result holds the source text's substrings at the
 * offsets found, exactly as the pattern as written gives them.
 */
export class LatinFoldedRegExp extends RegExp {
  /** The fast form: undefined until first needed, null when the source has none. */
  private fast: RegExp | null | undefined;

  constructor(pattern: string | RegExp, flags?: string) {
    super(pattern, flags);
  }

  override exec(text: string): RegExpExecArray | null {
    const fast = this.fastForm();
    const folded = fast ? foldCached(String(text)) : undefined;
    if (!fast || folded === undefined) return super.exec(text);
    const tracked = this.global || this.sticky;
    if (tracked) fast.lastIndex = this.lastIndex;
    const match = fast.exec(folded);
    if (tracked) this.lastIndex = fast.lastIndex;
    if (!match) return null;
    const source = String(text);
    if (!match.indices) {
      // No groups: the whole match is all there is (no indices were asked for, which is cheaper).
      const whole = [source.slice(match.index, match.index + match[0].length)];
      const result = whole as unknown as RegExpExecArray;
      result.index = match.index;
      result.input = source;
      result.groups = undefined;
      return result;
    }
    const slice = (range: [number, number] | undefined) =>
      range ? source.slice(range[0], range[1]) : undefined;
    const indices = match.indices!;
    const result = Array.from(indices, slice) as unknown as RegExpExecArray;
    result.index = match.index;
    result.input = source;
    let groups: Record<string, string | undefined> | undefined;
    if (indices.groups) {
      groups = Object.create(null) as Record<string, string | undefined>;
      for (const [name, range] of Object.entries(indices.groups)) groups[name] = slice(range);
    }
    result.groups = groups as RegExpExecArray["groups"];
    if (this.hasIndices) result.indices = indices;
    return result;
  }

  private fastForm(): RegExp | null {
    if (this.fast === undefined) {
      const source = latinSource(this.source);
      const flags = this.flags.replace("i", "");
      // Group offsets (the `d` flag) only when there are groups to give back.
      const indices = flags.includes("d") || hasCaptures(source ?? "") ? "d" : "";
      this.fast =
        source === undefined ? null : new RegExp(source, flags.replace("d", "") + indices);
    }
    return this.fast;
  }
}

/** Whether a pattern source has a capturing group: "(" not escaped, not in a class, not "(?:". */
function hasCaptures(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i++;
    else if (ch === "[") inClass = true;
    else if (ch === "]") inClass = false;
    else if (ch === "(" && !inClass) {
      if (source[i + 1] !== "?") return true;
      // Named groups capture; (?: (?= (?! (?<= (?<! do not.
      if (source[i + 2] === "<" && source[i + 3] !== "=" && source[i + 3] !== "!") return true;
    }
  }
  return false;
}

/**
 * `new RegExp(source, flags)`, folded (LatinFoldedRegExp) when it is case-insensitive Unicode
 * and has a fast form: for patterns that run on every block of every letter.
 */
export function foldedRegExp(source: string, flags = ""): RegExp {
  if (!flags.includes("i") || !flags.includes("u") || latinSource(source) === undefined) {
    return new RegExp(source, flags);
  }
  return new LatinFoldedRegExp(source, flags);
}
