import fc from "fast-check";
import { buildLetter, type BlockInput, type Letter } from "../../src/engine/letter/model.js";
import {
  anyMatches,
  anyMatchesInLetter,
  entryTest,
  headMatcher,
  matchesText,
  wordsOf,
} from "../../src/engine/rules/legal/entry-match.js";
import { BlockReading } from "../../src/engine/rules/legal/block-reading.js";
import { hasHearingDeadline } from "../../src/engine/rules/legal/hearing-deadline.js";
import { candidateRuns, nearlyAllIn } from "../../src/engine/rules/legal/integrity.js";
import { blocksApart, normalisedLetter } from "../../src/engine/rules/legal/letter-text.js";
import {
  closesSentence,
  opensSentence,
  sentencesAcross,
  sentencesOf,
} from "../../src/engine/rules/legal/sentences.js";
import { pushAll } from "../../src/engine/util/arrays.js";
import {
  normaliseLegalText,
  normaliseWithOffsets,
  sourceRange,
} from "../../src/engine/rules/legal/normalise.js";
import {
  checkBlockSanctionGuidance,
  checkLetterSanctionGuidance,
  checkSanctionGuidance,
} from "../../src/engine/rules/legal/sanction.js";

/**
 * The legal family reads a letter block by block (each block once per block text, so a one-word
 * edit reads one block anew) and puts the letter's normalised text, its sentences and its words
 * together from the blocks'. That must be exactly what reading the letter's text whole gives,
 * also where a sentence runs from a heading into its paragraph, at an abbreviation, a small
 * letter, a combining mark or odd white space at a block's edge, and for letters with text
 * outside their blocks (read whole).
 */
const RUNS = Number(process.env.KLARBREV_PROPERTY_RUNS ?? 40) * 5;

/** Pieces of real Danish sanction guidance and of the edges where blocks meet. */
const PIECES = [
  "Kommer du ikke til samtalen, trækker vi i din kontanthjælp.",
  "Du får hjælpen igen fra den dag, du kontakter os.",
  "Hvis du udebliver uden rimelig grund, kan du miste din ydelse.",
  "Sanktion",
  "Det skal du vide",
  "jf.",
  "kl.",
  "§ 13, stk. 2.",
  "fortæl",
  "os",
  "fortæl os",
  "sygedagpenge",
  "kontanthjælp",
  "den 3. december",
  "senest",
  "inden fredag den 4. december",
  "Vi trækker 1.614 kr. i din kontanthjælp.",
  "udbetalingen genoptages, når du kontakter jobcentret igen.",
  "Spørgsmål?",
  "Ring!",
  "a\u030a",
  "\u0301",
  "e\u0301",
  "Ω",
  "Σ",
  "ſ",
  ".",
  "",
];
const SPACES = [" ", "\n", "\n\n", "\u00a0", "\u2028", "\t", "  "];

const blockText = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SPACES, "")), { maxLength: 5 })
  .map((parts) => parts.map(([piece, space]) => piece + space).join(""));

const letterArb: fc.Arbitrary<Letter> = fc
  .tuple(
    fc.array(blockText, { minLength: 0, maxLength: 7 }),
    fc.constantFrom("\n\n", "\n", " \n", "\u2028", " ", "", "x"),
    fc.constantFrom("", "\n", " ", "x")
  )
  .map(([texts, separator, around]) => {
    const inputs: BlockInput[] = texts.map((text) => ({ kind: "paragraph", text }));
    const built = buildLetter(inputs, separator);
    // Text around the blocks: white space is allowed, anything else means reading whole.
    const blocks = built.blocks.map((block) => ({
      ...block,
      start: block.start + around.length,
      end: block.end + around.length,
    }));
    return { text: around + built.text + around, blocks };
  });

/** The blocks' normalised texts, the empty ones left out. */
const normalisedBlockTexts = (letter: Letter) =>
  letter.blocks.map((block) => normaliseLegalText(block.text)).filter((text) => text !== "");

