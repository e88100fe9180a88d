import { buildLetter } from "../../../src/engine/letter/model.js";
import { classifyLetterType } from "../../../src/engine/rules/essentials/index.js";
import { decisionCues, titleLines } from "../../../src/engine/rules/essentials/decision-cues.js";
import type { LetterType } from "../../../src/engine/types.js";

/** A letter with no subject line, so only the body's performatives and structure decide. */
function letter(...paragraphs: string[]) {
  return buildLetter([
    { kind: "greeting", text: "Kære Jens" },
    ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
  ]);
}

const cues = (...texts: string[]) => [...decisionCues(texts, titleLines(texts))].sort();

describe("performatives: an authority decides in the present, the perfect or after a modal", () => {
  test.each<string>([
    "Jobcentret afslår din ansøgning om hjælp til flytning.",
    "Vi har derfor besluttet at standse din kontanthjælp fra den 1. februar 2027.",
    "Planklagenævnet kan ikke give medhold i klagerne.",
    "Statsforvaltningen kan imødekomme anmodningen.",
    "Ankestyrelsen stadfæster kommunens afgørelse.",
    "Vi har truffet afgørelse om, at du skal i virksomhedspraktik.",
    "Kommunen bevilger dig en enkeltydelse på 3.200 kr. til tandbehandling.",
  ])("%s", (sentence) => {
    expect(cues(sentence)).toContain("performative");
    expect(classifyLetterType(letter(sentence))).toBe("afgørelse");
  });

  test.each<[string, string]>([
    [
      "a reported past decision",
      "Helsingør Kommune besluttede den 8. juli 2022 at give dispensation.",
    ],
    [
      "a dated perfect of another authority",
      "Fredningsnævnet har den 22. juli 2002 godkendt, at en del af et maskinhus må anvendes til lager.",
    ],
    ["a decision not yet made", "Vi har endnu ikke truffet afgørelse i din sag."],
    ["a negated perfect", "Kommunen har ikke besluttet noget om din hjælp."],
    ["a pending decision", "Inden vi træffer afgørelse, vil vi gerne høre dine bemærkninger."],
    ["a promised decision", "Vi vil træffe afgørelse, når vi har modtaget dine bemærkninger."],
    ["an authority's duty", "Kommunen skal træffe afgørelse inden fire uger."],
    ["a condition", "Hvis vi bevilger hjælpen, får du besked i e-Boks."],
    ["a question", "Om kommunen har haft hjemmel til at give dispensation, jf. planlovens § 19."],
  ])("no performative: %s", (_, sentence) => {
    expect(cues(sentence)).not.toContain("performative");
  });
});

describe("one performative grammar: the case or the reader as subject, and templates", () => {
  test.each<string>([
    "Sagen hjemvises til fornyet behandling i kommunen.",
    "Klagen afvises, fordi den er kommet for sent.",
    "Kommunens afgørelse stadfæstes.",
    "Ansøgningen kan ikke imødekommes.",
    "Din ansøgning er imødekommet.",
    "Der meddeles dispensation til opførelse af et udhus på 20 m².",
    "Du får afslag på din ansøgning om enkeltydelse.",
    "Du har fået medhold i klagen.",
    "[Myndigheden] afslår aktindsigt i materialet.",
  ])("%s", (sentence) => {
    expect(cues(sentence)).toContain("performative");
    expect(classifyLetterType(letter(sentence))).toBe("afgørelse");
  });

  test.each<[string, string]>([
    ["a condition", "Hvis klagen afvises, kan du gå til domstolene."],
    ["a possibility", "Sagen kan hjemvises til kommunen, når der mangler oplysninger."],
    ["an indefinite rule", "Ansøgninger afvises, når fristen er overskredet."],
    ["a dated report", "Klagen blev den 3. maj 2025 afvist af nævnet."],
    ["the reader acting", "Du afviser tilbuddet om praktik."],
  ])("no performative: %s", (_, sentence) => {
    expect(cues(sentence)).not.toContain("performative");
  });
});

