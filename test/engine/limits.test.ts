import { analyzeText } from "../../src/engine/analyze.js";
import { classifyText } from "../../src/engine/letter/classify.js";
import { recogniseLegalBlocks } from "../../src/engine/rules/legal/index.js";
import { loadLegalRegistry } from "../../src/templates/library.js";

/**
 * Issue 12, items 9 and 10: no input inside the CLI's 10 MB limit hangs, overflows the stack or
 * needs gigabytes. The bounds below are generous (CI machines are slow and shared); before the
 * fixes these inputs took tens of seconds to minutes, or threw.
 */

/** The klagevejledning as a rendered letter has it, without markers (pasted as plain text). */
const PASTED_GUIDANCE = [
  "Hvis du vil klage",
  "Du kan klage over afgørelsen. Du skal sende din klage til kommunen, og vi skal have den inden 4 uger fra den dag, du har fået afgørelsen. Har du fået brevet den 4. december 2026, skal vi have din klage senest fredag den 1. januar 2027.",
  "Du kan klage på skrift, på telefon eller ved at komme forbi. Skriv eller sig gerne, hvorfor du er uenig.",
  "Når vi får din klage, ser vi på sagen igen. Giver vi dig ikke helt ret, sender vi klagen videre til Ankestyrelsen. Det gør vi inden 4 uger, og du får besked, når vi har sendt den.",
  "Reglerne står i § 66 og § 67 i retssikkerhedsloven og i § 25 i forvaltningsloven.",
].join("\n\n");

function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

// Bug (issue 12.10): array spreads in the letter parser threw "Maximum call stack size exceeded"
// from about 176 KB of "jf. § 1, " in one paragraph.
test("a 300 KB paragraph of legal references is analysed, not a RangeError", () => {
  const text = `Kære Anna\n\n${"jf. § 1, ".repeat(34_000)}\n\nMed venlig hilsen\nJobcentret\n`;
  const { result, ms } = timed(() => analyzeText(text));
  expect(result.findings.some((finding) => finding.ruleId === "plain/officialese")).toBe(true);
  expect(ms).toBeLessThan(30_000);
});

// Bug (issue 12.9): pasted guidance with one changed word cost 29.5 s at 200 KB (every run of
// matching blocks was aligned whole, and a date field re-normalised its text for every length).
test("200 KB of pasted guidance, one copy changed: each copy recognised, in seconds", async () => {
  const { registry } = await loadLegalRegistry("templates");
  const copies = Math.ceil(200_000 / PASTED_GUIDANCE.length);
  const parts = Array.from({ length: copies }, () => PASTED_GUIDANCE);
  parts[Math.floor(copies / 2)] = PASTED_GUIDANCE.replace("gerne", "venligst");
  const letter = classifyText(parts.join("\n\n"));
  const { result: blocks, ms } = timed(() => recogniseLegalBlocks(letter, registry));
  expect(ms).toBeLessThan(20_000);
  const modified = blocks.filter((block) => block.status === "modified");
  expect(modified).toHaveLength(1);
  expect(modified[0]!.changes).toEqual([
    expect.objectContaining({ removed: "gerne", added: "venligst" }),
  ]);
  // Every other copy is the approved text, found exactly.
  expect(blocks.filter((block) => block.status === "intact")).toHaveLength(copies - 1);
});

// Bug (issue 12.9): ordinary 10 MB text took minutes and about 3 GB. Now the first ~200 pages
// are analysed, marked guidance after that is still verified, and a finding says so.
test("10 MB of ordinary letters: bounded analysis, guidance after the limit still verified", async () => {
  const { registry } = await loadLegalRegistry("templates");
  const prose =
    "Du er indkaldt til en samtale om din plan. Mødet holdes i jobcentret. Medbring dit sygefravær og dine papirer.\n\n";
  const tampered = PASTED_GUIDANCE.replace("Du kan klage over afgørelsen.", "Du kan ikke klage.");
  const marked = `<!-- klarbrev:legal id="klagevejledning" version="1" -->\n${tampered}\n<!-- /klarbrev:legal -->\n\n`;
  const text = prose.repeat(Math.ceil((10 * 1024 * 1024) / prose.length)) + marked;
  const { result, ms } = timed(() => analyzeText(text, { format: "md", legal: { registry } }));
  expect(ms).toBeLessThan(60_000);
  const partial = result.findings.filter(
    (finding) => finding.ruleId === "readability/partial-analysis"
  );
  expect(partial).toHaveLength(1);
  expect(partial[0]!.message).toMatch(/Kun de første ca\. \d+ sider er tjekket/u);
  // The guidance at the very end was checked: it is not the approved text.
  expect(result.scores.legal.blocks).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ id: "klagevejledning", status: "modified", marked: true }),
    ])
  );
  expect(result.findings.map((finding) => finding.ruleId)).toContain("legal/modified");
});

test("a letter within the limit gets no partial-analysis finding", () => {
  const result = analyzeText(
    "Kære Anna\n\nDu er indkaldt til en samtale.\n\nMed venlig hilsen\nJobcentret\n"
  );
  expect(result.findings.map((finding) => finding.ruleId)).not.toContain(
    "readability/partial-analysis"
  );
});
