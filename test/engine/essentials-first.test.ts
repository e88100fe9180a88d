import { readFileSync } from "node:fs";
import {
  analyzeLetter,
  analyzeText,
  applyEdits,
  essentialsFirstEdits,
} from "../../src/engine/index.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/letters/${name}`, import.meta.url), "utf8");

// Bug: applying the lead and the reorder in one batch put the lead in the middle of the letter.
test("lead and reorder applied together put the lead first in the body", () => {
  const analysis = analyzeText(fixture("indkaldelse-foer.txt"));
  expect(analysis.proposals.lead).toBeDefined();
  expect(analysis.proposals.reorder).toBeDefined();
  const result = applyEdits(analysis.letter, essentialsFirstEdits(analysis.proposals));
  expect(result.refused).toEqual([]);
  const body = result.letter.blocks.filter((b) => b.kind === "paragraph");
  expect(body[0]!.text).toBe(analysis.proposals.lead!.text);
  expect(body[0]!.text).toMatch(/3\. december 2026 kl\. 9\.15/);
  const again = analyzeLetter(result.letter);
  expect(again.scores.essentials.inLead).toBe(true);
});

test("a single proposal is returned as is", () => {
  const analysis = analyzeText(fixture("indkaldelse-foer.txt"));
  const onlyLead = essentialsFirstEdits({ lead: analysis.proposals.lead! });
  expect(onlyLead).toEqual([analysis.proposals.lead]);
  expect(essentialsFirstEdits({})).toEqual([]);
});
