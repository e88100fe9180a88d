import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeText } from "../../../src/engine/analyze.js";
import type { Edit } from "../../../src/engine/edits/edit.js";
import { applyEdits } from "../../../src/engine/edits/apply.js";
import type { Analysis, Finding } from "../../../src/engine/types.js";

/**
 * "Anvend alle sikre forslag" on every real corpus letter and every fixture letter (the letters in
 * /work/shared/letters are byte-identical copies of fixtures): applying every safe suggestion
 * never raises the LIX, never creates a finding the letter did not have, and every safe edit
 * applies. The golden file shows each changed line before and after, for a Danish reader to
 * review; regenerate it on purpose with UPDATE_GOLDEN=1 npm test -- test/engine/plain/safe-suggestions.
 */
const GOLDEN = "test/golden/safe-suggestions.md";
const UPDATE = Boolean(process.env.UPDATE_GOLDEN);
const FOLDERS = ["test/corpus/letters", "test/fixtures/letters"];

const letters = FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => /\.(txt|md)$/u.test(name))
    .sort()
    .map((name) => join(folder, name))
);

interface Outcome {
  path: string;
  before: Analysis;
  after: Analysis;
  applied: Edit[];
  refused: string[];
}

function safeEdits(analysis: Analysis): Edit[] {
  return analysis.findings
    .filter((finding) => finding.safe === true && finding.edit !== undefined)
    .map((finding) => finding.edit!);
}

/**
 * An offset of the edited letter mapped back to the original: past an edit it shifts by the
 * edit's change in length; inside an edit's new text it is the edit's start.
 */
function originalOffset(applied: readonly Edit[], offset: number): number {
  const replaces = applied
    .filter((edit) => edit.kind === "replace")
    .sort((a, b) => a.start - b.start);
  let shift = 0;
  for (const edit of replaces) {
    const newStart = edit.start + shift;
    if (offset < newStart) break;
    if (offset < newStart + edit.text.length) return edit.start;
    shift += edit.text.length - (edit.end - edit.start);
  }
  return offset - shift;
}

/** A finding as the reader meets it: its rule and where it starts in the original letter. */
function keys(analysis: Analysis, place: (offset: number) => number): Map<string, Finding[]> {
  const found = new Map<string, Finding[]>();
  for (const finding of analysis.findings) {
    const k = `${finding.ruleId}@${place(finding.start.offset)}`;
    found.set(k, [...(found.get(k) ?? []), finding]);
  }
  return found;
}

function newFindings(outcome: Outcome): string[] {
  // A finding inside words an edit replaced is placed at the edit's start, on both sides.
  const replaced = outcome.applied.filter((edit) => edit.kind === "replace");
  const before = keys(
    outcome.before,
    (offset) => replaced.find((edit) => edit.start <= offset && offset < edit.end)?.start ?? offset
  );
  const added: string[] = [];
  const text = outcome.after.letter.text;
  for (const [k, list] of keys(outcome.after, (o) => originalOffset(outcome.applied, o))) {
    for (const finding of list.slice(before.get(k)?.length ?? 0)) {
      added.push(`${k} »${text.slice(finding.start.offset, finding.end.offset)}«`);
    }
  }
  return added;
}

/**
 * New findings caused by safe edits of families outside the plain rules (issue 8 follow-up for
 * their owners), printed when they occur: threat/warning's safe deletion of "Det bemærkes, at"
 * turns the sentence into a plain sanction sentence, which threat/sanction then reports; after
 * "anmode dig om at fremsende" -> "bede dig om at sende" essentials/missing no longer ties the
 * subject to the request.
 */
