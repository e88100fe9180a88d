import { readFileSync, writeFileSync } from "node:fs";
import {
  consequencesIn,
  readConsequence,
  readDuty,
} from "../../../src/engine/consequence/model.js";
import { forgetTextMemos } from "../../../src/engine/util/text-memo.js";

/**
 * The consequence model's readings of 400 generated sentences (words of the vocabularies the
 * model reads, in random order and in the patterns it looks for: "readers riskVerbs
 * complementizers ...", "impactNouns impactPrepositions benefits", conditions, relative clauses,
 * duties; 300 of them with a consequence or a duty), as the model read them before its speed-ups
 * of 2026-12-05 (a word that can start no
 * consequence is passed with one lookup, clause statistics counted on demand, phrase lists
 * looked up once per sentence). Changes to the readings are changes to the model: regenerate on
 * purpose with UPDATE_GOLDEN=1 npm test -- test/engine/consequence/generated-readings.
 */
const GOLDEN = new URL("../../golden/consequence-readings.json", import.meta.url);
const UPDATE = Boolean(process.env.UPDATE_GOLDEN);

interface Entry {
  text: string;
  reading: unknown;
  consequences: unknown;
  duty: unknown;
}

const read = (text: string): Entry => ({
  text,
  reading: readConsequence(text),
  consequences: consequencesIn(text),
  duty: readDuty(text) ?? null,
});

describe("the consequence model on generated sentences", () => {
  const golden = JSON.parse(readFileSync(GOLDEN, "utf8")) as Entry[];

  test("reads every sentence as it did (JSON round trip of each reading)", () => {
    const now = golden.map((entry) => JSON.parse(JSON.stringify(read(entry.text))) as Entry);
    if (UPDATE) {
      const lines = now.map((entry) => JSON.stringify(entry));
      writeFileSync(GOLDEN, `[${lines.join(",\n")}]\n`);
      return;
    }
    expect(now).toEqual(golden);
  });

  test("the sentences hold consequences, threats and duties to compare", () => {
    expect(golden.length).toBe(400);
    const threats = golden.filter((entry) => (entry.reading as { threat: boolean }).threat);
    expect(threats.length).toBeGreaterThan(100);
    expect(golden.filter((entry) => entry.duty !== null).length).toBeGreaterThanOrEqual(3);
  });
});

describe("the readings are remembered with the sentence", () => {
  test("each reading is read once per sentence text, and again after forgetTextMemos", () => {
    const text = "Hvis du ikke møder op, kan vi trække i din kontanthjælp.";
    const first = [readConsequence(text), consequencesIn(text), readDuty(text)];
    expect([readConsequence(text), consequencesIn(text), readDuty(text)]).toEqual(first);
    expect(readConsequence(text)).toBe(first[0]);
    expect(consequencesIn(text)).toBe(first[1]);
    forgetTextMemos();
    const again = readConsequence(text);
    expect(again).not.toBe(first[0]);
    expect(again).toEqual(first[0]);
    expect(readDuty("Du skal møde op til samtalen.")).toBeDefined();
    expect(readDuty("Skal du møde op til samtalen?")).toBeUndefined();
    expect(readDuty("Skal du møde op til samtalen?")).toBeUndefined();
  });
});
