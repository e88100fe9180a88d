/**
 * The offline supply-chain check of package-lock.json (npm audit needs the network): no package
 * version on our deny list, and install scripts only where we allow them. Pure: the lockfile and
 * the policy in, one line per problem out.
 */
export interface LockfilePolicy {
  /** Package names allowed to run install scripts. */
  installScripts: string[];
  denied: DeniedVersions[];
}

export interface DeniedVersions {
  name: string;
  versions?: string[];
  /** Every version lower than this one. */
  below?: string;
  reason: string;
}

interface LockedPackage {
  name?: string;
  version?: string;
  dev?: boolean;
  hasInstallScript?: boolean;
  link?: boolean;
}

export function checkLockfile(lockfile: unknown, policy: LockfilePolicy): string[] {
  const packages = (lockfile as { packages?: Record<string, LockedPackage> } | null)?.packages;
  const version = (lockfile as { lockfileVersion?: unknown } | null)?.lockfileVersion;
  if (!packages || typeof packages !== "object" || (version !== 2 && version !== 3)) {
    return ["package-lock.json: expected lockfileVersion 2 or 3 with a 'packages' map"];
  }
  const problems: string[] = [];
  const allowed = new Set(policy.installScripts);
  for (const [path, entry] of Object.entries(packages)) {
    if (!path || entry.link) continue; // the project itself; a workspace link
    const name = entry.name ?? packageName(path);
    const kind = entry.dev ? "dev" : "runtime";
    if (entry.hasInstallScript && !allowed.has(name)) {
      problems.push(
        `${path}: ${name} runs an install script; only ${[...allowed].join(", ")} may (see src/supply-chain/lockfile-policy.json)`
      );
    }
    if (!entry.version) continue;
    for (const rule of policy.denied) {
      if (rule.name !== name || !isDenied(entry.version, rule)) continue;
      problems.push(`${path}: ${name}@${entry.version} (${kind}) is denied: ${rule.reason}`);
    }
  }
  return problems;
}

/** `node_modules/a/node_modules/@scope/b` → `@scope/b`. */
export function packageName(path: string): string {
  const at = path.lastIndexOf("node_modules/");
  return at < 0 ? path : path.slice(at + "node_modules/".length);
}

function isDenied(version: string, rule: DeniedVersions): boolean {
  if (rule.versions?.includes(version)) return true;
  return rule.below !== undefined && compareSemver(version, rule.below) < 0;
}

/** Semantic-version order of x.y.z[-pre]: enough for "below". */
export function compareSemver(a: string, b: string): number {
  const parse = (value: string) => {
    const [core = "", pre] = value.split("+")[0]!.split(/-(.*)/su);
    return { parts: core.split(".").map((part) => Number(part) || 0), pre };
  };
  const left = parse(a);
  const right = parse(b);
  for (let i = 0; i < 3; i++) {
    const diff = (left.parts[i] ?? 0) - (right.parts[i] ?? 0);
    if (diff !== 0) return diff;
  }
  // A pre-release comes before its release.
  if (left.pre === undefined || right.pre === undefined)
    return (left.pre === undefined ? 1 : 0) - (right.pre === undefined ? 1 : 0);
  return left.pre.localeCompare(right.pre);
}
