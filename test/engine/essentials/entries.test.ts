import {
  actionFormsOf,
  entriesOf,
  roleSource,
} from "../../../src/engine/rules/essentials/entries.js";
import { findActions } from "../../../src/engine/rules/essentials/find-actions.js";
import {
  GUIDANCE,
  NUMBER_WORDS,
  REMOTE_NOT_AFTER,
} from "../../../src/engine/rules/essentials/patterns.js";

/** The essentials detection entries of the rule files, read as the fact finders read them. */
describe("essentials entries", () => {
  const action = (value: string) => entriesOf("action").filter((entry) => entry.value === value);
  const forms = (value: string, form: "imperative" | "infinitive" | "passive") =>
    action(value).flatMap((entry) => (entry.regex ? [] : actionFormsOf(entry, form)));

  test("action lemmas give their imperative, infinitive and passive from the dictionary", () => {
    expect(forms("send", "imperative").sort()).toEqual(["fremsend", "indsend", "send"]);
    expect(forms("send", "infinitive").sort()).toEqual(["fremsende", "indsende", "sende"]);
    expect(forms("send", "passive")).toEqual(
      expect.arrayContaining(["sendes", "sendt", "indsendt"])
    );
    // Irregular and double-consonant stems come from the dictionary, not from endings.
    expect(forms("medbring", "passive")).toEqual(
      expect.arrayContaining(["medbringes", "medbragt"])
    );
    expect(forms("mød op", "imperative")).toEqual(expect.arrayContaining(["kom", "mød", "mød op"]));
    // No passive where the entry does not ask for one: "ringes" is no request.
    expect(forms("ring", "passive")).toEqual([]);
  });

  test("the fact finder finds the forms the dictionary gives", () => {
    const values = (text: string) => findActions(text, 0).map((fact) => fact.value);
    expect(values("Lønsedlerne bedes indsendt senest fredag.")).toEqual(["send lønsedlerne"]);
    expect(values("Dokumentationen skal medbringes.")).toEqual(["medbring dokumentationen"]);
    expect(values("Kom til samtalen i god tid.")).toEqual(["mød op"]);
  });

  test("number words carry their number from @numberWords", () => {
    expect(NUMBER_WORDS.get("otte")).toBe(8);
    expect(NUMBER_WORDS.get("fjorten")).toBe(14);
    expect(new RegExp(`^(?:${roleSource("numberWord")})$`, "u").test("to")).toBe(true);
  });

  test("deadline words are not inflected: 'seneste' is no deadline word", () => {
    const keyword = new RegExp(`^(?:${roleSource("deadlineKeyword")})$`, "iu");
    expect(keyword.test("senest")).toBe(true);
    expect(keyword.test("seneste")).toBe(false);
  });

  test("guidance words find every dictionary form (the old stems missed 'udeblev' and 'nedsat')", () => {
    expect(GUIDANCE.test("Hvis du udeblev fra samtalen, kunne vi ikke hjælpe dig.")).toBe(true);
    expect(GUIDANCE.test("Din hjælp bliver nedsat.")).toBe(true);
    expect(GUIDANCE.test("Læs om sanktionsreglerne på borger.dk.")).toBe(true);
    expect(GUIDANCE.test("Du skal til samtale tirsdag.")).toBe(false);
  });

  test("a remote word after a verb of answering is no meeting place", () => {
    expect(REMOTE_NOT_AFTER.test("Send det ")).toBe(true);
    expect(REMOTE_NOT_AFTER.test("Du kan tilmelde dig ")).toBe(true);
    expect(REMOTE_NOT_AFTER.test("Samtalen foregår ")).toBe(false);
  });
});
