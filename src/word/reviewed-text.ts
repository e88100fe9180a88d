/**
 * Word returns a paragraph's text WITH its tracked deletions (office-js issues #1267, #2314); only
 * `getReviewedText("Current")` (WordApi 1.4) gives the text as it reads with all changes accepted,
 * and only for a whole range. This aligns that one string back to the paragraphs: each paragraph's
 * current text is a subsequence of its raw text, and a fully deleted paragraph disappears.
 */

export interface ReviewedAlignment {
  /** Current text per paragraph ("\n" for soft line breaks), or null when it is deleted. */
  texts: (string | null)[];
}

/** Soft line breaks (U+000B) and stray carriage returns read as "\n"; lengths stay equal. */
export function normalizeParagraphText(raw: string): string {
  return raw.replaceAll("\u000b", "\n").replaceAll("\r", "\n");
}

export function alignReviewedText(
  raws: readonly string[],
  reviewed: string
): ReviewedAlignment | undefined {
  const normalized = raws.map(normalizeParagraphText);
  const flat = reviewed.replace(/\r\n?/gu, "\n").replaceAll("\u000b", "\n");
  if (stripTrailingBreaks(flat) === stripTrailingBreaks(normalized.join("\n"))) {
    return { texts: normalized };
  }
  const lines = reviewed.split(/\r\n|\r|\n/u).map(normalizeParagraphText);
  return align(raws, normalized, lines);
}

function stripTrailingBreaks(text: string): string {
  return text.replace(/\n+$/u, "");
}

const SKIP_PARAGRAPH = 1;
const SKIP_EMPTY_LINE = 1;
const CHANGED_MATCH = 0.25;

/** Minimum-cost alignment of paragraphs to lines (dynamic programming, letters are small). */
function align(
  raws: readonly string[],
  normalized: readonly string[],
  lines: readonly string[]
): ReviewedAlignment | undefined {
  const n = raws.length;
  const m = lines.length;
  const cost: number[][] = Array.from({ length: n + 1 }, () =>
    new Array<number>(m + 1).fill(Infinity)
  );
  const step: (undefined | { di: number; dj: number; text: string | null })[][] = Array.from(
    { length: n + 1 },
    () => new Array(m + 1).fill(undefined)
  );
  cost[0]![0] = 0;
  const relax = (
    i: number,
    j: number,
    di: number,
    dj: number,
    add: number,
    text: string | null
  ) => {
    const next = cost[i]![j]! + add;
    if (next < cost[i + di]![j + dj]!) {
      cost[i + di]![j + dj] = next;
      step[i + di]![j + dj] = { di, dj, text };
    }
  };
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (cost[i]![j] === Infinity) continue;
      if (j < m && lines[j] === "") relax(i, j, 0, 1, SKIP_EMPTY_LINE, null);
      if (i === n) continue;
      relax(i, j, 1, 0, SKIP_PARAGRAPH, null);
      // A paragraph is one line, or (when Word wrote soft breaks as newlines) one line per part.
      const parts = new Set([1, raws[i]!.split("\u000b").length]);
      for (const k of parts) {
        if (j + k > m) continue;
        const text = lines.slice(j, j + k).join("\n");
        if (text === normalized[i]) relax(i, j, 1, k, 0, text);
        else if (isSubsequence(text, normalized[i]!)) relax(i, j, 1, k, CHANGED_MATCH, text);
      }
    }
  }
  if (cost[n]![m] === Infinity) return undefined;
  const texts = new Array<string | null>(n).fill(null);
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const taken = step[i]![j]!;
    if (taken.di === 1) texts[i - 1] = taken.text;
    i -= taken.di;
    j -= taken.dj;
  }
  return { texts };
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const char of needle) {
    at = haystack.indexOf(char, at);
    if (at < 0) return false;
    at += char.length;
  }
  return true;
}
