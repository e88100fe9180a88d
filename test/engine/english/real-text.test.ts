import { readEnglishConsequence } from "../../../src/engine/consequence/english.js";

/**
 * The English consequence model on real public English benefits text nobody on the project wrote.
 * Short quotations, each with its source address (read 2026-12-05).
 */
const BRACKNELL =
  "https://www.bracknell-forest.gov.uk/benefits-and-support/universal-credit/universal-credit-sanctions";
const UCINFO = "https://universalcreditinfo.net/glossary/sanction";
const PRISONERS = "https://www.prisonersabroad.org.uk/faqs/why-is-the-jobcentre-sanctioning-me";
const CARDIFF =
  "https://www.cardiffnewsonline.com/neglecting-one-call-could-cost-dwp-universal-credit-recipients-their-funding";
const CHRONICLE =
  "https://www.chroniclelive.co.uk/ (Your DWP Universal Credit payments could be cut for seven reasons)";

const threats: Array<[string, string, string]> = [
  [
    "If you fail to complete an agreed action, Universal Credit may stop or reduce your award.",
    "conditional",
    BRACKNELL,
  ],
  [
    "You can be given a sanction if you do not meet requirements for the benefit such as failing to attend an interview with a work coach.",
    "conditional",
    UCINFO,
  ],
  [
    "If you fail to meet one of these requirements, you can be sanctioned; this means your benefit is reduced for a certain period.",
    "conditional",
    PRISONERS,
  ],
  [
    "You could lose up to 100% of your standard allowance for each day the sanction is applied.",
    "risk",
    CARDIFF,
  ],
];

const calm: Array<[string, string]> = [
  // A reassurance: the sanction is inside the condition, the consequence is that payment goes on.
  [
    "Even if you face a sanction, you'll still receive other parts of your Universal Credit, like housing costs.",
    CARDIFF,
  ],
  // A negated sanction with a neutral condition.
  [
    "Sanctions should never be more than half your standard allowance and if you receive additional elements for UC, then you will continue receiving them.",
    CHRONICLE,
  ],
  // Third-person news about claimants.
  [
    "Universal Credit payments can be reduced for claimants if they fail to meet Department for Work and Pensions (DWP) criteria.",
    CHRONICLE,
  ],
  // A definition, no framing towards the reader.
  ["This is known as a sanction.", BRACKNELL],
];

describe("English consequence model on real public text", () => {
  test.each(threats)("threat: %s (%s, from %s)", (sentence, framing) => {
    const reading = readEnglishConsequence(sentence);
    expect({ threat: reading.threat, framing: reading.framing }).toEqual({ threat: true, framing });
  });

  test.each(calm)("not a threat: %s (from %s)", (sentence) => {
    const reading = readEnglishConsequence(sentence);
    expect({ threat: reading.threat, why: reading.notThreat }).toEqual({
      threat: false,
      why: expect.any(String),
    });
  });
});
