import { readdir, stat } from "node:fs/promises";
import { FileReadError, readRegularTextFile } from "../files/read-regular.js";
import { isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { LegalRegistryEntry } from "../engine/rules/legal/index.js";
import { readApprovals, type Approval } from "./approvals.js";
import { parseLegalBlock, type LegalBlockSource } from "./legal-blocks.js";
import { parseLetterTemplate, type LetterTemplate } from "./letter-templates.js";
import { problem, TemplateError, type Problem } from "./problems.js";
import { buildLegalRegistry, type LegalLibraryBlock } from "./registry.js";
import type { LegalResolver } from "./validate.js";
import { compareVersions } from "../engine/rules/legal/index.js";

/** A template library on disk: letters/*.md, legal/*.md and legal/approvals.json. */
export interface Library {
  dir: string;
  approvalsPath: string;
  approvals: Approval[];
  legal: LegalLibraryBlock[];
  templates: { template: LetterTemplate; problems: Problem[] }[];
  /** Template files that could not be parsed at all (syntax error, no sample data...). */
  brokenTemplates: Problem[];
  /** Files that could not be read at all, a corrupt approvals file, duplicates. */
  problems: Problem[];
  registry: LegalRegistryEntry[];
  resolve: LegalResolver;
}

/** The library shipped with Klarbrev (templates/ next to package.json; src/ and dist/ alike). */
export function defaultLibraryDir(): string {
  return fileURLToPath(new URL("../../templates", import.meta.url));
}

export interface LoadOptions {
  /** Paths in messages are relative to this folder. */
  cwd?: string;
}

/** Load a whole library. Every bad file becomes a problem; the rest is still loaded. */
export async function loadLibrary(dir: string, options: LoadOptions = {}): Promise<Library> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, dir);
  const label = (path: string) => displayPath(cwd, path);
  const [legalFiles, letterFiles] = await Promise.all([
    listMarkdown(join(root, "legal")),
    listMarkdown(join(root, "letters")),
  ]);
  if (legalFiles === undefined && letterFiles === undefined) {
    throw new TemplateError(
      problem(label(root), "not a template library: there is no letters/ or legal/ folder")
    );
  }

  const problems: Problem[] = [];
  const { sources, problems: legalProblems } = await readLegalSources(
    root,
    legalFiles ?? [],
    label
  );
  const approvalsPath = join(root, "legal", "approvals.json");
  const approvals = await approvalsOf(approvalsPath, label, problems);
  const registry = buildLegalRegistry(sources, approvals);
  problems.push(...legalProblems, ...registry.problems);

  const templates: Library["templates"] = [];
  const brokenTemplates: Problem[] = [];
  for (const name of letterFiles ?? []) {
    const path = join(root, "letters", name);
    try {
      const source = await readRegularTextFile(path, { maxBytes: MAX_SOURCE_BYTES });
      templates.push(parseLetterTemplate(label(path), source));
    } catch (error) {
      brokenTemplates.push(asProblem(error, label(path)));
    }
  }
  const entries = registry.blocks.map((block) => block.entry);
  return {
    dir: root,
    approvalsPath,
    approvals,
    legal: registry.blocks,
    templates,
    brokenTemplates,
    problems,
    registry: entries,
    resolve: resolverFor(registry.blocks.map((block) => block.source)),
  };
}

/**
 * The legal registry alone, for `klarbrev check`: `dir` is a library (with legal/) or a legal
 * folder itself. Problems (a corrupt approvals file, a bad block file) come back next to it.
 */
export async function loadLegalRegistry(
  dir: string = defaultLibraryDir(),
  options: LoadOptions = {}
): Promise<{ registry: LegalRegistryEntry[]; problems: Problem[] }> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, dir);
  const label = (path: string) => displayPath(cwd, path);
  const legalDir =
    (await listMarkdown(join(root, "legal"))) !== undefined ? join(root, "legal") : root;
  const files = await listMarkdown(legalDir);
  if (files === undefined)
    throw new TemplateError(problem(label(root), "no legal guidance folder here"));
  const { sources, problems } = await readLegalSources(legalDir, files, label, "");
  const approvals = await approvalsOf(join(legalDir, "approvals.json"), label, problems);
  const registry = buildLegalRegistry(sources, approvals);
  return {
    registry: registry.blocks.map((block) => block.entry),
    problems: [...problems, ...registry.problems],
  };
}

/**
 * The approvals lockfile; a corrupt or unreadable one becomes a problem (every block then reads as
 * unapproved), never an exception that stops the check.
 */
async function approvalsOf(
  path: string,
  label: (path: string) => string,
  problems: Problem[]
): Promise<Approval[]> {
  try {
    const file = await readApprovals(path, label(path));
    problems.push(...file.problems);
    return file.approvals;
  } catch (error) {
    problems.push(asProblem(error, label(path)));
    return [];
  }
}

async function readLegalSources(
  root: string,
  files: readonly string[],
  label: (path: string) => string,
  sub = "legal"
): Promise<{ sources: LegalBlockSource[]; problems: Problem[] }> {
  const sources: LegalBlockSource[] = [];
  const problems: Problem[] = [];
  for (const name of files) {
    const path = join(root, sub, name);
    try {
      const parsed = parseLegalBlock(
        label(path),
        await readRegularTextFile(path, { maxBytes: MAX_SOURCE_BYTES })
      );
      sources.push(parsed.block);
      problems.push(...parsed.problems);
    } catch (error) {
      problems.push(asProblem(error, label(path)));
    }
  }
  return { sources, problems };
}

/** Current version by default; a pinned version when asked. */
export function resolverFor(sources: readonly LegalBlockSource[]): LegalResolver {
  return (id, version) => {
    const versions = sources.filter((source) => source.id === id);
    if (version !== undefined) return versions.find((source) => source.version === version);
    return versions.sort((a, b) => compareVersions(b.version, a.version))[0];
  };
}

/** Markdown files in a folder, sorted; undefined when the folder does not exist. */
async function listMarkdown(dir: string): Promise<string[] | undefined> {
  try {
    if (!(await stat(dir)).isDirectory()) return undefined;
    return (await readdir(dir))
      .filter((name) => name.endsWith(".md") && !name.startsWith("."))
      .sort();
  } catch {
    return undefined;
  }
}

export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/** A template, legal block, approvals or data file is text of a few pages; 10 MB is thousands. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

export function asProblem(error: unknown, file: string): Problem {
  if (error instanceof TemplateError) return error.problem;
  if (error instanceof FileReadError) {
    const limit = `${MAX_SOURCE_BYTES / (1024 * 1024)} MB`;
    return problem(
      file,
      error.code === "EFBIG" ? `file is too large (the limit is ${limit})` : error.message
    );
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return problem(
    file,
    code
      ? `cannot read the file (${code})`
      : String((error as Error)?.message ?? error).split("\n")[0]!
  );
}