describe("a letter read block by block", () => {
  test("normalised text and offsets are those of the whole text", () => {
    fc.assert(
      fc.property(letterArb, (letter) => {
        const whole = normaliseWithOffsets(letter.text);
        const joined = normalisedLetter(letter);
        expect(joined.text).toBe(whole.text);
        for (let from = 0; from < whole.text.length; from++) {
          for (const to of [from + 1, Math.min(whole.text.length, from + 7), whole.text.length]) {
            expect(joined.range(from, to)).toEqual(sourceRange(whole, from, to));
          }
        }
        // What the sanction check reads block by block: the blocks' texts joined by one space.
        if (blocksApart(letter)) {
          expect(normalisedBlockTexts(letter).join(" ")).toBe(normaliseLegalText(letter.text));
        }
        const runs = ["du", "kontanthjælp.", "å", "jf.", "Ring!", "os.Du", "x"];
        expect(joined.holds(runs)).toEqual(new Set(runs.filter((run) => whole.text.includes(run))));
      }),
      { numRuns: RUNS }
    );
  });

  test("sentences and sanction guidance are those of the whole text", () => {
    fc.assert(
      fc.property(letterArb, (letter) => {
        if (blocksApart(letter)) {
          const texts = normalisedBlockTexts(letter);
          const sentenced = texts.map((text) => ({
            text,
            sentences: sentencesOf(text).map((sentence) => sentence.text),
            closes: closesSentence(text),
            opens: opensSentence(text),
          }));
          const across: string[] = [];
          sentencesAcross(sentenced, {
            edge: (sentence, from) => {
              across.push(sentence);
              // A block's own first or last sentence is said to be one, so its reading is reused.
              if (from) {
                const own = sentenced[from.index]!.sentences;
                expect(sentence).toBe(from.last ? own[own.length - 1] : own[0]);
              }
            },
            inner: (index) => pushAll(across, sentenced[index]!.sentences.slice(1, -1)),
          });
          const whole = sentencesOf(normaliseLegalText(letter.text));
          expect(across).toEqual(whole.map((sentence) => sentence.text));
        }
        expect(checkLetterSanctionGuidance(letter)).toEqual(checkSanctionGuidance(letter.text));
      }),
      { numRuns: RUNS }
    );
  });

  test("word entries and the hearing deadline match as in the whole text", () => {
    const tests = [
      entryTest({ forms: ["fortæl os", "kontakter jobcentret igen"] }),
      entryTest({ forms: ["sygedagpenge", "hjælp"] }),
      entryTest({ forms: ["din ydelse"] }),
    ];
    fc.assert(
      fc.property(letterArb, (letter) => {
        for (const test of tests) {
          expect(anyMatchesInLetter([test], letter)).toBe(anyMatches([test], letter.text));
        }
        expect(hasHearingDeadline(letter, undefined)).toBe(
          hasHearingDeadline(letter.text, undefined)
        );
      }),
      { numRuns: RUNS }
    );
  });

  test("a block's tests, words and sanction guidance, read from its kept reading, are the text's", () => {
    const tests = [
      entryTest({ forms: ["fortæl os", "kontakter jobcentret igen"] }),
      entryTest({ forms: ["sygedagpenge", "hjælp"] }),
      entryTest({ regex: String.raw`\bkontakt\w*` }),
    ];
    fc.assert(
      fc.property(blockText, (text) => {
        const reading = new BlockReading(text);
        const clean = normaliseWithOffsets(text).text;
        for (const test of tests) {
          expect(matchesText(test, clean, wordsOf(clean))).toBe(test.test(clean));
        }
        expect(checkBlockSanctionGuidance(reading)).toEqual(checkSanctionGuidance(text));
      }),
      { numRuns: RUNS }
    );
  });

  test("a heading runs into its paragraph as one sentence, as in the whole text", () => {
    const letter = buildLetter([
      { kind: "heading", text: "Sanktion" },
      { kind: "paragraph", text: "hvis du udebliver, trækker vi i din kontanthjælp." },
      { kind: "paragraph", text: "Du får hjælpen igen fra den dag, du kontakter os." },
    ]);
    expect(blocksApart(letter)).toBe(true);
    const check = checkLetterSanctionGuidance(letter);
    expect(check).toEqual(checkSanctionGuidance(letter.text));
    expect(check.mentionsSanction).toBe(true);
  });

  test("a compound is matched by its head as the forms say", () => {
    const forms = ["sanktion", "fradrag", "hjælp", "løn", "sygedagpenge", "os", "din ydelse"];
    const heads = forms.filter((form) => form.length >= 4 && !form.includes(" "));
    const naive = (word: string) =>
      forms.includes(word) ||
      heads.some((head) => word.length - head.length >= 3 && word.endsWith(head));
    const matcher = headMatcher(forms);
    const parts = fc.constantFrom(
      "rådigheds",
      "sanktion",
      "fradrag",
      "s",
      "hjælp",
      "løn",
      "os",
      "a",
      // Endings a head shares with other words ("aktion", "rag", "ælp").
      "ktion",
      "rag",
      "ælp",
      "dagpenge",
      "syge"
    );
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 4 }), (pieces) => {
        const word = pieces.join("");
        expect(matcher(word)).toBe(naive(word));
      }),
      { numRuns: RUNS }
    );
  });

  test("a words entry matches a form, a compound by its head, or a word group word for word", () => {
    const forms = ["fortæl os", "kontakt os igen", "sanktion", "hjælp", "os"];
    const single = headMatcher(forms.filter((form) => !form.includes(" ")));
    const groups = forms.filter((form) => form.includes(" ")).map((form) => form.split(" "));
    // The old way, the oracle: some() over the words and the groups.
    const oracle = (words: string[]) =>
      words.some(
        (word, at) =>
          single(word) ||
          groups.some((group) => group.every((part, offset) => words[at + offset] === part))
      );
    const test = entryTest({ forms });
    const word = fc.constantFrom(
      "fortæl",
      "os",
      "kontakt",
      "igen",
      "rådighedssanktion",
      "hjælpen",
      "du",
      "Os"
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (words) => {
        const text = words.join(" ");
        expect(test.test(text)).toBe(oracle(wordsOf(text)));
      }),
      { numRuns: RUNS }
    );
  });

  test("a group of words across blocks is found", () => {
    const letter = buildLetter([
      { kind: "paragraph", text: "Har du spørgsmål, så fortæl" },
      { kind: "paragraph", text: "os det." },
    ]);
    const groups = [entryTest({ forms: ["fortæl os"] })];
    expect(anyMatches(groups, letter.text)).toBe(true);
    expect(anyMatchesInLetter(groups, letter)).toBe(true);
    // Across a block without words ("–" on a line of its own), and three blocks of one word each.
    const apart = buildLetter(
      ["så fortæl", "–", "os det"].map((text) => ({ kind: "paragraph", text }))
    );
    expect(anyMatchesInLetter(groups, apart)).toBe(true);
    const three = [entryTest({ forms: ["kontakter jobcentret igen"] })];
    const words = buildLetter(
      ["kontakter", "jobcentret", "igen"].map((text) => ({ kind: "paragraph", text }))
    );
    expect(anyMatches(three, words.text)).toBe(true);
    expect(anyMatchesInLetter(three, words)).toBe(true);
  });

  test("text outside the blocks is read with the whole letter", () => {
    const letter: Letter = {
      text: "Sanktion: du mister hjælpen. Du får hjælpen igen, når du kontakter os.",
      blocks: [
        {
          kind: "paragraph",
          text: "Du får hjælpen igen, når du kontakter os.",
          start: 29,
          end: 70,
        },
      ],
    };
    expect(blocksApart(letter)).toBe(false);
    expect(normalisedLetter(letter).text).toBe(normaliseWithOffsets(letter.text).text);
    expect(checkLetterSanctionGuidance(letter)).toEqual(checkSanctionGuidance(letter.text));
    // A block whose text is not the letter's at its offsets: the letter's text counts.
    const stale: Letter = {
      text: "Vi får hjælpen.",
      blocks: [{ kind: "paragraph", text: "Du får hjælpen.", start: 0, end: 15 }],
    };
    expect(blocksApart(stale)).toBe(false);
    expect(normalisedLetter(stale).text).toBe("Vi får hjælpen.");
  });
});

