import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import {
  gateOf,
  mayMatch,
  mayMatchAmongMany,
  requiredLiterals,
} from "../../src/engine/rules/regex-gate.js";
import { GATED_PATTERNS } from "../../src/engine/rules/essentials/decision-cues.js";
import * as essentials from "../../src/engine/rules/essentials/patterns.js";

/**
 * The gate may only say "cannot match" where the pattern really cannot: on every text where the
 * pattern matches, its gate matches too. Checked on the essentials' own patterns over every corpus
 * letter and its sentences, and on random patterns of the same syntax over random texts.
 */

const RUNS = Number(process.env.KLARBREV_PROPERTY_RUNS ?? 300);

const texts = ["test/fixtures/letters", "test/corpus/letters"].flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => /\.(txt|md)$/u.test(name))
    .map((name) => readFileSync(`${folder}/${name}`, "utf8"))
);
const pieces = texts.flatMap((text) => [
  text,
  ...text.split(/\n\s*\n/u),
  ...text.split(/(?<=[.!?])\s+|\n+/u),
]);

/** Whether a pattern matches anywhere, whatever its flags and state. */
function matchesAnywhere(pattern: RegExp, text: string): boolean {
  const flags = [...pattern.flags].filter((flag) => flag !== "g" && flag !== "y").join("");
  return new RegExp(pattern.source, flags).test(text);
}

describe("requiredLiterals", () => {
  test.each([
    ["besluttet", ["besluttet"]],
    ["(?:har|er)\\s+besluttet", ["besluttet"]],
    ["(?<![\\p{L}])(?:vi|jobcentret)\\s+(?:trækker|stopper)", ["stopper", "trækker"]],
    ["du\\s+får\\s+(?:ikke\\s+)?afslag", ["afslag"]],
    ["(?:mød\\s+op|kom|mødes)", ["kom", "mød"]],
    ["a\\.b\\.c", ["a.b.c"]],
    ["ab\\b(?=defg)", ["defg"]],
    ["(?:abc){2}", ["abcabc"]],
    ["\\u00e6bler", ["æbler"]],
    // An escaped surrogate pair is one code point in u mode: the quantifier repeats both halves.
    ["abc\\uD83D\\uDE42+", ["abc"]],
    ["abc\\ud83d\\ude42{2}", ["abc🙂🙂"]],
  ])("%s needs one of %j", (source, literals) => {
    expect(requiredLiterals(source)?.sort()).toEqual([...literals].sort());
  });

  test.each([
    "\\p{L}+\\s+\\d{4}",
    "(?:abc)?",
    "abc|d",
    "abc|\\s+",
    "(?!abcdef)x",
    "ab",
    "[abc]{3}",
    "(?i:abc)",
  ])("%s has no gate", (source) => {
    expect(requiredLiterals(source)).toBeUndefined();
  });

  test("a literal that contains another one is left out", () => {
    expect(requiredLiterals("(?:afgørelse|afgørelsen|klage)")).toEqual(["klage", "afgørelse"]);
  });
});

describe("the gates of the essentials' patterns and the letter-type cues", () => {
  const patterns = [
    ...Object.values(essentials).filter((value): value is RegExp => value instanceof RegExp),
    ...essentials.DECISION_CUES.map((cue) => cue.scan),
    ...essentials.REMOTE_SCANS.map((remote) => remote.scan),
    ...essentials.BODY_CUES.map((cue) => cue.pattern),
    ...essentials.SUBJECT_CUES.map((cue) => cue.pattern),
    ...GATED_PATTERNS,
  ];

  test("most patterns have a gate", () => {
    const gated = patterns.filter((pattern) => gateOf(pattern) !== undefined);
    expect(gated.length).toBeGreaterThan(patterns.length / 2);
  });

  test("no gate says no where its pattern matches, on every corpus letter, block and sentence", () => {
    expect(pieces.length).toBeGreaterThan(500);
    let closed = 0;
    let matched = 0;
    for (const pattern of patterns) {
      for (const text of pieces) {
        const matches = matchesAnywhere(pattern, text);
        if (matches) matched++;
        if (!mayMatch(pattern, text) || !mayMatchAmongMany(pattern, text)) {
          closed++;
          expect({ pattern: pattern.source, text, matches }).toEqual({
            pattern: pattern.source,
            text,
            matches: false,
          });
        }
      }
    }
    // The gates do close, and the patterns do match: the check is not empty.
    expect(closed).toBeGreaterThan(1000);
    expect(matched).toBeGreaterThan(100);
  });
});

/**
 * Random patterns in the syntax the rule files use, each with a text it is meant to match (its
 * witness: for each part, one string that part matches), so that most samples do match.
 */
