import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkProgram, type ApiSetReport } from "./analyze.js";
import { readManifestRequirements } from "./manifest-requirements.js";
import { listSourceFiles, projectProgram } from "./program.js";
import { formatReport } from "./report.js";

/** The repository root: two levels up from src/apisets or dist/apisets. */
export function repositoryRoot(): string {
  return fileURLToPath(new URL("../../", import.meta.url));
}

/** Check every source under src/ against manifest.xml's minimum API sets. */
export function checkRepository(root = repositoryRoot()): {
  report: ApiSetReport;
  manifest: Map<string, string>;
} {
  const manifestPath = join(root, "manifest.xml");
  if (!existsSync(manifestPath)) throw new Error(`No manifest at ${manifestPath}`);
  const manifest = readManifestRequirements(readFileSync(manifestPath, "utf8"));
  const files = listSourceFiles(join(root, "src"));
  const report = checkProgram(projectProgram(root, files), files, manifest);
  return { report, manifest };
}

function main(): void {
  try {
    const root = repositoryRoot();
    const { report, manifest } = checkRepository(root);
    console.log(formatReport(report, manifest, root));
    process.exitCode = report.violations.length > 0 ? 1 : 0;
  } catch (error) {
    console.error(`check:apisets: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
