import { matchersOf } from "../../../src/engine/rules/matchers.js";
import { FormFinder } from "../../../src/engine/rules/threat/patterns.js";

/**
 * FormFinder: how the threat rules find the `words` entries of their rule files (every form from
 * the dictionary, fixed multi-word expressions, compounds by their head).
 */
describe("FormFinder", () => {
  const friendly = new FormFinder(
    matchersOf("threat/shouting").flatMap((entry) => entry.forms ?? [])
  );

  test("a one-word form as a whole word, in any inflected form", () => {
    expect(friendly.find("Det var en hyggelige dag!").map((hit) => hit.text)).toEqual([
      "hyggelige",
    ]);
    expect(friendly.test("Taknemmelig!")).toBe(false);
  });

  test("a multi-word form as those words in a row, across line breaks", () => {
    expect(friendly.find("Vi glæder\nos til at se dig").map((hit) => hit.text)).toEqual([
      "glæder\nos",
    ]);
    expect(friendly.test("Vi glæder dig")).toBe(false);
  });

  test("compounds count by their head, never by a short tail or a bare modifier", () => {
    const duty = new FormFinder(["pligt", "pligten", "krav", "kravet"], true);
    expect(duty.find("Du har mødepligt og skal opfylde SU-kravet.").map((hit) => hit.text)).toEqual(
      ["mødepligt", "SU-kravet"]
    );
    // "pligtig" ends in no form; "ukrav" leaves a modifier of two letters.
    expect(duty.test("Du er skattepligtig, ukrav.")).toBe(false);
    expect(new FormFinder(["krav"], false).test("SU-kravet")).toBe(false);
  });
});
