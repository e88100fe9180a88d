#!/usr/bin/env node
// Batch benchmark: `npm run bench:batch` (also part of `npm run bench`; builds first). Not a test.
// Generates realistic letters (./batch-letters.js) into a scratch folder, runs
// `klarbrev check --format jsonl` over them in a fresh process per run (1 and 2 worker jobs),
// and reports files/s and the process's peak RSS (worker threads included). Prints a Markdown
// table with PASS/FAIL per target and writes bench/results/batch-latest.json.
//
//   node bench/batch.bench.js             1,000 and 10,000 .txt letters, 1 and 2 jobs
//   node bench/batch.bench.js --100k      also 100,000 letters in one command (2 jobs)
//   node bench/batch.bench.js --strict    exit 1 on a FAIL
//   node bench/batch.bench.js --sizes=100,500   a quick try with smaller runs
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { generateLetter, letterToDocx, loadCorpus, random } from "./batch-letters.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RESULTS = `${ROOT}bench/results`;
const TARGETS = { lettersPerSecond: 400, rssGrowth: 1.2 };
const PER_FOLDER = 1000;
const DOCX_LETTERS = 1000;

if (process.argv[2] === "--child") await child(process.argv[3], process.argv[4]);
else await parent(process.argv.slice(2));

async function parent(args) {
  if (!existsSync(`${ROOT}dist/cli/main.js`)) {
    process.stderr.write("bench: dist/ is missing; run `npm run build` (npm run bench does)\n");
    process.exit(2);
  }
  const loadAverage = os.loadavg()[0];
  const scratch = join(os.tmpdir(), `klarbrev-batch-bench-${process.pid}`);
  // --sizes A,B: a quicker try (the targets compare B with A).
  const given = args.find((arg) => arg.startsWith("--sizes="));
  const [sizeA, sizeB] = given ? given.slice(8).split(",").map(Number) : [1000, 10000];
  const sizes = [sizeA, sizeB, ...(args.includes("--100k") ? [100000] : [])];
  const rows = [];
  try {
    const corpus = loadCorpus();
    const rand = random(20261204);
    for (const size of sizes) {
      const dir = join(scratch, String(size));
      const started = performance.now();
      for (let i = 0; i < size; i++) {
        const folder = join(dir, String(Math.floor(i / PER_FOLDER)).padStart(3, "0"));
        if (i % PER_FOLDER === 0) mkdirSync(folder, { recursive: true });
        writeFileSync(
          join(folder, `brev-${String(i).padStart(6, "0")}.txt`),
          generateLetter(corpus, rand)
        );
      }
      process.stderr.write(
        `bench: ${size} letters generated in ${seconds(performance.now() - started)}\n`
      );
      for (const jobs of size >= 100000 ? [2] : [1, 2]) {
        const run = await measure(dir, jobs);
        if (run.files !== size) {
          process.stderr.write(`bench: expected ${size} results, got ${run.files}\n${run.stderr}`);
          process.exit(2);
        }
        rows.push({ size, kind: "txt", jobs, ...run });
        process.stderr.write(
          `bench: ${size} letters, ${jobs} job(s): ${fixed(run.filesPerSecond, 0)} files/s, peak RSS ${fixed(run.peakRssMb, 0)} MB\n`
        );
      }
      rmSync(dir, { recursive: true, force: true });
    }
    if (docxReader()) {
      const { zipSync, strToU8 } = await import("fflate");
      const dir = join(scratch, "docx");
      mkdirSync(dir, { recursive: true });
      for (let i = 0; i < DOCX_LETTERS; i++) {
        const docx = letterToDocx(generateLetter(corpus, rand), zipSync, strToU8);
        writeFileSync(join(dir, `brev-${String(i).padStart(6, "0")}.docx`), docx);
      }
      for (const jobs of [1, 2]) {
        const run = await measure(dir, jobs);
        if (run.files !== DOCX_LETTERS) {
          process.stderr.write(`bench: expected ${DOCX_LETTERS} .docx results, got ${run.files}\n`);
          process.exit(2);
        }
        rows.push({ size: DOCX_LETTERS, kind: "docx", jobs, ...run });
        process.stderr.write(
          `bench: ${DOCX_LETTERS} .docx letters, ${jobs} job(s): ${fixed(run.filesPerSecond, 0)} files/s, peak RSS ${fixed(run.peakRssMb, 0)} MB\n`
        );
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const find = (size, jobs) =>
    rows.find((row) => row.kind === "txt" && row.size === size && row.jobs === jobs);
  const big = find(sizeB, 2);
  const small = find(sizeA, 2);
  const growth = big.peakRssMb / small.peakRssMb;
  const targets = [
    {
      target: `>= ${TARGETS.lettersPerSecond} text letters/s with 2 jobs (${thousands(sizeB)} letters)`,
      actual: `${fixed(big.filesPerSecond, 0)} letters/s`,
      pass: big.filesPerSecond >= TARGETS.lettersPerSecond,
    },
    {
      target: `flat memory: peak RSS of ${thousands(sizeB)} letters <= ${TARGETS.rssGrowth}x that of ${thousands(sizeA)} (2 jobs)`,
      actual: `${fixed(growth, 2)}x (${fixed(big.peakRssMb, 0)} MB / ${fixed(small.peakRssMb, 0)} MB)`,
      pass: growth <= TARGETS.rssGrowth,
    },
  ];
  const huge = find(100000, 2);
  if (huge) {
    targets.push({
      target: "100,000 letters in one command without error",
      actual: `${huge.files} results, exit ${huge.exitCode}, ${seconds(huge.ms)}, peak RSS ${fixed(huge.peakRssMb, 0)} MB`,
      pass: huge.files === 100000 && huge.exitCode !== 2,
    });
  }
  const table = [
    "| letters | format | jobs | time | letters/s | CPU per letter | peak RSS |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (row) =>
        `| ${thousands(row.size)} | .${row.kind} | ${row.jobs} | ${seconds(row.ms)} | ${fixed(row.filesPerSecond, 0)} | ${fixed(row.cpuMs / row.files, 2)} ms | ${fixed(row.peakRssMb, 0)} MB |`
    ),
    "",
    "| target | actual | result |",
    "| --- | --- | --- |",
    ...targets.map((t) => `| ${t.target} | ${t.actual} | ${t.pass ? "PASS" : "FAIL"} |`),
    ...(docxReader() ? [] : ["", "skipped: no docx reader (1,000 .docx letters)"]),
  ].join("\n");
  if (!docxReader()) process.stderr.write("bench: skipped: no docx reader (1,000 .docx letters)\n");
  const busy =
    loadAverage > os.cpus().length * 0.5
      ? `\n\n**Warning:** load average ${fixed(loadAverage, 1)} on ${os.cpus().length} cores: other work ` +
        `is competing for the CPU, so these rates are too low. Run again on a quiet machine.`
      : "";
  process.stdout.write(
    `## Klarbrev batch benchmark\n\nNode ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"} ` +
      `(${os.cpus().length} cores). \`klarbrev check --format jsonl --jobs N DIR\` over generated ` +
      `letters (corpus letters with shuffled paragraphs, other names and dates), one fresh ` +
      `process per run; time from start to exit, engine start-up included; CPU per letter is the ` +
      `process's user + system CPU time (all threads) over the letters, which a busy machine ` +
      `inflates less than the wall-clock rate. Load average ` +
      `${fixed(loadAverage, 1)}.${busy}\n\n${table}\n`
  );
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(
    `${RESULTS}/batch-latest.json`,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: os.cpus().length, loadAverage, rows, targets }, null, 2)}\n`
  );
  process.stderr.write("bench: wrote bench/results/batch-latest.json\n");
  if (args.includes("--strict") && targets.some((t) => !t.pass)) process.exitCode = 1;
}

/** One `klarbrev check` in a fresh process; stdout is counted, not kept. */
function measure(dir, jobs) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const proc = spawn(
      process.execPath,
      [fileURLToPath(import.meta.url), "--child", dir, String(jobs)],
      {
        stdio: ["ignore", "pipe", "pipe"],
      }
    );
    let lines = 0;
    let stderr = "";
    proc.stdout.on("data", (chunk) => {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    proc.stderr.on("data", (chunk) => (stderr += chunk));
    proc.on("error", reject);
    proc.on("close", (exitCode) => {
      const ms = performance.now() - started;
      const report = /^bench-child (\{.*\})$/mu.exec(stderr);
      if (!report) {
        reject(new Error(`the child failed (exit ${exitCode}):\n${stderr.slice(-2000)}`));
        return;
      }
      const { peakRssMb, cpuMs } = JSON.parse(report[1]);
      resolve({
        files: lines,
        exitCode,
        ms,
        filesPerSecond: lines / (ms / 1000),
        peakRssMb,
        cpuMs,
        stderr: "",
      });
    });
  });
}

/** The CLI as `klarbrev check` runs it, reporting its own peak RSS (all threads) at the end. */
async function child(dir, jobs) {
  const { main } = await import("../dist/cli/main.js");
  const io = { stdout: process.stdout, stderr: process.stderr, env: process.env };
  const code = await main(
    ["check", "--format", "jsonl", "--fail-on", "never", "--jobs", jobs, dir],
    io
  );
  // maxRSS is in kilobytes: the process's high-water mark, worker threads included.
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stderr.write(
    `bench-child ${JSON.stringify({ peakRssMb: usage.maxRSS / 1024, cpuMs })}\n`
  );
  process.exitCode = code;
}

function docxReader() {
  return existsSync(`${ROOT}dist/docx/index.js`);
}

function seconds(ms) {
  return `${fixed(ms / 1000, 1)} s`;
}

function fixed(value, digits = 2) {
  return Number(value).toFixed(digits);
}

function thousands(value) {
  return Math.round(value).toLocaleString("en-US");
}
