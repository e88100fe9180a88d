import { readConsequence, readDuty } from "../../../src/engine/consequence/model.js";

/** The consequence model on the sentences issue 8 names, and their hard negatives. */
describe("consequence model: threats, with their trigger and framing", () => {
  test.each([
    ["Hvis du udebliver, stopper vi din hjælp.", "conditional", "stopper"],
    [
      "Kommer du ikke til samtalen, kan du ikke få dagpenge.",
      "inverted condition",
      "ikke få dagpenge",
    ],
    ["Afleveres skemaet ikke, stopper vi din hjælp.", "inverted condition", "stopper"],
    ["Manglende fremmøde kan medføre fradrag i din hjælp.", "noun phrase", "fradrag"],
    ["Ved udeblivelse trækker vi i din kontanthjælp.", "noun phrase", "trækker vi i"],
    ["Mød op til samtalen, ellers stopper vi din hjælp.", "ellers", "stopper"],
    ["Den, der udebliver uden grund, mister retten til hjælp.", "relative clause", "mister"],
    ["Hvis du ikke svarer, bliver din hjælp sat ned.", "conditional", "sat ned"],
    ["Hvis du ikke svarer, bliver din hjælp nedsat.", "conditional", "nedsat"],
    [
      "Søger du ikke job, falder din ret til dagpenge bort.",
      "inverted condition",
      "falder din ret til dagpenge bort",
    ],
    ["Hvis du ikke møder op, lukker vi for din kontanthjælp.", "conditional", "lukker vi for"],
    // Bug (fourth session's note): "fradrage" was missing from @lossVerbs.
    [
      "Hvis du udebliver uden rimelig grund, fradrager vi et beløb i din hjælp.",
      "conditional",
      "fradrager",
    ],
    [
      "Udebliver du, bliver der fradraget et beløb i din kontanthjælp.",
      "inverted condition",
      "fradraget",
    ],
    [
      "Gentagne udeblivelser kan medføre en skærpet rådighedssanktion.",
      "noun phrase",
      "rådighedssanktion",
    ],
    [
      "Hvis du har fået hjælp med urette, kan det udløse et tilbagebetalingskrav.",
      "conditional",
      "tilbagebetalingskrav",
    ],
  ])("%s", (sentence, trigger, consequence) => {
    const reading = readConsequence(sentence);
    expect({
      threat: reading.threat,
      trigger: reading.trigger,
      consequence: reading.consequence?.text,
    }).toEqual({ threat: true, trigger, consequence });
  });

  test.each([
    ["Bliver du erklæret studieinaktiv, stopper din SU.", "inverted condition", "stopper"],
    ["Hvis du ikke gør det, vil du derfor miste retten til dagpenge.", "conditional", "miste"],
    [
      "Risikoen for ophør eller tilbagebetaling gælder for alle, der modtager kontanthjælp.",
      undefined,
      "ophør",
    ],
  ])("more triggers and readers: %s", (sentence, trigger, consequence) => {
    const reading = readConsequence(sentence);
    expect({
      threat: reading.threat,
      trigger: reading.trigger,
      text: reading.consequence?.text,
    }).toEqual({
      threat: true,
      trigger,
      text: consequence,
    });
  });

  test.each([
    ["Du risikerer at miste din ret til dagpenge."],
    ["Det kan betyde, at du ikke længere er berettiget til den forsørgelsesydelse, du modtager."],
    ["Hjælpen kan ophøre."],
    ["Det kan få betydning for din ret til sygedagpenge."],
  ])("risk without a condition: %s", (sentence) => {
    expect(readConsequence(sentence)).toMatchObject({ threat: true, framing: "risk" });
  });
});

