import generated from "../generated/vocabularies.json" with { type: "json" };

/**
 * The shared, named vocabularies (@months, @benefits, @lossVerbs ...), generated at build time from
 * src/engine/vocabularies/<lang>/*.yml with every form from the Danish Hunspell dictionary
 * (npm run build:rules). Pure data: the engine reads no file at run time.
 */
export interface VocabularyEntry {
  lemma: string;
  forms: string[];
  /** A particle verb's particle ("sætte ned") and its fused forms ("nedsat", "nedsætter"). */
  particle?: string;
  fused?: string[];
  abbreviations?: string[];
  punitive?: boolean;
  /** The number a number word stands for (@numberWords). */
  value?: number;
  /** Who is the subject of a performative phrase; the deciding authority unless "reader". */
  subject?: "authority" | "reader";
}

export interface Vocabulary {
  class: string;
  compoundHead: boolean;
  entries: VocabularyEntry[];
}

type Language = "da" | "en";

const VOCABULARIES = generated as unknown as Record<Language, Record<string, Vocabulary>>;

export function vocabulary(name: string, language: Language = "da"): Vocabulary {
  const found = VOCABULARIES[language][name];
  if (!found) throw new Error(`unknown vocabulary @${name} (${language})`);
  return found;
}

/** The lemmas of a vocabulary, in file order. */
export function lemmas(name: string, language: Language = "da"): string[] {
  return vocabulary(name, language).entries.map((entry) => entry.lemma);
}

/** Every form (and fused particle form) of every entry, lower-case. */
export function formsOf(name: string, language: Language = "da"): Set<string> {
  const out = new Set<string>();
  for (const entry of vocabulary(name, language).entries) {
    for (const form of entry.forms) out.add(form.toLowerCase());
    for (const form of entry.fused ?? []) out.add(form.toLowerCase());
    for (const form of entry.abbreviations ?? []) out.add(form.toLowerCase());
  }
  return out;
}

/** A regex alternation of every form, longest first (so "stoppede" wins over "stop"). */
export function alternation(name: string, language: Language = "da"): string {
  return [...formsOf(name, language)]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map(formSource)
    .join("|");
}

/** One form as regex source: its characters literal, a space any run of white space. */
export function formSource(form: string): string {
  return form.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&").replace(/ /gu, "\\s+");
}

/** The smallest first part a compound can have ("rådighed|s|sanktion"). */
const MIN_MODIFIER = 3;

/**
 * Lookup for one vocabulary: exact forms, plus compounds whose head (last part) is a form when
 * the vocabulary allows it ("rådighedssanktion", "kontanthjælpen"; not "sanktionsvejledning").
 * Built once per process per vocabulary.
 */
export class Lexeme {
  readonly forms: Set<string>;
  private readonly heads: string[];
  private readonly compounds: boolean;
  private readonly entryOf = new Map<string, VocabularyEntry>();
  private readonly cache = new Map<string, VocabularyEntry | null>();

  constructor(name: string, language: Language = "da") {
    const vocab = vocabulary(name, language);
    this.forms = formsOf(name, language);
    this.compounds = vocab.compoundHead;
    for (const entry of vocab.entries) {
      for (const form of [...entry.forms, ...(entry.fused ?? [])]) {
        if (!this.entryOf.has(form.toLowerCase())) this.entryOf.set(form.toLowerCase(), entry);
      }
    }
    // Heads shorter than 4 letters ("ret", "krav" stays) would match too much inside words.
    this.heads = [...this.forms]
      .filter((form) => form.length >= 4)
      .sort((a, b) => b.length - a.length);
  }

  /** The entry a word belongs to (as a form, or as the head of a compound), if any. */
  match(word: string): VocabularyEntry | undefined {
    // Callers mostly pass words already lower-cased and seen before: look the word up as given
    // first. toLowerCase makes a new string every time (V8), which a lookup must hash again; it
    // was several allocations per word in the consequence model. Lower-casing a lower-cased word
    // changes nothing, so a key found as given is the answer for it.
    const known = this.cache.get(word);
    if (known !== undefined) return known ?? undefined;
    const lower = word.toLowerCase();
    if (lower !== word) {
      const cached = this.cache.get(lower);
      if (cached !== undefined) return cached ?? undefined;
    }
    let found = this.entryOf.get(lower);
    if (!found && this.compounds) {
      const head = this.heads.find(
        (form) => lower.length - form.length >= MIN_MODIFIER && lower.endsWith(form)
      );
      if (head) found = this.entryOf.get(head);
    }
    // Bounded: a long-lived task pane sees many letters.
    if (this.cache.size > 20000) this.cache.clear();
    this.cache.set(lower, found ?? null);
    return found;
  }

  has(word: string): boolean {
    return this.match(word) !== undefined;
  }
}

const lexemes = new Map<string, Lexeme>();

/** One shared Lexeme per vocabulary and language. */
export function lexeme(name: string, language: Language = "da"): Lexeme {
  const key = `${language}:${name}`;
  let found = lexemes.get(key);
  if (!found) lexemes.set(key, (found = new Lexeme(name, language)));
  return found;
}
