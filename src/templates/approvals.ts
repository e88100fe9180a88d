import { FileReadError, readRegularTextFile } from "../files/read-regular.js";
import { resolveTarget, writeFileAtomic } from "../files/atomic-write.js";
import { LockTimeoutError, withFileLock, type LockOptions } from "../files/file-lock.js";
import { canonicalLegalText } from "../engine/rules/legal/index.js";
import { sha256Hex } from "./hash.js";
import { problem, TemplateError, type Problem } from "./problems.js";

/**
 * The approvals lockfile, templates/legal/approvals.json: for each legal block id and version,
 * the sha256 of its canonical text, who approved it and when, and the approved text itself (so
 * a later change can be shown word by word, not only detected).
 */
export interface Approval {
  id: string;
  version: string;
  sha256: string;
  approvedBy: string;
  /** ISO 8601 timestamp. */
  approvedAt: string;
  /** The canonical text that was approved. */
  text: string;
}

export interface ApprovalsFile {
  approvals: Approval[];
  /** Entries that are damaged (each a problem); they approve nothing. */
  problems: Problem[];
}

/** Far above any real registry (a few KB per approval). */
const MAX_APPROVALS_BYTES = 10 * 1024 * 1024;
const HEX64 = /^[0-9a-f]{64}$/u;
const COMMENT =
  "Approvals of legal guidance blocks. Written by `klarbrev legal approve`; do not edit by hand. Each entry approves one id and version: sha256 is the hash of the canonical (normalised) text, which is kept in 'text'.";

