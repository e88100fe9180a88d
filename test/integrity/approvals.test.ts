import { spawn } from "node:child_process";
import {
  chmodSync,
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recordApproval, type Approval } from "../../src/templates/approvals.js";
import { TemplateError } from "../../src/templates/problems.js";
import { canonicalLegalText } from "../../src/engine/rules/legal/index.js";
import { legalTextHash } from "../../src/templates/hash.js";
import { bundleCli } from "./cli-bundle.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "klarbrev-approvals-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function approvalOf(id: string, text = `Tekst for ${id}.`): Approval {
  return {
    id,
    version: "1",
    sha256: legalTextHash(text),
    approvedBy: "Jurist",
    approvedAt: "2026-12-01T10:00:00.000Z",
    text: canonicalLegalText(text),
  };
}

function idsIn(path: string): string[] {
  const json = JSON.parse(readFileSync(path, "utf8")) as { approvals: Approval[] };
  return json.approvals.map((entry) => entry.id).sort();
}

describe("recordApproval (issue 12.6)", () => {
  test("Bug (issue 12.6): twenty approvals at once all land", async () => {
    const path = join(dir, "approvals.json");
    const ids = Array.from({ length: 20 }, (_, index) => `blok-${String(index).padStart(2, "0")}`);
    await Promise.all(ids.map((id) => recordApproval(path, approvalOf(id))));
    expect(idsIn(path)).toEqual(ids);
    // No lock file or temporary file is left behind.
    expect(readdirSync(dir)).toEqual(["approvals.json"]);
  });

  test("Bug (issue 12.6): a symlinked approvals.json stays a link; its target keeps its mode", async () => {
    mkdirSync(join(dir, "shared"));
    const target = join(dir, "shared", "approvals.json");
    await recordApproval(target, approvalOf("klagevejledning"));
    chmodSync(target, 0o640);
    const link = join(dir, "approvals.json");
    symlinkSync(join("shared", "approvals.json"), link);

    await recordApproval(link, approvalOf("partshoering"));

    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(idsIn(target)).toEqual(["klagevejledning", "partshoering"]);
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });

  test("a lock left by a process that is gone is taken over", async () => {
    const path = join(dir, "approvals.json");
    // PID 2^22 + 1 is above Linux's pid_max: no such process.
    writeFileSync(`${path}.lock`, `4194305@${(await import("node:os")).hostname()} dead\n`);
    await recordApproval(path, approvalOf("klagevejledning"));
    expect(idsIn(path)).toEqual(["klagevejledning"]);
    expect(readdirSync(dir)).toEqual(["approvals.json"]);
  });

  test("a lock older than the stale timeout is taken over", async () => {
    const path = join(dir, "approvals.json");
    writeFileSync(`${path}.lock`, "garbage from another machine\n");
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${path}.lock`, old, old);
    await recordApproval(path, approvalOf("klagevejledning"), path, { staleMs: 30_000 });
    expect(idsIn(path)).toEqual(["klagevejledning"]);
  });

  test("a live lock makes the approval wait, then fail with one clear line; nothing is written", async () => {
    const path = join(dir, "approvals.json");
    writeFileSync(`${path}.lock`, `${process.pid}@${(await import("node:os")).hostname()} held\n`);
    const attempt = recordApproval(path, approvalOf("klagevejledning"), "approvals.json", {
      timeoutMs: 150,
    });
    await expect(attempt).rejects.toBeInstanceOf(TemplateError);
    await expect(attempt).rejects.toMatchObject({
      problem: { message: expect.stringMatching(/^nothing was recorded: another klarbrev/u) },
    });
    expect(readdirSync(dir)).toEqual(["approvals.json.lock"]);
  });
});

test("a folder that cannot be written: one clear line, nothing recorded", async () => {
  const path = join(dir, "missing", "approvals.json");
  await expect(
    recordApproval(path, approvalOf("klagevejledning"), "approvals.json")
  ).rejects.toMatchObject({
    problem: { message: "nothing was recorded: cannot write the approvals file (ENOENT)" },
  });
});

describe("two `klarbrev legal approve` processes at once (issue 12.6)", () => {
  let cli: string;
  beforeAll(async () => {
    cli = await bundleCli("approve");
  }, 60_000);

  function approve(library: string, id: string): Promise<{ code: number | null; out: string }> {
    return new Promise((done) => {
      const child = spawn(
        process.execPath,
        [cli, "legal", "approve", id, "--by", `Jurist ${id}`, "--dir", library],
        { stdio: ["ignore", "pipe", "pipe"] }
      );
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
      child.on("close", (code) => done({ code, out }));
    });
  }

  test("Bug (issue 12.6): different blocks, twelve rounds: no approval is lost", async () => {
    const library = join(dir, "templates");
    cpSync("templates", library, { recursive: true });
    const approvalsPath = join(library, "legal", "approvals.json");
    const full = JSON.parse(readFileSync(approvalsPath, "utf8")) as {
      $comment: string;
      approvals: Approval[];
    };
    const stripped = JSON.stringify({
      ...full,
      approvals: full.approvals.filter(
        (entry) => entry.id !== "klagevejledning" && entry.id !== "partshoering"
      ),
    });
    for (let round = 0; round < 12; round++) {
      writeFileSync(approvalsPath, stripped);
      const runs = await Promise.all([
        approve(library, "klagevejledning"),
        approve(library, "partshoering"),
      ]);
      for (const run of runs)
        expect(run).toMatchObject({ code: 0, out: expect.stringMatching(/^Approved /u) });
      const ids = idsIn(approvalsPath);
      expect({ round, ids }).toEqual({
        round,
        ids: expect.arrayContaining(["klagevejledning", "partshoering"]),
      });
    }
  }, 120_000);
});
