import { strFromU8, unzipSync, type UnzipFileInfo } from "fflate";
import { DocxError } from "./errors.js";

/**
 * The .docx package (an OPC zip): every entry's bytes, in the zip's order, behind caps that stop a
 * zip bomb before anything is inflated. fflate inflates each entry into a buffer of the size the
 * zip declares, so the declared sizes checked here bound the memory actually used.
 */

/** Caps (stated in docs/docx.md). A letter is a few hundred KB; these leave room for pictures. */
export const DOCX_LIMITS = {
  /** The .docx file itself. */
  fileBytes: 20 * 1024 * 1024,
  /** All entries together, uncompressed. */
  totalBytes: 100 * 1024 * 1024,
  /** One XML part, uncompressed (document.xml of a 300-page document is about 5 MB). */
  xmlPartBytes: 25 * 1024 * 1024,
  entries: 1000,
  /** Uncompressed/compressed; real documents stay under 30, zip bombs go far above. */
  ratio: 200,
} as const;

export interface DocxPackage {
  /** Entry names in the zip's order (kept when writing). */
  names: string[];
  entries: Map<string, Uint8Array>;
  /** The main document part, e.g. "word/document.xml". */
  mainPart: string;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function openPackage(bytes: Uint8Array): DocxPackage {
  if (bytes.length === 0) throw new DocxError("file is empty");
  if (bytes.length > DOCX_LIMITS.fileBytes) {
    throw new DocxError(
      `file is too large (${mb(bytes.length)}; the limit for Word documents is ${mb(DOCX_LIMITS.fileBytes)})`
    );
  }
  if (startsWith(bytes, OLE_SIGNATURE)) {
    // Word saves a password-protected .docx as an OLE compound file with an EncryptionInfo stream.
    if (containsUtf16(bytes, "EncryptionInfo")) {
      throw new DocxError(
        "the document is encrypted (password-protected); remove the password in Word (File > Info > Protect Document) and save it again"
      );
    }
    throw new DocxError(
      "this is a legacy Word 97-2003 document (.doc), not .docx; convert it with: soffice --headless --convert-to docx FILE"
    );
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new DocxError("not a Word document (not a zip package)");
  }

  let count = 0;
  let total = 0;
  const check = (info: UnzipFileInfo): boolean => {
    count++;
    if (count > DOCX_LIMITS.entries) {
      throw new DocxError(
        `the zip has more than ${DOCX_LIMITS.entries} entries; refused as a possible zip bomb`
      );
    }
    total += info.originalSize;
    const ratio = info.originalSize / Math.max(info.size, 1);
    if (
      total > DOCX_LIMITS.totalBytes ||
      (info.originalSize > 1024 * 1024 && ratio > DOCX_LIMITS.ratio)
    ) {
      throw new DocxError(
        `the zip unpacks to more than ${mb(Math.min(total, DOCX_LIMITS.totalBytes))} or compresses ${Math.round(ratio)}:1; refused as a possible zip bomb (limits: ${mb(DOCX_LIMITS.totalBytes)} in all, ${DOCX_LIMITS.ratio}:1 per entry)`
      );
    }
    if (info.name.endsWith(".xml") || info.name.endsWith(".rels")) {
      if (info.originalSize > DOCX_LIMITS.xmlPartBytes) {
        throw new DocxError(
          `the part ${info.name} is too large (${mb(info.originalSize)}; the limit is ${mb(DOCX_LIMITS.xmlPartBytes)})`
        );
      }
    }
    return true;
  };

  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: check });
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError(
      `corrupt zip (${error instanceof Error ? error.message : String(error)}); the file is damaged or not a Word document`
    );
  }
  const names = Object.keys(files);
  const entries = new Map(names.map((name) => [name, files[name]!]));
  if (!entries.has("[Content_Types].xml")) {
    throw new DocxError("not a Word document (a zip without [Content_Types].xml)");
  }
  const mainPart = findMainPart(entries);
  if (!mainPart || !entries.has(mainPart)) {
    throw new DocxError("not a Word document (the zip has no word/document.xml)");
  }
  return { names, entries, mainPart };
}

/** The officeDocument relationship in _rels/.rels, else the usual word/document.xml. */
function findMainPart(entries: Map<string, Uint8Array>): string | undefined {
  const rels = entries.get("_rels/.rels");
  if (rels) {
    const text = strFromU8(rels);
    for (const match of text.matchAll(/<Relationship\b[^>]*>/gu)) {
      const tag = match[0];
      if (!/Type="[^"]*\/officeDocument"/u.test(tag)) continue;
      const target = /Target="([^"]+)"/u.exec(tag)?.[1];
      if (target) return target.replace(/^\//u, "");
    }
  }
  return entries.has("word/document.xml") ? "word/document.xml" : undefined;
}

export function partText(pkg: DocxPackage, name: string): string | undefined {
  const bytes = pkg.entries.get(name);
  return bytes ? strFromU8(bytes) : undefined;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern = [...text].flatMap((char) => [char.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let k = 0; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

function mb(bytes: number): string {
  return `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
