import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import generated from "../../src/engine/generated/matchers.json" with { type: "json" };
import { danishBoundaries } from "../../src/engine/rules/legal/sanction.js";
import {
  FoldedRegExp,
  foldedRegExp,
  foldLatin,
  LatinFoldedRegExp,
  latinSource,
} from "../../src/engine/util/folded-regexp.js";
import { matchersOf } from "../../src/engine/rules/matchers.js";

/** Every match as [offset, length], the way the rules use them. */
function spans(pattern: RegExp, text: string): [number, number][] {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  return [...text.matchAll(global)].map((match) => [match.index, match[0].length]);
}

function foldedSpans(pattern: FoldedRegExp, text: string): [number, number][] {
  const { pattern: picked, text: subject } = pattern.pick(text, foldLatin(text));
  return spans(picked, subject);
}

/** The `regex` entries of every Danish rule file, as the rules compile them (unfolded). */
const SANCTION_PATTERNS = Object.values(
  (generated as unknown as { da: Record<string, { regex?: string }[]> }).da
)
  .flat()
  .flatMap((matcher) => (matcher.regex === undefined ? [] : [matcher.regex]))
  .map(
    (pattern) => new RegExp(danishBoundaries(pattern).replaceAll("\\w", "[\\p{L}\\p{N}_]"), "giu")
  )
  // Only those the folding can translate (the others run as written, so there is nothing to compare).
  .filter((pattern) => latinSource(pattern.source) !== undefined);

test("the rule files hold enough regex entries for the comparisons to mean something", () => {
  expect(SANCTION_PATTERNS.length).toBeGreaterThan(10);
});

function corpusTexts(): string[] {
  const folders = ["test/fixtures/letters", "test/corpus/letters"];
  return folders.flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => /\.(txt|md)$/u.test(name))
      .map((name) => readFileSync(`${folder}/${name}`, "utf8"))
  );
}

test("every Latin character matches a lower-case letter as case-insensitive matching does", () => {
  // The letters the patterns are written with, and their neighbours in case folding.
  const letters = [..."abcdefghijklmnopqrstuvwxyzæøåéüöäßµ", "ſ"];
  const patterns = letters.map((letter) => ({
    letter,
    full: new RegExp(`^${letter}$`, "iu"),
    fast: new FoldedRegExp(`^${letter}$`, "iu"),
  }));
  const letterOrDigit = new FoldedRegExp("^[\\p{L}\\p{N}]$", "iu");
  let checked = 0;
  for (let code = 0; code < 0x250; code++) {
    const ch = String.fromCharCode(code);
    const folded = foldLatin(ch);
    if (folded === undefined) continue;
    for (const { letter, full, fast } of patterns) {
      expect([ch, letter, fast.test(ch, folded)]).toEqual([ch, letter, full.test(ch)]);
      checked++;
    }
    expect([ch, /^[\p{L}\p{N}]$/iu.test(ch)]).toEqual([ch, letterOrDigit.test(ch, folded)]);
  }
  expect(checked).toBeGreaterThan(500 * letters.length);
});

test("text outside the Latin range, or longer in lower case, takes the pattern as written", () => {
  expect(foldLatin("Du får et fradrag")).toBe("du får et fradrag");
  expect(foldLatin("Sanktion")).toBe("sanktion");
  expect(foldLatin("İstanbul")).toBeUndefined();
  expect(foldLatin("Fradrag — 3 dage")).toBeUndefined();
  const pattern = new FoldedRegExp("\\bfradrag\\w*", "giu");
  expect(pattern.pick("Fradrag — 3 dage", undefined).pattern.flags).toBe("giu");
  expect(pattern.pick("Fradrag", "fradrag").pattern.flags).toBe("gu");
});

test("sources it cannot translate exactly keep only the pattern as written", () => {
  expect(latinSource("\\p{Lu}\\w+")).toBeUndefined();
  expect(latinSource("\\u00C6ndring")).toBeUndefined();
  expect(latinSource("[A-z]+")).toBeUndefined();
  expect(latinSource("(?:løn|SU)\\b")).toBe("(?:løn|su)\\b");
  expect(latinSource("\\S+\\W")).toBe("\\S+\\W");
});

test("the rule files' regex entries find the same spans on every corpus letter", () => {
  const texts = corpusTexts();
  expect(texts.length).toBeGreaterThan(20);
  let matches = 0;
  for (const pattern of SANCTION_PATTERNS) {
    const folded = new FoldedRegExp(pattern.source, pattern.flags);
    for (const text of texts) {
      const expected = spans(pattern, text);
      matches += expected.length;
      expect(foldedSpans(folded, text)).toEqual(expected);
    }
  }
  expect(matches).toBeGreaterThan(100);
});

test("the rule files' regex entries find the same spans on random Latin text", () => {
  // Words of the patterns in any case, with Latin letters, digits and punctuation between them.
  const words = [
    "fradrag",
    "SANKTION",
    "Nedsat",
    "hjælp",
    "trækker",
    "fra",
    "ydelse",
    "stopper",
    "ſtandſes",
    "ophør",
    "får du ikke",
    "Løn",
    "SU",
    "igen fra den dag",
    "udeblivelse",
  ];
  const pieces = fc.oneof(
    fc.constantFrom(...words),
    fc.constantFrom(" ", ", ", ". ", "\n", "-", "_", "1", "Æ", "ÿ", "Ǆ", "ß", "µ", "ª", "²")
  );
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
      const text = parts.join("");
      for (const pattern of SANCTION_PATTERNS) {
        const folded = new FoldedRegExp(pattern.source, pattern.flags);
        expect(foldedSpans(folded, text)).toEqual(spans(pattern, text));
      }
    }),
    { numRuns: 300 }
  );
});

