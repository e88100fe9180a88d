import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";

/**
 * Reading and validating one letter file. Every problem becomes a one-line reason; the caller
 * prints it as `klarbrev: <file>: <reason>` and goes on with the other files.
 */

/** Larger files are refused: a letter is a few pages; 10 MB is thousands. */
export const MAX_BYTES = 10 * 1024 * 1024;

export type InputFormat = "txt" | "md";

export interface LetterInput {
  path: string;
  /** Decoded UTF-8 with the BOM removed: finding offsets index into this string. */
  text: string;
  format: InputFormat;
  /** Things worth saying that do not stop the analysis (an unknown extension). */
  notes: string[];
}

export type ReadResult = { ok: true; input: LetterInput } | { ok: false; reason: string };

const FORMATS: Readonly<Record<string, InputFormat>> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "md",
  ".markdown": "md",
};

const SAVE_AS_TEXT = "save the letter as .txt or .md";
const UNSUPPORTED: Readonly<Record<string, string>> = {
  ".doc":
    "legacy Word 97-2003 document; convert it first: soffice --headless --convert-to docx FILE",
  ".odt": `OpenDocument files are not supported; ${SAVE_AS_TEXT}`,
  ".rtf": `RTF files are not supported; ${SAVE_AS_TEXT}`,
  ".pdf": `PDF files are not supported; copy the text into a .txt file`,
};

export async function readLetterFile(path: string): Promise<ReadResult> {
  const extension = extname(path).toLowerCase();
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fail("is a directory, not a letter file");
    if (!info.isFile() && !info.isFIFO()) return fail("is not a regular file");
    const unsupported = UNSUPPORTED[extension];
    if (unsupported) return fail(unsupported);
    if (info.size > MAX_BYTES) return fail(tooLarge(info.size));
    bytes = await readFile(path);
  } catch (error) {
    return fail(fileSystemReason(error));
  }
  if (bytes.length > MAX_BYTES) return fail(tooLarge(bytes.length));

  const decoded = decode(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  if (text.length === 0) return fail("file is empty");
  if (text.trim() === "") return fail("file contains only white space");

  const notes: string[] = [];
  let format = FORMATS[extension];
  if (!format) {
    format = "txt";
    notes.push(
      extension
        ? `unknown extension '${extension}', read as plain text`
        : "no file extension, read as plain text"
    );
  }
  return { ok: true, input: { path, text, format, notes } };
}

function decode(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail("file is UTF-16 text; save it as UTF-8");
  }
  if (bytes.indexOf(0) !== -1) return fail("binary file (contains NUL bytes), not a text letter");
  try {
    // Fatal: a wrong encoding must not turn into silently garbled letters. The BOM is dropped.
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    const line = 1 + countNewlines(bytes, at);
    return fail(
      `not valid UTF-8 (line ${line}, byte ${at}); save it as UTF-8 (Windows-1252 and Latin-1 are not supported)`
    );
  }
}

/** Byte index of the first malformed UTF-8 sequence, or -1 (RFC 3629 well-formed ranges). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let trailing: number;
    if (lead >= 0xc2 && lead <= 0xdf) trailing = 1;
    else if (lead >= 0xe0 && lead <= 0xef) trailing = 2;
    else if (lead >= 0xf0 && lead <= 0xf4) trailing = 3;
    else return i;
    // The second byte's range excludes overlong forms, surrogates and code points over U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k <= trailing; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += trailing + 1;
  }
  return -1;
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) count++;
  return count;
}

function tooLarge(size: number): string {
  // Rounded up, so a file just over the limit never reads as "10 MB; the limit is 10 MB".
  const mb = (bytes: number) => `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `file is too large (${mb(size)}; the limit is ${mb(MAX_BYTES)})`;
}

export function fileSystemReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "ENOTDIR":
      return "no such file (a part of the path is not a directory)";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory, not a letter file";
    case "ENAMETOOLONG":
      return "file name too long";
    case "ELOOP":
      return "too many symbolic links";
    default:
      return `cannot read the file (${typeof code === "string" ? code : String(error)})`;
  }
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
