import { alignReviewedText } from "../../src/word/reviewed-text.js";

describe("alignReviewedText: tracked deletions out of the paragraph texts", () => {
  test("no pending changes: the paragraphs as they are (soft line breaks as newlines)", () => {
    const raws = ["Jobcenter Randers\u000bLaksetorvet 1", "", "Kære Jens"];
    expect(alignReviewedText(raws, "Jobcenter Randers\u000bLaksetorvet 1\r\rKære Jens\r")).toEqual({
      texts: ["Jobcenter Randers\nLaksetorvet 1", "", "Kære Jens"],
    });
  });

  test("a changed paragraph gets its current text; a fully deleted one is null", () => {
    // Raw texts hold both the deleted and the inserted words (Word's markup view).
    const raws = [
      "Du indkaldes tilDu skal til samtale.",
      "VIGTIGT: Udeblivelse medfører fradrag.",
      "Ring til os.",
    ];
    const reviewed = "Du skal til samtale.\nRing til os.";
    expect(alignReviewedText(raws, reviewed)).toEqual({
      texts: ["Du skal til samtale.", null, "Ring til os."],
    });
  });

  test("text that cannot be matched gives up instead of guessing", () => {
    expect(alignReviewedText(["Kære Jens"], "Kære Mette")).toBeUndefined();
  });
});
