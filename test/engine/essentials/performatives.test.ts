import { analyzeText } from "../../../src/engine/index.js";

/** Letter type from performatives and structure (issue 8, 3): real decisions are afgørelser. */
describe("a letter that states a decision is an afgørelse", () => {
  test.each([
    "Planklagenævnet kan ikke give medhold i klagerne. Det betyder, at kommunens afgørelse gælder.",
    "Statsforvaltningen kan imødekomme anmodningen. Sagens baggrund er beskrevet nedenfor.",
    "Nævnet stadfæster kommunens afgørelse af 3. marts.",
    "Vi afslår din ansøgning om enkeltydelse til tandbehandling.",
    "Sagen hjemvises til fornyet behandling i kommunen.",
  ])("%s", (sentence) => {
    expect(
      analyzeText(`Kære borger\n\n${sentence}\n\nMed venlig hilsen\n\nKommunen`).letterType
    ).toBe("afgørelse");
  });

  test("a heading that only names the decision ('AFGØRELSE', 'Kendelse af ...') counts", () => {
    const text =
      "Kendelse af 18. oktober 2012\n\nK har klaget over tilsynets brev af 24. september 2012.";
    expect(analyzeText(text).letterType).toBe("afgørelse");
  });

  test("mentioning a decision is not stating one", () => {
    const text = "Kære borger\n\nDu kan læse om reglerne for ferie på vores hjemmeside.";
    expect(analyzeText(text).letterType).toBe("orientering");
  });
});

describe("klagevejledning is owed on appealable decisions only", () => {
  const decision = "Vi har besluttet, at du ikke kan få hjælp til flytning.";
  const missing = (text: string) =>
    analyzeText(text).findings.some(
      (finding) => finding.ruleId === "legal/missing" && /klage/iu.test(finding.message)
    );

  test("a kommune's decision without it is flagged", () => {
    expect(missing(`Aarhus Kommune\n\n${decision}`)).toBe(true);
  });

  test("an appeal board's or supervisory authority's decision is final: not flagged", () => {
    expect(missing(`Planklagenævnet\n\n${decision}`)).toBe(false);
    expect(missing(`NATURKLAGENÆVNET\n\n${decision}`)).toBe(false);
    expect(missing(`Statsforvaltningens brev af 8. december 2010\n\n${decision}`)).toBe(false);
  });

  test("a decision that says it is final owes none, whoever sends it", () => {
    expect(
      missing(
        `AFGØRELSE i sag om et påbud\n\n${decision}\n\nNævnets afgørelse er endelig og kan ikke indbringes for anden administrativ myndighed.`
      )
    ).toBe(false);
    expect(missing(`Aarhus Kommune\n\n${decision}\n\nDen endelige plan følger.`)).toBe(true);
  });

  test("a later mention of an appeal board does not make the kommune final", () => {
    expect(
      missing(
        `Aarhus Kommune\n\nKære borger\n\n${decision}\n\nAnkenævnet har tidligere set på sagen.`
      )
    ).toBe(true);
  });
});
