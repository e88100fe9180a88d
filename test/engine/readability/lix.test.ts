import { readFileSync } from "node:fs";
import { analyzeText } from "../../../src/engine/analyze.js";
import { classifyText } from "../../../src/engine/letter/classify.js";
import { danishParagraphPlugin } from "../../../src/engine/nlcst/danish-sentences.js";
import { parseLetter } from "../../../src/engine/nlcst/letter-parser.js";
import { bandOf, computeStats, lixOf } from "../../../src/engine/rules/readability/counts.js";
import { ParseLatin } from "parse-latin";

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/letters/${name}`, import.meta.url), "utf8");

const readability = (text: string, options = {}) => analyzeText(text, options).scores.readability;
const findings = (text: string, ruleId: string, options = {}) =>
  analyzeText(text, options).findings.filter((finding) => finding.ruleId === ruleId);

/** The stats pass on its own: words, sentences, long words for the whole letter. */
function counts(text: string) {
  const letter = classifyText(text);
  const parser = new ParseLatin();
  parser.tokenizeParagraphPlugins.unshift(danishParagraphPlugin);
  return computeStats(parseLetter(parser, letter), letter).all;
}

describe("LIX vectors computed by hand", () => {
  test("abbreviations, a time and an ordinal date do not end sentences", () => {
    // "Du skal møde kl. 10.00 den 4. december hos os." -> 1 sentence, 10 words:
    //   Du skal møde kl. 10.00 den 4. december hos os; long: december (8) = 1.
    // "Tag bl.a. dit CV med, jf. aftalen." -> 1 sentence, 7 words:
    //   Tag bl.a. dit CV med jf. aftalen; long: aftalen (7) = 1. ("bl.a." has 3 letters.)
    // LIX = 17/2 + 100*2/17 = 8.5 + 11.76 = 20.26 -> 20.3, meget let.
    const text =
      "Du skal møde kl. 10.00 den 4. december hos os. Tag bl.a. dit CV med, jf. aftalen.";
    expect(counts(text)).toEqual({ words: 17, sentences: 2, longWords: 2 });
    expect(readability(text)).toMatchObject({
      lix: 20.3,
      lixBand: "meget let",
      prose: { lix: 20.3, words: 17, sentences: 2, longWords: 2, lixBand: "meget let" },
    });
  });

  test("a colon followed by words ends a sentence; a clock time with a colon is one word", () => {
    // "VIGTIGT: Det bemærkes, at du skal møde kl. 10:30." -> 2 sentences (the colon):
    //   VIGTIGT (7 letters, long) | Det bemærkes at du skal møde kl. 10:30 = 8 words, bemærkes long.
    // "Se § 13, stk. 7, i loven." -> 1 sentence (stk. does not end it), § is not a word:
    //   Se 13 stk. 7 i loven = 6 words, none long (loven 5).
    // LIX = 15/3 + 100*2/15 = 5 + 13.33 = 18.33 -> 18.3.
    const text = "VIGTIGT: Det bemærkes, at du skal møde kl. 10:30. Se § 13, stk. 7, i loven.";
    expect(counts(text)).toEqual({ words: 15, sentences: 3, longWords: 2 });
    expect(readability(text)).toMatchObject({ lix: 18.3, words: 15, sentences: 3, longWords: 2 });
  });

  test("digits are words but never long; letters only count (e-mail has 5)", () => {
    // "Ring på 89 15 10 00 kl. 8.00-13.00, eller send en e-mail." -> 1 sentence, 12 words:
    //   Ring på 89 15 10 00 kl. 8.00-13.00 eller send en e-mail; none long.
    // "Dit sagsnummer er 2026123456." -> 1 sentence, 4 words: sagsnummer (10) long; the
    //   10-digit number is not.
    // LIX = 16/2 + 100*1/16 = 8 + 6.25 = 14.25 -> 14.3 (half rounds up).
    const text =
      "Ring på 89 15 10 00 kl. 8.00-13.00, eller send en e-mail. Dit sagsnummer er 2026123456.";
    expect(counts(text)).toEqual({ words: 16, sentences: 2, longWords: 1 });
    expect(readability(text).lix).toBe(14.3);
  });

  test("address lines and a heading without end punctuation are sentences, but not prose", () => {
    // Address (3 line sentences): "Jobcenter Randers" 2 words, 2 long (Jobcenter 9, Randers 7);
    //   "Laksetorvet 1" 2 words, 1 long; "8900 Randers C" 3 words, 1 long.
    // Subject "Jobsamtale torsdag den 3. december" 1 sentence, 5 words, 3 long
    //   (Jobsamtale 10, torsdag 7, december 8).
    // Paragraph: "Du skal til jobsamtale hos os." 6 words, 1 long (jobsamtale);
    //   "Mødet varer cirka en time." 5 words, none long.
    // Whole letter: 23 words, 6 sentences, 8 long: 23/6 + 800/23 = 3.83 + 34.78 = 38.6, middel.
    // Prose only: 11 words, 2 sentences, 1 long: 5.5 + 9.09 = 14.59 -> 14.6, meget let.
    const text = [
      "Jobcenter Randers\nLaksetorvet 1\n8900 Randers C",
      "Jobsamtale torsdag den 3. december",
      "Du skal til jobsamtale hos os. Mødet varer cirka en time.",
    ].join("\n\n");
    expect(classifyText(text).blocks.map((block) => block.kind)).toEqual([
      "address",
      "subject",
      "paragraph",
    ]);
    expect(readability(text)).toEqual({
      lix: 38.6,
      words: 23,
      sentences: 6,
      longWords: 8,
      lixBand: "middel",
      prose: { lix: 14.6, words: 11, sentences: 2, longWords: 1, lixBand: "meget let" },
      target: 35,
      meetsTarget: true,
    });
  });

  test("question and exclamation marks end sentences; list items are prose; greeting and legal are not", () => {
    // Greeting "Kære Jens": 1 sentence, 2 words, none long.
    // Paragraph: "Kan du komme?" 3 | "Ring til os i dag!" 5 | "Vi har brug for at tale med dig." 8
    //   = 3 sentences, 16 words, none long.
    // List: "Tag dit sygesikringskort med." 4 words, 1 long; "Tag dine lønsedler med." 4, 1 long.
    // Legal: "Du kan klage over afgørelsen inden fire uger." 8 words, 1 long (afgørelsen).
    // Prose: 24 words, 5 sentences, 2 long: 4.8 + 8.33 = 13.13 -> 13.1.
    // Whole: 34 words, 7 sentences, 3 long: 4.857 + 8.824 = 13.68 -> 13.7.
    const text = [
      "Kære Jens",
      "Kan du komme? Ring til os i dag! Vi har brug for at tale med dig.",
      "- Tag dit sygesikringskort med.\n- Tag dine lønsedler med.",
      '<!-- klarbrev:legal id="klagevejledning" version="2" -->\nDu kan klage over afgørelsen inden fire uger.\n<!-- /klarbrev:legal -->',
    ].join("\n\n");
    expect(classifyText(text).blocks.map((block) => block.kind)).toEqual([
      "greeting",
      "paragraph",
      "listItem",
      "listItem",
      "legal",
    ]);
    expect(readability(text)).toMatchObject({
      lix: 13.7,
      words: 34,
      sentences: 7,
      longWords: 3,
      prose: { lix: 13.1, words: 24, sentences: 5, longWords: 2 },
    });
  });

  test("an ordinal before a capital ends the sentence", () => {
    // "Mødet er i lokale 2." 5 words, none long (lokale has 6 letters: not more than 6).
    // "Dagsordenen er vedlagt." 3 words, 2 long (Dagsordenen 11, vedlagt 7).
    // LIX = 8/2 + 100*2/8 = 4 + 25 = 29, let.
    const text = "Mødet er i lokale 2. Dagsordenen er vedlagt.";
    expect(counts(text)).toEqual({ words: 8, sentences: 2, longWords: 2 });
    expect(readability(text)).toMatchObject({ lix: 29, lixBand: "let" });
  });
});

describe("LIX bands, target and edge cases", () => {
  test.each([
    [0, "meget let"],
    [24.9, "meget let"],
    [25, "let"],
    [34.9, "let"],
    [35, "middel"],
    [44.9, "middel"],
    [45, "svær"],
    [54.9, "svær"],
    [55, "meget svær"],
    [80, "meget svær"],
  ])("LIX %d is %s", (lix, band) => {
    expect(bandOf(lix)).toBe(band);
  });

  test("an empty letter scores zero, never NaN", () => {
    const scores = readability("");
    expect(scores).toEqual({
      lix: 0,
      words: 0,
      sentences: 0,
      longWords: 0,
      lixBand: "meget let",
      prose: { lix: 0, words: 0, sentences: 0, longWords: 0, lixBand: "meget let" },
      target: 35,
      meetsTarget: true,
    });
    expect(lixOf({ words: 0, sentences: 0, longWords: 0 })).toBe(0);
  });

  test("a letter without prose meets the target and gets no lix finding", () => {
    const text = "Jobcenter Randers\nLaksetorvet 1\n8900 Randers C";
    expect(readability(text)).toMatchObject({ prose: { words: 0 }, meetsTarget: true });
    expect(findings(text, "readability/lix")).toEqual([]);
  });

  test("the target comes from the options", () => {
    const text = fixture("indkaldelse-foer.txt");
    expect(readability(text, { lixTarget: 60 })).toMatchObject({ target: 60, meetsTarget: true });
    expect(findings(text, "readability/lix", { lixTarget: 60 })).toEqual([]);
  });
});

describe("the sample letters", () => {
  test("the traditional summons is very hard: prose LIX 55.2, checked by hand", () => {
    // Prose sentences (words / long words):
    //   Jobcentret skal ... beskæftigelsesindsats.   21 / 10
    //   Formålet med samtalen ... rådighed.            14 / 5
    //   VIGTIGT:                                        1 / 1
    //   Det bemærkes, at udeblivelse ... jobcentret.  26 / 9
    //   Gentagne udeblivelser ... rådighedssanktion.    7 / 5
    //   Du indkaldes til samtale ... lokale 2.14.      21 / 8
    //   Du bedes medbringe ... samtale.                13 / 5
    //   Såfremt du er forhindret ... samtalen.         20 / 6
    // 123 words, 8 sentences, 49 long: 15.375 + 39.84 = 55.2 -> meget svær.
    const analysis = analyzeText(fixture("indkaldelse-foer.txt"));
    const scores = analysis.scores.readability;
    expect(scores.prose).toEqual({
      lix: 55.2,
      words: 123,
      sentences: 8,
      longWords: 49,
      lixBand: "meget svær",
    });
    expect(scores.meetsTarget).toBe(false);
    // The whole letter (address, date, subject, closing, signature too) is easier than its prose.
    expect(scores.lix).toBeLessThan(scores.prose.lix);

    const lix = analysis.findings.filter((finding) => finding.ruleId === "readability/lix");
    expect(lix).toHaveLength(1);
    const finding = lix[0]!;
    expect(finding.severity).toBe("warning");
    expect(finding.message).toBe(
      "Brevets LIX er 55,2 (meget svær). Målet for breve til borgere er højst 35."
    );
    // Placed on the first prose block.
    const firstProse = analysis.letter.blocks.find((block) => block.kind === "paragraph")!;
    expect(finding.start.offset).toBe(firstProse.start);
    expect(finding.end.offset).toBe(firstProse.end);
    expect(finding.suggestion?.explanation).toContain("15,4 ord pr. sætning");
    expect(finding.suggestion?.explanation).toContain("39,8 % lange ord");
  });

  test("the rewritten summons is easy and meets the target", () => {
    // Prose (body and the guidance after the signature): 139 words, 19 long, checked by hand.
    // 11 sentences by hand; parse-latin reads "8900 Randers C. Spørg" as an initial and joins
    // two of them, giving 10. Either way the LIX is 26.3-27.6: let.
    const scores = readability(fixture("indkaldelse-efter.txt"));
    expect(scores.prose).toMatchObject({ words: 139, longWords: 19, lixBand: "let" });
    expect(scores.prose.lix).toBeGreaterThanOrEqual(26.3);
    expect(scores.prose.lix).toBeLessThanOrEqual(27.6);
    expect(scores.meetsTarget).toBe(true);
    expect(findings(fixture("indkaldelse-efter.txt"), "readability/lix")).toEqual([]);
  });

  test("rewriting the summons lowers its prose LIX by more than 25 points", () => {
    const before = readability(fixture("indkaldelse-foer.txt")).prose.lix;
    const after = readability(fixture("indkaldelse-efter.txt")).prose.lix;
    expect(before - after).toBeGreaterThan(25);
  });

  test("the practice decision is very hard: four sentences of 30 words on average", () => {
    // Prose: 3 paragraphs, 4 sentences (24 + 34 + 40 + 25 words = 123 by hand).
    const scores = readability(fixture("afgoerelse-praktik-foer.txt"));
    expect(scores.prose).toMatchObject({ words: 123, sentences: 4, lixBand: "meget svær" });
    expect(scores.meetsTarget).toBe(false);
  });
});
