import { compareVersions } from "../../engine/rules/legal/index.js";
import { recordApproval } from "../../templates/approvals.js";
import {
  cwdOf,
  EXIT_FAILING,
  EXIT_OK,
  EXIT_USAGE,
  guard,
  libraryDir,
  oneOf,
  parseCommand,
  printError,
  printProblem,
  table,
  UsageError,
  write,
  type CommandIo,
} from "../command-support.js";
import { legalTextHash } from "../../templates/hash.js";
import { canonicalLegalText } from "../../engine/rules/legal/index.js";
import { displayPath, loadLibrary, type Library } from "../../templates/library.js";
import type { LegalLibraryBlock } from "../../templates/registry.js";
import { describeHunks, diffRendered, diffTexts, inlineDiff } from "../../templates/text-diff.js";

export const HELP = `Usage: klarbrev legal list [options]
       klarbrev legal approve ID --by NAME [options]
       klarbrev legal diff ID [--from VERSION] [--to VERSION] [options]

The registry of legally required guidance (klagevejledning, partshøring, ...) in
templates/legal/, for legal staff.

  list      every block and version: title, legal basis, current or not, approval
  approve   record that NAME approved the block's text (the current version unless
            --version): id, version, sha256 of the text, who and when, in
            legal/approvals.json. Other approvals are kept as they are.
  diff      word diff of a block: with --from/--to between two versions, otherwise the
            current text against the text that was approved. First what the citizen
            reads (the rendered text, fields as {{placeholders}}), then the source

Options:
      --dir DIR              the template library (default: ./templates if it is one,
                             else the library shipped with Klarbrev)
      --by NAME              (approve) who approves
      --version VERSION      (approve, diff) the version; default: the current one
      --from, --to VERSION   (diff) compare two versions
  -f, --format text|json     (list) output format (default: text)
  -h, --help                 show this help

Exit codes: 0 done; 1 (list) a block is not approved, or its text changed since approval;
2 usage or input error.
`;

