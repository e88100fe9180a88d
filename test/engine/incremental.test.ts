import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { analyzeText, createIncrementalAnalyzer } from "../../src/engine/index.js";
import type { AnalyzeOptions } from "../../src/engine/index.js";
import { loadLegalRegistry } from "../../src/templates/library.js";
import { letterOfPages } from "../../bench/taskpane.bench.js";
import limit from "../../src/engine/analysis-limit.json" with { type: "json" };

/**
 * Issue 11 §6: the incremental analyser (per-block cache) returns exactly what analyzeText
 * returns, for real Danish letters under random edits, and its cache stays bounded.
 */
const DIRS = ["../fixtures/letters", "../corpus/letters"].map(
  (dir) => new URL(dir + "/", import.meta.url)
);
const LETTERS = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => /\.(txt|md)$/u.test(name))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, dir), "utf8") }))
);

/** Words that trigger rules (officialese, threats, obligations, citations, dates) and plain ones. */
const WORDS = [
  "såfremt",
  "VIGTIGT",
  "Det bemærkes, at",
  "skal",
  "De",
  "jf. § 13",
  "mister du din hjælp",
  "indkaldes",
  "mandag",
  "kl. 10.00",
  "den 4. januar 2027",
  "godt",
  "Med venlig hilsen",
  "behandlingen",
  "og",
];

const RUNS = Number(process.env.KLARBREV_PROPERTY_RUNS ?? 40);

type EditKind = "insert" | "delete" | "split" | "merge" | "legal" | "date";

interface EditSpec {
  kind: EditKind;
  at: number;
  word: number;
}

const editArb: fc.Arbitrary<EditSpec> = fc.record({
  kind: fc.constantFrom<EditKind>("insert", "delete", "split", "merge", "legal", "date"),
  at: fc.nat(),
  word: fc.nat(WORDS.length - 1),
});

/** The n-th (mod count) match of a pattern, or undefined. */
function nth(text: string, pattern: RegExp, n: number): RegExpExecArray | undefined {
  const all = [...text.matchAll(pattern)];
  return all.length === 0 ? undefined : (all[n % all.length] as RegExpExecArray);
}

function applyEdit(text: string, { kind, at, word }: EditSpec): string {
  const splice = (start: number, end: number, insert: string) =>
    text.slice(0, start) + insert + text.slice(end);
  switch (kind) {
    case "insert": {
      const space = nth(text, / /gu, at);
      return space ? splice(space.index, space.index + 1, ` ${WORDS[word]} `) : text;
    }
    case "delete": {
      const found = nth(text, / [\p{L}\d.§-]+/gu, at);
      return found ? splice(found.index, found.index + found[0].length, "") : text;
    }
    case "split": {
      const stop = nth(text, /\. (?=\p{Lu})/gu, at);
      return stop ? splice(stop.index, stop.index + 2, ".\n\n") : text;
    }
    case "merge": {
      const gap = nth(text, /\n\n/gu, at);
      return gap ? splice(gap.index, gap.index + 2, " ") : text;
    }
    case "legal": {
      const open = nth(text, /<!-- klarbrev:legal[^>]*-->\n/gu, at);
      if (!open) return applyEdit(text, { kind: "insert", at, word });
      const inside = text.indexOf(" ", open.index + open[0].length + (at % 200));
      return inside < 0 ? text : splice(inside, inside + 1, ` ${WORDS[word]} `);
    }
    case "date": {
      const date = nth(
        text,
        /\b\d{1,2}\. (?:januar|marts|april|juni|november|december) \d{4}/gu,
        at
      );
      if (!date) return applyEdit(text, { kind: "insert", at, word });
      const day = 1 + ((at + word) % 28);
      return splice(
        date.index,
        date.index + date[0].length,
        date[0].replace(/^\d{1,2}/u, String(day))
      );
    }
  }
}

let options: AnalyzeOptions;

beforeAll(async () => {
  const { registry } = await loadLegalRegistry(
    new URL("../../templates", import.meta.url).pathname
  );
  options = { legal: { registry } };
});

const formatOf = (name: string) => (name.endsWith(".md") ? "md" : "txt") as "md" | "txt";

