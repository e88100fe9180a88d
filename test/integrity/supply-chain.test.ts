import { readFileSync } from "node:fs";
import policyJson from "../../src/supply-chain/lockfile-policy.json" with { type: "json" };
import {
  checkLockfile,
  compareSemver,
  packageName,
  type LockfilePolicy,
} from "../../src/supply-chain/lockfile-policy.js";

const policy = policyJson as LockfilePolicy;
const lockfile = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
  lockfileVersion: number;
  packages: Record<string, Record<string, unknown>>;
};

function withPackages(extra: Record<string, Record<string, unknown>>) {
  return { ...lockfile, packages: { ...lockfile.packages, ...extra } };
}

describe("offline lockfile check (issue 12, also a)", () => {
  test("our lockfile passes: no denied version, install scripts only from esbuild", () => {
    expect(checkLockfile(lockfile, policy)).toEqual([]);
    const scripted = Object.entries(lockfile.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([path]) => packageName(path));
    expect(scripted).toEqual(["esbuild"]);
  });

  test("a compromised version anywhere in the tree is named, runtime or dev", () => {
    expect(
      checkLockfile(
        withPackages({
          "node_modules/jest/node_modules/debug": { version: "4.4.2", dev: true },
          "node_modules/handlebars": { version: "4.7.6" },
        }),
        policy
      )
    ).toEqual([
      "node_modules/handlebars: handlebars@4.7.6 (runtime) is denied: remote code execution and prototype pollution through templates (GHSA-f2jv-r9rf-7988, GHSA-765h-qjxv-5f44)",
      "node_modules/jest/node_modules/debug: debug@4.4.2 (dev) is denied: compromised release (8 September 2025; debug-js/debug#1005, #1012: only 4.4.2)",
    ]);
  });

  test("an install script outside the allow-list is named", () => {
    expect(
      checkLockfile(
        withPackages({
          "node_modules/@evil/postinstall": { version: "1.0.0", hasInstallScript: true },
        }),
        policy
      )
    ).toEqual([
      "node_modules/@evil/postinstall: @evil/postinstall runs an install script; only esbuild may (see src/supply-chain/lockfile-policy.json)",
    ]);
  });

  test("a file that is not a v2/v3 lockfile is one problem, not a crash", () => {
    expect(checkLockfile({ lockfileVersion: 1, dependencies: {} }, policy)).toEqual([
      "package-lock.json: expected lockfileVersion 2 or 3 with a 'packages' map",
    ]);
  });

  test("version order", () => {
    expect(compareSemver("4.7.6", "4.7.7")).toBeLessThan(0);
    expect(compareSemver("4.7.10", "4.7.7")).toBeGreaterThan(0);
    expect(compareSemver("2.2.2-rc.1", "2.2.2")).toBeLessThan(0);
    expect(compareSemver("2.2.2", "2.2.2")).toBe(0);
  });

  test("every deny rule has a name, a reason and versions or a bound", () => {
    for (const rule of policy.denied) {
      expect(rule.name).toMatch(/^(?:@[a-z0-9-]+\/)?[a-z0-9._-]+$/u);
      expect(rule.reason.length).toBeGreaterThan(10);
      expect(Boolean(rule.versions?.length) || Boolean(rule.below)).toBe(true);
    }
  });
});
