import type { CompiledText } from "./matcher.js";
import { normaliseLegalText } from "./normalise.js";
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

/** Most letter tokens one field may take ("tirsdag den 29. december 2026 kl. 10.00" is 10). */
const FIELD_TOKENS = 60;
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
  const fits = (i: number, j: number, k: number): boolean => {
    const shape = reference.shapes.get(i);
    if (!shape) return true;
    const slice = text.slice(letter[j]!.start - base, letter[j + k - 1]!.end - base);
    return shape.test(normaliseLegalText(slice));
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
        for (let k = 1; k <= Math.min(FIELD_TOKENS, m - j); k++) {
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
