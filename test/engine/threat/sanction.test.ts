import { applyEdits } from "../../../src/engine/edits/apply.js";
import { detectSanction } from "../../../src/engine/rules/threat/sanction.js";
import { analyse, flagged, GUIDANCE, threatFindings } from "./helpers.js";

describe("threat/sanction: conditional sanctions are threats", () => {
  test.each([
    // A particle verb is quoted with its particle ("trækkes du i"), as the consequence model reads it.
    ["Hvis du udebliver, trækkes du i hjælp.", "trækkes du i"],
    ["Hvis du udebliver trækkes du i hjælp.", "trækkes du i"],
    ["Hvis du ikke møder op, mister du din hjælp.", "mister"],
    ["Hvis du ikke møder op mister du din hjælp.", "mister"],
    [
      "Såfremt du udebliver uden rimelig grund, vil der ske fradrag i din kontanthjælp.",
      "vil der ske fradrag",
    ],
    ["Ved udeblivelse vil du blive trukket i hjælp.", "vil du blive trukket i"],
    ["Udeblivelse fra aktiviteten vil medføre fradrag.", "vil medføre fradrag"],
    ["Du skal melde afbud, ellers får du fradrag i din hjælp.", "fradrag"],
    [
      "Hvis du giver forkerte oplysninger, kan du blive politianmeldt.",
      "kan du blive politianmeldt",
    ],
    ["Hvis du ikke giver besked om ændringer, skal du tilbagebetale hjælpen.", "tilbagebetale"],
    [
      "Hvis du afslår et rimeligt tilbud, kan din hjælp blive standset.",
      "kan din hjælp blive standset",
    ],
    ["Dersom du undlader at deltage, vil hjælpen blive nedsat.", "vil hjælpen blive nedsat"],
    ["I tilfælde af udeblivelse bortfalder hjælpen for de pågældende dage.", "bortfalder"],
    [
      "Hvis du ikke kan dokumentere din jobsøgning, kan det få konsekvenser for din hjælp.",
      "kan det få konsekvenser",
    ],
    [
      "Kommer du ikke til samtalen, kan det medføre fradrag i din hjælp.",
      "kan det medføre fradrag",
    ],
    [
      "Gentagne udeblivelser kan medføre en skærpet rådighedssanktion.",
      "kan medføre en skærpet rådighedssanktion",
    ],
    ["Du får kun fradrag, hvis du udebliver uden at melde afbud.", "fradrag"],
    ["Hvis du ikke overholder aftalen, kan du få karantæne.", "kan du få karantæne"],
    ["Hvis du udebliver fra samtalen, vil din hjælp blive stoppet.", "vil din hjælp blive stoppet"],
    ["Medmindre du har en rimelig grund, mister du retten til hjælp for de dage.", "mister"],
    ["Du skal søge mindst to job om ugen. Hvis du ikke gør det, mister du din hjælp.", "mister"],
    [
      "Hvis du ikke er til rådighed, kan din kontanthjælp blive nedsat.",
      "kan din kontanthjælp blive nedsat",
    ],
  ])("%s", (sentence, threat) => {
    expect(detectSanction(sentence)?.text).toBe(threat);
  });
});

