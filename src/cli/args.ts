import { parseArgs, type ParseArgsConfig } from "node:util";

/** A mistake in the command line: main prints it as one line with a --help hint, exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** `parseArgs` (strict by default), with its errors turned into short UsageErrors. */
export function parseCommandArgs<T extends ParseArgsConfig>(
  config: T
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw toUsageError(error);
  }
}

function toUsageError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !code.startsWith("ERR_PARSE_ARGS_")) return error;
  // Node's messages carry a second sentence of advice; the first says what is wrong.
  const first = String((error as Error).message)
    .split(/\.\s/u)[0]!
    .replace(/\.$/u, "");
  return new UsageError(first.charAt(0).toLowerCase() + first.slice(1));
}

/** The value of a string option that must be one of `allowed`. */
export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(", ")}, not '${value}'`);
}
