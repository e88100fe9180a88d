/// <reference types="office-js" />

/**
 * Soft line breaks (Shift+Enter, "\n" inside a Letter block) go into Word as real line breaks,
 * never as U+000B in inserted text: Word on the web inserts that character as text and cannot
 * search it (office-js #5403). The first line goes in as the paragraph's text; each further line
 * is `Range.insertBreak("Line", "After")` at the end of the paragraph's content, then its text.
 */

/** The lines of a block's text ("\r\n", "\r" and "\n" all break a line). */
export function splitLines(text: string): [string, ...string[]] {
  const [first = "", ...rest] = text.split(/\r\n|\r|\n/u);
  return [first, ...rest];
}

/** Queue: append these lines to the paragraph, each after a line break. */
export function appendLines(paragraph: Word.Paragraph, lines: readonly string[]): void {
  for (const line of lines) {
    paragraph.getRange("Content").insertBreak("Line", "After");
    if (line) paragraph.insertText(line, "End");
  }
}

/** Queue a new paragraph with this (possibly multi-line) text beside `anchor`. */
export function insertParagraphLines(
  anchor: Word.Paragraph | Word.ContentControl,
  text: string,
  location: "Before" | "After"
): Word.Paragraph {
  const [first, ...more] = splitLines(text);
  const paragraph = anchor.insertParagraph(first, location);
  appendLines(paragraph, more);
  return paragraph;
}
