import { relative } from "node:path";
import type { ApiSetReport, ApiUse } from "./analyze.js";
import { compareVersions } from "./manifest-requirements.js";

/** The table `npm run check:apisets` prints: one row per annotated member, then violations. */
export function formatReport(
  report: ApiSetReport,
  manifest: ReadonlyMap<string, string>,
  root: string
): string {
  const rows = new Map<string, { use: ApiUse; count: number; coverage: Set<string> }>();
  for (const use of report.uses) {
    if (!use.requirement) continue;
    const key = use.member;
    const row = rows.get(key) ?? { use, count: 0, coverage: new Set<string>() };
    row.count++;
    row.coverage.add(describeCoverage(use));
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort(
    (a, b) =>
      a.use.requirement!.set.localeCompare(b.use.requirement!.set) ||
      compareVersions(b.use.requirement!.version, a.use.requirement!.version) ||
      a.use.member.localeCompare(b.use.member)
  );
  const table = [["Member", "Requires", "Uses", "Covered by"]];
  for (const row of sorted) {
    const requirement = `${row.use.requirement!.set} ${row.use.requirement!.version}`;
    table.push([row.use.member, requirement, String(row.count), [...row.coverage].join(", ")]);
  }
  const widths = table[0]!.map((_, column) =>
    Math.max(...table.map((cells) => cells[column]!.length))
  );
  const lines = table.map((cells) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd()
  );
  lines.splice(1, 0, widths.map((width) => "-".repeat(width)).join("  "));

  const declared = [...manifest].map(([set, version]) => `${set} ${version}`).join(", ") || "none";
  const out = [`Manifest minimum: ${declared}`, "", ...lines, ""];
  const baseline = report.uses.filter((use) => !use.requirement).length;
  out.push(
    `${report.uses.length} Office.js uses, ${baseline} without an API set (common API, load/sync).`
  );
  for (const [set, version] of report.needed) {
    const minimum = manifest.get(set);
    const note =
      minimum === undefined
        ? "not declared in the manifest"
        : compareVersions(minimum, version) > 0
          ? `the manifest asks for ${minimum}: higher than needed`
          : compareVersions(minimum, version) === 0
            ? "matches the manifest"
            : `the manifest declares only ${minimum}`;
    out.push(`Highest unguarded use: ${set} ${version} (${note}).`);
  }
  if (report.violations.length > 0) {
    out.push(
      "",
      `${report.violations.length} use(s) above the manifest minimum without a guard, or refused:`
    );
    for (const use of report.violations) {
      const place = `${relative(root, use.file)}:${use.line}:${use.column}`;
      out.push(
        use.problem
          ? `  ${place}  ${use.member}: ${use.problem}`
          : `  ${place}  ${use.member} needs ${use.requirement!.set} ${use.requirement!.version}`
      );
    }
    out.push(
      "",
      'Wrap each in if (Office.context.requirements.isSetSupported("<set>", "<version>")) { ... } or raise the manifest minimum.'
    );
  } else {
    out.push("OK: every use above the manifest minimum is guarded.");
  }
  return out.join("\n");
}

function describeCoverage(use: ApiUse): string {
  switch (use.coverage) {
    case "manifest":
      return "manifest";
    case "guard":
      return `isSetSupported ${use.guard!.set} ${use.guard!.version}`;
    case "annotation":
      return `@requires ${use.guard!.set} ${use.guard!.version}`;
    case "none":
      return "VIOLATION";
    default:
      return "-";
  }
}