/** Every `exec` result of a scan, as plain data (match strings, index, named groups). */
function execAll(pattern: RegExp, text: string): unknown[] {
  const results: unknown[] = [];
  pattern.lastIndex = 0;
  if (!pattern.global && !pattern.sticky) {
    const match = pattern.exec(text);
    return match ? [[...match], match.index, match.input === text, { ...match.groups }] : [];
  }
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    results.push([[...match], match.index, match.input === text, { ...match.groups }]);
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return results;
}

/** The threat rule files' regex entries (legal citations, phone numbers, N.B.), as the rules build them. */
function threatPatterns(): RegExp[] {
  const rules = ["threat/legal-citation", "threat/sanction", "threat/warning", "threat/obligation"];
  return rules.flatMap((rule) =>
    matchersOf(rule).flatMap(({ regex }) => {
      if (regex === undefined) return [];
      const source = `(?<![\\p{L}\\p{N}])(?:${regex})(?![\\p{L}\\p{N}])`;
      return [new RegExp(source, "giu"), new RegExp(source, "iu")];
    })
  );
}

test("a folded RegExp gives exactly what the pattern as written gives, on every corpus letter", () => {
  const named = new RegExp("(?<![\\p{L}])(?<verb>stopper|standser)\\s+(?<object>\\p{L}+)", "giu");
  const patterns = [...SANCTION_PATTERNS, ...threatPatterns(), named].map(
    (pattern) => new RegExp(pattern.source, pattern.flags)
  );
  const texts = [...corpusTexts(), "Vi STOPPER hjælpen. Vi ſtandſer Ydelsen — İ dag stopper alt."];
  let matches = 0;
  for (const written of patterns) {
    const folded = foldedRegExp(written.source, written.flags);
    expect(folded).toBeInstanceOf(LatinFoldedRegExp);
    for (const text of texts) {
      const expected = execAll(written, text);
      matches += expected.length;
      expect(execAll(folded, text)).toEqual(expected);
    }
  }
  expect(matches).toBeGreaterThan(150);
});

test("a folded RegExp works with test, matchAll, replace, split and sticky matching", () => {
  const text = "Hvis du udebliver, STOPPER vi din hjælp. Vi stopper ikke din løn.";
  const source = "(?<![\\p{L}])(stopper)\\s+(\\p{L}+)";
  const written = new RegExp(source, "giu");
  const folded = foldedRegExp(source, "giu");
  expect(folded.test(text)).toBe(written.test(text));
  expect(folded.lastIndex).toBe(written.lastIndex);
  folded.lastIndex = written.lastIndex = 0;
  expect([...text.matchAll(folded)].map((m) => [...m])).toEqual(
    [...text.matchAll(written)].map((m) => [...m])
  );
  expect(text.replace(folded, "[$1|$2]")).toBe(text.replace(written, "[$1|$2]"));
  expect(text.split(foldedRegExp("\\s*stopper\\s*", "iu"))).toEqual(text.split(/\s*stopper\s*/iu));
  const sticky = foldedRegExp("stopper", "iuy");
  sticky.lastIndex = text.indexOf("STOPPER");
  expect(sticky.exec(text)?.[0]).toBe("STOPPER");
  expect(sticky.lastIndex).toBe(text.indexOf("STOPPER") + 7);
  expect(sticky.exec(text)).toBeNull();
  expect(foldedRegExp("[A-Z]\\p{Lu}", "iu")).not.toBeInstanceOf(LatinFoldedRegExp);
  expect(foldedRegExp("stopper", "u")).not.toBeInstanceOf(LatinFoldedRegExp);
});

test("group names keep their case in the fast form", () => {
  expect(latinSource("(?<dayOf>\\d+)\\.?\\s*(?<Måned>Jan)")).toBe(
    "(?<dayOf>\\d+)\\.?\\s*(?<Måned>jan)"
  );
  const pattern = foldedRegExp("(?<dayOf>\\d+)\\.\\s*(?<monthName>JAN\\p{L}*)", "iu");
  expect(pattern.exec("den 3. Januar")?.groups).toEqual({ dayOf: "3", monthName: "Januar" });
});

test("a pattern without groups gives the whole match, with and without the d flag", () => {
  const text = "Du får et FRADRAG i hjælpen (se [a]).";
  for (const source of ["fradrag\\p{L}*", "(?:fradrag|hjælp)\\p{L}*", "[(]se (?=\\[)", "\\(se"]) {
    for (const flags of ["giu", "iu", "giud"]) {
      const written = new RegExp(source, flags);
      const folded = foldedRegExp(source, flags);
      expect(execAll(folded, text)).toEqual(execAll(written, text));
      folded.lastIndex = written.lastIndex = 0;
      expect(folded.exec(text)?.indices).toEqual(written.exec(text)?.indices);
    }
  }
});
