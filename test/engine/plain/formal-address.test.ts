import { findingsOf, rewriteWith } from "./helpers.js";

const RULE = "plain/formal-address";

function flagged(text: string): string[] {
  return findingsOf(text, RULE).map((f) => f.text);
}

function rewrite(text: string): string {
  return rewriteWith(text, RULE, "plain/officialese");
}

describe("plain/formal-address", () => {
  test("mid-sentence De, Dem and Deres are formal address", () => {
    expect(flagged("Hvis De er syg, skal De melde Dem syg hos Deres sagsbehandler.")).toEqual([
      "De",
      "De",
      "Dem",
      "Deres",
    ]);
  });

  test("rewrites to du/dig and the possessive that agrees with the noun", () => {
    expect(rewrite("Hvis De er syg, skal De melde Dem syg hos Deres sagsbehandler.")).toBe(
      "Hvis du er syg, skal du melde dig syg hos din sagsbehandler."
    );
    expect(rewrite("Vi har modtaget Deres brev og Deres oplysninger, og vi ringer til Dem.")).toBe(
      "Vi har fået dit brev og dine oplysninger, og vi ringer til dig."
    );
    expect(rewrite("Vi skal bruge Deres nye adresse, hvis De flytter.")).toBe(
      "Vi skal bruge din nye adresse, hvis du flytter."
    );
  });

  test("Deres before a noun we cannot place: din/dit/dine as advice, no edit", () => {
    const [deres] = findingsOf("Hvis De vil, kan vi se på Deres xyzzy.", RULE).filter(
      (f) => f.text === "Deres"
    );
    expect(deres?.edit).toBeUndefined();
    expect(deres?.suggestion?.text).toBe("din/dit/dine");
  });

  test("sentence-initial De is flagged when the letter uses formal address elsewhere", () => {
    const text = "De skal møde kl. 10. Husk at tage Deres sygesikringskort med.";
    expect(flagged(text)).toEqual(["De", "Deres"]);
    expect(rewrite(text)).toBe("Du skal møde kl. 10. Husk at tage dit sygesikringskort med.");
  });

  test("sentence-initial De is flagged when the verb context makes it address", () => {
    expect(flagged("De kan ringe til os på 89 15 10 00.")).toEqual(["De"]);
    expect(rewrite("De bedes ringe til os.")).toBe("Ring til os.");
    // "De bedes" is handled by the officialese edit: one edit, not two overlapping ones.
    expect(flagged("De bedes ringe til os.")).toEqual([]);
  });

  test("sentence-initial De meaning 'they' is not flagged", () => {
    expect(flagged("Dine børn er også velkomne. De skal bare have en voksen med.")).toEqual([]);
    expect(flagged("Vi har talt med dine forældre. De kan ringe til dig i morgen.")).toEqual([]);
    expect(flagged("Du skal tale med dine kolleger. De skal møde kl. 8.")).toEqual([]);
  });

  test("lower-case de, dem and deres are plural and never flagged", () => {
    expect(flagged("Du kan ringe til dem, hvis de har spurgt om deres penge.")).toEqual([]);
  });

  test("De as part of a name is not formal address", () => {
    expect(flagged("Du skal tale med Maria De Luca om din praktik.")).toEqual([]);
  });

  test("findings are warnings with a Danish message, never safe", () => {
    const [finding] = findingsOf("Vi ringer til Dem i morgen.", RULE);
    expect(finding).toMatchObject({
      severity: "warning",
      safe: false,
      message: "»Dem« er formel tiltale. Skriv »dig«.",
    });
    expect(finding?.edit).toMatchObject({ kind: "replace", text: "dig", ruleId: RULE });
  });
});

describe("plain/formal-address: the plural determiner", () => {
  test("sentence-initial 'De' before a noun and a relative clause is not formal address", () => {
    const text = "Vi har læst Deres brev. De oplysninger, som De har givet, indgår i sagen.";
    expect(findingsOf(text, "plain/formal-address").map((f) => f.start)).toEqual([
      text.indexOf("Deres"),
      text.lastIndexOf("De har"),
    ]);
  });
});
