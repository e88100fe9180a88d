#!/usr/bin/env node
// Thin shim: the CLI lives in src/cli and is built into dist/ by `npm run build`.
let cli;
try {
  cli = await import("../dist/cli/main.js");
} catch (error) {
  const reason =
    error?.code === "ERR_MODULE_NOT_FOUND"
      ? "run `npm run build` first"
      : String(error?.message ?? error);
  process.stderr.write(`klarbrev: cannot load the CLI (${reason.split("\n")[0]})\n`);
  process.exit(2);
}
await cli.runCli();
