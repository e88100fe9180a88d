/// <reference types="office-js" />
import { buildLetter, type BlockInput } from "../engine/letter/model.js";
import { classifyParagraphs } from "./classify-paragraphs.js";
import { inlineProtection, inlineRows, type InlineControlRow } from "./inline-controls.js";
import { parseLegalTag, titleFromControl } from "./legal-tag.js";
import { supportsTracking, supportsTypedControls } from "./requirements.js";
import { alignReviewedText, normalizeParagraphText } from "./reviewed-text.js";
import type {
  BlockSource,
  ClassifyInput,
  LegalControlInfo,
  Notice,
  ParagraphRecord,
  WordLetter,
} from "./word-letter.js";

/** Everything read from one paragraph (a plain snapshot, so the mapping below is pure). */
export interface ParagraphRow {
  text: string;
  style: string;
  styleBuiltIn: string;
  isListItem: boolean;
  tableNestingLevel: number;
  control?: { id: number; tag: string; title: string; cannotEdit: boolean; cannotDelete: boolean };
  /** Content controls inside the paragraph (inline ones; Word may also list the parent). */
  inlineControls?: InlineControlRow[];
}

const PARAGRAPH_FIELDS = [
  "items/text",
  "items/style",
  "items/styleBuiltIn",
  "items/isListItem",
  "items/tableNestingLevel",
  "items/parentContentControlOrNullObject/id",
  "items/parentContentControlOrNullObject/tag",
  "items/parentContentControlOrNullObject/title",
  "items/parentContentControlOrNullObject/cannotEdit",
  "items/parentContentControlOrNullObject/cannotDelete",
].join(",");

/**
 * Read the document body as a Letter in ONE sync: paragraph text, style and list state, the
 * paragraph's content control (legal blocks), the controls inside it (locked or approved text in
 * a sentence keeps the whole paragraph out), inline pictures (counted, skipped) and, where
 * WordApi 1.4 allows, the reviewed text (so tracked deletions do not count as text).
 */
export async function readLetter(context: Word.RequestContext): Promise<WordLetter> {
  const body = context.document.body;
  const paragraphs = body.paragraphs;
  paragraphs.load(PARAGRAPH_FIELDS);
  const pictures = body.inlinePictures;
  pictures.load("items/width");
  // Tracked deletions are part of `text` (#1267, #2314). The body's reviewed text says, in the
  // same sync, whether there are any; only then is each paragraph read as reviewed.
  let reviewed: OfficeExtension.ClientResult<string> | undefined;
  if (supportsTracking()) reviewed = body.getReviewedText("Current");
  // `contentControls` lists only rich-text controls (office-js #2160, #6144): count the others.
  let typed: Word.ContentControlCollection | undefined;
  if (supportsTypedControls()) {
    typed = body.getContentControls({ types: [...CONTROL_TYPES] });
    typed.load("items/id");
  }
  const listed = body.contentControls;
  listed.load("items/id");
  await context.sync();
  // Controls the collections do not list (plain text): see each paragraph's, in one more sync.
  let hidden: InlineControlRow[][] | undefined;
  if (typed && typed.items.length > listed.items.length) {
    hidden = await readTypedControls(context, paragraphs.items);
  }
  // Controls that are no paragraph's parent sit inside a paragraph (or around a control): only
  // then, one more sync reads each paragraph's controls. Not with a load path through the nested
  // collection ("items/contentControls/items/tag"): Microsoft documents load paths through
  // navigation properties only, and "items" in a load string has failed (office-js #3607).
  const parents = new Set(
    paragraphs.items.flatMap((paragraph) =>
      paragraph.parentContentControlOrNullObject.isNullObject
        ? []
        : [paragraph.parentContentControlOrNullObject.id]
    )
  );
  let inline: InlineControlRow[][] | undefined;
  if (!hidden && listed.items.some((control) => !parents.has(control.id))) {
    inline = await readInlineControls(context, paragraphs.items);
  }
  let reviewedTexts: (string | null)[] | undefined;
  if (
    reviewed &&
    !sameText(
      paragraphs.items.map((p) => p.text),
      reviewed.value
    )
  ) {
    reviewedTexts = await readReviewedParagraphs(context, paragraphs.items);
  }

  const rows = paragraphs.items.map((paragraph, index): ParagraphRow => {
    const row: ParagraphRow = {
      text: paragraph.text,
      style: paragraph.style,
      styleBuiltIn: String(paragraph.styleBuiltIn),
      isListItem: paragraph.isListItem,
      tableNestingLevel: paragraph.tableNestingLevel,
      // With the typed list, every control in or around the paragraph (a locked plain-text one
      // keeps the paragraph out, like a locked inline one).
      inlineControls: (hidden ?? inline)?.[index] ?? [],
    };
    const control = paragraph.parentContentControlOrNullObject;
    if (!control.isNullObject) {
      row.control = {
        id: control.id,
        tag: control.tag,
        title: control.title,
        cannotEdit: control.cannotEdit,
        cannotDelete: control.cannotDelete,
      };
    }
    return row;
  });
  return buildWordLetter(rows, {
    ...(reviewedTexts ? { reviewedTexts } : { reviewedText: reviewed?.value }),
    images: pictures.items.length,
  });
}

