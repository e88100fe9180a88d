#!/usr/bin/env node
// Engine benchmark: `npm run bench` (builds first). Not a test: it prints a Markdown table with
// PASS/FAIL per target and writes bench/results/latest.json. `--strict` exits 1 on a FAIL.
//
// Each measurement runs in a fresh child process, so its peak memory is its own. The same
// Danish texts (built from the corpus letters) also go through a bare retext-latin +
// retext-readability pipeline for comparison.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const LETTERS = `${ROOT}test/fixtures/letters`;
const RESULTS = `${ROOT}bench/results`;
const WORDS_PER_PAGE = 400;
const SIZES = [1, 10, 100];
const TARGETS = { onePageMs: 5, hundredPagesMs: 500, growthFactor: 1.2 };

if (process.argv[2] === "--child") {
  await child(process.argv[3], readFileSync(0, "utf8"));
} else {
  await parent(process.argv.includes("--strict"));
}

async function parent(strict) {
  if (!existsSync(`${ROOT}dist/engine/index.js`)) {
    process.stderr.write("bench: dist/ is missing; run `npm run build` (npm run bench does)\n");
    process.exit(2);
  }
  // Taken before the bench adds its own load.
  const loadAverage = os.loadavg()[0];
  const { classifyText } = await import("../dist/engine/index.js");
  const rows = [];
  for (const pages of SIZES) {
    const text = buildLetter(classifyText, pages * WORDS_PER_PAGE);
    const words = countWords(text);
    const klarbrev = measure("klarbrev", text);
    const retext = measure("retext", text);
    rows.push({ pages, words, chars: text.length, klarbrev, retext });
    process.stderr.write(`bench: ${pages} page(s) done\n`);
  }

  const first = rows[0];
  const last = rows[rows.length - 1];
  const timeGrowth = last.klarbrev.medianMs / first.klarbrev.medianMs;
  const textGrowth = last.words / first.words;
  const targets = [
    {
      target: `1 page <= ${TARGETS.onePageMs} ms`,
      actual: `${fixed(first.klarbrev.medianMs)} ms`,
      pass: first.klarbrev.medianMs <= TARGETS.onePageMs,
    },
    {
      target: `100 pages <= ${TARGETS.hundredPagesMs} ms`,
      actual: `${fixed(last.klarbrev.medianMs)} ms`,
      pass: last.klarbrev.medianMs <= TARGETS.hundredPagesMs,
    },
    {
      target: `roughly linear: ${fixed(textGrowth, 0)}x text <= ${fixed(textGrowth * TARGETS.growthFactor, 0)}x time`,
      actual: `${fixed(timeGrowth, 1)}x time`,
      pass: timeGrowth <= textGrowth * TARGETS.growthFactor,
    },
  ];

  const table = [
    "| size | words | klarbrev median | klarbrev words/s | klarbrev peak RSS | retext-readability median | retext words/s | retext peak RSS | klarbrev / retext |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows
      .map((row) =>
        [
          `${row.pages} page${row.pages === 1 ? "" : "s"}`,
          row.words,
          `${fixed(row.klarbrev.medianMs)} ms`,
          thousands(row.words / (row.klarbrev.medianMs / 1000)),
          `${fixed(row.klarbrev.peakRssMb, 0)} MB (+${fixed(row.klarbrev.peakRssMb - row.klarbrev.baselineRssMb, 0)})`,
          `${fixed(row.retext.medianMs)} ms`,
          thousands(row.words / (row.retext.medianMs / 1000)),
          `${fixed(row.retext.peakRssMb, 0)} MB (+${fixed(row.retext.peakRssMb - row.retext.baselineRssMb, 0)})`,
          `${fixed(row.klarbrev.medianMs / row.retext.medianMs)}x`,
        ].join(" | ")
      )
      .map((line) => `| ${line} |`),
    "",
    "| target | actual | result |",
    "| --- | --- | --- |",
    ...targets.map((t) => `| ${t.target} | ${t.actual} | ${t.pass ? "PASS" : "FAIL"} |`),
  ].join("\n");

  const busy =
    loadAverage > os.cpus().length * 0.5
      ? `\n\n**Warning:** load average ${fixed(loadAverage)} on ${os.cpus().length} cores: other work is ` +
        `competing for the CPU, so these times are too high. Run again on a quiet machine.`
      : "";
  process.stdout.write(
    `## Klarbrev engine benchmark\n\nNode ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"} ` +
      `(${os.cpus().length} cores), ${os.platform()} ${os.arch()}. Median of repeated runs after ` +
      `warm-up; peak RSS of a fresh process per measurement (+ growth over its RSS before the ` +
      `first analysis). Load average ${fixed(loadAverage)}.${busy}\n\n${table}\n`
  );

  mkdirSync(RESULTS, { recursive: true });
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    loadAverage,
    commit: gitCommit(),
    wordsPerPage: WORDS_PER_PAGE,
    sizes: rows,
    targets,
  };
  writeFileSync(`${RESULTS}/latest.json`, `${JSON.stringify(result, null, 2)}\n`);
  process.stderr.write("bench: wrote bench/results/latest.json\n");
  if (strict && targets.some((t) => !t.pass)) process.exitCode = 1;
}

