import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import {
  compilePhrase,
  matchPhrase,
  PhraseIndex,
  wordTokens,
} from "../../../src/engine/linguistics/phrase.js";

/** The text a phrase matches at the first token where it matches, or undefined. */
function firstMatch(source: string, text: string, slots = {}): string | undefined {
  const phrase = compilePhrase(source);
  const tokens = wordTokens(text);
  for (let index = 0; index < tokens.length; index++) {
    const match = matchPhrase(phrase, tokens, index, text, slots);
    if (match) return text.slice(match.start, match.end);
  }
  return undefined;
}

describe("phrase grammar", () => {
  test("words match whole words, case-insensitively, across white space", () => {
    expect(firstMatch("i henhold til", "Det sker I HENHOLD\nTIL loven.")).toBe("I HENHOLD\nTIL");
    expect(firstMatch("samt", "en samtale")).toBeUndefined();
  });

  test("a capital in the phrase must match exactly: De is formal, de is plural", () => {
    expect(firstMatch("De bedes", "Hvis de bedes om det")).toBeUndefined();
    expect(firstMatch("De bedes", "De bedes ringe.")).toBe("De bedes");
  });

  test("(a|b) and [optional] expand into readings, longest first", () => {
    const phrase = compilePhrase("det [skal] (bemærkes|understreges), at");
    // [skal] doubles the readings; a choice of single words is one token test.
    expect(phrase.sequences.map((s) => s.length)).toEqual([4, 3]);
    expect(phrase.sequences[0]![2]).toMatchObject({ kind: "set", name: "(bemærkes|understreges)" });
    expect(
      firstMatch("det [skal] (bemærkes|understreges), at", "Det skal understreges, at du kommer.")
    ).toBe("Det skal understreges, at");
    expect(
      firstMatch("det [skal] (bemærkes|understreges), at", "Det bemærkes, at du kommer.")
    ).toBe("Det bemærkes, at");
    // The comma of the phrase must be in the text.
    expect(
      firstMatch("det [skal] (bemærkes|understreges), at", "Det bemærkes at du kommer.")
    ).toBeUndefined();
  });

  test("@vocabulary takes every form of a shared vocabulary", () => {
    expect(firstMatch("senest @weekdays", "Svar senest mandag.")).toBe("senest mandag");
    expect(firstMatch("senest @weekdays", "Svar senest i morgen.")).toBeUndefined();
  });

  test("{slot} takes one word the caller's test accepts", () => {
    const slots = { v: (token: { lower: string }) => token.lower.endsWith("e") };
    expect(firstMatch("du bedes {v}", "Du bedes sende skemaet.", slots)).toBe("Du bedes sende");
    expect(firstMatch("du bedes {v}", "Du bedes straks ringe.", slots)).toBeUndefined();
    // A slot nobody defined never matches.
    expect(firstMatch("du bedes {x}", "Du bedes sende skemaet.", slots)).toBeUndefined();
  });

  test("^ only at the start of a sentence or after a colon", () => {
    expect(firstMatch("^undertegnede", "Undertegnede har set sagen.")).toBe("Undertegnede");
    expect(firstMatch("^undertegnede", "Ring til undertegnede.")).toBeUndefined();
    expect(firstMatch("^undertegnede", "Bemærk: undertegnede har ferie.")).toBe("undertegnede");
  });

  test("an abbreviation's full stop outside the word still matches", () => {
    expect(firstMatch("jf.", "Det følger af loven, jf.")).toBe("jf.");
  });

  test("bad phrases fail with a clear message", () => {
    expect(() => compilePhrase("{v} bedes")).toThrow('"{v} bedes" must start with a word');
    expect(() => compilePhrase("(a|b")).toThrow('missing ")"');
    expect(() => compilePhrase("a | b")).toThrow('"|" outside ( )');
    expect(() => compilePhrase("[a] [b] [c] [d] [e] [f] [g]")).toThrow("readings");
    // Choices of single words are sets: many of them stay one reading.
    expect(compilePhrase("(a|b) (c|d) (e|f) (g|h) (i|j) (k|l) (m|n)").sequences).toHaveLength(1);
  });

  test("an index finds non-overlapping matches left to right, longest first", () => {
    const index = new PhraseIndex(
      ["rette henvendelse", "rette henvendelse til", "til"].map((source) => ({
        phrase: compilePhrase(source),
        payload: source,
      }))
    );
    const text = "Du kan rette henvendelse til os eller gå til kontoret.";
    const found = index.find(wordTokens(text), text);
    expect(found.map((match) => [text.slice(match.start, match.end), match.item.payload])).toEqual([
      ["rette henvendelse til", "rette henvendelse til"],
      ["til", "til"],
    ]);
    // A rule may turn a match down; the next candidate is tried.
    const shorter = index.find(wordTokens(text), text, {
      accept: (match, item) =>
        item.payload === "rette henvendelse til" ? undefined : item.payload,
    });
    expect(shorter).toEqual(["rette henvendelse", "til", "til"]);
  });
});

describe("wordTokens", () => {
  // The tokens as the pattern and a trailing-mark replace on every word made them (the replace
  // now runs only on a word that ends in a hyphen or an apostrophe).
  const oracle = (text: string) =>
    [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)].map((match) => {
      const word = match[0].replace(/[-'’]+$/u, "");
      return {
        text: word,
        lower: word.toLowerCase(),
        start: match.index,
        end: match.index + word.length,
      };
    });

  test("are the pattern's words on every corpus and fixture letter", () => {
    const folders = ["test/fixtures/letters", "test/corpus/letters"];
    const texts = folders.flatMap((folder) =>
      readdirSync(folder)
        .filter((name) => /\.(txt|md)$/u.test(name))
        .map((name) => readFileSync(`${folder}/${name}`, "utf8"))
    );
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) expect(wordTokens(text)).toEqual(oracle(text));
  });

  test("are the words with their trailing hyphens and apostrophes cut, on random text", () => {
    const piece = fc.constantFrom(
      "Du",
      " ",
      "social-",
      "og",
      "-",
      "'",
      "’",
      "Danmark’s",
      "Ø",
      "é",
      "2.",
      "a\u0301",
      "--",
      "’’",
      // Beyond Latin: an astral letter, lone surrogates, a lone mark, Arabic digits, a titlecase digraph.
      "𝐀",
      "\ud835",
      "\udc00",
      "\u0301",
      "٣",
      "ǅ",
      "x"
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        expect(wordTokens(text)).toEqual(oracle(text));
      }),
      { numRuns: 1000 }
    );
  });
});
