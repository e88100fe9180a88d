import type { Letter } from "../../letter/model.js";
import { KNOWN_AUTHORITY, DEPARTMENT_ACT } from "./patterns.js";

/**
 * The letter's own department, as the letter names it: the proper name that received the
 * reader's request or decided ("Børn og Unge har den 05-10-2026 modtaget din ansøgning om
 * kørsel", "Børn og Unge har truffet afgørelse om, at ..."). Many municipal letters speak of
 * their sender in the third person by the department's name, which no list of authorities can
 * hold; the letter's own sentence says who decides. Undefined when
 * the letter names none, or only a name the decision entries already read as an authority.
 */
export function ownDepartmentOf(letter: Letter): string | undefined {
  for (const block of letter.blocks) {
    if (block.kind === "legal") continue;
    const match = DEPARTMENT_ACT.exec(block.text);
    if (!match) continue;
    const name = match[1]!.replace(/\s+/gu, " ");
    if (!KNOWN_AUTHORITY.test(name)) return name;
  }
  return undefined;
}
