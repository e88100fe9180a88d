#!/usr/bin/env node
// Rule-family benchmark: `npm run bench:families` (builds first). Not a test: it prints Markdown
// tables and writes bench/results/families.json.
//
// What each of Klarbrev's rule families costs on top of the parse, as a ratio to a bare
// `unified().use(retextLatin)` parse of the same Danish letter, and, for scale, what common
// retext plugins from npm cost on top of that same bare parse of that same letter. Issue 8 set
// "rules <= 2x the parse" for all of Klarbrev's rules together; this bench shows what 2x buys in
// the retext ecosystem the engine is built in (README, "Performance").
//
// Each size runs in a fresh child process. In it every processor is measured alternately (CPU
// time, medians of many rounds), each run on a fresh VFile, and Klarbrev's per-text memos are
// forgotten before each run, as in bench/engine.bench.js: a family's cost is that of a letter it
// has not seen. A family's cost is the difference between a processor with it and the same
// processor without it (threat and legal read the essentials' facts, so they are measured on top
// of the essentials). Work two families share (the consequence model's reading of a sentence,
// remembered per text) is counted in each family measured alone, and once in the whole analysis.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { WORDS_PER_PAGE, buildLetter, countWords } from "./bench-letter.js";
import { fixed, median, time } from "./measure.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RESULTS = `${ROOT}bench/results`;
const SIZES = [1, 10, 100];

/** Common retext plugins (npm, devDependencies), each a job like one of Klarbrev's rules. */
const RETEXT_PLUGINS = [
  ["retext-readability", "readability formulas (like readability/lix)"],
  ["retext-simplify", "a phrase list with simpler words (like plain/officialese)"],
  ["retext-passive", "passive voice (like plain/passive)"],
  ["retext-intensify", "hedges and weasel words (a word list)"],
  ["retext-equality", "insensitive phrases (a phrase list with conditions)"],
  ["retext-profanities", "profane words (a word list)"],
  ["retext-repeated-words", "a word written twice"],
  ["retext-indefinite-article", "a or an"],
  ["retext-quotes", "quote marks"],
  ["retext-sentence-spacing", "spaces between sentences"],
];

if (process.argv[2] === "--child") {
  await child(Number(process.argv[3]));
} else {
  parent();
}

