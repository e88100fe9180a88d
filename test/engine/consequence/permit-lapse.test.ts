import { readConsequence } from "../../../src/engine/consequence/model.js";

/**
 * A permit, grant or approval the reader holds is a right a letter can threaten (issue 8, 6;
 * test/corpus/README.md, "Second code batch"): "Tilladelsen bortfalder, hvis arbejdet ikke er
 * påbegyndt" holds the loss of the permit over a failure to start the work, as the byggelov's
 * lapse rule is written in Danish authority letters. Its hard negatives keep their readings.
 */
describe("a permit or grant that lapses on a failure is a threat", () => {
  test.each([
    // The corpus sentence (sentences/aarhus-byggeri-rykker-paabegyndelse-ejer.yml), missed before.
    [
      "Tilladelsen bortfalder, hvis arbejder ikke er sat i gang inden et år fra tilladelsens dato.",
      "bortfalder",
    ],
    [
      "Byggetilladelsen bortfalder, hvis arbejdet ikke er påbegyndt inden et år fra tilladelsens dato.",
      "bortfalder",
    ],
    ["Din bevilling ophører, hvis du ikke begynder på forløbet inden den 1. marts.", "ophører"],
    ["Godkendelsen bortfalder, hvis byggeriet ikke igangsættes inden to år.", "bortfalder"],
  ])("%s", (sentence, consequence) => {
    const reading = readConsequence(sentence);
    expect(reading).toMatchObject({ threat: true, trigger: "conditional" });
    expect(reading.consequence?.text).toBe(consequence);
  });
});

describe("a permit's lapse that no failure triggers is no threat", () => {
  test.each([
    // A neutral condition: moving is no failure.
    ["Din bevilling ophører, hvis du flytter til en anden kommune.", "neutral condition"],
    // Negated: the permit is kept.
    ["Tilladelsen bortfalder ikke, selv om arbejdet først påbegyndes om et år.", "negated"],
    // The lapse reported in the past, not held over the reader.
    ["Borgerens byggetilladelse bortfaldt, fordi arbejdet ikke var påbegyndt.", "no framing"],
  ])("%s", (sentence, notThreat) => {
    expect(readConsequence(sentence)).toMatchObject({ threat: false, notThreat });
  });

  test("starting the work is a duty to report, not a consequence", () => {
    expect(readConsequence("Når arbejdet er påbegyndt, skal du give os besked.").threat).toBe(
      false
    );
  });
});
