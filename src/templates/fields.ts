import { parseDateTime, parseIsoDate, parseMoney, parsePhone, parseTime } from "./danish.js";

/** Field types a template may declare in its front matter. */
export const FIELD_TYPES = [
  "text",
  "date",
  "time",
  "datetime",
  "address",
  "phone",
  "money",
  "choice",
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldDefinition {
  name: string;
  type: FieldType;
  /** Required unless the front matter says `required: false`. */
  required: boolean;
  /** Help text for the person filling in the letter. */
  help?: string;
  /** Allowed values of a choice field. */
  options?: string[];
}

/** Types whose raw value is not Danish text: the body must format them with a helper. */
export const NEEDS_HELPER: Readonly<Partial<Record<FieldType, string>>> = {
  date: "{{dato NAME}} or {{kortdato NAME}}",
  time: "{{tid NAME}}",
  datetime: "{{datotid NAME}}",
  money: "{{beløb NAME}}",
  phone: "{{telefon NAME}}",
};

/** A field name Handlebars reads as one plain identifier; Danish letters are welcome. */
const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;
/** Names that would reach JavaScript object internals. */
const RESERVED = new Set([
  "constructor",
  "prototype",
  "__proto__",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "this",
]);

export interface FieldDefinitionIssue {
  /** Index in the `fields` list, for locating the line. */
  index: number;
  message: string;
  /** The field's name, when it has one (its uses are then not reported again as undeclared). */
  name?: string;
}

/** Read the `fields` list of a front matter; bad entries are issues, good ones definitions. */
export function readFieldDefinitions(raw: unknown): {
  fields: FieldDefinition[];
  issues: FieldDefinitionIssue[];
} {
  const fields: FieldDefinition[] = [];
  const issues: FieldDefinitionIssue[] = [];
  if (raw === undefined || raw === null) return { fields, issues };
  if (!Array.isArray(raw)) {
    return {
      fields,
      issues: [
        { index: -1, message: "'fields' must be a list of fields (- name: ..., type: ...)" },
      ],
    };
  }
  const seen = new Set<string>();
  raw.forEach((item: unknown, index) => {
    const fail = (message: string) => {
      const name = (item as { name?: unknown } | null)?.name;
      issues.push(typeof name === "string" ? { index, message, name } : { index, message });
    };
    if (item === null || typeof item !== "object" || Array.isArray(item))
      return fail(`field ${index + 1} must be a mapping with name and type`);
    const entry = item as Record<string, unknown>;
    const name = entry.name;
    if (typeof name !== "string" || !name) return fail(`field ${index + 1} has no name`);
    if (!NAME.test(name) || RESERVED.has(name)) {
      return fail(
        `field name "${name}" must be one word of letters, digits and _ (and not a reserved word)`
      );
    }
    if (seen.has(name)) return fail(`field "${name}" is declared twice`);
    seen.add(name);
    const type = entry.type;
    if (typeof type !== "string" || !(FIELD_TYPES as readonly string[]).includes(type)) {
      return fail(
        `field "${name}" has unknown field type "${String(type)}"; the types are ${FIELD_TYPES.join(", ")}`
      );
    }
    const field: FieldDefinition = { name, type: type as FieldType, required: true };
    if (entry.required !== undefined) {
      if (typeof entry.required !== "boolean")
        return fail(`field "${name}": required must be true or false`);
      field.required = entry.required;
    }
    if (entry.help !== undefined) {
      if (typeof entry.help !== "string") return fail(`field "${name}": help must be text`);
      field.help = entry.help;
    }
    if (type === "choice") {
      const options = entry.options;
      if (
        !Array.isArray(options) ||
        options.length === 0 ||
        !options.every((option) => typeof option === "string")
      ) {
        return fail(`choice field "${name}" needs 'options': a list of the allowed values`);
      }
      field.options = options as string[];
    } else if (entry.options !== undefined) {
      return fail(`field "${name}" has options, but only choice fields have options`);
    }
    const unknown = Object.keys(entry).filter(
      (key) => !["name", "type", "required", "help", "options"].includes(key)
    );
    if (unknown.length > 0) return fail(`field "${name}" has unknown key "${unknown[0]}"`);
    fields.push(field);
  });
  return { fields, issues };
}

/** Field values checked against their definitions: the context the template renders with. */
export type FieldValues = Record<string, string | number>;

/** C0 control characters other than tab and newline never belong in a letter. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/u;

/**
 * Check data against field definitions. Returns a context with a null prototype (so a template
 * can never reach `constructor` and friends through it) and the problems, one line each.
 */
export function checkFieldValues(
  fields: readonly FieldDefinition[],
  data: unknown
): { values: FieldValues; errors: string[] } {
  const values = Object.create(null) as FieldValues;
  const errors: string[] = [];
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return { values, errors: ["the data must be an object of field values"] };
  }
  const record = data as Record<string, unknown>;
  const declared = new Set(fields.map((field) => field.name));
  for (const key of Object.keys(record)) {
    if (!declared.has(key)) {
      errors.push(`unknown field "${key}" (the fields are: ${[...declared].join(", ") || "none"})`);
    }
  }
  for (const field of fields) {
    const raw = Object.hasOwn(record, field.name) ? record[field.name] : undefined;
    if (raw === undefined || raw === null || raw === "") {
      if (field.required)
        errors.push(
          `missing required field "${field.name}"${field.help ? ` (${field.help})` : ""}`
        );
      else values[field.name] = "";
      continue;
    }
    try {
      values[field.name] = checkValue(field, raw);
    } catch (error) {
      errors.push(`field "${field.name}": ${(error as Error).message}`);
    }
  }
  return { values, errors };
}

function checkValue(field: FieldDefinition, raw: unknown): string | number {
  if (field.type === "money" && typeof raw === "number") {
    parseMoney(raw);
    return raw;
  }
  if (typeof raw !== "string" && typeof raw !== "number") throw new Error("must be text");
  let value = String(raw);
  if (CONTROL.test(value)) throw new Error("contains control characters");
  value = value.replace(/\t/gu, " ");
  if (field.type === "address") {
    // An address may come as lines; in a sentence it reads "Laksetorvet 1, 8900 Randers C".
    value = value
      .split(/\r?\n/u)
      .map((line) => line.trim())
      .filter(Boolean)
      .join(", ");
  } else if (/[\r\n]/u.test(value)) {
    throw new Error("must be one line");
  }
  value = value.trim();
  switch (field.type) {
    case "date":
      parseIsoDate(value);
      if (value.length !== 10) throw new Error(`"${value}" is not a date (write YYYY-MM-DD)`);
      break;
    case "time":
      parseTime(value);
      if (value.includes("T")) throw new Error(`"${value}" is not a time (write HH:MM)`);
      break;
    case "datetime":
      parseDateTime(value);
      break;
    case "phone":
      parsePhone(value);
      break;
    case "money":
      parseMoney(value);
      break;
    case "choice":
      if (!field.options?.includes(value)) {
        throw new Error(`"${value}" is not one of the choices: ${field.options?.join(", ")}`);
      }
      break;
    default:
      break;
  }
  return value;
}