function parent() {
  if (!existsSync(`${ROOT}dist/engine/index.js`)) {
    process.stderr.write(
      "bench: dist/ is missing; run `npm run build` (npm run bench:families does)\n"
    );
    process.exit(2);
  }
  const loadAverage = os.loadavg()[0];
  const sizes = [];
  for (const pages of SIZES) {
    const run = spawnSync(
      process.execPath,
      [fileURLToPath(import.meta.url), "--child", String(pages)],
      { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }
    );
    if (run.status !== 0) {
      process.stderr.write(`bench: the child for ${pages} page(s) failed:\n${run.stderr}`);
      process.exit(2);
    }
    sizes.push(JSON.parse(run.stdout));
    process.stderr.write(`bench: ${pages} page(s) done\n`);
  }

  const header = `| | ${sizes.map((s) => `${s.pages} page${s.pages === 1 ? "" : "s"}`).join(" | ")} |`;
  const rule = `| --- | ${sizes.map(() => "---:").join(" | ")} |`;
  const row = (label, of) =>
    `| ${label} | ${sizes.map((s) => `${fixed(of(s) / s.bareParseMs, 1)}x`).join(" | ")} |`;
  const families = [
    header,
    rule,
    `| bare parse (CPU ms) | ${sizes.map((s) => `${fixed(s.bareParseMs)} ms`).join(" | ")} |`,
    row("Klarbrev's own parse (letter blocks, Danish sentences)", (s) => s.costs.parse),
    row("reading the letter (classification, changed guidance)", (s) => s.costs.reading),
    row("language detection", (s) => s.costs.language),
    row("readability family", (s) => s.costs.readability),
    row("plain family", (s) => s.costs.plain),
    row("essentials family", (s) => s.costs.essentials),
    row("threat family", (s) => s.costs.threat),
    row("legal family (with the registry)", (s) => s.costs.legal),
    row("every family in one processor", (s) => s.costs.allFamilies),
    row("**all rules** (whole analysis less Klarbrev's own parse)", (s) => s.costs.rules),
    row("**whole analysis** (`analyzeText`)", (s) => s.costs.whole),
  ];
  const plugins = [
    header,
    rule,
    ...RETEXT_PLUGINS.map(([name, job]) =>
      sizes[0].plugins[name] === undefined
        ? `| ${name}: ${job} | ${sizes.map(() => "not installed").join(" | ")} |`
        : row(`${name}: ${job}`, (s) => s.plugins[name])
    ),
  ];
  const installed = RETEXT_PLUGINS.filter(([name]) => sizes[0].plugins[name] !== undefined);
  if (installed.length > 0) {
    plugins.push(row(`**all ${installed.length} together**`, (s) => s.plugins.together));
  }
  process.stdout.write(
    `## What each rule family costs, against the bare parse\n\nNode ${process.version}, ` +
      `${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores). CPU time on top of ` +
      `the parse, divided by a bare \`unified().use(retextLatin)\` parse of the same letter ` +
      `(${WORDS_PER_PAGE} words a page), memos forgotten before each run. Load average ` +
      `${fixed(loadAverage)}.\n\n${families.join("\n")}\n\n` +
      `## Common retext plugins on the same letter, against the same bare parse\n\n` +
      `Each plugin's CPU time on top of the bare parse, divided by it. They look for English ` +
      `words, so on a Danish letter they find almost nothing: a lower bound of their cost.\n\n` +
      `${plugins.join("\n")}\n`
  );
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(
    `${RESULTS}/families.json`,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, loadAverage, sizes }, null, 2)}\n`
  );
  process.stderr.write("bench: wrote bench/results/families.json\n");
}

async function child(pages) {
  const engine = await import("../dist/engine/index.js");
  const { startAnalysis } = await import("../dist/engine/analyze.js");
  const { retextLetter } = await import("../dist/engine/nlcst/letter-parser.js");
  const { retextDanishSentences } = await import("../dist/engine/nlcst/danish-sentences.js");
  const { retextLanguage } = await import("../dist/engine/rules/language/detect.js");
  const { readabilityPreset } = await import("../dist/engine/rules/readability/index.js");
  const { plainPreset } = await import("../dist/engine/rules/plain/index.js");
  const { essentialsPreset } = await import("../dist/engine/rules/essentials/index.js");
  const { threatPreset } = await import("../dist/engine/rules/threat/index.js");
  const { legalPreset } = await import("../dist/engine/rules/legal/index.js");
  const { loadLegalRegistry } = await import("../dist/templates/library.js");
  const { unified } = await import("unified");
  const { default: retextLatin } = await import("retext-latin");
  const { VFile } = await import("vfile");

  const { registry } = await loadLegalRegistry(`${ROOT}templates`);
  const options = { format: "txt", legal: { registry } };
  const text = buildLetter(engine.classifyText, pages * WORDS_PER_PAGE);

  // Klarbrev's processors, each the parse plus some of the engine's plugins in the engine's order.
  const klarbrev = (...plugins) => {
    let processor = unified().use(retextLetter).use(retextDanishSentences);
    for (const plugin of plugins) processor = processor.use(plugin);
    return processor.freeze();
  };
  const withFamilies = {
    parse: klarbrev(),
    language: klarbrev(retextLanguage),
    readability: klarbrev(retextLanguage, readabilityPreset),
    plain: klarbrev(retextLanguage, plainPreset),
    essentials: klarbrev(retextLanguage, essentialsPreset),
    threat: klarbrev(retextLanguage, essentialsPreset, threatPreset),
    legal: klarbrev(retextLanguage, essentialsPreset, legalPreset),
    // The engine's own processor: every family, in the engine's order.
    allFamilies: engine.createProcessor(),
  };
  const runs = {
    bare: bareRun(unified().use(retextLatin).freeze()),
    reading: () => {
      engine.forgetTextMemos();
      return startAnalysis(engine.classifyText(text, { format: "txt" }), options);
    },
    whole: () => {
      engine.forgetTextMemos();
      return engine.analyzeText(text, options);
    },
  };
  for (const [name, processor] of Object.entries(withFamilies)) {
    runs[name] = () => {
      engine.forgetTextMemos();
      // A letter read anew each time, as analyzeText reads it: per-letter caches start empty.
      const { file } = startAnalysis(engine.classifyText(text, { format: "txt" }), options);
      processor.runSync(processor.parse(file), file);
      return file;
    };
  }
  const pluginNames = [];
  const plugins = [];
  for (const [name] of RETEXT_PLUGINS) {
    try {
      const plugin = (await import(name)).default;
      runs[name] = bareRun(unified().use(retextLatin).use(plugin).freeze());
      pluginNames.push(name);
      plugins.push(plugin);
    } catch {
      // Not installed: the table says so.
    }
  }
  if (plugins.length > 0) {
    runs.together = bareRun(
      plugins
        .reduce((processor, plugin) => processor.use(plugin), unified().use(retextLatin))
        .freeze()
    );
  }

  function bareRun(processor) {
    return () => {
      const file = new VFile({ value: text });
      processor.runSync(processor.parse(file), file);
      return file;
    };
  }

  const names = Object.keys(runs);
  for (let i = 0; i < 3; i++) for (const name of names) runs[name]();
  const times = Object.fromEntries(names.map((name) => [name, []]));
  const until = performance.now() + (pages >= 100 ? 40000 : 10000);
  let rounds = 0;
  while (rounds < 7 || (performance.now() < until && rounds < 300)) {
    for (const name of names) times[name].push(time(runs[name]).cpu);
    rounds++;
  }
  const ms = Object.fromEntries(names.map((name) => [name, median(times[name])]));
  const over = (name, base) => Math.max(0, ms[name] - ms[base]);
  process.stdout.write(
    JSON.stringify({
      pages,
      words: countWords(text),
      rounds,
      bareParseMs: ms.bare,
      costs: {
        parse: over("parse", "reading"),
        reading: ms.reading,
        language: over("language", "parse"),
        readability: over("readability", "language"),
        plain: over("plain", "language"),
        essentials: over("essentials", "language"),
        threat: over("threat", "essentials"),
        legal: over("legal", "essentials"),
        allFamilies: over("allFamilies", "parse"),
        rules: Math.max(0, ms.whole - over("parse", "reading")),
        whole: ms.whole,
      },
      plugins: {
        ...Object.fromEntries(pluginNames.map((name) => [name, over(name, "bare")])),
        ...(plugins.length > 0 ? { together: over("together", "bare") } : {}),
      },
    })
  );
}
