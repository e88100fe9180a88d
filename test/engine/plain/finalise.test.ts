import { checkRange } from "../../../src/engine/edits/guard.js";
import { classifyText } from "../../../src/engine/letter/classify.js";
import { quotedLawSpans } from "../../../src/engine/letter/quoted-law.js";
import { findingData, report } from "../../../src/engine/report.js";
import { retextPlainFinalise } from "../../../src/engine/rules/plain/finalise.js";
import { VFile } from "vfile";
import { analyzePlain } from "./helpers.js";

const PLAIN = /^plain\//u;

describe("quoted law text is never edited", () => {
  const letter = [
    "Vi har undersøgt sagen. Lovteksten ser således ud: ’i perioder, hvor den pågældende har modtaget støtte efter loven’.",
    "",
    "Der står i § 13, stk. 7: «Såfremt ansøgeren udebliver, ophører hjælpen.» Såfremt du er syg, skal du ringe.",
  ].join("\n");

  test("quotations holding a § or announced by a law word are found", () => {
    const spans = quotedLawSpans(letter).map((span) => letter.slice(span.start, span.end));
    expect(spans).toEqual([
      "’i perioder, hvor den pågældende har modtaget støtte efter loven’",
      "«Såfremt ansøgeren udebliver, ophører hjælpen.»",
    ]);
    // A quotation that is no law text is ordinary prose.
    expect(quotedLawSpans("Du sagde: «Jeg kommer i morgen.»")).toEqual([]);
    // An apostrophe inside a word opens nothing.
    expect(quotedLawSpans("Det står i Danmark’s lov.")).toEqual([]);
  });

  test("the plain rules report nothing inside it, and still report the prose around it", () => {
    const { findings } = analyzePlain(letter);
    const flagged = findings.filter((f) => PLAIN.test(f.ruleId)).map((f) => f.text);
    expect(flagged).not.toContain("pågældende");
    expect(flagged).not.toContain("modtaget");
    expect(flagged.filter((text) => text === "Såfremt")).toHaveLength(1);
    const saafremt = findings.find((f) => f.text === "Såfremt")!;
    expect(saafremt.start).toBeGreaterThan(letter.indexOf("»"));
  });

  test("the guard refuses any edit that touches it", () => {
    const parsed = classifyText(letter);
    const at = parsed.text.indexOf("ophører");
    const verdict = checkRange(parsed, at, at + "ophører".length);
    expect(verdict).toMatchObject({ ok: false, protectsLegal: true });
    const prose = parsed.text.lastIndexOf("Såfremt");
    expect(checkRange(parsed, prose, prose + 7)).toEqual({ ok: true });
  });
});

describe("conflicting suggestions on one span", () => {
  test("two plain edits never overlap: one finding keeps the edit, the other's proposal joins it", () => {
    const { findings } = analyzePlain(
      "Vi skriver til dig. Du fremsendes et brev. Du bedes venligst ringe."
    );
    const edits = findings
      .filter((f) => PLAIN.test(f.ruleId) && f.edit?.kind === "replace")
      .map((f) => f.edit as { start: number; end: number });
    for (const [i, a] of edits.entries()) {
      for (const b of edits.slice(i + 1)) expect(a.start < b.end && a.end > b.start).toBe(false);
    }
  });
});

describe("retextPlainFinalise merges", () => {
  test("the safe edit wins the span; the other proposal is named in its explanation", () => {
    const file = new VFile({ value: "Vi anvender skemaet.\n" });
    const edit = (start: number, end: number, text: string, ruleId: string) => ({
      kind: "replace" as const,
      start,
      end,
      text,
      ruleId,
    });
    report(file, {
      ruleId: "plain/passive",
      severity: "info",
      message: "a",
      start: 3,
      end: 11,
      suggestion: { text: "benytter", explanation: "Et andet ord." },
      edit: edit(3, 11, "benytter", "plain/passive"),
      safe: false,
    });
    report(file, {
      ruleId: "plain/officialese",
      severity: "warning",
      message: "b",
      start: 3,
      end: 11,
      suggestion: { text: "bruger", explanation: "»Bruge« er det almindelige ord." },
      edit: edit(3, 11, "bruger", "plain/officialese"),
      safe: true,
    });
    report(file, {
      ruleId: "readability/lix",
      severity: "info",
      message: "not plain",
      start: 0,
      end: 20,
    });
    retextPlainFinalise()({ type: "RootNode", children: [] }, file);
    expect(file.messages.map((m) => m.ruleId)).toEqual(["plain/officialese", "readability/lix"]);
    const kept = findingData(file.messages[0]!);
    expect(kept.edit).toMatchObject({ text: "bruger" });
    expect(kept.suggestion?.explanation).toBe("»Bruge« er det almindelige ord. Eller: »benytter«.");
  });
});
