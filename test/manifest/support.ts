import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCHEMAS = new URL("../schemas/office/", import.meta.url);
const ENTRY = "OfficeAppManifestV1_1.xsd";

/** Validate a manifest against Microsoft's add-in manifest XSDs (copied here), offline. */
export async function validateManifest(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const names = readdirSync(SCHEMAS).filter((name) => name.endsWith(".xsd"));
  const read = (name: string) => readFileSync(new URL(name, SCHEMAS), "utf8");
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [{ fileName: ENTRY, contents: read(ENTRY) }],
    preload: names
      .filter((name) => name !== ENTRY)
      .map((name) => ({ fileName: name, contents: read(name) })),
  });
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage) };
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(buffer: Buffer): { width: number; height: number } {
  const signature = buffer.subarray(0, 8).toString("hex");
  if (signature !== "89504e470d0a1a0a" || buffer.subarray(12, 16).toString("ascii") !== "IHDR") {
    throw new Error("not a PNG");
  }
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}
