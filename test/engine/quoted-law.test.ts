import fc from "fast-check";
import { quotedLawSpans } from "../../src/engine/letter/quoted-law.js";
import { forgetTextMemos } from "../../src/engine/util/text-memo.js";

/**
 * quotedLawSpans jumps from one opening quotation mark to the next instead of testing every
 * character. The oracle is the character-by-character scan it replaced, on the same rules: the
 * same spans on generated text full of quotation marks, apostrophes inside words, law marks and
 * law-naming words.
 */
const PAIRS: [string, string][] = [
  ["«", "»"],
  ["»", "«"],
  ['"', '"'],
  ["“", "”"],
  ["„", "“"],
  ["”", "”"],
  ["’", "’"],
  ["‘", "’"],
];

function everyCharacter(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let index = 0; index < text.length; index++) {
    const closers = PAIRS.filter(([open]) => open === text[index]).map(([, close]) => close);
    if (closers.length === 0) continue;
    if (index > 0 && /[\p{L}\p{N}]/u.test(text[index - 1]!)) continue;
    let close = -1;
    for (let at = index + 1; at < text.length && at - index <= 2000; at++) {
      if (closers.includes(text[at]!) && !/[\p{L}\p{N}]/u.test(text[at + 1] ?? "")) {
        close = at;
        break;
      }
    }
    if (close < 0) continue;
    const inner = text.slice(index + 1, close);
    const before = text.slice(Math.max(0, index - 80), index).toLowerCase();
    const cue = (before.match(/\p{L}+/gu) ?? []).some((word) =>
      ["lovteksten", "loven", "bestemmelsen", "reglen"].includes(word)
    );
    if (inner.includes("§") || inner.includes("stk.") || cue) {
      spans.push({ start: index, end: close + 1 });
      index = close;
    }
  }
  return spans;
}

const piece = fc.constantFrom(
  "«",
  "»",
  '"',
  "“",
  "”",
  "„",
  "’",
  "‘",
  "Danmark’s",
  " § 13",
  " stk. 2",
  " Lovteksten ser således ud: ",
  " Du skal møde op ",
  " kl. 10",
  ".\n\n",
  " og "
);

describe("quotedLawSpans", () => {
  test("finds what a character-by-character scan finds", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        forgetTextMemos();
        expect(quotedLawSpans(text)).toEqual(everyCharacter(text));
      }),
      { numRuns: 400 }
    );
  });

  test("a quoted provision in a letter", () => {
    const text =
      "Lovteksten ser således ud: ’Kommunen kan nedsætte hjælpen, jf. § 36.’ Ring til os.";
    expect(quotedLawSpans(text)).toEqual([{ start: 27, end: 69 }]);
  });
});
