import {
  DANISH_MONTHS,
  DANISH_WEEKDAYS,
  ENGLISH_MONTHS,
  ENGLISH_WEEKDAYS,
} from "../linguistics/calendar.js";
import { alternation, formSource, lemmas } from "../linguistics/vocabulary.js";
import type { Block, BlockKind, Letter } from "./model.js";

/**
 * Turn a plain-text or Markdown letter into a Letter: split into chunks at blank lines, then
 * classify each chunk (address, date line, subject, greeting, body, closing, signature).
 * Protected legal blocks are marked with HTML comments:
 *   <!-- klarbrev:legal id="klagevejledning" version="2" -->  ...  <!-- /klarbrev:legal -->
 */

export interface ClassifyOptions {
  format?: "txt" | "md";
}

interface Line {
  text: string;
  start: number;
  end: number;
}

interface Chunk {
  lines: Line[];
  legal?: { id: string; version: string; title?: string; fieldValues?: string[] };
}

const LEGAL_OPEN =
  /^\s*<!--\s*klarbrev:legal\s+id="([^"]+)"\s+version="([^"]+)"(?:\s+title="([^"]*)")?(?:\s+fields="([^"]*)")?\s*-->\s*$/;
const LEGAL_CLOSE = /^\s*<!--\s*\/klarbrev:legal\s*-->\s*$/;

const MONTHS = [...DANISH_MONTHS, ...ENGLISH_MONTHS]
  .flatMap((month) => [month.name, ...month.abbreviations])
  .filter((name, index, all) => all.indexOf(name) === index)
  .sort((a, b) => b.length - a.length)
  .join("|");
const WEEKDAYS = [...DANISH_WEEKDAYS, ...ENGLISH_WEEKDAYS].join("|");
/** "den 3." or "d. 3." (@dateArticles): a form with a full stop may touch the day ("d.3/12"). */
const DATE_ARTICLE = lemmas("dateArticles")
  .map((form) => `${formSource(form)}${form.endsWith(".") ? "\\s*" : "\\s+"}`)
  .join("|");
const DATE_LINE = new RegExp(
  `^(?:[\\p{L} .-]+,\\s*)?(?:(?:${WEEKDAYS})\\s+)?(?:${DATE_ARTICLE})?(?:\\d{1,2}\\.?\\s*(?:${MONTHS})\\.?\\s+\\d{4}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|(?:${MONTHS})\\s+\\d{1,2},?\\s+\\d{4})$`,
  "iu"
);
// Greetings and closings in Danish and English (a letter may be in either).
const GREETING = new RegExp(
  `^(${alternation("greetings")}|${alternation("greetings", "en")})\\b[^.!?]{0,60}[,!:]?$`,
  "iu"
);
const CLOSING = new RegExp(
  `^(${alternation("closings")}|${alternation("closings", "en")})[,.]?$`,
  "iu"
);
const POSTCODE_LINE = /^(?:DK-)?\d{4}\s+\p{Lu}[\p{L} .-]*$/u;
// "Laksetorvet 1", "Vestervang 19, 3. mf.", "Nørregade 41, st. th."
// The floor words: @floorNumberWords ("2. sal") and @floorSideWords ("st.").
const FLOOR = `${alternation("floorNumberWords")}|${alternation("floorSideWords")}`;
const STREET_LINE = new RegExp(
  `^[\\p{L} .'-]+\\s\\d+[A-Za-z]?(?:,?\\s*(?:\\d+\\.?\\s*)?(?:${FLOOR})\\.?)*$`,
  "u"
);
const ORG_LINE = new RegExp(`\\b(${alternation("senderOffices")})\\b`, "iu");
const CPR_OR_CONTACT = new RegExp(`^(${alternation("contactLabels")})\\.?[:\\s]`, "iu");
const LIST_ITEM = /^\s*(?:[-*•–]|\d{1,2}[.)])\s+\S/u;
const END_PUNCTUATION = /[.!?:;,]["»”)]*$/u;

export function classifyText(text: string, options: ClassifyOptions = {}): Letter {
  const chunks = splitChunks(text);
  const blocks: Block[] = [];
  let seenBody = false;
  let seenSubject = false;
  let seenClosing = false;

  const push = (kind: BlockKind, lines: Line[], extra: Partial<Block> = {}) => {
    const first = lines[0]!;
    const last = lines[lines.length - 1]!;
    blocks.push({
      kind,
      text: text.slice(first.start, last.end),
      start: first.start,
      end: last.end,
      ...extra,
    });
  };

  for (const chunk of chunks) {
    if (chunk.legal) {
      push("legal", chunk.lines, { legal: chunk.legal });
      continue;
    }
    let lines = chunk.lines;

    if (options.format === "md") {
      const heading = /^(#{1,6})\s+(.*)$/u.exec(lines[0]!.text);
      if (heading) {
        const level = heading[1]!.length;
        const kind: BlockKind = !seenSubject && !seenBody ? "subject" : "heading";
        if (kind === "subject") seenSubject = true;
        push(kind, [lines[0]!], { level });
        lines = lines.slice(1);
        if (lines.length === 0) continue;
      }
    }

    if (lines.every((line) => LIST_ITEM.test(line.text))) {
      for (const line of lines) push("listItem", [line]);
      seenBody = true;
      continue;
    }

    const firstText = lines[0]!.text.trim();

    if (CLOSING.test(firstText)) {
      push("closing", [lines[0]!]);
      seenClosing = true;
      if (lines.length > 1) push("signature", lines.slice(1));
      continue;
    }

    if (seenClosing) {
      if (isProse(lines)) {
        // Guidance or a postscript after the signature: a short first line is its heading.
        if (lines.length > 1 && isShortLine(lines[0]!.text)) {
          push("heading", [lines[0]!]);
          lines = lines.slice(1);
        }
        push("paragraph", lines);
      } else if (
        lines.length === 1 &&
        isShortLine(firstText) &&
        blocks.at(-1)?.kind !== "closing"
      ) {
        push("heading", lines);
      } else {
        push("signature", lines);
      }
      continue;
    }

    if (!seenBody && lines.length === 1 && DATE_LINE.test(firstText)) {
      push("date", lines);
      continue;
    }

    if (!seenBody && !seenSubject && isAddress(lines, blocks.length === 0)) {
      push("address", lines);
      continue;
    }

    if (lines.length === 1 && GREETING.test(firstText)) {
      push("greeting", lines);
      continue;
    }

    const beforeBody = !seenSubject && !seenBody;
    // Above the greeting a single unpunctuated line is the subject even when it is long.
    const aboveGreeting = beforeBody && !blocks.some((block) => block.kind === "greeting");
    if (lines.length === 1 && isShortLine(firstText, beforeBody, aboveGreeting ? 20 : 12)) {
      if (beforeBody) {
        push("subject", lines, { level: 1 });
        seenSubject = true;
      } else {
        push("heading", lines, { level: 2 });
      }
      continue;
    }

    // A short heading line directly above prose in the same chunk.
    if (lines.length > 1 && isShortLine(lines[0]!.text) && isProse(lines.slice(1))) {
      const kind: BlockKind = !seenSubject && !seenBody ? "subject" : "heading";
      if (kind === "subject") seenSubject = true;
      push(kind, [lines[0]!], { level: kind === "subject" ? 1 : 2 });
      lines = lines.slice(1);
    }

    if (lines.length > 1 && lines.some((line) => LIST_ITEM.test(line.text))) {
      // Prose followed by list lines: the lead-in is a paragraph, each item its own block.
      let index = 0;
      while (index < lines.length && !LIST_ITEM.test(lines[index]!.text)) index++;
      if (index > 0) push("paragraph", lines.slice(0, index));
      for (const line of lines.slice(index))
        push(LIST_ITEM.test(line.text) ? "listItem" : "paragraph", [line]);
      seenBody = true;
      continue;
    }

    push("paragraph", lines);
    seenBody = true;
  }

  return { text, blocks };
}

function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Line[] = [];
  let legal: Chunk["legal"];
  let legalLines: Line[] = [];

  const flush = () => {
    if (current.length > 0) chunks.push({ lines: current });
    current = [];
  };

  const pattern = /[^\r\n]*(?:\r\n|\r|\n|$)/gu;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null && match.index < text.length) {
    const raw = match[0];
    const content = raw.replace(/(?:\r\n|\r|\n)$/u, "");
    const start = match.index;
    // Trim surrounding white space but keep offsets exact.
    const leading = content.length - content.trimStart().length;
    const trimmed = content.trim();
    const line: Line = {
      text: trimmed,
      start: start + leading,
      end: start + leading + trimmed.length,
    };

    const open = LEGAL_OPEN.exec(content);
    if (legal) {
      if (LEGAL_CLOSE.test(content) || open) {
        if (legalLines.length > 0) chunks.push({ lines: legalLines, legal });
        legal = undefined;
        legalLines = [];
        // A new marker before the close (a forgotten close, or nesting) starts the next block:
        // a marker is never part of the guidance text.
        if (open) legal = legalRefOf(open);
      } else if (trimmed) {
        legalLines.push(line);
      } else if (legalLines.length > 0) {
        legalLines.push(line);
      }
      continue;
    }
    if (open) {
      flush();
      legal = legalRefOf(open);
      continue;
    }
    if (LEGAL_CLOSE.test(content)) {
      // A stray close marker (nested or duplicated markers) is markup, not prose.
      flush();
      continue;
    }
    if (!trimmed) {
      flush();
      continue;
    }
    current.push(line);
  }
  if (legal && legalLines.length > 0) chunks.push({ lines: legalLines, legal });
  flush();
  // Trailing blank lines inside a legal block do not belong to it.
  for (const chunk of chunks) {
    while (chunk.lines.length > 0 && chunk.lines[chunk.lines.length - 1]!.text === "")
      chunk.lines.pop();
  }
  return chunks.filter((chunk) => chunk.lines.length > 0);
}

function legalRefOf(open: RegExpExecArray): NonNullable<Chunk["legal"]> {
  const legal: NonNullable<Chunk["legal"]> = { id: open[1]!, version: open[2]! };
  if (open[3]) legal.title = open[3];
  if (open[4] !== undefined) legal.fieldValues = decodeFieldValues(open[4]);
  return legal;
}

function wordCount(line: string): number {
  return line.split(/\s+/u).filter(Boolean).length;
}

/**
 * A heading-like line. Question headings ("Hvad skal vi tale om?") are common in plain letters;
 * an exclamation is a heading only as the subject line ("Husk din samtale!"), in the body it is prose.
 * A subject line may be longer (`maxWords`): one that states the request or the meeting ("Send os
 * dine lønsedler for september og oktober senest fredag den 11. december 2026") often is.
 */
function isShortLine(line: string, exclamationAllowed = false, maxWords = 12): boolean {
  const trimmed = line.trim();
  const ending = exclamationAllowed ? /[.;,]$/u : /[.;,!]$/u;
  return wordCount(trimmed) <= maxWords && !ending.test(trimmed);
}

function isProse(lines: Line[]): boolean {
  const words = lines.reduce((sum, line) => sum + wordCount(line.text), 0);
  const last = lines[lines.length - 1]!.text;
  return words >= 8 && END_PUNCTUATION.test(last);
}

function isAddress(lines: Line[], isFirstChunk: boolean): boolean {
  const addressy = lines.filter(
    (line) =>
      POSTCODE_LINE.test(line.text) ||
      STREET_LINE.test(line.text) ||
      ORG_LINE.test(line.text) ||
      CPR_OR_CONTACT.test(line.text)
  ).length;
  const allShort = lines.every(
    (line) =>
      wordCount(line.text) <= 6 && (!END_PUNCTUATION.test(line.text) || STREET_LINE.test(line.text))
  );
  if (!allShort) return false;
  if (lines.length > 1) return addressy > 0 || isFirstChunk;
  return isFirstChunk && addressy > 0;
}

/**
 * The values of a marker's `fields` attribute: separated by "|", with "%", '"', "|", "<" and ">"
 * percent-encoded (encodeFieldValues in src/templates/structure.ts writes them).
 */
export function decodeFieldValues(attribute: string): string[] {
  return attribute.split("|").map((value) => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  });
}