/** Parse approvals.json. A file that is not this format at all throws (a corrupt file). */
export function parseApprovals(file: string, json: string): ApprovalsFile {
  let data: unknown;
  try {
    data = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (error) {
    throw new TemplateError(
      problem(file, `corrupt approvals file: ${jsonErrorReason(error, json)}`)
    );
  }
  const list = (data as { approvals?: unknown } | null)?.approvals;
  if (data === null || typeof data !== "object" || Array.isArray(data) || !Array.isArray(list)) {
    throw new TemplateError(
      problem(file, `corrupt approvals file: expected { "approvals": [ ... ] }`)
    );
  }
  const approvals: Approval[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  list.forEach((item: unknown, index) => {
    const entry = item as Partial<Record<keyof Approval, unknown>> | null;
    const label = `entry ${index + 1}${typeof entry?.id === "string" ? ` (${entry.id}@${String(entry.version)})` : ""}`;
    const strings = ["id", "version", "sha256", "approvedBy", "approvedAt", "text"] as const;
    const missing = strings.find((key) => typeof entry?.[key] !== "string" || !entry[key]);
    if (!entry || missing) {
      problems.push(
        problem(
          file,
          `approvals ${label}: '${missing ?? "id"}' is missing or not text; the entry is ignored`
        )
      );
      return;
    }
    const approval = entry as Approval;
    if (!HEX64.test(approval.sha256)) {
      problems.push(
        problem(file, `approvals ${label}: sha256 is not a sha256 hash; the entry is ignored`)
      );
    } else if (Number.isNaN(Date.parse(approval.approvedAt))) {
      problems.push(
        problem(file, `approvals ${label}: approvedAt is not a date; the entry is ignored`)
      );
    } else if (sha256Hex(canonicalLegalText(approval.text)) !== approval.sha256) {
      problems.push(
        problem(
          file,
          `approvals ${label}: the approved text does not match its sha256; the entry is ignored`
        )
      );
    } else if (seen.has(`${approval.id}@${approval.version}`)) {
      problems.push(
        problem(file, `approvals ${label}: a second approval of the same version; the first counts`)
      );
    } else {
      seen.add(`${approval.id}@${approval.version}`);
      approvals.push({
        id: approval.id,
        version: approval.version,
        sha256: approval.sha256,
        approvedBy: approval.approvedBy,
        approvedAt: approval.approvedAt,
        text: approval.text,
      });
    }
  });
  return { approvals, problems };
}

/** Read approvals.json; a missing file is an empty list, a corrupt one a TemplateError. */
export async function readApprovals(path: string, label = path): Promise<ApprovalsFile> {
  let json: string;
  try {
    json = await readRegularTextFile(path, { maxBytes: MAX_APPROVALS_BYTES });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { approvals: [], problems: [] };
    if (error instanceof FileReadError) throw new TemplateError(problem(label, error.message));
    throw new TemplateError(
      problem(
        label,
        `cannot read the approvals file (${(error as NodeJS.ErrnoException).code ?? "error"})`
      )
    );
  }
  return parseApprovals(label, json);
}

/** Replace (or add) the approval of one id and version; every other entry is kept as it was. */
export function withApproval(approvals: readonly Approval[], approval: Approval): Approval[] {
  const others = approvals.filter(
    (entry) => !(entry.id === approval.id && entry.version === approval.version)
  );
  return sortApprovals([...others, approval]);
}

export function sortApprovals(approvals: readonly Approval[]): Approval[] {
  return [...approvals].sort(
    (a, b) =>
      a.id.localeCompare(b.id) ||
      Number(a.version) - Number(b.version) ||
      a.version.localeCompare(b.version)
  );
}

export function serialiseApprovals(approvals: readonly unknown[]): string {
  const sorted = [...approvals].sort((a, b) => {
    const left = a as Partial<Approval> | null;
    const right = b as Partial<Approval> | null;
    return (
      String(left?.id).localeCompare(String(right?.id)) ||
      Number(left?.version) - Number(right?.version) ||
      String(left?.version).localeCompare(String(right?.version))
    );
  });
  return `${JSON.stringify({ $comment: COMMENT, approvals: sorted }, null, 2)}\n`;
}

/**
 * Record one approval in the lockfile at `path`: every other entry is kept exactly as it is
 * (even a damaged one, which legal staff should see and fix, not lose). A corrupt file is an
 * error and is left untouched. Two approvals at once (two legal staff, two terminals) both land:
 * the file is read, changed and written under an exclusive lock, and written atomically.
 */
export async function recordApproval(
  path: string,
  approval: Approval,
  label = path,
  lock: LockOptions = {}
): Promise<void> {
  const target = await resolveTarget(path);
  try {
    await withFileLock(
      target,
      async () => {
        // Read under the lock: what another approval wrote a moment ago is kept.
        const raw = await readRawApprovals(target, label);
        const others = raw.filter((item) => {
          const entry = item as Partial<Approval> | null;
          return !(entry?.id === approval.id && String(entry?.version) === approval.version);
        });
        await writeApprovals(target, [...others, approval]);
      },
      lock
    );
  } catch (error) {
    if (error instanceof LockTimeoutError)
      throw new TemplateError(problem(label, `nothing was recorded: ${error.message}`));
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (typeof code === "string" && !(error instanceof TemplateError)) {
      // The lock or the new file cannot be created (a missing or read-only folder, a full disk).
      throw new TemplateError(
        problem(label, `nothing was recorded: cannot write the approvals file (${code})`)
      );
    }
    throw error;
  }
}

async function readRawApprovals(path: string, label: string): Promise<unknown[]> {
  let json: string;
  try {
    json = await readRegularTextFile(path, { maxBytes: MAX_APPROVALS_BYTES });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    if (error instanceof FileReadError) throw new TemplateError(problem(label, error.message));
    throw new TemplateError(
      problem(
        label,
        `cannot read the approvals file (${(error as NodeJS.ErrnoException).code ?? "error"})`
      )
    );
  }
  parseApprovals(label, json); // throws on a corrupt file
  return (
    JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json) as { approvals: unknown[] }
  ).approvals;
}

/**
 * Write approvals.json atomically (temporary file, fsync, rename), so a crash or a full disk
 * never leaves half a lockfile; a symlinked approvals.json stays a symlink.
 */
export async function writeApprovals(path: string, approvals: readonly unknown[]): Promise<void> {
  await writeFileAtomic(path, serialiseApprovals(approvals));
}

/**
 * "not valid JSON at line 1, column 45 (expected double-quoted property name)": the same words
 * on every Node version (their messages differ), with a line and column people can find.
 */
export function jsonErrorReason(error: unknown, text: string): string {
  const message = String((error as Error)?.message ?? error).split("\n")[0]!;
  const position = /position (\d+)/u.exec(message);
  const what = message
    .replace(/\s*\(line \d+ column \d+\)/u, "")
    .replace(/\s*in JSON at position \d+.*$/u, "")
    .replace(/^JSON\.parse:\s*/u, "");
  const reason = what ? ` (${what.charAt(0).toLowerCase()}${what.slice(1)})` : "";
  if (!position) return `not valid JSON${reason}`;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `not valid JSON at line ${line}, column ${column}${reason}`;
}
