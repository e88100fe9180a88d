import { wordTokens, type PhraseToken } from "../../linguistics/phrase.js";
import { memoByText } from "../../util/text-memo.js";

/**
 * A sentence's word tokens, per sentence text: the obligation and warning rules read the same
 * sentences, so a fresh analysis tokenises each once. Shared lists: read, never changed.
 */
export const sentenceTokens: (text: string) => readonly PhraseToken[] = memoByText(wordTokens);
