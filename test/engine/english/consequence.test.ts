import { readEnglishConsequence } from "../../../src/engine/consequence/english.js";

/**
 * The English consequence model on real English benefits phrasing. Sentences marked (gov.uk) are
 * modelled on the wording of GOV.UK's Universal Credit and Jobseeker's Allowance guidance
 * ("your responsibilities", "sanctions"); (fixture) is test/fixtures/letters/indkaldelse-moede-en.txt;
 * the rest are the shapes issue 8 §5 names.
 */
const threats: Array<[string, string, string]> = [
  ["If you do not attend, your benefits will be reduced.", "conditional", "reduced"],
  ["You may lose your benefit.", "risk", "lose"],
  ["Failure to attend will result in a sanction.", "conditional", "sanction"],
  ["Your benefit will be reduced if you do not attend.", "conditional", "reduced"],
  [
    "If you do not come and do not have a good reason, you will not receive cash benefits for the days until you contact us again.",
    "conditional",
    "will not receive cash benefits",
  ],
  // gov.uk (Universal Credit: your responsibilities)
  [
    "If you do not meet your responsibilities, your Universal Credit could be stopped or reduced.",
    "conditional",
    "stopped",
  ],
  // gov.uk (Jobseeker's Allowance)
  [
    "Your JSA may be stopped if you miss an appointment with your work coach.",
    "conditional",
    "stopped",
  ],
  ["Unless you send us your payslips, we will stop your payments.", "conditional", "stop"],
  ["Attend the meeting, otherwise your allowance will be suspended.", "conditional", "suspended"],
];

const calm: Array<[string, string]> = [
  ["If you get a job, your benefit stops.", "neutral condition"],
  ["We will not stop your benefit if you are ill and tell us.", "negated"],
  ["Many claimants have been told they may lose their benefits.", "not the reader"],
  ["What happens to my benefit if I miss a meeting and they stop it?", "question"],
  ["If you lose your benefit, you can contact us for advice.", "condition content"],
  ["We have decided to reduce your benefit from 1 January.", "stated decision"],
  // gov.uk: the definition, no framing
  ["This is called a sanction.", "no framing"],
  ["Please call us if you cannot come.", "no consequence"],
];

describe("English consequence model", () => {
  test.each(threats)("threat: %s", (sentence, framing, consequence) => {
    const reading = readEnglishConsequence(sentence);
    expect({
      threat: reading.threat,
      framing: reading.framing,
      text: reading.consequence?.text,
    }).toEqual({ threat: true, framing, text: consequence });
  });

  test.each(calm)("not a threat: %s (%s)", (sentence, why) => {
    const reading = readEnglishConsequence(sentence);
    expect({ threat: reading.threat, why: reading.notThreat }).toEqual({ threat: false, why });
  });
});
