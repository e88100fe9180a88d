import fc from "fast-check";
import { Lexeme, lexeme } from "../../../src/engine/linguistics/vocabulary.js";

const RUNS = Number(process.env.KLARBREV_PROPERTY_RUNS ?? 40) * 5;

/**
 * A shared Lexeme remembers its answers and looks a word up as given before lower-casing it
 * (lower-casing makes a new string each time). Its answers must be those of a Lexeme that has
 * seen nothing, which lower-cases every word: the old way, the oracle.
 */
describe("Lexeme.match", () => {
  const names = ["benefits", "sanctionNouns", "absenceVerbs", "appeals"];
  const words = fc.oneof(
    fc.constantFrom(
      "kontanthjælp",
      "Kontanthjælpen",
      "KONTANTHJÆLP",
      "rådighedssanktion",
      "Sanktionen",
      "sanktionsvejledning",
      "udebliver",
      "UDEBLIVER",
      "klage",
      "Klagen",
      "dagpenge",
      "sygedagpengene",
      // Lower-casing that is not one letter for one: İ, final sigma, titlecase digraphs, ß.
      "İstanbul",
      "i̇stanbul",
      "ΑΣ",
      "ας",
      "ǅemal",
      "ǆemal",
      "Straße"
    ),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: "binary", maxLength: 6 })
  );

  test("answers as a Lexeme that has seen nothing, whatever it saw before", () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(words, { maxLength: 20 }), (name, seen) => {
        const shared = new Lexeme(name);
        for (const word of seen) expect(shared.match(word)).toBe(new Lexeme(name).match(word));
      }),
      { numRuns: RUNS }
    );
  });

  test("finds forms in any case, and compounds by their head", () => {
    const benefits = lexeme("benefits");
    expect(benefits.match("kontanthjælp")?.lemma).toBe(benefits.match("KONTANTHJÆLP")?.lemma);
    expect(benefits.has("kontanthjælp")).toBe(true);
    expect(benefits.has("Kontanthjælp")).toBe(true);
    expect(lexeme("sanctionNouns").has("rådighedssanktion")).toBe(true);
    expect(lexeme("sanctionNouns").has("sanktionsvejledning")).toBe(false);
  });
});
