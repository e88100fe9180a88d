import { opendir, stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { join } from "node:path";
import { createReadStream } from "node:fs";
import { expandBraces, hasGlobSyntax, isMagicSegment, segmentMatcher } from "./glob.js";

/**
 * Turning the command line into a stream of files, lazily, so a run over 100,000 letters never
 * holds the whole list: files as given, folders walked recursively (names sorted, so the order
 * is stable), glob patterns expanded by ./glob.ts, and `--files-from FILE|-` (one path a line).
 */

/** What a folder walk picks up: the letter formats `check` reads (Word files get their own line). */
export const LETTER_EXTENSIONS: ReadonlySet<string> = new Set([
  ".txt",
  ".text",
  ".md",
  ".markdown",
  ".docx",
  ".docm",
  ".dotx",
  ".dotm",
  ".doc",
]);

export type InputItem = { path: string } | { path: string; error: string };

export interface InputSources {
  paths: readonly string[];
  /** `--files-from`: a file name, or "-" for `stdin`. */
  filesFrom?: string;
  stdin?: NodeJS.ReadableStream;
}

export async function* expandInputs(sources: InputSources): AsyncGenerator<InputItem> {
  for (const path of sources.paths) yield* expandOne(path, true);
  if (sources.filesFrom !== undefined) {
    let lines: AsyncIterable<string>;
    try {
      lines = await listLines(sources.filesFrom, sources.stdin);
    } catch (error) {
      yield { path: sources.filesFrom, error: `cannot read the list of files (${code(error)})` };
      return;
    }
    for await (const raw of lines) {
      const path = raw.replace(/\r$/u, "");
      // Names are taken literally (no globbing): a list is what another tool produced.
      if (path.trim() !== "") yield* expandOne(path, false);
    }
  }
}

async function listLines(
  from: string,
  stdin: NodeJS.ReadableStream | undefined
): Promise<AsyncIterable<string>> {
  if (from === "-") {
    if (!stdin) throw Object.assign(new Error("no standard input"), { code: "ENOSTDIN" });
    return createInterface({ input: stdin, crlfDelay: Infinity });
  }
  const info = await stat(from);
  if (info.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
  const stream = createReadStream(from, { encoding: "utf8" });
  // Opening errors surface on the first read; wait for the stream to open so they land here.
  await new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", reject);
  });
  return createInterface({ input: stream, crlfDelay: Infinity });
}

async function* expandOne(path: string, globbing: boolean): AsyncGenerator<InputItem> {
  const kind = await kindOf(path);
  if (kind === "directory") {
    let found = false;
    for await (const item of walk(path)) {
      found = true;
      yield item;
    }
    // Most likely a wrong folder: say so rather than report nothing.
    if (!found) yield { path, error: "no letter files in this folder (.txt, .md, .docx)" };
    return;
  }
  if (kind === "missing" && globbing && hasGlobSyntax(path)) {
    let found = false;
    for (const pattern of expandBraces(path)) {
      for await (const match of glob(pattern)) {
        found = true;
        if ((await kindOf(match)) === "directory") yield* walk(match);
        else yield { path: match };
      }
    }
    if (!found) yield { path, error: "no files match this pattern" };
    return;
  }
  // Files, and anything odd: the reader gives the one-line reason (missing, FIFO, ...).
  yield { path };
}

async function kindOf(path: string): Promise<"directory" | "file" | "missing"> {
  try {
    return (await stat(path)).isDirectory() ? "directory" : "file";
  } catch {
    return "missing";
  }
}

/** Letter files under `dir`, depth first, names in code-point order; dot files and links skipped. */
export async function* walk(dir: string): AsyncGenerator<InputItem> {
  let entries: { name: string; directory: boolean }[];
  try {
    entries = await list(dir);
  } catch (error) {
    yield { path: dir, error: `cannot read the folder (${code(error)})` };
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.directory) yield* walk(path);
    else if (LETTER_EXTENSIONS.has(extension(entry.name))) yield { path };
  }
}

async function list(dir: string): Promise<{ name: string; directory: boolean }[]> {
  const entries: { name: string; directory: boolean }[] = [];
  // Symbolic links are neither files nor folders to a Dirent: a link loop cannot trap the walk.
  for await (const dirent of await opendir(dir)) {
    if (dirent.name.startsWith(".")) continue;
    if (dirent.isDirectory() || dirent.isFile())
      entries.push({ name: dirent.name, directory: dirent.isDirectory() });
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Paths matching one brace-free pattern, sorted per folder. */
async function* glob(pattern: string): AsyncGenerator<string> {
  const absolute = pattern.startsWith("/");
  const segments = pattern.split("/").filter((segment, i) => segment !== "" || i === 0);
  if (absolute) segments.shift();
  const base = absolute ? "/" : "";
  yield* matchFrom(base, segments);
}

async function* matchFrom(dir: string, segments: readonly string[]): AsyncGenerator<string> {
  if (segments.length === 0) {
    yield dir;
    return;
  }
  const [segment, ...rest] = segments as [string, ...string[]];
  const here = (name: string) => (dir === "" ? name : join(dir, name));
  if (!isMagicSegment(segment)) {
    const next = here(segment);
    if (rest.length === 0) {
      if ((await kindOf(next)) !== "missing") yield next;
    } else if ((await kindOf(next)) === "directory") yield* matchFrom(next, rest);
    return;
  }
  let entries: { name: string; directory: boolean }[];
  try {
    entries = await list(dir === "" ? "." : dir);
  } catch {
    return;
  }
  if (segment === "**" && rest.length === 0) {
    // A trailing ** is the folder itself: the caller walks it.
    yield dir === "" ? "." : dir;
    return;
  }
  if (segment === "**") {
    // Zero folders deep first, then each folder (never a dot folder) with ** still ahead.
    yield* matchFrom(dir, rest);
    for (const entry of entries) if (entry.directory) yield* matchFrom(here(entry.name), segments);
    return;
  }
  const matcher = segmentMatcher(segment);
  for (const entry of entries) {
    if (!matcher.test(entry.name)) continue;
    if (rest.length === 0) yield here(entry.name);
    else if (entry.directory) yield* matchFrom(here(entry.name), rest);
  }
}

function extension(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? "" : name.slice(dot).toLowerCase();
}

function code(error: unknown): string {
  const value = (error as { code?: unknown } | null)?.code;
  if (value === "ENOENT") return "no such file";
  if (value === "EACCES" || value === "EPERM") return "permission denied";
  if (value === "EISDIR") return "is a directory";
  return typeof value === "string" ? value : String(error);
}
