import { buildLetter } from "../../src/engine/letter/model.js";
import { checkLegal, checkSanctionGuidance } from "../../src/engine/rules/legal/index.js";

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
    expect(issue.message).toContain("hvad der udløser fradraget");
    expect(issue.message).toContain("hvordan du får hjælpen igen");
    expect(letter.text.slice(issue.start, issue.end)).toBe("fradrag");
    expect(issue.details).toEqual({ missing: ["sanctioned", "restore"] });
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
