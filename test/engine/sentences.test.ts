import { toString } from "nlcst-to-string";
import { ParseLatin } from "parse-latin";
import { unified } from "unified";
import retextLatin from "retext-latin";
import type { Root, Sentence } from "nlcst";
import { VFile } from "vfile";
import { classifyText } from "../../src/engine/letter/classify.js";
import {
  danishParagraphPlugin,
  retextDanishSentences,
} from "../../src/engine/nlcst/danish-sentences.js";
import { parseLetter } from "../../src/engine/nlcst/letter-parser.js";
import { eachSentence } from "../../src/engine/nlcst/traverse.js";
import { processor } from "../../src/engine/processor.js";

function sentences(text: string): string[] {
  const parser = new ParseLatin();
  parser.tokenizeParagraphPlugins.unshift(danishParagraphPlugin);
  const paragraph = parser.tokenizeParagraph(text);
  return paragraph.children.filter((n) => n.type === "SentenceNode").map((n) => toString(n).trim());
}

/**
 * The sentences of a whole letter through the letter parser, checking on the way that every
 * sentence's absolute position points at exactly its text in the letter.
 */
function letterSentences(text: string): string[] {
  const letter = classifyText(text);
  const parser = new ParseLatin();
  parser.tokenizeParagraphPlugins.unshift(danishParagraphPlugin);
  const tree = parseLetter(parser, letter);
  const found: string[] = [];
  eachSentence(tree, letter, ({ sentence }) => {
    const start = sentence.position!.start.offset!;
    const end = sentence.position!.end.offset!;
    expect(text.slice(start, end)).toBe(toString(sentence));
    found.push(toString(sentence).trim());
  });
  return found;
}

