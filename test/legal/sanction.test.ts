import { buildLetter } from "../../src/engine/letter/model.js";
import {
  checkLegal,
  checkSanctionGuidance,
  sanctionMentionsIn,
  sanctionRole,
} from "../../src/engine/rules/legal/index.js";
import type { LetterType } from "../../src/engine/types.js";

describe("sanction guidance completeness", () => {
  test("calm, complete guidance has all three elements", () => {
    const text =
      "Kommer du ikke til en samtale, og har du ikke en rimelig grund, får du et fradrag i din hjælp. Du får hjælpen igen fra den dag, du kontakter kommunen.";
    expect(checkSanctionGuidance(text)).toEqual({
      mentionsSanction: true,
      present: ["sanctioned", "consequence", "restore"],
      missing: [],
    });
  });

  test("a bare threat misses how to get the help back", () => {
    const check = checkSanctionGuidance(
      "Udeblivelse uden rimelig grund vil medføre fradrag i hjælpen."
    );
    expect(check.mentionsSanction).toBe(true);
    expect(check.missing).toEqual(["restore"]);
  });

  test("sygedagpenge: stopped benefit, what triggers it, and getting it back", () => {
    const check = checkSanctionGuidance(
      "Hvis du ikke deltager, og du ikke har en rimelig grund, stopper vi dine sygedagpenge. Du får sygedagpengene igen fra den dag, du kontakter os."
    );
    expect(check.missing).toEqual([]);
  });

  test("Danish word boundaries: 'ophør' and 'fravær' end words", () => {
    const check = checkSanctionGuidance("Ved fravær sker der ophør af udbetalingen.");
    expect(check.mentionsSanction).toBe(true);
    expect(check.present).toEqual(["sanctioned", "consequence"]);
  });

  test("a letter without sanction wording needs nothing", () => {
    expect(
      checkSanctionGuidance("Du skal til samtale mandag den 7. december 2026 kl. 10.00.")
        .mentionsSanction
    ).toBe(false);
  });

  test("a letter that threatens a deduction without the rest gets legal/sanction-incomplete at the threat", () => {
    const letter = buildLetter([
      { kind: "subject", text: "Samtale", level: 1 },
      {
        kind: "paragraph",
        text: "Du skal komme til samtale. Ellers vil det medføre fradrag i din hjælp.",
      },
    ]);
    const issue = checkLegal(letter, { letterType: "indkaldelse" }).issues.find(
      (entry) => entry.ruleId === "legal/sanction-incomplete"
    )!;
    expect(issue.severity).toBe("error");
    // "Ellers" points back at the duty before it (the consequence model's trigger): what is
    // sanctioned is said, not coming to the meeting; how to get the help back is not.
    expect(issue.message).toContain("hvordan borgeren får hjælpen igen");
    expect(letter.text.slice(issue.start, issue.end)).toBe("fradrag");
    expect(issue.details).toEqual({ missing: ["restore"] });
  });
});

describe("income deductions are not sanctions", () => {
  test("pay deducted from the benefit needs no sanction guidance", () => {
    expect(
      checkSanctionGuidance("Vi har trukket din løn fra i hjælpen for oktober.").mentionsSanction
    ).toBe(false);
    expect(checkSanctionGuidance("Du får fradrag for din arbejdsindtægt.").mentionsSanction).toBe(
      false
    );
  });

  test("a sanction next to an income sentence still counts", () => {
    const check = checkSanctionGuidance(
      "Vi har trukket din løn fra i hjælpen. Kommer du ikke til samtalen, får du et fradrag."
    );
    expect(check.mentionsSanction).toBe(true);
    expect(check.missing).toEqual(["restore"]);
  });
});

