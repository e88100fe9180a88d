import { build } from "esbuild";
import { mkdir } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * Run an exported async function of a TypeScript module in a worker thread, with a time limit.
 * A synchronous endless loop cannot be interrupted inside the test's own thread (jest's timeout
 * never fires), so "returns within N ms" is only testable from outside: the worker is terminated.
 * The module is bundled with esbuild first (not counted in the limit).
 */
export type Bounded<T> = { done: true; value: T; ms: number } | { done: false; ms: number };

export async function runBounded<T>(
  module: URL,
  exported: string,
  limitMs: number
): Promise<Bounded<T>> {
  const entry = fileURLToPath(module);
  const outdir = resolve("node_modules/.cache/klarbrev-bounded");
  await mkdir(outdir, { recursive: true });
  const outfile = resolve(outdir, `${basename(entry).replace(/\.tsx?$/u, "")}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "error",
  });
  const source = `
    const { parentPort } = require("node:worker_threads");
    import(${JSON.stringify(pathToFileURL(outfile).href)})
      .then((module) => module[${JSON.stringify(exported)}]())
      .then((value) => parentPort.postMessage({ value }), (error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
  `;
  const started = performance.now();
  const worker = new Worker(source, { eval: true });
  try {
    return await new Promise<Bounded<T>>((done, fail) => {
      const timer = setTimeout(
        () => done({ done: false, ms: performance.now() - started }),
        limitMs
      );
      worker.once("message", (message: { value?: T; error?: string }) => {
        clearTimeout(timer);
        if (message.error !== undefined) fail(new Error(message.error));
        else done({ done: true, value: message.value as T, ms: performance.now() - started });
      });
      worker.once("error", (error) => {
        clearTimeout(timer);
        fail(error);
      });
    });
  } finally {
    await worker.terminate();
  }
}
