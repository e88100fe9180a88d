import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { defaultLibraryDir } from "./library.js";
import { formatProblem, TemplateError, type Problem } from "./problems.js";

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

export const EXIT_OK = 0;
/** A template or block fails the check. */
export const EXIT_FAILING = 1;
/** Usage or input error; wins over 1. */
export const EXIT_USAGE = 2;

export function write(sink: Sink, text: string): void {
  if (typeof sink === "function") sink(text);
  else sink.write(text);
}

export function cwdOf(io: CommandIo): string {
  return io.cwd ?? process.cwd();
}

/** The one-line error every failure prints: `klarbrev: <subject>: <reason>`. */
export function printError(io: CommandIo, subject: string, reason: string): void {
  write(io.stderr, `klarbrev: ${subject ? `${subject}: ` : ""}${reason.replace(/\s+/gu, " ").trim()}\n`);
}

export function printProblem(io: CommandIo, problem: Problem): void {
  write(io.stderr, `klarbrev: ${formatProblem(problem)}\n`);
}

/** A mistake on the command line. */
export class UsageError extends Error {
  override name = "UsageError";
}

export function parseCommand<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== "string" || !code.startsWith("ERR_PARSE_ARGS_")) throw error;
    const first = String((error as Error).message).split(/\.\s/u)[0]!.replace(/\.$/u, "");
    throw new UsageError(first.charAt(0).toLowerCase() + first.slice(1));
  }
}

export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(", ")}, not '${value}'`);
}

/**
 * Run a command body: usage errors and bad files become one line on stderr and exit 2; anything
 * unexpected too, never a stack trace.
 */
export async function guard(io: CommandIo, command: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) printError(io, command, `${error.message} (see klarbrev ${command} --help)`);
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
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
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