describe("threat/sanction: negated, supportive and informative sentences are not threats", () => {
  test.each([
    // From the issue.
    "Vi trækker ikke i din hjælp, hvis du er syg og melder det.",
    "Hvis du ikke kan komme, så ring til os.",
    "Hvis du mister dit job, kan du kontakte os.",
    // The sanction is what the condition is about.
    "Hvis du mister dit job kan du kontakte os.",
    "Hvis din ansøgning bliver afvist, kan du klage.",
    "Hvis din hjælp bliver stoppet kan du klage.",
    "Hvis du er i tvivl om, hvorvidt du mister din hjælp, kan du ringe til os.",
    "Du kan kontakte os, hvis du mister dit job.",
    // Negated or avoided consequences.
    "Du mister ikke din hjælp, hvis du melder dig syg.",
    "Hvis du ikke kan komme, mister du ikke din hjælp.",
    "Det vil ikke få konsekvenser for din hjælp, hvis du melder afbud.",
    "Hvis du ikke har mulighed for at komme, kan du ringe og aftale en ny tid, så du undgår fradrag.",
    "Hvis du bliver syg, skal du melde det, så du ikke mister din hjælp.",
    "Hvis du ikke kan komme på grund af sygdom, får du ingen sanktion.",
    // The sanction named as a topic.
    "Hvis du har spørgsmål om fradraget, kan du ringe til os.",
    "Du kan ringe til os, hvis du har spørgsmål om fradrag.",
    "Hvis du har spørgsmål, kan du læse mere om fradrag på side 2.",
    "Du kan klage over afgørelsen om fradrag, hvis du er uenig.",
    // Neutral benefit rules: no absence, no refusal.
    "Hvis du begynder i job, stoppes din hjælp.",
    "Hvis du har indtægt, bliver der foretaget fradrag i din hjælp.",
    "Hvis du deltager i kurset, vil det medføre, at du får nye kompetencer.",
    "Hvis du får arbejde, bortfalder hjælpen fra den dag, du begynder.",
    "Hvis du ikke længere ønsker at modtage hjælp, kan vi stoppe udbetalingen fra næste måned.",
    "Hvis du ikke har brug for hjælpen, kan den stoppes, når du giver os besked.",
    // Supportive conditions and plain information.
    "Kan du ikke komme? Ring til os på 89 15 10 00 senest kl. 8.30 på dagen.",
    "Vi glæder os til at se dig, og hvis du ikke kan komme, finder vi en ny tid.",
    "Hvis du ikke møder op, vil vi kontakte dig for at høre, om alt er i orden.",
    "Hvis du er syg, skal du ringe til os inden kl. 8.30.",
    "Du får hjælpen igen fra den dag, du kontakter os.",
    "Kommer du ikke, og har du ikke en rimelig grund, får du ikke kontanthjælp for de dage, der går, indtil du kontakter os igen.",
    "Hvis der ikke modtages bemærkninger inden fristens udløb, vil sagen blive afgjort på det foreliggende grundlag.",
  ])("%s", (sentence) => {
    expect(detectSanction(sentence)).toBeUndefined();
  });
});

describe("threat/sanction: a stated decision is the letter's content, not a threat", () => {
  test.each([
    "Vi har besluttet, at du får fradrag i din hjælp for 3 dage.",
    "Vi har besluttet, at du får fradrag i din hjælp for 3 dage, fordi du udeblev fra samtalen uden rimelig grund.",
    "Vi har trukket dig i hjælp for 3 dage på grund af din udeblivelse den 3. december.",
    "Vi har besluttet at standse din hjælp, fordi du ikke har stået til rådighed.",
    "Jobcentret påtænker på denne baggrund at træffe afgørelse om fradrag i din uddannelseshjælp for de pågældende dage.",
    "Din hjælp er derfor nedsat med 1.200 kr. om måneden fra den 1. januar 2027.",
  ])("%s", (sentence) => {
    expect(detectSanction(sentence)).toBeUndefined();
  });

  test("but a decision letter's future consequence of absence is a threat", () => {
    const sentence =
      "Jobcentret har truffet afgørelse om praktik, og udeblivelse fra praktikken uden rimelig grund vil medføre fradrag i hjælpen.";
    expect(detectSanction(sentence)?.text).toBe("vil medføre fradrag");
  });
});

