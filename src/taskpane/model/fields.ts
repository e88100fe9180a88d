import { DANISH_MONTHS } from "../../engine/linguistics/calendar.js";
import type { Strings } from "../strings/index.js";
import type { FieldValues, TemplateField } from "../templates/library.js";

/** Parsing and validation of the standard-letter form, the Danish way. */

const MONTHS = DANISH_MONTHS.map((month) => month.name);

const pad = (n: number) => String(n).padStart(2, "0");

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "7.12.2026", "07-12-2026", "7/12 2026", "2026-12-07", "7. december 2026" -> "2026-12-07". */
export function parseDanishDate(input: string): string | undefined {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/^den\s+/u, "");
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(text);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[./-](\d{1,2})[./\s-]+(\d{2}|\d{4})$/u.exec(text);
  if (match) {
    const year = Number(match[3]) < 100 ? 2000 + Number(match[3]) : Number(match[3]);
    return isoDate(year, Number(match[2]), Number(match[1]));
  }
  match = /^(\d{1,2})\.?\s*([a-zæøå]+)\.?\s+(\d{4})$/u.exec(text);
  if (match) {
    const month = MONTHS.findIndex((name) => name.startsWith(match![2]!) && match![2]!.length >= 3);
    if (month >= 0) return isoDate(Number(match[3]), month + 1, Number(match[1]));
  }
  return undefined;
}

/** "9.15", "09:15", "kl. 9.15", "9" -> "09:15". */
export function parseDanishTime(input: string): string | undefined {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/^kl\.?\s*/u, "");
  const match = /^(\d{1,2})(?:[.:](\d{2}))?$/u.exec(text);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? "0");
  if (hours > 23 || minutes > 59) return undefined;
  return `${pad(hours)}:${pad(minutes)}`;
}

/** Danish phone numbers: 8 digits, optionally +45 or 0045 first. Returns "89 15 15 15". */
export function parseDanishPhone(input: string): string | undefined {
  const digits = input.replace(/[\s-]/gu, "").replace(/^(?:\+45|0045)/u, "");
  if (!/^\d{8}$/u.test(digits)) return undefined;
  return digits.replace(/(\d{2})(?=\d)/gu, "$1 ");
}

/** "1.234,50", "1234,5", "1234" -> "1234.50". */
export function parseDanishMoney(input: string): string | undefined {
  const text = input
    .trim()
    .replace(/\s*(?:kr\.?|dkk)$/iu, "")
    .replace(/\s/gu, "");
  if (!/^\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?$|^\d+(?:,\d{1,2})?$/u.test(text)) return undefined;
  const [whole, decimals = ""] = text.replace(/\./gu, "").split(",");
  return `${whole}.${decimals.padEnd(2, "0")}`;
}

export function isoToDanishDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/u.exec(iso);
  return match ? `${Number(match[3])}.${Number(match[2])}.${match[1]}` : iso;
}

export interface FieldCheck {
  value?: string;
  error?: string;
}

/** Validate one raw form value; returns the normalised value or a Danish error message. */
export function checkField(field: TemplateField, raw: string | undefined, t: Strings): FieldCheck {
  const text = (raw ?? "").trim();
  if (!text) return field.required ? { error: t.templates.errors.required(field.label) } : {};
  switch (field.type) {
    case "date": {
      const value = parseDanishDate(text);
      return value ? { value } : { error: t.templates.errors.date };
    }
    case "time": {
      const value = parseDanishTime(text);
      return value ? { value } : { error: t.templates.errors.time };
    }
    case "datetime": {
      const [datePart = "", timePart = ""] = text.split(/T|\s+kl\.?\s*|\s+(?=\d{1,2}[.:]\d{2}$)/u);
      const date = parseDanishDate(datePart);
      if (!date) return { error: t.templates.errors.date };
      const time = parseDanishTime(timePart);
      return time ? { value: `${date}T${time}` } : { error: t.templates.errors.time };
    }
    case "phone": {
      const value = parseDanishPhone(text);
      return value ? { value } : { error: t.templates.errors.phone };
    }
    case "money": {
      const value = parseDanishMoney(text);
      return value ? { value } : { error: t.templates.errors.money };
    }
    case "choice":
      return field.options && !field.options.includes(text)
        ? { error: t.templates.errors.choice }
        : { value: text };
    default:
      return { value: text };
  }
}

export interface FormCheck {
  values: FieldValues;
  errors: Record<string, string>;
}

export function checkForm(
  fields: readonly TemplateField[],
  raw: FieldValues,
  t: Strings
): FormCheck {
  const values: FieldValues = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const result = checkField(field, raw[field.name], t);
    if (result.error) errors[field.name] = result.error;
    else if (result.value !== undefined) values[field.name] = result.value;
  }
  return { values, errors };
}
