import { classifyText } from "../../src/engine/letter/classify.js";
import { checkLegal } from "../../src/engine/rules/legal/index.js";
import { loadLegalRegistry } from "../../src/templates/library.js";
import { longLetter } from "../support/long-letter.js";

/**
 * About 100 pages of bad letters' prose, full of sanction mentions, appeal words and sections of
 * the law. Regression: finding each mention's sentence once looked at the whole text before it,
 * which made a long letter take minutes.
 */
function hundredPages(): string {
  return longLetter([
    "indkaldelse-foer.txt",
    "afgoerelse-fradrag-foer.txt",
    "partshoering-foer.txt",
  ]);
}

test.each(["indkaldelse", "afgørelse", "partshøring"] as const)(
  "the legal check of a 100-page %s stays fast",
  async (letterType) => {
    const { registry } = await loadLegalRegistry("templates");
    const letter = classifyText(hundredPages());
    const started = performance.now();
    const result = checkLegal(letter, { registry, letterType });
    const elapsed = performance.now() - started;
    expect(result.issues.some((issue) => issue.ruleId === "legal/sanction-incomplete")).toBe(true);
    expect(elapsed).toBeLessThan(3000);
  }
);
