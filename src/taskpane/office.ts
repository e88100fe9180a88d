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

export interface DetectOptions {
  /** Outside an Office host: how long to wait for `Office.onReady` before the preview. */
  timeoutMs?: number;
  /** Inside an Office host, called once when the answer is slow: show a loading state. */
  onWaiting?: () => void;
  /** After how long inside a host `onWaiting` is called. */
  waitingAfterMs?: number;
  /** Whether the page was opened by an Office host (default: `openedByOffice()`). */
  inHost?: boolean;
}

/**
 * Office opens an add-in page with `_host_Info=<host>|<platform>|...` in its query and keeps the
 * same value in session storage as `hostInfoValue` (Microsoft Learn, "Use the Office dialog API":
 * https://learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins). Either
 * means a host is there, however slowly Office.js answers.
 */
export function openedByOffice(
  search: string = globalThis.location?.search ?? "",
  storage: Pick<Storage, "getItem"> | undefined = sessionStorageOrUndefined()
): boolean {
  if (/[?&]_host_Info=/iu.test(search)) return true;
  try {
    return Boolean(storage?.getItem("hostInfoValue"));
  } catch {
    return false;
  }
}

/**
 * No Office.js (the CDN script failed or was never loaded) or an `Office.onReady` that resolves
 * with host null (a plain browser) means "no host". A slow answer means "no host" only where the
 * page was NOT opened by Office: inside Word (Office.js can take long to load, and onReady never
 * settles when a dependency is blocked: office-js #6040) the pane waits and shows a loading state
 * instead of falling into the offline preview.
 */
export async function detectOffice(options: DetectOptions | number = {}): Promise<OfficeInfo> {
  const settings = typeof options === "number" ? { timeoutMs: options } : options;
  const office = (globalThis as unknown as { Office?: OfficeLike }).Office;
  const inHost = settings.inHost ?? openedByOffice();
  if (!office || typeof office.onReady !== "function") return { host: null };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<null>((resolve) => {
    timer = inHost
      ? setTimeout(() => settings.onWaiting?.(), settings.waitingAfterMs ?? 1500)
      : setTimeout(() => resolve(null), settings.timeoutMs ?? 3000);
  });
  try {
    const info = await Promise.race([office.onReady(), limit]);
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

function sessionStorageOrUndefined(): Pick<Storage, "getItem"> | undefined {
  try {
    return (globalThis as { sessionStorage?: Storage }).sessionStorage;
  } catch {
    return undefined;
  }
}
