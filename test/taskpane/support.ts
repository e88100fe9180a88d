import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadLibrary } from "../../src/templates/library.js";
import { libraryFromData } from "../../src/taskpane/templates/bind.js";
import type { TemplateLibrary } from "../../src/taskpane/templates/library.js";

/** Shared fixtures for the task pane tests: real letters and the real template library. */
export const ROOT = process.cwd();

export function letterText(name: string): string {
  return readFileSync(join(ROOT, "test", "fixtures", "letters", name), "utf8");
}

export const SAMPLE = letterText("indkaldelse-foer.txt");

/** The project's own template library (templates/), bound as the task pane binds it. */
export async function realLibrary(): Promise<TemplateLibrary> {
  const library = await loadLibrary(join(ROOT, "templates"), { cwd: ROOT });
  const bound = libraryFromData({
    templates: library.templates
      .filter((entry) => entry.problems.length === 0)
      .map((entry) => entry.template),
    legal: library.legal.map((block) => block.source),
    registry: library.registry,
  });
  if (!bound) throw new Error("templates/ holds no usable templates");
  return bound;
}
