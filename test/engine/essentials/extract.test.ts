import { classifyText } from "../../../src/engine/letter/classify.js";
import { buildLetter } from "../../../src/engine/letter/model.js";
import {
  classifyLetterType,
  extractFacts,
  generateLead,
  referenceDateOf,
} from "../../../src/engine/rules/essentials/index.js";
import type { FactKind } from "../../../src/engine/types.js";
import { factWritten, fixtureLetter, LEGAL_FIXTURE, letterWithBody } from "./helpers.js";

type Case = [sentence: string, kind: FactKind, text: string, value: string];

function expectFact([sentence, kind, text, value]: Case): void {
  const letter = letterWithBody(sentence);
  const facts = extractFacts(letter);
  const body = letter.text.indexOf(sentence);
  expect(factWritten(letter, facts, kind, text, 0, body).value).toBe(value);
}

describe("dates and times (year-less dates read against the date line, 20 November 2026)", () => {
  test.each<Case>([
    [
      "Du skal til samtale mandag den 7. december 2026 kl. 10.00 hos os.",
      "date",
      "mandag den 7. december 2026",
      "2026-12-07",
    ],
    [
      "Du skal til samtale mandag den 7. december 2026 kl. 10.00 hos os.",
      "time",
      "kl. 10.00",
      "10:00",
    ],
    ["Samtalen er flyttet til 7/12-2026 om formiddagen.", "date", "7/12-2026", "2026-12-07"],
    ["Samtalen er flyttet til 07.12.2026 om formiddagen.", "date", "07.12.2026", "2026-12-07"],
    ["Vi ses d. 7.12 kl. 10:30 i receptionen.", "date", "d. 7.12", "2026-12-07"],
    ["Vi ses d. 7.12 kl. 10:30 i receptionen.", "time", "kl. 10:30", "10:30"],
    [
      "Samtalen er den 3. december klokken 10 hos din jobkonsulent.",
      "date",
      "den 3. december",
      "2026-12-03",
    ],
    ["Samtalen er den 3. december klokken 10 hos din jobkonsulent.", "time", "klokken 10", "10:00"],
    ["Mødet begynder kl. 9.15 og varer en time.", "time", "kl. 9.15", "09:15"],
    ["Den 15. januar holder vi et informationsmøde.", "date", "Den 15. januar", "2027-01-15"],
    [
      "Praktikken er mandag til torsdag kl. 8.00-13.00 i hele perioden.",
      "time",
      "kl. 8.00-13.00",
      "08:00-13:00",
    ],
    ["Mødet er fra kl. 13.30-15.00 i lokale 2.", "time", "kl. 13.30-15.00", "13:30-15:00"],
    ["Workshoppen varer fra kl. 9 til kl. 12.", "time", "kl. 9 til kl. 12", "09:00-12:00"],
    ["Vi ses kl. 13.30 - 15 hos din jobkonsulent.", "time", "kl. 13.30 - 15", "13:30-15:00"],
    ["Der er plads kl. 10 til 2 personer.", "time", "kl. 10", "10:00"],
  ])("%s  [%s %s]", (...row) => expectFact(row));
});

describe("places", () => {
  test.each<Case>([
    [
      "Mødet holdes i Jobcenter Randers, Laksetorvet 1, 8900 Randers C, lokale 2.14.",
      "place",
      "Jobcenter Randers",
      "Jobcenter Randers",
    ],
    [
      "Mødet holdes i Jobcenter Randers, Laksetorvet 1, 8900 Randers C, lokale 2.14.",
      "place",
      "Laksetorvet 1, 8900 Randers C",
      "Laksetorvet 1, 8900 Randers C",
    ],
    [
      "Mødet holdes i Jobcenter Randers, Laksetorvet 1, 8900 Randers C, lokale 2.14.",
      "place",
      "lokale 2.14",
      "lokale 2.14",
    ],
    [
      "Praktikken er hos Viborg Genbrug, Industrivej 12, 8800 Viborg, fra mandag.",
      "place",
      "Industrivej 12, 8800 Viborg",
      "Industrivej 12, 8800 Viborg",
    ],
    ["Kom til Prinsens Allé 5 og spørg efter mig.", "place", "Prinsens Allé 5", "Prinsens Allé 5"],
    [
      "Mødet er i Jobcenter Aarhus Syd på første sal.",
      "place",
      "Jobcenter Aarhus Syd",
      "Jobcenter Aarhus Syd",
    ],
    [
      "Samtalen er telefonisk, og den tager cirka en halv time.",
      "place",
      "telefonisk",
      "telefonisk",
    ],
    [
      "Du skal ikke komme ind på jobcentret, for vi ringer til dig på dit mobilnummer.",
      "place",
      "vi ringer til dig",
      "vi ringer til dig",
    ],
    ["Samtalen foregår digitalt, og du får et link i e-Boks.", "place", "digitalt", "digitalt"],
    ["Samtalen foregår online, og du får et link i e-Boks.", "place", "online", "online"],
  ])("%s  [%s %s]", (...row) => expectFact(row));

  test("a way to cancel is not a meeting place: 'afbud meddeles telefonisk'", () => {
    const letter = letterWithBody(
      "Såfremt du er forhindret i at møde, skal afbud meddeles telefonisk til jobcentret."
    );
    expect(extractFacts(letter).filter((fact) => fact.kind === "place")).toEqual([]);
  });
});

