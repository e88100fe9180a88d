import { readFileSync } from "node:fs";
import { classifyText } from "../../src/engine/letter/classify.js";
import { assertLetter } from "../../src/engine/letter/model.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/letters/${name}`, import.meta.url), "utf8");
const kinds = (text: string, format?: "txt" | "md") =>
  classifyText(text, { format }).blocks.map((b) => b.kind);

describe("classifying a plain-text letter", () => {
  test("a traditional summons: address, date line, subject, body, closing, signature", () => {
    const letter = classifyText(fixture("indkaldelse-foer.txt"));
    assertLetter(letter);
    expect(letter.blocks.map((b) => b.kind)).toEqual([
      "address",
      "date",
      "subject",
      "paragraph",
      "paragraph",
      "paragraph",
      "paragraph",
      "closing",
      "signature",
    ]);
    expect(letter.blocks[2]!.text).toBe("Indkaldelse til jobsamtale");
  });

  test("a rewritten summons with guidance after the signature", () => {
    expect(kinds(fixture("indkaldelse-efter.txt"))).toEqual([
      "address",
      "subject",
      "paragraph",
      "paragraph",
      "paragraph",
      "closing",
      "signature",
      "heading",
      "paragraph",
    ]);
  });

  test("a letter that ends with the sender's name only", () => {
    const letter = classifyText(fixture("partshoering-foer.txt"));
    expect(letter.blocks.map((b) => b.kind)).toEqual([
      "address",
      "subject",
      "paragraph",
      "paragraph",
      "paragraph",
      "closing",
      "signature",
    ]);
  });

  // Bug: a street line ending in a full stop ("3. mf.") made the address a heading and a paragraph.
  test("recipient address with floor and side", () => {
    const text =
      "Jobcenter Aarhus\nSkovvejen 2\n8000 Aarhus C\n\nJens Hansen\nVestervang 19, 3. mf.\n8000 Aarhus C\n\nAarhus, den 20. november 2026\n\nIndkaldelse til samtale\n\nDu skal til samtale hos os torsdag den 3. december 2026 kl. 10.00.";
    expect(kinds(text)).toEqual(["address", "address", "date", "subject", "paragraph"]);
    expect(
      kinds(
        "Maria Jensen\nNørregade 41, st. th.\n5000 Odense C\n\nIndkaldelse\n\nDu skal komme til en samtale hos os i næste uge."
      )
    ).toEqual(["address", "subject", "paragraph"]);
  });

  test("greeting and list items", () => {
    const text =
      "Kære Jens\n\nDu skal have disse papirer med:\n- dit sygesikringskort\n- din lønseddel\n\nVenlig hilsen\nAnne";
    expect(kinds(text)).toEqual([
      "greeting",
      "paragraph",
      "listItem",
      "listItem",
      "closing",
      "signature",
    ]);
  });

  // Bug: a short sentence ending in "!" was taken for a heading.
  test("a short exclamation is prose, a short question can be a heading", () => {
    const text =
      "Indkaldelse til samtale\n\nKære Jens\n\nDu skal have dit sygesikringskort med til samtalen!\n\nHvad skal vi tale om?\n\nVi skal tale om dit arbejde og om din plan for de næste uger.";
    expect(kinds(text)).toEqual(["subject", "greeting", "paragraph", "heading", "paragraph"]);
  });

  // Bug: a subject line over 12 words (the standard letter anmodning-dokumentation rendered as
  // text) became a paragraph before the greeting, and the letter was read as an orientering.
  test("a long subject line before the greeting is still the subject", () => {
    const text =
      "Send os dine lønsedler for september og oktober senest fredag den 11. december 2026\n\nKære Mikkel\n\nSend os dine lønsedler senest fredag den 11. december 2026. Vi skal bruge dem.";
    expect(kinds(text)).toEqual(["subject", "greeting", "paragraph"]);
    expect(
      kinds(`Kære Mikkel\n\n${"Vi har fået dine papirer og vender tilbage ".repeat(2)}`)
    ).toEqual(["greeting", "paragraph"]);
  });

  test("legal blocks marked with comments are protected and keep exact offsets", () => {
    const text = [
      "Du skal til samtale.",
      "",
      '<!-- klarbrev:legal id="klagevejledning" version="2" title="Klagevejledning" -->',
      "Du kan klage over afgørelsen.",
      "",
      "Klagen skal være modtaget inden 4 uger.",
      "<!-- /klarbrev:legal -->",
    ].join("\n");
    const letter = classifyText(text);
    assertLetter(letter);
    const legal = letter.blocks.find((b) => b.kind === "legal")!;
    expect(legal.legal).toEqual({ id: "klagevejledning", version: "2", title: "Klagevejledning" });
    expect(legal.text).toBe(
      "Du kan klage over afgørelsen.\n\nKlagen skal være modtaget inden 4 uger."
    );
  });

  test("Markdown headings and CRLF line endings", () => {
    const text =
      "# Indkaldelse til samtale\r\n\r\nKære Jens\r\n\r\n## Hvad skal vi tale om?\r\n\r\nVi skal tale om dit job og om din plan for de næste uger.\r\n";
    const letter = classifyText(text, { format: "md" });
    assertLetter(letter);
    expect(letter.blocks.map((b) => [b.kind, b.level])).toEqual([
      ["subject", 1],
      ["greeting", undefined],
      ["heading", 2],
      ["paragraph", undefined],
    ]);
  });
});
