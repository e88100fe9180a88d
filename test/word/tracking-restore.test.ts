/// <reference types="office-js" />
import { WordAdapterError } from "../../src/word/errors.js";
import { syncAndRestore, TrackingSwitch } from "../../src/word/tracking.js";
import { WordFake } from "../support/word-fake/index.js";

// Bug: after a failed batch the adapter called `restore()` a second time, but the switch
// believed the user's mode was already back, so nothing was written. Word (and the fake) run a
// batch's operations up to the failing one, so the earlier switch to "Off" had happened: the
// user's document was left with change tracking off, and later typing went in untracked.
test("a batch that fails after switching tracking off gives the user's mode back", async () => {
  const fake = new WordFake({
    paragraphs: [{ text: "Du kan klage over afgørelsen." }],
    trackingMode: "TrackAll",
  });
  const restore = fake.install();
  try {
    const context = fake.context();
    const mode = new TrackingSwitch(context, { userMode: "TrackAll", controllable: true });
    mode.set("Off");
    // An operation Word refuses at sync (search strings have at most 255 characters).
    context.document.body.paragraphs.getFirst().search("x".repeat(256)).load("items");
    await expect(
      syncAndRestore(context, mode, "Word could not insert the guidance")
    ).rejects.toEqual(
      expect.objectContaining({
        constructor: WordAdapterError,
        message: expect.stringMatching(/^Word could not insert the guidance: /u),
      })
    );
    const check = fake.context();
    check.document.load("changeTrackingMode");
    await check.sync();
    expect(check.document.changeTrackingMode).toBe("TrackAll");
  } finally {
    restore();
  }
});
