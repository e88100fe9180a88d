/**
 * A small glob matcher for `klarbrev check 'archive/**\/*.txt'`: quoted patterns get past the
 * shell's argument limit. `*` and `?` stay within one path segment and skip dot files, `**` is
 * any number of folders, `[abc]`/`[!a-z]` are character classes, `{a,b}` alternatives (not
 * nested). Everything else is literal.
 */

const MAGIC = /[*?[{]/u;

/** True when `path` uses glob syntax (and so, when it does not exist, is expanded). */
export function hasGlobSyntax(path: string): boolean {
  return MAGIC.test(path);
}

/** `{a,b}` alternatives expanded first: `x.{txt,md}` -> `x.txt`, `x.md` (left to right). */
export function expandBraces(pattern: string): string[] {
  const match = /\{([^{}]*,[^{}]*)\}/u.exec(pattern);
  if (!match) return [pattern];
  const before = pattern.slice(0, match.index);
  const after = pattern.slice(match.index + match[0].length);
  return match[1]!.split(",").flatMap((option) => expandBraces(`${before}${option}${after}`));
}

/** One path segment's pattern as a regular expression (`**` is handled by the walker). */
export function segmentMatcher(segment: string): RegExp {
  let source = "";
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === "*") source += "[^/]*";
    else if (ch === "?") source += "[^/]";
    else if (ch === "[") {
      const close = segment.indexOf("]", i + 2);
      if (close === -1) {
        source += "\\[";
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negated = body.startsWith("!") || body.startsWith("^");
      if (negated) body = body.slice(1);
      source += `[${negated ? "^" : ""}${body.replace(/[\\\]^]/gu, "\\$&")}]`;
      i = close;
    } else source += ch.replace(/[.+^${}()|\\/\]]/gu, "\\$&");
  }
  // Like a shell: a wildcard never matches a leading dot unless the pattern starts with one.
  const dot = segment.startsWith(".") ? "" : "(?!\\.)";
  return new RegExp(`^${dot}${source}$`, "u");
}

export function isMagicSegment(segment: string): boolean {
  return segment === "**" || /[*?[]/u.test(segment);
}
