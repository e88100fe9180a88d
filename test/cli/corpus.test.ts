import { readdirSync, readFileSync } from "node:fs";
import { classifyText } from "../../src/engine/letter/classify.js";
import { LETTERS } from "./helpers.js";

/** The corpus is test data for every family: check that each letter has the parts it claims. */
const letters = readdirSync(LETTERS).filter((name) => /\.(txt|md)$/u.test(name));

function kinds(name: string): string[] {
  const text = readFileSync(`${LETTERS}/${name}`, "utf8");
  return classifyText(text, { format: name.endsWith(".md") ? "md" : "txt" }).blocks.map(
    (block) => block.kind
  );
}

describe("the letter corpus", () => {
  test("every before-letter (-foer) has an after-letter (-efter)", () => {
    const stems = (suffix: string) =>
      letters
        .filter((name) => name.includes(`-${suffix}.`))
        .map((name) => name.replace(/-(foer|efter)\..+$/u, ""));
    expect(stems("efter").sort()).toEqual(stems("foer").sort());
  });

  test.each(letters)("%s has a sender, a greeting or subject, body prose and a closing", (name) => {
    const found = kinds(name);
    expect(found[0]).toBe("address");
    expect(found.some((kind) => kind === "subject" || kind === "greeting")).toBe(true);
    expect(found).toContain("paragraph");
    expect(found).toContain("closing");
  });

  test("one letter carries a protected klagevejledning block in each format", () => {
    expect(kinds("afgoerelse-praktik-efter.md")).toContain("legal");
    expect(kinds("afgoerelse-fradrag-efter.txt")).toContain("legal");
  });

  // Regression: a street line ending in a floor ("Hasserisgade 22, 2. th.") ends in a full stop;
  // the recipient's address must still be an address, and the date line after it a date.
  test.each([
    "anmodning-dokumentation-efter.txt",
    "afgoerelse-fradrag-foer.txt",
    "afgoerelse-afslag-efter.md",
    "indkaldelse-telefonsamtale-foer.txt",
    "indkaldelse-moede-en.txt",
  ])("%s: the recipient address with a floor is an address, the date line a date", (name) => {
    expect(kinds(name).slice(0, 3)).toEqual(["address", "address", "date"]);
  });
});
