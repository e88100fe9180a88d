import { readFileSync } from "node:fs";
import { classifyText } from "../../src/engine/letter/classify.js";
import { buildLetter, type BlockInput } from "../../src/engine/letter/model.js";
import { checkLegal, type LegalRegistryEntry } from "../../src/engine/rules/legal/index.js";
import type { LetterType } from "../../src/engine/types.js";
import { loadLegalRegistry } from "../../src/templates/library.js";
import { LETTERS, runCli } from "../cli/helpers.js";

/**
 * Required guidance written in the caseworker's own words is there: the citizen is told. It is
 * not "missing" (an error), but "own-wording" (a warning that points at the approved block),
 * because the wording is neither approved nor protected. Guidance that is really absent, or too
 * incomplete to count, stays "missing".
 */

let registry: LegalRegistryEntry[];
beforeAll(async () => {
  registry = (await loadLegalRegistry("templates")).registry;
});

const letterOf = (...paragraphs: string[]) =>
  buildLetter([
    { kind: "subject", text: "Brev fra kommunen", level: 1 },
    { kind: "greeting", text: "Kære Sofie" },
    ...paragraphs.map((text): BlockInput => ({ kind: "paragraph", text })),
    { kind: "closing", text: "Venlig hilsen" },
    { kind: "signature", text: "Morten Kragh\nSagsbehandler" },
  ]);

function statuses(letterType: LetterType, ...paragraphs: string[]) {
  const letter = letterOf(...paragraphs);
  const result = checkLegal(letter, { registry, letterType });
  return {
    letter,
    result,
    blocks: result.scores.blocks.map((block) => `${block.id}:${block.status}`),
    rules: result.issues.map((issue) => `${issue.severity}:${issue.ruleId}`),
  };
}

const SUMMONS = "Du skal til jobsamtale torsdag den 3. december 2026 kl. 9.15 i Jobcenter Randers.";

describe("sanction guidance in the caseworker's own words", () => {
  test("the CEO's model letter: own wording (warning) pointing at the approved block, no errors", () => {
    const text = readFileSync(`${LETTERS}/indkaldelse-efter.txt`, "utf8");
    const letter = classifyText(text);
    const result = checkLegal(letter, { registry, letterType: "indkaldelse" });
    expect(result.scores.blocks).toEqual([
      expect.objectContaining({
        id: "sanktioner-ved-udeblivelse",
        version: "2",
        status: "own-wording",
        marked: false,
      }),
    ]);
    expect(result.issues).toHaveLength(1);
    const issue = result.issues[0]!;
    expect(issue).toMatchObject({ ruleId: "legal/own-wording", severity: "warning" });
    expect(issue.message).toMatch(
      /^Vejledningen "Vejledning om rettigheder og pligter" står med egne ord\. Brug den godkendte tekst \(sanktioner-ved-udeblivelse, version 2\)/u
    );
    expect(issue.suggestion!.text).toBe("sanktioner-ved-udeblivelse");
    // The finding covers the section: its heading and its paragraph.
    const flagged = letter.text.slice(issue.start, issue.end);
    expect(flagged.startsWith("Det skal du vide om dine pligter\nDu får kontanthjælp")).toBe(true);
    expect(flagged.endsWith("Du får hjælpen igen fra den dag, du kontakter os.")).toBe(true);
  });

  test("own guidance without how to get the help back does not count: missing and incomplete", () => {
    const { blocks, rules } = statuses(
      "indkaldelse",
      SUMMONS,
      "Udeblivelse fra samtalen uden rimelig grund vil medføre fradrag i din kontanthjælp."
    );
    expect(blocks).toEqual(["vejledning-om-pligter:missing"]);
    expect(rules).toEqual(["error:legal/missing", "error:legal/sanction-incomplete"]);
  });

  test("a complete sentence about a deduction already decided is not guidance for the summons", () => {
    const { blocks } = statuses(
      "indkaldelse",
      SUMMONS,
      "Vi har trukket 1.614 kr. i din kontanthjælp, fordi du udeblev. Du får hjælpen igen fra den dag, du kontakter os."
    );
    expect(blocks).toEqual(["vejledning-om-pligter:missing"]);
  });

  test("sygedagpenge guidance in own words suggests the sygedagpenge block", () => {
    const { result } = statuses(
      "indkaldelse",
      "Du skal til en samtale om din sygemelding onsdag den 2. december 2026 kl. 10.00.",
      "Hvis du ikke deltager og ikke har en rimelig grund, stopper vi dine sygedagpenge. Du får sygedagpengene igen fra den dag, du kontakter os."
    );
    expect(result.scores.blocks).toEqual([
      expect.objectContaining({ id: "pligter-sygedagpenge", version: "1", status: "own-wording" }),
    ]);
    expect(result.issues.map((issue) => issue.suggestion?.text)).toEqual(["pligter-sygedagpenge"]);
  });

  test("dagpenge: no approved block is clearly right, so both are offered and legal staff asked", () => {
    const { result } = statuses(
      "indkaldelse",
      "Jeg ringer til dig tirsdag den 1. december 2026 kl. 13.30.",
      "Hvis du ikke deltager og ikke har en rimelig grund, får du ikke dagpenge fra tidspunktet for samtalen, og indtil du kontakter os igen. Du får dagpengene igen fra den dag, du kontakter os."
    );
    expect(result.scores.blocks).toEqual([
      expect.objectContaining({ id: "vejledning-om-pligter", version: "", status: "own-wording" }),
    ]);
    const issue = result.issues[0]!;
    expect(issue.severity).toBe("warning");
    expect(issue.message).toContain(
      "(pligter-sygedagpenge, version 1 eller sanktioner-ved-udeblivelse, version 2)"
    );
    expect(issue.message).toContain("bed de juridiske medarbejdere om en godkendt tekst");
  });
});

