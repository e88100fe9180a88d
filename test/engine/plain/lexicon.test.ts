import { readFileSync } from "node:fs";
import { ParseLatin } from "parse-latin";
import { classifyText } from "../../../src/engine/letter/classify.js";
import { danishParagraphPlugin } from "../../../src/engine/nlcst/danish-sentences.js";
import { parseLetter } from "../../../src/engine/nlcst/letter-parser.js";
import { agreementOf, activePresent, imperative } from "../../../src/engine/rules/plain/grammar.js";
import {
  OFFICIALESE_ENTRIES,
  compileLexicon,
  findOfficialese,
  officialeseLexicon,
  type OfficialeseEntry,
} from "../../../src/engine/rules/plain/lexicon.js";
import { plainSentences, type Token } from "../../../src/engine/rules/plain/tokens.js";
import { nominalisationBase } from "../../../src/engine/rules/plain/nominalisation.js";
import { timeBound } from "../../support/time-bound.js";

/** The officialese matches of a one-paragraph text, as [matched text, replacement]. */
function matches(text: string): [string, string | undefined][] {
  const letter = classifyText(text);
  const parser = new ParseLatin();
  parser.tokenizeParagraphPlugins.unshift(danishParagraphPlugin);
  const tree = parseLetter(parser, letter);
  return plainSentences(tree, letter).flatMap(({ tokens }) =>
    findOfficialese(officialeseLexicon(), tokens, letter.text).map(
      (m): [string, string | undefined] => [m.text, m.replacement]
    )
  );
}

describe("officialese lexicon data", () => {
  test("has at least 60 entries, each with a phrase, a suggestion, a reason and a safe flag", () => {
    expect(OFFICIALESE_ENTRIES.length).toBeGreaterThanOrEqual(60);
    for (const entry of OFFICIALESE_ENTRIES) {
      expect(entry.phrase.trim()).not.toBe("");
      // Advice only (null) or an empty suggestion (a deletion) must say what to do instead.
      expect(entry.suggest?.trim() || entry.advice || entry.variants).toBeTruthy();
      expect(entry.reason.trim().length).toBeGreaterThan(10);
      expect(typeof entry.safe).toBe("boolean");
    }
  });

  test("ids are unique and every phrase and form compiles", () => {
    const ids = OFFICIALESE_ENTRIES.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    const lexicon = compileLexicon(OFFICIALESE_ENTRIES);
    const patterns = lexicon.patterns;
    const forms = OFFICIALESE_ENTRIES.reduce(
      (sum, entry) => sum + 1 + Object.keys(entry.variants ?? {}).length,
      0
    );
    expect(patterns).toHaveLength(forms);
  });

  test("covers the phrases the issue asks for", () => {
    // Every reading of every phrase and variant, as written without (a|b) and [optional].
    const phrases = new Set(
      officialeseLexicon().patterns.flatMap((pattern) =>
        pattern.phrase.sequences.map((sequence) =>
          sequence
            .map((element, index) => {
              const word =
                element.kind === "word"
                  ? element.text.toLowerCase()
                  : element.kind === "slot"
                    ? `{${element.name}}`
                    : `@${element.name}`;
              return index === 0 ? word : `${element.gapBefore} ${word}`;
            })
            .join("")
        )
      )
    );
    for (const phrase of [
      "i henhold til",
      "såfremt",
      "fremsende",
      "fremsendes",
      "fremsendt",
      "fremsender",
      "bedes",
      "du bedes {v}",
      "vedrørende",
      "nærværende",
      "det påhviler dig at",
      "endvidere",
      "jf.",
      "idet",
      "hvorvidt",
      "med henblik på",
      "undertegnede",
      "i medfør af",
      "i forbindelse med",
      "foreligger",
      "foreliggende",
      "fremkomme med",
      "rette henvendelse",
      "afholde",
      "hidtidig",
      "pågældende",
      "tilsvarende",
      "herunder",
      "således",
      "dog",
      "eventuelle",
      "eventuelt",
      "i øvrigt",
      "indgives",
      "meddele",
      "oplyse om",
      "modtage",
      "anvende",
      "benytte",
      "tilstrækkelig",
      "ophøre",
      "påbegynde",
      "yderligere",
      "fornøden",
      "ydelse",
      "forinden",
      "dersom",
      "eftersom",
      "herefter",
      "hermed",
      "vedlagte",
      "at være i hænde",
      "på det foreliggende grundlag",
      "det bemærkes",
      "der henvises til",
      "under henvisning til",
    ]) {
      expect(phrases).toContain(phrase);
    }
  });

  test("a broken entry fails with a clear message", () => {
    const broken = {
      id: "x",
      phrase: "hverken",
      suggest: "ikke",
      safe: true,
    } as unknown as OfficialeseEntry;
    expect(() => compileLexicon([broken])).toThrow("officialese entry 0 (x): missing reason");
    const slotFirst = {
      id: "y",
      phrase: "{v} bedes",
      suggest: "",
      reason: "En grund.",
      safe: false,
    };
    expect(() => compileLexicon([slotFirst])).toThrow('"{v} bedes" must start with a word');
  });
});

