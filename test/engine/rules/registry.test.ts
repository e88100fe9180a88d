import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import {
  analyzeText,
  disabledRules,
  RULE_FAMILIES,
  RULES,
  ruleUrl,
  UnknownRuleError,
} from "../../../src/engine/index.js";
import { loadLegalRegistry } from "../../../src/templates/library.js";
import type { LegalRegistryEntry } from "../../../src/engine/index.js";

let registry: LegalRegistryEntry[];
beforeAll(async () => {
  registry = (await loadLegalRegistry("templates")).registry;
});

const LETTERS = "test/fixtures/letters";

describe("rule registry", () => {
  test("the generated registry, vocabularies and docs are up to date with the YAML files", () => {
    // Throws (exit 1) with the stale file named when someone edited YAML without rebuilding.
    expect(() =>
      execFileSync(process.execPath, ["scripts/build-linguistics.mjs", "--check"], {
        stdio: "pipe",
      })
    ).not.toThrow();
  });

  test("every rule id the engine reports on the sample letters is in the registry, with a url", () => {
    const seen = new Set<string>();
    for (const name of readdirSync(LETTERS)) {
      const text = readFileSync(`${LETTERS}/${name}`, "utf8");
      const analysis = analyzeText(text, {
        format: name.endsWith(".md") ? "md" : "txt",
        legal: { registry },
      });
      for (const finding of analysis.findings) {
        seen.add(finding.ruleId);
        expect({ id: finding.ruleId, url: finding.url }).toEqual({
          id: finding.ruleId,
          url: ruleUrl(finding.ruleId),
        });
        expect(finding.url).toMatch(/^docs\/rules\.md#[a-z-]+$/u);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
  });

  test("docs/rules.md has a section for every rule, with its messages and examples", () => {
    const docs = readFileSync("docs/rules.md", "utf8");
    for (const rule of RULES) {
      expect(docs).toContain(`<a id="${rule.anchor}"></a>`);
      expect(docs).toContain(rule.message.da);
    }
    expect(RULE_FAMILIES).toEqual(["readability", "plain", "threat", "essentials", "legal"]);
  });

  test("disable takes ids and families; enable wins; an unknown selector is an error", () => {
    expect(disabledRules(["plain/passive"]).has("plain/passive")).toBe(true);
    const plain = disabledRules(["plain"]);
    expect(plain.has("plain/officialese") && plain.has("plain/passive")).toBe(true);
    expect(disabledRules(["plain"], ["plain/passive"]).has("plain/passive")).toBe(false);
    expect(() => disabledRules(["plain/passiv"])).toThrow(UnknownRuleError);
  });

  test("a disabled rule reports nothing; the others still do", () => {
    const text = "Du indkaldes til en samtale. Såfremt du er syg, skal du ringe.";
    const ids = (options = {}) =>
      new Set(analyzeText(text, options).findings.map((finding) => finding.ruleId));
    expect(ids().has("plain/passive")).toBe(true);
    const without = ids({ disable: ["plain/passive"] });
    expect(without.has("plain/passive")).toBe(false);
    expect(without.has("plain/officialese")).toBe(true);
    expect(ids({ disable: ["plain"] }).has("plain/officialese")).toBe(false);
  });

  test("ignore (retext style): a finding whose flagged words are ignored is left out", () => {
    const text = "Såfremt du er syg, skal du ringe. Vi vil afholde mødet hos os.";
    const flagged = (ignore?: string[]) =>
      analyzeText(text, ignore ? { ignore } : {})
        .findings.filter((finding) => finding.ruleId === "plain/officialese")
        .map((finding) => text.slice(finding.start.offset, finding.end.offset));
    expect(flagged()).toEqual(["Såfremt", "afholde"]);
    expect(flagged(["såfremt"])).toEqual(["afholde"]);
  });
});