/** Run one pipeline on one text in a fresh process; returns its timings and memory. */
function measure(pipeline, text) {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", pipeline], {
    input: text,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) {
    process.stderr.write(`bench: the ${pipeline} child failed:\n${run.stderr}`);
    process.exit(2);
  }
  return JSON.parse(run.stdout);
}

async function child(pipeline, text) {
  const analyse = await load(pipeline);
  const baselineRssMb = process.memoryUsage().rss / 2 ** 20;

  // Warm up (JIT, lazy initialisation, the shared processor) before measuring.
  const warmUntil = performance.now() + 300;
  for (let i = 0; i < 3 || (performance.now() < warmUntil && i < 50); i++) analyse(text);

  const times = [];
  const measureUntil = performance.now() + 1500;
  while (times.length < 7 || (performance.now() < measureUntil && times.length < 1000)) {
    const start = performance.now();
    analyse(text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const middle = times.length >> 1;
  const medianMs = times.length % 2 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
  process.stdout.write(
    JSON.stringify({
      runs: times.length,
      medianMs,
      minMs: times[0],
      maxMs: times[times.length - 1],
      baselineRssMb,
      // maxRSS is in kilobytes: the process's high-water mark, warm-up included.
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    })
  );
}

async function load(pipeline) {
  if (pipeline === "klarbrev") {
    const { analyzeText } = await import("../dist/engine/index.js");
    return (text) => analyzeText(text, { format: "txt" });
  }
  if (pipeline === "retext") {
    const { unified } = await import("unified");
    const { default: retextLatin } = await import("retext-latin");
    const { default: retextReadability } = await import("retext-readability");
    const { VFile } = await import("vfile");
    const processor = unified().use(retextLatin).use(retextReadability).freeze();
    return (text) => {
      const file = new VFile({ value: text });
      processor.runSync(processor.parse(file), file);
      return file;
    };
  }
  throw new Error(`unknown pipeline ${pipeline}`);
}

/**
 * A long Danish letter made of the corpus letters' body paragraphs, repeated until it has
 * `words` words, inside a real letter frame (address, date, subject, greeting, closing).
 */
function buildLetter(classifyText, words) {
  const paragraphs = [];
  for (const name of readdirSync(LETTERS).sort()) {
    if (!/\.(txt|md)$/u.test(name) || name.endsWith("-en.txt")) continue;
    const text = readFileSync(`${LETTERS}/${name}`, "utf8");
    const letter = classifyText(text, { format: name.endsWith(".md") ? "md" : "txt" });
    for (const block of letter.blocks) {
      if (block.kind === "paragraph" && countWords(block.text) >= 8) paragraphs.push(block.text);
    }
  }
  const head = [
    "Jobcenter Randers\nLaksetorvet 1\n8900 Randers C",
    "Randers, den 20. november 2026",
    "Din sag om kontanthjælp",
    "Kære Jens",
  ];
  const tail = ["Med venlig hilsen", "Birgitte Holm\nJobkonsulent"];
  const body = [];
  let count = countWords([...head, ...tail].join("\n"));
  for (let i = 0; count < words; i++) {
    const paragraph = paragraphs[i % paragraphs.length];
    body.push(paragraph);
    count += countWords(paragraph);
  }
  return [...head, ...body, ...tail].join("\n\n");
}

function countWords(text) {
  return text.split(/\s+/u).filter(Boolean).length;
}

function fixed(value, digits = 2) {
  return value.toFixed(digits);
}

function thousands(value) {
  return Math.round(value).toLocaleString("en-US");
}

function gitCommit() {
  const run = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  return run.status === 0 ? run.stdout.trim() : null;
}
