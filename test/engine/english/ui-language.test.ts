import { readdirSync, readFileSync } from "node:fs";
import { analyzeText } from "../../../src/engine/analyze.js";
import type { LegalRegistryEntry } from "../../../src/engine/rules/legal/index.js";
import { loadLegalRegistry } from "../../../src/templates/library.js";
import { LETTERS } from "../../cli/helpers.js";

/**
 * A Danish letter read in an English UI (messageLanguage "en"): every finding explains itself in
 * English, while the letter's words it quotes and the edits it suggests stay Danish, because they
 * are edits to a Danish letter.
 */

let registry: LegalRegistryEntry[];
beforeAll(async () => {
  registry = (await loadLegalRegistry("templates")).registry;
});

const DANISH_LETTERS = readdirSync(LETTERS).filter(
  (name) => /\.(?:txt|md)$/u.test(name) && !name.includes("-en.")
);

/** Words of the Danish messages; quoted letter words are taken out first. */
const DANISH =
  /(?:^|\s)(?:er|og|ikke|Skriv|Brevet|står|afsnit|sætning|ord|kan|lyder|Lang|Langt|Passiv|fx)(?=[\s.,:;]|$)/u;
const outsideQuotes = (text: string) =>
  text.replace(/“[^”]*”|"[^"]*"|»[^«]*«|\([^)]*§[^)]*\)/gu, "");

describe("findings of a Danish letter in an English UI", () => {
  test.each(DANISH_LETTERS)("%s: English messages and explanations", (name) => {
    const text = readFileSync(`${LETTERS}/${name}`, "utf8");
    const format = name.endsWith(".md") ? "md" : "txt";
    const english = analyzeText(text, { format, legal: { registry }, messageLanguage: "en" });
    expect(english.language).toBe("da");
    for (const finding of english.findings) {
      expect([finding.ruleId, outsideQuotes(finding.message)]).not.toEqual([
        finding.ruleId,
        expect.stringMatching(DANISH),
      ]);
      if (finding.suggestion && !finding.edit) {
        // Advice, not an edit of the letter: English where the rule has English advice.
        expect(outsideQuotes(finding.suggestion.explanation)).not.toMatch(DANISH);
      }
    }
  });

  test.each(DANISH_LETTERS)(
    "%s: the same findings and the same Danish edits as in Danish",
    (name) => {
      const text = readFileSync(`${LETTERS}/${name}`, "utf8");
      const format = name.endsWith(".md") ? "md" : "txt";
      const danish = analyzeText(text, { format, legal: { registry } });
      const english = analyzeText(text, { format, legal: { registry }, messageLanguage: "en" });
      const shape = (analysis: typeof danish) =>
        analysis.findings.map((f) => ({
          ruleId: f.ruleId,
          severity: f.severity,
          start: f.start.offset,
          end: f.end.offset,
          edit: f.edit,
          ...(f.edit && f.suggestion ? { text: f.suggestion.text } : {}),
        }));
      expect(shape(english)).toEqual(shape(danish));
      expect(english.scores).toEqual(danish.scores);
    }
  );

  test("a concrete case: officialese with its Danish replacement", () => {
    const analysis = analyzeText(
      "Kære Jens\n\nDu bedes medbringe dit sygesikringskort, såfremt du har det.\n\nMed venlig hilsen\n\nJobcenter Nord\n",
      { messageLanguage: "en" }
    );
    const messages = analysis.findings
      .filter((f) => f.ruleId === "plain/officialese")
      .map((f) => [f.message, f.suggestion?.text]);
    expect(messages).toEqual(
      expect.arrayContaining([
        ["“såfremt” is officialese (stiff official Danish). Write “hvis”.", "hvis"],
      ])
    );
  });
});
