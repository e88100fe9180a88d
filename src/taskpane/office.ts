/** Office.js detection: which host (if any) the page runs in, and its display language. */

export interface OfficeInfo {
  /** "Word", another Office host's name, or null in a plain browser. */
  host: string | null;
  displayLanguage?: string;
}

interface OfficeLike {
  onReady?: () => Promise<{ host: string | null } | null | undefined>;
  context?: { displayLanguage?: string };
}

/**
 * No Office.js (the CDN script failed or was never loaded), an `Office.onReady` that resolves
 * with host null (a plain browser), or no answer within the timeout: all mean "no host".
 */
export async function detectOffice(timeoutMs = 3000): Promise<OfficeInfo> {
  const office = (globalThis as unknown as { Office?: OfficeLike }).Office;
  if (!office || typeof office.onReady !== "function") return { host: null };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    if (!info?.host) return { host: null };
    const result: OfficeInfo = { host: String(info.host) };
    const language = office.context?.displayLanguage;
    if (language) result.displayLanguage = language;
    return result;
  } catch {
    return { host: null };
  } finally {
    clearTimeout(timer);
  }
}
