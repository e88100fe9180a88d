import { checkEdit } from "../../../src/engine/edits/guard.js";
import { analyse, threatFindings } from "./helpers.js";

const MEETING = "Du skal til samtale torsdag den 3. december 2026 kl. 9.15 i Jobcenter Randers.";
const THREAT = "Hvis du udebliver fra samtalen, trækkes du i hjælp.";
const LEGAL = [
  '<!-- klarbrev:legal id="udeblivelse" version="2" title="Hvis du ikke kommer" -->',
  "VIGTIGT: Hvis du udebliver uden rimelig grund, foretager jobcentret fradrag i din hjælp, jf. § 36 i lov om aktiv socialpolitik.",
  "Du har pligt til at give besked, hvis du er syg.",
  "<!-- /klarbrev:legal -->",
].join("\n");

describe("threat/required-guidance: threat wording in a protected legal block", () => {
  test("is reported once per sentence as information that stays, and is not counted", () => {
    const analysis = analyse([MEETING], [LEGAL]);
    const findings = threatFindings(analysis);
    expect(findings.map((finding) => finding.ruleId)).toEqual([
      "threat/required-guidance",
      "threat/required-guidance",
    ]);
    for (const finding of findings) {
      expect(finding.severity).toBe("info");
      expect(finding.message).toContain("godkendt");
      expect(finding.message).toContain("bliver stående");
      expect(finding.details).toMatchObject({
        counted: false,
        legal: { id: "udeblivelse", version: "2" },
      });
      expect(finding.edit).toBeUndefined();
    }
    expect(findings[0]!.details).toMatchObject({
      severity: "threat",
      categories: ["threat", "warning"],
    });
    expect(findings[1]!.details).toMatchObject({ severity: "obligation" });
    expect(analysis.scores.threat).toEqual({
      score: 0,
      count: 0,
      bySeverity: { threat: 0, warning: 0, obligation: 0 },
    });
  });

  test("does not change the score of a letter that also threatens in its own words", () => {
    const without = analyse([MEETING, THREAT]);
    const withGuidance = analyse([MEETING, THREAT], [LEGAL]);
    expect(withGuidance.scores.threat.count).toBe(without.scores.threat.count);
    expect(withGuidance.scores.threat.score).toBe(without.scores.threat.score);
  });

  test("no threat edit ever touches the protected block", () => {
    const analysis = analyse(
      [MEETING, `VIGTIGT: ${THREAT}`, "Du har pligt til at møde op!"],
      [LEGAL]
    );
    const edits = threatFindings(analysis).flatMap((finding) =>
      finding.edit ? [finding.edit] : []
    );
    expect(edits.length).toBeGreaterThan(0);
    for (const edit of edits) expect(checkEdit(analysis.letter, edit)).toEqual({ ok: true });
  });

  test("legal citations inside the block are expected and not reported", () => {
    const legal =
      '<!-- klarbrev:legal id="klagevejledning" version="1" -->\nDu kan klage over afgørelsen, jf. § 66 i lov om retssikkerhed og administration på det sociale område.\n<!-- /klarbrev:legal -->';
    expect(threatFindings(analyse([MEETING], [legal]))).toEqual([]);
  });
});
