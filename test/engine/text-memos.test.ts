import { ParseLatin } from "parse-latin";
import { analyzeText } from "../../src/engine/analyze.js";
import { settleSafeEdits } from "../../src/engine/edits/settle.js";
import { buildLetter, type BlockKind } from "../../src/engine/letter/model.js";
import { danishParagraphPlugin } from "../../src/engine/nlcst/danish-sentences.js";
import { parseLetter } from "../../src/engine/nlcst/letter-parser.js";
import { detectLanguage } from "../../src/engine/rules/language/detect.js";
import { computeStats } from "../../src/engine/rules/readability/counts.js";
import { detectShouting } from "../../src/engine/rules/threat/shouting.js";
import type { Finding } from "../../src/engine/types.js";

/**
 * The rules remember what they read per sentence or block text, so that typing re-reads only
 * the edited block. A memo keyed by text must hold everything else the result depends on: the
 * same text in another context gives another answer, whichever was read first.
 */

function letter(dateLine: string, body: string, contact = "Ring til os på 89 15 10 00.") {
  return [
    dateLine,
    "Indkaldelse til samtale",
    "Kære Jens Hansen",
    body,
    contact,
    "Med venlig hilsen",
    "Jobcenter Randers",
  ].join("\n\n");
}

const ruleFindings = (text: string, ruleId: string) =>
  analyzeText(text).findings.filter((finding) => finding.ruleId === ruleId);

describe("per-text memos keep their context", () => {
  test("a weekday without a year is read against each letter's own date", () => {
    // 3 December is a Thursday in 2026 and a Wednesday in 2025.
    const body = "Du skal til samtale onsdag den 3. december kl. 9.15 i Jobcenter Randers.";
    const late2026 = letter("Randers, den 20. november 2026", body);
    const late2025 = letter("Randers, den 20. november 2025", body);
    expect(ruleFindings(late2026, "essentials/weekday-mismatch")).toHaveLength(1);
    expect(ruleFindings(late2025, "essentials/weekday-mismatch")).toHaveLength(0);
    expect(ruleFindings(late2026, "essentials/weekday-mismatch")).toHaveLength(1);
  });

  test("the same threat sentence offers each letter's own phone number", () => {
    const body =
      "Du skal møde op til samtalen. Hvis du ikke møder op, vil det medføre fradrag i din hjælp.";
    const rewrites = ["89 15 10 00", "70 20 30 40", "89 15 10 00"].map((phone) => {
      const text = letter("Randers, den 20. november 2026", body, `Ring til os på ${phone}.`);
      const sanction = ruleFindings(text, "threat/sanction");
      expect(sanction).toHaveLength(1);
      return sanction[0]!.suggestion!.text;
    });
    expect(rewrites[0]).toContain("89 15 10 00");
    expect(rewrites[1]).toContain("70 20 30 40");
    expect(rewrites[2]).toBe(rewrites[0]);
  });

  test("an exclamation mark ends a heading line without a full stop, a sentence with one", () => {
    const text = "Husk at møde op!";
    const edits = [false, true, false].map((line) => detectShouting(text, undefined, line));
    expect(edits.map((hits) => hits.map((hit) => hit.edit?.text))).toEqual([["."], [""], ["."]]);
  });

  test("a shouted name is spelled as each letter spells it elsewhere", () => {
    const shouted = "DU SKAL MØDE I JOBCENTER RANDERS.";
    const suggestion = (elsewhere: string) => {
      const text = letter("Randers, den 20. november 2026", `${elsewhere}\n\n${shouted}`);
      const found = ruleFindings(text, "threat/shouting");
      expect(found).toHaveLength(1);
      return [found[0]!.suggestion!.text, found[0]!.safe];
    };
    const named = "Husk, at du skal møde i Jobcenter Randers torsdag kl. 9.15.";
    const lower = "Vi bor i randers og i Jobcenter Randers.";
    expect(suggestion(named)).toEqual(["Du skal møde i Jobcenter Randers", true]);
    // Written in lower case anywhere, even after a capitalised spelling: an ordinary word.
    expect(suggestion(`${named}\n\n${lower}`)).toEqual(["Du skal møde i Jobcenter randers", true]);
    expect(suggestion("Vi ses.")[1]).toBe(false);
    expect(suggestion(named)).toEqual(["Du skal møde i Jobcenter Randers", true]);
  });

  test("a block's LIX sentences depend on its kind: an address line is a sentence of its own", () => {
    const text = "Du skal møde op\nden 3. december kl. 9.15";
    const sentences = (kind: BlockKind) => {
      const built = buildLetter([{ kind, text }]);
      const parser = new ParseLatin();
      parser.tokenizeParagraphPlugins.unshift(danishParagraphPlugin);
      return computeStats(parseLetter(parser, built), built).all.sentences;
    };
    expect([sentences("paragraph"), sentences("address"), sentences("paragraph")]).toEqual([
      1, 2, 1,
    ]);
  });
});

describe("language detection reads the letter's first 2000 words, line by line", () => {
  const words = (word: string, count: number) => Array.from({ length: count }, () => word);

  test("the line that reaches the limit counts only up to the limit", () => {
    const neutral = words("xyz", 1990);
    // Ten English function words inside the limit: English.
    const inside = [...words("the", 10), ...words("xyz", 10)];
    // The same words after the limit: nothing counts, and Danish wins the tie.
    const outside = [...words("xyz", 10), ...words("the", 10)];
    for (const join of ["\n", " "]) {
      expect(detectLanguage(`${neutral.join(join)}\n${inside.join(" ")}`)).toBe("en");
      expect(detectLanguage(`${neutral.join(join)}\n${outside.join(" ")}`)).toBe("da");
    }
  });

  test("æ, ø or å after the limit still counts", () => {
    const english = words("the", 2000).join("\n");
    expect(detectLanguage(`${english}\nthe`)).toBe("en");
    // 2000 English words against 3 for the letters: still English; not so with fewer words.
    expect(detectLanguage(`${words("the", 4).join("\n")}\nxyz\nblå`)).toBe("da");
    expect(detectLanguage(`${words("the", 5).join("\n")}\nxyz\nblå`)).toBe("en");
  });
});

describe("settling safe edits", () => {
  const finding = (start: number, end: number): Finding => ({
    ruleId: "plain/officialese",
    severity: "warning",
    message: "",
    start: { offset: start, line: 1, column: start + 1 },
    end: { offset: end, line: 1, column: end + 1 },
    edit: { kind: "replace", start, end, text: "x" },
    safe: true,
  });

  test("the first (longest) edit stays safe; overlapping ones and a repeated insertion do not", () => {
    const findings = [
      finding(10, 20), // kept
      finding(10, 14), // same start, shorter: overlaps
      finding(19, 25), // overlaps the first
      finding(20, 24), // starts where the first ends: kept
      finding(15, 15), // an insertion inside a kept edit: meets no other insertion, kept
      finding(15, 15), // the same insertion again: not safe
      finding(30, 40), // kept
      finding(35, 36), // inside the last: not safe
    ];
    settleSafeEdits(findings);
    expect(findings.map((item) => item.safe)).toEqual([
      true,
      false,
      false,
      true,
      true,
      false,
      true,
      false,
    ]);
  });
});