describe("a loss stated as fact is a decision; a conditional or possible loss is not", () => {
  test("'hvorfor der fortsat trækkes kr. 516,00 af kontanthjælpen' (Århus Kommune, FOB 05-434)", () => {
    const text =
      "Jf. ovenstående lovtekst ses I ikke at være omfattet af reglerne, hvorfor der fortsat trækkes kr. 516,00 af kontanthjælpen hver måned.";
    expect(cues(text)).toContain("statedLoss");
    expect(classifyLetterType(letter(text))).toBe("afgørelse");
  });

  test("'Fra februar trækkes 516 kr. af din kontanthjælp hver måned.'", () => {
    expect(cues("Fra februar trækkes 516 kr. af din kontanthjælp hver måned.")).toContain(
      "statedLoss"
    );
  });

  test.each<string>([
    "Hvis du udebliver fra samtalen, trækkes du i kontanthjælpen for de dage.",
    "Hjælpen kan nedsættes, når du har boet i Danmark i kortere tid.",
    "Fra den 1. januar 2027 nedsættes boligstøtten for alle lejere i kommunen.",
  ])("%s", (sentence) => {
    expect(cues(sentence)).not.toContain("statedLoss");
  });

  // The authority makes this reader's loss, measured in days, an amount or a date; or the
  // bliver-passive states it. A rule for everyone has no measure; a duty, a possibility, a
  // negation, a condition or a pending decision makes no loss.
  test.each<string>([
    "Vi trækker dig i kontanthjælp for 2 dage, fordi du ikke mødte op til samtalen den 3. maj 2027.",
    "Jobcentret har nedsat din kontanthjælp med 1.200 kr. for juni.",
    "Du bliver trukket i din uddannelseshjælp for tre dage.",
    "Din kontanthjælp er blevet nedsat fra den 1. juni 2027.",
  ])("stated loss: %s", (sentence) => {
    expect(cues(sentence)).toContain("statedLoss");
    expect(classifyLetterType(letter(sentence))).toBe("afgørelse");
  });

  test.each<[string, string]>([
    ["a rule for everyone", "Du bliver trukket i din kontanthjælp for de dage, du udebliver."],
    ["a possibility", "Kommunen kan trække tre dages uddannelseshjælp fra dig."],
    ["a negation", "Vi trækker ikke i din kontanthjælp for de 2 dage, hvor du var syg."],
    ["a condition", "Vi trækker dig i kontanthjælp for 2 dage, hvis du ikke møder op."],
    [
      "a pending decision",
      "Inden vi trækker dig i kontanthjælp for 2 dage, vil vi gerne høre din forklaring.",
    ],
  ])("no stated loss: %s", (_, sentence) => {
    expect(cues(sentence)).not.toContain("statedLoss");
  });
});

describe("a hearing offered and a meeting moved", () => {
  test.each<[string, LetterType]>([
    [
      "Du har mulighed for at komme med bemærkninger til sagen inden den 10. maj 2027.",
      "partshøring",
    ],
    ["Du får hermed lejlighed til at udtale dig, inden vi træffer afgørelse.", "partshøring"],
    // A page on the procedure names no date to answer by.
    [
      "Når kommunen behandler din sag, har du mulighed for at komme med bemærkninger.",
      "orientering",
    ],
    ["Din samtale er flyttet til mandag den 7. juni 2027 kl. 10.00.", "indkaldelse"],
    ["Vi har flyttet dit møde til tirsdag den 8. juni 2027 kl. 13.00.", "indkaldelse"],
    ["Din samtale er flyttet til et større lokale.", "orientering"],
  ])("%s -> %s", (sentence, type) => {
    expect(classifyLetterType(letter(sentence))).toBe(type);
  });
});

describe("an answer to the reader's inquiry that concludes on a right is a decision", () => {
  test("Finanstilsynet's answer on klageadgang", () => {
    const paragraphs = [
      "Tak for Deres henvendelse vedrørende fondsbørsens beslutning om afnotering.",
      "Aktionærerne i A har derfor ikke mulighed for at indbringe afgørelsen for Finanstilsynet.",
    ];
    expect(cues(...paragraphs)).toEqual(["answer", "conclusionOnRight"]);
    expect(classifyLetterType(letter(...paragraphs))).toBe("afgørelse");
  });

  test("a conclusion on a right without an inquiry is no decision", () => {
    const text = "Du har derfor ret til at få hjælp til at finde et job.";
    expect(cues(text)).not.toContain("conclusionOnRight");
    expect(classifyLetterType(letter(text))).toBe("orientering");
  });
});

