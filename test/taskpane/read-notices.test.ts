/// <reference types="office-js" />
import { createWordHost } from "../../src/taskpane/word-host.js";
import { WordFake } from "../support/word-fake/index.js";

// Bug: the adapter reported skipped tables, pictures and locked paragraphs, but the task pane
// never showed them, so a caseworker could believe the whole document had been checked.
describe("what the read left out reaches the task pane", () => {
  let restore: () => void = () => undefined;
  afterEach(() => restore());

  function letterWithTable(): WordFake {
    const fake = new WordFake({
      paragraphs: [
        { text: "Kære Jens" },
        { text: "Tid", table: true },
        { text: "torsdag kl. 9.15", table: true },
        { text: "Du skal komme til samtale hos os." },
      ],
      pictures: 1,
    });
    restore = fake.install();
    return fake;
  }

  test("in Danish, with the adapter's counts", async () => {
    const fake = letterWithTable();
    const host = await createWordHost("da-DK", fake.run);
    expect(host.notices!()).toEqual([]);
    await host.read();
    const notices = host.notices!();
    expect(notices).toHaveLength(2);
    expect(notices[0]).toContain("1 tabel");
    expect(notices[1]).toContain("1 billede");
  });

  test("in English when Office speaks English", async () => {
    const fake = letterWithTable();
    const host = await createWordHost("en-US", fake.run);
    await host.read();
    expect(host.notices!()).toEqual([
      "Tables are not analysed. Check the text in them yourself.",
      "Pictures are not analysed.",
    ]);
  });
});
