import generated from "../../../src/engine/generated/matchers.json" with { type: "json" };
import { RULES } from "../../../src/engine/index.js";
import { matchersOf } from "../../../src/engine/rules/matchers.js";

/** The generated matcher tables (npm run build:rules) belong to rules the registry knows. */
describe("rule matchers", () => {
  const byLanguage = generated as unknown as Record<string, Record<string, unknown[]>>;

  test("every rule with matchers is in the registry", () => {
    const ids = new Set(RULES.map((rule) => rule.id));
    const unknown = Object.values(byLanguage)
      .flatMap((byId) => Object.keys(byId))
      .filter((id) => !ids.has(id));
    expect(unknown).toEqual([]);
  });

  test("a rule without entries has none", () => {
    expect(matchersOf("readability/lix")).toEqual([]);
  });
});
