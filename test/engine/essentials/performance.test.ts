import { buildLetter, type BlockInput, type Letter } from "../../../src/engine/letter/model.js";
import {
  checkLead,
  classifyLetterType,
  extractFacts,
  generateLead,
  proposeOrder,
} from "../../../src/engine/rules/essentials/index.js";
import { fixtureLetter } from "./helpers.js";
import { expectLinear, growth } from "../../support/growth.js";

/** About `scale` x 25 pages: the fixture's body paragraphs repeated, the meeting paragraph last. */
function pages(scale = 4): BlockInput[] {
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
  for (let i = 0; i < 375 * scale; i++)
    blocks.push({ kind: "paragraph", text: filler[i % filler.length]! });
  blocks.push({ kind: "paragraph", text: body[2]! });
  blocks.push(
    { kind: "closing", text: "Med venlig hilsen" },
    { kind: "signature", text: "Birgitte Holm" }
  );
  return blocks;
}

function essentials(letter: Letter) {
  const facts = extractFacts(letter);
  const type = classifyLetterType(letter);
  checkLead(letter, facts, type);
  generateLead(letter, facts, type);
  proposeOrder(letter, facts, type);
  return facts;
}

/** One paragraph of `scale` x 25 pages: no block boundaries to split the work. */
function oneParagraph(scale: number): Letter {
  const paragraph = pages(scale)
    .filter((block) => block.kind === "paragraph")
    .map((block) => block.text)
    .join(" ");
  return buildLetter([
    { kind: "subject", text: "Indkaldelse til jobsamtale" },
    { kind: "paragraph", text: paragraph },
  ]);
}

// Complexity, not speed (bench/ measures speed): 4x the text may take at most about 4x the time.
describe("essentials grow linearly (25 to 100 pages)", () => {
  test("a letter of many paragraphs", () => {
    const letter = buildLetter(pages(4));
    expect(letter.text.split(/\s+/u).length).toBeGreaterThan(40_000);
    expect(
      essentials(letter)
        .filter((fact) => fact.kind === "date")
        .map((fact) => fact.value)
    ).toEqual(["2026-12-03"]);
    expectLinear(growth((scale) => buildLetter(pages(scale)), essentials, { runs: 3 }));
  });

  test("one long paragraph (no block boundaries)", () => {
    const facts = (letter: Letter) => extractFacts(letter, { referenceDate: "2026-11-20" });
    expect(facts(oneParagraph(1)).length).toBeGreaterThan(0);
    expectLinear(growth(oneParagraph, facts, { runs: 3 }));
  });
});
