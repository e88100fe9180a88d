import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// One engine, many faces: src/engine runs in Node and in the browser, so it may import nothing
// from Node, the DOM or Office. This test reads every engine source file and checks its imports.
const root = fileURLToPath(new URL("../../src/engine/", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const ALLOWED = new Set([
  "unified",
  "vfile",
  "vfile-message",
  "nlcst",
  "unist",
  "nlcst-to-string",
  "parse-latin",
  "unist-util-visit",
  "retext-readability",
  "handlebars",
  "diff",
]);

test("the engine imports only pure packages and its own modules", () => {
  const files = sources(root);
  expect(files.length).toBeGreaterThan(50);
  const offenders: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(
      /(?:^|\n)\s*(?:import|export)[^"']*?from\s+["']([^"']+)["']/gu
    )) {
      const specifier = match[1]!;
      if (specifier.startsWith(".")) continue;
      const name = specifier.startsWith("@")
        ? specifier.split("/").slice(0, 2).join("/")
        : specifier.split("/")[0]!;
      const readabilityFormula =
        /^(automated-readability|coleman-liau|dale-chall|dale-chall-formula|flesch|gunning-fog|smog-formula|spache|spache-formula|syllable)$/u;
      if (!ALLOWED.has(name) && !readabilityFormula.test(name))
        offenders.push(`${file}: ${specifier}`);
    }
    for (const global of ["process.", "document.", "Office.", "Word.run", "localStorage"]) {
      if (text.includes(global)) offenders.push(`${file}: uses ${global}`);
    }
  }
  expect(offenders).toEqual([]);
});
