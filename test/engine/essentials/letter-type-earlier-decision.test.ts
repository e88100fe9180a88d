import { buildLetter } from "../../../src/engine/letter/model.js";
import { classifyLetterType, extractFacts } from "../../../src/engine/rules/essentials/index.js";
import { decisionCues, titleLines } from "../../../src/engine/rules/essentials/decision-cues.js";

/** A letter with no subject line, so only the body's performatives and structure decide. */
function letter(...paragraphs: string[]) {
  return buildLetter([
    { kind: "greeting", text: "Kære Jens" },
    ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
  ]);
}

const cues = (...texts: string[]) => [...decisionCues(texts, titleLines(texts))].sort();

const NEWS = "Vi skriver for at fortælle dig, at vi flytter til nye lokaler i januar.";

/**
 * An adverb of the past (@pastAdverbs) between the authority and its perfect reports an earlier
 * decision, not the one this letter makes (issue 8; seen on Aarhus Kommune's letters: "Vi har
 * tidligere godkendt din ansøgning" in a letter that tells something else).
 */
describe("an earlier decision reported in the perfect makes no afgørelse", () => {
  test.each<string>([
    "Vi har tidligere godkendt din ansøgning om hjælp til kørsel.",
    "Kommunen har allerede bevilget dig hjælp til kørsel.",
    "Jobcentret har oprindeligt godkendt din ansøgning om et kursus.",
    "Kommunen har tidligere truffet afgørelse om din hjælp til kørsel.",
    "Vi har allerede besluttet at give dig hjælp til kørsel.",
  ])("%s", (sentence) => {
    expect(cues(sentence)).not.toContain("performative");
    expect(classifyLetterType(letter(sentence, NEWS))).toBe("orientering");
  });
});

describe("the letter's own decision in the perfect still decides", () => {
  test.each<string>([
    "Vi har i dag godkendt din ansøgning om hjælp til kørsel.",
    "Vi har derfor godkendt din ansøgning om hjælp til kørsel.",
    "Kommunen har nu truffet afgørelse om din hjælp til kørsel.",
    "Vi har besluttet at give dig hjælp til kørsel.",
  ])("%s", (sentence) => {
    expect(classifyLetterType(letter(sentence, NEWS))).toBe("afgørelse");
  });
});

/**
 * The reader's own request approved in the perfect is the decision itself (a fact for the lead),
 * with the decision's date too; a bug seen on Aarhus Kommune's approved udrejse ("Vi har d.
 * 27-10-2026 godkendt din anmodning om udrejse"): essentials/missing said the decision was
 * missing. An earlier approval is no decision fact.
 */
describe("the approval of the reader's request is the decision fact", () => {
  const decisions = (sentence: string) =>
    extractFacts(letter("Du har anmeldt udrejse af Danmark.", sentence))
      .filter((fact) => fact.kind === "decision")
      .map((fact) => fact.value);

  test.each<[string, string]>([
    [
      "Vi har d. 27-10-2026 godkendt din anmodning om udrejse med virkning fra d. 01-11-2026.",
      "vi har d. 27-10-2026 godkendt din anmodning om udrejse med virkning fra d. 01-11-2026",
    ],
    [
      "Kommunen har i dag imødekommet din ansøgning om hjælp til kørsel.",
      "kommunen har i dag imødekommet din ansøgning om hjælp til kørsel",
    ],
  ])("%s", (sentence, value) => {
    expect(decisions(sentence)).toEqual([value]);
  });

  test.each<string>([
    "Vi har tidligere godkendt din anmodning om udrejse.",
    "Vi har ikke godkendt din anmodning om udrejse endnu.",
    "Vi har tidligere besluttet, at Lucas kan køre med taxa til skolen.",
  ])("no decision fact: %s", (sentence) => {
    expect(decisions(sentence)).toEqual([]);
  });
});
