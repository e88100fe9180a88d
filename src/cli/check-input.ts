import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { analyzeDocx, docxPosition, DOCX_LIMITS, DocxError, readDocx } from "../docx/index.js";
import type { DocxPosition } from "../docx/index.js";
import { analyzeText, type Analysis, type AnalyzeOptions } from "../engine/index.js";
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
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, reason: "is a directory, not a letter file" };
    if (!info.isFile()) return { ok: false, reason: "is not a regular file" };
    if (info.size > DOCX_LIMITS.fileBytes) {
      return {
        ok: false,
        reason: `file is too large (${Math.ceil(info.size / (1024 * 1024))} MB; the limit for Word documents is ${DOCX_LIMITS.fileBytes / (1024 * 1024)} MB)`,
      };
    }
    bytes = await readFile(path);
  } catch (error) {
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
    throw error;
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