describe("klagevejledning, partshøring and begrundelse in own words", () => {
  const DECISION = "Vi har besluttet, at du ikke får hjælp til tandbehandling.";
  const APPEAL =
    "Du kan klage over afgørelsen til Ankestyrelsen. Klagen skal være modtaget i jobcentret inden 4 uger fra den dag, du har fået afgørelsen.";
  const REASONS =
    "Vi har truffet afgørelsen efter § 82 i aktivloven. Vi har lagt vægt på, at du har 24.000 kr. i banken.";

  test("an appeal paragraph naming Ankestyrelsen, klage and 4 uger is the klagevejledning", () => {
    const { blocks, rules, result } = statuses("afgørelse", DECISION, REASONS, APPEAL);
    expect(blocks).toEqual(["begrundelse:own-wording", "klagevejledning:own-wording"]);
    expect(rules).toEqual(["warning:legal/own-wording", "warning:legal/own-wording"]);
    expect(result.issues.map((issue) => issue.suggestion!.text)).toEqual([
      "begrundelse",
      "klagevejledning",
    ]);
  });

  test("'Du kan klage' without the appeal body and the deadline is not a klagevejledning", () => {
    const { blocks } = statuses("afgørelse", DECISION, REASONS, "Du kan klage, hvis du er uenig.");
    expect(blocks).toEqual(["begrundelse:own-wording", "klagevejledning:missing"]);
  });

  test("the sections cited in a klagevejledning do not make it a begrundelse", () => {
    const { blocks } = statuses(
      "afgørelse",
      DECISION,
      "Du kan klage over afgørelsen til Ankestyrelsen inden 4 uger, fordi reglerne står i § 66 og § 67 i retssikkerhedsloven."
    );
    expect(blocks).toEqual(["klagevejledning:own-wording", "begrundelse:missing"]);
  });

  test("a partshøring with the right to comment, a deadline and what happens without a reply", () => {
    const { blocks, rules } = statuses(
      "partshøring",
      "Vi overvejer at trække penge i din uddannelseshjælp. Før vi beslutter det, vil vi gerne høre din forklaring. Giv os besked senest onsdag den 2. december 2026.",
      "Hvis vi ikke hører fra dig, træffer vi afgørelsen ud fra de oplysninger, vi har nu."
    );
    expect(blocks).toEqual(["partshoering:own-wording"]);
    expect(rules).toEqual(["warning:legal/own-wording"]);
  });

  test("a partshøring that never says what happens without a reply lacks its guidance", () => {
    const { blocks } = statuses(
      "partshøring",
      "Vi overvejer at trække penge i din uddannelseshjælp. Vil du fortælle os, hvorfor du ikke kom? Giv os besked senest onsdag den 2. december 2026."
    );
    expect(blocks).toEqual(["partshoering:missing"]);
  });
});

describe("own wording never hides a changed approved block", () => {
  test("a block marked as the approved klagevejledning but worded by the caseworker is modified", () => {
    const text = [
      "# Du kan ikke få betalt kurset",
      "",
      "Kære Ahmad",
      "",
      "Du har søgt om at få betalt kurset. Det kan vi desværre ikke.",
      "",
      "Venlig hilsen",
      "",
      "Camilla Søndergaard",
      "",
      '<!-- klarbrev:legal id="klagevejledning" version="1" -->',
      "Klagevejledning",
      "",
      "Du kan klage over afgørelsen. Din klage skal være modtaget senest 4 uger efter, at du har fået denne afgørelse. Hvis jobcentret fastholder afgørelsen, sender vi din klage videre til Ankestyrelsen.",
      "<!-- /klarbrev:legal -->",
      "",
    ].join("\n");
    const result = checkLegal(classifyText(text, { format: "md" }), {
      registry,
      letterType: "afgørelse",
    });
    expect(result.scores.blocks.map((block) => `${block.id}:${block.status}`)).toEqual([
      "klagevejledning:modified",
      "begrundelse:missing",
    ]);
    const modified = result.issues.find((issue) => issue.ruleId === "legal/modified")!;
    expect(modified.severity).toBe("error");
    expect(modified.message).toContain('"Hvis du vil klage" er skiftet til "Klagevejledning"');
  });
});

describe("klarbrev check", () => {
  test("reports own wording as a warning with the approved block as suggestion, and passes", async () => {
    const path = `${LETTERS}/indkaldelse-efter.txt`;
    const { code, stdout } = await runCli(["check", "--format", "json", path]);
    expect(code).toBe(0);
    const [result] = JSON.parse(stdout);
    expect(result.scores.legal.blocks).toEqual([
      { id: "sanktioner-ved-udeblivelse", version: "2", status: "own-wording" },
    ]);
    const finding = result.findings.find(
      (entry: { ruleId: string }) => entry.ruleId === "legal/own-wording"
    );
    expect(finding.severity).toBe("warning");
    expect(finding.suggestion.text).toBe("sanktioner-ved-udeblivelse");
    expect(finding.suggestion.explanation).toContain(
      'Indsæt den godkendte tekst "Vejledning om rettigheder og pligter"'
    );
  });
});
