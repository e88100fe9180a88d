import type { Letter } from "../../engine/letter/model.js";
import type { LegalRegistryEntry } from "../../engine/rules/legal/types.js";
import type { LetterType } from "../../engine/types.js";

/**
 * What the task pane needs from the template library (src/templates/): the templates' front
 * matter as data and a pure render function. The browser gets them bundled at build time.
 */
export type FieldType =
  "text" | "date" | "time" | "datetime" | "address" | "phone" | "money" | "choice";

export interface TemplateField {
  name: string;
  type: FieldType;
  label: string;
  /** The label in an English UI; without it the English UI shows `label`. */
  labelEn?: string;
  required: boolean;
  help?: string;
  /** The help text in an English UI; without it the English UI shows `help`. */
  helpEn?: string;
  /** Choices for type "choice". */
  options?: string[];
}

export interface TemplateInfo {
  id: string;
  title: string;
  /** The title in an English UI (the letter itself stays Danish). */
  titleEn?: string;
  letterType: LetterType;
  version: string;
  description?: string;
  descriptionEn?: string;
  fields: TemplateField[];
  /** Sample values, as the form holds them (strings). */
  sample?: Record<string, string>;
}

/**
 * Form values are strings as the caseworker typed them, normalised by the form:
 * date "YYYY-MM-DD", time "HH:MM", datetime "YYYY-MM-DDTHH:MM", money "1234.50".
 */
export type FieldValues = Record<string, string>;

export interface TemplateLibrary {
  templates: readonly TemplateInfo[];
  /** Render to a Letter whose legal blocks are protected (kind "legal" with id and version). */
  render(id: string, values: FieldValues): Letter;
  /** The approved legal guidance registry, for the engine's legal check. */
  legalRegistry?: readonly LegalRegistryEntry[];
}

export class TemplateRenderError extends Error {
  constructor(
    message: string,
    readonly field?: string
  ) {
    super(message);
    this.name = "TemplateRenderError";
  }
}
