import { readFileSync } from "node:fs";

/**
 * About 100 pages (40,000 words by default) for performance tests: the body paragraphs of the
 * given corpus letters, over and over, between an address block and a signature.
 */
export function longLetter(fixtures: readonly string[], words = 40000): string {
  const bodies = fixtures.map((name) =>
    readFileSync(new URL(`../fixtures/letters/${name}`, import.meta.url), "utf8")
      .split(/\n\s*\n/u)
      .slice(3, -2)
      .join("\n\n")
  );
  const parts = ["Jobcenter Randers\nLaksetorvet 1\n8900 Randers C", "Indkaldelse til samtale"];
  while (parts.join(" ").split(/\s+/u).length < words) parts.push(...bodies);
  parts.push("Med venlig hilsen", "Birgitte Holm\nJobkonsulent");
  return parts.join("\n\n");
}
