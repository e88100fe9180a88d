import { createHash } from "node:crypto";
import { canonicalLegalText } from "../engine/rules/legal/index.js";

/**
 * sha256 (hex) of a legal text's canonical form. Hashing happens here, outside the engine: the
 * engine stays free of node: imports and compares normalised text instead (see README).
 */
export function legalTextHash(text: string): string {
  return sha256Hex(canonicalLegalText(text));
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