describe("threat/sanction in a letter", () => {
  const threat = "Hvis du udebliver fra samtalen, trækkes du i hjælp.";
  const meeting = "Du skal til samtale torsdag den 3. december 2026 kl. 9.15 i Jobcenter Randers.";

  test("reports the sentence with a supportive rewrite, severity threat and a Danish message", () => {
    const analysis = analyse([meeting, threat]);
    const [finding, ...rest] = threatFindings(analysis, "threat/sanction");
    expect(rest).toHaveLength(0);
    expect(flagged(analysis, finding!)).toBe(threat);
    expect(finding!.severity).toBe("warning");
    expect(finding!.details).toMatchObject({ severity: "threat" });
    expect(finding!.message).toContain("»trækkes du i«");
    expect(finding!.suggestion?.text).toBe(
      "Kan du ikke komme? Ring til os på forhånd, så finder vi en ny tid."
    );
  });

  test("without a guidance section: no edit, and the explanation says the information must be kept at the end", () => {
    const finding = threatFindings(analyse([meeting, threat]), "threat/sanction")[0]!;
    expect(finding.edit).toBeUndefined();
    expect(finding.suggestion?.explanation).toContain("vejledning om fradrag");
    expect(finding.suggestion?.explanation).toContain("sidst i brevet");
    expect(finding.suggestion?.explanation).toContain("Slet ikke oplysningen");
  });

  test("with a guidance section after the signature: the explanation names it; the edit is offered but never safe", () => {
    const analysis = analyse([meeting, threat], [GUIDANCE]);
    const finding = threatFindings(analysis, "threat/sanction")[0]!;
    expect(finding.suggestion?.explanation).toBe(
      "Den lovpligtige vejledning om fradrag står i afsnittet »Det skal du vide om dine pligter« sidst i brevet."
    );
    expect(finding.safe).toBe(false);
    const { letter, refused } = applyEdits(analysis.letter, [finding.edit!]);
    expect(refused).toHaveLength(0);
    expect(letter.text).toContain(
      "Kan du ikke komme? Ring til os på forhånd, så finder vi en ny tid."
    );
    expect(letter.text).not.toContain("trækkes du i hjælp");
    expect(letter.text).toContain("får du ikke kontanthjælp for de dage"); // the guidance stays
  });

  test.each([
    "Hvis du udebliver fra samtalen, trækkes du i hjælp, og at du skal ringe til os.",
    "Hvis du udebliver fra samtalen, trækkes du i hjælp, samt at du skal ringe til os.",
    "Hvis du udebliver fra samtalen, trækkes du i hjælp, eller at du skal ringe til os.",
    "Hvis du udebliver fra samtalen, trækkes du i hjælp; ring til os.",
  ])(
    "a sentence that says more than the threat (any @coordinators before 'at', or ';') gets no edit: %s",
    (sentence) => {
      const finding = threatFindings(
        analyse([meeting, sentence], [GUIDANCE]),
        "threat/sanction"
      )[0]!;
      expect(finding.suggestion?.text).toBeDefined();
      expect(finding.edit).toBeUndefined();
    }
  );

  test("with a protected legal block about absence: the explanation points to the approved guidance", () => {
    const legal =
      '<!-- klarbrev:legal id="udeblivelse" version="3" title="Hvis du udebliver" -->\nHvis du udebliver fra en samtale uden rimelig grund, foretager jobcentret fradrag i din hjælp, jf. aktivlovens § 36.\n<!-- /klarbrev:legal -->';
    const finding = threatFindings(analyse([meeting, threat], [legal]), "threat/sanction")[0]!;
    expect(finding.suggestion?.explanation).toBe(
      "Den lovpligtige vejledning om fradrag står i den godkendte vejledning »Hvis du udebliver« sidst i brevet. Den bliver stående uændret."
    );
  });

  test("uses the letter's own phone number in the rewrite", () => {
    const analysis = analyse([
      meeting,
      threat,
      "Du kan ringe til os på tlf. 89 15 10 00 alle hverdage.",
    ]);
    expect(threatFindings(analysis, "threat/sanction")[0]!.suggestion?.text).toBe(
      "Kan du ikke komme? Ring til os på 89 15 10 00 på forhånd, så finder vi en ny tid."
    );
  });

  test("a praktik threat gets a praktik rewrite", () => {
    const analysis = analyse([
      "Udeblivelse fra praktikken uden rimelig grund vil medføre fradrag i hjælpen.",
    ]);
    expect(threatFindings(analysis, "threat/sanction")[0]!.suggestion?.text).toBe(
      "Kan du ikke komme en dag? Ring til os så hurtigt som muligt, så finder vi en løsning sammen."
    );
  });
});
