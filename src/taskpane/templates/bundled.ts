import data from "klarbrev:template-data";
import { libraryFromData } from "./bind.js";
import type { TemplateLibrary } from "./library.js";

export type { BundledTemplateData } from "./bind.js";

/** The template library bundled into the task pane at build time, or undefined when none was. */
export function bundledTemplateLibrary(): TemplateLibrary | undefined {
  return libraryFromData(data);
}
