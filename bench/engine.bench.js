#!/usr/bin/env node
// Engine benchmark: `npm run bench` (builds first). Not a test: it prints a Markdown table with
// PASS/FAIL per target and writes bench/results/latest.json. `--strict` exits 1 on a FAIL.
//
// Each size runs in a fresh child process, so its peak memory is its own. In that one process
// the full analysis (with the legal registry of templates/legal) and a bare
// `unified().use(retextLatin)` parse of the same Danish text (built from the corpus letters) are
// measured alternately, and so is the parse inside the analysis (Klarbrev's own nlcst parse of
// the same letter, block by block, with the Danish sentence plugins), so two ratios are reported:
// - analysis / bare parse: what the whole engine costs against the parse it sits on;
// - rules / bare parse: (analysis - parse inside it) / bare parse, what the rules themselves cost
//   (letter classification, every rule family, reporting) on top of the parse; issue 8's
//   "rules <= 2x the parse" target is checked on this one.
// V8 drops compiled code and regexes of functions it has not run for a while, so the child also
// measures a re-analysis after a pause (garbage collections forced while idle, as a task pane
// gets them between edits), and the bare parse and the inside parse after the same pause: an
// analysis after a pause is compared with a parse after a pause too (and, as before, with a warm
// parse).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { WORDS_PER_PAGE, buildLetter, countWords } from "./bench-letter.js";
import { fixed, median, time } from "./measure.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RESULTS = `${ROOT}bench/results`;
const SIZES = [1, 10, 100];
const TARGETS = { onePageMs: 3, hundredPagesMs: 300, growthFactor: 1.2, parseRatio: 2 };
const PAUSES = 3;

if (process.argv[2] === "--child") {
  await child(readFileSync(0, "utf8"));
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
    const { klarbrev, parse, inside } = measure(text);
    rows.push({ pages, words, chars: text.length, klarbrev, parse, inside });
    process.stderr.write(`bench: ${pages} page(s) done\n`);
  }

  const first = rows[0];
  const last = rows[rows.length - 1];
  const timeGrowth = last.klarbrev.medianMs / first.klarbrev.medianMs;
  const textGrowth = last.words / first.words;
  // Ratios of CPU time: on a shared machine wall-clock time also counts other processes' turns.
  const ratio = (row) => row.klarbrev.cpuMedianMs / row.parse.cpuMedianMs;
  const rulesRatio = (row) =>
    (row.klarbrev.cpuMedianMs - row.inside.cpuMedianMs) / row.parse.cpuMedianMs;
  const idleRatio = (row) => row.klarbrev.idleCpuMs / row.parse.cpuMedianMs;
  const idleFairRatio = (row) => row.klarbrev.idleCpuMs / row.parse.idleCpuMs;
  const idleRulesRatio = (row) =>
    (row.klarbrev.idleCpuMs - row.inside.idleCpuMs) / row.parse.idleCpuMs;
  const worst = (of) => Math.max(...rows.map(of));
  const worstRatio = worst(ratio);
  const worstRulesRatio = worst(rulesRatio);
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
    {
      target: `rules <= ${TARGETS.parseRatio}x the bare parse (CPU time, (analysis - parse inside it) / bare parse, worst size)`,
      actual: `${fixed(worstRulesRatio, 1)}x`,
      pass: worstRulesRatio <= TARGETS.parseRatio,
    },
    {
      target: `whole analysis <= ${TARGETS.parseRatio}x the bare parse (CPU time, worst size)`,
      actual: `${fixed(worstRatio, 1)}x`,
      pass: worstRatio <= TARGETS.parseRatio,
    },
    {
      target: `after a pause: rules <= ${TARGETS.parseRatio}x the bare parse after the same pause (CPU time, worst size)`,
      actual: `${fixed(worst(idleRulesRatio), 1)}x`,
      pass: worst(idleRulesRatio) <= TARGETS.parseRatio,
    },
    {
      target: `after a pause: whole analysis <= ${TARGETS.parseRatio}x the bare parse after the same pause (CPU time, worst size)`,
      actual: `${fixed(worst(idleFairRatio), 1)}x (${fixed(worst(idleRatio), 1)}x against a warm parse)`,
      pass: worst(idleFairRatio) <= TARGETS.parseRatio,
    },
  ];

  const table = [
    "| size | words | klarbrev median | klarbrev words/s | klarbrev CPU | parse inside it (CPU) | peak RSS | bare parse median | bare parse CPU | analysis / parse (CPU) | rules / parse (CPU) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows
      .map((row) =>
        [
          `${row.pages} page${row.pages === 1 ? "" : "s"}`,
          row.words,
          `${fixed(row.klarbrev.medianMs)} ms`,
          thousands(row.words / (row.klarbrev.medianMs / 1000)),
          `${fixed(row.klarbrev.cpuMedianMs)} ms`,
          `${fixed(row.inside.cpuMedianMs)} ms`,
          `${fixed(row.klarbrev.peakRssMb, 0)} MB (+${fixed(row.klarbrev.peakRssMb - row.klarbrev.baselineRssMb, 0)})`,
          `${fixed(row.parse.medianMs)} ms`,
          `${fixed(row.parse.cpuMedianMs)} ms`,
          `${fixed(ratio(row), 1)}x`,
          `${fixed(rulesRatio(row), 1)}x`,
        ].join(" | ")
      )
      .map((line) => `| ${line} |`),
    "",
    "After a pause (CPU time, median of the re-runs):",
    "",
    "| size | analysis | parse inside it | bare parse | analysis / bare parse | rules / bare parse | analysis / warm bare parse |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (row) =>
        `| ${row.pages} page${row.pages === 1 ? "" : "s"} | ${fixed(row.klarbrev.idleCpuMs)} ms | ${fixed(row.inside.idleCpuMs)} ms | ${fixed(row.parse.idleCpuMs)} ms | ${fixed(idleFairRatio(row), 1)}x | ${fixed(idleRulesRatio(row), 1)}x | ${fixed(idleRatio(row), 1)}x |`
    ),
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
      `(${os.cpus().length} cores), ${os.platform()} ${os.arch()}. Full analysis with the legal ` +
      `registry (templates/legal) against a bare \`unified().use(retextLatin)\` parse of the same ` +
      `text, alternately in one process: medians of repeated runs after warm-up, wall-clock and ` +
      `CPU (user + system of the process); "after a pause": ` +
      `median of ${PAUSES} re-analyses, each after 1 s idle with forced garbage collections. Peak ` +
      `RSS of that process (+ growth over its RSS before the first analysis). Load average ` +
      `${fixed(loadAverage)}.${busy}\n\n${table}\n`
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

