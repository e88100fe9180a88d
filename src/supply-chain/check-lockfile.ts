import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import policy from "./lockfile-policy.json" with { type: "json" };
import { checkLockfile, type LockfilePolicy } from "./lockfile-policy.js";

/** `npm run check:lockfile`: the offline supply-chain check of package-lock.json. */
export function main(args: string[] = []): void {
  const path = resolve(args[0] ?? "package-lock.json");
  let lockfile: unknown;
  try {
    lockfile = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    console.error(`check-lockfile: ${path}: cannot read (${(error as Error).message})`);
    process.exitCode = 2;
    return;
  }
  const problems = checkLockfile(lockfile, policy as LockfilePolicy);
  for (const problem of problems) console.error(`check-lockfile: ${problem}`);
  if (problems.length > 0) {
    process.exitCode = 1;
    return;
  }
  const count = Object.keys((lockfile as { packages: object }).packages).length - 1;
  console.log(
    `check-lockfile: ${count} locked packages: no denied version; install scripts only from ${(policy as LockfilePolicy).installScripts.join(", ")}`
  );
}
