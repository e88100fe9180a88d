import type { Block, Letter } from "../../letter/model.js";
import { recogniseLegalBlocks } from "./integrity.js";
import type { LegalBlockScore, LegalRegistryEntry, LegalStatus } from "./types.js";

/**
 * Statuses of a marked block whose words are not an approved text: the caseworker (or someone)
 * changed them, or nobody approved them. Such a block is not approved guidance anywhere.
 */
const NOT_APPROVED: ReadonlySet<LegalStatus> = new Set<LegalStatus>(["modified"]);

export interface DemotedLetter {
  /** The letter the prose rules read: changed guidance blocks are plain paragraphs. */
  letter: Letter;
  /** Letter block indexes that were demoted. */
  demoted: number[];
  /** The legal family's recognition of the original letter (reused by its plugin). */
  recognised?: LegalBlockScore[];
}

/**
 * A guidance block whose text no longer matches the approved text is, until it is restored,
 * the caseworker's own prose: it is read, scored and flagged like every other paragraph (a
 * threat written into it counts). The returned letter has the same text and offsets; only the
 * changed blocks lose their protected kind. Without a registry nothing can be verified, so
 * nothing is demoted.
 */
export function demoteChangedGuidance(
  letter: Letter,
  registry: readonly LegalRegistryEntry[] | undefined
): DemotedLetter {
  if (!registry || !letter.blocks.some((block) => block.kind === "legal")) {
    return { letter, demoted: [] };
  }
  const recognised = recogniseLegalBlocks(letter, registry);
  const demoted = recognised
    .filter(
      (score) => score.marked && score.blockIndex !== undefined && NOT_APPROVED.has(score.status)
    )
    .map((score) => score.blockIndex!)
    .filter((index) => letter.blocks[index]?.kind === "legal");
  if (demoted.length === 0) return { letter, demoted, recognised };
  const blocks = letter.blocks.map((block, index) => {
    if (!demoted.includes(index)) return block;
    const paragraph: Block = { ...block, kind: "paragraph" };
    delete paragraph.legal;
    return paragraph;
  });
  return { letter: { text: letter.text, blocks }, demoted, recognised };
}
