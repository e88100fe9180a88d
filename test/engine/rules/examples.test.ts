import details from "../../../src/engine/generated/rule-details.json" with { type: "json" };
import {
  analyzeText,
  RULES,
  type LegalRegistryEntry,
  type RuleDetails,
  type RuleExample,
} from "../../../src/engine/index.js";
import { loadLegalRegistry } from "../../../src/templates/library.js";

/**
 * One generic test for every example of every rule file (src/engine/rules/<lang>/<family>/*.yml):
 * a `flag:` example must be reported by its rule, on the span marked [[...]] when one is marked;
 * an `ok:` example must not be reported by it. A linguist's new entry is proven here without
 * touching TypeScript. Examples run as whole letters, with the shipped legal registry.
 */
let registry: LegalRegistryEntry[];

beforeAll(async () => {
  registry = (await loadLegalRegistry("templates")).registry;
});

const OPEN = "[[";
const CLOSE = "]]";

/** The example's text without markers, and the marked span (if any). */
export function unmark(example: string): { text: string; span?: { start: number; end: number } } {
  const start = example.indexOf(OPEN);
  if (start < 0) return { text: example };
  const end = example.indexOf(CLOSE, start);
  if (end < 0) throw new Error(`unclosed ${OPEN} in example: ${example}`);
  const text = example.slice(0, start) + example.slice(start + 2, end) + example.slice(end + 2);
  return { text, span: { start, end: end - 2 } };
}

const DETAILS = details as unknown as Record<string, RuleDetails>;

const cases = RULES.flatMap((rule) =>
  DETAILS[rule.id]!.examples.map((example: RuleExample, index) => ({
    name: `${rule.id} #${index + 1} ${example.flag !== undefined ? "flag" : "ok"}`,
    rule,
    example,
  }))
);

describe("every rule example", () => {
  test("every rule has at least one example of each kind or says why not", () => {
    for (const rule of RULES) {
      const { examples, explanation } = DETAILS[rule.id]!;
      const flags = examples.filter((example) => example.flag !== undefined).length;
      const oks = examples.filter((example) => example.ok !== undefined).length;
      expect({ id: rule.id, oks: oks > 0 }).toEqual({ id: rule.id, oks: true });
      if (flags === 0) expect(explanation.en).toMatch(/flagged example needs/u);
    }
  });

  test.each(cases)("$name", ({ rule, example }) => {
    const source = example.flag ?? example.ok!;
    const { text, span } = unmark(source);
    const language = example.lang ?? (rule.language === "en" ? "en" : "da");
    const analysis = analyzeText(text, {
      language,
      format: example.format ?? "txt",
      referenceDate: "2026-12-01",
      legal: { registry },
      // A rule that is off by default is proven with it on.
      ...(rule.enabled ? {} : { enable: [rule.id] }),
    });
    if (rule.output === "proposal") {
      const proposal = Object.values(analysis.proposals).find((edit) => edit?.ruleId === rule.id);
      expect(proposal !== undefined).toBe(example.flag !== undefined);
      return;
    }
    const own = analysis.findings.filter((finding) => finding.ruleId === rule.id);
    if (example.ok !== undefined) {
      expect(own.map((finding) => finding.message)).toEqual([]);
      return;
    }
    expect(own.length).toBeGreaterThan(0);
    if (span) {
      const hit = own.some(
        (finding) => finding.start.offset < span.end && span.start < finding.end.offset
      );
      const where = own.map((finding) => text.slice(finding.start.offset, finding.end.offset));
      expect({ marked: text.slice(span.start, span.end), where, hit }).toEqual({
        marked: text.slice(span.start, span.end),
        where,
        hit: true,
      });
    }
    for (const finding of own) expect(finding.url).toBe(`docs/rules.md#${rule.anchor}`);
  });
});
