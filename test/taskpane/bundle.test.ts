import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  buildTaskpane,
  MAIN_THREAD_VOCABULARIES,
  type BuildResult,
} from "../../src/taskpane/build.js";
import {
  engineTemplateSources,
  precompiledModule,
} from "../../src/taskpane/templates/handlebars-specs.js";
import { specKey } from "../../src/taskpane/templates/spec-key.js";
import { ROOT } from "./support.js";

/**
 * The production bundle: no network calls, no telemetry, a strict CSP, and Handlebars without
 * eval. Size and speed budgets are measured by `npm run bench:taskpane`, not here.
 */
let result: BuildResult;
let js: string;
/** taskpane.js's inputs (esbuild metafile), repository-relative paths. */
let inputs: string[];
/** Every input's imports (both builds' metafile of taskpane.js). */
let imports: Record<string, string[]>;

beforeAll(async () => {
  const outdir = await mkdtemp(join(tmpdir(), "klarbrev-bundle-"));
  const metafile = join(outdir, "meta.json");
  result = await buildTaskpane({ root: ROOT, outdir, metafile });
  js = await readFile(join(result.outdir, "taskpane.js"), "utf8");
  const meta = JSON.parse(await readFile(metafile, "utf8")) as {
    inputs: Record<string, { imports: { path: string }[] }>;
    outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown> }>;
  };
  imports = Object.fromEntries(
    Object.entries(meta.inputs).map(([input, { imports }]) => [input, imports.map((i) => i.path)])
  );
  inputs = Object.values(meta.outputs).flatMap((output) =>
    output.entryPoint ? Object.keys(output.inputs) : []
  );
}, 120_000);

