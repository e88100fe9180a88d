import fc from "fast-check";
import { analyzeText } from "../../src/engine/analyze.js";
import { applyEdits } from "../../src/engine/edits/apply.js";
import { checkEdit } from "../../src/engine/edits/guard.js";
import { classifyText } from "../../src/engine/letter/classify.js";
import { assertLetter } from "../../src/engine/letter/model.js";
import { isValidDate } from "../../src/engine/rules/essentials/dates.js";
import { countWords, endOfWords } from "../../src/engine/rules/essentials/structure.js";
import { checkSanctionGuidance, sanctionMentionsIn } from "../../src/engine/rules/legal/index.js";
import type { Analysis } from "../../src/engine/types.js";

/** Line and column of `offset`, with CRLF, LF and a lone CR as line breaks (as the classifier). */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let index = 0; index < offset; index++) {
    const char = text[index];
    if (char === "\n" || (char === "\r" && text[index + 1] !== "\n")) {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
  return { line, column };
}

/** Every invariant an analysis must keep, whatever the input. */
function expectConsistent(text: string, analysis: Analysis): void {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  assertLetter(analysis.letter);
  for (const finding of analysis.findings) {
    const { start, end } = finding;
    expect(start.offset).toBeGreaterThanOrEqual(0);
    expect(end.offset).toBeLessThanOrEqual(clean.length);
    expect(start.offset).toBeLessThanOrEqual(end.offset);
    expect({ line: start.line, column: start.column }).toEqual(lineColumn(clean, start.offset));
    expect({ line: end.line, column: end.column }).toEqual(lineColumn(clean, end.offset));
    if (finding.edit) {
      expect({ ruleId: finding.ruleId, verdict: checkEdit(analysis.letter, finding.edit) }).toEqual(
        { ruleId: finding.ruleId, verdict: { ok: true } }
      );
      const { refused } = applyEdits(analysis.letter, [finding.edit]);
      expect({ ruleId: finding.ruleId, refused }).toEqual({ ruleId: finding.ruleId, refused: [] });
    }
  }
  for (const fact of analysis.scores.essentials.facts) {
    expect(clean.slice(fact.start, fact.end)).toBe(fact.text);
    if (fact.kind === "date" || /^\d{4}-\d{2}-\d{2}$/u.test(fact.value)) {
      const [year, month, day] = fact.value.split("-").map(Number) as [number, number, number];
      expect({ value: fact.value, valid: isValidDate(year, month, day) }).toEqual({
        value: fact.value,
        valid: true,
      });
    }
    if (fact.kind === "time") expect(fact.value).toMatch(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/u);
  }
  const { readability, threat } = analysis.scores;
  expect(Number.isFinite(readability.lix)).toBe(true);
  expect(Number.isFinite(readability.prose.lix)).toBe(true);
  expect(Number.isFinite(threat.score)).toBe(true);
  expect(threat.score).toBeGreaterThanOrEqual(0);
  expect(threat.score).toBeLessThanOrEqual(100);
}

const FRAGMENTS = [
  "Kære Jens",
  "Med venlig hilsen",
  "Jobcenter Randers",
  "Laksetorvet 1",
  "8900 Randers C",
  "Randers, den 20. november 2026",
  "Du indkaldes til samtale",
  "torsdag den 3. december 2026",
  "kl. 9.15",
  "kl. 24.00",
  "31. februar 2027",
  "30/2-2026",
  "den 3. december 20",
  "senest 29. februar",
  "1.234,50 kr.",
  "jf. § 13, stk. 2, nr. 3",
  "osv.",
  "m.m.",
  "mv.",
  "bl.a.",
  "f.eks.",
  "»Hvad nu?«",
  "(se bilag 2.)",
  "- punkt",
  "1. punkt",
  "# Overskrift",
  "Udeblivelse vil medføre fradrag i din kontanthjælp.",
  "VIGTIGT!",
  "Såfremt De ikke møder op",
  "de skal",
  "Det bemærkes, at",
  "Du bedes medbringe",
  "inden 14 dage",
  "Send os dine lønsedler",
  "Kan du ikke komme?",
  "Ring til os på 89 15 10 00",
  "Vi har truffet afgørelse om",
  '<!-- klarbrev:legal id="klagevejledning" version="2" -->',
  "<!-- /klarbrev:legal -->",
  "Du kan klage over afgørelsen.",
  "Kl. 10.00 skal du møde.",
  "d. 7.12 kl. 10:30",
  "lokale 2.14",
  "§",
  "æøå ÆØÅ",
  "😀",
  "👨‍👩‍👧",
  "\ud800",
  "\n",
  "\n\n",
  "\r\n",
  "\r",
  "\r\r",
  "\t",
  "\u00a0",
  "\u200b",
  " ",
  ". ",
  "! ",
];

const letterText = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 10 }) }
    ),
    { maxLength: 40 }
  )
  .map((parts) => parts.join(" "));

