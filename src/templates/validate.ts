import { NEEDS_HELPER, type FieldDefinition, type FieldType } from "./fields.js";
import { BUILT_IN_HELPERS, helperSpec, HELPER_NAMES } from "./helpers.js";
import type { LegalBlockSource } from "./legal-blocks.js";
import type { LetterTemplate } from "./letter-templates.js";
import { problem, type Problem } from "./problems.js";

/** Finds a legal block by id: the given version, or the current one. */
export type LegalResolver = (id: string, version?: string) => LegalBlockSource | undefined;

/**
 * Check a template's body against its front matter and the legal registry: every field it uses
 * is declared (with the right type for its helper), every helper and partial exists, dates and
 * amounts are formatted by a helper, the legal partials match the `legal:` list, and the legal
 * blocks' fields are declared by the template. Each problem names the file, line and column.
 */
export function validateTemplate(template: LetterTemplate, resolve: LegalResolver): Problem[] {
  const problems: Problem[] = [];
  const file = template.file;
  const fields = new Map<string, FieldDefinition>(
    template.fields.map((field) => [field.name, field])
  );
  const used = new Set<string>();
  const partials = new Set<string>();

  for (const usage of template.usages) {
    const at = (message: string) => problems.push(problem(file, message, usage.line, usage.column));
    switch (usage.kind) {
      case "partial": {
        partials.add(usage.name);
        if (!resolve(usage.name))
          at(`unknown partial "${usage.name}": there is no legal block with that id`);
        else if (!template.legal.some((include) => include.id === usage.name)) {
          at(`partial "${usage.name}" is not listed under 'legal' in the front matter`);
        }
        break;
      }
      case "block":
        if (!BUILT_IN_HELPERS.has(usage.name))
          at(`{{#${usage.name}}} is not allowed in a template; use {{#if}} or {{#unless}}`);
        break;
      case "helper":
        if (!HELPER_NAMES.has(usage.name)) {
          at(`unknown helper "${usage.name}"; the helpers are ${[...HELPER_NAMES].join(", ")}`);
        }
        break;
      case "field": {
        if (usage.nested) break;
        used.add(usage.name);
        const field = fields.get(usage.name);
        if (!field && template.brokenFields.includes(usage.name)) break;
        if (!field) {
          at(`field "${usage.name}" is not declared under 'fields' in the front matter`);
          break;
        }
        const advice = NEEDS_HELPER[field.type];
        if (usage.bare && advice) {
          at(
            `field "${usage.name}" is a ${field.type}: write ${advice.replaceAll("NAME", usage.name)}`
          );
        }
        const spec = usage.helper ? helperSpec(usage.helper) : undefined;
        const accepts = spec && usage.param !== undefined ? spec.params[usage.param] : undefined;
        if (accepts && accepts.length > 0 && !accepts.includes(field.type)) {
          at(
            `helper "${usage.helper}" needs a ${accepts.join(" or ")} field, but "${usage.name}" is a ${field.type}`
          );
        }
        break;
      }
    }
  }

  for (const include of template.legal) {
    const block = resolve(include.id, include.version);
    if (!block) {
      problems.push(
        problem(
          file,
          `legal block "${include.id}${include.version ? `@${include.version}` : ""}" (under 'legal') does not exist`,
          2,
          1
        )
      );
      continue;
    }
    if (!partials.has(include.id)) {
      problems.push(
        problem(
          file,
          `legal block "${include.id}" is listed under 'legal' but the text never includes {{> ${include.id}}}`,
          2,
          1
        )
      );
    }
    for (const [name, type] of Object.entries(block.fields)) {
      used.add(name);
      const field = fields.get(name);
      if (!field)
        problems.push(
          problem(
            file,
            `legal block "${include.id}" needs the field "${name}" (${type}); declare it under 'fields'`,
            2,
            1
          )
        );
      else if (!compatible(type, field.type)) {
        problems.push(
          problem(
            file,
            `legal block "${include.id}" needs "${name}" to be a ${type}, but it is a ${field.type}`,
            2,
            1
          )
        );
      }
    }
  }

  for (const field of template.fields) {
    if (!used.has(field.name)) {
      problems.push({
        ...problem(file, `field "${field.name}" is declared but never used`, 2, 1),
        severity: "warning",
      });
    }
  }
  return problems;
}

function compatible(wanted: FieldType, actual: FieldType): boolean {
  return wanted === actual || (wanted === "text" && ["text", "address", "choice"].includes(actual));
}
