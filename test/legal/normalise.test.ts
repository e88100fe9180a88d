import fc from "fast-check";
import {
  normaliseLegalText,
  normaliseWithOffsets,
  sourceRange,
} from "../../src/engine/rules/legal/normalise.js";

/**
 * normaliseWithOffsets must give normaliseLegalText's text, with each normalised character mapped
 * to the source characters it came from (it now fills typed arrays instead of growing arrays).
 */
const pieces = fc.constantFrom(
  "Du",
  " ",
  "  ",
  "\n",
  "\n\n",
  "\t",
  "\u00a0",
  "får",
  "hjælpen",
  "a\u030a", // "å" decomposed: NFC makes it one character
  "e\u0301",
  "\u0301",
  "ü",
  ".",
  "§ 13",
  "x\u0308\u0308"
);

test("the normalised text is normaliseLegalText's, and every character maps back", () => {
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
      const source = parts.join("");
      const mapped = normaliseWithOffsets(source);
      expect(mapped.text).toBe(normaliseLegalText(source));
      expect(mapped.starts.length).toBe(mapped.text.length);
      expect(mapped.ends.length).toBe(mapped.text.length);
      for (let i = 0; i < mapped.text.length; i++) {
        const from = source.slice(mapped.starts[i], mapped.ends[i]);
        if (mapped.text[i] === " ") expect(from).toMatch(/^\s+$/u);
        else expect(from.normalize("NFC")).toContain(mapped.text[i]);
      }
    }),
    { numRuns: 500 }
  );
});

test("a range in the normalised text is the source range it came from", () => {
  const source = "  Du får  hjælpen\n igen fra\u00a0den dag.  ";
  const mapped = normaliseWithOffsets(source);
  expect(mapped.text).toBe("Du får hjælpen igen fra den dag.");
  const from = mapped.text.indexOf("hjælpen igen");
  const range = sourceRange(mapped, from, from + "hjælpen igen".length);
  expect(source.slice(range.start, range.end)).toBe("hjælpen\n igen");
});
