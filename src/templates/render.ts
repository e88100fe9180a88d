import Handlebars from "handlebars";
import { buildLetter, type LegalRef, type Letter } from "../engine/letter/model.js";
import { checkFieldValues, type LegalFieldUse } from "./fields.js";
import { handlebarsHelpers, HELPER_NAMES } from "./helpers.js";
import { markHoles } from "./legal-holes.js";
import type { LegalBlockSource } from "./legal-blocks.js";
import type { LetterTemplate } from "./letter-templates.js";
import { problem, TemplateError } from "./problems.js";
import {
  LEGAL_CLOSE,
  LEGAL_OPEN,
  LEGAL_OPEN_END,
  structureRendered,
  toMarkedText,
} from "./structure.js";
import { validateTemplate, type LegalResolver } from "./validate.js";

export interface RenderResult {
  letter: Letter;
  /** Markdown with protected-block markers (`klarbrev render --format md`). */
  markdown: string;
  /** Structure problems (no subject, legal guidance not last...). */
  problems: string[];
}

const MARKER_SYNTAX = /<!--|-->|klarbrev\s*:\s*legal/iu;

/** Compile options for every template and partial: strict, and plain text (no HTML escaping). */
const COMPILE = {
  strict: true,
  noEscape: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries([...HELPER_NAMES].map((name) => [name, true])),
} as const;

/**
 * Render a letter template with data into a Letter. The data is checked against the template's
 * fields first (a missing required field is an error naming the field and the template). Field
 * values are only ever data: they are passed to a compiled template, never compiled themselves,
 * so a value like "{{> klagevejledning}}" is printed as it is.
 */
export function renderTemplate(
  template: LetterTemplate,
  data: unknown,
  resolve: LegalResolver
): RenderResult {
  const fail = (message: string): never => {
    throw new TemplateError(problem(template.file, `template "${template.id}": ${message}`));
  };
  const invalid = validateTemplate(template, resolve).find((entry) => entry.severity === "error");
  if (invalid) throw new TemplateError(invalid);

  const sources = template.legal.map((include) => {
    const block = resolve(include.id, include.version);
    if (!block)
      fail(
        `legal block "${include.id}${include.version ? `@${include.version}` : ""}" does not exist`
      );
    return block as LegalBlockSource;
  });
  const { values, errors } = checkFieldValues(template.fields, data, legalFieldUse(sources));
  if (errors.length > 0) fail(errors.join("; "));

  const handlebars = Handlebars.create();
  handlebars.registerHelper(handlebarsHelpers());
  const refs: LegalRef[] = [];
  for (const source of sources) {
    refs.push({ id: source.id, version: source.version, title: source.title });
    // The trailing newline keeps two partials on consecutive lines on lines of their own.
    // Fields wrapped, so the letter records what filled them (legal-holes.ts).
    const text = markHoles(source.text) ?? source.text;
    const wrapped = `${LEGAL_OPEN}${refs.length - 1}${LEGAL_OPEN_END}${text}${LEGAL_CLOSE}\n`;
    handlebars.registerPartial(source.id, handlebars.compile(wrapped, COMPILE));
  }

  let rendered = "";
  try {
    rendered = handlebars.compile(template.body, COMPILE)(values);
  } catch (error) {
    fail(String((error as Error).message ?? error).split("\n")[0]!);
  }
  const { blocks, problems } = structureRendered(rendered, refs);
  // Values cannot hold marker syntax (fields.ts); the template's own text must not either, or
  // `render --format md` would hold a legal block nobody approved.
  const forged = blocks.find((block) => block.kind !== "legal" && MARKER_SYNTAX.test(block.text));
  if (forged) {
    fail(
      `the letter's own text contains legal-marker syntax (<!--, -->, klarbrev:legal) outside a legal block: "${forged.text.slice(0, 60)}"; include guidance with {{> id}}`
    );
  }
  const letter = buildLetter(blocks);
  return { letter, markdown: toMarkedText(letter), problems };
}

/** The fields each legal block fills in (declared, or used in its text): name → block ids. */
export function legalFieldUse(sources: readonly LegalBlockSource[]): LegalFieldUse {
  const use = new Map<string, string[]>();
  for (const source of sources) {
    const names = new Set([
      ...Object.keys(source.fields),
      ...source.usages.filter((usage) => usage.kind === "field").map((usage) => usage.name),
    ]);
    for (const name of names) use.set(name, [...(use.get(name) ?? []), source.id]);
  }
  return use;
}