describe("what the page's main thread loads", () => {
  // The analysis runs in the worker (analysis-worker.js); the rules, their data and the analysing
  // entry points stay out of taskpane.js (issue 11 §6: first score card <= 1 s at 4x slowdown).
  test.each([
    /^src\/engine\/(analyze|incremental|processor)\.ts$/u,
    /^src\/engine\/rules\/(readability|plain|threat|language|essentials\/(?!combine))/u,
    /^src\/engine\/rules\/legal\/(check|plugin|sanction|required)\.ts$/u,
    /^src\/engine\/consequence\//u,
    /^src\/engine\/rewrite\//u,
    /^src\/engine\/generated\/(matchers|morphology|agreement|rule-data)/u,
    /^node_modules\/(dale-chall|spache|pluralize|retext-readability)\//u,
  ])("taskpane.js carries nothing matching %s", (pattern) => {
    expect(inputs.length).toBeGreaterThan(100);
    expect(inputs.filter((input) => pattern.test(input))).toEqual([]);
  });

  // Bug: quoted-law.ts (the guard's quoted-law protection, on the main thread) began to read
  // @lawMarkers/@lawCues, which the bundle did not carry: the pane stopped at start-up.
  test("it reads only the vocabularies it carries (calendar names, abbreviations, law cues, letter parts)", async () => {
    const readers = Object.keys(imports).filter((input) =>
      imports[input]!.includes("src/engine/linguistics/vocabulary.ts")
    );
    expect(readers.sort()).toEqual([
      "src/engine/letter/classify.ts",
      "src/engine/letter/quoted-law.ts",
      "src/engine/linguistics/abbreviations.ts",
      "src/engine/linguistics/calendar.ts",
      "src/engine/nlcst/danish-sentences.ts",
    ]);
    for (const reader of readers) {
      const source = await readFile(join(ROOT, reader), "utf8");
      const names = [...source.matchAll(/\b(?:vocabulary|lemmas|formsOf|alternation)\("(\w+)"/gu)];
      expect(names.length).toBeGreaterThan(0);
      for (const [, name] of names) expect(MAIN_THREAD_VOCABULARIES).toContain(name);
    }
  });

  test("the engine's page script is built next to it (only where no worker runs)", async () => {
    expect(result.files).toContain("analysis-engine.js");
    const engine = await readFile(join(result.outdir, "analysis-engine.js"), "utf8");
    expect(engine).toContain("klarbrevEngine");
  });

  // Issue 11 §6: the worker starts before taskpane.js is evaluated (src/taskpane/worker/early-worker.ts).
  test.each(["taskpane.html", "preview.html"])(
    "%s runs prestart.js, a small script that only starts the worker, before its other scripts",
    async (name) => {
      const html = await readFile(join(result.outdir, name), "utf8");
      const scripts = [...html.matchAll(/<script src="([^"]+)"/gu)].map((match) => match[1]);
      expect(scripts[0]).toBe("prestart.js");
      expect(scripts).toContain("taskpane.js");
      const prestart = await readFile(join(result.outdir, "prestart.js"), "utf8");
      expect(prestart).toContain("analysis-worker.js");
      expect(prestart.length).toBeLessThan(2_000);
    }
  );

  // analysis-engine.js runs under the page's CSP (no unsafe-eval); the worker gets the same runtime.
  test.each(["analysis-engine.js", "analysis-worker.js"])(
    "%s ships Handlebars precompiled, without its compiler",
    async (name) => {
      const script = await readFile(join(result.outdir, name), "utf8");
      expect(script).not.toMatch(/new Function\(|\beval\(/u);
      expect(script).not.toContain("JavaScriptCompiler");
    }
  );
});

describe("the production task pane bundle", () => {
  test.each([
    "fetch(",
    "XMLHttpRequest",
    "WebSocket",
    "sendBeacon",
    "EventSource",
    "importScripts",
    "RTCPeerConnection",
  ])("contains no network API: %s", (api) => {
    expect(js.includes(api)).toBe(false);
  });

  test("the only URLs in it are never requested: XML namespaces and links in error messages", () => {
    const urls = new Set(js.match(/https?:\/\/[^\s"'`)\\]+/gu) ?? []);
    const harmless = [
      /^http:\/\/www\.w3\.org\//u, // React DOM's XML namespace names
      /^https:\/\/reactjs\.org\/docs\/error-decoder\.html/u, // React's production error messages
      /^https:\/\/handlebarsjs\.com\/api-reference\//u, // a Handlebars runtime warning
      /^https:\/\/github\.com\/microsoft\/fluentui\/wiki\//u, // Fluent's missing-icon warning
      /^https:\/\/github\.com\/retextjs\//u, // retext-readability's readme link
      // Fluent's default web-font location: unused, fabric-config.ts sets fontBaseUrl to "".
      /^https:\/\/res-1\.cdn\.office\.net\/files\/fabric-cdn-prod_\d+\.\d+\/assets$/u,
    ];
    const unexpected = [...urls].filter((url) => !harmless.some((pattern) => pattern.test(url)));
    expect(unexpected).toEqual([]);
  });

  test("the Fluent web fonts are switched off before Fluent loads", () => {
    expect(js.indexOf("fontBaseUrl")).toBeGreaterThanOrEqual(0);
  });

  test("the Handlebars compiler is not shipped (the CSP has no unsafe-eval)", () => {
    expect(js).not.toMatch(/new Function\(|\beval\(/u);
    expect(js).not.toContain("JavaScriptCompiler");
  });

  test("taskpane.html loads Office.js from Microsoft's CDN and allows nothing else remote", async () => {
    const html = await readFile(join(result.outdir, "taskpane.html"), "utf8");
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/u.exec(html)?.[1] ?? "";
    const directives = Object.fromEntries(
      csp
        .split(";")
        .map((part) => part.trim().split(/\s+/u))
        .map(([name, ...values]) => [name, values])
    );
    expect(directives["default-src"]).toEqual(["'none'"]);
    expect(directives["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives["connect-src"]).toEqual(["'self'"]);
    expect(csp).not.toContain("unsafe-eval");
    const remote = csp.match(/https?:\/\/[^\s;]+/gu) ?? [];
    expect(remote).toEqual(["https://appsforoffice.microsoft.com"]);
    expect(html).toContain(
      '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>'
    );
    const preview = await readFile(join(result.outdir, "preview.html"), "utf8");
    expect(preview).not.toMatch(/https?:\/\//u);
  });
});

describe("Handlebars without eval", () => {
  test("a precompiled engine template renders exactly as the compiler would", async () => {
    const handlebars = (await import("handlebars")).default;
    const sources = await engineTemplateSources(ROOT);
    expect(sources.length).toBeGreaterThan(0);
    const dir = await mkdtemp(join(tmpdir(), "klarbrev-hbs-"));
    const file = join(dir, "specs.mjs");
    await writeFile(file, await precompiledModule(sources));
    const specs = (await import(pathToFileURL(file).href)).default as Record<string, unknown>;
    const context = {
      meeting: "samtale",
      date: "mandag den 7. december 2026",
      time: "10.00",
      place: "i Jobcenter Randers",
    };
    for (const { source, options } of sources.slice(0, 5)) {
      const spec = specs[specKey(source, options)];
      expect(spec).toBeDefined();
      const runtime = handlebars.create();
      const precompiled = runtime.template(spec as Parameters<typeof runtime.template>[0]);
      expect(precompiled(context)).toBe(handlebars.compile(source, options)(context));
    }
  });

  test("the lookup key ignores options that do not change the code, and is stable", () => {
    expect(specKey("{{a}}", { noEscape: true })).toBe(
      specKey("{{a}}", { noEscape: true, unused: 1 })
    );
    expect(specKey("{{a}}", { noEscape: true })).not.toBe(specKey("{{a}}", {}));
  });
});
