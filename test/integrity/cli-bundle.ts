import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";

/**
 * The CLI as one runnable file, for tests that need real separate processes (concurrent
 * approvals, a FIFO). esbuild bundles src/ in well under a second, where a full `tsc` build
 * would cost the shared CI cores minutes; dependencies stay in node_modules.
 */
export async function bundleCli(name: string): Promise<string> {
  const outdir = resolve("node_modules/.cache/klarbrev-test");
  mkdirSync(outdir, { recursive: true });
  const outfile = resolve(outdir, `${name}.mjs`);
  await build({
    stdin: {
      contents: `import { runCli } from ${JSON.stringify(resolve("src/cli/main.ts"))};\nawait runCli();\n`,
      resolveDir: resolve("."),
      loader: "ts",
    },
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  return outfile;
}
