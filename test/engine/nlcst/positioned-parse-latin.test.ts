import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import type { Nodes } from "nlcst";
import { ParseLatin } from "parse-latin";
import type { Point } from "unist";
import { danishParagraphPlugin } from "../../../src/engine/nlcst/danish-sentences.js";
import { PositionedParseLatin } from "../../../src/engine/nlcst/positioned-parse-latin.js";

/**
 * The oracle: parse-latin's own tokeniser from line 1, column 1, offset 0, then every point moved
 * to the segment's place, each shared point once (the letter parser's shift before
 * PositionedParseLatin).
 */
function oldParse(text: string, origin: Point): Nodes {
  const parser = new ParseLatin();
  parser.tokenizeParagraphPlugins.unshift(danishParagraphPlugin);
  const tree = parser.tokenizeParagraph(text);
  const seen = new Set<object>();
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const position = current.position;
    if (position) {
      for (const point of [position.start, position.end]) {
        if (point.offset === undefined || seen.has(point)) continue;
        seen.add(point);
        if (point.line === 1) point.column += origin.column - 1;
        point.line += origin.line - 1;
        point.offset += origin.offset!;
      }
    }
    if ("children" in current) stack.push(...(current.children as Nodes[]));
  }
  return tree;
}

function newParse(text: string, origin: Point): Nodes {
  const parser = new PositionedParseLatin();
  parser.tokenizeParagraphPlugins.unshift(danishParagraphPlugin);
  parser.origin = origin;
  return parser.tokenizeParagraph(text);
}

/** The tree as JSON with every point object numbered in order of first sight: sharing shows. */
function shape(tree: Nodes): string {
  const ids = new Map<object, number>();
  return JSON.stringify(tree, (key, value: unknown) => {
    if ((key === "start" || key === "end") && typeof value === "object" && value !== null) {
      if (!ids.has(value)) ids.set(value, ids.size);
      return { id: ids.get(value), ...(value as Point) };
    }
    return value;
  });
}

const origins = fc.record({
  line: fc.integer({ min: 1, max: 500 }),
  column: fc.integer({ min: 1, max: 80 }),
  offset: fc.integer({ min: 0, max: 100_000 }),
});

const letters = ["test/fixtures/letters", "test/corpus/letters"].flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => /\.(txt|md)$/u.test(name))
    .map((name) => readFileSync(`${folder}/${name}`, "utf8"))
);

describe("PositionedParseLatin", () => {
  it("builds the tree parse-latin builds, moved to the segment's place, on every corpus letter", () => {
    expect(letters.length).toBeGreaterThan(10);
    for (const text of letters) {
      const origin = { line: 7, column: 3, offset: 120 };
      expect(shape(newParse(text, origin))).toBe(shape(oldParse(text, { ...origin })));
    }
  });

  it("starts at line 1, column 1, offset 0 by default, like parse-latin", () => {
    const text = "Du skal møde op.\r\nHusk dit NemID – kl. 10.00 🙂 !!";
    const plain = new ParseLatin();
    expect(shape(new PositionedParseLatin().tokenizeParagraph(text))).toBe(
      shape(plain.tokenizeParagraph(text))
    );
  });

  it("equals the oracle on random text: Danish letters, punctuation runs, line breaks, surrogates", () => {
    const pieces = fc.constantFrom(
      "Du",
      "skal",
      "møde",
      "ÆØÅ",
      "kl.",
      "10.00",
      "§ 13",
      "stk.",
      " ",
      "  ",
      "\n",
      "\r\n",
      "\r",
      "\t",
      ".",
      "...",
      "!?",
      ",",
      "-",
      "–",
      "«",
      "»",
      "\u00a0",
      "\u00ad",
      "🙂",
      "\ud83d",
      "e\u0301",
      "@",
      "&",
      "100%",
      "Jobcenter",
      "A/S"
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), origins, (parts, origin) => {
        const text = parts.join("");
        expect(shape(newParse(text, origin))).toBe(shape(oldParse(text, { ...origin })));
      }),
      { numRuns: Number(process.env.KLARBREV_PROPERTY_RUNS ?? 300) }
    );
  });

  it("equals the oracle on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), origins, (text, origin) => {
        expect(shape(newParse(text, origin))).toBe(shape(oldParse(text, { ...origin })));
      }),
      { numRuns: Number(process.env.KLARBREV_PROPERTY_RUNS ?? 300) }
    );
  });
});