const KNOWN_NEW_FINDINGS: Record<string, string[]> = {
  "test/fixtures/letters/indkaldelse-foer.txt": [
    "threat/sanction@355 »Udeblivelse fra samtalen uden rimelig grund vil medføre fradrag i din kontanthjælp for hver dag, indtil du igen har kontaktet jobcentret.«",
  ],
  // "Hermed fremsendes": the passive was merged into the officialese card (one card per span);
  // after "fremsendes" -> "sendes" the passive stands on its own. The same finding, not a new one.
  "test/corpus/letters/ombudsmanden-beretning-2021-foelgebrev.txt": ["plain/passive@107 »sendes«"],
  "test/fixtures/letters/anmodning-dokumentation-foer.txt": [
    "essentials/missing@136 »Anmodning om fremsendelse af dokumentation«",
  ],
};

const outcomes: Outcome[] = letters.map((path) => {
  // applyEdits rebuilds the letter from its blocks (one blank line between blocks), so the
  // comparison starts from the rebuilt text: only the edits differ between before and after.
  let rebuilt = readFileSync(path, "utf8");
  for (let round = 0; round < 3; round++) {
    rebuilt = applyEdits(analyzeText(rebuilt).letter, []).letter.text;
  }
  const before = analyzeText(rebuilt);
  const result = applyEdits(before.letter, safeEdits(before));
  return {
    path,
    before,
    after: analyzeText(result.letter.text),
    applied: result.applied,
    refused: result.refused.map((refusal) => refusal.reason),
  };
});

/** Changed lines only, "-" before and "+" after, per letter. */
function golden(): string {
  const parts = [
    "# Safe suggestions applied to every letter",
    "",
    "Generated by test/engine/plain/safe-suggestions.test.ts (UPDATE_GOLDEN=1 to regenerate).",
    "Each letter: its LIX before and after, then every line the safe suggestions changed.",
    "",
  ];
  for (const outcome of outcomes) {
    const lixBefore = outcome.before.scores.readability.lix;
    const lixAfter = outcome.after.scores.readability.lix;
    parts.push(
      `## ${outcome.path}`,
      "",
      `${outcome.applied.length} safe edits; LIX ${lixBefore} -> ${lixAfter}`,
      ""
    );
    const oldLines = outcome.before.letter.text.split("\n");
    const newLines = outcome.after.letter.text.split("\n");
    if (oldLines.length !== newLines.length) throw new Error(`${outcome.path}: lines moved`);
    const changed = oldLines.flatMap((line, index) =>
      line === newLines[index] ? [] : [`- ${line}`, `+ ${newLines[index]}`, ""]
    );
    if (changed.length > 0) parts.push("```diff", ...changed.slice(0, -1), "```", "");
  }
  return parts.join("\n");
}

describe("applying every safe suggestion", () => {
  test("covers every corpus and fixture letter, and some letters change", () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(30);
    expect(outcomes.filter((outcome) => outcome.applied.length > 0).length).toBeGreaterThanOrEqual(
      8
    );
  });

  test.each(letters)("%s: every safe edit applies", (path) => {
    expect(outcomes.find((outcome) => outcome.path === path)!.refused).toEqual([]);
  });

  test.each(letters)("%s: the LIX does not rise", (path) => {
    const outcome = outcomes.find((o) => o.path === path)!;
    expect(outcome.after.scores.readability.lix).toBeLessThanOrEqual(
      outcome.before.scores.readability.lix
    );
  });

  test.each(letters)("%s: no new finding", (path) => {
    const added = newFindings(outcomes.find((outcome) => outcome.path === path)!);
    const known = KNOWN_NEW_FINDINGS[path] ?? [];
    for (const finding of added.filter((text) => known.includes(text))) {
      console.log(`${path}: known new finding from another family's safe edit: ${finding}`);
    }
    expect(added.filter((text) => !known.includes(text))).toEqual([]);
  });

  test("the before/after lines match the reviewed golden file", () => {
    const actual = golden();
    if (UPDATE || !existsSync(GOLDEN)) {
      if (!UPDATE) throw new Error(`${GOLDEN} is missing; create it with UPDATE_GOLDEN=1`);
      writeFileSync(GOLDEN, actual);
      return;
    }
    expect(actual).toBe(readFileSync(GOLDEN, "utf8"));
  });
});
