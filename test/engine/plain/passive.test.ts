import { readFileSync } from "node:fs";
import { analyzePlain, applied, findingsOf, rewriteWith } from "./helpers.js";

const RULE = "plain/passive";

function flagged(text: string): string[] {
  return findingsOf(text, RULE).map((f) => f.text);
}

/** A signed letter: its writer is the acting authority, so "vi" may be named as the agent. */
const SIGNED = "\n\nMed venlig hilsen\nJobcentret";

function signed(text: string): string {
  return text + SIGNED;
}

function rewrite(text: string): string {
  const letter = rewriteWith(signed(text), RULE);
  return letter.slice(0, letter.indexOf("\n\nMed venlig hilsen"));
}

describe("plain/passive", () => {
  test.each([
    ["Papirerne skal sendes til jobcentret.", "skal sendes", "modal"],
    ["Pakken kan afhentes i receptionen.", "kan afhentes", "modal"],
    ["Afbud skal meddeles telefonisk.", "skal meddeles", "modal"],
    ["Skal afbud meddeles telefonisk?", "Skal afbud meddeles", "modal"],
    ["Der udbetales hjælp hver måned.", "udbetales", "der-passiv"],
    ["Inden der træffes afgørelse, hører vi dig.", "træffes", "der-passiv"],
    ["Hvis der ikke modtages svar, lukker vi sagen.", "modtages", "der-passiv"],
    ["Hjælpen udbetales den sidste bankdag.", "udbetales", "s-passiv"],
    ["Beløbet bliver trukket i din hjælp.", "bliver trukket", "blive-passiv"],
    ["Du blev indkaldt til samtale i sidste uge.", "blev indkaldt", "blive-passiv"],
    ["Sagen vil blive afgjort i næste uge.", "blive afgjort", "blive-passiv"],
    ["Mødet er blevet flyttet.", "blevet flyttet", "blive-passiv"],
    ["Derfor blev du ikke indkaldt.", "blev du ikke indkaldt", "blive-passiv"],
  ])("%s -> %s (%s)", (text, span, kind) => {
    const findings = findingsOf(text, RULE);
    expect(findings.map((f) => f.text)).toEqual([span]);
    expect(findings[0]?.details).toMatchObject({ kind });
    expect(findings[0]?.severity).toBe("info");
  });

  test.each([
    "Vi ses på torsdag.",
    "Det lykkes nok, og det lykkedes også sidst.",
    "Der findes mange job, og der fandtes flere før.",
    "Vi mødes i receptionen, og I skal mødes med din mentor.",
    "Jeg synes, du skal ringe.",
    "Jobcentrets regler og kommunens regler gælder, også lovens regler.",
    "Peters bil holder ved borgernes indgang og de lediges kontor.",
    "En kommunes pligter er mange, og pågældendes ydelse er uændret.",
    "Det skal du ligeledes gøre, og det er således vigtigt.",
    "Det bliver svært, men det bliver nødvendigt og vigtigt.",
    "Hun blev træt, og han blev syg, men du bliver rask.",
    "Deres og vores og hendes papirer er her.",
    "Du skal huske dit CV, og vi trives godt.",
  ])("negative: %s", (text) => {
    expect(flagged(text)).toEqual([]);
  });

  test.each([
    ["Du indkaldes til samtale torsdag.", "Vi indkalder dig til samtale torsdag."],
    ["Derfor indkaldes du til samtale.", "Derfor indkalder vi dig til samtale."],
    ["Hvis du tilbydes et job, skal du sige ja.", "Hvis vi tilbyder dig et job, skal du sige ja."],
    ["Du kan indkaldes med kort varsel.", "Vi kan indkalde dig med kort varsel."],
    ["Derfor kan du også indkaldes igen.", "Derfor kan vi også indkalde dig igen."],
    ["Du gøres opmærksom på fristen.", "Vi gør dig opmærksom på fristen."],
  ])("mechanical active rewrite: %s -> %s", (before, after) => {
    expect(rewrite(before)).toBe(after);
    const finding = findingsOf(signed(before), RULE)[0]!;
    expect(finding.safe).toBe(false);
    expect(finding.edit).toMatchObject({ kind: "replace", ruleId: RULE });
  });

  test("no rewrite when the agent is someone else or the verb does not take an object", () => {
    for (const text of [
      "Du rammes af reglen om 225 timer.",
      "Du forventes at deltage i mødet.",
      "Papirerne skal sendes til os.",
      "Der udbetales hjælp.",
    ]) {
      const [finding] = findingsOf(signed(text), RULE);
      expect(finding).toBeDefined();
      expect(finding?.edit).toBeUndefined();
      expect(finding?.suggestion?.explanation).toMatch(/^Skriv hvem der gør hvad/u);
    }
    expect(findingsOf(signed("Der udbetales hjælp."), RULE)[0]?.suggestion?.text).toBe(
      "vi udbetaler …"
    );
  });

  test("the agent is named only when the letter's writer is the authority", () => {
    // A sentence on its own (a web page, a quotation) names nobody: "vi" would be a guess.
    const alone = findingsOf("Du indkaldes til samtale torsdag.", RULE)[0]!;
    expect(alone.edit).toBeUndefined();
    expect(alone.suggestion?.text).toBe("[hvem] indkalder …");
    expect(findingsOf("Der udbetales hjælp.", RULE)[0]?.suggestion?.text).toBe(
      "[hvem] udbetaler …"
    );
    expect(findingsOf("Kontanthjælp skal betales tilbage.", RULE)[0]?.suggestion?.text).toBe(
      "[hvem] skal betale …"
    );
    // A letter that speaks as "vi" is written by the authority.
    const ours = findingsOf("Vi skriver til dig. Du indkaldes til samtale torsdag.", RULE)[0]!;
    expect(ours.edit).toMatchObject({ text: "Vi indkalder dig" });
  });

  test("modal passive: the example keeps the adverbs, negation first of all, in agent-first order", () => {
    // Dropping "ikke" or "slet ikke" turned the meaning round; "skal [hvem] ..." was wrong in
    // subordinate clauses ("at din ydelse ... skal [hvem] tilbagebetale").
    const example = (sentence: string) => findingsOf(sentence, RULE)[0]?.suggestion?.text;
    expect(example("Reglerne må ikke forveksles med reglerne om rådighed.")).toBe(
      "[hvem] må ikke forveksle …"
    );
    expect(example("Nogle afgørelser kan slet ikke påklages.")).toBe(
      "[hvem] kan slet ikke påklage …"
    );
    expect(example("Resultatet må således antages at føre til en efterbetaling.")).toBe(
      "[hvem] må således antage …"
    );
    // The passive's subject ("de") becomes the object that "…" stands for.
    expect(example("Kan fristerne ikke overholdes, skriver kommunen til dig.")).toBe(
      "[hvem] kan ikke overholde …"
    );
    expect(example("Du risikerer, at din hjælp skal tilbagebetales.")).toBe(
      "[hvem] skal tilbagebetale …"
    );
    expect(
      findingsOf(signed("Papirerne skal sendes til jobcentret."), RULE)[0]?.suggestion?.text
    ).toBe("vi skal sende … / du skal sende …");
  });

  test("s-passive: the example keeps the negation and leaves the expletive der out", () => {
    const example = (sentence: string) => findingsOf(sentence, RULE)[0]?.suggestion?.text;
    // "vi" in the sentence: the writer is the authority.
    expect(example("Hjælpen udbetales ikke, før vi har dine papirer.")).toBe("vi udbetaler ikke …");
    expect(example("Der udbetales ikke hjælp for de dage.")).toBe("[hvem] udbetaler ikke …");
    expect(example("Der udbetales hjælp.")).toBe("[hvem] udbetaler …");
  });

  test("an adjective in -t after blive is no participle (selvforskyldt ledig)", () => {
    expect(flagged("Bliver du igen selvforskyldt ledig, mister du din ret til dagpenge.")).toEqual(
      []
    );
  });

  test("blive-passive: the example names the active verb, and copulas are no passive", () => {
    expect(findingsOf(signed("Du bliver inviteret til mødet."), RULE)[0]?.suggestion?.text).toBe(
      "vi inviterer …"
    );
    // Bug: the example dropped "ikke" and turned the meaning round ("[hvem] trækker …").
    expect(findingsOf("Du bliver ikke trukket i dagpenge.", RULE)[0]?.suggestion?.text).toBe(
      "[hvem] trækker ikke …"
    );
    expect(
      findingsOf("Hvis du ikke bliver indkaldt, skal du ringe.", RULE)[0]?.suggestion?.text
    ).toBe("[hvem] indkalder ikke …");
    // "blive pensionist": a noun after a copula.
    expect(flagged("Du får besked, når du bliver pensionist.")).toEqual([]);
    expect(flagged("Hvis du bliver student, stopper hjælpen.")).toEqual([]);
  });

  test("passive that an officialese edit already rewrites is not reported twice", () => {
    const { findings } = analyzePlain(
      "Det bemærkes, at fristen er fredag. Der henvises til loven."
    );
    expect(findings.filter((f) => f.ruleId === RULE)).toEqual([]);
    expect(findings.filter((f) => f.ruleId === "plain/officialese")).toHaveLength(2);
    // "bedes" belongs to the officialese rule.
    expect(flagged("Du bedes ringe.")).toEqual([]);
  });

  test("the sample letters", () => {
    const indkaldelse = flagged(readFileSync("test/fixtures/letters/indkaldelse-foer.txt", "utf8"));
    expect(indkaldelse).toEqual(expect.arrayContaining(["Du indkaldes", "skal afbud meddeles"]));
    const partshoering = flagged(
      readFileSync("test/fixtures/letters/partshoering-foer.txt", "utf8")
    );
    expect(partshoering).toEqual(expect.arrayContaining(["træffes", "modtages", "blive afgjort"]));
    // "er blevet bekendt med" is an adjective, not a passive.
    expect(partshoering).not.toContain("blevet bekendt");
    expect(flagged(readFileSync("test/fixtures/letters/indkaldelse-efter.txt", "utf8"))).toEqual(
      []
    );
  });
});

describe("plain/passive next to officialese", () => {
  test("an advice-only officialese match does not block the active rewrite", () => {
    expect(rewrite("Du anmodes om at sende dine lønsedler.")).toBe(
      "Vi anmoder dig om at sende dine lønsedler."
    );
  });

  test("an officialese edit on the same words wins, so the two edits never overlap", () => {
    const { letter, findings } = analyzePlain("Du fremsendes et brev.");
    const passive = findings.find((f) => f.ruleId === RULE);
    expect(passive?.edit).toBeUndefined();
    expect(applied(letter, findings).text).toBe("Du sendes et brev.");
  });
});

describe("plain/passive: genitives", () => {
  test("'dennes' is a genitive, not a passive", () => {
    expect(flagged("Desuden skal borgeren og dennes ægtefælle være vejledt.")).toEqual([]);
  });
});
