import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";

/** Compiler options for resolving symbols only: Office.js types global, nothing emitted. */
export function checkerOptions(root: string): ts.CompilerOptions {
  const configPath = join(root, "tsconfig.json");
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config ?? {}, ts.sys, root);
  return {
    ...parsed.options,
    noEmit: true,
    skipLibCheck: true,
    types: ["office-js", "node"],
    typeRoots: [join(root, "node_modules", "@types")],
  };
}

/** Every TypeScript source under `dir` (no declaration files, no tests). */
export function listSourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listSourceFiles(path));
    else if (/\.tsx?$/u.test(entry.name) && !/\.d\.ts$|\.test\.tsx?$/u.test(entry.name))
      files.push(resolve(path));
  }
  return files.sort();
}

export function projectProgram(root: string, files: readonly string[]): ts.Program {
  return ts.createProgram({ rootNames: files, options: checkerOptions(root) });
}

/** A program over in-memory sources (file name -> text), placed under `root` (for tests). */
export function virtualProgram(
  root: string,
  sources: Record<string, string>
): { program: ts.Program; files: string[] } {
  const options = checkerOptions(root);
  const host = ts.createCompilerHost(options);
  const virtual = new Map(
    Object.entries(sources).map(([name, text]) => [resolve(root, "__virtual__", name), text])
  );
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    const text = virtual.get(resolve(fileName));
    return text !== undefined
      ? ts.createSourceFile(fileName, text, language, true)
      : getSourceFile.call(host, fileName, language, onError, shouldCreate);
  };
  host.fileExists = (fileName) => virtual.has(resolve(fileName)) || fileExists.call(host, fileName);
  host.readFile = (fileName) => virtual.get(resolve(fileName)) ?? readFile.call(host, fileName);
  const files = [...virtual.keys()];
  return { program: ts.createProgram({ rootNames: files, options, host }), files };
}
