import { buildLetter, type BlockInput } from "../../../src/engine/letter/model.js";
import {
  checkLead,
  classifyLetterType,
  extractFacts,
  generateLead,
  proposeOrder,
} from "../../../src/engine/rules/essentials/index.js";
import { fixtureLetter } from "./helpers.js";
import { timeBound } from "../../support/time-bound.js";

/** About 100 pages: the fixture's body paragraphs repeated, the meeting paragraph last. */
function hundredPages(): BlockInput[] {
  const source = fixtureLetter("indkaldelse-foer");
  const body = source.blocks
    .filter((block) => block.kind === "paragraph")
    .map((block) => block.text);
  const filler = [
    body[0]!,
    body[1]!,
    body[3]!,
    "Tag gerne en liste med over de job, du har søgt, og dit CV.",
  ];
  const blocks: BlockInput[] = [
    { kind: "address", text: "Jobcenter Randers\nLaksetorvet 1\n8900 Randers C" },
    { kind: "date", text: "Randers, den 20. november 2026" },
    { kind: "subject", text: "Indkaldelse til jobsamtale" },
  ];
  for (let i = 0; i < 1500; i++)
    blocks.push({ kind: "paragraph", text: filler[i % filler.length]! });
  blocks.push({ kind: "paragraph", text: body[2]! });
  blocks.push(
    { kind: "closing", text: "Med venlig hilsen" },
    { kind: "signature", text: "Birgitte Holm" }
  );
  return blocks;
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe("performance", () => {
  test("a 100-page letter is analysed for essentials in well under a second", () => {
    const letter = buildLetter(hundredPages());
    expect(letter.text.split(/\s+/u).length).toBeGreaterThan(40_000);
    let facts: ReturnType<typeof extractFacts> = [];
    const elapsed = timed(() => {
      facts = extractFacts(letter);
      const type = classifyLetterType(letter);
      checkLead(letter, facts, type);
      generateLead(letter, facts, type);
      proposeOrder(letter, facts, type);
    });
    expect(facts.filter((fact) => fact.kind === "date").map((fact) => fact.value)).toEqual([
      "2026-12-03",
    ]);
    expect(elapsed).toBeLessThan(timeBound(1000));
  });

  test("one 100-page paragraph (no block boundaries) is fast too", () => {
    const paragraph = hundredPages()
      .filter((block) => block.kind === "paragraph")
      .map((block) => block.text)
      .join(" ");
    const letter = buildLetter([
      { kind: "subject", text: "Indkaldelse til jobsamtale" },
      { kind: "paragraph", text: paragraph },
    ]);
    const elapsed = timed(() => extractFacts(letter, { referenceDate: "2026-11-20" }));
    expect(elapsed).toBeLessThan(timeBound(1000));
  });
});
