import { readFileSync } from "node:fs";
import { analyzePlain, applied, findingsOf, rewriteWith } from "./helpers.js";

const RULE = "plain/officialese";

function rewrite(text: string): string {
  return rewriteWith(text, RULE);
}

describe("plain/officialese", () => {
  test.each([
    ["Såfremt du er syg, skal du ringe til os.", "Hvis du er syg, skal du ringe til os."],
    ["Du får hjælp i henhold til loven.", "Du får hjælp efter loven."],
    [
      "Vi har fremsendt brevet, og du fremsender svaret.",
      "Vi har sendt brevet, og du sender svaret.",
    ],
    ["Brevet fremsendes i dag.", "Brevet sendes i dag."],
    ["Du bedes medbringe dit sygesikringskort.", "Medbring dit sygesikringskort."],
    [
      "Når du kommer, bedes du tage dit CV med.",
      "Når du kommer, beder vi dig om at tage dit CV med.",
    ],
    ["Det påhviler dig at søge job.", "Du skal søge job."],
    ["Derfor påhviler det dig at søge job.", "Derfor skal du søge job."],
    ["Det påhviler kommunen at svare.", "Kommunen skal svare."],
    ["Vi ringer vedrørende din sag.", "Vi ringer om din sag."],
    ["Vi skriver vedr. din sag.", "Vi skriver om din sag."],
    ["Du kan læse mere i nærværende brev.", "Du kan læse mere i dette brev."],
    ["Nærværende afgørelse gælder fra i dag.", "Denne afgørelse gælder fra i dag."],
    ["Vi vil vide, hvorvidt du kan komme.", "Vi vil vide, om du kan komme."],
    ["Du kan endvidere ringe til os.", "Du kan desuden ringe til os."],
    [
      "Du skal søge job med henblik på at blive selvforsørgende.",
      "Du skal søge job for at blive selvforsørgende.",
    ],
    ["Undertegnede kan træffes på telefon.", "Jeg kan træffes på telefon."],
    ["Du kan kontakte undertegnede på telefon.", "Du kan kontakte mig på telefon."],
    ["Du har ret til at fremkomme med bemærkninger.", "Du har ret til at komme med bemærkninger."],
    ["Du skal rette henvendelse til jobcentret.", "Du skal kontakte jobcentret."],
    ["Vi afholder jobsamtaler hver uge.", "Vi holder jobsamtaler hver uge."],
    ["Vi har modtaget din ansøgning.", "Vi har fået din ansøgning."],
    ["Du kan anvende vores skema.", "Du kan bruge vores skema."],
    ["Hjælpen ophører den 1. maj.", "Hjælpen stopper den 1. maj."],
    ["Forløbet påbegyndes mandag.", "Forløbet begyndes mandag."],
    ["Har du yderligere oplysninger, kan du ringe.", "Har du flere oplysninger, kan du ringe."],
    ["Vi skal have yderligere dokumentation.", "Vi skal have mere dokumentation."],
    ["Vi mangler de fornødne papirer.", "Vi mangler de nødvendige papirer."],
    ["Det gælder for de pågældende dage.", "Det gælder for disse dage."],
    ["Du får svar, eftersom du har søgt.", "Du får svar, fordi du har søgt."],
    ["Dersom du flytter, skal du sige det.", "Hvis du flytter, skal du sige det."],
    ["Sagen afgøres på det foreliggende grundlag.", "Sagen afgøres ud fra det, vi ved nu."],
    ["Det bemærkes, at fristen er fredag.", "Fristen er fredag."],
    ["Vi skriver, således at du ved det.", "Vi skriver, så du ved det."],
    // Forms generated from the dictionary (inflect: true), not written in the rule file.
    ["Vi har fordret dokumentation.", "Vi har krævet dokumentation."],
    ["Skemaet fremsendes til dig.", "Skemaet sendes til dig."],
    ["Der henvises til samtalen i går.", "Vi henviser til samtalen i går."],
  ])("%s -> %s", (before, after) => {
    expect(rewrite(before)).toBe(after);
  });

  test("keeps the capital letter at the start of a sentence, and only there", () => {
    const [first, second] = findingsOf("Såfremt du kan. Du kommer, såfremt du kan.", RULE);
    expect(first?.edit).toMatchObject({ kind: "replace", text: "Hvis", ruleId: RULE });
    expect(second?.edit).toMatchObject({ text: "hvis" });
    expect(findingsOf("SÅFREMT DU ER SYG.", RULE)[0]?.edit).toMatchObject({ text: "HVIS" });
  });

  test("a finding carries the reason, the plain word and the matched span", () => {
    const [finding] = findingsOf("Såfremt du er syg, skal du ringe.", RULE);
    expect(finding).toMatchObject({
      severity: "warning",
      text: "Såfremt",
      safe: true,
      suggestion: { text: "Hvis", explanation: "»Hvis« er det almindelige ord." },
      details: { entry: "saafremt" },
    });
    expect(finding?.message).toBe("»Såfremt« er kancellisprog. Skriv »Hvis«.");
  });

  test("only meaning-preserving swaps are safe", () => {
    const safe = (text: string) => findingsOf(text, RULE).map((f) => [f.text, f.safe]);
    expect(safe("Såfremt du kan, idet vi mangler svar.")).toEqual([
      ["Såfremt", true],
      ["idet", false],
    ]);
    // Patterns with a verb slot and noun agreement are mechanical but never safe.
    expect(safe("Du bedes sende nærværende brev.")).toEqual([
      ["Du bedes sende", false],
      ["nærværende", false],
    ]);
  });

  test("advice without an edit where no word-for-word swap exists", () => {
    const findings = findingsOf("Eventuelle bemærkninger bedes fremsendt skriftligt.", RULE);
    expect(findings.map((f) => f.text)).toEqual(["Eventuelle", "bedes", "fremsendt"]);
    const bedes = findings[1]!;
    expect(bedes.edit).toBeUndefined();
    expect(bedes.safe).toBe(false);
    expect(bedes.suggestion?.text).toBe("vi beder dig om at …");
    const paahviler = findingsOf("Det påhviler ham at svare.", RULE)[0];
    expect(paahviler?.text).toBe("påhviler");
    expect(paahviler?.edit).toBeUndefined();
    // Unknown gender ("spørgsmål" is singular and plural): advice only, no guess.
    const [naervaerende, yderligere] = findingsOf(
      "Læs nærværende xyzzy, og stil yderligere spørgsmål.",
      RULE
    );
    expect(naervaerende?.edit).toBeUndefined();
    expect(naervaerende?.suggestion?.text).toBe("denne/dette");
    expect(yderligere?.edit).toBeUndefined();
    expect(yderligere?.suggestion?.text).toBe("mere/flere");
  });

  test("word classes: a noun gets a noun, a verb a verb; meaning-dependent words get advice", () => {
    const one = (text: string) => findingsOf(text, RULE)[0]!;
    // "ophør" is a noun: its advice is the noun "stop", never the verb "stoppe".
    const ophoer = one("Reglerne for ophør står i loven.");
    expect(ophoer.edit).toBeUndefined();
    expect(ophoer.suggestion?.text).toBe("stop");
    // "udeblivelse" is a noun: "hvis du ikke kommer" is no word swap.
    const udeblivelse = one("Vi betragter det som en udeblivelse.");
    expect(udeblivelse.edit).toBeUndefined();
    expect(udeblivelse.suggestion?.text.startsWith("fravær")).toBe(true);
    // "modtager" after a determiner is a noun; "er modtaget" is a passive participle.
    expect(one("Du er en modtager af hjælp.").edit).toBeUndefined();
    expect(one("Klagen skal være modtaget senest fredag.").edit).toBeUndefined();
    expect(one("Vi har modtaget din ansøgning.").edit).toMatchObject({ text: "fået" });
    // Meaning-dependent: advice only, never an edit.
    for (const text of [
      "Du har tilstrækkeligt med penge.",
      "Din ydelse bliver udbetalt fredag.",
      "Kommunen har således pligt til at betale.",
      "Du kan i øvrigt ringe til os.",
      "Afgørelsen er meddelt dig.",
      "Det følger af loven, jf. § 13.",
    ]) {
      const finding = one(text);
      expect([text, finding.edit]).toEqual([text, undefined]);
      expect(finding.safe).toBe(false);
    }
    expect(one("Din ydelse bliver udbetalt fredag.").suggestion?.text).not.toBe("hjælp");
    expect(one("Du har tilstrækkeligt med penge.").suggestion?.text).not.toBe("nok");
  });

  test("negatives: plain words and look-alikes are not flagged", () => {
    for (const text of [
      "Vi ses på torsdag, og du kan ringe, hvis du er syg.",
      "Vi har en samtale om dit dogme og din tidsplan.",
      "Det er afholdende at holde møde.",
      "Du får penge, hvis du søger job.",
      "Jobcentret afholder udgiften.",
    ]) {
      expect(findingsOf(text, RULE)).toEqual([]);
    }
  });

  test("edits from a whole paragraph apply together and give the expected sentence", () => {
    const text =
      "Såfremt du er forhindret, bedes du rette henvendelse til jobcentret i henhold til aftalen, jf. din jobplan.";
    expect(rewrite(text)).toBe(
      "Hvis du er forhindret, beder vi dig om at rette henvendelse til jobcentret efter aftalen, jf. din jobplan."
    );
  });

  test("safe edits alone give a letter that is still correct Danish", () => {
    const { letter, findings } = analyzePlain(
      "Dersom du vil fremkomme med bemærkninger, skal de være os i hænde senest fredag."
    );
    const safeOnes = findings.filter((f) => f.ruleId === RULE && f.safe);
    expect(applied(letter, safeOnes).text).toBe(
      "Hvis du vil komme med bemærkninger, skal de være os i hænde senest fredag."
    );
  });

  test("the sample letter indkaldelse-foer yields findings for såfremt, bedes, i medfør af and jf.", () => {
    const text = readFileSync("test/fixtures/letters/indkaldelse-foer.txt", "utf8");
    const findings = findingsOf(text, RULE);
    const flagged = findings.map((f) => f.text.toLowerCase());
    for (const phrase of [
      "såfremt",
      "du bedes medbringe",
      "i medfør af",
      "jf.",
      "det bemærkes, at",
      "rettet henvendelse til",
    ]) {
      expect(flagged).toContain(phrase);
    }
    const { letter } = analyzePlain(text);
    const result = applied(letter, findings);
    expect(result.refused).toBe(0);
    expect(result.text).toContain(
      "Jobcentret skal efter gældende lovgivning løbende holde samtaler"
    );
    expect(result.text).toContain("VIGTIGT: Udeblivelse fra samtalen");
    expect(result.text).toContain("indtil du igen har kontaktet jobcentret");
    expect(result.text).toContain("Medbring dokumentation for de stillinger");
    expect(result.text).toContain("Hvis du er forhindret i at møde");
  });

  test("the other sample letters are flagged too", () => {
    const partshoering = findingsOf(
      readFileSync("test/fixtures/letters/partshoering-foer.txt", "utf8"),
      RULE
    );
    expect(partshoering.map((f) => f.text.toLowerCase())).toEqual(
      expect.arrayContaining([
        "i henhold til",
        "fremkomme med",
        "fremsendt",
        "på det foreliggende grundlag",
        "således at",
      ])
    );
    const afgoerelse = findingsOf(
      readFileSync("test/fixtures/letters/afgoerelse-praktik-foer.txt", "utf8"),
      RULE
    );
    expect(afgoerelse.map((f) => f.text.toLowerCase())).toEqual(
      expect.arrayContaining(["vedrørende", "der henvises til", "herunder"])
    );
    // The rewritten letter has no officialese at all.
    expect(
      findingsOf(readFileSync("test/fixtures/letters/indkaldelse-efter.txt", "utf8"), RULE)
    ).toEqual([]);
  });
});