describe("deadlines", () => {
  test.each<Case>([
    [
      "Send os dine lønsedler senest den 4. december 2026, så vi kan beregne din hjælp.",
      "deadline",
      "senest den 4. december 2026",
      "2026-12-04",
    ],
    [
      "Svar os inden den 1. december, hvis du vil have en anden tid.",
      "deadline",
      "inden den 1. december",
      "2026-12-01",
    ],
    [
      "Kan du ikke komme? Ring til os senest kl. 8.30 på dagen.",
      "deadline",
      "senest kl. 8.30 på dagen",
      "senest kl. 8.30 på dagen",
    ],
    [
      "Send os dokumentationen inden 14 dage, så behandler vi sagen.",
      "deadline",
      "inden 14 dage",
      "inden 14 dage",
    ],
    [
      "Send os dokumentationen inden for otte dage, så behandler vi sagen.",
      "deadline",
      "inden for otte dage",
      "inden for otte dage",
    ],
    [
      "Fristen er den 11. december 2026 kl. 12.00 for alle ansøgere.",
      "deadline",
      "Fristen er den 11. december 2026 kl. 12.00",
      "2026-12-11",
    ],
    ["Skriv til os senest d. 7.12 via Digital Post.", "deadline", "senest d. 7.12", "2026-12-07"],
    // Aarhus Kommune's hearing template writes its deadline DD-MM-YYYY (a bug: read as no date).
    [
      "Hvis du har bemærkninger, skal de være os i hænde senest den 09-12-2026.",
      "deadline",
      "senest den 09-12-2026",
      "2026-12-09",
    ],
  ])("%s  [%s %s]", (...row) => expectFact(row));

  test("a deadline's date and time are not meeting dates and times", () => {
    const letter = letterWithBody(
      "Ring til os senest kl. 8.30 på dagen, og send papirerne senest den 4. december 2026."
    );
    const kinds = extractFacts(letter).map((fact) => fact.kind);
    expect(kinds).not.toContain("date");
    expect(kinds).not.toContain("time");
    expect(kinds.filter((kind) => kind === "deadline")).toHaveLength(2);
  });
});

