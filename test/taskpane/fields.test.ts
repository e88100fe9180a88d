import {
  checkField,
  checkForm,
  parseDanishDate,
  parseDanishMoney,
  parseDanishPhone,
  parseDanishTime,
} from "../../src/taskpane/model/fields.js";
import { da } from "../../src/taskpane/strings/da.js";
import type { TemplateField } from "../../src/taskpane/templates/library.js";

const field = (type: TemplateField["type"], required = true): TemplateField => ({
  name: "felt",
  type,
  label: "Mødedato",
  required,
});

describe("the standard-letter form reads Danish input", () => {
  test("dates", () => {
    expect(parseDanishDate("7.12.2026")).toBe("2026-12-07");
    expect(parseDanishDate("07-12-2026")).toBe("2026-12-07");
    expect(parseDanishDate("7/12 26")).toBe("2026-12-07");
    expect(parseDanishDate("2026-12-07")).toBe("2026-12-07");
    expect(parseDanishDate("den 7. december 2026")).toBe("2026-12-07");
    expect(parseDanishDate("7. dec. 2026")).toBe("2026-12-07");
    expect(parseDanishDate("31.2.2026")).toBeUndefined();
    expect(parseDanishDate("i morgen")).toBeUndefined();
  });

  test("times", () => {
    expect(parseDanishTime("9.15")).toBe("09:15");
    expect(parseDanishTime("kl. 13.30")).toBe("13:30");
    expect(parseDanishTime("10")).toBe("10:00");
    expect(parseDanishTime("24.00")).toBeUndefined();
    expect(parseDanishTime("9.75")).toBeUndefined();
  });

  test("phone numbers and amounts", () => {
    expect(parseDanishPhone("+45 89 15 10 00")).toBe("89 15 10 00");
    expect(parseDanishPhone("8915100")).toBeUndefined();
    expect(parseDanishMoney("1.234,50 kr.")).toBe("1234.50");
    expect(parseDanishMoney("1234,5")).toBe("1234.50");
    expect(parseDanishMoney("12,345")).toBeUndefined();
  });

  test("validation messages are Danish and name the field", () => {
    expect(checkField(field("date"), "", da)).toEqual({ error: "Udfyld feltet »Mødedato«." });
    expect(checkField(field("date", false), "", da)).toEqual({});
    expect(checkField(field("date"), "32.13.2026", da).error).toBe(
      "Skriv en gyldig dato, fx 7.12.2026."
    );
    expect(checkField(field("time"), "kvart over ni", da).error).toMatch(/klokkeslæt/u);
    expect(checkField(field("datetime"), "7.12.2026 kl. 9.15", da)).toEqual({
      value: "2026-12-07T09:15",
    });
  });

  test("checkForm collects values and errors", () => {
    const fields: TemplateField[] = [
      { name: "navn", type: "text", label: "Navn", required: true },
      { name: "dato", type: "date", label: "Dato", required: true },
      { name: "valg", type: "choice", label: "Valg", required: false, options: ["ja", "nej"] },
    ];
    const result = checkForm(fields, { dato: "7.12.2026", valg: "måske" }, da);
    expect(result.values).toEqual({ dato: "2026-12-07" });
    expect(result.errors).toEqual({
      navn: "Udfyld feltet »Navn«.",
      valg: "Vælg en af mulighederne.",
    });
  });
});
