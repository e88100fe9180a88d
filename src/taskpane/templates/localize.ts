import type { Strings } from "../strings/index.js";
import type { TemplateField, TemplateInfo } from "./library.js";

/**
 * The template library in the UI's language. The letters stay Danish (they go to Danish
 * citizens); only the texts around them follow the UI: an English UI shows a template's English
 * title, description, field labels and help, and the Danish text wherever there is no English.
 */
export type UiLanguage = Strings["lang"];

export function templateTitle(template: TemplateInfo, lang: UiLanguage): string {
  return (lang === "en" && template.titleEn) || template.title;
}

export function templateDescription(template: TemplateInfo, lang: UiLanguage): string | undefined {
  return (lang === "en" && template.descriptionEn) || template.description;
}

/** The field as the form shows it: label and help in the UI's language. */
export function localizedField(field: TemplateField, lang: UiLanguage): TemplateField {
  if (lang !== "en") return field;
  const shown: TemplateField = { ...field, label: field.labelEn ?? field.label };
  const help = field.helpEn ?? field.help;
  if (help !== undefined) shown.help = help;
  return shown;
}

/** Whether a template matches a search: Danish and English texts both count, in any UI. */
export function templateMatches(
  template: TemplateInfo,
  needle: string,
  letterTypeName: string
): boolean {
  if (!needle) return true;
  return [
    template.title,
    template.titleEn,
    template.id,
    template.description,
    template.descriptionEn,
    letterTypeName,
  ].some((text) => (text ?? "").toLowerCase().includes(needle));
}
