import { build, type Plugin } from "esbuild";
import { copyFile, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { engineTemplateSources, precompiledModule } from "./templates/handlebars-specs.js";
import { templateDataModule } from "./templates/collect.js";

/**
 * Build the task pane: one browser bundle (taskpane.js), its stylesheet, and two pages:
 * taskpane.html (production: Office.js from Microsoft's CDN, strict CSP) and preview.html (the
 * offline preview, nothing remote). Templates and the legal registry are bundled as data.
 */
export interface BuildOptions {
  /** Repository root; default: the current directory. */
  root?: string;
  /** Output folder; default: <root>/dist/taskpane. */
  outdir?: string;
  minify?: boolean;
  /** Print a one-line summary. */
  log?: boolean;
  /** Another sample letter for the preview (the bench's 2- and 10-page letters). */
  sampleText?: string;
  /** Write esbuild's metafile of taskpane.js here (what the bundle contains, byte per input). */
  metafile?: string;
}

export interface BuildResult {
  outdir: string;
  files: string[];
  /** taskpane.js size, raw and gzipped (level 9), in bytes. */
  jsBytes: number;
  jsGzipBytes: number;
  /** Problems found while collecting the template library (the pane still builds). */
  warnings: string[];
}

const STATIC = ["taskpane.html", "preview.html", "taskpane.css"];

/**
 * The shared vocabularies the page's main thread reads: calendar names (the template form, the
 * strings) and abbreviations (sentence splitting for the finding cards). taskpane.js carries only
 * these; the full set (about 130 KB) is in the analysis worker's bundle.
 * test/taskpane/bundle.test.ts fails when another main-thread module reads the vocabularies.
 */
export const MAIN_THREAD_VOCABULARIES: readonly string[] = [
  "months",
  "weekdays",
  "abbreviations",
  "sentenceFinalAbbreviations",
  // Quoted law text is protected by the guard on the main thread too (src/engine/letter/quoted-law.ts).
  "lawMarkers",
  "lawCues",
  // The letter classifier (src/engine/letter/classify.ts) reads a text letter's parts on the main
  // thread too (the offline preview).
  "greetings",
  "closings",
  "dateArticles",
  "floorNumberWords",
  "floorSideWords",
  "senderOffices",
  "contactLabels",
  // The sentence splitter keeps "8900 Randers NV" together (src/engine/nlcst/danish-sentences.ts).
  "postalDistricts",
];

export async function buildTaskpane(options: BuildOptions = {}): Promise<BuildResult> {
  const root = resolve(options.root ?? process.cwd());
  const outdir = resolve(options.outdir ?? join(root, "dist", "taskpane"));
  const source = join(root, "src", "taskpane");
  await mkdir(outdir, { recursive: true });

  const data = await templateDataModule(root);
  const precompiled = await precompiledModule([
    ...(await engineTemplateSources(root)),
    ...data.handlebarsSources,
  ]);
  const virtualModules: Record<string, string> = {
    "klarbrev:template-data": data.source,
    "klarbrev:handlebars-precompiled": precompiled,
  };
  const shim = join(source, "templates", "handlebars-csp.ts");
  const inlineEngine = join(source, "worker", "inline-engine.browser.ts");
  // Every page and worker script: Handlebars without eval, the runtime plus templates precompiled
  // above (CSP-safe), and the bundled data modules.
  const csp: Plugin = {
    name: "klarbrev-csp",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^handlebars$/ }, () => ({ path: shim }));
      pluginBuild.onResolve({ filter: /^klarbrev:/ }, (args) => ({
        path: args.path,
        namespace: "klarbrev-virtual",
      }));
      pluginBuild.onLoad({ filter: /.*/, namespace: "klarbrev-virtual" }, (args) => ({
        contents: virtualModules[args.path] ?? "export default {};",
        loader: "js",
        resolveDir: root,
      }));
    },
  };
  // taskpane.js only: what the page's main thread carries.
  const mainThread: Plugin = {
    name: "klarbrev-main-thread",
    setup(pluginBuild) {
      // The main thread's engine fallback: its script loads on demand, not inside taskpane.js.
      pluginBuild.onResolve({ filter: /\/inline-engine\.js$/ }, () => ({ path: inlineEngine }));
      pluginBuild.onLoad({ filter: /[\\/]generated[\\/]vocabularies\.json$/ }, async (args) => {
        const all = JSON.parse(await readFile(args.path, "utf8")) as Record<
          string,
          Record<string, unknown>
        >;
        const kept = Object.fromEntries(
          Object.entries(all).map(([language, vocabularies]) => [
            language,
            Object.fromEntries(
              MAIN_THREAD_VOCABULARIES.filter((name) => name in vocabularies).map((name) => [
                name,
                vocabularies[name],
              ])
            ),
          ])
        );
        return { contents: JSON.stringify(kept), loader: "json" };
      });
      if (options.sampleText !== undefined) {
        const text = options.sampleText;
        pluginBuild.onLoad({ filter: /sample-letter\.da\.json$/ }, () => ({
          contents: JSON.stringify({ source: "bench", text }),
          loader: "json",
        }));
      }
    },
  };

  // Large JSON data as one JSON.parse of a string literal: V8 parses that several times faster
  // than the same data as a JavaScript object literal (v8.dev/blog/cost-of-javascript-2019).
  const jsonAsString: Plugin = {
    name: "klarbrev-json-as-string",
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]generated[\\/][^\\/]+\.json$/ }, async (args) => ({
        contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(await readFile(args.path, "utf8"))))});`,
        loader: "js",
      }));
    },
  };
  const main = await build({
    absWorkingDir: root,
    entryPoints: { taskpane: join(source, "main.tsx") },
    outdir,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["chrome100", "edge100", "firefox100", "safari15"],
    jsx: "automatic",
    minify: options.minify ?? true,
    sourcemap: "linked",
    legalComments: "linked",
    define: { "process.env.NODE_ENV": '"production"' },
    conditions: ["browser", "import", "default"],
    // V8's explicit compile hint: nearly all of the bundle runs while the pane starts, so it is
    // compiled on a background thread while the script streams in, not function by function on
    // the main thread at first call (v8.dev/blog/explicit-compile-hints; Chromium 136+, a plain
    // comment elsewhere). Measured: main-thread script time to the first score card -25%.
    banner: { js: "//# allFunctionsCalledOnLoad" },
    plugins: [mainThread, csp],
    logLevel: "warning",
    metafile: options.metafile !== undefined,
  });
  if (options.metafile !== undefined && main.metafile)
    await writeFile(options.metafile, JSON.stringify(main.metafile));
  // The engine alone, for the Web Worker that analyses while the caseworker types, and as a page
  // script for where no worker runs (loaded only then).
  await build({
    absWorkingDir: root,
    entryPoints: {
      "analysis-worker": join(source, "worker", "analysis-worker.ts"),
      "analysis-engine": join(source, "worker", "engine-script.ts"),
      // The first script of both pages: starts the worker before taskpane.js is evaluated.
      prestart: join(source, "worker", "prestart-script.ts"),
    },
    outdir,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["chrome100", "edge100", "firefox100", "safari15"],
    minify: options.minify ?? true,
    sourcemap: "linked",
    legalComments: "linked",
    define: { "process.env.NODE_ENV": '"production"' },
    conditions: ["browser", "import", "default"],
    // As in taskpane.js: the engine runs at once (warm-up, first analysis), so V8 compiles it
    // on a background thread while the script streams in.
    banner: { js: "//# allFunctionsCalledOnLoad" },
    // analysis-engine.js runs on the page, under its CSP (no eval).
    plugins: [jsonAsString, csp],
    logLevel: "warning",
  });
  for (const file of STATIC) await copyFile(join(source, "static", file), join(outdir, file));

  const js = await readFile(join(outdir, "taskpane.js"));
  const result: BuildResult = {
    outdir,
    files: [
      "taskpane.js",
      "taskpane.js.map",
      "analysis-worker.js",
      "analysis-worker.js.map",
      "analysis-engine.js",
      "analysis-engine.js.map",
      "prestart.js",
      "prestart.js.map",
      ...STATIC,
    ],
    jsBytes: js.length,
    jsGzipBytes: gzipSync(js, { level: 9 }).length,
    warnings: data.warnings,
  };
  if (options.log) {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `task pane built in ${outdir}: taskpane.js ${kb(result.jsBytes)} (${kb(result.jsGzipBytes)} gzipped)`
    );
    for (const warning of data.warnings) console.warn(`warning: ${warning}`);
  }
  return result;
}

/** True when `path` exists. */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** `node src/taskpane/tools/run-ts.mjs src/taskpane/build.ts` lands here. */
export async function main(): Promise<void> {
  try {
    // --metafile=meta.json: what taskpane.js contains, for measuring the bundle budget.
    const metafile = process.argv.find((arg) => arg.startsWith("--metafile="))?.slice(11);
    await buildTaskpane({ log: true, ...(metafile ? { metafile } : {}) });
  } catch (error) {
    console.error(
      `klarbrev: task pane build failed: ${error instanceof Error ? error.message : String(error)}`
    );
    process.exitCode = 1;
  }
}
