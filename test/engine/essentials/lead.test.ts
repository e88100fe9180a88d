import { analyzeLetter, analyzeText } from "../../../src/engine/analyze.js";
import {
  checkLead,
  extractFacts,
  generateLead,
  MAX_LEAD_WORDS,
} from "../../../src/engine/rules/essentials/index.js";
import { fixtureLetter, letterWithBody, readFixture, wordCount } from "./helpers.js";

const essentialsFindings = (text: string) =>
  analyzeText(text).findings.filter((finding) => finding.ruleId.startsWith("essentials/"));

describe("are the essentials in the lead?", () => {
  test.each([
    ["indkaldelse-foer", false, ["date", "time"], ["date", "time"]],
    ["indkaldelse-efter", true, ["date", "time"], []],
    ["afgoerelse-praktik-foer", false, ["decision"], ["decision"]],
    ["partshoering-foer", false, ["deadline", "decision"], ["deadline", "decision"]],
  ])("%s: inLead %s", (name, inLead, required, missing) => {
    const essentials = analyzeText(readFixture(name)).scores.essentials;
    expect(essentials.inLead).toBe(inLead);
    expect(essentials.required).toEqual(required);
    expect(essentials.missingFromLead).toEqual(missing);
    expect(essentials.facts.length).toBeGreaterThan(0);
  });

  // 79 words of background, then the meeting: the date is word 80 of the first paragraph.
  const background =
    "Vi skriver til dig, fordi du har modtaget kontanthjælp i et stykke tid, og fordi vi vil hjælpe dig videre mod et job eller en uddannelse. Vi har set på dine oplysninger, og vi kan se, at du tidligere har arbejdet som lagermedarbejder. Vi vil høre mere om dine erfaringer, dine ønsker og de ting, der gør det svært for dig at søge job. Derfor vil vi tale med dig om, hvad der skal til. Du skal til samtale";
  const meeting = "torsdag den 3. december 2026 kl. 10.00 i Jobcenter Randers.";

  test("a fact at word 80 of a long first paragraph is not in the lead", () => {
    expect(wordCount(background)).toBe(79);
    const letter = letterWithBody(`${background} ${meeting}`);
    const facts = extractFacts(letter);
    const check = checkLead(letter, facts, "indkaldelse");
    expect(check.inLead).toBe(false);
    expect(check.missingFromLead).toEqual(["date", "time"]);
    const finding = analyzeLetter(letter).findings.find(
      (f) => f.ruleId === "essentials/not-in-lead"
    );
    expect(finding?.message).toContain("i første afsnit, men først efter ord 80");
  });

  test("the same facts within the first 40 words are in the lead", () => {
    const letter = letterWithBody(`Du skal til samtale ${meeting} ${background}.`);
    expect(checkLead(letter, extractFacts(letter), "indkaldelse").inLead).toBe(true);
    expect(essentialsFindings(letter.text)).toEqual([]);
  });

  test("the subject line is not the lead", () => {
    const letter = letterWithBody(
      `${background}. Vi ses ${meeting}`,
      "Jobsamtale torsdag den 3. december kl. 10.00"
    );
    expect(checkLead(letter, extractFacts(letter), "indkaldelse").inLead).toBe(false);
  });

  test("an orientering needs nothing in the lead", () => {
    const analysis = analyzeText(
      letterWithBody("Vi har fået nye åbningstider.", "Nye åbningstider").text
    );
    expect(analysis.letterType).toBe("orientering");
    expect(analysis.scores.essentials).toMatchObject({
      inLead: true,
      required: [],
      missingFromLead: [],
    });
    expect(analysis.proposals).toEqual({});
  });
});

