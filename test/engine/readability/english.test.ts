import { readFileSync } from "node:fs";
import retextReadability from "retext-readability";
import { VFile } from "vfile";
import { analyzeText } from "../../../src/engine/analyze.js";
import { classifyText } from "../../../src/engine/letter/classify.js";
import { processor } from "../../../src/engine/processor.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/letters/${name}`, import.meta.url), "utf8");

const HARD =
  "We are writing to inform you that, notwithstanding the aforementioned considerations, the municipality has determined that your eligibility for continued unemployment assistance necessitates additional documentation regarding your employment circumstances.";

const LETTER = [
  "Dear Mr Smith",
  HARD,
  "Please call us if you have any questions.",
  "Kind regards",
  "Birgitte Holm",
].join("\n\n");

describe("English letters", () => {
  test("retext-readability's messages become readability/english findings; no LIX finding", () => {
    const analysis = analyzeText(LETTER);
    expect(analysis.language).toBe("en");
    const english = analysis.findings.filter((finding) => finding.ruleId === "readability/english");
    expect(english).toHaveLength(1);
    const finding = english[0]!;
    expect(finding.severity).toBe("warning");
    expect(finding.message).toMatch(
      /^Unexpected hard to read sentence, according to (all|\d out of) 7 algorithms$/u
    );
    expect(LETTER.slice(finding.start.offset, finding.end.offset)).toBe(HARD);
    // LIX is still computed (and is far above 35), but the LIX finding is for Danish only.
    expect(analysis.scores.readability.prose.lix).toBeGreaterThan(35);
    expect(analysis.findings.filter((f) => f.ruleId === "readability/lix")).toEqual([]);
  });

  test("the formulas' averages and reader ages are in the scores", () => {
    const figures = analyzeText(LETTER).scores.readability.english!;
    expect(figures).toBeDefined();
    // Two prose sentences of 5+ words are scored (the greeting has 3 words).
    expect(figures.sentences).toBe(2);
    expect(figures.hardSentences).toBe(1);
    for (const formula of [
      "automatedReadability",
      "colemanLiau",
      "daleChall",
      "flesch",
      "gunningFog",
      "smog",
      "spache",
    ]) {
      expect(Number.isFinite(figures[formula])).toBe(true);
      expect(Number.isFinite(figures[`${formula}Age`])).toBe(true);
    }
    // The hard sentence pulls the mean reader age well past retext-readability's 16.
    expect(figures.age).toBeGreaterThan(16);
    // The easy sentence alone reads at a lower age than the letter with the hard one.
    const easy = analyzeText("Dear Mr Smith\n\nPlease call us if you have any questions.", {
      language: "en",
    }).scores.readability.english!;
    expect(easy.sentences).toBe(1);
    expect(easy.hardSentences).toBe(0);
    expect(easy.age).toBeLessThan(figures.age!);
  });

  test("long sentences get the English message", () => {
    const found = analyzeText(LETTER).findings.filter(
      (finding) => finding.ruleId === "readability/long-sentence"
    );
    expect(found).toHaveLength(1);
    // 29 words by hand; no natural split point (no ", and", ", but", ", so" or ";").
    expect(found[0]!.message).toBe(
      "Long sentence: 29 words. Sentences over 25 words are hard to read."
    );
    expect(found[0]!.details?.explanation).toMatch(/^Split the sentence into two or more/u);
  });

  test("English long sentences split at ', but'", () => {
    // 15 words before ", but", 15 after.
    const text =
      "We have received your application for help with medicine and dental care from 1 October, but we still need a copy of your latest payslip from your employer in Randers.";
    const found = analyzeText(text, { language: "en" }).findings.filter(
      (finding) => finding.ruleId === "readability/long-sentence"
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.suggestion).toEqual({
      text: "We have received your application for help with medicine and dental care from 1 October. But we still need a copy of your latest payslip from your employer in Randers.",
      explanation: 'Split the sentence in two at "but", so that each sentence makes one point.',
    });
  });

  test("a hard sentence inside a protected legal block is info only", () => {
    const text = [
      "Please call us if you have any questions.",
      `<!-- klarbrev:legal id="complaints" version="1" -->\n${HARD}\n<!-- /klarbrev:legal -->`,
    ].join("\n\n");
    const analysis = analyzeText(text, { language: "en" });
    const english = analysis.findings.filter((finding) => finding.ruleId === "readability/english");
    expect(english).toHaveLength(1);
    expect(english[0]!.severity).toBe("info");
    expect(english[0]!.details).toMatchObject({ counted: false });
    expect(analysis.scores.readability.english).toMatchObject({ sentences: 1, hardSentences: 0 });
  });

  test("the English sample letter is detected as English and gets English figures", () => {
    const analysis = analyzeText(fixture("indkaldelse-moede-en.txt"));
    expect(analysis.language).toBe("en");
    expect(analysis.scores.readability.english?.sentences).toBeGreaterThan(0);
    expect(analysis.findings.filter((f) => f.ruleId === "readability/lix")).toEqual([]);
  });

  test("Danish letters get no English findings or figures", () => {
    const analysis = analyzeText(fixture("indkaldelse-foer.txt"));
    expect(analysis.language).toBe("da");
    expect(analysis.findings.filter((f) => f.ruleId === "readability/english")).toEqual([]);
    expect(analysis.scores.readability.english).toBeUndefined();
  });

  test("skipping clearly easy sentences loses nothing: same findings as retext-readability on the whole tree", () => {
    const texts = [
      LETTER,
      fixture("indkaldelse-moede-en.txt"),
      // Danish prose judged by English formulas: nearly every sentence is hard.
      fixture("indkaldelse-foer.txt"),
      [
        "Dear Daniel,",
        "Thank you for your email. We have looked at your case again, and we think that you are right.",
        "Pursuant to the applicable legislation, the administration anticipates comprehensive substantiation of your occupational qualifications.",
        "You can call us on weekdays between nine and three. Please have your case number ready when you call.",
        "The municipality will subsequently reconsider the determination concerning supplementary assistance.",
      ].join("\n\n"),
    ];
    let reported = 0;
    for (const text of texts) {
      const ours = analyzeText(text, { language: "en" })
        .findings.filter((finding) => finding.ruleId === "readability/english")
        .map((finding) => [finding.start.offset, finding.end.offset, finding.message]);

      const file = new VFile({ value: text });
      file.data.letter = classifyText(text);
      const tree = processor().parse(file);
      const reference = new VFile({ value: text });
      retextReadability()(tree, reference);
      const theirs = reference.messages.map((message) => {
        const place = message.place as { start: { offset: number }; end: { offset: number } };
        return [place.start.offset, place.end.offset, message.reason];
      });
      expect(ours).toEqual(theirs);
      reported += theirs.length;
    }
    expect(reported).toBeGreaterThan(5);
  });
});
