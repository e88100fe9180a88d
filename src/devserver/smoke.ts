import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureDevCertificate } from "./certs.js";
import { startDevServer } from "./server.js";
import { sideloadInstructions } from "./sideload.js";
import { repositoryRoot } from "./site.js";

/**
 * npm run word:smoke: the first device check. Serves the add-in with its task pane marked for the
 * check; a person opens Klarbrev in a NEW, EMPTY Word document, and the pane walks the
 * browser-test scenarios against real Word through the same host interface, one PASS/FAIL line
 * per scenario in the pane (the pane makes no network call, so the lines stay there).
 *   node dist/devserver/smoke.js [--port 3000]
 */
async function main(): Promise<void> {
  const portArgument = process.argv.indexOf("--port");
  const port = portArgument > 0 ? Number(process.argv[portArgument + 1]) : 3000;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error("--port needs a port");
  const root = repositoryRoot();
  const certificate = await ensureDevCertificate(join(root, ".certs"));
  const server = await startDevServer({
    root,
    key: certificate.key,
    cert: certificate.cert,
    port,
    smoke: true,
  });
  console.log("Klarbrev first device check (word:smoke)");
  console.log(
    sideloadInstructions({
      url: server.url,
      manifestPath: join(root, "manifest.xml"),
      caPath: certificate.caPath,
    })
  );
  console.log("");
  console.log("Then: open a NEW, EMPTY Word document and open Klarbrev (Home > Tjek brev).");
  console.log("The pane runs the scenarios in that document and prints one PASS/FAIL line each.");
  console.log("Press Ctrl+C to stop.");
  const stop = () => void server.close().finally(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(`klarbrev word:smoke: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
