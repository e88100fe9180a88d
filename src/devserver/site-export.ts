import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { writeFileAtomicSync } from "../files/atomic-write.js";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { hostedFiles, repositoryRoot } from "./site.js";

/**
 * For IT: the add-in site as plain files for any HTTPS static host, plus a manifest pointing at
 * that host.
 *   node dist/devserver/site-export.js --base-url https://addins.example.dk/klarbrev [--out dir]
 */

export const DEV_BASE_URL = "https://localhost:3000";

/** manifest.xml with every development URL replaced by the production base URL. */
export function productionManifest(manifest: string, baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol !== "https:") throw new Error("The base URL must use https");
  if (url.search || url.hash) throw new Error("The base URL cannot have a query or fragment");
  const base = `${url.origin}${url.pathname.replace(/\/+$/u, "")}`;
  const result = manifest.split(DEV_BASE_URL).join(base);
  if (result.includes("localhost")) throw new Error("The manifest still mentions localhost");
  return result;
}

export function exportSite(root: string, out: string, baseUrl: string): string[] {
  const written: string[] = [];
  for (const { url, file } of hostedFiles(root, listFiles)) {
    const target = join(out, ...url.split("/").filter(Boolean));
    mkdirSync(dirname(target), { recursive: true });
    writeFileAtomicSync(target, readFileSync(file));
    written.push(url);
  }
  writeFileAtomicSync(
    join(out, "manifest.xml"),
    productionManifest(readFileSync(join(root, "manifest.xml"), "utf8"), baseUrl)
  );
  written.push("/manifest.xml");
  return written.sort();
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]
  );
}

function main(): void {
  const argv = process.argv.slice(2);
  const value = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const baseUrl = value("--base-url");
  if (!baseUrl) throw new Error("Usage: site-export --base-url https://host/path [--out dir]");
  const root = repositoryRoot();
  const out = resolve(value("--out") ?? join(root, "dist", "addin-site"));
  const files = exportSite(root, out, baseUrl);
  console.log(`Wrote ${files.length} files to ${out}:`);
  for (const file of files) console.log(`  ${file}`);
  console.log(
    `Host the folder at ${baseUrl} and deploy ${join(out, "manifest.xml")} (see README, Deployment).`
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.error(`site-export: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
