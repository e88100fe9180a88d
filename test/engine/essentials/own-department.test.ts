import { analyzeText, createIncrementalAnalyzer } from "../../../src/engine/index.js";
import { classifyText } from "../../../src/engine/letter/classify.js";
import { extractFacts } from "../../../src/engine/rules/essentials/index.js";
import { ownDepartmentOf } from "../../../src/engine/rules/essentials/sender.js";

/**
 * A municipal department as the sender (issue 8; seen on Aarhus Kommune's Børn og Unge
 * decisions): the letter names its department in the third person ("Børn og Unge har den
 * 05-10-2026 modtaget din ansøgning", "Børn og Unge har truffet afgørelse om, at ..."), a name no
 * list of authorities holds, so essentials/missing said the decision itself was missing. The
 * letter's own proper name (two or more capitalised words) decides as an authority.
 */
const LETTER = (first: string, decision: string) =>
  `Aarhus, 20. oktober 2026\n\nAfgørelse om kørsel\n\nKære Mette Andersen\n\n${first}\n\n${decision}\n\nHvis du har spørgsmål, kan du skrive til os.\n\nMed venlig hilsen\nAnne Holm`;

const RECEIVED =
  "Børn og Unge har den 05-10-2026 modtaget din ansøgning om kørsel til Lucas, som går på 8. klassetrin på Eksempelskolen.";
const DECIDED =
  "Børn og Unge har truffet afgørelse om, at Lucas ikke kan bevilges kørsel mellem hjemmet og Eksempelskolen.";

const decisions = (text: string) =>
  extractFacts(classifyText(text))
    .filter((fact) => fact.kind === "decision")
    .map((fact) => fact.value);

const missingDecision = (text: string) =>
  analyzeText(text).findings.some(
    (finding) =>
      finding.ruleId === "essentials/missing" && /selve afgørelsen/u.test(finding.message)
  );

describe("the letter's own department decides as an authority", () => {
  test("named as the receiver of the reader's request", () => {
    const text = LETTER(RECEIVED, DECIDED);
    expect(ownDepartmentOf(classifyText(text))).toBe("Børn og Unge");
    expect(decisions(text)).toEqual([
      "lucas ikke kan bevilges kørsel mellem hjemmet og Eksempelskolen",
    ]);
    expect(missingDecision(text)).toBe(false);
  });

  test("named only in its decision", () => {
    const text = LETTER(
      "Vi skriver til dig om kørsel til skole.",
      "Sociale Forhold og Beskæftigelse har truffet afgørelse om, at du får hjælp til kørsel fra den 1. november 2026."
    );
    expect(ownDepartmentOf(classifyText(text))).toBe("Sociale Forhold og Beskæftigelse");
    expect(decisions(text)).toContain("du får hjælp til kørsel fra den 1. november 2026");
  });

  test("the incremental analyser reads the same decision", () => {
    const text = LETTER(RECEIVED, DECIDED);
    const incremental = createIncrementalAnalyzer();
    expect(incremental.analyze(text)).toStrictEqual(analyzeText(text));
    // The department renamed: the decision block's text is the same, its facts are not.
    const renamed = text.replace(RECEIVED, "Vi har modtaget din ansøgning om kørsel til Lucas.");
    expect(incremental.analyze(renamed)).toStrictEqual(analyzeText(renamed));
  });
});

describe("ordinary prose names no department", () => {
  test.each<[string, string]>([
    [
      "lower-case common nouns",
      "Mange børn og unge har besluttet, at de vil tage bussen til skole.",
    ],
    [
      "a sentence-initial common noun",
      "Forældrene har truffet afgørelse om, at Lucas skal tage bussen.",
    ],
    [
      "a sentence-initial phrase with one capital",
      "Børn og unge har truffet afgørelse om, at de vil cykle.",
    ],
  ])("%s", (_, sentence) => {
    const text = LETTER("Vi skriver til dig om kørsel til skole.", sentence);
    expect(ownDepartmentOf(classifyText(text))).toBeUndefined();
    expect(decisions(text)).toEqual([]);
  });
});
