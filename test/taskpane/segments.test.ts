import {
  acceptSegments,
  rejectSegments,
  replaceRange,
  unmovedIndexes,
  visibleText,
  type Segment,
} from "../../src/taskpane/preview/segments.js";

const same = (text: string): Segment[] => [{ kind: "same", text }];

describe("tracked-change segments of the preview", () => {
  test("a replacement shows the old words struck and the new words inserted after them", () => {
    const result = replaceRange(same("Du bedes medbringe papirer."), 3, 8, "skal");
    expect(result).toEqual([
      { kind: "same", text: "Du " },
      { kind: "del", text: "bedes" },
      { kind: "ins", text: "skal" },
      { kind: "same", text: " medbringe papirer." },
    ]);
    expect(visibleText(result)).toBe("Du skal medbringe papirer.");
  });

  test("offsets are visible-text offsets: deleted text is skipped", () => {
    const once = replaceRange(same("VIGTIGT: Det bemærkes, at du skal komme."), 0, 9, "");
    expect(visibleText(once)).toBe("Det bemærkes, at du skal komme.");
    const twice = replaceRange(once, 0, 16, "Husk at");
    expect(visibleText(twice)).toBe("Husk at du skal komme.");
    expect(twice.filter((s) => s.kind === "del").map((s) => s.text)).toEqual([
      "VIGTIGT: Det bemærkes, at",
    ]);
  });

  test("replacing an earlier insertion removes it instead of striking it", () => {
    const first = replaceRange(same("kl. 9.15"), 4, 8, "9.30");
    const second = replaceRange(first, 4, 8, "10.00");
    expect(visibleText(second)).toBe("kl. 10.00");
    expect(second.filter((s) => s.kind === "ins").map((s) => s.text)).toEqual(["10.00"]);
    expect(second.filter((s) => s.kind === "del").map((s) => s.text)).toEqual(["9.15"]);
  });

  test("an insertion at the end of a block", () => {
    expect(visibleText(replaceRange(same("Med venlig hilsen"), 17, 17, ","))).toBe(
      "Med venlig hilsen,"
    );
  });

  test("accept keeps the new text, reject brings the old back", () => {
    const changed = replaceRange(same("i medfør af loven"), 0, 11, "efter");
    expect(acceptSegments(changed)).toEqual(same("efter loven"));
    expect(rejectSegments(changed)).toEqual(same("i medfør af loven"));
  });

  test("moved blocks are the fewest: the longest run that keeps its order stays", () => {
    expect([...unmovedIndexes([0, 1, 2, 5, 6, 3, 4, 7, 8])].sort()).toEqual([0, 1, 2, 3, 4, 7, 8]);
    expect([...unmovedIndexes([0, 1, 2])].sort()).toEqual([0, 1, 2]);
    expect(unmovedIndexes([]).size).toBe(0);
  });
});