describe("what a sanction mention does in its sentence", () => {
  test.each([
    "Kommer du ikke til samtalen, og har du ikke en rimelig grund, får du et fradrag i din hjælp.",
    "Udeblivelse fra praktikken uden rimelig grund vil medføre fradrag i hjælpen.",
    "Gentagne udeblivelser kan medføre en skærpet sanktion.",
    "Hvis du er væk uden at have meldt ferie, får du ikke kontanthjælp for de dage.",
    "Ellers vil det medføre fradrag i din hjælp.",
    "Udebliver du igen, kan vi nedsætte din hjælp.",
    "Såfremt du undlader at medvirke, vil din ret til sygedagpenge bortfalde.",
  ])("guidance (a warning about the future): %s", (sentence) => {
    expect(sanctionRole(sentence)).toBe("guidance");
  });

  test.each([
    "Vi trækker 1.614 kr. før skat i din kontanthjælp.",
    "Vi overvejer at trække penge i din uddannelseshjælp.",
    "Så kan du få trukket 5 dage i din uddannelseshjælp.",
    "Jobcentret har truffet afgørelse om, at der foretages fradrag i din kontanthjælp for 3 dage, idet du uden rimelig grund er udeblevet fra dit tilbud.",
    "Fradrag for dage, hvor du uden en rimelig grund ikke deltager i dit tilbud, sker efter lov om aktiv socialpolitik § 36.",
    "Hvis du får arbejde, stopper vi din kontanthjælp.",
  ])("content (decided, considered, the rule, or a neutral benefit rule): %s", (sentence) => {
    expect(sanctionRole(sentence)).toBe("content");
  });

  test("roles are judged per sentence and per block; 'kl.' and 'jf.' do not end a sentence", () => {
    const letter = buildLetter([
      { kind: "subject", text: "Afgørelse om fradrag i kontanthjælp", level: 1 },
      {
        kind: "paragraph",
        text: "Vi trækker 1.614 kr. i din kontanthjælp, jf. § 36. Kommer du ikke til praktikken mandag kl. 7.30, kan vi igen give dig et fradrag.",
      },
    ]);
    // The heading names the decision's topic ("Afgørelse om fradrag"): no consequence, no mention.
    expect(sanctionMentionsIn(letter).map(({ role, sentence }) => [role, sentence])).toEqual([
      ["content", "Vi trækker 1.614 kr. i din kontanthjælp, jf. § 36."],
      [
        "guidance",
        "Kommer du ikke til praktikken mandag kl. 7.30, kan vi igen give dig et fradrag.",
      ],
    ]);
  });
});