/** The control types Klarbrev asks for with getContentControls (plain text since WordApi 1.5). */
// The enum's values are these strings; the enum object itself is not loaded outside Word.
const CONTROL_TYPES = ["RichText", "PlainText"] as unknown as readonly Word.ContentControlType[];

/** Each paragraph's controls of every type, in and around it (WordApi 1.5), one sync. */
async function readTypedControls(
  context: Word.RequestContext,
  paragraphs: readonly Word.Paragraph[]
): Promise<InlineControlRow[][] | undefined> {
  if (!supportsTypedControls()) return undefined;
  const collections = paragraphs.map((paragraph) => {
    const controls = paragraph.getContentControls({ types: [...CONTROL_TYPES] });
    controls.load("items/id,items/tag,items/cannotEdit,items/cannotDelete");
    return controls;
  });
  await context.sync();
  return collections.map((controls, index) => {
    // The paragraph's own legal control is read as its parent; here only the others count.
    const parent = paragraphs[index]!.parentContentControlOrNullObject;
    return controls.items
      .filter((control) => parent.isNullObject || control.id !== parent.id)
      .map((control) => ({
        id: control.id,
        tag: control.tag,
        cannotEdit: control.cannotEdit,
        cannotDelete: control.cannotDelete,
      }));
  });
}

/** Each paragraph's (rich-text) controls, one sync: `paragraph.contentControls` (WordApi 1.1). */
async function readInlineControls(
  context: Word.RequestContext,
  paragraphs: readonly Word.Paragraph[]
): Promise<InlineControlRow[][]> {
  const checks = paragraphs.map((paragraph) => {
    const controls = paragraph.contentControls;
    controls.load("items/id,items/tag,items/cannotEdit,items/cannotDelete");
    return controls;
  });
  await context.sync();
  return checks.map((controls) => inlineRows(controls));
}

/** The body's reviewed text spells the paragraphs as they are: no tracked changes. */
function sameText(raws: readonly string[], reviewed: string): boolean {
  const strip = (text: string) => normalizeParagraphText(text).replace(/\n+$/u, "");
  return strip(reviewed) === strip(raws.join("\n"));
}

/**
 * Each paragraph's text with all changes accepted: `Paragraph.getReviewedText("Current")`
 * (WordApi 1.4), one sync for all. Not the document-wide string aligned line by line: tables,
 * fields and hidden text break that alignment. Not `getTrackedChanges` either: it has hung Word
 * on some documents (#4653, #5216, #5772). A paragraph that had text and reads empty is deleted.
 */
async function readReviewedParagraphs(
  context: Word.RequestContext,
  paragraphs: readonly Word.Paragraph[]
): Promise<(string | null)[] | undefined> {
  if (!supportsTracking()) return undefined;
  const results = paragraphs.map((paragraph) => paragraph.getReviewedText("Current"));
  await context.sync();
  return results.map((result, index) => {
    const text = normalizeParagraphText(result.value).replace(/\n+$/u, "");
    return text === "" && paragraphs[index]!.text.trim() !== "" ? null : text;
  });
}

