/**
 * Word documents outside Word: read a .docx as the engine's Letter, analyse it, write a reviewed
 * copy with tracked changes and comments. Node-free apart from the caller's file reading.
 */
export { DocxError } from "./errors.js";
export { DOCX_LIMITS } from "./package.js";
export {
  docxPosition,
  readDocx,
  type DocxLetter,
  type DocxParagraph,
  type DocxPosition,
  type DocxReport,
  type Placeholder,
  type ReadOptions,
} from "./read.js";
export { analyzeDocx } from "./analyze.js";
