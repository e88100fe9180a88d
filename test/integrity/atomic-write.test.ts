import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { run as templates } from "../../src/cli/commands/templates.js";
import { writeFileAtomic, writeFileAtomicSync } from "../../src/files/atomic-write.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "klarbrev-atomic-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("templates check --html (issue 12.8)", () => {
  test("Bug (issue 12.8): the report replaces the old one by rename, never rewritten in place", async () => {
    const report = join(dir, "rapport.html");
    writeFileSync(report, "<!doctype html><p>old report</p>");
    const before = statSync(report).ino;
    let err = "";
    const code = await templates(["check", "templates", "--html", report], {
      stdout: () => undefined,
      stderr: (text) => (err += text),
      cwd: resolve("."),
      now: () => new Date("2026-12-01T10:00:00Z"),
    });
    expect(err).toBe("");
    expect(code).toBe(0);
    // A new file took the old one's place (a reader holding the old one never sees half a report).
    expect(statSync(report).ino).not.toBe(before);
    expect(readFileSync(report, "utf8")).toMatch(/^<!doctype html>[\s\S]*<\/html>\s*$/iu);
    expect(readdirSync(dir)).toEqual(["rapport.html"]);
  });
});

describe("writeFileAtomic", () => {
  test.each([
    ["async", writeFileAtomic],
    ["sync", async (path: string, text: string) => writeFileAtomicSync(path, text)],
  ] as const)(
    "%s: a write whose rename fails leaves what was there and no temporary file",
    async (_, write) => {
      // A folder in the file's place: the temporary file is written, the rename fails.
      const path = join(dir, "report.html");
      mkdirSync(path);
      writeFileSync(join(path, "inside.txt"), "old");
      await expect(write(path, "new")).rejects.toMatchObject({
        code: expect.stringMatching(/^E/u),
      });
      expect(readFileSync(join(path, "inside.txt"), "utf8")).toBe("old");
      expect(readdirSync(dir)).toEqual(["report.html"]);
    }
  );

  test("a symlink stays a link, and its target keeps its mode", async () => {
    mkdirSync(join(dir, "real"));
    const target = join(dir, "real", "report.html");
    writeFileSync(target, "old");
    chmodSync(target, 0o600);
    const link = join(dir, "report.html");
    symlinkSync(join("real", "report.html"), link);
    await writeFileAtomic(link, "new");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  test.each([
    ["async", writeFileAtomic],
    ["sync", async (path: string, text: string) => writeFileAtomicSync(path, text)],
  ] as const)(
    "%s: a dangling symlink is written through (its target created), not replaced",
    async (_, write) => {
      mkdirSync(join(dir, "real"));
      const link = join(dir, "approvals.json");
      symlinkSync(join("real", "approvals.json"), link);
      await write(link, "new");
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readFileSync(join(dir, "real", "approvals.json"), "utf8")).toBe("new");
    }
  );

  test("an explicit mode wins (a private key is 0600 whatever the umask)", () => {
    const key = join(dir, "localhost.key");
    writeFileAtomicSync(key, "secret", { mode: 0o600 });
    expect(statSync(key).mode & 0o777).toBe(0o600);
  });
});
