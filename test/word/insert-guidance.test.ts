/// <reference types="office-js" />
import { join } from "node:path";
import { analyzeLetter } from "../../src/engine/analyze.js";
import { viewLegal, guidancePlace } from "../../src/taskpane/model/legal.js";
import { loadLibrary } from "../../src/templates/library.js";
import { insertGuidance } from "../../src/word/insert-guidance.js";
import { readLetter } from "../../src/word/read.js";
import type { WordFake } from "../support/word-fake/index.js";
import { fakeFromLetter } from "./support.js";

/**
 * Issue 11 §1 in Word: "Indsæt lovpligtig vejledning" puts the approved block for the letter
 * type in a locked, tagged control, after the body and before the closing, with its lines as
 * paragraphs; read back, the guidance is intact and nothing is missing.
 */
let fake: WordFake;
let restore: () => void;
afterEach(() => restore?.());

test("missing guidance goes in locked, before the closing, and reads back intact", async () => {
  const registry = (await loadLibrary(join(process.cwd(), "templates"), { cwd: process.cwd() }))
    .registry;
  fake = fakeFromLetter("indkaldelse-foer", { wordApi: "1.6" });
  restore = fake.install();
  const word = await readLetter(fake.context());
  const view = viewLegal(analyzeLetter(word.letter, { legal: { registry } }), registry).find(
    (v) => v.status === "missing"
  )!;
  const choice = view.insertChoices![0]!;
  const place = guidancePlace(word.letter);
  expect(word.letter.blocks[place]!.kind).toBe("closing");
  fake.syncCount = 0;
  const result = await insertGuidance(fake.context(), word, place, {
    text: choice.text,
    legal: { id: choice.id, version: choice.version, title: choice.title },
  });
  expect(fake.syncCount).toBe(2);
  // Untracked: a tracked insertion inside a locked control could never be reviewed (#2886).
  expect(result.tracked).toBe(false);
  expect(fake.model.lockedRevisions()).toEqual([]);
  const controls = fake.controls();
  expect(controls).toHaveLength(1);
  expect(controls[0]).toMatchObject({
    tag: `klarbrev:legal:${choice.id}@${choice.version}`,
    cannotEdit: true,
    cannotDelete: true,
  });
  const after = await readLetter(fake.context());
  const legal = after.letter.blocks.findIndex((block) => block.kind === "legal");
  expect(after.letter.blocks[legal + 1]!.kind).toBe("closing");
  expect(after.letter.blocks[legal]!.text.split("\n")[0]).toBe("Hvis du ikke kan komme");
  const statuses = viewLegal(analyzeLetter(after.letter, { legal: { registry } }), registry).map(
    (v) => v.status
  );
  expect(statuses).toEqual(["intact"]);
});
