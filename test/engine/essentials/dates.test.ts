import { analyzeText } from "../../../src/engine/analyze.js";
import {
  formatDanishDate,
  formatDanishTime,
  inferYear,
  parseDanishDate,
  parseDanishTime,
  weekdayIndex,
} from "../../../src/engine/rules/essentials/index.js";

describe("parseDanishDate", () => {
  const reference = { referenceDate: "2026-11-20" };

  test.each([
    ["mandag den 7. december 2026 kl. 10.00", "2026-12-07"],
    ["7/12-2026", "2026-12-07"],
    ["07.12.2026", "2026-12-07"],
    ["7.12.26", "2026-12-07"],
    ["den 7/12 2026", "2026-12-07"],
    ["d. 7.12", "2026-12-07"],
    ["den 3. december", "2026-12-03"],
    ["3. dec. 2026", "2026-12-03"],
    ["fredag den 29. januar 2027", "2027-01-29"],
    ["Mødet er den 1. marts.", "2027-03-01"],
  ])("%s -> %s", (text, iso) => {
    expect(parseDanishDate(text, reference)).toBe(iso);
  });

  test.each([
    ["lokale 2.14"],
    ["kl. 10.12"],
    ["3.000 kr."],
    ["31/2-2026"],
    ["den 32. december"],
    ["Du bor på 3. sal."],
  ])("%s is no date", (text) => {
    expect(parseDanishDate(text, reference)).toBeUndefined();
  });
});

// Bug: Danish self-service systems and Aarhus Kommune's letter templates write dates as
// DD-MM-YYYY ("senest den 09-11-2026"); the date reader wanted "." or "/" between day and month.
describe("day-month-year with hyphens", () => {
  const reference = { referenceDate: "2026-10-20" };

  test.each([
    ["senest den 09-11-2026", "2026-11-09"],
    ["Vi har d. 27-10-2026 godkendt din anmodning", "2026-10-27"],
    ["fra 9-11-2026 til 18-12-2026", "2026-11-09"],
    ["Aarhus, 5-1-2027", "2027-01-05"],
  ])("%s -> %s", (text, iso) => {
    expect(parseDanishDate(text, reference)).toBe(iso);
  });

  // A hyphen is also a range, a count and a number separator: only a whole D-M-YYYY is a date.
  test.each([
    ["Vi har åbent kl. 8-12 på hverdage."],
    ["Det tager 2-3 dage, og svaret kommer om 1-2 uger."],
    ["Læs side 12-14 i pjecen."],
    ["Dit CPR-nummer 010203-1234 står på kortet."],
    ["Sagsnummer 2026-123 skal stå i emnefeltet."],
    ["Skriv sagsnummer 12-10-26 på brevet."],
    ["Den 09-11 er ingen dato med år."],
    ["Nummer 09-11-20261 er for langt."],
    ["Dato: 2026-11-09-12"],
    ["den 31-02-2026"],
    // Bug (review): a phone number written in pairs read as a date in the year 5678.
    ["Ring på tlf. 12-12-5678 mellem kl. 9 og 12."],
  ])("%s is no date", (text) => {
    expect(parseDanishDate(text, reference)).toBeUndefined();
  });
});

// Bug: "29. februar" without a year, read against a year with no 29 February in reach, became the
// invalid ISO date "2026-02-29" (a fact value no calendar can show).
describe("a day that exists in no year nearby", () => {
  test("29. februar in a letter from 2026 gives no date, and no invalid ISO value", () => {
    expect(inferYear(29, 2, "2026-12-15")).toBeUndefined();
    expect(parseDanishDate("senest den 29. februar", { referenceDate: "2026-12-15" })).toBe(
      undefined
    );
    expect(parseDanishDate("den 29. februar", { referenceDate: "2027-12-15" })).toBe("2028-02-29");
  });

  test("no date or deadline fact holds an impossible date", () => {
    const text =
      "Randers, 15. december 2026\n\nKære Jens\n\nSvar senest den 29. februar. Vi ses den 29. februar kl. 10.00.";
    const { facts } = analyzeText(text).scores.essentials;
    expect(facts.filter((fact) => fact.kind === "date" || fact.kind === "deadline")).toEqual([]);
    expect(facts.map((fact) => fact.value)).toContain("10:00");
  });
});

describe("year inference", () => {
  test("a day-month after the reference date is this year, one long before it next year", () => {
    expect(inferYear(3, 12, "2026-11-20")).toBe(2026);
    expect(inferYear(15, 1, "2026-11-20")).toBe(2027);
    expect(inferYear(1, 10, "2026-11-20")).toBe(2027);
  });

  test("a date up to 31 days before the reference is recent past (the last meeting)", () => {
    expect(inferYear(10, 11, "2026-11-20")).toBe(2026);
    expect(inferYear(20, 10, "2026-11-20")).toBe(2026);
    expect(inferYear(19, 10, "2026-11-20")).toBe(2027);
  });

  test("a written weekday picks the year it fits", () => {
    // 3 December is a Thursday in 2026 and a Friday in 2027.
    expect(inferYear(3, 12, "2027-06-01", weekdayIndex("2026-12-03"))).toBe(2026);
    expect(parseDanishDate("torsdag den 3. december", { referenceDate: "2025-12-20" })).toBe(
      "2026-12-03"
    );
  });
});

describe("parseDanishTime", () => {
  test.each([
    ["kl. 10.00", "10:00"],
    ["kl. 10:30", "10:30"],
    ["klokken 10", "10:00"],
    ["kl. 9.15", "09:15"],
    ["kl 9", "09:00"],
    ["14:45", "14:45"],
    ["kl. 8.00-13.00", "08:00"],
  ])("%s -> %s", (text, value) => {
    expect(parseDanishTime(text)).toBe(value);
  });

  test("an hour past 24 is no time", () => {
    expect(parseDanishTime("kl. 25.00")).toBeUndefined();
  });
});

describe("formatting", () => {
  test("dates get their weekday computed, Danish style", () => {
    expect(formatDanishDate("2026-12-03")).toBe("torsdag den 3. december 2026");
    expect(formatDanishDate("2026-12-07")).toBe("mandag den 7. december 2026");
    expect(formatDanishDate("2026-12-02", { weekday: false })).toBe("den 2. december 2026");
  });

  test("times use a full stop and no leading zero", () => {
    expect(formatDanishTime("09:15")).toBe("9.15");
    expect(formatDanishTime("10:00")).toBe("10.00");
    expect(formatDanishTime("13:30-15:00")).toBe("13.30-15.00");
    expect(formatDanishTime("08:00-13:00")).toBe("8.00-13.00");
  });
});
