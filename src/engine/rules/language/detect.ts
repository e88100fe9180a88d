import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { formsOf } from "../../linguistics/vocabulary.js";
import type { Language } from "../../types.js";
import { memoByText } from "../../util/text-memo.js";

/** Frequent words of each language: the shared vocabularies @functionWords (da, en). */
const DANISH = formsOf("functionWords", "da");
const ENGLISH = formsOf("functionWords", "en");
/** Only the first words decide. */
const WORDS_READ = 2000;

/** One line's evidence: its words, and per word whether it is a Danish or English function word. */
interface LineWords {
  /** æ, ø or å somewhere in the line. */
  letters: boolean;
  words: number;
  danish: number;
  english: number;
  /** Per word: 1 Danish, 2 English, 3 both (for a line cut by the word limit). */
  marks: Uint8Array;
}

/**
 * Per line: a word never spans a line break, and lower-casing does not look across one, so the
 * counts of the whole text are the sums over its lines; while the caseworker types, only the
 * edited line is read anew.
 */
const DANISH_LETTER = /[æøåÆØÅ]/u;

const lineWords = memoByText((line: string): LineWords => {
  const words = line.toLowerCase().match(/\p{L}+/gu) ?? [];
  const marks = new Uint8Array(words.length);
  let danish = 0;
  let english = 0;
  words.forEach((word, index) => {
    if (DANISH.has(word)) {
      danish++;
      marks[index]! |= 1;
    }
    if (ENGLISH.has(word)) {
      english++;
      marks[index]! |= 2;
    }
  });
  return { letters: DANISH_LETTER.test(line), words: words.length, danish, english, marks };
});

/** Guess Danish or English from function words and æ/ø/å; Danish wins ties (it is the default). */
export function detectLanguage(text: string): Language {
  let letters = false;
  let danish = 0;
  let english = 0;
  let read = 0;
  for (const line of text.split("\n")) {
    // Past the word limit a line can only add æ, ø or å: its words are not read at all.
    if (read >= WORDS_READ) {
      if (letters) break;
      letters = DANISH_LETTER.test(line);
      continue;
    }
    const counts = lineWords(line);
    letters ||= counts.letters;
    if (read + counts.words <= WORDS_READ) {
      danish += counts.danish;
      english += counts.english;
      read += counts.words;
      continue;
    }
    // The line that reaches the limit counts up to it; the lines after it only for æ, ø, å.
    for (let index = 0; read < WORDS_READ; index++, read++) {
      danish += counts.marks[index]! & 1;
      english += counts.marks[index]! >> 1;
    }
  }
  if (letters) danish += 3;
  return english > danish * 1.5 ? "en" : "da";
}

/** unified plugin: sets `file.data.language` from the options or by detection. */
export function retextLanguage() {
  return (_tree: Root, file: VFile): void => {
    const wanted = file.data.options?.language;
    file.data.language = wanted && wanted !== "auto" ? wanted : detectLanguage(String(file.value));
  };
}
