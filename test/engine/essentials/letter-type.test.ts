import { analyzeText } from "../../../src/engine/analyze.js";
import { buildLetter } from "../../../src/engine/letter/model.js";
import { classifyLetterType } from "../../../src/engine/rules/essentials/index.js";
import type { LetterType } from "../../../src/engine/types.js";
import { fixtureLetter, letterWithBody, readFixture } from "./helpers.js";

describe("letter type of the fixtures", () => {
  test.each<[string, LetterType]>([
    ["indkaldelse-foer", "indkaldelse"],
    ["indkaldelse-efter", "indkaldelse"],
    ["afgoerelse-praktik-foer", "afgørelse"],
    ["partshoering-foer", "partshøring"],
  ])("%s is %s", (name, type) => {
    expect(classifyLetterType(fixtureLetter(name))).toBe(type);
    expect(analyzeText(readFixture(name)).letterType).toBe(type);
  });
});

describe("letter type from the subject line", () => {
  test.each<[string, LetterType]>([
    ["Partshøring før afgørelse om fradrag i din kontanthjælp", "partshøring"],
    ["Afgørelse efter samtale den 10. november", "afgørelse"],
    ["Afslag på ansøgning om enkeltydelse", "afgørelse"],
    // A compound with afgørelse as its head names a decision, even beside a meeting word.
    [
      "Landsskatteretsafgørelse vedr. forhøjelse af afdrag - ingen mulighed for personligt møde",
      "afgørelse",
    ],
    ["Sanktionsafgørelse efter udeblivelse fra samtale", "afgørelse"],
    // A public hearing asks for comments before the decision, like a partshøring.
    ["Offentlig høring af forslag til lokalplan 12", "partshøring"],
    ["Forslag til lokalplan F123 i høring", "partshøring"],
    ["Høring af Kommissionen (EU-dokumenter)", "orientering"],
    ["Indkaldelse til opfølgningssamtale", "indkaldelse"],
    ["Anmodning om dokumentation for sygdom", "anmodning"],
    ["Nye åbningstider i Borgerservice", "orientering"],
    // A headline (a whole clause) names no letter type: the body ("Vi skriver til dig om din
    // sag.") decides.
    ["Samtaler i jobcentret bliver nu holdt over telefonen", "orientering"],
  ])("%s -> %s", (subject, type) => {
    expect(classifyLetterType(letterWithBody("Vi skriver til dig om din sag.", subject))).toBe(
      type
    );
  });
});

describe("letter type from body cues when the subject says nothing", () => {
  const body = (text: string) =>
    buildLetter([
      { kind: "greeting", text: "Kære Jens" },
      { kind: "paragraph", text },
    ]);

  test.each<[string, LetterType]>([
    ["Vi har besluttet, at du får kontanthjælp fra den 1. januar 2027.", "afgørelse"],
    ["Du indkaldes hermed til en samtale om din jobsøgning.", "indkaldelse"],
    ["Du skal til jobsamtale hos os i næste uge.", "indkaldelse"],
    ["Vi mangler dine lønsedler. Send os dem, så vi kan beregne din hjælp.", "anmodning"],
    [
      "Jobcentret påtænker at træffe afgørelse om fradrag i din hjælp. Send os dine bemærkninger.",
      "partshøring",
    ],
    ["Vi har fået nye åbningstider, og du kan nu ringe til os hele dagen.", "orientering"],
    // Meetings spoken of, no meeting named and no call made: a notice to everyone on a benefit.
    [
      "Jobcentret holder fortsat samtaler med sygemeldte. Er du indkaldt til et møde, får du besked i e-Boks.",
      "orientering",
    ],
    ["Jobcentret vil ofte indkalde sygemeldte borgere til samtaler.", "orientering"],
    // The same words with the meeting's date are a summons; so is the call itself without one.
    [
      "Du er indkaldt til et møde i jobcentret mandag den 7. december 2026 kl. 10.00.",
      "indkaldelse",
    ],
    ["Hermed indkaldes du til samtale om din sygemelding.", "indkaldelse"],
    // An invitation is a summons; a request performative with an object of information asks.
    ["Vi inviterer dig til en samtale om dit forløb.", "indkaldelse"],
    ["Udvalget udbeder sig ministerens besvarelse af følgende spørgsmål.", "anmodning"],
    ["Vi anmoder dig om at sende os en kopi af din lejekontrakt.", "anmodning"],
    ["Kommunen beder om en lægeerklæring fra din egen læge.", "anmodning"],
    [
      "Høringssvar til forslaget skal sendes til kommunen senest den 2. maj 2023 kl. 23.59.",
      "partshøring",
    ],
    // Naming the procedure is not holding it.
    [
      "Efter forvaltningslovens § 19 skal en part have lejlighed til at udtale sig. Det kaldes partshøring.",
      "orientering",
    ],
  ])("%s -> %s", (text, type) => {
    expect(classifyLetterType(body(text))).toBe(type);
  });

  test("an invitation as the subject line is a summons ('Invitation til informationsmøde')", () => {
    expect(
      classifyLetterType(
        letterWithBody("Vi glæder os til at se dig.", "Invitation til informationsmøde")
      )
    ).toBe("indkaldelse");
  });
});