describe("close matching reads only the candidate blocks", () => {
  test("a block is a candidate for a guidance text when 3 in 4 of its words are the text's", () => {
    // The old way, the oracle: one filter per word set.
    const oracle = (words: string[], sets: ReadonlySet<string>[]) =>
      sets.map((set) => {
        const share =
          words.length === 0 ? 0 : words.filter((word) => set.has(word)).length / words.length;
        return share >= 0.75;
      });
    const word = fc.constantFrom("du", "kan", "klage", "over", "afgørelsen", "inden", "4", "uger");
    const setArb = fc.array(word, { maxLength: 8 }).map((words) => new Set(words));
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 12 }),
        fc.array(setArb, { maxLength: 5 }),
        fc.nat(4),
        (words, distinct, repeat) => {
          // The same set may stand twice in a list (two versions with one approved text).
          const sets =
            distinct.length > 0 ? [...distinct, distinct[repeat % distinct.length]!] : [];
          expect(nearlyAllIn(words, sets)).toEqual(oracle(words, sets));
        }
      ),
      { numRuns: RUNS }
    );
  });

  test("runs of candidate blocks are the maximal runs of consecutive free candidates", () => {
    const blocksArb = fc.array(
      fc.record({
        free: fc.boolean(),
        flags: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      }),
      { maxLength: 30 }
    );
    fc.assert(
      fc.property(blocksArb, fc.nat(2), (blocks, at) => {
        // As the whole letter was read before: every block, a run broken by any other block.
        const expected: [number, number][] = [];
        let from = -1;
        blocks.forEach((block, index) => {
          if (block.free && block.flags[at]) {
            if (from < 0) from = index;
          } else if (from >= 0) {
            expected.push([from, index - 1]);
            from = -1;
          }
        });
        if (from >= 0) expected.push([from, blocks.length - 1]);
        const hits = blocks.flatMap((block, index) =>
          block.free && block.flags.includes(true) ? [{ index, flags: block.flags }] : []
        );
        expect(candidateRuns(hits, at)).toEqual(expected);
      }),
      { numRuns: RUNS }
    );
  });
});
