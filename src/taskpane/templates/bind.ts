import { compareVersions } from "../../engine/rules/legal/integrity.js";
import type { LegalRegistryEntry } from "../../engine/rules/legal/types.js";
import type { LegalBlockSource } from "../../templates/legal-blocks.js";
import type { LetterTemplate } from "../../templates/letter-templates.js";
import { renderTemplate } from "../../templates/render.js";
import type { LegalResolver } from "../../templates/validate.js";
import type { TemplateField, TemplateInfo, TemplateLibrary } from "./library.js";

/** The template library as data: what build.ts bundles (see collect.ts). */
export interface BundledTemplateData {
  templates: LetterTemplate[];
  legal: LegalBlockSource[];
  registry: LegalRegistryEntry[];
}

/** Bind the template library's data and pure renderer to the task pane's interface. */
export function libraryFromData(source: BundledTemplateData): TemplateLibrary | undefined {
  if (source.templates.length === 0 && source.registry.length === 0) return undefined;
  const resolve: LegalResolver = (id, version) => {
    const versions = source.legal.filter((block) => block.id === id);
    if (version !== undefined) return versions.find((block) => block.version === version);
    return [...versions].sort((a, b) => compareVersions(b.version, a.version))[0];
  };
  const byId = new Map(source.templates.map((template) => [template.id, template]));
  return {
    templates: source.templates.map(toInfo),
    legalRegistry: source.registry,
    render(id, values) {
      const template = byId.get(id);
      if (!template) throw new Error(`unknown template "${id}"`);
      return renderTemplate(template, values, resolve).letter;
    },
  };
}

function toInfo(template: LetterTemplate): TemplateInfo {
  const info: TemplateInfo = {
    id: template.id,
    title: template.title,
    letterType: template.letterType,
    version: template.version,
    fields: template.fields.map((field) => {
      const view: TemplateField = {
        name: field.name,
        type: field.type,
        label: labelOf(field.name),
        required: field.required,
      };
      if (field.labelEn) view.labelEn = field.labelEn;
      if (field.help) view.help = field.help;
      if (field.helpEn) view.helpEn = field.helpEn;
      if (field.options) view.options = [...field.options];
      return view;
    }),
    sample: Object.fromEntries(
      template.fields
        .filter((field) => template.sample[field.name] !== undefined)
        .map((field) => [field.name, formValue(field.type, template.sample[field.name])])
    ),
  };
  if (template.titleEn) info.titleEn = template.titleEn;
  if (template.description) info.description = template.description;
  if (template.descriptionEn) info.descriptionEn = template.descriptionEn;
  return info;
}

/** "mødedato" -> "Mødedato", "sagsbehandler_tlf" -> "Sagsbehandler tlf". */
export function labelOf(name: string): string {
  const spaced = name.replace(/_/gu, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A sample value as the form holds it (Danish money, "dato kl. tid" for date and time). */
function formValue(type: TemplateField["type"], value: unknown): string {
  if (type === "money") {
    const amount = typeof value === "number" ? value : Number(String(value).replace(",", "."));
    return Number.isFinite(amount) ? amount.toFixed(2).replace(".", ",") : String(value);
  }
  if (type === "datetime") return String(value).replace("T", " kl. ");
  return String(value);
}
