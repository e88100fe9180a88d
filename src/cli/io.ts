/** Where a command writes. The real process in the bin, an in-memory sink in tests. */
export interface OutputStream {
  write(chunk: string): unknown;
  /** True when the stream is a terminal; colour is only used then. */
  isTTY?: boolean;
}

export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Standard input, for `--files-from -`. */
  stdin?: NodeJS.ReadableStream;
}

/** A subcommand: parses its own arguments, returns the exit code. */
export type RunCommand = (argv: string[], io: Io) => Promise<number>;

export const EXIT_OK = 0;
/** Findings at or above `--fail-on`. */
export const EXIT_FINDINGS = 1;
/** Usage or input error; wins over EXIT_FINDINGS. */
export const EXIT_USAGE = 2;

/** Colour only on a terminal, and never when NO_COLOR is set to a non-empty value. */
export function useColour(io: Io): boolean {
  return io.stdout.isTTY === true && !io.env.NO_COLOR;
}

/** The one-line error every failure prints: `klarbrev: <subject>: <reason>`. */
export function printError(io: Io, subject: string, reason: string): void {
  io.stderr.write(`klarbrev: ${subject ? `${subject}: ` : ""}${oneLine(reason)}\n`);
}

export function oneLine(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** The real process streams and environment. */
export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin };
}