describe("required actions", () => {
  test.each<Case>([
    ["Mød op i receptionen ti minutter før.", "action", "Mød op", "mød op"],
    ["Du skal møde op i receptionen ti minutter før.", "action", "Du skal møde op", "mød op"],
    ["Du skal komme til samtale hos din jobkonsulent.", "action", "Du skal komme", "mød op"],
    [
      "Du skal til jobsamtale torsdag den 3. december 2026 kl. 9.15.",
      "action",
      "Du skal til jobsamtale",
      "mød op",
    ],
    [
      "Send os dokumentation for dine udgifter.",
      "action",
      "Send os dokumentation",
      "send dokumentation",
    ],
    [
      "Du skal derfor sende dine lønsedler til os.",
      "action",
      "Du skal derfor sende dine lønsedler",
      "send dine lønsedler",
    ],
    [
      "Du bedes venligst fremsende dokumentation for din sygdom.",
      "action",
      "Du bedes venligst fremsende dokumentation",
      "send dokumentation",
    ],
    [
      "Eventuelle bemærkninger bedes fremsendt skriftligt.",
      "action",
      "bemærkninger bedes fremsendt",
      "send bemærkninger",
    ],
    ["Kan du ikke komme? Ring til os på 89 15 10 00.", "action", "Ring", "ring"],
    ["Book en tid hos din jobkonsulent på jobnet.dk.", "action", "Book en tid", "book en tid"],
    ["Udfyld skemaet og send det tilbage til os.", "action", "Udfyld skemaet", "udfyld skemaet"],
    [
      "Tag gerne en liste med over de job, du har søgt.",
      "action",
      "Tag gerne en liste med",
      "tag en liste med",
    ],
    [
      "Du skal tage dit sygesikringskort med til samtalen.",
      "action",
      "Du skal tage dit sygesikringskort med",
      "tag dit sygesikringskort med",
    ],
    ["Medbring dit CV og dit sygesikringskort.", "action", "Medbring dit CV", "medbring dit CV"],
    [
      "Du bedes medbringe dokumentation for de stillinger, du har søgt.",
      "action",
      "Du bedes medbringe dokumentation",
      "medbring dokumentation",
    ],
    ["Giv besked til din jobkonsulent, hvis du bliver syg.", "action", "Giv besked", "giv besked"],
    [
      "Såfremt du er forhindret, skal afbud meddeles til jobcentret.",
      "action",
      "skal afbud meddeles",
      "giv besked",
    ],
    ["Kontakt os, hvis du har spørgsmål til brevet.", "action", "Kontakt", "kontakt"],
  ])("%s  [%s %s]", (...row) => expectFact(row));

  test("prohibitions, permissions and statements about the past are no required actions", () => {
    const letter = letterWithBody(
      "Du må ikke sende originale papirer. Du skal ikke komme i morgen. Du kan ringe, hvis du vil. Du har ikke givet besked om dit fravær, og du har ikke kontaktet os."
    );
    expect(extractFacts(letter).filter((fact) => fact.kind === "action")).toEqual([]);
  });

  test("regression: 'tag det med' after another action in the same block (sticky regex state)", () => {
    const letter = letterWithBody("Send os alle dine lønsedler. Tag det hele med til samtalen.");
    const actions = extractFacts(letter).filter((fact) => fact.kind === "action");
    expect(actions.map((fact) => fact.value)).toEqual([
      "send alle dine lønsedler",
      "tag det hele med",
    ]);
  });

  test("'tage stilling til' is not 'tag ... med'", () => {
    const letter = letterWithBody(
      "Du skal tage stilling til tilbuddet, og vi hjælper gerne med det."
    );
    expect(extractFacts(letter).filter((fact) => fact.kind === "action")).toEqual([]);
  });
});

