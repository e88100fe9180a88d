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
  /** The help text in an English UI (`helpEn`); the letter itself stays Danish. */
  helpEn?: string;
  /** The field's label in an English UI (`labelEn`); a Danish UI labels it by its name. */
  labelEn?: string;
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
  /** English texts that cannot be used (ignored: the UI shows the Danish text instead). */
  warnings: FieldDefinitionIssue[];
} {
  const fields: FieldDefinition[] = [];
  const issues: FieldDefinitionIssue[] = [];
  const warnings: FieldDefinitionIssue[] = [];
  if (raw === undefined || raw === null) return { fields, issues, warnings };
  if (!Array.isArray(raw)) {
    return {
      fields,
      warnings,
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
    for (const key of ["helpEn", "labelEn"] as const) {
      const english = englishText(entry[key]);
      if (english === false)
        warnings.push({
          index,
          name,
          message: `field "${name}": ${key} must be text; the English UI shows the Danish text instead`,
        });
      else if (english !== undefined) field[key] = english;
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
      (key) => !["name", "type", "required", "help", "helpEn", "labelEn", "options"].includes(key)
    );
    if (unknown.length > 0) return fail(`field "${name}" has unknown key "${unknown[0]}"`);
    fields.push(field);
  });
  return { fields, issues, warnings };
}

/**
 * An optional English UI text: undefined when absent, false when unusable (not text, or blank),
 * else the trimmed text. English is never required: a gap falls back to the Danish text.
 */
export function englishText(value: unknown): string | false | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !value.trim()) return false;
  return value.trim();
}

/** Field values checked against their definitions: the context the template renders with. */
export type FieldValues = Record<string, string | number>;

/**
 * What a field value may hold. A value is caseworker text put into a letter: it must never be
 * able to add structure of its own (a paragraph, a heading, a legal block), in any output
 * format. So: no control characters (C0 and C1; a newline only in an address, which becomes one
 * line), no Unicode line or paragraph separators, no invisible direction controls (which can
 * make text read differently from how it is stored), and no legal-marker syntax.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
const SEPARATOR = /[\u2028\u2029]/u;
const DIRECTION = /[\u202a-\u202e\u2066-\u2069]/u;
/** `<!-- klarbrev:legal ... -->` and `<!-- /klarbrev:legal -->`, or any part of them. */
const MARKER = /<!--|-->|klarbrev\s*:\s*legal/iu;

/** A field value is a name, a date or a sentence or two: longer is a mistake (or an attack). */
export const MAX_FIELD_LENGTH = 1000;
/**
 * A field inside approved legal guidance holds at most this much: the legal check matches a
 * field without a helper against at most 400 characters (FIELD_MAX in
 * src/engine/rules/legal/matcher.ts; a test keeps the two in step), so a longer value could
 * never verify.
 */
export const MAX_LEGAL_FIELD_LENGTH = 400;

/** Where a field is used inside legal guidance: field name → the legal blocks' ids. */
export type LegalFieldUse = ReadonlyMap<string, readonly string[]>;

/**
 * Check data against field definitions. Returns a context with a null prototype (so a template
 * can never reach `constructor` and friends through it) and the problems, one line each.
 * Fields in `legal` fill holes in approved guidance and get the strict shape: one line, at most
 * MAX_LEGAL_FIELD_LENGTH characters.
 */
export function checkFieldValues(
  fields: readonly FieldDefinition[],
  data: unknown,
  legal: LegalFieldUse = new Map()
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
      errors.push(
        `unknown field "${key.slice(0, 60)}" (the fields are: ${[...declared].join(", ") || "none"})`
      );
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
      values[field.name] = checkValue(field, raw, legal.get(field.name));
    } catch (error) {
      errors.push(`field "${field.name}": ${(error as Error).message}`);
    }
  }
  return { values, errors };
}

/** Why a value may not be used, or undefined: the rules every field shares. */
function unsafeText(value: string): string | undefined {
  const control = CONTROL.exec(value) ?? SEPARATOR.exec(value);
  if (control) {
    const code = control[0].codePointAt(0)!;
    const name = LINE_BREAKS[code];
    return name
      ? `contains a ${name} (U+${hex(code)}); a field value is one line`
      : `contains a control character (U+${hex(code)})`;
  }
  const direction = DIRECTION.exec(value);
  if (direction)
    return `contains an invisible direction control (U+${hex(direction[0].codePointAt(0)!)})`;
  if (MARKER.test(value))
    return "contains legal-marker syntax (<!--, -->, klarbrev:legal); a field value cannot mark guidance";
  return undefined;
}

const LINE_BREAKS: Readonly<Record<number, string>> = {
  0x0b: "vertical tab",
  0x0c: "form feed",
  0x0d: "carriage return",
  0x1c: "file separator",
  0x1d: "group separator",
  0x1e: "record separator",
  0x85: "next-line character",
  0x2028: "line separator",
  0x2029: "paragraph separator",
};

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

function checkValue(
  field: FieldDefinition,
  raw: unknown,
  legalBlocks: readonly string[] | undefined
): string | number {
  if (field.type === "money" && typeof raw === "number") {
    parseMoney(raw);
    return raw;
  }
  if (typeof raw !== "string" && typeof raw !== "number") throw new Error("must be text");
  let value = String(raw);
  // First, and before any other work on it: a 10 MB value is refused in constant time.
  if (value.length > MAX_FIELD_LENGTH) {
    throw new Error(
      `is ${value.length} characters long; a field value may be at most ${MAX_FIELD_LENGTH} characters`
    );
  }
  if (field.type === "address") {
    // An address may come as lines; in a sentence it reads "Laksetorvet 1, 8900 Randers C".
    value = value
      .split(/\r?\n/u)
      .map((line) => line.trim())
      .filter(Boolean)
      .join(", ");
  } else if (value.includes("\n")) {
    throw new Error("must be one line");
  }
  const unsafe = unsafeText(value);
  if (unsafe) throw new Error(unsafe);
  value = value.replace(/\t/gu, " ").trim();
  // Inside guidance a value is verified in place (src/engine/rules/legal/recorded-fields.ts),
  // where braces would read as another field.
  if (legalBlocks && /\{\{|\}\}/u.test(value)) {
    throw new Error(
      `fills approved guidance (${legalBlocks.join(", ")}): it cannot contain {{ or }}`
    );
  }
  if (legalBlocks && value.length > MAX_LEGAL_FIELD_LENGTH) {
    throw new Error(
      `fills approved guidance (${legalBlocks.join(", ")}): at most ${MAX_LEGAL_FIELD_LENGTH} characters, not ${value.length}`
    );
  }
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
