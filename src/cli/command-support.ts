import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { defaultLibraryDir } from "../templates/library.js";
import { formatProblem, TemplateError, type Problem } from "../templates/problems.js";
import { UsageError } from "./args.js";
import { EXIT_FINDINGS, EXIT_USAGE, oneLine } from "./io.js";

export { oneOf, parseCommandArgs as parseCommand, UsageError } from "./args.js";
export { EXIT_OK, EXIT_USAGE } from "./io.js";

/**
 * What the `templates`, `render` and `legal` commands need from the CLI: output sinks (plain
 * functions, or streams with `write`, as src/cli/io.ts has them), the working folder and a
 * clock (tests pin it).
 */
export type Sink = ((text: string) => void) | { write(text: string): unknown };

export interface CommandIo {
  stdout: Sink;
  stderr: Sink;
  cwd?: string;
  env?: Readonly<Record<string, string | undefined>>;
  now?: () => Date;
}

/** A template or block fails the check (the CLI's "findings" exit code). */
export const EXIT_FAILING = EXIT_FINDINGS;

export function write(sink: Sink, text: string): void {
  if (typeof sink === "function") sink(text);
  else sink.write(text);
}

export function cwdOf(io: CommandIo): string {
  return io.cwd ?? process.cwd();
}

/** The one-line error every failure prints: `klarbrev: <subject>: <reason>`. */
export function printError(io: CommandIo, subject: string, reason: string): void {
  write(io.stderr, `klarbrev: ${subject ? `${subject}: ` : ""}${oneLine(reason)}\n`);
}

export function printProblem(io: CommandIo, problem: Problem): void {
  write(io.stderr, `klarbrev: ${formatProblem(problem)}\n`);
}

/**
 * Run a command body: usage errors and bad files become one line on stderr and exit 2; anything
 * unexpected too, never a stack trace.
 */
export async function guard(
  io: CommandIo,
  command: string,
  body: () => Promise<number>
): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError)
      printError(io, command, `${error.message} (see klarbrev ${command} --help)`);
    else if (error instanceof TemplateError) printProblem(io, error.problem);
    else {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      printError(io, command, `unexpected error: ${reason.split("\n")[0]}; please report this`);
    }
    return EXIT_USAGE;
  }
}

/**
 * The library to use: the folder given, else ./templates when it is a library, else the one
 * shipped with Klarbrev.
 */
export async function libraryDir(io: CommandIo, given: string | undefined): Promise<string> {
  const cwd = cwdOf(io);
  if (given) return resolve(cwd, given);
  const local = join(cwd, "templates");
  for (const sub of ["letters", "legal"]) {
    if (await isDirectory(join(local, sub))) return local;
  }
  return defaultLibraryDir();
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** A plain-text table: columns padded to their widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length))
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n") + "\n";
}

export function parseNumber(option: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value < 0 || value > 100) {
    throw new UsageError(`${option} must be a number from 0 to 100, not '${raw}'`);
  }
  return value;
}
