import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Root } from "nlcst";
import { unified } from "unified";
import { VFile } from "vfile";
import { classifyText } from "../../src/engine/letter/classify.js";
import { buildLetter, type Letter } from "../../src/engine/letter/model.js";
import { retextDanishSentences } from "../../src/engine/nlcst/danish-sentences.js";
import { retextLetter } from "../../src/engine/nlcst/letter-parser.js";
import { essentialsPreset } from "../../src/engine/rules/essentials/index.js";
import { retextLanguage } from "../../src/engine/rules/language/detect.js";
import {
  checkLegal,
  legalPreset,
  type LegalRegistryEntry,
} from "../../src/engine/rules/legal/index.js";
import { run as templates } from "../../src/cli/commands/templates.js";
import { loadLegalRegistry, loadLibrary, type Library } from "../../src/templates/library.js";
import { renderTemplate } from "../../src/templates/render.js";

/**
 * Tampering with one word of approved guidance must be caught, naming exactly the block and the
 * words: in a rendered letter (Word, text file) and in the block file itself.
 */

let library: Library;
let registry: LegalRegistryEntry[];

beforeAll(async () => {
  library = await loadLibrary("templates");
  registry = (await loadLegalRegistry("templates")).registry;
});

/** The legal processor as `klarbrev check` will run it once the lead wires legalPreset in. */
function analyse(letter: Letter) {
  const processor = unified()
    .use(retextLetter)
    .use(retextDanishSentences)
    .use(retextLanguage)
    .use(essentialsPreset)
    .use(legalPreset)
    .freeze();
  const file = new VFile({ value: letter.text });
  file.data.letter = letter;
  file.data.options = { lixTarget: 35, legal: { registry } };
  const tree = processor.parse(file) as Root;
  processor.runSync(tree, file);
  return file;
}

function rendered(id: string): Letter {
  const template = library.templates.find((entry) => entry.template.id === id)!.template;
  return renderTemplate(template, template.sample, library.resolve).letter;
}

/** Replace one word inside one legal block and rebuild the letter (offsets stay right). */
function tamper(letter: Letter, blockId: string, from: string, to: string): Letter {
  return buildLetter(
    letter.blocks.map((block) => {
      const input = {
        kind: block.kind,
        text: block.text,
        ...(block.level ? { level: block.level } : {}),
        ...(block.legal ? { legal: block.legal } : {}),
      };
      if (block.legal?.id !== blockId) return input;
      expect(block.text).toContain(from);
      return { ...input, text: block.text.replace(from, to) };
    })
  );
}

describe("tampering with an approved block in a letter", () => {
  test("the untouched letter is intact in every block", () => {
    const letter = rendered("afgoerelse-fradrag");
    const result = checkLegal(letter, { registry, letterType: "afgørelse" });
    expect(
      result.scores.blocks.map((block) => `${block.id}@${block.version}:${block.status}`)
    ).toEqual([
      "begrundelse@1:intact",
      "sanktioner-ved-udeblivelse@2:intact",
      "klagevejledning@1:intact",
    ]);
  });

  test("one word changed in the klagevejledning: exactly that block, exactly that word", () => {
    const letter = tamper(
      rendered("afgoerelse-fradrag"),
      "klagevejledning",
      "skal vi have din klage senest",
      "skal vi have din klage inden"
    );
    const result = checkLegal(letter, { registry, letterType: "afgørelse" });
    const bad = result.scores.blocks.filter((block) => block.status !== "intact");
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ id: "klagevejledning", version: "1", status: "modified" });
    expect(bad[0]!.changes!.map(({ removed, added }) => ({ removed, added }))).toEqual([
      { removed: "senest", added: "inden" },
    ]);
  });

  test("a word changed in the sanction guidance: the processor reports legal/modified on that word", () => {
    const letter = tamper(
      rendered("indkaldelse-samtale"),
      "sanktioner-ved-udeblivelse",
      "Du får hjælpen igen",
      "Du får måske hjælpen igen"
    );
    const file = analyse(letter);
    expect(
      file.data.legal!.blocks.map(({ id, version, status }) => ({ id, version, status }))
    ).toEqual([
      { id: "sanktioner-ved-udeblivelse", version: "2", status: "modified" },
      { id: "bisidder-aktindsigt", version: "1", status: "intact" },
    ]);
    const messages = file.messages.filter((message) => message.ruleId === "legal/modified");
    expect(messages).toHaveLength(1);
    expect(messages[0]!.reason).toContain("sanktioner-ved-udeblivelse, version 2");
    expect(messages[0]!.reason).toContain('"måske" er tilføjet');
    const start =
      messages[0]!.place && "start" in messages[0]!.place ? messages[0]!.place.start.offset! : -1;
    expect(letter.text.slice(start, start + 5)).toBe("måske");
  });

  test("the same, read back from `klarbrev render --format md` output as `klarbrev check` reads files", async () => {
    const template = library.templates.find(
      (entry) => entry.template.id === "afslag-paa-ansoegning"
    )!.template;
    const markdown = renderTemplate(template, template.sample, library.resolve).markdown;
    const intact = analyse(classifyText(markdown, { format: "md" }));
    expect(intact.data.legal!.blocks.every((block) => block.status === "intact")).toBe(true);
    const edited = markdown.replace("Giver vi dig ikke helt ret", "Giver vi dig ikke ret");
    const file = analyse(classifyText(edited, { format: "md" }));
    const bad = file.data.legal!.blocks.filter((block) => block.status !== "intact");
    expect(bad).toEqual([
      expect.objectContaining({
        id: "klagevejledning",
        status: "modified",
        changes: [expect.objectContaining({ removed: "helt", added: "" })],
      }),
    ]);
  });

  test("pasted as plain text without markers and edited: still named, with the words", () => {
    const letter = rendered("indkaldelse-telefonsamtale");
    const plain = letter.text.replace("du kontakter kommunen igen", "du kontakter jobcentret igen");
    const result = checkLegal(classifyText(plain), { registry, letterType: "indkaldelse" });
    const bad = result.scores.blocks.filter((block) => block.status !== "intact");
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({
      id: "sanktioner-ved-udeblivelse",
      version: "2",
      status: "modified",
      marked: false,
    });
    expect(bad[0]!.changes!.map(({ removed, added }) => [removed, added])).toEqual([
      ["kommunen", "jobcentret"],
    ]);
  });
});

describe("tampering with an approved block file", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "klarbrev-tamper-"));
    await cp("templates", dir, { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("templates check names the block, the templates that use it, and the changed words", async () => {
    const path = join(dir, "legal", "partshoering.v1.md");
    const source = await readFile(path, "utf8");
    await writeFile(
      path,
      source.replace("træffer vi afgørelsen ud fra", "træffer vi straks afgørelsen ud fra")
    );
    const out: string[] = [];
    const err: string[] = [];
    const code = await templates(["check", dir, "--lang", "en"], {
      stdout: (s) => out.push(s),
      stderr: (s) => err.push(s),
      cwd: dir,
    });
    const text = out.join("");
    expect(code).toBe(1);
    expect(text).toMatch(
      /partshoering-foer-fradrag\s+\S+\s+\S+\s+yes\s+unapproved: partshoering\s+\d+\s+FAIL/u
    );
    expect(text).toContain('partshoering v1: "straks" added');
    expect(text).toContain('"partshoering" version 1 has changed since');
    expect(text).toContain('"straks" added');
    // Only the one template that uses the block fails.
    expect(text.match(/FAIL/gu)).toHaveLength(1);
    expect(err.join("")).toBe("");
  });
});