describe("which letters must state all three parts, and how seriously", () => {
  const sanctionIssue = (letterType: LetterType, ...paragraphs: string[]) => {
    const letter = buildLetter([
      { kind: "subject", text: "Brev", level: 1 },
      ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
    ]);
    const issue = checkLegal(letter, { letterType }).issues.find(
      (entry) => entry.ruleId === "legal/sanction-incomplete"
    );
    return issue && { ...issue, flagged: letter.text.slice(issue.start, issue.end) };
  };

  test("a partshøring before a deduction: the deduction it asks about is its content", () => {
    expect(
      sanctionIssue(
        "partshøring",
        "Vi overvejer at trække penge i din uddannelseshjælp. Før vi beslutter det, vil vi gerne høre din forklaring. Giv os besked senest onsdag den 2. december 2026.",
        "Hvis vi ikke hører fra dig, træffer vi afgørelsen ud fra de oplysninger, vi har nu. Så kan du få trukket 5 dage i din uddannelseshjælp."
      )
    ).toBeUndefined();
  });

  test("a decision about fradrag: the deduction and its rule are the decision itself", () => {
    expect(
      sanctionIssue(
        "afgørelse",
        "Vi trækker 1.614 kr. før skat i din kontanthjælp. Det sker, når vi udbetaler kontanthjælpen for december 2026.",
        "Fradrag for dage, hvor du uden en rimelig grund ikke deltager i dit tilbud, sker efter lov om aktiv socialpolitik § 36."
      )
    ).toBeUndefined();
  });

  test("a decision that also warns of the next sanction must say all three parts: error", () => {
    const issue = sanctionIssue(
      "afgørelse",
      "Vi trækker 1.614 kr. før skat i din kontanthjælp.",
      "Vi skal gøre dig opmærksom på, at gentagne udeblivelser vil kunne medføre en skærpet sanktion."
    )!;
    expect(issue.severity).toBe("error");
    expect(issue.flagged).toBe("sanktion");
    expect(issue.details).toEqual({ missing: ["restore"] });
  });

  test("a decision about a tilbud that warns of fradrag is the guidance a later fradrag rests on: error", () => {
    const issue = sanctionIssue(
      "afgørelse",
      "Du skal i virksomhedspraktik hos Viborg Genbrug fra mandag den 7. december 2026.",
      "Udeblivelse fra praktikken uden rimelig grund vil medføre fradrag i hjælpen."
    )!;
    expect(issue.severity).toBe("error");
    expect(issue.message).toContain("Ankestyrelsen kræver");
  });

  test("an orientering that names a consequence: warning, not error", () => {
    const issue = sanctionIssue(
      "orientering",
      "Du kan holde ferie og stadig få kontanthjælp, hvis du har optjent ferie.",
      "Hvis du er væk uden at have meldt ferie, får du ikke kontanthjælp for de dage."
    )!;
    expect(issue.severity).toBe("warning");
    expect(issue.flagged).toBe("får du ikke kontanthjælp");
    expect(issue.message).toMatch(
      /^Brevet nævner en konsekvens, men siger ikke hvordan borgeren får/u
    );
    expect(issue.details).toEqual({ missing: ["restore"] });
  });

  test("an anmodning that threatens to stop the help: warning", () => {
    const issue = sanctionIssue(
      "anmodning",
      "Send os et brev fra din læge senest mandag den 7. december 2026.",
      "Sender du ikke brevet, kan din hjælp blive standset."
    )!;
    expect(issue.severity).toBe("warning");
    expect(issue.details).toEqual({ missing: ["restore"] });
  });

  test("a partshøring that also threatens the future: warning", () => {
    const issue = sanctionIssue(
      "partshøring",
      "Vi overvejer at trække penge i din uddannelseshjælp. Giv os besked senest onsdag den 2. december 2026.",
      "Udebliver du igen, kan du miste retten til uddannelseshjælp."
    )!;
    expect(issue.severity).toBe("warning");
  });

  test("a summons with complete, calm guidance needs nothing more", () => {
    expect(
      sanctionIssue(
        "indkaldelse",
        "Du skal til samtale torsdag den 3. december 2026 kl. 9.15.",
        "Kommer du ikke, og har du ikke en rimelig grund, får du ikke kontanthjælp for de dage, der går, indtil du kontakter os igen. Du får hjælpen igen fra den dag, du kontakter os."
      )
    ).toBeUndefined();
  });
});

describe("sanction words shared with the threat family", () => {
  test.each([
    ["Din kontanthjælp bliver standset.", true],
    ["Kommer du ikke, kan du miste retten til dagpenge.", true],
    ["Vi trækker 1.614 kr. i din kontanthjælp.", true],
    ["Din hjælp bliver nedsat.", true],
    ["Hjælpen falder bort, hvis du ikke kommer.", true],
    ["Du får en karantæne.", true],
    ["Du har nedsat arbejdsevne.", false],
    ["Vi afviser din ansøgning om hjælp til tandbehandling.", false],
    ["Vi modregner din feriepenge i hjælpen.", false],
  ])("%s mentions a sanction: %s", (text, expected) => {
    expect(checkSanctionGuidance(text).mentionsSanction).toBe(expected);
  });

  test("dagpenge have the same three parts", () => {
    expect(
      checkSanctionGuidance(
        "Hvis du ikke deltager og ikke har en rimelig grund, får du ikke dagpenge fra tidspunktet for samtalen, og indtil du kontakter os igen. Du får dagpengene igen fra den dag, du kontakter os."
      ).missing
    ).toEqual([]);
  });
});

describe("sanction mentions in any spelling", () => {
  test("finds mentions in capitals, with decomposed letters and a long s", () => {
    const text = "Du kan FÅ ET FRADRAG. Vi kan nedsætte din hjælp. Du kan få en ſanktion.";
    const letter = buildLetter([{ kind: "paragraph", text: text.normalize("NFD") }]);
    expect(sanctionMentionsIn(letter).map((mention) => mention.sentence)).toEqual([
      "Du kan FÅ ET FRADRAG.",
      "Vi kan nedsætte din hjælp.",
      "Du kan få en ſanktion.",
    ]);
  });
});
