import { formsWithRole } from "../matchers.js";
import { PROSE_KINDS, type Letter } from "../../letter/model.js";
import { GUIDANCE_MESSAGES, fill } from "./messages.js";
import { FormFinder } from "./patterns.js";
import { memoByText } from "../../util/text-memo.js";

/** Where the letter keeps its legally required guidance about consequences. */
export interface GuidancePlace {
  kind: "legal" | "section";
  title: string;
  blockIndex: number;
  /** The last block of the section (the heading's prose). */
  lastBlockIndex: number;
}

/** A heading that opens the guidance ("Det skal du vide om dine pligter"); sanction.yml. */
const GUIDANCE_HEADING = new FormFinder(formsWithRole("threat/sanction", "guidanceHeading"));
/** Per block text: only an edited block is read anew. */
const opensGuidance = memoByText((text) => GUIDANCE_HEADING.test(text));
/** Guidance about consequences: it speaks of fradrag, sanktion, udeblivelse ... (sanction.yml). */
const RELEVANT = new FormFinder(formsWithRole("threat/sanction", "guidanceTopic"), true);
const isRelevant = memoByText((text) => RELEVANT.test(text));
const TEXTS = GUIDANCE_MESSAGES;

const cache = new WeakMap<Letter, GuidancePlace[]>();

/**
 * Protected legal blocks and guidance sections (a heading such as "Det skal du vide om dine
 * pligter" with its prose) that speak about absence, deductions or duties.
 */
export function guidancePlaces(letter: Letter): GuidancePlace[] {
  const cached = cache.get(letter);
  if (cached) return cached;
  const places: GuidancePlace[] = [];
  letter.blocks.forEach((block, index) => {
    if (block.kind === "legal" && isRelevant(block.text)) {
      const title = block.legal?.title ?? humanise(block.legal?.id ?? "");
      places.push({ kind: "legal", title, blockIndex: index, lastBlockIndex: index });
    } else if (block.kind === "heading" && opensGuidance(block.text)) {
      const last = sectionEnd(letter, index);
      const text = letter.blocks
        .slice(index, last + 1)
        .map((part) => part.text)
        .join("\n");
      if (isRelevant(text)) {
        const title = block.text.replace(/^#+\s*/u, "").trim();
        places.push({ kind: "section", title, blockIndex: index, lastBlockIndex: last });
      }
    }
  });
  cache.set(letter, places);
  return places;
}

/** The guidance section a block belongs to, if any. */
export function guidanceAround(letter: Letter, blockIndex: number): GuidancePlace | undefined {
  return guidancePlaces(letter).find(
    (place) => blockIndex >= place.blockIndex && blockIndex <= place.lastBlockIndex
  );
}

/** Guidance elsewhere in the letter: where required information stays when a sentence is rewritten. */
export function guidanceElsewhere(letter: Letter, blockIndex: number): GuidancePlace | undefined {
  const others = guidancePlaces(letter).filter(
    (place) => place !== guidanceAround(letter, blockIndex)
  );
  return others.find((place) => place.blockIndex > blockIndex) ?? others[0];
}

/** One sentence saying where the required information about `topic` stays (or must go). */
export function guidanceExplanation(letter: Letter, topic: string, blockIndex: number): string {
  const here = guidanceAround(letter, blockIndex);
  if (here) return fill(TEXTS.inSection, "title", here.title);
  const place = guidanceElsewhere(letter, blockIndex);
  if (!place) return fill(TEXTS.none, "topic", topic);
  const template = place.kind === "legal" ? TEXTS.legalBlock : TEXTS.section;
  const where = whereIs(letter, place.blockIndex, blockIndex);
  return fill(fill(fill(template, "topic", topic), "title", place.title), "where", where);
}

function whereIs(letter: Letter, placeIndex: number, fromIndex: number): string {
  const closing = letter.blocks.findIndex((block) => block.kind === "closing");
  const afterClosing = closing >= 0 && placeIndex > closing;
  const closingAfter = letter.blocks.some(
    (block, index) => index > placeIndex && (block.kind === "closing" || block.kind === "signature")
  );
  if (afterClosing || !closingAfter) return TEXTS.whereEnd;
  return placeIndex > fromIndex ? TEXTS.whereLater : TEXTS.whereEarlier;
}

/** The last block of the prose under a heading, up to the next heading or legal block. */
function sectionEnd(letter: Letter, headingIndex: number): number {
  let last = headingIndex;
  while (last + 1 < letter.blocks.length && PROSE_KINDS.has(letter.blocks[last + 1]!.kind)) last++;
  return last;
}

/** "klagevejledning-fradrag" -> "Klagevejledning fradrag". */
function humanise(id: string): string {
  const words = id.replace(/[-_]+/gu, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "vejledningen";
}
