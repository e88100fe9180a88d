/**
 * The finding messages of the threat family, written to the caseworker (Danish; the English
 * sanction branch in English). `{name}` is filled in by the rule. What the rules detect lives in
 * their rule files (src/engine/rules/da/threat/*.yml) and in the shared vocabularies; these are
 * only the sentences a finding says.
 */
export const WARNING_MESSAGES = {
  warning: "»{phrase}« lyder som en advarsel og gør brevet truende uden at give borgeren ny viden.",
  explanation:
    "Skriv blot selve oplysningen. Det vigtige står tydeligst, når det står først og i almindelige ord.",
  noEdit: "Slet advarselsordet, og skriv i stedet direkte, hvad borgeren skal vide.",
};

export const OBLIGATION_MESSAGES = {
  obligation:
    "»{phrase}« er pligtsprog. Det lyder som en påmindelse om loven, ikke som en besked til borgeren.",
  explanation: "Skriv direkte, hvad borgeren skal gøre: »Du skal …« eller »Husk at …«.",
  explanationEdit: "»{replacement}« siger det samme, bare direkte.",
  /** A duty or requirement named as a noun ("mødepligt", "det er et krav"): info, no edit. */
  requirement:
    "»{phrase}« omtaler en pligt eller et krav. Skriv gerne, hvad borgeren konkret skal gøre, og hvorfor.",
  duty: "»{phrase}« siger, hvad borgeren skal. Det er klart sprog; forklar gerne hvorfor og hvad borgeren får ud af det, så det ikke lyder som en ordre.",
};

export const SHOUTING_MESSAGES = {
  capitals: "»{run}« står med store bogstaver og læses som råb.",
  capitalsExplanation:
    "Skriv med almindelige bogstaver. Det vigtige bliver tydeligt, når det står først i brevet.",
  exclamation: "Udråbstegn i et brev fra myndigheden læses som råb.",
  exclamationExplanation:
    "Afslut sætningen med punktum. En rolig tone gør det lettere at læse brevet.",
};

export const LEGAL_CITATION_MESSAGES = {
  citation:
    "Lovhenvisning i brødteksten: {citations}. Den gør brevet formelt og kan virke truende.",
  explanation:
    "Skriv, hvad reglen betyder for borgeren. Saml lovhenvisningerne i begrundelsen eller vejledningen sidst i brevet; i en afgørelse skal begrundelsen stadig nævne de regler, afgørelsen bygger på (forvaltningslovens § 24).",
  explanationNoEdit:
    "Skriv, hvad reglen betyder for borgeren, og saml lovhenvisningerne i begrundelsen eller vejledningen sidst i brevet.",
};

export const SANCTION_MESSAGES = {
  sanction:
    "Trussel om sanktion: »{threat}«. Skriv i stedet, hvad borgeren kan gøre, og lad den lovpligtige vejledning stå roligt sidst i brevet.",
  /** {ring} in a rewrite (sanction.yml) becomes one of these. */
  ringWithPhone: "Ring til os på {phone}",
  ringWithoutPhone: "Ring til os",
  /** The rewrite when no rewrite entry of sanction.yml fits the threat. */
  defaultRewrite:
    "Er der noget, der gør det svært for dig? {ring}, så finder vi en løsning sammen.",
  /** The topic named when no topic entry of sanction.yml fits. */
  defaultTopic: "konsekvenserne",
};

/** Where the legally required guidance about a threatened consequence stays (guidance.ts). */
export const GUIDANCE_MESSAGES = {
  legalBlock:
    "Den lovpligtige vejledning om {topic} står i den godkendte vejledning »{title}« {where}. Den bliver stående uændret.",
  section: "Den lovpligtige vejledning om {topic} står i afsnittet »{title}« {where}.",
  none: "Brevet har endnu ikke et afsnit med den lovpligtige vejledning om {topic}. Slet ikke oplysningen: flyt den til et roligt afsnit sidst i brevet, fx »Det skal du vide om dine pligter«, eller brug den godkendte vejledningsblok.",
  whereEnd: "sidst i brevet",
  whereLater: "længere nede i brevet",
  whereEarlier: "tidligere i brevet",
  inSection:
    "Sætningen står i vejledningen »{title}«, hvor oplysningen hører hjemme, så den skal blive stående. Skriv den gerne roligt: først hvad borgeren kan gøre, så hvad der sker.",
};

export const SANCTION_MESSAGES_EN = {
  message: 'Sanction threat: "{threat}". Say what the reader can do instead.',
  explanation:
    "A sentence that threatens to take the reader's benefit if they fail to do something creates fear. Say what the reader can do, and leave the required guidance calmly at the end of the letter.",
  rewrite:
    "If something stops you, please contact us as soon as you can, and we will find a solution together.",
};

export const REQUIRED_GUIDANCE_MESSAGE =
  "Lovpligtig vejledning: ordlyden er godkendt og bliver stående. Den tæller ikke med i trusselsscoren.";