describe("deleting 'Det bemærkes, at' respects Danish word order", () => {
  test("deleted when the at-clause reads as a main clause", () => {
    expect(rewrite("Det bemærkes, at fristen er fredag.")).toBe("Fristen er fredag.");
    expect(rewrite("VIGTIGT: Det skal bemærkes, at mødet er i lokale 4.")).toBe(
      "VIGTIGT: Mødet er i lokale 4."
    );
  });

  test("kept (advice only) when a sentence adverb would end up in the wrong place", () => {
    for (const text of [
      "Det bemærkes, at du ikke kan afslå tilbuddet.",
      "Det skal understreges, at du ikke kan afslå tilbuddet, og at udeblivelse medfører fradrag.",
      "Det bemærkes, at fristen er fredag, og at mødet er i lokale 4.",
      // "samt at" refers back to the deleted verb like "og at" (@coordinators).
      "Det bemærkes, at fristen er fredag, samt at mødet er i lokale 4.",
    ]) {
      const [finding] = findingsOf(text, RULE);
      expect(finding?.text).toMatch(/^Det (skal )?(bemærkes|understreges), at$/u);
      expect(finding?.edit).toBeUndefined();
    }
  });
});

describe("plain/officialese: general terms and fixed phrases", () => {
  test("'offentlige ydelser' is a general term; 'uden yderligere varsel' gets phrase advice", () => {
    expect(
      findingsOf("Du har oplysningspligt, når du modtager offentlige ydelser.", RULE).map(
        (f) => f.text
      )
    ).toEqual(["modtager"]);
    const varsel = findingsOf("Du kan uden yderligere varsel blive hentet.", RULE)[0]!;
    expect(varsel.text).toBe("uden yderligere varsel");
    expect(varsel.edit).toBeUndefined();
  });
});