type Piece = [source: string, witness: string];
const literal = fc.constantFrom<Piece>(
  ["a", "a"],
  ["b", "b"],
  ["A", "A"],
  ["æ", "æ"],
  ["\\.", "."],
  ["\\u00e6", "æ"],
  ["\\x62", "b"],
  ["\\uD83D\\uDE42", "🙂"],
  ["🙂", "🙂"],
  [" ", " "]
);
const quantifier = fc.constantFrom<[string, number]>(
  ["", 1],
  ["*", 2],
  ["+", 1],
  ["?", 0],
  ["{2}", 2],
  ["{1,2}", 1],
  ["{0,2}?", 0],
  ["+?", 2]
);
const join = (pieces: readonly Piece[]): Piece => [
  pieces.map((piece) => piece[0]).join(""),
  pieces.map((piece) => piece[1]).join(""),
];
const piece: fc.Arbitrary<Piece> = fc.letrec<{ node: Piece }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    literal,
    fc.array(literal, { minLength: 1, maxLength: 6 }).map(join),
    fc.constantFrom<Piece>(
      ["\\s", " "],
      ["\\p{L}", "b"],
      ["[ab]", "a"],
      ["[^a]", "b"],
      [".", "a"],
      ["\\b", ""],
      ["^", ""],
      ["$", ""],
      ["\\d", "1"]
    ),
    fc
      .tuple(tie("node"), quantifier)
      .map(([[source, witness], [quantifier, times]]): Piece => [
        `(?:${source})${quantifier}`,
        witness.repeat(times),
      ]),
    // A quantifier right after one literal atom (it repeats that atom: one code point, or an
    // escape, or an escaped surrogate pair), after literals that run into it.
    fc
      .tuple(fc.array(literal, { maxLength: 4 }).map(join), literal, quantifier)
      .map(([[before, witnessBefore], [source, witness], [quantifier, times]]): Piece => [
        `${before}${source}${quantifier}`,
        witnessBefore + witness.repeat(times),
      ]),
    fc
      .tuple(
        fc.constantFrom("(?:", "(", "(?=", "(?!", "(?<=", "(?<!"),
        fc.array(fc.array(tie("node"), { minLength: 0, maxLength: 4 }).map(join), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.nat()
      )
      .map(([open, options, pick]): Piece => [
        `${open}${options.map((option) => option[0]).join("|")})`,
        open === "(?:" || open === "(" ? options[pick % options.length]![1] : "",
      ])
  ),
})).node;
const noise = fc
  .array(fc.constantFrom("a", "b", "A", "B", "æ", "Æ", ".", " ", "\n", "1", "🙂"), {
    maxLength: 12,
  })
  .map((chars) => chars.join(""));

describe("gates of random patterns", () => {
  test("where a pattern matches, its gate matches", () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(piece, { minLength: 1, maxLength: 5 }).map(join), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.nat(),
        fc.constantFrom("u", "iu", "giu"),
        noise,
        noise,
        (options, pick, flags, before, after) => {
          const source = options.map((option) => option[0]).join("|");
          const sample = before + options[pick % options.length]![1] + after;
          const pattern = new RegExp(source, flags);
          const gate = gateOf(pattern);
          if (!gate || !matchesAnywhere(pattern, sample)) return;
          checked++;
          expect({ source, flags, sample, gate: gate.test(sample) }).toEqual({
            source,
            flags,
            sample,
            gate: true,
          });
        }
      ),
      { numRuns: RUNS * 10 }
    );
    expect(checked).toBeGreaterThan(RUNS);
  });
});

describe("the literal index (one pass for every gate on Latin text)", () => {
  const patterns = [
    ...Object.values(essentials).filter((value): value is RegExp => value instanceof RegExp),
    ...essentials.DECISION_CUES.map((cue) => cue.scan),
    ...essentials.BODY_CUES.map((cue) => cue.pattern),
    ...GATED_PATTERNS,
  ].filter((pattern) => gateOf(pattern) !== undefined);

  test("answers as the gate patterns do, on every corpus block and sentence", () => {
    let open = 0;
    for (const text of pieces)
      for (const pattern of patterns) {
        const expected = gateOf(pattern)!.test(text);
        if (expected) open++;
        if (mayMatchAmongMany(pattern, text) !== expected)
          expect({ pattern: pattern.source, text, gate: !expected }).toEqual({
            pattern: pattern.source,
            text,
            gate: expected,
          });
      }
    expect(open).toBeGreaterThan(1000);
  });

  test("answers as the gate patterns do on random text: case, ſ, the Kelvin and Ångström signs, İ, Σ", () => {
    const words = [...new Set(patterns.flatMap((pattern) => gateOf(pattern)!.source.split("|")))]
      .filter((word) => /^[\p{L}]+$/u.test(word))
      .slice(0, 60);
    expect(words.length).toBeGreaterThan(20);
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((word) => word.toUpperCase()),
      fc.constantFrom(...words).map((word) => word.charAt(0).toUpperCase() + word.slice(1)),
      fc.constantFrom(
        " ",
        "\n",
        ".",
        "ſ",
        "\u212a",
        "\u212b",
        "İ",
        "Σ",
        "æ",
        "Å",
        "–",
        "🙂",
        "s",
        "k"
      )
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        for (const pattern of patterns)
          expect([pattern.source, text, mayMatchAmongMany(pattern, text)]).toEqual([
            pattern.source,
            text,
            gateOf(pattern)!.test(text),
          ]);
      }),
      { numRuns: RUNS }
    );
  });
});
