import generated from "../generated/rules.json" with { type: "json" };

/**
 * The rule registry, generated from src/engine/rules/<lang>/<family>/<rule>.yml (npm run
 * build:rules): every rule's id, severity, messages, explanation, source and examples. The CLI's
 * --disable/--enable, the engine's `disable`/`enable` options, the task pane's families and the
 * docs (docs/rules.md) all read it.
 */
export interface RuleText {
  da: string;
  en: string;
}

export interface RuleExample {
  flag?: string;
  ok?: string;
  lang?: "da" | "en";
  format?: "txt" | "md";
  note?: string;
}

/** What the engine needs of a rule; explanation, source and examples: RuleDetails (tests, docs). */
export interface RuleInfo {
  id: string;
  family: string;
  language: "da" | "en" | "any";
  severity: "error" | "warning" | "info";
  /** "proposal": the rule proposes an edit (analysis.proposals) rather than reporting a finding. */
  output: "finding" | "proposal";
  /** Off by default when false. */
  enabled: boolean;
  message: RuleText;
  /** Section anchor in docs/rules.md. */
  anchor: string;
}

/** The rest of a rule file, in src/engine/generated/rule-details.json (not bundled). */
export interface RuleDetails {
  explanation: RuleText;
  source: string;
  examples: RuleExample[];
  file: string;
}

const REGISTRY = generated as unknown as { families: string[]; rules: RuleInfo[] };

export const RULES: readonly RuleInfo[] = REGISTRY.rules;
export const RULE_FAMILIES: readonly string[] = REGISTRY.families;

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleInfo(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}

/** The shipped local documentation page; a finding's url is `${DOCS_PAGE}#<anchor>`. */
export const DOCS_PAGE = "docs/rules.md";

export function ruleUrl(id: string, page: string = DOCS_PAGE): string | undefined {
  const rule = BY_ID.get(id);
  return rule ? `${page}#${rule.anchor}` : undefined;
}

/** Rule ids a selector names: an id ("plain/passive") or a family ("plain"); [] when unknown. */
export function selectRules(selector: string): string[] {
  const wanted = selector.trim().replace(/\/$/u, "");
  if (BY_ID.has(wanted)) return [wanted];
  return RULES.filter((rule) => rule.family === wanted).map((rule) => rule.id);
}

/**
 * The rules switched off for one analysis: those off by default, plus `disable`, minus `enable`
 * (ids or families). Unknown selectors are an error, so a typo never silently checks everything.
 */
export function disabledRules(
  disable: readonly string[] = [],
  enable: readonly string[] = []
): Set<string> {
  const expand = (selector: string) => {
    const ids = selectRules(selector);
    if (ids.length === 0) throw new UnknownRuleError(selector);
    return ids;
  };
  const off = new Set(RULES.filter((rule) => !rule.enabled).map((rule) => rule.id));
  for (const selector of disable) for (const id of expand(selector)) off.add(id);
  for (const selector of enable) for (const id of expand(selector)) off.delete(id);
  return off;
}

export class UnknownRuleError extends Error {
  override name = "UnknownRuleError";
  constructor(readonly selector: string) {
    super(`unknown rule or family '${selector}'`);
  }
}
