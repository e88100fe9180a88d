import type { CompiledText } from "./matcher.js";
import { joinTokens, tokenise, type Token } from "./tokens.js";
import type { WordChange } from "./types.js";

/**
 * Word diff between approved registry text and a letter's text: a minimum-edit alignment
 * (insert/delete, cost 1 per token) where a field may stand for a run of letter tokens for free.
 * A field with a shape (a date from `{{dato ...}}`) only takes tokens that form such a date, so
 * "senest" changed to "inden" before a deadline is a change, not part of the deadline.
 */
export interface WordDiff {
  /** Number of tokens deleted or inserted. */
  cost: number;
  changes: WordChange[];
  /** Letter tokens aligned with literal approved tokens. */
  matched: number;
}

/** Most letter tokens a field without a shape may take (free text such as a rule's name). */
export const FIELD_TOKENS = 60;
/** Most letter tokens a field with a shape may take ("tirsdag den 29. december 2026 kl. 10.00" is 10;
 * "1.234,56 kr." is 6). */
export const SHAPED_TOKENS = 16;
const INF = 0x3fffffff;
/**
 * One insertion or deletion. Each letter token an unshaped field takes costs 1, far less than an
 * edit: between equally short diffs, the one where fields take fewer words wins.
 */
const EDIT = 1024;

/** Diff the approved text against a stretch of letter text that starts at offset `base`. */
export function diffLegalText(
  reference: Pick<CompiledText, "tokens" | "shapes">,
  text: string,
  base: number
): WordDiff {
  const letter = tokenise(text, false, base);
  const approved = reference.tokens;
  const n = approved.length;
  const m = letter.length;
  const width = m + 1;
  // For a field with a shape (a date, an amount): how many letter tokens from j form such a
  // value. The letter's tokens are joined once into normalised text (white space between
  // tokens becomes one space, as in normaliseLegalText); the shape is then tried once per start
  // as a sticky regex, not once per start and length.
  let joined = "";
  const startsAt: number[] = [];
  const tokensEndingAt = new Map<number, number>();
  letter.forEach((token, index) => {
    if (index > 0 && token.start > letter[index - 1]!.end) joined += " ";
    startsAt.push(joined.length);
    joined += token.text;
    tokensEndingAt.set(joined.length, index + 1);
  });
  const takes = new Map<RegExp, Int16Array>();
  const fits = (i: number, j: number, k: number): boolean => {
    const shape = reference.shapes.get(i);
    if (!shape) return true;
    let byStart = takes.get(shape);
    if (!byStart) {
      byStart = new Int16Array(m).fill(-1);
      takes.set(shape, byStart);
    }
    if (byStart[j] === -1) {
      const sticky = stickyOf(shape);
      sticky.lastIndex = startsAt[j]!;
      const match = sticky.exec(joined);
      const end = match ? startsAt[j]! + match[0].length : -1;
      byStart[j] = (tokensEndingAt.get(end) ?? j) - j;
    }
    return byStart[j] === k;
  };

  // cost[i * width + j]: cheapest alignment of approved[i..] with letter[j..];
  // take[i * width + j]: how many letter tokens field i takes there (0: none).
  const cost = new Uint32Array((n + 1) * width);
  const take = new Uint16Array((n + 1) * width);
  for (let j = m; j >= 0; j--) cost[n * width + j] = (m - j) * EDIT;
  for (let i = n - 1; i >= 0; i--) {
    const token = approved[i]!;
    for (let j = m; j >= 0; j--) {
      let best = cost[(i + 1) * width + j]! + EDIT;
      if (j < m) best = Math.min(best, cost[i * width + j + 1]! + EDIT);
      let chosen = 0;
      if (token.field) {
        const perToken = reference.shapes.get(i) ? 0 : 1;
        const most = Math.min(perToken ? FIELD_TOKENS : SHAPED_TOKENS, m - j);
        for (let k = 1; k <= most; k++) {
          const after = cost[(i + 1) * width + j + k]! + k * perToken;
          if (after < best && fits(i, j, k)) {
            best = after;
            chosen = k;
          }
        }
      } else if (j < m && token.text === letter[j]!.text) {
        best = Math.min(best, cost[(i + 1) * width + j + 1]!);
      }
      cost[i * width + j] = Math.min(best, INF);
      take[i * width + j] = chosen;
    }
  }

  // Walk the table forwards and collect hunks between aligned tokens.
  const changes: WordChange[] = [];
  let removed: Token[] = [];
  let added: Token[] = [];
  let matched = 0;
  let anchor = letter[0]?.start ?? base;
  const flush = () => {
    if (removed.length === 0 && added.length === 0) return;
    changes.push({
      removed: joinTokens(removed),
      added: joinTokens(added),
      start: added[0]?.start ?? anchor,
      end: added[added.length - 1]?.end ?? anchor,
    });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const here = cost[i * width + j]!;
    const token = approved[i];
    const k = i < n ? take[i * width + j]! : 0;
    if (k > 0) {
      flush();
      anchor = letter[j + k - 1]!.end;
      i++;
      j += k;
    } else if (
      i < n &&
      j < m &&
      !token!.field &&
      token!.text === letter[j]!.text &&
      here === cost[(i + 1) * width + j + 1]
    ) {
      flush();
      matched++;
      anchor = letter[j]!.end;
      i++;
      j++;
    } else if (i < n && here === cost[(i + 1) * width + j]! + EDIT) {
      removed.push(token!);
      i++;
    } else {
      added.push(letter[j]!);
      j++;
    }
  }
  flush();
  return { cost: Math.floor(cost[0]! / EDIT), changes, matched };
}

const stickies = new WeakMap<RegExp, RegExp>();

/** The shape `^(?:X)$` as a sticky `(?:X)`, to match at a given place in a longer text. */
function stickyOf(shape: RegExp): RegExp {
  let sticky = stickies.get(shape);
  if (!sticky) {
    sticky = new RegExp(shape.source.replace(/^\^/u, "").replace(/\$$/u, ""), "uy");
    stickies.set(shape, sticky);
  }
  return sticky;
}
