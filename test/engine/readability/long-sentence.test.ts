import { readFileSync } from "node:fs";
import { analyzeText } from "../../../src/engine/analyze.js";
import { applyEdits } from "../../../src/engine/edits/apply.js";
import { checkEdit } from "../../../src/engine/edits/guard.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/letters/${name}`, import.meta.url), "utf8");

function longSentences(text: string) {
  const analysis = analyzeText(text);
  return {
    analysis,
    found: analysis.findings.filter((finding) => finding.ruleId === "readability/long-sentence"),
  };
}

/** Apply a finding's edit and return the edited paragraph, to compare with the suggestion. */
function applied(text: string) {
  const { analysis, found } = longSentences(text);
  expect(found).toHaveLength(1);
  const finding = found[0]!;
  expect(finding.edit).toBeDefined();
  const result = applyEdits(analysis.letter, [finding.edit!]);
  expect(result.refused).toEqual([]);
  return { finding, text: result.letter.text };
}

describe("readability/long-sentence", () => {
  test("splits at ', men' and keeps the conjunction as the new sentence's first word", () => {
    // 15 words before ", men", 15 after: 30 words.
    const text =
      "Vi har modtaget din ansøgning om hjælp til medicin og tandpleje fra den 1. oktober, men vi mangler stadig en kopi af din seneste lønseddel fra din arbejdsgiver i Randers.";
    const expected =
      "Vi har modtaget din ansøgning om hjælp til medicin og tandpleje fra den 1. oktober. Men vi mangler stadig en kopi af din seneste lønseddel fra din arbejdsgiver i Randers.";
    const { finding, text: edited } = applied(text);
    expect(finding.severity).toBe("warning");
    expect(finding.message).toBe("Lang sætning: 30 ord. Sætninger over 25 ord er svære at læse.");
    expect(finding.details).toMatchObject({ words: 30, counted: true });
    expect(finding.suggestion).toEqual({
      text: expected,
      explanation:
        'Del sætningen i to ved "men". Så får hver sætning én pointe, og den er lettere at læse.',
    });
    expect(finding.safe).toBe(false);
    // The edit is the minimal tracked change: ", men" -> ". Men".
    expect(finding.edit).toMatchObject({ kind: "replace", text: ". Men" });
    expect(edited).toBe(expected);
    expect(finding.start.offset).toBe(0);
    expect(finding.end.offset).toBe(text.length);
  });

  test("splits at a semicolon and capitalises the next word", () => {
    // 16 words before ";", 13 after: 29 words.
    const text =
      "Du skal sende os dine lønsedler for de sidste tre måneder senest fredag den 11. december; du kan sende dem med posten eller aflevere dem i receptionen på jobcentret.";
    const expected =
      "Du skal sende os dine lønsedler for de sidste tre måneder senest fredag den 11. december. Du kan sende dem med posten eller aflevere dem i receptionen på jobcentret.";
    const { finding, text: edited } = applied(text);
    expect(finding.edit).toMatchObject({ kind: "replace", text: ". D" });
    expect(finding.suggestion?.text).toBe(expected);
    expect(edited).toBe(expected);
  });

  test("splits ', hvor du skal' after a date into a main clause with the verb second", () => {
    // 14 words up to "2026", 14 from "hvor": 28 words.
    const text =
      "Du er indkaldt til en samtale om din sygemelding mandag den 7. december 2026, hvor du skal fortælle os, hvordan det går med dit helbred og dit arbejde.";
    const expected =
      "Du er indkaldt til en samtale om din sygemelding mandag den 7. december 2026. Her skal du fortælle os, hvordan det går med dit helbred og dit arbejde.";
    const { finding, text: edited } = applied(text);
    expect(finding.details).toMatchObject({ words: 28 });
    expect(finding.edit).toMatchObject({ text: ". Her skal du" });
    expect(edited).toBe(expected);
  });

  test("'hvor' with a sentence adverb: the adverb follows the pronoun", () => {
    const text =
      "Du skal møde op til samtalen i Jobcenter Randers på Laksetorvet i Randers C, hvor du ikke skal vente i receptionen men gå direkte op på anden sal.";
    const { finding, text: edited } = applied(text);
    expect(finding.details).toMatchObject({ words: 28 });
    expect(edited).toBe(
      "Du skal møde op til samtalen i Jobcenter Randers på Laksetorvet i Randers C. Her skal du ikke vente i receptionen men gå direkte op på anden sal."
    );
  });

  test("chooses the most even split when there are several", () => {
    // ", og" after 8 words and ", men" after 17 of 29: the second is more even.
    const text =
      "Vi har talt med din læge i dag, og vi har aftalt et nyt møde med dig, men vi mangler stadig en kopi af din seneste lønseddel fra arbejdsgiveren.";
    const { found } = longSentences(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.details).toMatchObject({ words: 29 });
    expect(found[0]!.suggestion?.text).toBe(
      "Vi har talt med din læge i dag, og vi har aftalt et nyt møde med dig. Men vi mangler stadig en kopi af din seneste lønseddel fra arbejdsgiveren."
    );
  });

  test("no split before a subordinate clause (', og at'): explanation only", () => {
    // 26 words; the only comma-conjunction is ", og at", which would leave a fragment.
    const text =
      "Det skal understreges, at du ikke kan afslå tilbuddet, og at udeblivelse fra praktikken uden rimelig grund vil medføre et fradrag i hjælpen efter aktivlovens regler.";
    const { found } = longSentences(text);
    expect(found).toHaveLength(1);
    const finding = found[0]!;
    expect(finding.severity).toBe("warning");
    expect(finding.message).toBe("Lang sætning: 26 ord. Sætninger over 25 ord er svære at læse.");
    expect(finding.suggestion).toBeUndefined();
    expect(finding.edit).toBeUndefined();
    expect(finding.details).toMatchObject({
      words: 26,
      counted: true,
      explanation: expect.stringContaining("Del sætningen i to eller flere"),
    });
  });

  test("no 'hvor' split after a common noun: the relative clause is restrictive", () => {
    // "i de perioder, hvor du er syg" must not become "i de perioder. Her er du syg".
    const text =
      "Du skal give jobcentret besked om alle ændringer i din situation i de perioder, hvor du er syg og ikke kan deltage i dit tilbud om praktik.";
    const { found } = longSentences(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.details).toMatchObject({ words: 27 });
    expect(found[0]!.edit).toBeUndefined();
  });

  test("no 'hvor' split when no finite verb follows the pronoun", () => {
    // "hvor du efter samtalen kan" would become "Her efter du samtalen kan": not Danish. 26 words.
    const text =
      "Du skal komme til et møde i Jobcenter Randers, hvor du efter samtalen kan få hjælp til at skrive en ansøgning til et job i byen.";
    const { found } = longSentences(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.details).toMatchObject({ words: 26 });
    expect(found[0]!.edit).toBeUndefined();
  });

  test("no split that leaves a half of fewer than six words", () => {
    // ", og" after 3 words only; no other split point.
    const text =
      "Kommer du ikke, og har du ikke en rimelig grund til at blive væk, får du ikke kontanthjælp for de dage, der går, indtil du kontakter os igen.";
    const { found } = longSentences(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.details).toMatchObject({ words: 28 });
    expect(found[0]!.edit).toBeUndefined();
  });

  test("25 words is not long; 26 is", () => {
    const twentyFive =
      "Du skal til samtale hos os på jobcentret i Randers torsdag den 3. december kl. 9.15 og tage dit sygesikringskort og dit CV med dig.";
    expect(longSentences(twentyFive).found).toEqual([]);
    const twentySix = twentyFive.replace("med dig.", "med dig nu.");
    expect(longSentences(twentySix).found).toHaveLength(1);
    expect(longSentences(twentySix).found[0]!.details).toMatchObject({ words: 26 });
  });

  test("a colon ends a LIX sentence: 'VIGTIGT:' plus 25 words is not a long sentence", () => {
    // The traditional summons: "VIGTIGT: Det bemærkes ... jobcentret." is 1 + 26 words; the part
    // after the colon (26 words) is flagged, starting at "Det".
    const text = fixture("indkaldelse-foer.txt");
    const { found } = longSentences(text);
    expect(found).toHaveLength(1);
    const finding = found[0]!;
    expect(finding.details).toMatchObject({ words: 26 });
    expect(text.slice(finding.start.offset, finding.end.offset)).toMatch(
      /^Det bemærkes, at udeblivelse .* til jobcentret\.$/u
    );
    const shorter = text.replace("for hver dag, indtil", "indtil");
    expect(longSentences(shorter).found).toEqual([]);
  });

  test("short sentences and the rewritten summons have no long sentences", () => {
    expect(longSentences("Du skal til samtale. Vi ses torsdag.").found).toEqual([]);
    expect(longSentences(fixture("indkaldelse-efter.txt")).found).toEqual([]);
  });

  test("inside a protected legal block: info only, not counted, and no edit", () => {
    const legal =
      "Du kan klage over afgørelsen til Ankestyrelsen, men klagen skal sendes til jobcentret, som genvurderer sagen, inden den sendes videre til Ankestyrelsen inden fire uger fra modtagelsen.";
    const text = [
      "Du får hjælpen fra den 1. januar.",
      `<!-- klarbrev:legal id="klagevejledning" version="2" -->\n${legal}\n<!-- /klarbrev:legal -->`,
    ].join("\n\n");
    const { analysis, found } = longSentences(text);
    expect(found).toHaveLength(1);
    const finding = found[0]!;
    expect(finding.severity).toBe("info");
    expect(finding.message).toBe(
      "Lang sætning i den faste vejledningstekst: 27 ord. Teksten er godkendt og tæller ikke med."
    );
    expect(finding.details).toEqual({ words: 27, counted: false });
    expect(finding.edit).toBeUndefined();
    expect(finding.suggestion).toBeUndefined();
    const block = analysis.letter.blocks[1]!;
    expect(block.kind).toBe("legal");
    expect(finding.start.offset).toBeGreaterThanOrEqual(block.start);
  });

  test("every proposed edit passes the guard", () => {
    for (const name of ["afgoerelse-praktik-foer.txt", "indkaldelse-foer.txt"]) {
      const { analysis, found } = longSentences(fixture(name));
      for (const finding of found) {
        if (finding.edit) expect(checkEdit(analysis.letter, finding.edit)).toEqual({ ok: true });
      }
    }
  });
});