describe("a meeting about someone else is no call to the reader", () => {
  const letter = (...paragraphs: string[]) =>
    buildLetter([
      { kind: "subject", text: "Nye regler for sygemeldte" },
      ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
    ]);

  test.each<[string[], LetterType]>([
    // A date elsewhere in the letter (the rules' start) does not make a practice a summons.
    [
      [
        "1. januar 2027 træder der nye regler i kraft for sygemeldte.",
        "Derudover vil jobcentret ofte indkalde den sygemeldte til samtaler.",
      ],
      "orientering",
    ],
    [
      [
        "Fra 1. januar 2027 gælder nye regler.",
        "Kommunen indkalder borgeren til en samtale, når sygemeldingen har varet fire uger.",
      ],
      "orientering",
    ],
    // The reader in the sentence, or a date or time in it, and the mention counts again.
    [
      [
        "Fra 1. januar 2027 gælder nye regler.",
        "Jobcentret har indkaldt den sygemeldte, det vil sige dig, til en samtale.",
      ],
      "indkaldelse",
    ],
    [
      [
        "Vi indkalder alle sygemeldte til et informationsmøde tirsdag den 5. januar 2027 kl. 10.00.",
      ],
      "indkaldelse",
    ],
    // The writer speaking as the authority ("jeg") is no third party.
    [
      ["Jeg har indkaldt til et møde i jobcentret mandag den 7. december 2026 kl. 10.00."],
      "indkaldelse",
    ],
  ])("%j -> %s", (paragraphs, type) => {
    expect(classifyLetterType(letter(...paragraphs))).toBe(type);
  });
});

describe("the act of calling, hearing or asking, not a rule or a mention of it", () => {
  const body = (...paragraphs: string[]) =>
    buildLetter([
      { kind: "greeting", text: "Kære Jens" },
      ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
    ]);

  test.each<[string[], LetterType]>([
    // A duty or a possibility to call states a rule; the present or intended call is the act.
    [["Din a-kasse skal inden for to uger indkalde dig til en samtale."], "orientering"],
    [["Jobcentret kan indkalde dig til samtaler, mens du får sygedagpenge."], "orientering"],
    [["Vi vil gerne invitere dig til en samtale om dit forløb."], "indkaldelse"],
    [["Jobcentret indkalder dig hermed til en samtale om din plan."], "indkaldelse"],
    // Where and when the answers to a hearing go, with or without a modal.
    [
      [
        "Forslaget til ny værestedsplan er sendt i høring.",
        "Høringssvar sendes til Social- og Familieudvalget.",
      ],
      "partshøring",
    ],
    [["Fristen for at indsende høringssvar er mandag den 1. marts 2027 kl. 12.00."], "partshøring"],
    // A request spoken of in a rule, with no date to answer by, asks for nothing.
    [
      [
        "Hvis du er anmodet om lægelig dokumentation og ikke afleverer den, regnes fraværet som fravær uden rimelig grund.",
      ],
      "orientering",
    ],
    [
      ["Vi anmoder om en lægeerklæring fra din egen læge senest fredag den 4. juni 2027."],
      "anmodning",
    ],
  ])("%j -> %s", (paragraphs, type) => {
    expect(classifyLetterType(body(...paragraphs))).toBe(type);
  });
});

describe("a cancelled meeting informs; a new time is a summons again", () => {
  const letter = (subject: string, ...paragraphs: string[]) =>
    buildLetter([
      { kind: "subject", text: subject },
      { kind: "greeting", text: "Kære Jens" },
      ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
    ]);

  test.each<[string, string[], LetterType]>([
    [
      "Din samtale den 3. maj",
      ["Din samtale den 3. maj kl. 10.00 er aflyst, fordi din rådgiver er syg."],
      "orientering",
    ],
    [
      "Offentligt møde om fredningsforslaget",
      ["Der afholdes offentligt møde onsdag den 11. november 2020 kl. 10.00.", "AFLYST"],
      "orientering",
    ],
    [
      "Din samtale den 3. maj",
      [
        "Din samtale den 3. maj er aflyst.",
        "Du skal i stedet møde hos os mandag den 10. maj 2027 kl. 10.00.",
      ],
      "indkaldelse",
    ],
    [
      "Indkaldelse til samtale",
      ["Hvis samtalen aflyses, får du besked i e-Boks.", "Tidligere møder blev aflyst."],
      "indkaldelse",
    ],
  ])("%s: %j -> %s", (subject, paragraphs, type) => {
    expect(classifyLetterType(letter(subject, ...paragraphs))).toBe(type);
  });
});
