import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { specKey } from "./spec-key.js";

/**
 * Build-time side of handlebars-csp.ts: find the Handlebars sources the bundle may compile and
 * precompile them into a JS module `{ [specKey]: spec }`.
 */
export interface TemplateSource {
  source: string;
  options: Record<string, unknown>;
}

interface HandlebarsCompiler {
  precompile(source: string, options?: Record<string, unknown>): string;
}

/**
 * Every string with "{{" in the engine's JSON data (rule data): the engine's
 * micro-templates (for example the essentials lead). The engine compiles them with noEscape.
 */
export async function engineTemplateSources(root: string): Promise<TemplateSource[]> {
  const sources: TemplateSource[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(".json"))
        collectStrings(JSON.parse(await readFile(path, "utf8")), sources);
    }
  };
  await walk(join(root, "src", "engine"));
  return sources;
}

function collectStrings(value: unknown, into: TemplateSource[]): void {
  if (typeof value === "string") {
    if (value.includes("{{")) into.push({ source: value, options: { noEscape: true } });
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, into);
  } else if (value && typeof value === "object") {
    for (const item of Object.values(value)) collectStrings(item, into);
  }
}

/** The source of the `klarbrev:handlebars-precompiled` module. */
export async function precompiledModule(sources: readonly TemplateSource[]): Promise<string> {
  const handlebars = ((await import("handlebars")) as unknown as { default: HandlebarsCompiler })
    .default;
  const entries = new Map<string, string>();
  for (const { source, options } of sources) {
    const key = specKey(source, options);
    // A copy: Handlebars adds its built-in helpers to options.knownHelpers in place.
    if (!entries.has(key))
      entries.set(key, handlebars.precompile(source, structuredClone(options)));
  }
  const body = [...entries].map(([key, spec]) => `  ${JSON.stringify(key)}: ${spec}`).join(",\n");
  return `export default {\n${body}\n};\n`;
}
