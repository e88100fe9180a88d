import { readFileSync } from "node:fs";
import { analyzeText } from "../../../src/engine/analyze.js";
import { analyzePlain, applied } from "./helpers.js";

const PLAIN = /^plain\//u;

const LETTER_WITH_GUIDANCE = `Jobcenter Randers
Laksetorvet 1
8900 Randers C

Indkaldelse til samtale

Såfremt du er syg, bedes du ringe til os. Vi ringer til Dem i morgen.

<!-- klarbrev:legal id="klagevejledning" version="2" -->
Klagevejledning
Såfremt De ønsker at klage, skal klagen i henhold til § 67 indgives skriftligt. Klagen fremsendes til jobcentret, der træffes afgørelse inden fire uger, og De bedes vedlægge Deres dokumentation. Der foretages en vurdering af sagens oplysninger og en genoptagelse af behandlingen.
<!-- /klarbrev:legal -->

Med venlig hilsen

Birgitte Holm`;

describe("plain rules and protected legal blocks", () => {
  test("nothing inside a legal block gets a finding or an edit", () => {
    const { letter, findings } = analyzePlain(LETTER_WITH_GUIDANCE);
    const legal = letter.blocks.find((block) => block.kind === "legal")!;
    expect(legal).toBeDefined();
    const plain = findings.filter((f) => PLAIN.test(f.ruleId));
    expect(plain.length).toBeGreaterThan(0);
    for (const finding of plain) {
      expect(finding.start >= legal.end || finding.end <= legal.start).toBe(true);
      if (finding.edit?.kind === "replace") {
        expect(finding.edit.start >= legal.end || finding.edit.end <= legal.start).toBe(true);
      }
    }
    // Formal address inside the legal block is no evidence for the caseworker's own prose either.
    expect(plain.filter((f) => f.ruleId === "plain/formal-address").map((f) => f.text)).toEqual([
      "Dem",
    ]);
  });

  test("applying every plain edit leaves the legal block byte for byte", () => {
    const { letter, findings } = analyzePlain(LETTER_WITH_GUIDANCE);
    const result = applied(letter, findings);
    expect(result.refused).toBe(0);
    const before = letter.blocks.find((block) => block.kind === "legal")!.text;
    expect(result.text).toContain(before);
    expect(result.text).toContain(
      "Hvis du er syg, beder vi dig om at ringe til os. Vi ringer til dig i morgen."
    );
  });
});

describe("the Danish plain rules run on Danish letters only", () => {
  test("an English letter gets only the English pack's plain findings", () => {
    const text =
      "Dear Jens,\n\nPlease send us your documents. Such documents must be sent to us before Friday.";
    const { findings } = analyzePlain(text, "auto");
    expect(
      findings.filter((f) => PLAIN.test(f.ruleId)).map((f) => [f.ruleId, f.text, f.message])
    ).toEqual([["plain/passive", "be sent", "Passive voice: “be sent”. Say who does what."]]);
  });

  test("a Danish letter forced to English gets no plain findings", () => {
    const { findings } = analyzePlain("Såfremt du er syg, bedes du ringe til os.", "en");
    expect(findings).toEqual([]);
  });
});

describe("through the engine's analyzeText", () => {
  test("the sample letter's plain findings reach the Analysis with edits and safe flags", () => {
    const analysis = analyzeText(
      readFileSync("test/fixtures/letters/indkaldelse-foer.txt", "utf8")
    );
    const plain = analysis.findings.filter((f) => PLAIN.test(f.ruleId));
    const saafremt = plain.find(
      (f) => f.ruleId === "plain/officialese" && f.suggestion?.text === "Hvis"
    );
    expect(saafremt).toMatchObject({ safe: true, edit: { kind: "replace", text: "Hvis" } });
    // "lovgivning" is an established term, so no sentence of this letter is nominal enough.
    expect(new Set(plain.map((f) => f.ruleId))).toEqual(
      new Set(["plain/officialese", "plain/passive"])
    );
  });

  test("a nominal sentence reaches the Analysis as plain/nominalisation", () => {
    const analysis = analyzeText(
      "Efter modtagelsen af dokumentationen sker en vurdering af berettigelsen til udbetaling.\n"
    );
    expect(analysis.findings.map((f) => f.ruleId)).toContain("plain/nominalisation");
  });
});
