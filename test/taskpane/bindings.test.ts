import { detectOffice, openedByOffice } from "../../src/taskpane/office.js";
import { stringsFor } from "../../src/taskpane/strings/index.js";
import { ignoredToKeys, keysToIgnored } from "../../src/taskpane/word-host.js";

const scope = globalThis as unknown as { Office?: unknown };

describe("Office detection picks Word or the offline preview", () => {
  afterEach(() => {
    delete scope.Office;
  });

  test("no Office.js at all (the CDN script failed): no host", async () => {
    expect(await detectOffice()).toEqual({ host: null });
  });

  test("Office.js in a plain browser: onReady reports host null", async () => {
    scope.Office = { onReady: async () => ({ host: null }) };
    expect(await detectOffice()).toEqual({ host: null });
  });

  test("Office.js that never answers: no host after the timeout", async () => {
    scope.Office = { onReady: () => new Promise(() => undefined) };
    expect(await detectOffice(20)).toEqual({ host: null });
  });

  test("inside Word: the host and Office's display language", async () => {
    scope.Office = {
      onReady: async () => ({ host: "Word" }),
      context: { displayLanguage: "en-US" },
    };
    expect(await detectOffice()).toEqual({ host: "Word", displayLanguage: "en-US" });
  });

  test("the UI is Danish unless the display language is English", () => {
    expect(stringsFor("da-DK").lang).toBe("da");
    expect(stringsFor(undefined).lang).toBe("da");
    expect(stringsFor("de-DE").lang).toBe("da");
    expect(stringsFor("en-GB").lang).toBe("en");
  });
});

describe("ignored findings as the Word document records them", () => {
  test("keys round-trip through the record's { ruleId, text } entries, repeats included", () => {
    const keys = [
      "plain/officialese|i medfør af|0",
      "plain/officialese|i medfør af|1",
      "threat/warning|VIGTIGT|0",
    ];
    const recorded = keysToIgnored(keys, new Date("2026-11-20T10:00:00Z"));
    expect(recorded[0]).toEqual({
      ruleId: "plain/officialese",
      text: "i medfør af",
      at: "2026-11-20T10:00:00.000Z",
    });
    expect(ignoredToKeys(recorded)).toEqual(keys);
  });

  test("flagged text may itself contain the separator", () => {
    const keys = ["plain/x|a|b|0"];
    expect(ignoredToKeys(keysToIgnored(keys))).toEqual(keys);
  });
});

// Issue 10, item 11: inside Word, a slow Office.js fell into the offline preview after 3 s.
describe("Office detection inside an Office host waits, with a loading state", () => {
  afterEach(() => {
    delete scope.Office;
  });

  test("a page opened by Office is recognised by _host_Info or hostInfoValue", () => {
    expect(openedByOffice("?_host_Info=Word$Win32$16.01$da-DK$$$$0", undefined)).toBe(true);
    expect(openedByOffice("", { getItem: () => "Word|Web|16.00|da-DK" })).toBe(true);
    expect(openedByOffice("?lang=da-DK", { getItem: () => null })).toBe(false);
  });

  test("a slow onReady inside Word shows the loading state and still ends in Word", async () => {
    let ready: (info: { host: string }) => void = () => undefined;
    scope.Office = {
      onReady: () => new Promise((resolve) => (ready = resolve)),
      context: { displayLanguage: "da-DK" },
    };
    let waiting = 0;
    const detected = detectOffice({
      inHost: true,
      timeoutMs: 10,
      waitingAfterMs: 10,
      onWaiting: () => waiting++,
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    ready({ host: "Word" });
    expect(await detected).toEqual({ host: "Word", displayLanguage: "da-DK" });
    expect(waiting).toBe(1);
  });
});