describe("decisions", () => {
  test.each<Case>([
    [
      "Vi har besluttet, at du får kontanthjælp fra den 1. januar 2027.",
      "decision",
      "Vi har besluttet, at du får kontanthjælp fra den 1. januar 2027",
      "du får kontanthjælp fra den 1. januar 2027",
    ],
    [
      "Du får ikke tilskud til briller, fordi du har penge nok.",
      "decision",
      "Du får ikke tilskud til briller",
      "du får ikke tilskud til briller",
    ],
    [
      "Du skal deltage i et kursus i jobsøgning i fire uger.",
      "decision",
      "Du skal deltage i et kursus i jobsøgning i fire uger",
      "du skal deltage i et kursus i jobsøgning i fire uger",
    ],
    [
      "Du får afslag på din ansøgning om enkeltydelse.",
      "decision",
      "Du får afslag på din ansøgning om enkeltydelse",
      "du får afslag på din ansøgning om enkeltydelse",
    ],
    [
      "Vi giver dig afslag på din ansøgning om flyttehjælp.",
      "decision",
      "afslag på din ansøgning om flyttehjælp",
      "afslag på din ansøgning om flyttehjælp",
    ],
    [
      "Du er bevilget en mentor i seks måneder.",
      "decision",
      "Du er bevilget en mentor i seks måneder",
      "du er bevilget en mentor i seks måneder",
    ],
    [
      "Jobcentret har på denne baggrund truffet afgørelse om, at du skal deltage i virksomhedspraktik hos Viborg Genbrug, Industrivej 12, 8800 Viborg.",
      "decision",
      "Jobcentret har på denne baggrund truffet afgørelse om, at du skal deltage i virksomhedspraktik hos Viborg Genbrug",
      "du skal deltage i virksomhedspraktik hos Viborg Genbrug",
    ],
    [
      "Kommunen har truffet afgørelse om tilbagebetaling af hjælp.",
      "decision",
      "Kommunen har truffet afgørelse om tilbagebetaling af hjælp",
      "afgørelse om tilbagebetaling af hjælp",
    ],
    [
      "Jobcentret påtænker på denne baggrund at træffe afgørelse om fradrag i din uddannelseshjælp i henhold til aktivlovens bestemmelser.",
      "decision",
      "Jobcentret påtænker på denne baggrund at træffe afgørelse om fradrag i din uddannelseshjælp",
      "påtænker at træffe afgørelse om fradrag i din uddannelseshjælp",
    ],
  ])("%s  [%s %s]", (...row) => expectFact(row));

  test("plain-language decisions count too", () => {
    expectFact([
      "Vi trækker 1.614 kr. før skat i din kontanthjælp.",
      "decision",
      "Vi trækker 1.614 kr. før skat i din kontanthjælp",
      "vi trækker 1.614 kr. før skat i din kontanthjælp",
    ]);
    expectFact([
      "Du kan ikke få betalt kurset i truckcertifikat.",
      "decision",
      "Du kan ikke få betalt kurset i truckcertifikat",
      "du kan ikke få betalt kurset i truckcertifikat",
    ]);
    expectFact([
      "Du skal i praktik hos Viborg Genbrug.",
      "decision",
      "Du skal i praktik hos Viborg Genbrug",
      "du skal i praktik hos Viborg Genbrug",
    ]);
  });

  test("regression: a cue that is the whole clause ('Det kan vi desværre ikke.') is found, but never written as a lead", () => {
    const letter = letterWithBody(
      "Du har søgt om at få betalt et kursus. Det kan vi desværre ikke. Kurset står ikke på listen.",
      "Svar på din ansøgning"
    );
    const facts = extractFacts(letter);
    expect(factWritten(letter, facts, "decision", "Det kan vi desværre ikke").value).toBe(
      "det kan vi desværre ikke"
    );
    expect(generateLead(letter, facts, "afgørelse")).toBeUndefined();
  });

  test("a decision not taken is no decision", () => {
    const letter = letterWithBody(
      "Vi har ikke besluttet noget endnu, og vi har ikke truffet afgørelse i din sag."
    );
    expect(extractFacts(letter).filter((fact) => fact.kind === "decision")).toEqual([]);
  });

  test("any negation (@negations) between the authority and its verb unmakes the decision", () => {
    const letter = letterWithBody(
      "Jobcentret har aldrig besluttet, at du skal betale hjælpen tilbage."
    );
    expect(extractFacts(letter).filter((fact) => fact.kind === "decision")).toEqual([]);
  });
});

describe("what is not an essential", () => {
  test("the date line, the address and the signature give no facts", () => {
    const letter = classifyText(
      "Jobcenter Randers\nLaksetorvet 1\n8900 Randers C\n\nRanders, den 20. november 2026\n\nOrientering om din sag\n\nVi har modtaget dine papirer.\n\nMed venlig hilsen\n\nBirgitte Holm\nJobcenter Randers, Laksetorvet 1, 8900 Randers C"
    );
    expect(extractFacts(letter)).toEqual([]);
  });

  test("regression: a recipient address with a floor gives no facts; its date line still dates the letter", () => {
    // "3. mf." ends in a full stop, so the classifier reads the address as prose, the date line
    // and the subject as headings. Essentials must not take the citizen's home for a meeting place.
    const letter = classifyText(
      "Jobcenter Esbjerg\nTorvegade 74\n6700 Esbjerg\n\nAhmad Rahimi\nVestervang 19, 3. mf.\n6700 Esbjerg\n\nEsbjerg, den 17. november 2026\n\nIndkaldelse til samtale\n\nKære Ahmad\n\nVi vil gerne tale med dig om din jobsøgning. Vi ses den 3. december kl. 10.00 i Jobcenter Esbjerg."
    );
    expect(letter.blocks[1]!.kind).toBe("address"); // classify.ts now recognises "3. mf." street lines
    const facts = extractFacts(letter, { referenceDate: "2030-01-01" });
    expect(facts.some((fact) => fact.text.includes("Vestervang"))).toBe(false);
    expect(factWritten(letter, facts, "date", "den 3. december").value).toBe("2026-12-03");
    expect(classifyLetterType(letter)).toBe("indkaldelse");
  });

  test("facts inside protected legal blocks are skipped", () => {
    const letter = fixtureLetter(LEGAL_FIXTURE);
    const facts = extractFacts(letter);
    for (const block of letter.blocks.filter((b) => b.kind === "legal")) {
      expect(facts.filter((fact) => fact.start >= block.start && fact.end <= block.end)).toEqual(
        []
      );
    }
    // The legal block names 30 November and 1 December; only the meeting date is a date fact.
    expect(facts.filter((fact) => fact.kind === "date").map((fact) => fact.value)).toEqual([
      "2026-12-03",
    ]);
  });
});

