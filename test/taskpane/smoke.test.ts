/// <reference types="office-js" />
import sample from "../../src/taskpane/preview/sample-letter.da.json" with { type: "json" };
import { formatLine, runSmoke, SCENARIOS } from "../../src/taskpane/smoke/scenarios.js";
import { createWordHost } from "../../src/taskpane/word-host.js";
import { WordFake } from "../support/word-fake/index.js";

/**
 * The first device check's scenarios, run here through the same WordHost on the strict fake (and
 * on the fake's web mode): what real Word must also pass when a person runs `npm run word:smoke`.
 */
describe("word:smoke scenarios through the Word host", () => {
  for (const platform of ["desktop", "web"] as const) {
    test(`all pass on the fake (${platform})`, async () => {
      const fake = new WordFake({ paragraphs: [{ text: "" }], platform, cursorAt: 0 });
      const restore = fake.install();
      try {
        const host = await createWordHost("da-DK", fake.run, fake.runWith);
        const printed: string[] = [];
        const lines = await runSmoke(host, sample.text, (line) => {
          printed.push(formatLine(line));
        });
        expect(printed.filter((line) => line.startsWith("FAIL"))).toEqual([]);
        expect(lines).toHaveLength(SCENARIOS.length);
        expect(fake.model.lockedRevisions()).toEqual([]);
      } finally {
        restore();
      }
    });
  }

  test("a document that is not empty stops the check before anything is written", async () => {
    const fake = new WordFake({ paragraphs: [{ text: "Et andet brev." }] });
    const restore = fake.install();
    try {
      const host = await createWordHost("da-DK", fake.run, fake.runWith);
      const lines = await runSmoke(host, sample.text);
      expect(lines).toEqual([expect.objectContaining({ ok: false })]);
      expect(lines[0]!.detail).toContain("open a new, empty document");
      expect(fake.currentParagraphs()).toEqual(["Et andet brev."]);
    } finally {
      restore();
    }
  });
});
