import { parseDocument } from "yaml";
import type { LetterType } from "../engine/types.js";
import { splitFrontMatter } from "./front-matter.js";
import { englishGaps } from "./english.js";
import { englishText, readFieldDefinitions, type FieldDefinition } from "./fields.js";
import { parseHandlebars, type Usage } from "./handlebars-source.js";
import { LETTER_TYPES } from "./legal-blocks.js";
import { problem, TemplateError, type Problem } from "./problems.js";

/** A legal block a template includes, optionally pinned to a version ("sanktioner@1"). */
export interface LegalInclude {
  id: string;
  version?: string;
}

/** A standard letter as the benefits office writes it: templates/letters/<id>.md. */
export interface LetterTemplate {
  file: string;
  id: string;
  title: string;
  /** The title in an English UI (`titleEn`); the letter itself stays Danish. */
  titleEn?: string;
  letterType: LetterType;
  version: string;
  description?: string;
  /** The description in an English UI (`descriptionEn`). */
  descriptionEn?: string;
  fields: FieldDefinition[];
  /** Fields whose definition is broken (reported once, not again at every use). */
  brokenFields: string[];
  legal: LegalInclude[];
  sample: Record<string, unknown>;
  body: string;
  bodyLine: number;
  usages: Usage[];
}

const ID = /^[a-zæøå0-9][a-zæøå0-9-]*$/u;
const KEYS = [
  "id",
  "title",
  "titleEn",
  "letterType",
  "version",
  "description",
  "descriptionEn",
  "fields",
  "legal",
  "sample",
];

/**
 * Parse a letter template. Fatal problems (front matter, id, syntax error, missing sample data)
 * throw a TemplateError; field definition problems come back as `problems` (they fail the
 * check, but the template is still rendered with the fields that are fine).
 */
export function parseLetterTemplate(
  file: string,
  source: string
): { template: LetterTemplate; problems: Problem[] } {
  const front = splitFrontMatter(file, source);
  const data = front.data;
  const problems: Problem[] = [];
  const fatal = (message: string, line = 2): never => {
    throw new TemplateError(problem(file, message, line, 1));
  };
  const lineOf = keyLines(source);

  const id = data.id;
  if (typeof id !== "string" || !ID.test(id))
    fatal(`template has no valid 'id' (lower-case letters, digits, hyphens)`);
  const title = data.title;
  if (typeof title !== "string" || !title.trim()) fatal(`template "${String(id)}" has no title`);
  const letterType = data.letterType;
  if (typeof letterType !== "string" || !(LETTER_TYPES as readonly string[]).includes(letterType)) {
    fatal(
      `letterType must be one of ${LETTER_TYPES.join(", ")}, not "${String(letterType)}"`,
      lineOf("letterType")
    );
  }
  const version = data.version === undefined ? "1" : String(data.version);

  const { fields, issues, warnings } = readFieldDefinitions(data.fields);
  for (const issue of issues)
    problems.push(problem(file, issue.message, lineOf("fields", issue.index), 1));
  for (const issue of warnings)
    problems.push(warning(file, issue.message, lineOf("fields", issue.index)));

  // English UI texts are optional: an unusable one is a warning and the UI shows the Danish.
  const english: { titleEn?: string; descriptionEn?: string } = {};
  for (const key of ["titleEn", "descriptionEn"] as const) {
    const text = englishText(data[key]);
    if (text === false)
      problems.push(
        warning(
          file,
          `'${key}' must be text; the English UI shows the Danish text instead`,
          lineOf(key)
        )
      );
    else if (text !== undefined) english[key] = text;
  }

  const legal: LegalInclude[] = [];
  const rawLegal = data.legal ?? [];
  if (!Array.isArray(rawLegal) || !rawLegal.every((item) => typeof item === "string")) {
    problems.push(
      problem(
        file,
        "'legal' must be a list of legal block ids (klagevejledning, or sanktioner@1 to pin a version)",
        lineOf("legal"),
        1
      )
    );
  } else {
    for (const item of rawLegal as string[]) {
      const [blockId, pinned, extra] = item.split("@");
      const include: LegalInclude = { id: blockId!.trim() };
      if (pinned !== undefined) include.version = pinned.trim();
      if (extra !== undefined || !include.id)
        problems.push(problem(file, `bad legal block reference "${item}"`, lineOf("legal"), 1));
      else legal.push(include);
    }
  }

  const sample = data.sample;
  if (sample === undefined || sample === null) {
    fatal(
      `template "${String(id)}" has no sample data ('sample:' in the front matter); the check renders every template with it`
    );
  }
  if (typeof sample !== "object" || Array.isArray(sample))
    fatal("'sample' must be a mapping of field values", lineOf("sample"));

  for (const key of Object.keys(data)) {
    if (!KEYS.includes(key))
      problems.push(warning(file, `unknown front matter key "${key}"`, lineOf(key)));
  }

  const parsed = parseHandlebars(file, front.body, front.bodyLine);
  const template: LetterTemplate = {
    file,
    id: id as string,
    title: (title as string).trim(),
    letterType: letterType as LetterType,
    version,
    fields,
    brokenFields: issues.flatMap((issue) => (issue.name ? [issue.name] : [])),
    legal,
    sample: sample as Record<string, unknown>,
    body: front.body,
    bodyLine: front.bodyLine,
    usages: parsed.usages,
  };
  if (typeof data.description === "string") template.description = data.description;
  Object.assign(template, english);
  const gaps = englishGaps(template);
  if (gaps) problems.push(warning(file, gaps, 2));
  return { template, problems };
}

function warning(file: string, message: string, line: number): Problem {
  return { ...problem(file, message, line, 1), severity: "warning" };
}

/**
 * Line numbers of front matter keys (and of the n-th item under a key), for messages. The front
 * matter has already parsed, so this only locates.
 */
function keyLines(source: string): (key: string, index?: number) => number {
  const lines = source.split(/\r?\n/u);
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === "---");
  const yaml = lines.slice(1, end < 0 ? lines.length : end).join("\n");
  const document = parseDocument(yaml);
  const offsets = [0];
  for (let i = yaml.indexOf("\n"); i !== -1; i = yaml.indexOf("\n", i + 1)) offsets.push(i + 1);
  const lineAt = (offset: number) => offsets.filter((start) => start <= offset).length + 1;
  return (key, index) => {
    const node = (
      index === undefined || index < 0
        ? document.getIn([key], true)
        : document.getIn([key, index], true)
    ) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lineAt(node.range[0]);
    const pair = lines.findIndex((line) => line.startsWith(`${key}:`));
    return pair >= 0 ? pair + 1 : 2;
  };
}