describe("incremental analysis equals analyzeText (issue 11 §6)", () => {
  test("every fixture and corpus letter, analysed twice, gives analyzeText's result", () => {
    for (const { name, text } of LETTERS) {
      const format = formatOf(name);
      const incremental = createIncrementalAnalyzer({ ...options, format });
      const expected = analyzeText(text, { ...options, format });
      expect([name, incremental.analyze(text)]).toStrictEqual([name, expected]);
      // The second time everything comes from the cache.
      expect([name, incremental.analyze(text)]).toStrictEqual([name, expected]);
      expect(incremental.lastRun()).toMatchObject({ parsed: 0, analysed: 0, fallback: false });
    }
  });

  test(`random edits (word, paragraph split/merge, guidance, date line): ${RUNS} runs`, () => {
    let cached = 0;
    fc.assert(
      fc.property(
        fc.nat(LETTERS.length - 1),
        fc.array(editArb, { minLength: 1, maxLength: 5 }),
        (pick, edits) => {
          const { name, text } = LETTERS[pick]!;
          const format = formatOf(name);
          const incremental = createIncrementalAnalyzer({ ...options, format });
          let current = text;
          incremental.analyze(current);
          for (const edit of edits) {
            current = applyEdit(current, edit);
            const actual = incremental.analyze(current);
            const expected = analyzeText(current, { ...options, format });
            expect(actual).toStrictEqual(expected);
            const run = incremental.lastRun();
            expect(run.fallback).toBe(false);
            if (run.analysed < run.blocks) cached++;
          }
        }
      ),
      { numRuns: RUNS }
    );
    // The property is about the cache: most analyses reused blocks.
    expect(cached).toBeGreaterThan(RUNS / 2);
  }, 300_000);

  test("with rules switched off and on, ignored words and another LIX target", () => {
    const variants: AnalyzeOptions[] = [
      { disable: ["plain/passive", "threat/warning"], enable: ["threat/duty"] },
      { ignore: ["såfremt", "Det bemærkes, at"], lixTarget: 30, referenceDate: "2026-11-01" },
      { language: "da" },
    ];
    fc.assert(
      fc.property(
        fc.nat(LETTERS.length - 1),
        fc.nat(variants.length - 1),
        fc.array(editArb, { minLength: 1, maxLength: 3 }),
        (pick, variant, edits) => {
          const { name, text } = LETTERS[pick]!;
          const settings = { ...options, ...variants[variant]!, format: formatOf(name) };
          const incremental = createIncrementalAnalyzer(settings);
          let current = text;
          expect(incremental.analyze(current)).toStrictEqual(analyzeText(current, settings));
          for (const edit of edits) {
            current = applyEdit(current, edit);
            expect(incremental.analyze(current)).toStrictEqual(analyzeText(current, settings));
          }
        }
      ),
      { numRuns: Math.ceil(RUNS / 2) }
    );
  }, 300_000);

  test("odd input: empty, a byte-order mark, one word, CRLF and lone CR line breaks, over the limit", () => {
    const sample = LETTERS.find(({ name }) => name === "indkaldelse-foer.txt")!.text;
    const inputs = [
      "",
      "\uFEFF",
      "Hej",
      sample.replace(/\n/gu, "\r\n"),
      sample.replace(/\n/gu, "\r"),
      "\uFEFF" + sample,
      // Past the analysis limit (about 200 pages): the head is analysed, the rest is not.
      `${sample}\n\n`.repeat(Math.ceil(limit.maxChars / sample.length) + 1),
    ];
    const incremental = createIncrementalAnalyzer(options);
    for (const input of inputs) {
      expect(incremental.analyze(input)).toStrictEqual(analyzeText(input, options));
    }
  }, 120_000);

  test("a one-word edit in a 10-page letter re-parses and re-analyses one block", async () => {
    const ten = await letterOfPages(new URL("../..", import.meta.url).pathname, 10);
    const incremental = createIncrementalAnalyzer(options);
    incremental.analyze(ten);
    const edited = ten.replace("Du bedes", "Du skal");
    expect(edited).not.toBe(ten);
    const actual = incremental.analyze(edited);
    const run = incremental.lastRun();
    console.log(`10 pages, one-word edit: ${JSON.stringify(run)}`);
    expect(run).toMatchObject({ parsed: 1, analysed: 1, fallback: false });
    expect(run.blocks).toBeGreaterThan(30);
    expect(actual).toStrictEqual(analyzeText(edited, options));
  });

  test("step timings only when asked for, and the result is the same", () => {
    const text = LETTERS[0]!.text;
    const plain = createIncrementalAnalyzer(options);
    plain.analyze(text);
    expect(plain.lastRun().timings).toBeUndefined();
    const timed = createIncrementalAnalyzer(options, { timings: true });
    expect(timed.analyze(text)).toStrictEqual(analyzeText(text, options));
    const steps = timed.lastRun().timings ?? {};
    for (const step of ["classify", "start", "place", "retextLegal", "finish"]) {
      expect([step, typeof steps[step]]).toEqual([step, "number"]);
    }
  });

  test("the cache holds the blocks of the last two letters only", () => {
    const incremental = createIncrementalAnalyzer(options);
    let largest = 0;
    let previous = 0;
    for (const { name, text } of LETTERS.filter(({ name }) => name.endsWith(".txt"))) {
      incremental.analyze(text);
      const blocks = incremental.lastRun().blocks;
      // Per block: its name, its parse, its placed nodes, its facts and one entry per block-local
      // rule (5), for this letter and the last one.
      expect([name, incremental.cacheSize() <= 9 * (blocks + previous)]).toEqual([name, true]);
      largest = Math.max(largest, incremental.cacheSize());
      previous = blocks;
    }
    expect(largest).toBeGreaterThan(0);
    incremental.clear();
    expect(incremental.cacheSize()).toBe(0);
  });
});