describe("consequence model: the patterns of issue 8's real-text misses (not corpus copies)", () => {
  test.each([
    // A generic role stands for the reader on a page for citizens.
    ["En kontanthjælpsmodtager kan få en sanktion, hvis vedkommende udebliver fra et tilbud."],
    ["Retten til dagpenge ophører, hvis den ledige uden rimelig grund ikke møder op."],
    // A delay of the benefit is a loss.
    ["Sender du ikke skemaet, får du først hjælp fra den dag, vi modtager det."],
    // The standing a benefit depends on is lost.
    ["Hvis du ikke svarer på jobtilbud, betyder det, at du ikke står til rådighed."],
    // Two negations: "ikke ... uden at det har konsekvenser".
    ["Du kan ikke sige nej til et job, uden at det får konsekvenser for dine dagpenge."],
    // A risk told to the reader, whatever the risk.
    ["Hvis du ikke sender papirerne, risikerer du at skulle betale beløbet selv."],
    // A heading whose condition is a failure governs the sanction it names.
    ["Fradrag – hvis du ikke møder op"],
    // A right to appeal is a right the letter can threaten ("klageret" is in the dictionary).
    ["Send klagen inden fire uger, ellers mister du din klageret."],
    // What only the retired pattern detector found before (issue 8: one consequence model).
    ["Hvis du ikke kommer til mødet mister du din ydelse for dagen."],
    ["Hvis du udebliver fra kurset stoppes din uddannelseshjælp."],
    ["Medmindre du har en gyldig grund, trækker vi i din hjælp for dagen."],
    ["Fravær fra praktikken vil medføre fradrag."],
    ["Hvis du ikke møder op, foretager vi fradrag i din hjælp."],
    ["Hvis du snyder med oplysningerne, kan du blive politianmeldt."],
    ["Hvis du ikke står til rådighed, kan din hjælp blive nedsat."],
    ["Send svaret til tiden, ellers kan din klage blive afvist."],
  ])("threat: %s", (sentence) => {
    expect(readConsequence(sentence).threat).toBe(true);
  });

  test.each([
    // The future passive with the reader as subject states a loss to come.
    ["Melder du ikke afbud, bliver du trukket i kontanthjælp for dagen."],
    ["Du bliver trukket i hjælpen for hele dagen."],
    // A hedge leaves the real conditions unsaid.
    ["Er du sygemeldt, kan kommunen i visse tilfælde standse dine sygedagpenge."],
  ])("threat or risk: %s", (sentence) => {
    expect(readConsequence(sentence)).toMatchObject({ threat: true });
  });

  test.each([
    // Reports of past cases: the generic role is no reader.
    ["Ankestyrelsen har set sager, hvor den sygemeldte har mistet sine sygedagpenge."],
    // A decision reported to the reader, not a loss to come.
    ["Du får at vide, at din ydelse bliver stoppet og fra hvilken dato."],
    // A neutral condition and a modal without a hedge is a rule.
    ["Hvis du får fuldtidsarbejde, kan vi stoppe for udbetalingen af dagpenge."],
    // A risk named in an indirect question is a topic.
    ["Her kan du læse, hvornår du risikerer at blive erklæret studieinaktiv."],
    // A single negation still negates.
    ["Du kan sagtens sige nej til jobbet, uden at det får konsekvenser for dine dagpenge."],
    // A right stated: "først" before a benefit with no failure.
    ["Du kan tidligst få pension, når du fylder 67 år."],
    // A heading whose condition is no failure.
    ["Fradrag – hvis du får arbejde"],
    // A rejection already made, or someone else's complaint.
    ["Vi har afvist din klage, fordi den kom for sent."],
    ["Ankestyrelsen afviser klager, der kommer for sent."],
    // A decision whose failure is its reason.
    ["Vi har besluttet at trække i din hjælp, fordi du udeblev uden rimelig grund."],
    // The calm rule with its way back.
    ["Kommer du ikke, får du ikke hjælp for de dage, der går, indtil du kontakter os igen."],
  ])("no threat: %s", (sentence) => {
    expect(readConsequence(sentence).threat).toBe(false);
  });
});

describe("consequence model: a verb's stem after a topic marker is the noun", () => {
  // Bug: with "fradrage" in @lossVerbs its imperative "fradrag" read the topic of "Afgørelse om
  // fradrag i kontanthjælp" as a loss; "stop", "ophør" and "træk" did the same before.
  test.each([
    "Afgørelse om fradrag i kontanthjælp",
    "Afgørelse om stop af kontanthjælp",
    "Afgørelse om ophør af kontanthjælp",
    "Vejledning om træk i kontanthjælpen",
  ])("%s", (heading) => {
    expect(readConsequence(heading).consequence).toBeUndefined();
  });

  test("an infinitive after 'om at' is still a loss", () => {
    expect(
      readConsequence("Hvis du ikke møder op, træffer vi afgørelse om at stoppe din hjælp.")
        .consequence?.text
    ).toBe("stoppe");
  });
});

