/**
 * The little Klarbrev needs from a paragraph's Office Open XML (`Paragraph.getOoxml()`, a
 * flat-OPC package): whether it holds content that cannot be moved safely, whether it is in a
 * list, and, for a moved paragraph that also gets a replacement, the same package with the text
 * replaced inside its runs (so formatting, links and bookmarks come along).
 */

/** Fields, foot/endnote references, pictures and objects, comments: never moved by Klarbrev. */
const UNMOVABLE: readonly [RegExp, string][] = [
  [/<w:fldSimple\b|<w:fldChar\b|<w:instrText\b/u, "field"],
  [/<w:footnoteReference\b|<w:endnoteReference\b/u, "note"],
  [/<w:drawing\b|<w:pict\b|<w:object\b/u, "picture"],
  [/<w:commentReference\b|<w:commentRangeStart\b/u, "comment"],
];

/** What in the paragraph keeps it from being moved, or an empty list. */
export function unmovableContent(ooxml: string): string[] {
  return UNMOVABLE.filter(([pattern]) => pattern.test(ooxml)).map(([, what]) => what);
}

export function hasListNumbering(ooxml: string): boolean {
  return /<w:numPr\b/u.test(ooxml);
}

const TEXT_RUN = /<w:t(\s[^>]*)?>([^<]*)<\/w:t>|<w:t(\s[^>]*)?\/>/gu;

/**
 * Replace [start, end) of the paragraph's text inside its `w:t` elements. Undefined when the
 * runs do not spell exactly `text` (tabs, breaks, fields, tracked changes...): then the caller
 * must not guess.
 */
export function replaceInOoxml(
  ooxml: string,
  paragraphText: string,
  start: number,
  end: number,
  replacement: string
): string | undefined {
  if (/<w:(br|tab|cr|sym|delText|instrText|noBreakHyphen|softHyphen)\b/u.test(ooxml))
    return undefined;
  const runs = [...ooxml.matchAll(TEXT_RUN)].map((match) => ({
    index: match.index,
    length: match[0].length,
    text: unescapeXml(match[2] ?? ""),
  }));
  if (runs.map((run) => run.text).join("") !== paragraphText) return undefined;
  let offset = 0;
  let placed = false;
  const texts = runs.map((run) => {
    const from = offset;
    const to = offset + run.text.length;
    offset = to;
    const cutFrom = Math.max(start, from) - from;
    const cutTo = Math.min(end, to) - from;
    // The replacement goes into the run where the edit starts (an insertion at a run boundary
    // joins the run before it, as typing there would).
    const here = !placed && start >= from && (start < to || (start === to && start === end));
    if (here) placed = true;
    if (!here && (cutTo <= cutFrom || end <= from || start >= to)) return run.text;
    return run.text.slice(0, cutFrom) + (here ? replacement : "") + run.text.slice(cutTo);
  });
  if (!placed) return undefined;
  let result = "";
  let at = 0;
  runs.forEach((run, index) => {
    result += ooxml.slice(at, run.index);
    result += `<w:t xml:space="preserve">${escapeXml(texts[index]!)}</w:t>`;
    at = run.index + run.length;
  });
  return result + ooxml.slice(at);
}

function escapeXml(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/gu, "<")
    .replace(/&gt;/gu, ">")
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, "&");
}