describe("structure: titled decision parts, complaint guidance, opinions", () => {
  test.each<[string, string[]]>([
    ["AFGØRELSE", ["AFGØRELSE", "i klagesag om Helsingør Kommunes dispensation fra lokalplan"]],
    [
      "Kendelse af <date>",
      ["Kendelse af 18. oktober 2012", "Sag hjemvist til tilsynets fornyede behandling."],
    ],
    [
      "the authority's decision as the opening",
      [
        "NATURKLAGENÆVNET",
        "Naturklagenævnets afgørelse af 27. august 2002 om fredning af Haveforeningen Dalgas i Frederiksberg Kommune.",
      ],
    ],
  ])("%s", (_, paragraphs) => {
    expect(cues(...paragraphs)).toContain("decisionTitle");
    expect(classifyLetterType(letter(...paragraphs))).toBe("afgørelse");
  });

  test("a later block that mentions another authority's decision is no title", () => {
    const texts = [
      "Formålet med fredningen er at bevare området som kolonihaveområde.",
      "Fredningsnævnets afgørelse om fredningen er påklaget til Naturklagenævnet af KPC BYG A/S.",
      "Fredningsnævnets afgørelse om fredningen er påklaget.",
    ];
    expect(cues(...texts)).not.toContain("decisionTitle");
  });

  test("complaint guidance to the reader counts; someone else's complaint does not", () => {
    expect(cues("Du kan klage over afgørelsen til Ankestyrelsen inden fire uger.")).toContain(
      "complaintGuidance"
    );
    expect(cues("En byforening og en andelsboligforening har klaget over afgørelsen.")).toEqual([]);
    expect(
      classifyLetterType(
        letter(
          "I dit brev af 4. marts 2009 gør du opmærksom på at du ville klage over afgørelsen af 19. oktober."
        )
      )
    ).toBe("orientering");
  });

  test.each<[string, string[], LetterType]>([
    [
      "a supervisory opinion that mentions decisions",
      [
        "Det er statsforvaltningens opfattelse, at kommunen har overladt det til Hjælpemiddelcentralen at træffe afgørelser.",
        "Kommunen skal genoptage de sager, hvor Hjælpemiddelcentralen har givet afslag på det ansøgte, og som ikke er påklaget.",
      ],
      "orientering",
    ],
    [
      "the Ombudsman's view",
      [
        "Efter min gennemgang af sagen mener jeg ikke, at kommunen kunne reparere fejlen.",
        "Kommunen havde derimod efter min opfattelse pligt til at omgøre de oprindelige afgørelser.",
      ],
      "orientering",
    ],
    [
      "an opinion and a decision: the decision wins",
      [
        "Det er vores vurdering, at du ikke står til rådighed for arbejdsmarkedet.",
        "Vi har derfor besluttet at standse din kontanthjælp.",
        "Du kan klage over afgørelsen inden fire uger.",
      ],
      "afgørelse",
    ],
  ])("%s", (_, paragraphs, type) => {
    expect(classifyLetterType(letter(...paragraphs))).toBe(type);
  });

  test("'Ombudsmandens udtalelse' as the subject line is an orientering", () => {
    const withSubject = buildLetter([
      { kind: "subject", text: "Ombudsmandens udtalelse" },
      {
        kind: "paragraph",
        text: "I dit brev gør du opmærksom på, at du ville klage over afgørelsen af 19. oktober, og at klagevejledningen manglede.",
      },
    ]);
    expect(classifyLetterType(withSubject)).toBe("orientering");
  });
});

describe("a summons names its meeting", () => {
  test.each<[string, LetterType]>([
    [
      "Du skal møde hos Jobcenter Viborg, Nørregade 41, mandag den 7. december 2026 kl. 10.00.",
      "indkaldelse",
    ],
    ["Mød op i Borgerservice den 3. december kl. 9.15 og tag dit sundhedskort med.", "indkaldelse"],
    ["Du skal møde op, når du bliver kaldt ind til samtaler.", "orientering"],
    ["Du skal i stedet møde hos os mandag den 10. maj 2027 kl. 10.00.", "indkaldelse"],
    ["Du skal derfor ikke møde op mandag den 10. maj 2027 kl. 10.00.", "orientering"],
  ])("%s -> %s", (sentence, type) => {
    expect(classifyLetterType(letter(sentence))).toBe(type);
  });
});