describe("consequence model: a sanction inside a fronted condition is its content", () => {
  // Bug (realmiss report): the klagevejledning sentence "Hvis du har fået en sanktion for
  // udeblivelse, kan du klage inden 4 uger." was a threat: the condition ends where the main
  // clause's finite verb follows it (V2), and the sanction stands before that.
  test.each([
    "Hvis du har fået en sanktion for udeblivelse, kan du klage inden 4 uger.",
    "Hvis du får en sanktion, skal du kontakte os.",
  ])("no threat: %s", (sentence) => {
    expect(readConsequence(sentence).threat).toBe(false);
  });

  test.each([
    "Hvis du udebliver, får du en sanktion.",
    "Hvis du udebliver uden rimelig grund vil du få en sanktion, og det kan vare længe.",
    "Hvis du ikke møder op, vil du få en sanktion, som trækkes i din hjælp.",
  ])("still a threat: %s", (sentence) => {
    expect(readConsequence(sentence)).toMatchObject({ threat: true, trigger: "conditional" });
  });
});

describe("consequence model: not threats, and why", () => {
  test.each([
    ["Vi trækker ikke i din hjælp, hvis du er syg og melder det.", "negated"],
    ["Hvis du får arbejde, stopper hjælpen.", "neutral condition"],
    ["Hvis du mister din hjælp, kan du kontakte os.", "condition content"],
    [
      "Vi har besluttet at trække 1.614 kr. i din kontanthjælp, fordi du udeblev.",
      "stated decision",
    ],
    ["Mange ledige har fået brev om, at de risikerer at miste dagpengene.", "not the reader"],
    ["Hvad sker der, hvis jeg udebliver fra en samtale?", "question"],
    ["Du kan få hjælpen igen fra den dag, du kontakter os.", "no consequence"],
    ["Læs mere om sanktioner i pjecen.", "no consequence"],
    ["Sanktionsvejledningen ligger på vores hjemmeside.", "no consequence"],
    ["Lovligt fravær fra møder uden konsekvenser for dine dagpenge.", "negated"],
    [
      "Reglen siger, at vi trækker i hjælpen for de dage, hvor du uden en rimelig grund ikke kommer til dit tilbud.",
      "rule statement",
    ],
  ])("%s", (sentence, why) => {
    expect(readConsequence(sentence)).toMatchObject({ threat: false, notThreat: why });
  });

  test("forms come from the dictionary: every inflection of a loss verb counts", () => {
    for (const verb of ["stopper", "stoppes", "stoppede", "standser", "mister", "mistede"]) {
      expect(readConsequence(`Hvis du udebliver, ${verb} din hjælp.`).threat).toBe(true);
    }
  });
});

describe("duties (obligation framing in plain words, threat/duty)", () => {
  test.each([
    ["Du skal møde op i Ballerup Jobcenter og melde dig ledig.", "Du skal møde"],
    ["For at få dagpenge skal du stå til rådighed for arbejdsmarkedet.", "skal du stå"],
    ["Hvis du som mand er indkaldt til Forsvarets Dag, har du mødepligt.", "mødepligt"],
    ["Du må ikke omadressere din post til en anden adresse.", "Du må ikke"],
    ["Kommunen skal oplyses om enhver ændring i dine forhold.", "skal oplyses"],
  ])("%s", (sentence, phrase) => {
    expect(readDuty(sentence)?.text).toBe(phrase);
  });

  test.each([
    "Kommunen skal give dig besked, før vi træffer en afgørelse.",
    "Du skal ikke gøre noget.",
    "Du skal have din løn udbetalt som normalt.",
    "Skal du have hjælp til at klage?",
    "Vi vejleder dig om dine rettigheder og pligter som ledig.",
    "Borgeren skal møde op i jobcentret.",
  ])("no duty on the reader: %s", (sentence) => {
    expect(readDuty(sentence)).toBeUndefined();
  });
});
