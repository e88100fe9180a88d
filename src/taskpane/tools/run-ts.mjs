#!/usr/bin/env node
// Run a TypeScript entry (src/taskpane/build.ts, bench/taskpane.bench.ts) on plain Node 20:
// esbuild bundles it for Node into node_modules/.cache, then its exported main() runs.
// Usage: node src/taskpane/tools/run-ts.mjs <file.ts> [args...]
import { build } from "esbuild";
import { mkdir } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const entry = process.argv[2];
if (!entry) {
  console.error("usage: node src/taskpane/tools/run-ts.mjs <file.ts> [args...]");
  process.exit(2);
}
const outdir = resolve("node_modules/.cache/klarbrev");
await mkdir(outdir, { recursive: true });
const outfile = resolve(outdir, `${basename(entry).replace(/\.tsx?$/u, "")}.mjs`);
try {
  await build({
    entryPoints: [resolve(entry)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    jsx: "automatic",
    logLevel: "warning",
  });
} catch {
  process.exit(1);
}
const module = await import(pathToFileURL(outfile).href);
if (typeof module.main !== "function") {
  console.error(`${entry} does not export main()`);
  process.exit(2);
}
await module.main(process.argv.slice(3));
