import { buildLetter } from "../../../src/engine/letter/model.js";
import { classifyLetterType } from "../../../src/engine/rules/essentials/index.js";
import type { LetterType } from "../../../src/engine/types.js";

/**
 * A summons in the words caseworkers use for it: the reader told to attend one meeting ("Du skal
 * komme til en samtale", "Kom til samtale", "Du bedes deltage i et møde"). Bug: only "møde op",
 * "skal til samtale" and the forms of "indkalde" called, so "Du skal komme til en samtale i
 * Jobcenter Randers tirsdag den 9. marts 2027 kl. 10.00." was an orientering, and the essentials
 * of a summons (date, time and place first) were never asked for.
 */

/** A letter with no subject line, so only the body decides. */
function letter(...paragraphs: string[]) {
  return buildLetter([
    { kind: "greeting", text: "Kære Jens" },
    ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
    { kind: "closing", text: "Med venlig hilsen\nJobcenter Randers" },
  ]);
}

describe("the reader told to attend one meeting is an indkaldelse", () => {
  test.each<[string, string[]]>([
    [
      "a modal and a verb of attending",
      ["Du skal komme til en samtale i Jobcenter Randers tirsdag den 9. marts 2027 kl. 10.00."],
    ],
    [
      "a polite modal and a compound meeting noun",
      ["Du bedes deltage i et informationsmøde i jobcentret tirsdag den 9. marts 2027 kl. 10.00."],
    ],
    [
      "an imperative opening its sentence",
      [
        "Vi vil gerne tale med dig om din jobsøgning. Kom til samtale tirsdag den 9. marts 2027 kl. 10.00 i jobcentret.",
      ],
    ],
    [
      "an adverb between modal and verb",
      ["Du skal derfor komme til din opfølgningssamtale mandag den 8. marts 2027 kl. 9.30."],
    ],
    [
      "a meeting booked for the reader, with its time",
      ["Vi har booket en samtale med dig i jobcentret tirsdag den 9. marts 2027 kl. 10.00."],
    ],
    [
      "no date yet: the letter still calls (and the missing date is then reported)",
      ["Du skal komme til en samtale i Jobcenter Randers."],
    ],
  ])("%s", (_, paragraphs) => {
    expect(classifyLetterType(letter(...paragraphs))).toBe<LetterType>("indkaldelse");
  });
});

describe("attending in general, negated, offered or in the past is no call", () => {
  test.each<[string, string[], LetterType]>([
    [
      "negated",
      ["Du skal ikke komme til samtalen i Jobcenter Randers tirsdag den 9. marts 2027 kl. 10.00."],
      "orientering",
    ],
    [
      // "samtalen" alone would not match (the entry wants one meeting, indefinite): the
      // negation is what keeps this one out.
      "negated, one meeting",
      [
        "Du skal ikke komme til en samtale i Jobcenter Randers tirsdag den 9. marts 2027 kl. 10.00.",
      ],
      "orientering",
    ],
    [
      "a condition: when the reader has a meeting",
      [
        "Når du skal deltage i et møde hos os, kan du få dækket din transport. Reglerne gælder fra den 1. marts 2027.",
      ],
      "orientering",
    ],
    [
      "a condition: if the reader is to come",
      [
        "Hvis du skal komme til en samtale i jobcentret, kan du bestille tolk. Reglerne gælder fra den 1. marts 2027.",
      ],
      "orientering",
    ],
    [
      "a duty to attend meetings in general (plural)",
      [
        "Du skal deltage i samtaler med jobcentret, så længe du får kontanthjælp.",
        "Reglerne gælder fra den 1. marts 2027.",
      ],
      "orientering",
    ],
    [
      // Bug (review): a meeting with a frequency is a duty in general, not this letter's call.
      "a meeting with a frequency",
      [
        "Du skal deltage i en samtale med jobcentret hver tredje måned.",
        "Reglerne gælder fra den 1. marts 2027.",
      ],
      "orientering",
    ],
    [
      "an offer (kan), not a call",
      ["Har du brug for hjælp, kan du komme til et møde i jobcentret den 9. marts 2027 kl. 10.00."],
      "orientering",
    ],
    [
      "a meeting that was, in a decision",
      [
        "Vi har besluttet at trække 1.614 kr. i din kontanthjælp, fordi du ikke kom til samtalen den 3. marts 2027 kl. 10.00.",
      ],
      "afgørelse",
    ],
  ])("%s", (_, paragraphs, type) => {
    expect(classifyLetterType(letter(...paragraphs))).toBe(type);
  });
});
