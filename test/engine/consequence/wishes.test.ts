import { readConsequence } from "../../../src/engine/consequence/model.js";
import { analyzeText } from "../../../src/engine/analyze.js";

/**
 * A condition on the reader's own wish (@wishes) is no failure: a fine or loss named in it is
 * what the reader wants changed, not a consequence held over the reader (issue 8; seen on
 * Aarhus Kommune's bødeforlæg letters: "Hvis du vil have dit bødeforlæg annulleret, ...").
 */
describe("a fine or loss the reader wishes changed is no threat", () => {
  test.each([
    "Hvis du vil have dit bødeforlæg annulleret, skal du kontakte Folkeregistret inden 14 dage.",
    "Hvis du vil have din bøde nedsat, skal du sende os dokumentation for din indtægt.",
    "Du kan skrive til os, hvis du gerne vil have din bøde nedsat.",
    "Hvis man ønsker sit bødeforlæg annulleret, skal man skrive til Folkeregistret.",
    "Vil du have dit bødeforlæg annulleret, skal du kontakte os inden 14 dage.",
  ])("%s", (sentence) => {
    expect(readConsequence(sentence)).toMatchObject({
      threat: false,
      notThreat: "condition content",
    });
    const rules = analyzeText(sentence).findings.map((finding) => finding.ruleId);
    expect(rules).not.toContain("threat/sanction");
    expect(rules).not.toContain("legal/sanction-incomplete");
  });
});

describe("a refusal, a wish to avoid a loss, or a punishment after the wish stays a threat", () => {
  test.each([
    // A negated wish refuses: a failure.
    ["Hvis du ikke vil deltage i aktiviteten, mister du din hjælp.", "mister"],
    // Avoiding a sanction holds the sanction over the reader (@avoidVerbs).
    ["Hvis du vil undgå en sanktion, skal du møde op til samtalen.", "sanktion"],
    // Bugs (review): a loss avoided was a neutral condition, and "slippe for" was no avoiding.
    ["Hvis du vil undgå at miste din hjælp, skal du møde op.", "miste"],
    ["Hvis du vil slippe for en sanktion, skal du møde op.", "sanktion"],
    // The punishment is the main clause's, not the wish's content.
    ["Hvis du selv vil sige dit job op, får du karantæne.", "karantæne"],
    [
      "Hvis du vil rejse til udlandet, skal du give os besked, ellers kan du få en sanktion.",
      "sanktion",
    ],
  ])("%s", (sentence, consequence) => {
    const reading = readConsequence(sentence);
    expect(reading.threat).toBe(true);
    expect(reading.consequence?.text).toBe(consequence);
  });
});
