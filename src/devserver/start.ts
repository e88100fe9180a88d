import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureDevCertificate } from "./certs.js";
import { startDevServer } from "./server.js";
import { findDesktopWord, sideload, sideloadInstructions } from "./sideload.js";
import { repositoryRoot } from "./site.js";

/**
 * npm start: serve the add-in over HTTPS on localhost:3000 with an offline development
 * certificate, print how to sideload, and sideload automatically where Word desktop exists.
 *   node dist/devserver/start.js [--port 3000] [--no-sideload]
 */

interface StartOptions {
  port: number;
  sideload: boolean;
}

export function parseArguments(argv: readonly string[]): StartOptions {
  const options: StartOptions = { port: 3000, sideload: true };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === "--no-sideload") options.sideload = false;
    else if (argument === "--port") {
      const port = Number(argv[++index]);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new Error(`--port needs a port number`);
      options.port = port;
    } else throw new Error(`Unknown option ${argument} (use --port <n> or --no-sideload)`);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const root = repositoryRoot();
  const certificate = await ensureDevCertificate(join(root, ".certs"));
  const server = await startDevServer({
    root,
    key: certificate.key,
    cert: certificate.cert,
    port: options.port,
  });
  const manifestPath = join(root, "manifest.xml");
  console.log(
    `Klarbrev add-in: ${server.url}/taskpane.html (listening on 127.0.0.1:${server.port})`
  );
  // The offline preview: the same task pane beside an in-page letter, for a browser without Word.
  console.log(`Try it without Word (offline preview): ${server.url}/preview.html`);
  if (certificate.created)
    console.log(`Made a development certificate in ${join(root, ".certs")}.`);
  if (options.port !== 3000)
    console.log("Note: manifest.xml points at port 3000; Word will not find this port.");
  console.log("");
  console.log(sideloadInstructions({ url: server.url, manifestPath, caPath: certificate.caPath }));
  console.log("");
  const word = findDesktopWord();
  if (!options.sideload) console.log("Sideloading skipped (--no-sideload).");
  else if (!word)
    console.log(
      "No Word desktop found on this machine: sideload by hand (step 2) or use Word on the web."
    );
  else {
    try {
      console.log(await sideload(word, manifestPath));
    } catch (error) {
      console.log(
        `Could not sideload automatically (${error instanceof Error ? error.message : String(error)}); see step 2.`
      );
    }
  }
  console.log("Press Ctrl+C to stop.");
  const stop = () => {
    void server.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /EADDRINUSE/u.test(message) ? " (is another npm start running? use --port)" : "";
    console.error(`klarbrev start: ${message}${hint}`);
    process.exitCode = 1;
  });
}
