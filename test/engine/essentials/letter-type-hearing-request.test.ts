import { buildLetter } from "../../../src/engine/letter/model.js";
import { classifyLetterType } from "../../../src/engine/rules/essentials/index.js";
import type { LetterType } from "../../../src/engine/types.js";

/**
 * Hearing and request grammar for the letter type (issue 8, 3), from the studied half of the code
 * batch (test/corpus/README.md, "Code batch"): a proposed decision put to the reader for comment
 * is a partshøring even when it is built like a decision (titled parts, a klagevejledning); a
 * request to the reader with a deadline is an anmodning.
 */

/** A letter with no subject line, so only the body decides. */
function letter(...paragraphs: string[]) {
  return buildLetter([
    { kind: "greeting", text: "Kære Jens" },
    ...paragraphs.map((text) => ({
      kind: /[.!?:]$/u.test(text) ? ("paragraph" as const) : ("heading" as const),
      text,
    })),
  ]);
}

describe("a proposed decision put to the reader for comment is a partshøring", () => {
  test.each<[string, string[], LetterType]>([
    [
      "a proposed decision named as such",
      [
        "Vi sender dig hermed en påtænkt afgørelse om ophør af din boligstøtte.",
        "Hvis du har bemærkninger, skal vi have dem senest den 20. januar 2027.",
      ],
      "partshøring",
    ],
    [
      "comments sent in before the decision becomes final",
      [
        "Du har mulighed for at indsende dine bemærkninger senest den 20. januar 2027, inden afgørelsen bliver endelig.",
      ],
      "partshøring",
    ],
    [
      "a proposed refusal built like a decision, with its klagevejledning",
      [
        "Påtænkt afgørelse om tilskud",
        "Kommunen påtænker at give afslag på din ansøgning om tilskud til briller.",
        "Begrundelse for afslaget",
        "Du opfylder ikke betingelserne i servicelovens § 112.",
        "Du har mulighed for at sende et høringssvar senest den 20. januar 2027. Hører vi ikke fra dig, bliver afgørelsen endelig.",
        "Klagevejledning",
        "Du kan klage over afgørelsen til Ankestyrelsen inden fire uger.",
      ],
      "partshøring",
    ],
    [
      "a proposed decision by a department, built like a decision, with its klagevejledning",
      [
        "Vi har den 15. oktober 2026 modtaget din ansøgning om tilskud til briller.",
        "Påtænkt afgørelse om tilskud",
        "Børn og Unge påtænker at træffe afgørelse om, at du ikke kan få tilskud til briller.",
        "Begrundelse for afslaget",
        "Du opfylder ikke betingelserne i servicelovens § 112.",
        "Du kan sende dine bemærkninger til os senest den 20. januar 2027, inden afgørelsen bliver endelig.",
        "Klagevejledning",
        "Du kan klage over afgørelsen til Ankestyrelsen inden fire uger.",
      ],
      "partshøring",
    ],
    [
      "a decision that mentions the earlier proposed decision",
      [
        "Vi sendte dig den 3. maj 2026 vores påtænkte afgørelse i partshøring.",
        "Vi har nu truffet afgørelse om, at din boligstøtte ophører fra den 1. juni 2026.",
        "Klagevejledning",
        "Du kan klage over afgørelsen til Ankestyrelsen inden fire uger.",
      ],
      "afgørelse",
    ],
  ])("%s -> %s", (_, paragraphs, type) => {
    expect(classifyLetterType(letter(...paragraphs))).toBe(type);
  });
});

describe("a request to the reader with a deadline is an anmodning", () => {
  test.each<[string, LetterType]>([
    ["Vi vil bede dig om at ringe til os inden 8 dage.", "anmodning"],
    ["Vi beder dig kontakte Borgerservice senest den 15. november 2026.", "anmodning"],
    ["Du bedes kontakte Folkeregisteret inden 14 dage.", "anmodning"],
    // No deadline: an offer of help, not a request in the case.
    ["Har du spørgsmål, beder vi dig kontakte os på telefon.", "orientering"],
    ["Hvis du har spørgsmål, er du velkommen til at ringe inden kl. 15.00.", "orientering"],
    // A request to someone else.
    ["Vi har bedt din arbejdsgiver om at svare inden 8 dage.", "orientering"],
  ])("%s -> %s", (sentence, type) => {
    expect(classifyLetterType(letter(sentence))).toBe(type);
  });
});
