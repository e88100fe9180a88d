import { readConsequence } from "../../../src/engine/consequence/model.js";

/**
 * Fines, the police and a cancelled permit held over the reader (issue 8, 6): the threat
 * sentences of the studied bødeforlæg and byggeri reminder (test/corpus/sentences/aarhus-*.yml,
 * "Second code batch" in test/corpus/README.md), and what must stay no threat.
 */
describe("a fine, the police or a cancelled permit after a failure is a threat", () => {
  test.each([
    // "bødeforlæg" has "forlæg" as its head: the compound rule did not find it under "bøde".
    [
      "Hvis du melder flytning senere, kan kommunen give dig et bødeforlæg, for at melde flytning for sent.",
      "bødeforlæg",
    ],
    [
      "Hvis dine bemærkninger ikke ændrer på vores afgørelse, og du ikke betaler bødeforlægget, vil din sag vil blive overdraget til politiet til retlig behandling.",
      "overdraget til politiet",
    ],
    [
      "Hvis vi ikke hører fra dig inden 14 dage, betragter vi derfor sagen som opgivet, og byggetilladelsen vil blive annulleret.",
      "annulleret",
    ],
  ])("%s", (sentence, consequence) => {
    const reading = readConsequence(sentence);
    expect(reading).toMatchObject({ threat: true, trigger: "conditional" });
    expect(reading.consequence?.text).toBe(consequence);
  });
});

describe("a fine already given, or a cancellation asked for, is no threat", () => {
  test.each([
    // Paying the fine the letter imposed ends the case: no consequence held over the reader.
    "Hvis du anerkender, at du har meldt flytning for sent, afsluttes sagen når du betaler bødeforlægget.",
    "Hvis du anerkender det, afsluttes sagen, når du betaler bøden.",
    // A cancellation made at the reader's wish, stated.
    "Vi har annulleret din byggetilladelse efter dit ønske.",
    // Hearing from the reader as an offer.
    "Hvis du har spørgsmål, vil vi gerne høre fra dig.",
  ])("%s", (sentence) => {
    expect(readConsequence(sentence).threat).toBe(false);
  });
});