/** Pure: turn the paragraph snapshot into a WordLetter (exported for tests and other hosts). */
export function buildWordLetter(
  rows: readonly ParagraphRow[],
  options: {
    /** The document-wide reviewed text (aligned to the paragraphs; legacy, for other hosts). */
    reviewedText?: string | undefined;
    /** Each paragraph's reviewed text, null for a deleted one (what readLetter reads). */
    reviewedTexts?: readonly (string | null)[];
    images?: number;
  } = {}
): WordLetter {
  const notices: Notice[] = [];
  const raws = rows.map((row) => row.text);
  let texts: (string | null)[] = raws.map(normalizeParagraphText);
  const reviewedKnown = options.reviewedText !== undefined || options.reviewedTexts !== undefined;
  if (options.reviewedTexts) texts = [...options.reviewedTexts];
  else if (options.reviewedText !== undefined) {
    const aligned = alignReviewedText(raws, options.reviewedText);
    if (aligned) texts = aligned.texts;
    else {
      notices.push({
        code: "reviewed-text-unavailable",
        message:
          "Klarbrev kunne ikke skille sporede sletninger fra teksten. Slettet tekst kan indgå i analysen.",
      });
    }
  }

  const records: ParagraphRecord[] = rows.map((row, index) => {
    const text = texts[index] ?? null;
    const pending = text === null || text !== normalizeParagraphText(row.text);
    const record: ParagraphRecord = {
      index,
      raw: row.text,
      text: text ?? "",
      role: "block",
      pendingRevisions: reviewedKnown ? pending : false,
      style: row.style,
      styleBuiltIn: row.styleBuiltIn,
    };
    if (row.control) record.controlId = row.control.id;
    const inline = inlineProtection(row.inlineControls ?? []);
    if (row.tableNestingLevel > 0) record.role = "table";
    else if (row.control && parseLegalTag(row.control.tag)) record.role = "legal";
    // Someone else's locked control: Word refuses edits in it, so it is never a block we edit.
    else if (row.control && (row.control.cannotEdit || row.control.cannotDelete))
      record.role = "locked";
    // A locked or approved-text control inside the paragraph: no edit, move or removal may touch
    // the paragraph (Word would refuse part of a batch; approved text must not move).
    else if (inline) {
      record.role = "locked";
      record.inlineControl = inline;
    } else if (text === null) record.role = "deleted";
    else if (text.trim() === "") record.role = "spacer";
    return record;
  });

  // Classify ordinary paragraphs; anything else is a chunk break.
  const classified = classifyParagraphs(
    records.map((record): ClassifyInput | null =>
      record.role === "block"
        ? {
            text: record.text,
            styleBuiltIn: record.styleBuiltIn,
            isListItem: rows[record.index]!.isListItem,
          }
        : null
    )
  );

  const inputs: BlockInput[] = [];
  const sources: BlockSource[] = [];
  const tagCounts = new Map<string, number>();
  let index = 0;
  while (index < records.length) {
    const record = records[index]!;
    const row = rows[index]!;
    if (record.role === "legal" && row.control) {
      const controlId = row.control.id;
      const members: number[] = [];
      while (
        index < records.length &&
        records[index]!.role === "legal" &&
        rows[index]!.control?.id === controlId
      ) {
        members.push(index);
        index++;
      }
      const ref = parseLegalTag(row.control.tag)!;
      const title = titleFromControl(row.control.title);
      if (title) ref.title = title;
      const occurrence = tagCounts.get(row.control.tag) ?? 0;
      tagCounts.set(row.control.tag, occurrence + 1);
      const control: LegalControlInfo = {
        ref,
        tag: row.control.tag,
        occurrence,
        cannotEdit: row.control.cannotEdit,
        cannotDelete: row.control.cannotDelete,
      };
      // Tracked deletions inside the control are not part of its current text.
      const live = members.filter((member) => (texts[member] ?? null) !== null);
      for (const member of members) records[member]!.blockIndex = inputs.length;
      inputs.push({
        kind: "legal",
        text: live.map((member) => records[member]!.text).join("\n"),
        legal: ref,
        style: row.style,
      });
      sources.push({ paragraphs: members, control });
      continue;
    }
    const kind = classified[index];
    if (record.role === "block" && kind) {
      record.blockIndex = inputs.length;
      const input: BlockInput = { kind: kind.kind, text: record.text, style: row.style };
      if (kind.level !== undefined) input.level = kind.level;
      inputs.push(input);
      sources.push({ paragraphs: [index] });
    }
    index++;
  }

  const letter = buildLetter(inputs, "\n");
  const tableParagraphs = records.filter((record) => record.role === "table").length;
  const tables = countRuns(records.map((record) => record.role === "table"));
  if (tables > 0) {
    notices.push({
      code: "tables-skipped",
      message: `${tables === 1 ? "1 tabel" : `${tables} tabeller`} er ikke analyseret. Tjek selv teksten i ${tables === 1 ? "tabellen" : "tabellerne"}.`,
    });
  }
  const locked = countRuns(
    records.map((record) => record.role === "locked" && record.inlineControl !== "legal")
  );
  if (locked > 0) {
    notices.push({
      code: "locked-skipped",
      message: `${locked === 1 ? "1 låst felt" : `${locked} låste felter`}, som Klarbrev ikke har indsat, er ikke analyseret og bliver ikke ændret.`,
    });
  }
  const inlineLegal = records.filter((record) => record.inlineControl === "legal").length;
  if (inlineLegal > 0) {
    notices.push({
      code: "legal-inline-skipped",
      message: `${inlineLegal === 1 ? "1 afsnit har" : `${inlineLegal} afsnit har`} godkendt tekst inde i en sætning. Klarbrev analyserer og ændrer ikke ${inlineLegal === 1 ? "det afsnit" : "de afsnit"}. Læs selv resten af teksten i ${inlineLegal === 1 ? "det" : "dem"}.`,
    });
  }
  const images = options.images ?? 0;
  if (images > 0) {
    notices.push({
      code: "images-skipped",
      message: `${images === 1 ? "1 billede" : `${images} billeder`} er sprunget over. Tekst i billeder bliver ikke analyseret.`,
    });
  }
  const pendingRevisions = records.some((record) => record.pendingRevisions);
  if (pendingRevisions) {
    notices.push({
      code: "pending-revisions",
      message:
        "Dokumentet har sporede ændringer, som ikke er godkendt eller afvist. Klarbrev læser teksten, som den ser ud med ændringerne godkendt, og retter ikke i afsnit med ventende ændringer.",
    });
  }
  const unlocked = sources.filter(
    (source) => source.control && !(source.control.cannotEdit && source.control.cannotDelete)
  );
  if (unlocked.length > 0) {
    notices.push({
      code: "legal-unlocked",
      message: `${unlocked.length === 1 ? "En godkendt tekst" : `${unlocked.length} godkendte tekster`} er ikke længere låst. Lås ${unlocked.length === 1 ? "den" : "dem"} igen, eller gendan den godkendte tekst.`,
    });
  }

  return {
    letter,
    paragraphs: records,
    sources,
    skipped: { tables, tableParagraphs, images },
    pendingRevisions,
    usesSpacerParagraphs: usesSpacers(records, sources),
    notices,
  };
}

function countRuns(flags: readonly boolean[]): number {
  let runs = 0;
  flags.forEach((flag, index) => {
    if (flag && !flags[index - 1]) runs++;
  });
  return runs;
}

/** Do most neighbouring blocks have an empty paragraph between them? */
function usesSpacers(
  records: readonly ParagraphRecord[],
  sources: readonly BlockSource[]
): boolean {
  let spaced = 0;
  let pairs = 0;
  for (let block = 1; block < sources.length; block++) {
    const end = sources[block - 1]!.paragraphs.at(-1)!;
    const start = sources[block]!.paragraphs[0]!;
    pairs++;
    if (records.slice(end + 1, start).some((record) => record.role === "spacer")) spaced++;
  }
  return pairs > 0 && spaced * 2 >= pairs;
}