describe("plain/officialese: constructions the swap would break", () => {
  test("eventuelle is advice only: it can carry meaning (plain-language sample)", () => {
    // Bug: "dennes eventuelle ægtefælle" lost its meaning when the word was deleted.
    const [finding] = findingsOf("Borgeren og dennes eventuelle ægtefælle skal vejledes.", RULE);
    expect(finding?.edit).toBeUndefined();
    expect(finding?.suggestion?.text).toMatch(/slet ordet, hvis det ikke ændrer meningen/u);
  });

  test("tilstrækkelig anledning gets advice that fits the phrase (plain-language sample)", () => {
    const [finding] = findingsOf("Klagen giver tilstrækkelig anledning til en undersøgelse.", RULE);
    expect(finding?.suggestion?.text).toBe("grund nok");
  });

  test("'meddelelse af' becomes 'besked om', 'en ydelse' is generic, 'nordiske landes' is no passive", () => {
    // "besked" takes "om": the swap takes the preposition along, never "besked af".
    const meddelelse = findingsOf("Fejlen var manglende meddelelse af afgørelsen.", RULE)[0]!;
    expect(meddelelse.edit).toMatchObject({ text: "besked om" });
    expect(findingsOf("Vi sendte en meddelelse til dig.", RULE)[0]!.edit).toMatchObject({
      text: "besked",
    });
    expect(findingsOf("Du har søgt om en ydelse.", RULE)).toEqual([]);
    expect(
      findingsOf("Vi har sendt en liste over nordiske landes myndigheder.", "plain/passive")
    ).toEqual([]);
  });
});
