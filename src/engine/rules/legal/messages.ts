import type { LetterType } from "../../types.js";
import type { OwnWording } from "./own-wording.js";
import type { MissingGuidance } from "./required.js";
import { SANCTION_ELEMENT_NAMES, type SanctionElement } from "./sanction.js";
import { fieldLabel } from "./recorded-fields.js";
import type { LegalBlockScore, WordChange } from "./types.js";

/** Danish finding messages, written to the caseworker. */

const quote = (text: string) => `"${text}"`;

function nameOf(block: LegalBlockScore): string {
  return block.title
    ? `${quote(block.title)} (${block.id}, version ${block.version})`
    : `${quote(block.id)} (version ${block.version})`;
}

/** "ordet "senest" er skiftet til "inden"; "ikke" er tilføjet". */
export function describeChanges(changes: readonly WordChange[]): string {
  return changes
    .map((change) => {
      if (change.removed && change.added)
        return `${quote(change.removed)} er skiftet til ${quote(change.added)}`;
      if (change.removed) return `${quote(change.removed)} er fjernet`;
      return `${quote(change.added)} er tilføjet`;
    })
    .join("; ");
}

export function blockMessage(block: LegalBlockScore): string {
  switch (block.status) {
    case "modified":
      return `Den juridiske tekst ${nameOf(block)} er ændret i forhold til den godkendte tekst: ${describeChanges(block.changes ?? [])}. Brug den godkendte tekst uændret.`;
    case "unapproved":
      return `Den juridiske tekst ${nameOf(block)} er ikke godkendt af de juridiske medarbejdere${
        block.changes?.length ? `: ${describeChanges(block.changes)}` : ""
      }.`;
    case "outdated": {
      const claim = block.markedVersion
        ? ` Teksten er markeret som version ${block.markedVersion}, men ordlyden er version ${block.version}.`
        : "";
      return `Den juridiske tekst ${nameOf(block)} er en gammel version; den gældende er version ${block.currentVersion ?? "?"}. Indsæt den nye version.${claim}`;
    }
    case "unknown":
      return `Den juridiske tekst ${quote(block.id)} version ${block.version} findes ikke i registret over godkendte tekster.`;
    default:
      return "";
  }
}

/** The values a caseworker put into approved guidance: their words, not the approved ones. */
export function caseworkerTextMessage(block: LegalBlockScore): string {
  const fields = (block.fields ?? [])
    .map((entry) => `${fieldLabel(entry.field)}: »${entry.value}«`)
    .join("; ");
  return `Sagsbehandlerens tekst i den godkendte vejledning ${nameOf(block)}: ${fields}. Den tekst er ikke godkendt ordlyd; resten af vejledningen er kontrolleret ord for ord.`;
}

/** Guidance recognised in plain text: right, but not protected against edits. */
export function unmarkedMessage(block: LegalBlockScore): string {
  return `Vejledningen ${nameOf(block)} er genkendt i brevet, men er ikke markeret som beskyttet tekst. Indsæt den som beskyttet blok, så den ikke bliver ændret ved en fejl.`;
}

export function missingMessage(missing: MissingGuidance, letterType: LetterType): string {
  const basis = missing.legalBasis.length > 0 ? ` (${missing.legalBasis.join("; ")})` : "";
  return `Brevet er en ${letterType} og mangler ${missing.title.toLowerCase()}${basis}.`;
}

/** Required guidance in the caseworker's own words: there, but not approved and not protected. */
export function ownWordingMessage(own: OwnWording): string {
  const only = own.suggested.length === 1 ? own.suggested[0] : undefined;
  if (only) {
    return `Vejledningen ${quote(only.title)} står med egne ord. Brug den godkendte tekst (${only.id}, version ${only.version}) som beskyttet blok: så har borgeren den ordlyd, de juridiske medarbejdere har godkendt, og den bliver ikke ændret ved en fejl.`;
  }
  const names = own.suggested.map((entry) => `${entry.id}, version ${entry.version}`);
  return `Vejledningen står med egne ord. Brug en af de godkendte tekster (${names.join(" eller ")}) som beskyttet blok, hvis en af dem passer til borgerens ydelse. Passer ingen af dem, så bed de juridiske medarbejdere om en godkendt tekst.`;
}

/** The suggestion of an own-wording finding: the approved block to insert instead. */
export function ownWordingSuggestion(own: OwnWording): { text: string; explanation: string } {
  const ids = own.suggested.map((entry) => entry.id);
  const only = own.suggested.length === 1 ? own.suggested[0] : undefined;
  return {
    text: ids.join(", "),
    explanation: only
      ? `Indsæt den godkendte tekst ${quote(only.title)} (${only.id}, version ${only.version}) i stedet for vejledningen med egne ord.`
      : `Indsæt den godkendte tekst, der passer til borgerens ydelse (${ids.join(" eller ")}), i stedet for vejledningen med egne ord.`,
  };
}

export const HEARING_DEADLINE_MESSAGE =
  "Partshøringen mangler en frist: skriv, hvornår borgeren senest skal svare (forvaltningsloven § 19).";

function elementList(missing: readonly SanctionElement[]): string {
  const names = missing.map((element) => SANCTION_ELEMENT_NAMES[element]);
  return names.length > 1
    ? `${names.slice(0, -1).join(", ")} og ${names[names.length - 1]}`
    : (names[0] ?? "");
}

/** Incomplete sanction guidance where it is the guidance a later sanction rests on (an error). */
export function sanctionMessage(missing: readonly SanctionElement[]): string {
  return `Brevet nævner en sanktion, men siger ikke ${elementList(missing)}. Ankestyrelsen kræver, at borgeren får at vide, hvad der udløser fradraget, hvad konsekvensen er, og hvordan hjælpen kommer igen.`;
}

/** Incomplete sanction guidance in a letter that only informs, asks or hears (a warning). */
export function sanctionWarningMessage(missing: readonly SanctionElement[]): string {
  return `Brevet nævner en konsekvens, men siger ikke ${elementList(missing)}. En konsekvens nævnt alene skræmmer uden at vejlede: skriv hele vejledningen (hvad der udløser fradraget, hvad konsekvensen er, og hvordan hjælpen kommer igen), eller henvis til den vejledning, borgeren har fået.`;
}

/** Every message of the legal family, in one language (the UI's: see `legalMessages`). */
export interface LegalMessages {
  block(block: LegalBlockScore): string;
  caseworkerText(block: LegalBlockScore): string;
  unmarked(block: LegalBlockScore): string;
  missing(missing: MissingGuidance, letterType: LetterType): string;
  ownWording(own: OwnWording): string;
  ownWordingSuggestion(own: OwnWording): { text: string; explanation: string };
  hearingDeadline: string;
  sanction(missing: readonly SanctionElement[]): string;
  sanctionWarning(missing: readonly SanctionElement[]): string;
}

export const DANISH_LEGAL_MESSAGES: LegalMessages = {
  block: blockMessage,
  caseworkerText: caseworkerTextMessage,
  unmarked: unmarkedMessage,
  missing: missingMessage,
  ownWording: ownWordingMessage,
  ownWordingSuggestion,
  hearingDeadline: HEARING_DEADLINE_MESSAGE,
  sanction: sanctionMessage,
  sanctionWarning: sanctionWarningMessage,
};
