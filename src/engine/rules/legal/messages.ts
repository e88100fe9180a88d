import type { LetterType } from "../../types.js";
import type { MissingGuidance } from "./required.js";
import { SANCTION_ELEMENT_NAMES, type SanctionElement } from "./sanction.js";
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

/** Guidance recognised in plain text: right, but not protected against edits. */
export function unmarkedMessage(block: LegalBlockScore): string {
  return `Vejledningen ${nameOf(block)} er genkendt i brevet, men er ikke markeret som beskyttet tekst. Indsæt den som beskyttet blok, så den ikke bliver ændret ved en fejl.`;
}

export function missingMessage(missing: MissingGuidance, letterType: LetterType): string {
  const basis = missing.legalBasis.length > 0 ? ` (${missing.legalBasis.join("; ")})` : "";
  return `Brevet er en ${letterType} og mangler ${missing.title.toLowerCase()}${basis}.`;
}

export const HEARING_DEADLINE_MESSAGE =
  "Partshøringen mangler en frist: skriv, hvornår borgeren senest skal svare (forvaltningsloven § 19).";

export function sanctionMessage(missing: readonly SanctionElement[]): string {
  const names = missing.map((element) => SANCTION_ELEMENT_NAMES[element]);
  const list =
    names.length > 1 ? `${names.slice(0, -1).join(", ")} og ${names[names.length - 1]}` : names[0];
  return `Brevet nævner en sanktion, men siger ikke ${list}. Ankestyrelsen kræver, at borgeren får at vide, hvad der udløser fradraget, hvad konsekvensen er, og hvordan hjælpen kommer igen.`;
}
