import { readdirSync, readFileSync } from "node:fs";
import { analyzeText } from "../../../src/engine/analyze.js";
import { applyEdits } from "../../../src/engine/edits/apply.js";
import type { Analysis } from "../../../src/engine/types.js";
import { flagged, threatFindings } from "./helpers.js";

const DIR = "test/fixtures/letters";

function fixture(name: string): Analysis {
  return analyzeText(readFileSync(`${DIR}/${name}`, "utf8"), {
    format: name.endsWith(".md") ? "md" : "txt",
  });
}

describe("threat framing in the letter corpus", () => {
  test("indkaldelse-foer scores high: legal references and sanction threats before the meeting", () => {
    const analysis = fixture("indkaldelse-foer.txt");
    expect(analysis.scores.threat.score).toBeGreaterThanOrEqual(60);
    const rules = threatFindings(analysis).map(
      (finding) =>
        `${finding.ruleId} ${flagged(analysis, finding).split(" ").slice(0, 3).join(" ")}`
    );
    expect(rules).toEqual([
      "threat/legal-citation i medfør af",
      "threat/sanction VIGTIGT: Det bemærkes,",
      "threat/warning VIGTIGT",
      "threat/warning Det bemærkes",
      "threat/sanction Gentagne udeblivelser kan",
    ]);
  });

  test("indkaldelse-foer: the safe edits remove the warnings and leave a grammatical sentence", () => {
    const analysis = fixture("indkaldelse-foer.txt");
    const safe = threatFindings(analysis).filter((finding) => finding.safe === true);
    const { letter, refused } = applyEdits(
      analysis.letter,
      safe.map((finding) => finding.edit!)
    );
    expect(refused).toEqual([]);
    expect(letter.text).toContain(
      "\n\nUdeblivelse fra samtalen uden rimelig grund vil medføre fradrag i din kontanthjælp for hver dag"
    );
    expect(letter.text).not.toContain("VIGTIGT");
    expect(letter.text).not.toContain("Det bemærkes");
  });

  test("indkaldelse-efter scores low: its guidance is calm and after the signature", () => {
    expect(fixture("indkaldelse-efter.txt").scores.threat.score).toBeLessThanOrEqual(15);
  });

  test("afgoerelse-praktik-foer flags the consequence of absence and 'Det skal understreges'", () => {
    const analysis = fixture("afgoerelse-praktik-foer.txt");
    const sanction = threatFindings(analysis, "threat/sanction");
    expect(sanction).toHaveLength(1);
    expect(flagged(analysis, sanction[0]!)).toContain(
      "udeblivelse fra praktikken uden rimelig grund vil medføre fradrag"
    );
    expect(sanction[0]!.message).toContain("»vil medføre fradrag«");
    expect(sanction[0]!.edit).toBeUndefined(); // no guidance section: the information must not be lost

    const warning = threatFindings(analysis, "threat/warning");
    expect(warning.map((finding) => flagged(analysis, finding))).toEqual(["Det skal understreges"]);
    const { letter } = applyEdits(analysis.letter, [warning[0]!.edit!]);
    expect(letter.text).toContain(
      "Du kan ikke afslå tilbuddet, og udeblivelse fra praktikken uden rimelig grund vil medføre fradrag i hjælpen efter aktivlovens regler."
    );
  });

  test("a stated decision is not a threat: afgoerelse-fradrag-foer's legal basis is not flagged as a sanction", () => {
    const analysis = fixture("afgoerelse-fradrag-foer.txt");
    const sanctions = threatFindings(analysis, "threat/sanction").map((finding) =>
      flagged(analysis, finding)
    );
    expect(sanctions).toHaveLength(1);
    expect(sanctions[0]).toContain("gentagne udeblivelser vil kunne medføre");
  });

  const pairs = readdirSync(DIR)
    .filter((name) => /-foer\.(txt|md)$/u.test(name))
    .map((before) => [
      before,
      readdirSync(DIR).find((name) => name.startsWith(before.replace(/-foer\..*$/u, "-efter")))!,
    ]);

  test.each(pairs)(
    "%s scores higher than its rewrite %s, which scores at most 15",
    (before, after) => {
      const foer = fixture(before).scores.threat.score;
      const efter = fixture(after).scores.threat.score;
      expect(efter).toBeLessThanOrEqual(15);
      expect(foer).toBeGreaterThan(efter);
    }
  );

  test.each(readdirSync(DIR).filter((name) => /\.(txt|md)$/u.test(name)))(
    "%s: every threat edit passes the guard, safe edits apply together",
    (name) => {
      const analysis = fixture(name);
      const safe = threatFindings(analysis).filter(
        (finding) => finding.safe === true && finding.edit
      );
      const { refused } = applyEdits(
        analysis.letter,
        safe.map((finding) => finding.edit!)
      );
      expect(refused).toEqual([]);
    }
  );
});