describe("lexicon matching", () => {
  test("matches whole words only, case-insensitively, across multi-word phrases", () => {
    expect(matches("Vi gør det I HENHOLD TIL loven og i  henhold\ntil reglerne.")).toEqual([
      ["I HENHOLD TIL", "EFTER"],
      ["i  henhold\ntil", "efter"],
    ]);
    // "idet" inside other words, "samt" inside "samtale", "dog" inside "dogme".
    expect(matches("Tidet og x-idet er ikke ord, men en samtale om et dogme er.")).toEqual([]);
    expect(matches("Vi ringer, idet du ikke svarede.")).toEqual([["idet", "fordi"]]);
  });

  test("punctuation inside a phrase must be there: i henhold, til is no match", () => {
    expect(matches("Det er i henhold, til sidst, forkert.")).toEqual([]);
  });

  test("longest match first: 'rette henvendelse til' beats 'rette henvendelse'", () => {
    expect(matches("Du skal rette henvendelse til os.")).toEqual([
      ["rette henvendelse til", "kontakte"],
    ]);
    expect(matches("Du skal rette henvendelse senest fredag.")).toEqual([
      ["rette henvendelse", "tage kontakt"],
    ]);
  });

  test("jf. in running text and at the end of a sentence", () => {
    // "jf." means "se" or "efter/ifølge" depending on what it points to: advice, never an edit.
    expect(matches("Det følger af loven, jf. § 13, stk. 7.")).toEqual([["jf.", undefined]]);
    expect(matches("Se reglerne jf. Aktivloven. Du kan ringe.")).toEqual([["jf.", undefined]]);
    expect(matches("Reglerne gælder, jf.")).toEqual([["jf.", undefined]]);
  });

  test("compiles once and scans 100 pages of tokens in a few milliseconds", () => {
    const sample = readFileSync("test/fixtures/letters/partshoering-foer.txt", "utf8");
    let text = "";
    while (text.length < 300_000) text += `${sample}\n\n`;
    const letter = classifyText(text);
    const parser = new ParseLatin();
    parser.tokenizeParagraphPlugins.unshift(danishParagraphPlugin);
    const sentences: Token[][] = plainSentences(parseLetter(parser, letter), letter).map(
      (s) => s.tokens
    );
    const lexicon = officialeseLexicon();
    expect(officialeseLexicon()).toBe(lexicon);
    const runs: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      for (const tokens of sentences) findOfficialese(lexicon, tokens, letter.text);
      runs.push(performance.now() - started);
    }
    // A few ms on an idle machine; generous headroom for a busy CI box.
    expect(Math.min(...runs)).toBeLessThan(timeBound(40));
  });
});

describe("Danish grammar helpers", () => {
  test.each([
    ["sende", "send"],
    ["medbringe", "medbring"],
    ["komme", "kom"],
    ["tjekke", "tjek"],
    ["kontakte", "kontakt"],
    ["ringe", "ring"],
    ["gå", "gå"],
    ["se", "se"],
    ["være", "vær"],
    ["udfylde", "udfyld"],
  ])("imperative of %s is %s", (infinitive, expected) => {
    expect(imperative(infinitive)).toBe(expected);
  });

  test.each([
    ["indkaldes", "indkalder"],
    ["tilbydes", "tilbyder"],
    ["gøres", "gør"],
    ["fås", "får"],
  ])("active present of %s is %s", (passive, expected) => {
    expect(activePresent(passive)).toBe(expected);
  });

  test("Bug: the old hand list made underskrift and sms neuter; the dictionary says common", () => {
    expect(agreementOf("underskrift")).toBe("common");
    expect(agreementOf("sms")).toBe("common");
  });

  test.each([
    ["sag", "common"],
    ["ansøgning", "common"],
    ["brev", "neuter"],
    ["praktiksted", "neuter"],
    ["praktikforløb", undefined], // forløb is also the plural
    ["telefonnummer", "neuter"],
    ["oplysninger", "plural"],
    ["børn", "plural"],
    ["afgørelse", "common"],
    ["svar", undefined],
    ["xyzzy", undefined],
    // From the dictionary's inflection classes, not a hand list: definite -en / -et.
    ["rettighed", "common"],
    ["rettigheder", "plural"],
    ["sedler", "plural"], // seddel: the dictionary swaps the plural tags; the ending decides
    ["lønsedler", "plural"],
    ["kontanthjælp", "common"], // a noun of @benefits
    ["nemkonto", "common"], // compound: konto
    ["krav", undefined], // kravet / kravene: the plural is "krav" too
    ["fravær", "neuter"], // zero plural, stated singular in neuterGenderNouns
    ["plan", "common"], // both genders in the dictionary; letters mean "en plan"
  ])("agreement of %s is %s", (noun, expected) => {
    expect(agreementOf(noun)).toBe(expected);
  });

  test.each([
    // Established terms of the field are no nominalisations: no verb says the same.
    ["afgørelsen", undefined],
    ["klagevejledningen", undefined],
    ["vurderingen", "vurdering"],
    ["udbetalingerne", "udbetaling"],
    ["rådighed", "rådighed"],
    ["informationer", undefined],
    ["fremsendelsen", "fremsendelse"],
    ["ingen", undefined],
    ["ting", undefined],
    ["regning", undefined],
    ["elregningen", undefined],
    ["omkring", undefined],
    ["førtidspension", undefined],
    ["samtale", undefined],
  ])("nominalisation base of %s is %s", (word, expected) => {
    expect(nominalisationBase(word)).toBe(expected);
  });
});
