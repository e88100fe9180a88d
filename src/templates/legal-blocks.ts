import type { LetterType } from "../engine/types.js";
import { splitFrontMatter } from "./front-matter.js";
import { FIELD_TYPES, type FieldType } from "./fields.js";
import { parseHandlebars, type Usage } from "./handlebars-source.js";
import { HELPER_NAMES } from "./helpers.js";
import { problem, TemplateError, type Problem } from "./problems.js";

export const LETTER_TYPES: readonly LetterType[] = [
  "indkaldelse",
  "afgørelse",
  "partshøring",
  "anmodning",
  "orientering",
];

/**
 * One version of one legal guidance block, as legal staff write it: a file in templates/legal/
 * with front matter (id, version, title, legalBasis, requiredFor, fields...) and the text.
 */
export interface LegalBlockSource {
  file: string;
  id: string;
  version: string;
  title: string;
  /** The English title, for an English UI; not part of the approved (hashed) text. */
  titleEn?: string;
  legalBasis: string[];
  requiredFor: LetterType[];
  group?: string;
  sanction: boolean;
  /** Fields the text uses, with their types; a letter using the block must declare them. */
  fields: Record<string, FieldType>;
  /** The Handlebars text, trimmed. */
  text: string;
  bodyLine: number;
  notes?: string;
  usages: Usage[];
}

/** Block ids are partial names: `{{> klagevejledning}}`. */
const ID = /^[a-zæøå][a-zæøå0-9-]*$/u;
const VERSION = /^\d+(?:\.\d+)*$/u;
const KEYS = [
  "id",
  "version",
  "title",
  "titleEn",
  "legalBasis",
  "requiredFor",
  "group",
  "sanction",
  "fields",
  "notes",
];

/**
 * Parse a legal block file. Fatal problems (no id, bad front matter, syntax error) throw a
 * TemplateError; the rest come back as `problems` next to the block.
 */
export function parseLegalBlock(
  file: string,
  source: string
): { block: LegalBlockSource; problems: Problem[] } {
  const front = splitFrontMatter(file, source);
  const data = front.data;
  const problems: Problem[] = [];
  const fatal = (message: string): never => {
    throw new TemplateError(problem(file, message, 2, 1));
  };
  const id = data.id;
  if (id === undefined || id === null || id === "")
    fatal("legal block file has no 'id' in its front matter");
  if (typeof id !== "string" || !ID.test(id)) {
    fatal(
      `legal block id "${String(id)}" must be lower-case letters, digits and hyphens (it is the partial name)`
    );
  }
  const version = data.version === undefined || data.version === null ? "" : String(data.version);
  if (!VERSION.test(version))
    fatal(`legal block "${String(id)}" needs a version number (version: 1), not "${version}"`);
  const title = data.title;
  if (typeof title !== "string" || !title.trim()) fatal(`legal block "${String(id)}" has no title`);
  if (/["<>]/u.test(String(title)))
    fatal(`the title of legal block "${String(id)}" must not contain quotes or < >`);

  const titleEn = data.titleEn;
  if (titleEn !== undefined && (typeof titleEn !== "string" || !titleEn.trim()))
    problems.push(problem(file, `'titleEn' of legal block "${String(id)}" must be text`, 2, 1));
  else if (typeof titleEn === "string" && /["<>]/u.test(titleEn))
    problems.push(
      problem(
        file,
        `the titleEn of legal block "${String(id)}" must not contain quotes or < >`,
        2,
        1
      )
    );

  const list = (key: string): string[] => {
    const value = data[key];
    if (value === undefined || value === null) return [];
    if (typeof value === "string") return [value];
    if (Array.isArray(value) && value.every((item) => typeof item === "string"))
      return value as string[];
    problems.push(problem(file, `'${key}' must be a list of text`, 2, 1));
    return [];
  };
  const legalBasis = list("legalBasis");
  if (legalBasis.length === 0)
    problems.push(
      problem(file, `legal block "${String(id)}" names no legal basis (legalBasis)`, 2, 1)
    );
  const requiredFor = list("requiredFor").filter((type) => {
    if ((LETTER_TYPES as readonly string[]).includes(type)) return true;
    problems.push(
      problem(
        file,
        `requiredFor: unknown letter type "${type}"; the types are ${LETTER_TYPES.join(", ")}`,
        2,
        1
      )
    );
    return false;
  }) as LetterType[];

  const fields: Record<string, FieldType> = Object.create(null) as Record<string, FieldType>;
  const rawFields = data.fields;
  if (rawFields !== undefined && rawFields !== null) {
    if (typeof rawFields !== "object" || Array.isArray(rawFields)) {
      problems.push(
        problem(
          file,
          "'fields' of a legal block must be a mapping of field name to type (brevdato: date)",
          2,
          1
        )
      );
    } else {
      for (const [name, type] of Object.entries(rawFields as Record<string, unknown>)) {
        if (typeof type !== "string" || !(FIELD_TYPES as readonly string[]).includes(type)) {
          problems.push(
            problem(
              file,
              `field "${name}" has unknown field type "${String(type)}"; the types are ${FIELD_TYPES.join(", ")}`,
              2,
              1
            )
          );
        } else {
          fields[name] = type as FieldType;
        }
      }
    }
  }
  for (const key of Object.keys(data)) {
    if (!KEYS.includes(key))
      problems.push({
        ...problem(file, `unknown front matter key "${key}"`, 2, 1),
        severity: "warning",
      });
  }

  const text = front.body.trim();
  const leading = front.body.slice(0, front.body.indexOf(text)).split("\n").length - 1;
  if (!text) fatal(`legal block "${String(id)}" has no text`);
  const parsed = parseHandlebars(file, text, front.bodyLine + leading);
  problems.push(...checkLegalText(file, parsed.usages, fields));

  const block: LegalBlockSource = {
    file,
    id: id as string,
    version,
    title: (title as string).trim(),
    legalBasis,
    requiredFor,
    sanction: data.sanction === true,
    fields,
    text,
    bodyLine: front.bodyLine + leading,
    usages: parsed.usages,
  };
  if (typeof titleEn === "string" && titleEn.trim() && !/["<>]/u.test(titleEn))
    block.titleEn = titleEn.trim();
  if (typeof data.group === "string" && data.group) block.group = data.group;
  if (typeof data.notes === "string") block.notes = data.notes;
  return { block, problems };
}

/** Legal text is fixed wording with simple fields: no conditions, loops or partials. */
function checkLegalText(
  file: string,
  usages: readonly Usage[],
  fields: Record<string, FieldType>
): Problem[] {
  const problems: Problem[] = [];
  for (const usage of usages) {
    if (usage.kind === "block" || usage.kind === "partial") {
      const what = usage.kind === "partial" ? `partial "${usage.name}"` : `{{#${usage.name}}}`;
      problems.push(
        problem(
          file,
          `legal text must be fixed wording: ${what} is not allowed in a legal block`,
          usage.line,
          usage.column
        )
      );
    } else if (usage.kind === "helper" && !HELPER_NAMES.has(usage.name)) {
      problems.push(problem(file, `unknown helper "${usage.name}"`, usage.line, usage.column));
    } else if (usage.kind === "field" && !Object.hasOwn(fields, usage.name)) {
      problems.push(
        problem(
          file,
          `field "${usage.name}" is not declared under 'fields' in the front matter`,
          usage.line,
          usage.column
        )
      );
    }
  }
  return problems;
}
