import { analyzeText } from "../../src/engine/analyze.js";
import {
  exactChange,
  groupBySeverity,
  keysOf,
  mergeSameWords,
  viewFindings,
} from "../../src/taskpane/model/findings.js";
import { SAMPLE } from "./support.js";

/** Issue 11 §3: findings that lead the eye (model level; the browser test shows the cards). */
describe("findings that lead", () => {
  const analysis = analyzeText(SAMPLE);
  const raw = viewFindings(analysis.letter, analysis.findings);
  const views = mergeSameWords(raw);

  test("Skal rettes, then Bør rettes, then Til overvejelse; document order inside", () => {
    const groups = groupBySeverity(views);
    expect(groups.map((g) => g.severity)).toEqual(["error", "warning", "info"]);
    for (const group of groups) {
      const offsets = group.families
        .flatMap((f) => f.items)
        .filter((v) => v.family === group.families[0]!.family)
        .map((v) => v.finding.start.offset);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    }
    expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(views.length);
  });

  test("one card per span: »Det bemærkes« as officialese and as a warning is one card with both reasons", () => {
    const cards = views.filter((v) => v.sentence.text.includes("Det bemærkes"));
    const merged = cards.find((v) =>
      (v.reasons ?? []).some((r) => r.message.includes("»Det bemærkes«"))
    )!;
    expect(merged).toBeDefined();
    const rules = merged.reasons!.map((r) => r.ruleId).sort();
    expect(rules).toEqual(["plain/officialese", "threat/warning"]);
    expect(keysOf(merged)).toHaveLength(2);
    // Fewer cards than findings, and no finding lost.
    expect(views.length).toBeLessThan(raw.length);
    expect(views.reduce((sum, v) => sum + keysOf(v).length, 0)).toBe(raw.length);
  });

  test("inflections of one lexicon entry in one sentence are one card", () => {
    const text =
      "Kære Jens\n\nUdeblivelse fra samtalen og gentagne udeblivelser kan medføre fradrag.\n\nMed venlig hilsen\nBirgitte";
    const a = analyzeText(text);
    const cards = mergeSameWords(viewFindings(a.letter, a.findings)).filter((v) =>
      (v.reasons ?? [v.finding]).some((r) => /»[Uu]deblivelser?«/u.test(r.message))
    );
    expect(cards).toHaveLength(1);
  });

  test("cards quote the sentence, not the whole paragraph", () => {
    const lix = views.find((v) => v.finding.ruleId === "readability/lix")!;
    expect(lix.sentence.text).toBe(
      "Jobcentret skal i medfør af gældende lovgivning løbende afholde samtaler med personer, der modtager kontanthjælp, jf. lov om en aktiv beskæftigelsesindsats."
    );
    expect(lix.sentence.more).toBe(true);
  });

  test("before -> after shows exactly the replaced words; a deletion is a deletion", () => {
    expect(exactChange("Det bemærkes, at u", "U")).toEqual({
      removed: "Det bemærkes, at",
      added: "",
    });
    expect(exactChange("VIGTIGT: ", "")).toEqual({ removed: "VIGTIGT:", added: "" });
    expect(exactChange(", jf. lov om en aktiv beskæftigelsesindsats", "")).toEqual({
      removed: "jf. lov om en aktiv beskæftigelsesindsats",
      added: "",
    });
    expect(exactChange("i medfør af", "efter")).toEqual({ removed: "i medfør af", added: "efter" });
    expect(exactChange("Du indkaldes", "Vi indkalder dig")).toEqual({
      removed: "Du indkaldes",
      added: "Vi indkalder dig",
    });
    // A shared word at either end is not shown as changed, and words are never cut.
    expect(exactChange("rettet henvendelse til jobcentret", "kontaktet jobcentret")).toEqual({
      removed: "rettet henvendelse til",
      added: "kontaktet",
    });
    expect(exactChange("du bedes sende", "du sender")).toEqual({
      removed: "bedes sende",
      added: "sender",
    });
  });
});
