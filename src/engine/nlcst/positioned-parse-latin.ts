import type { Point } from "unist";
import type { SentenceContent } from "nlcst";
import { ParseLatin } from "parse-latin";

/**
 * parse-latin, tokenising a segment of the letter where it stands. parse-latin numbers every
 * segment from line 1, column 1, offset 0, and the letter parser then moved every point of the
 * tree to its place (a walk with a Set of the points seen, since parse-latin shares points between
 * parents and children): about a sixth of the parse. Here the tokeniser starts at the segment's
 * point, so the tree is born in place, and it tells a character's node type by a table (filled
 * by asking parse-latin's own tokeniser once per UTF-16 unit) instead of three Unicode regex tests
 * per character. The nodes are the same objects parse-latin builds (same fields, same order, the
 * same start point shared by a word and its text): test/engine/nlcst/positioned-parse-latin.test.ts
 * holds it to parse-latin's tokeniser and the old shift.
 */

type TokenType = SentenceContent["type"];
const TYPES: readonly TokenType[] = ["WhiteSpaceNode", "PunctuationNode", "WordNode", "SymbolNode"];
const UNKNOWN = 255;

/** Node type index per UTF-16 code unit, filled on first sight. */
const typeOfUnit = new Uint8Array(0x10000).fill(UNKNOWN);
const reference = new ParseLatin();

function typeIndex(unit: number): number {
  let index = typeOfUnit[unit]!;
  if (index === UNKNOWN) {
    // parse-latin reads the value with charAt: one code unit, so a lone surrogate too.
    const node = reference.tokenize(String.fromCharCode(unit))[0]!;
    index = TYPES.indexOf(node.type);
    typeOfUnit[unit] = index;
  }
  return index;
}

const WORD = 2;
const WHITE_SPACE = 0;

export class PositionedParseLatin extends ParseLatin {
  /** Where the next tokenised value starts in the letter. */
  origin: Point = { line: 1, column: 1, offset: 0 };

  override tokenize(value: string | null | undefined): SentenceContent[] {
    const children: SentenceContent[] = [];
    if (!value) return children;
    let line = this.origin.line;
    let column = this.origin.column;
    let offset = this.origin.offset!;
    let from = 0;
    let start: Point = { line, column, offset };
    let previousType = -1;
    let previous = -1;
    const flush = (type: number, to: number) => {
      const text = value.slice(from, to);
      const end = (): Point => ({ line, column, offset });
      if (type === WORD) {
        children.push({
          type: "WordNode",
          children: [{ type: "TextNode", value: text, position: { start, end: end() } }],
          position: { start, end: end() },
        });
      } else {
        children.push({
          type: TYPES[type] as "WhiteSpaceNode",
          value: text,
          position: { start, end: end() },
        });
      }
    };
    for (let index = 0; index < value.length; index++) {
      const current = value.charCodeAt(index);
      const currentType = typeIndex(current);
      if (
        from < index &&
        !(
          previousType === currentType &&
          // Words and white space continue; so does a run of one punctuation or symbol
          // character, and a surrogate half.
          (previousType === WORD ||
            previousType === WHITE_SPACE ||
            current === previous ||
            (current >= 0xd800 && current <= 0xdfff))
        )
      ) {
        flush(previousType, index);
        from = index;
        start = { line, column, offset };
      }
      // "\r\n" is one line break; "\r" or "\n" alone also break a line.
      if (current === 13 || (current === 10 && previous !== 13)) {
        line++;
        column = 1;
      } else if (current !== 10) {
        column++;
      }
      offset++;
      previousType = currentType;
      previous = current;
    }
    if (from < value.length) flush(previousType, value.length);
    return children;
  }
}