describe("Danish sentence splitting", () => {
  test.each([
    ["Du skal møde kl. 10.00 i lokale 4.", 1],
    ["Vi henviser til § 13, stk. 7, i lov om aktiv socialpolitik.", 1],
    ["Det sker jf. Aktivlovens regler. Du kan ringe til os.", 2],
    ["Mødet er den 4. december 2026 kl. 10.00. Du skal have dit sygesikringskort med.", 2],
    ["Du kan bl.a. tage dit CV med. Vi ses.", 2],
    ["Tag f.eks. Dit CV med.", 1],
    ["Ring på tlf. 89 15 10 00. Så finder vi en ny tid.", 2],
    ["Mødet er i lokale 2. Dagsordenen er vedlagt.", 2],
    ["Du bor på 3. sal. Det ved vi godt.", 2],
    ["Se side 4. Her står det hele.", 2],
    ["Mødet er d. 7.12 kl. 10:30 hos os. Velkommen.", 2],
    ["Send det til att. Birgitte Holm senest fredag.", 1],
    // Bug: parse-latin took the postal district "C." for an initial and merged the sentences.
    ["Mød op i Jobcenter Randers, Laksetorvet 1, 8900 Randers C. Spørg efter lokale 2.14.", 2],
    ["Adressen er Rådhuspladsen 1, 5000 Odense SØ. Vi ses.", 2],
    ["Bogen er skrevet af H. C. Andersen.", 1],
    // "CPR-nr." can end a sentence; it is not in the never-final list on purpose.
    ["Oplys dit CPR-nr. Du finder det på dit sundhedskort.", 2],
    ["Dit CPR-nr. 010190-1234 står øverst.", 1],
    ["Du er indkaldt til møde vedr. Din sag.", 1],
  ])("%s -> %i sentences", (text, count) => {
    expect(sentences(text)).toHaveLength(count);
  });

  // Bug: parse-latin takes the full stop of "m.m."/"o.l." into the word (an initialism) and reads
  // "etc." as never final, so a sentence ending in them merged with the next one.
  test.each([
    ["Medbring lønsedler, kontoudtog m.m. Du kan også sende dem.", 2],
    ["Medbring lønsedler, kontoudtog o.l. Du kan også sende dem.", 2],
    ["Til stede var Jens, Anne m.fl. Vi talte om dit forløb.", 2],
    ["Du skal medbringe pas, kørekort etc. Vi ses.", 2],
    ["Vi har travlt p.t. Vi ringer til dig i morgen.", 2],
    ["Medbring lønsedler, kontoudtog osv. Du kan også sende dem.", 2],
    ["Sagen er sendt til Ankestyrelsen mv. De svarer inden tre måneder.", 2],
    ["Tag pas, kørekort m.m. med til mødet.", 1],
    ["Du kan bl.a. Tage dit CV med.", 1],
  ])("an abbreviation that may end a sentence ends it before a capital: %s", (text, count) => {
    expect(sentences(text)).toHaveLength(count);
  });

  // Bug: Danish quotes close with «, which parse-latin does not know as closing punctuation: the «
  // started the next sentence, and "»Kan du komme?« spurgte vi." became three sentences.
  test.each([
    ["Hun sagde: »Kom i morgen.« Så kom han.", ["Hun sagde: »Kom i morgen.«", "Så kom han."]],
    [
      "»Kan du komme?« spurgte vi. Du svarede ja.",
      ["»Kan du komme?« spurgte vi.", "Du svarede ja."],
    ],
    ["»Kom i morgen,« sagde hun. Så kom han.", ["»Kom i morgen,« sagde hun.", "Så kom han."]],
    ["Vi ses. «Ny sætning» står her.", ["Vi ses.", "«Ny sætning» står her."]],
  ])("Danish quotes »...« stay with their sentence: %s", (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  // Bug: as above, through the whole processor: positions of the split sentences stay exact.
  test("split sentences keep exact absolute positions in a letter", () => {
    const text =
      "Kære Jens\n\nTag pas, lønsedler m.m. Du kan også sende dem. Hun sagde: »Ja.« Tak.";
    expect(letterSentences(text)).toEqual([
      "Kære Jens",
      "Tag pas, lønsedler m.m.",
      "Du kan også sende dem.",
      "Hun sagde: »Ja.«",
      "Tak.",
    ]);
  });

  test("plain retext-latin gets the Danish cases wrong; our extension fixes it through nlcstParagraphExtensions", () => {
    const text = "Det sker jf. Aktivlovens regler. Mødet er i lokale 2. Dagsordenen er vedlagt.";
    const list = (tree: Root) =>
      tree.children
        .flatMap((p): { type: string }[] => (p.type === "ParagraphNode" ? p.children : []))
        .filter((n): n is Sentence => n.type === "SentenceNode")
        .map((n) => toString(n).trim());
    const bare = unified().use(retextLatin).parse(text) as Root;
    const danish = unified().use(retextDanishSentences).use(retextLatin).parse(text) as Root;
    expect(list(bare)).toEqual([
      "Det sker jf.",
      "Aktivlovens regler.",
      "Mødet er i lokale 2. Dagsordenen er vedlagt.",
    ]);
    expect(list(danish)).toEqual([
      "Det sker jf. Aktivlovens regler.",
      "Mødet er i lokale 2.",
      "Dagsordenen er vedlagt.",
    ]);
  });
});

describe("letter parser", () => {
  test("positions are absolute and address lines are separate sentences", () => {
    const text =
      "Jobcenter Randers\nLaksetorvet 1\n8900 Randers C\n\nIndkaldelse til samtale\n\nDu skal komme kl. 10.00. Vi ses.";
    expect(letterSentences(text)).toEqual([
      "Jobcenter Randers",
      "Laksetorvet 1",
      "8900 Randers C",
      "Indkaldelse til samtale",
      "Du skal komme kl. 10.00.",
      "Vi ses.",
    ]);
  });

  test("the processor parses a whole sample letter with line and column", () => {
    const file = new VFile({ value: "Kære Jens\n\nDu skal møde op. Tak." });
    const tree = processor().parse(file);
    const last = (tree.children.at(-1) as { position: { start: { line: number; column: number } } })
      .position;
    expect(last.start).toMatchObject({ line: 3, column: 1 });
  });
});
