import type { VFile } from "vfile";
import type { Language } from "../types.js";

/** The language findings are written in: the UI's when the caller names it, else the letter's. */
export function messageLanguage(file: VFile): Language {
  return file.data.options?.messageLanguage ?? file.data.language ?? "da";
}
