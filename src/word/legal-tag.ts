import type { LegalRef } from "../engine/letter/model.js";

/**
 * How a protected legal block is marked in Word: a content control whose tag is
 * `klarbrev:legal:<id>@<version>` and whose visible title says that the text is approved and locked.
 */

const TAG_PREFIX = "klarbrev:legal:";
const TAG_PATTERN = /^klarbrev:legal:([^@\s]+)@(\S+)$/u;
/** Appended to the block's title, e.g. "Klagevejledning - godkendt tekst, låst". */
export const LOCKED_TITLE_SUFFIX = " - godkendt tekst, låst";

export function legalTag(ref: LegalRef): string {
  if (!/^[^@\s]+$/u.test(ref.id) || !/^\S+$/u.test(ref.version)) {
    throw new Error(`Invalid legal block reference "${ref.id}@${ref.version}"`);
  }
  return `${TAG_PREFIX}${ref.id}@${ref.version}`;
}

/** The legal reference in a content control's tag, or undefined for any other tag. */
export function parseLegalTag(tag: string | null | undefined): LegalRef | undefined {
  const match = TAG_PATTERN.exec(tag ?? "");
  if (!match) return undefined;
  return { id: match[1]!, version: match[2]! };
}

/** The content control title shown in Word: "<title> - godkendt tekst, låst". */
export function legalTitle(ref: LegalRef): string {
  const base = ref.title?.trim() || humanize(ref.id);
  return base.endsWith(LOCKED_TITLE_SUFFIX) ? base : `${base}${LOCKED_TITLE_SUFFIX}`;
}

/** The block title recovered from a control title (the suffix removed), if any. */
export function titleFromControl(title: string | null | undefined): string | undefined {
  const text = (title ?? "").trim();
  if (!text) return undefined;
  return text.endsWith(LOCKED_TITLE_SUFFIX) ? text.slice(0, -LOCKED_TITLE_SUFFIX.length) : text;
}

function humanize(id: string): string {
  const words = id.replace(/[-_]+/gu, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
