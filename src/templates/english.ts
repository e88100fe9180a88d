import type { LetterTemplate } from "./letter-templates.js";

/**
 * A letter template's English UI texts (titleEn, descriptionEn, per field labelEn and helpEn)
 * are optional: a Danish-only template is fine, and the English UI falls back to the Danish
 * text. A template that is partly in English, though, was most likely left half done, so the
 * check names what is missing, as one warning (never an error: English is not the letter).
 */
export function englishGaps(template: LetterTemplate): string | undefined {
  const started =
    template.titleEn !== undefined ||
    template.descriptionEn !== undefined ||
    template.fields.some((field) => field.labelEn !== undefined || field.helpEn !== undefined);
  if (!started) return undefined;
  const missing: string[] = [];
  if (template.titleEn === undefined) missing.push("titleEn");
  if (template.description !== undefined && template.descriptionEn === undefined)
    missing.push("descriptionEn");
  for (const field of template.fields) {
    if (field.labelEn === undefined) missing.push(`labelEn of "${field.name}"`);
    if (field.help !== undefined && field.helpEn === undefined)
      missing.push(`helpEn of "${field.name}"`);
  }
  if (missing.length === 0) return undefined;
  return `template "${template.id}" is partly in English: no ${missing.join(", ")}; the English UI shows the Danish text there`;
}
