import type { HelperDelegate } from "handlebars";
import {
  addWeeks,
  formatDate,
  formatDateTime,
  formatMoney,
  formatPhone,
  formatShortDate,
  formatTime,
} from "./danish.js";
import type { FieldType } from "./fields.js";

/**
 * The Danish helpers templates may use. Names are Danish because legal staff and the benefits
 * office read the templates: `{{dato mødedato}}`, `{{tid mødetid}}`, `{{beløb fradrag}}`,
 * `{{telefon telefon}}`, `{{dato (fireUgerEfter brevdato)}}`.
 */
export interface HelperSpec {
  name: string;
  /** Field types each parameter accepts; a sub-expression's result type counts too. */
  params: FieldType[][];
  /** What the helper returns: text for the letter, or a date for another helper. */
  returns: "text" | "date" | "boolean";
  example: string;
  implementation: (...args: unknown[]) => unknown;
}

const DATES: FieldType[] = ["date", "datetime"];

export const HELPERS: readonly HelperSpec[] = [
  {
    name: "dato",
    params: [DATES],
    returns: "text",
    example: "mandag den 7. december 2026",
    implementation: formatDate,
  },
  {
    name: "kortdato",
    params: [DATES],
    returns: "text",
    example: "7. december 2026",
    implementation: formatShortDate,
  },
  {
    name: "tid",
    params: [["time", "datetime"]],
    returns: "text",
    example: "kl. 10.00",
    implementation: formatTime,
  },
  {
    name: "datotid",
    params: [["datetime"]],
    returns: "text",
    example: "mandag den 7. december 2026 kl. 10.00",
    implementation: formatDateTime,
  },
  {
    name: "beløb",
    params: [["money"]],
    returns: "text",
    example: "1.234,50 kr.",
    implementation: formatMoney,
  },
  {
    name: "telefon",
    params: [["phone"]],
    returns: "text",
    example: "89 15 10 00",
    implementation: formatPhone,
  },
  {
    name: "fireUgerEfter",
    params: [DATES],
    returns: "date",
    example: "the date four weeks later (appeal deadlines)",
    implementation: (date) => addWeeks(String(date).slice(0, 10), 4),
  },
  {
    name: "ugerEfter",
    params: [DATES, []],
    returns: "date",
    example: "{{dato (ugerEfter brevdato 2)}}",
    implementation: (date, weeks) => addWeeks(String(date).slice(0, 10), Number(weeks)),
  },
  {
    name: "lig",
    params: [[], []],
    returns: "boolean",
    example: '{{#if (lig ydelse "kontanthjælp")}}...{{/if}}',
    implementation: (a, b) => a === b,
  },
];

/** Handlebars' own block helpers that templates may use. */
export const BUILT_IN_HELPERS: ReadonlySet<string> = new Set(["if", "unless"]);

export const HELPER_NAMES: ReadonlySet<string> = new Set(HELPERS.map((helper) => helper.name));

export function helperSpec(name: string): HelperSpec | undefined {
  return HELPERS.find((helper) => helper.name === name);
}

/** Helpers as Handlebars functions: the last argument is Handlebars' options object. */
export function handlebarsHelpers(): Record<string, HelperDelegate> {
  const result: Record<string, HelperDelegate> = {};
  for (const spec of HELPERS) {
    result[spec.name] = (...args: unknown[]) => {
      const params = args.slice(0, -1);
      if (params.length !== spec.params.length) {
        throw new Error(
          `helper "${spec.name}" takes ${spec.params.length} value(s), got ${params.length}`
        );
      }
      try {
        return spec.implementation(...params);
      } catch (error) {
        throw new Error(`helper "${spec.name}": ${(error as Error).message}`);
      }
    };
  }
  return result;
}
