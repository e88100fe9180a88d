import { analyzeText } from "../../../src/engine/analyze.js";

const longParagraphs = (text: string) =>
  analyzeText(text).findings.filter((finding) => finding.ruleId === "readability/long-paragraph");

// Seven short sentences, 64 words by hand: 8 + 10 + 11 + 10 + 6 + 9 + 10.
const SIXTY_FOUR = [
  "Du skal til samtale hos os på torsdag.",
  "Vi skal tale om dit arbejde med at søge job.",
  "Tag gerne en liste med over de job, du har søgt.",
  "Du kan også tage en ven eller et familiemedlem med.",
  "Samtalen tager cirka en halv time.",
  "Vi mødes i receptionen på Laksetorvet 1 i Randers.",
  "Kan du ikke komme, så ring til os hurtigst muligt.",
].join(" ");

// The same paragraph without "gerne", "også" and "hurtigst muligt": 60 words.
const SIXTY = SIXTY_FOUR.replace(" gerne", "").replace(" også", "").replace(" hurtigst muligt", "");

describe("readability/long-paragraph", () => {
  test("a paragraph of 64 short-sentence words is too long", () => {
    const text = `Kære Jens\n\n${SIXTY_FOUR}\n\nVenlig hilsen\nBirgitte Holm`;
    const found = longParagraphs(text);
    expect(found).toHaveLength(1);
    const finding = found[0]!;
    expect(finding.severity).toBe("warning");
    expect(finding.message).toBe(
      "Langt afsnit: 64 ord (ca. 6 linjer). Afsnit over 60 ord er svære at overskue."
    );
    expect(finding.details).toMatchObject({ words: 64, lines: 6, counted: true });
    expect(finding.details?.explanation).toContain("Del afsnittet op");
    expect(text.slice(finding.start.offset, finding.end.offset)).toBe(SIXTY_FOUR);
    // Short sentences: the paragraph is long, but no sentence is.
    const all = analyzeText(text).findings;
    expect(all.filter((f) => f.ruleId === "readability/long-sentence")).toEqual([]);
  });

  test("60 words is not too long", () => {
    expect(longParagraphs(`Kære Jens\n\n${SIXTY}`)).toEqual([]);
  });

  test("a list item is not a paragraph", () => {
    expect(longParagraphs(`Kære Jens\n\n- ${SIXTY_FOUR}\n- Tag dit CV med.`)).toEqual([]);
  });

  test("a protected legal block: info, not counted", () => {
    const text = [
      "Du får hjælpen fra den 1. januar.",
      `<!-- klarbrev:legal id="pligter" version="1" -->\n${SIXTY_FOUR}\n<!-- /klarbrev:legal -->`,
    ].join("\n\n");
    const found = longParagraphs(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe("info");
    expect(found[0]!.message).toBe(
      "Langt afsnit i den faste vejledningstekst: 64 ord (ca. 6 linjer). Teksten er godkendt og tæller ikke med."
    );
    expect(found[0]!.details).toEqual({ words: 64, lines: 6, counted: false });
  });

  test("English letters get the message in English", () => {
    const english = [
      "Please come to a meeting with us on Thursday at ten.",
      "We will talk about your work and the jobs you have applied for.",
      "Please bring a list of the jobs you have applied for since the last time.",
      "You are welcome to bring a friend or a member of your family.",
      "The meeting takes about half an hour, and it is at the reception.",
      "If you cannot come, please call us as soon as you can.",
    ].join(" ");
    const found = analyzeText(`Dear Daniel,\n\n${english}`).findings.filter(
      (finding) => finding.ruleId === "readability/long-paragraph"
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/^Long paragraph: \d+ words \(about \d+ lines\)\./u);
  });
});