export async function run(argv: string[], io: CommandIo): Promise<number> {
  return guard(io, "legal", async () => {
    const { values, positionals } = parseCommand({
      args: argv,
      allowPositionals: true,
      options: {
        dir: { type: "string" },
        by: { type: "string" },
        version: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        format: { type: "string", short: "f", default: "text" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      write(io.stdout, HELP);
      return EXIT_OK;
    }
    const [action, id, ...extra] = positionals;
    if (!action) throw new UsageError("say what to do: list, approve or diff");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const library = await loadLibrary(await libraryDir(io, values.dir), { cwd: cwdOf(io) });
    switch (action) {
      case "list":
        if (id) throw new UsageError(`unexpected argument '${id}'`);
        return list(io, library, oneOf("--format", values.format, ["text", "json"] as const));
      case "approve":
        if (!id) throw new UsageError("which block? klarbrev legal approve ID --by NAME");
        return approve(io, library, id, values.by, values.version);
      case "diff":
        if (!id) throw new UsageError("which block? klarbrev legal diff ID");
        return diff(io, library, id, values);
      default:
        throw new UsageError(`unknown action '${action}'; the actions are list, approve, diff`);
    }
  });
}

const STATE_TEXT = {
  approved: "approved",
  changed: "CHANGED since approval",
  never: "not approved",
} as const;

function list(io: CommandIo, library: Library, format: "text" | "json"): number {
  const blocks = [...library.legal].sort(
    (a, b) =>
      a.entry.id.localeCompare(b.entry.id) || compareVersions(a.entry.version, b.entry.version)
  );
  for (const problem of library.problems) printProblem(io, problem);
  if (format === "json") {
    const json = blocks.map((block) => ({
      id: block.entry.id,
      version: block.entry.version,
      title: block.entry.title,
      file: block.source.file,
      legalBasis: block.entry.legalBasis,
      requiredFor: block.entry.requiredFor,
      group: block.entry.group ?? null,
      current: block.entry.current,
      state: block.state,
      sha256: block.entry.hash,
      approvedBy: block.approval?.approvedBy ?? null,
      approvedAt: block.approval?.approvedAt ?? null,
      changes: block.changes,
    }));
    write(io.stdout, `${JSON.stringify(json, null, 2)}\n`);
  } else {
    const rows = blocks.map((block) => [
      block.entry.id,
      block.entry.version,
      block.entry.current ? "current" : "old",
      STATE_TEXT[block.state],
      block.approval
        ? `${block.approval.approvedBy}, ${block.approval.approvedAt.slice(0, 10)}`
        : "-",
      block.entry.legalBasis.join("; "),
      block.entry.requiredFor.join(", ") || "-",
    ]);
    write(
      io.stdout,
      table(
        ["Block", "Version", "", "Approval", "Approved by", "Legal basis", "Required for"],
        rows
      )
    );
  }
  const unresolved = blocks.some((block) => block.state !== "approved");
  const broken = library.problems.some((problem) => problem.severity === "error");
  return broken ? EXIT_USAGE : unresolved ? EXIT_FAILING : EXIT_OK;
}

function findBlock(library: Library, id: string, version: string | undefined): LegalLibraryBlock {
  const versions = library.legal.filter((block) => block.entry.id === id);
  if (versions.length === 0) {
    const known = [...new Set(library.legal.map((block) => block.entry.id))].sort().join(", ");
    throw new UsageError(`there is no legal block '${id}'; the blocks are ${known || "none"}`);
  }
  const block =
    version === undefined
      ? versions.find((entry) => entry.entry.current)
      : versions.find((entry) => entry.entry.version === version);
  if (!block) {
    throw new UsageError(
      `'${id}' has no version ${version}; it has ${versions.map((entry) => entry.entry.version).join(", ")}`
    );
  }
  return block;
}

async function approve(
  io: CommandIo,
  library: Library,
  id: string,
  by: string | undefined,
  version: string | undefined
): Promise<number> {
  if (!by || !by.trim()) throw new UsageError('say who approves: --by "Name"');
  const approvalsLabel = displayPath(cwdOf(io), library.approvalsPath);
  const corrupt = library.problems.find(
    (problem) => problem.file === approvalsLabel && /corrupt|cannot read/u.test(problem.message)
  );
  if (corrupt) {
    printProblem(io, corrupt);
    printError(
      io,
      "legal approve",
      "nothing was recorded; repair or remove the approvals file first"
    );
    return EXIT_USAGE;
  }
  const block = findBlock(library, id, version);
  const errors = block.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) {
    for (const problem of errors) printProblem(io, problem);
    printError(
      io,
      "legal approve",
      `'${id}' version ${block.entry.version} has errors; fix them before approving`
    );
    return EXIT_USAGE;
  }
  if (block.state === "approved") {
    write(
      io.stdout,
      `${id} version ${block.entry.version} is already approved (by ${block.approval!.approvedBy}, ${block.approval!.approvedAt}); nothing to do.\n`
    );
    return EXIT_OK;
  }
  const approvedAt = (io.now?.() ?? new Date()).toISOString();
  const approval = {
    id,
    version: block.entry.version,
    sha256: legalTextHash(block.source.text),
    approvedBy: by.trim(),
    approvedAt,
    text: canonicalLegalText(block.source.text),
  };
  await recordApproval(library.approvalsPath, approval, approvalsLabel);
  write(
    io.stdout,
    `Approved ${id} version ${approval.version} (sha256 ${approval.sha256.slice(0, 12)}…) by ${approval.approvedBy}, ${approvedAt}.\n`
  );
  if (!block.entry.current)
    write(io.stdout, `Note: version ${approval.version} is not the current version.\n`);
  return EXIT_OK;
}

function diff(
  io: CommandIo,
  library: Library,
  id: string,
  values: { from?: string; to?: string; version?: string }
): number {
  if (values.from !== undefined || values.to !== undefined) {
    const to = findBlock(library, id, values.to);
    const from =
      values.from !== undefined
        ? findBlock(library, id, values.from)
        : previousVersion(library, to);
    if (!from)
      throw new UsageError(
        `'${id}' version ${to.entry.version} has no earlier version; give --from`
      );
    printDiff(
      io,
      `${id}: version ${from.entry.version} → version ${to.entry.version}`,
      from.source.text,
      to.source.text
    );
    return EXIT_OK;
  }
  const block = findBlock(library, id, values.version);
  const label = `${id} version ${block.entry.version}`;
  if (block.state === "approved") {
    write(
      io.stdout,
      `${label}: no changes since ${block.approval!.approvedBy} approved it (${block.approval!.approvedAt}).\n`
    );
    return EXIT_OK;
  }
  if (block.state === "changed") {
    printDiff(
      io,
      `${label}: approved text (${block.approval!.approvedBy}, ${block.approval!.approvedAt}) → text now`,
      block.approval!.text,
      block.source.text
    );
    return EXIT_OK;
  }
  const previous = previousVersion(library, block);
  write(io.stdout, `${label} has never been approved.\n`);
  if (previous)
    printDiff(
      io,
      `${id}: version ${previous.entry.version} → version ${block.entry.version}`,
      previous.source.text,
      block.source.text
    );
  return EXIT_OK;
}

function previousVersion(
  library: Library,
  block: LegalLibraryBlock
): LegalLibraryBlock | undefined {
  return library.legal
    .filter(
      (other) =>
        other.entry.id === block.entry.id &&
        compareVersions(other.entry.version, block.entry.version) < 0
    )
    .sort((a, b) => compareVersions(b.entry.version, a.entry.version))[0];
}

/**
 * The change as the citizen reads it (the rendered text, fields as placeholders), then the change
 * in the source beside it: a comment or an escaped mustache can be a whole sentence in the letter
 * and almost nothing in the source, or the other way round.
 */
function printDiff(io: CommandIo, heading: string, from: string, to: string): void {
  const source = diffTexts(from, to);
  const rendered = diffRendered(from, to);
  if (source.hunks.length === 0 && rendered.hunks.length === 0) {
    write(io.stdout, `${heading}\nThe texts are the same.\n`);
    return;
  }
  let out = `${heading}\n\nWhat the citizen reads:\n`;
  out +=
    rendered.hunks.length === 0
      ? "No change (the source changed only in comments or layout).\n"
      : `Changed: ${describeHunks(rendered.hunks)}\n\n${inlineDiff(rendered.parts)}\n`;
  out += "\nThe source (fields, comments and escapes as written):\n";
  out +=
    source.hunks.length === 0
      ? "No change in the source's words.\n"
      : describeHunks(source.hunks) === describeHunks(rendered.hunks)
        ? `The same change: ${describeHunks(source.hunks)}\n`
        : `Changed: ${describeHunks(source.hunks)}\n\n${inlineDiff(source.parts)}\n`;
  write(io.stdout, out);
}