describe("analyzeText never throws and keeps its invariants", () => {
  test("random letters built from Danish letter fragments (fast-check)", () => {
    fc.assert(
      fc.property(letterText, fc.constantFrom("txt" as const, "md" as const), (text, format) => {
        expectConsistent(text, analyzeText(text, { format, referenceDate: "2026-11-20" }));
      }),
      { numRuns: 400, seed: 20261203 }
    );
  });

  test.each([
    ["CRLF", "Kære Jens\r\n\r\nDu skal komme den 3. december 2026 kl. 10.00.\r\nVi ses."],
    ["lone CR", "Kære Jens\r\rDu skal komme den 3. december 2026 kl. 10.00.\rVi ses."],
    ["tabs", "Kære\tJens\n\n\tDu skal komme\ttil samtale.\t\n"],
    ["NBSP and zero-width space", "Du\u00a0skal\u200bkomme den\u00a03.\u00a0december\u00a02026."],
    ["emoji and surrogate pairs", "Hej 😀\n\nDu 👍🏽 skal komme til samtale 🎉. 👨‍👩‍👧 \ud800"],
    ["a 5,000-character word", `Du skal ${"a".repeat(5000)} komme.`],
    ["only punctuation", "!?.,;:…»«()[]{}§%&/"],
    ["only a legal marker", '<!-- klarbrev:legal id="klagevejledning" version="2" -->'],
    [
      "an unclosed legal marker",
      'Kære Jens\n\nDu skal komme.\n\n<!-- klarbrev:legal id="k" version="2" -->\nDu kan klage.',
    ],
    [
      "nested legal markers",
      '<!-- klarbrev:legal id="a" version="1" -->\n<!-- klarbrev:legal id="b" version="2" -->\nDu kan klage.\n<!-- /klarbrev:legal -->\n<!-- /klarbrev:legal -->',
    ],
    [
      "an empty legal block",
      '<!-- klarbrev:legal id="x" version="1" -->\n\n<!-- /klarbrev:legal -->',
    ],
    [
      "all address lines",
      "Jobcenter Randers\nLaksetorvet 1\n8900 Randers C\n\nJens Hansen\n8000 Aarhus C",
    ],
    ["Markdown with only headings", "# Overskrift\n\n## Under\n\n### Tre"],
    ["a lone §", "§"],
    ["amounts and times", "Du får 1.234,50 kr. om måneden. Mødet er kl. 24.00."],
    ["impossible dates", "Kom den 31. februar 2027 eller den 30/2-2026, senest 29. februar."],
    ["a two-digit year", "Du skal komme til samtale den 3. december 20 kl. 10.00."],
    ["empty", ""],
    ["white space only", "  \n\n \t \r\n"],
  ])("%s", (_name, text) => {
    for (const format of ["txt", "md"] as const) {
      expectConsistent(text, analyzeText(text, { format, referenceDate: "2026-11-20" }));
    }
  });
});

describe("robustness regressions", () => {
  // Bug: finding line numbers counted only "\n", while the classifier also breaks lines at a lone
  // CR (old Mac files): every finding after a lone CR had a wrong line and column.
  test("a lone CR is a line break for finding line and column", () => {
    const text = "Kære Jens\r\rSåfremt du ikke kan komme, så ring.";
    const analysis = analyzeText(text);
    const finding = analysis.findings.find((f) => f.ruleId === "plain/officialese");
    expect(finding?.start).toEqual({ offset: 11, line: 3, column: 1 });
  });

  // Bug: deleting "Det bemærkes, at" at the very end of a block also took the white space after
  // the block, so the edit left the block and applyEdits refused it.
  test("a deletion at a block's end stays inside the block", () => {
    const text = "Kære Jens\n\nDu skal komme kl. 10.00. Det bemærkes, at \n";
    const analysis = analyzeText(text);
    const finding = analysis.findings.find((f) => f.edit && f.ruleId === "plain/officialese");
    expect(finding?.edit).toMatchObject({ kind: "replace", text: "" });
    expect(checkEdit(analysis.letter, finding!.edit!)).toEqual({ ok: true });
    expect(applyEdits(analysis.letter, [finding!.edit!]).refused).toEqual([]);
  });

  // Bug: a stray close marker became a paragraph (and "<!--" a shouting "!"), and an open marker
  // inside a legal block became part of the approved guidance text.
  test("nested and stray legal markers are never text", () => {
    const text = [
      '<!-- klarbrev:legal id="a" version="1" -->',
      '<!-- klarbrev:legal id="klagevejledning" version="2" -->',
      "Du kan klage over afgørelsen.",
      "<!-- /klarbrev:legal -->",
      "<!-- /klarbrev:legal -->",
      "",
      "Med venlig hilsen",
    ].join("\n");
    const letter = classifyText(text);
    expect(letter.blocks.map((block) => [block.kind, block.text])).toEqual([
      ["legal", "Du kan klage over afgørelsen."],
      ["closing", "Med venlig hilsen"],
    ]);
    expect(letter.blocks[0]!.legal).toEqual({ id: "klagevejledning", version: "2" });
    expect(analyzeText(text).findings.filter((f) => f.ruleId === "threat/shouting")).toEqual([]);
  });

  // Bug: word counting used one pattern for "a run holding a letter", which backtracked
  // quadratically over a long run without letters ("....."): 100,000 full stops took seconds.
  test("word counting is linear over long runs without letters", () => {
    const dots = ".".repeat(200_000);
    const started = performance.now();
    expect(countWords(dots)).toBe(0);
    expect(endOfWords(`${dots} kl. 10`, 1)).toBe(dots.length + 4);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  // Bug: each sanction mention tested its whole sentence for income and for its role again, so a
  // sentence full of mentions was quadratic (4,000 mentions of "fradrag" took four seconds).
  // The mentions are the consequence model's: a sanction with the modal that holds it over the
  // reader, clause after clause (a bare "fradrag fradrag ..." states no consequence).
  test("sanction mentions in one long sentence stay linear", () => {
    const sentence = "du kan få fradrag, ".repeat(2000);
    const started = performance.now();
    expect(checkSanctionGuidance(sentence).mentionsSanction).toBe(true);
    expect(sanctionMentionsIn(classifyText(sentence))).toHaveLength(2000);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
