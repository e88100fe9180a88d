import { ruleData } from "../rule-data.js";

/**
 * The wording of the threat family's findings, from the `data:` of each rule file
 * (src/engine/rules/da/threat/*.yml; English: src/engine/rules/en/threat/sanction.yml), so a
 * linguist edits it with the entries. `{{name}}` is filled in by the rule (see `fill`).
 */
type Texts<Keys extends string> = Readonly<Record<Keys, string>>;

const warning = ruleData<Texts<"message" | "explanation" | "noEdit">>("threat/warning");
export const WARNING_MESSAGES = {
  warning: warning.message,
  explanation: warning.explanation,
  noEdit: warning.noEdit,
};

const obligation =
  ruleData<Texts<"message" | "explanation" | "explanationEdit" | "requirement">>(
    "threat/obligation"
  );
export const OBLIGATION_MESSAGES = {
  obligation: obligation.message,
  explanation: obligation.explanation,
  explanationEdit: obligation.explanationEdit,
  /** A duty or requirement named as a noun ("mødepligt", "det er et krav"): info, no edit. */
  requirement: obligation.requirement,
  duty: ruleData<Texts<"message">>("threat/duty").message,
};

export const SHOUTING_MESSAGES =
  ruleData<Texts<"capitals" | "capitalsExplanation" | "exclamation" | "exclamationExplanation">>(
    "threat/shouting"
  );

const citation =
  ruleData<Texts<"message" | "explanation" | "explanationNoEdit">>("threat/legal-citation");
export const LEGAL_CITATION_MESSAGES = {
  citation: citation.message,
  explanation: citation.explanation,
  explanationNoEdit: citation.explanationNoEdit,
};

type GuidanceKeys =
  "legalBlock" | "section" | "none" | "whereEnd" | "whereLater" | "whereEarlier" | "inSection";
const sanction = ruleData<
  Texts<"message" | "ringWithPhone" | "ringWithoutPhone" | "defaultRewrite" | "defaultTopic"> & {
    guidance: Texts<GuidanceKeys>;
  }
>("threat/sanction");
export const SANCTION_MESSAGES = {
  sanction: sanction.message,
  /** {{ring}} in a rewrite (sanction.yml) becomes one of these. */
  ringWithPhone: sanction.ringWithPhone,
  ringWithoutPhone: sanction.ringWithoutPhone,
  /** The rewrite when no rewrite entry of sanction.yml fits the threat. */
  defaultRewrite: sanction.defaultRewrite,
  /** The topic named when no topic entry of sanction.yml fits. */
  defaultTopic: sanction.defaultTopic,
};

/** Where the legally required guidance about a threatened consequence stays (guidance.ts). */
export const GUIDANCE_MESSAGES: Texts<GuidanceKeys> = sanction.guidance;

export const SANCTION_MESSAGES_EN = ruleData<Texts<"message" | "explanation" | "rewrite">>(
  "threat/sanction",
  "en"
);

export const REQUIRED_GUIDANCE_MESSAGE = ruleData<Texts<"message">>(
  "threat/required-guidance"
).message;

/** `template` with `{{name}}` replaced by `value` (taken literally: "$" stays "$"). */
export function fill(template: string, name: string, value: string): string {
  return template.split(`{{${name}}}`).join(value);
}
