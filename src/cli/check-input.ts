import { extname } from "node:path";
import { analyzeDocx, docxPosition, DOCX_LIMITS, DocxError, readDocx } from "../docx/index.js";
import type { DocxPosition } from "../docx/index.js";
import { analyzeText, type Analysis, type AnalyzeOptions } from "../engine/index.js";
import { FileReadError, readRegularFile } from "../files/read-regular.js";
import { fileSystemReason, readLetterFile } from "./read-input.js";

/**
 * One input of `klarbrev check`, whatever its format: text letters through read-input.ts, Word
 * documents through src/docx. `locate` is there for Word documents: paragraph and character.
 */
export interface CheckInput {
  path: string;
  notes: string[];
  analyze(options: Omit<AnalyzeOptions, "format">): Analysis;
  locate?: (offset: number) => DocxPosition;
}

export type CheckInputResult = { ok: true; input: CheckInput } | { ok: false; reason: string };

/** Word formats read by src/docx (macro-enabled and template variants too; macros are never run). */
export const WORD_EXTENSIONS: ReadonlySet<string> = new Set([".docx", ".docm", ".dotx", ".dotm"]);

export function isWordDocument(path: string): boolean {
  return WORD_EXTENSIONS.has(extname(path).toLowerCase());
}

export async function readCheckInput(path: string): Promise<CheckInputResult> {
  if (isWordDocument(path)) return readWordInput(path);
  const read = await readLetterFile(path);
  if (!read.ok) return read;
  const { text, format, notes } = read.input;
  return {
    ok: true,
    input: { path, notes, analyze: (options) => analyzeText(text, { ...options, format }) },
  };
}

/** Read a Word document from disk as a DocxLetter, or one line saying why not. */
export async function readWordFile(
  path: string
): Promise<{ ok: true; docx: ReturnType<typeof readDocx> } | { ok: false; reason: string }> {
  let bytes: Uint8Array;
  try {
    // One open handle for the check and the read: a path swapped for a FIFO in between cannot
    // hang the run (src/files/read-regular.ts).
    bytes = await readRegularFile(path, { maxBytes: DOCX_LIMITS.fileBytes });
  } catch (error) {
    if (error instanceof FileReadError && error.code === "EFBIG") {
      const size = error.size ?? DOCX_LIMITS.fileBytes + 1;
      return {
        ok: false,
        reason: `file is too large (${Math.ceil(size / (1024 * 1024))} MB; the limit for Word documents is ${DOCX_LIMITS.fileBytes / (1024 * 1024)} MB)`,
      };
    }
    return { ok: false, reason: fileSystemReason(error) };
  }
  try {
    const docx = readDocx(bytes, { fileName: path });
    if (docx.letter.text.trim() === "") {
      return { ok: false, reason: "the document has no body text to check" };
    }
    return { ok: true, docx };
  } catch (error) {
    if (error instanceof DocxError) return { ok: false, reason: error.message };
    // A reader bug must not cost the other files their report, nor print a stack trace.
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      ok: false,
      reason: `internal error while reading the document (${detail}); please report this`,
    };
  }
}

async function readWordInput(path: string): Promise<CheckInputResult> {
  const read = await readWordFile(path);
  if (!read.ok) return read;
  const docx = read.docx;
  return {
    ok: true,
    input: {
      path,
      notes: docx.notes,
      analyze: (options) => analyzeDocx(docx, options),
      locate: (offset) => docxPosition(docx, offset),
    },
  };
}