describe("the indkaldelse fixture", () => {
  test("all essentials with values and absolute offsets", () => {
    const letter = fixtureLetter("indkaldelse-foer");
    const facts = extractFacts(letter);
    expect(factWritten(letter, facts, "date", "torsdag den 3. december 2026").value).toBe(
      "2026-12-03"
    );
    expect(factWritten(letter, facts, "time", "kl. 9.15").value).toBe("09:15");
    expect(factWritten(letter, facts, "place", "Jobcenter Randers", 1).value).toBe(
      "Jobcenter Randers"
    );
    expect(factWritten(letter, facts, "place", "Laksetorvet 1, 8900 Randers C").value).toBe(
      "Laksetorvet 1, 8900 Randers C"
    );
    expect(factWritten(letter, facts, "place", "lokale 2.14").value).toBe("lokale 2.14");
    expect(factWritten(letter, facts, "action", "Du bedes medbringe dokumentation").value).toBe(
      "medbring dokumentation"
    );
    expect(factWritten(letter, facts, "deadline", "senest kl. 8.30 på dagen").value).toBe(
      "senest kl. 8.30 på dagen"
    );
    for (const fact of facts) expect(letter.text.slice(fact.start, fact.end)).toBe(fact.text);
  });
});

describe("year inference in a letter", () => {
  test("a year-less date takes the year the letter writes for the same day elsewhere", () => {
    const letter = fixtureLetter("indkaldelse-efter"); // subject: "torsdag den 3. december", no date line
    const facts = extractFacts(letter, { referenceDate: "2020-01-01" });
    expect(factWritten(letter, facts, "date", "torsdag den 3. december").value).toBe("2026-12-03");
  });

  test("without a date line the referenceDate option is the reference", () => {
    const letter = buildLetter([
      { kind: "subject", text: "Indkaldelse til samtale" },
      { kind: "paragraph", text: "Du skal til samtale den 5. januar kl. 10.00." },
    ]);
    expect(referenceDateOf(letter, { referenceDate: "2026-11-20" })).toBe("2026-11-20");
    expect(
      factWritten(
        letter,
        extractFacts(letter, { referenceDate: "2026-11-20" }),
        "date",
        "den 5. januar"
      ).value
    ).toBe("2027-01-05");
  });

  test("without a date line or an option, the latest dated date in the letter is the reference", () => {
    // 2 December 2030 is a Monday; read against today it would land in another year.
    const letter = buildLetter([
      { kind: "subject", text: "Indkaldelse til samtale" },
      {
        kind: "paragraph",
        text: "Vi modtog din ansøgning den 4. marts 2029 og dine lønsedler den 20. november 2030.",
      },
      { kind: "paragraph", text: "Du skal til samtale mandag den 2. december kl. 10.00." },
    ]);
    expect(referenceDateOf(letter)).toBe("2030-11-20");
    expect(factWritten(letter, extractFacts(letter), "date", "mandag den 2. december").value).toBe(
      "2030-12-02"
    );
    // The option, when given, still comes first.
    expect(referenceDateOf(letter, { referenceDate: "2026-11-20" })).toBe("2026-11-20");
  });

  test("the date line wins over the referenceDate option", () => {
    expect(referenceDateOf(letterWithBody("Vi ses."), { referenceDate: "2030-01-01" })).toBe(
      "2026-11-20"
    );
  });

  test("a bad referenceDate is a clear one-line error", () => {
    expect(() => extractFacts(letterWithBody("Vi ses."), { referenceDate: "20-11-2026" })).toThrow(
      'referenceDate must be an ISO date (YYYY-MM-DD), got "20-11-2026"'
    );
  });
});