/** Measure one text in a fresh process: the full analysis and the bare parse. */
function measure(text) {
  const run = spawnSync(
    process.execPath,
    ["--expose-gc", fileURLToPath(import.meta.url), "--child"],
    { input: text, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }
  );
  if (run.status !== 0) {
    process.stderr.write(`bench: the child failed:\n${run.stderr}`);
    process.exit(2);
  }
  return JSON.parse(run.stdout);
}

async function child(text) {
  const analyse = await loadKlarbrev();
  const parse = await loadParse();
  const inside = await loadInsideParse(text);
  const baselineRssMb = process.memoryUsage().rss / 2 ** 20;

  // Warm up (JIT, lazy initialisation, the shared processor) before measuring.
  const warmUntil = performance.now() + 300;
  for (let i = 0; i < 3 || (performance.now() < warmUntil && i < 50); i++) {
    analyse.forget();
    analyse(text);
    parse(text);
    inside();
  }

  // Alternately, so both see the same machine load.
  const klarbrev = [];
  const bare = [];
  const insideParse = [];
  const measureUntil = performance.now() + 3000;
  while (klarbrev.length < 7 || (performance.now() < measureUntil && klarbrev.length < 1000)) {
    analyse.forget();
    klarbrev.push(time(() => analyse(text)));
    bare.push(time(() => parse(text)));
    insideParse.push(time(inside));
  }

  // A re-analysis after idle: V8 flushes code (and compiled regexes) it has not run recently.
  // The two parses get the same pause, each its own.
  const idle = [];
  const idleBare = [];
  const idleInside = [];
  const afterPause = async (fn) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (let gc = 0; gc < 8; gc++) globalThis.gc?.();
    return time(fn);
  };
  for (let i = 0; i < PAUSES; i++) {
    analyse.forget();
    idle.push(await afterPause(() => analyse(text)));
    idleBare.push(await afterPause(() => parse(text)));
    idleInside.push(await afterPause(inside));
  }
  process.stdout.write(
    JSON.stringify({
      klarbrev: {
        ...summary(klarbrev),
        idleMs: median(idle.map((t) => t.wall)),
        idleCpuMs: median(idle.map((t) => t.cpu)),
        baselineRssMb,
        // maxRSS is in kilobytes: the process's high-water mark, warm-up included.
        peakRssMb: process.resourceUsage().maxRSS / 1024,
      },
      parse: { ...summary(bare), idleCpuMs: median(idleBare.map((t) => t.cpu)) },
      inside: { ...summary(insideParse), idleCpuMs: median(idleInside.map((t) => t.cpu)) },
    })
  );
}

function summary(times) {
  const wall = times.map((t) => t.wall);
  return {
    runs: times.length,
    medianMs: median(wall),
    minMs: Math.min(...wall),
    maxMs: Math.max(...wall),
    cpuMedianMs: median(times.map((t) => t.cpu)),
  };
}

async function loadKlarbrev() {
  const { analyzeText, forgetTextMemos } = await import("../dist/engine/index.js");
  const { loadLegalRegistry } = await import("../dist/templates/library.js");
  const { registry, problems } = await loadLegalRegistry(`${ROOT}templates`);
  if (problems.length > 0 || registry.length === 0) {
    process.stderr.write("bench: the legal registry in templates/legal did not load cleanly\n");
    process.exit(2);
  }
  const analyse = (text) => analyzeText(text, { format: "txt", legal: { registry } });
  // The rules remember per sentence and block text (a task pane re-analyses mostly unchanged
  // text): the bench analyses the same text again and again, so it forgets them before each
  // analysis, outside the time measured. What is measured is the rules' work on a letter they
  // have not seen, with the JIT warm.
  analyse.forget = forgetTextMemos;
  return analyse;
}

async function loadParse() {
  const { unified } = await import("unified");
  const { default: retextLatin } = await import("retext-latin");
  const { VFile } = await import("vfile");
  const processor = unified().use(retextLatin).freeze();
  return (text) => {
    const file = new VFile({ value: text });
    processor.runSync(processor.parse(file), file);
    return file;
  };
}

/**
 * The nlcst parse inside the analysis, as `analyzeLetter` runs it: Klarbrev's processor parses the
 * classified letter block by block (the Danish sentence plugins included). Classification is
 * left out: it is Klarbrev's own work, counted with the rules.
 */
async function loadInsideParse(text) {
  const { classifyText, createProcessor } = await import("../dist/engine/index.js");
  const { VFile } = await import("vfile");
  const processor = createProcessor();
  const letter = classifyText(text, { format: "txt" });
  return () => {
    const file = new VFile({ value: letter.text });
    file.data.letter = letter;
    return processor.parse(file);
  };
}

function thousands(value) {
  return Math.round(value).toLocaleString("en-US");
}

function gitCommit() {
  const run = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  return run.status === 0 ? run.stdout.trim() : null;
}
