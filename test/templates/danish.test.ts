import { fieldShape } from "../../src/engine/rules/legal/index.js";
import {
  addWeeks,
  formatDate,
  formatDateTime,
  formatMoney,
  formatPhone,
  formatShortDate,
  formatTime,
} from "../../src/templates/danish.js";
import { HELPERS } from "../../src/templates/helpers.js";

describe("Danish formats", () => {
  test.each([
    ["2026-12-07", "mandag den 7. december 2026"],
    ["2026-12-01", "tirsdag den 1. december 2026"],
    ["2027-01-04", "mandag den 4. januar 2027"],
    ["2028-02-29", "tirsdag den 29. februar 2028"],
    ["2026-05-31", "søndag den 31. maj 2026"],
  ])("dato %s -> %s", (iso, danish) => {
    expect(formatDate(iso)).toBe(danish);
  });

  test("kortdato and datotid", () => {
    expect(formatShortDate("2026-11-09")).toBe("9. november 2026");
    expect(formatDateTime("2026-12-07T10:00")).toBe("mandag den 7. december 2026 kl. 10.00");
  });

  test.each([
    ["10:00", "kl. 10.00"],
    ["9:15", "kl. 9.15"],
    ["09.05", "kl. 9.05"],
    ["2026-12-07T13:30", "kl. 13.30"],
  ])("tid %s -> %s", (time, danish) => {
    expect(formatTime(time)).toBe(danish);
  });

  test.each([
    [1234.5, "1.234,50 kr."],
    ["1234.50", "1.234,50 kr."],
    ["1.234,50", "1.234,50 kr."],
    [0, "0,00 kr."],
    [999, "999,00 kr."],
    [1234567.891, "1.234.567,89 kr."],
    [-50, "-50,00 kr."],
    ["12,5", "12,50 kr."],
    [0.1 + 0.2, "0,30 kr."],
  ])("beløb %p -> %s", (amount, danish) => {
    expect(formatMoney(amount)).toBe(danish);
  });

  test.each([
    ["89151000", "89 15 10 00"],
    ["89 15 10 00", "89 15 10 00"],
    ["+45 89 15 10 00", "89 15 10 00"],
    ["0045-89151000", "89 15 10 00"],
  ])("telefon %s -> %s", (phone, danish) => {
    expect(formatPhone(phone)).toBe(danish);
  });

  test("four weeks from a date: appeal deadlines, across months and years", () => {
    expect(addWeeks("2026-12-07", 4)).toBe("2027-01-04");
    expect(addWeeks("2028-02-01", 4)).toBe("2028-02-29");
    expect(formatDate(addWeeks("2026-11-23", 4))).toBe("mandag den 21. december 2026");
  });

  test.each([
    [() => formatDate("7/12/2026"), '"7/12/2026" is not a date (write YYYY-MM-DD)'],
    [() => formatDate("2026-02-30"), '"2026-02-30" is not a date in the calendar'],
    [() => formatTime("25:00"), '"25:00" is not a time (write HH:MM)'],
    [
      () => formatMoney("mange penge"),
      '"mange penge" is not an amount (write 1234.50 or 1.234,50)',
    ],
    [() => formatPhone("1234"), '"1234" is not a Danish phone number (8 digits)'],
  ])("bad values throw one clear line", (call, message) => {
    expect(call).toThrow(message);
  });

  test("the engine's field shapes match what the helpers write (legal text fields)", () => {
    const samples: Record<string, unknown[]> = {
      dato: ["2026-12-07", "2027-01-31", "2026-05-01"],
      kortdato: ["2026-12-07", "2026-11-09"],
      tid: ["10:00", "9:15"],
      datotid: ["2026-12-07T10:00"],
      beløb: [1234.5, 0, 1234567.891, -50],
      telefon: ["89151000", "+4522334455"],
    };
    for (const [name, values] of Object.entries(samples)) {
      const helper = HELPERS.find((spec) => spec.name === name)!;
      const shape = new RegExp(`^(?:${fieldShape(`{{${name} x}}`)})$`, "u");
      for (const value of values) expect(String(helper.implementation(value))).toMatch(shape);
    }
    expect(fieldShape("{{regel}}")).toBeUndefined();
    expect(fieldShape("{{dato (fireUgerEfter brevdato)}}")).toBe(fieldShape("{{dato x}}"));
  });
});