describe("the generated lead", () => {
  const isDuForm = (text: string) =>
    /\b(?:du|dig|din|dit|dine)\b/iu.test(text) && !/\b(?:De|Dem|Deres)\b/u.test(text);

  test("indkaldelse-foer: date, time and place in at most 25 words, du-form, weekday computed", () => {
    const letter = fixtureLetter("indkaldelse-foer");
    const lead = generateLead(letter, extractFacts(letter), "indkaldelse")!;
    expect(lead).toBe(
      "Du skal til jobsamtale torsdag den 3. december 2026 kl. 9.15 i Jobcenter Randers, Laksetorvet 1, 8900 Randers C, lokale 2.14."
    );
    expect(wordCount(lead)).toBeLessThanOrEqual(MAX_LEAD_WORDS);
    expect(lead).toContain("3. december 2026");
    expect(lead).toContain("kl. 9.15");
    expect(isDuForm(lead)).toBe(true);
  });

  test("the weekday comes from the date, not from the letter (which may have it wrong)", () => {
    const letter = letterWithBody(
      "Vi henviser til reglerne. Mødet er onsdag den 3. december 2026 kl. 10.00 hos os."
    );
    expect(generateLead(letter, extractFacts(letter), "indkaldelse")).toBe(
      "Du skal til samtale torsdag den 3. december 2026 kl. 10.00."
    );
  });

  test("afgørelse: the decision, with its start date", () => {
    const letter = fixtureLetter("afgoerelse-praktik-foer");
    const lead = generateLead(letter, extractFacts(letter), "afgørelse")!;
    expect(lead).toBe(
      "Vi har besluttet, at du skal deltage i virksomhedspraktik hos Viborg Genbrug fra mandag den 7. december 2026."
    );
    expect(wordCount(lead)).toBeLessThanOrEqual(MAX_LEAD_WORDS);
    expect(isDuForm(lead)).toBe(true);
  });

  test("partshøring: what we intend and the deadline", () => {
    const letter = fixtureLetter("partshoering-foer");
    const lead = generateLead(letter, extractFacts(letter), "partshøring")!;
    expect(lead).toBe(
      "Vi overvejer at træffe afgørelse om fradrag i din uddannelseshjælp for de pågældende dage. Hvad mener du? Svar os senest onsdag den 2. december 2026."
    );
    expect(wordCount(lead)).toBeLessThanOrEqual(MAX_LEAD_WORDS);
  });

  test("anmodning: the action and the deadline", () => {
    const letter = letterWithBody(
      "Vi er ved at beregne din hjælp for december. Derfor skal du sende dine lønsedler for oktober og november til os senest den 4. december 2026.",
      "Anmodning om lønsedler"
    );
    expect(generateLead(letter, extractFacts(letter), "anmodning")).toBe(
      "Send dine lønsedler senest fredag den 4. december 2026."
    );
  });

  test("a phone meeting says that we call", () => {
    const letter = letterWithBody(
      "Vi skal følge op på din sygemelding. Samtalen er telefonisk tirsdag den 8. december 2026 kl. 13.00."
    );
    expect(generateLead(letter, extractFacts(letter), "indkaldelse")).toBe(
      "Du skal til samtale tirsdag den 8. december 2026 kl. 13.00. Vi ringer til dig."
    );
  });

  test("a long place is left out rather than going over 25 words", () => {
    const letter = letterWithBody(
      "Vi henviser til reglerne. Samtalen er onsdag den 9. december 2026 kl. 10.00 i Jobcenter Randers Syd, H.C. Andersens Boulevard 112, 2. sal, 8900 Randers C, lokale 2.14."
    );
    const lead = generateLead(letter, extractFacts(letter), "indkaldelse")!;
    expect(wordCount(lead)).toBeLessThanOrEqual(MAX_LEAD_WORDS);
    expect(lead).toContain("onsdag den 9. december 2026 kl. 10.00");
  });
});

describe("findings", () => {
  test("essentials/not-in-lead names what is missing and where it is, with the lead as suggestion", () => {
    const text = readFixture("indkaldelse-foer");
    const analysis = analyzeText(text);
    const findings = analysis.findings.filter((f) => f.ruleId.startsWith("essentials/"));
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.ruleId).toBe("essentials/not-in-lead");
    expect(finding!.severity).toBe("warning");
    expect(finding!.message).toBe(
      "Det vigtigste står ikke først: Datoen og klokkeslættet står i 3. afsnit. Skriv det i brevets første afsnit, så borgeren ser det med det samme."
    );
    expect(finding!.suggestion?.text).toBe(analysis.proposals.lead?.text);
    expect(finding!.edit).toEqual(analysis.proposals.lead);
    // On the first body paragraph (the lead), not on the meeting paragraph.
    const first = analysis.letter.blocks[3]!;
    expect(finding!.start.offset).toBe(first.start);
    expect(text.slice(finding!.start.offset, finding!.end.offset)).toBe(first.text);
  });

  test("the partshøring message names both missing facts and where each stands", () => {
    const [finding] = essentialsFindings(readFixture("partshoering-foer"));
    expect(finding!.message).toBe(
      "Det vigtigste står ikke først: Fristen står i 3. afsnit; den påtænkte afgørelse står i 2. afsnit. Skriv det i brevets første afsnit, så borgeren ser det med det samme."
    );
  });

  test("indkaldelse-efter has no essentials findings", () => {
    expect(essentialsFindings(readFixture("indkaldelse-efter"))).toEqual([]);
  });

  test("essentials/missing: an indkaldelse without a time", () => {
    const text = letterWithBody(
      "Du skal til samtale torsdag den 3. december 2026 i Jobcenter Randers."
    ).text;
    const findings = essentialsFindings(text);
    expect(findings.map((f) => f.ruleId)).toEqual(["essentials/missing"]);
    expect(findings[0]!.severity).toBe("warning");
    expect(findings[0]!.message).toBe(
      "Brevet ligner en indkaldelse, men klokkeslættet står ikke i brevet."
    );
    expect(text.slice(findings[0]!.start.offset, findings[0]!.end.offset)).toBe(
      "Indkaldelse til samtale"
    );
  });

  test("a required fact absent and another not in the lead give both findings", () => {
    const text = letterWithBody(
      "Vi vil gerne tale med dig om din jobsøgning og dine planer.\n\nVi ses torsdag den 3. december 2026 i Jobcenter Randers. Spørg efter mig i receptionen."
    ).text;
    const findings = essentialsFindings(text);
    expect(findings.map((f) => f.ruleId).sort()).toEqual([
      "essentials/missing",
      "essentials/not-in-lead",
    ]);
  });
});

describe("missing facts by letter type", () => {
  test("an afgørelse without a decision", () => {
    const text = letterWithBody(
      "Vi har talt med dig om din situation, og vi har set på dine papirer.",
      "Afgørelse om tilbud"
    ).text;
    expect(essentialsFindings(text).map((f) => f.message)).toEqual([
      "Brevet ligner en afgørelse, men selve afgørelsen står ikke i brevet.",
    ]);
  });

  test("a partshøring without a deadline", () => {
    const text = letterWithBody(
      "Jobcentret påtænker at træffe afgørelse om fradrag i din kontanthjælp. Du kan sende os dine bemærkninger.",
      "Partshøring"
    ).text;
    expect(essentialsFindings(text).map((f) => f.message)).toEqual([
      "Brevet ligner en partshøring, men fristen står ikke i brevet.",
    ]);
  });
});
