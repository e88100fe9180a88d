import { buildLetter, type BlockInput, type Letter } from "../../src/engine/letter/model.js";
import { classifyText } from "../../src/engine/letter/classify.js";
import {
  checkLegal,
  compileLegalText,
  diffLegalText,
  matchesLegalText,
  normaliseLegalText,
  recogniseLegalBlocks,
  type LegalRegistryEntry,
} from "../../src/engine/rules/legal/index.js";

/** A small registry written out in full, so each status is tested on text we can see. */
const KLAGE_V1 =
  "Hvis du vil klage\nDu kan klage over afgørelsen. Vi skal have din klage senest {{dato (fireUgerEfter brevdato)}}. Vi ser på sagen igen, før den går videre til Ankestyrelsen.";
const SANKTION_V1 =
  "Hvis du ikke kan komme\nKommer du ikke til en samtale, og har du ikke en rimelig grund, får du et fradrag i din hjælp. Du får hjælpen igen fra den dag, du kontakter jobcentret.";
const SANKTION_V2 =
  "Hvis du ikke kan komme\nKommer du ikke til en samtale, og har du ikke en rimelig grund, får du et fradrag i din hjælp. Du får hjælpen igen fra den dag, du kontakter kommunen.";
const HOERING_V1 =
  "Din ret til at komme med bemærkninger\nVi skal have dine bemærkninger senest {{dato svarfrist}}. Hører vi ikke fra dig, træffer vi afgørelsen ud fra de oplysninger, vi har.";

function entry(
  partial: Partial<LegalRegistryEntry> & Pick<LegalRegistryEntry, "id" | "version" | "text">
): LegalRegistryEntry {
  return {
    title: partial.id,
    legalBasis: [],
    requiredFor: [],
    hash: "not-checked-by-the-engine",
    approved: true,
    approvedText: partial.text,
    current: true,
    ...partial,
  };
}

const REGISTRY: LegalRegistryEntry[] = [
  entry({
    id: "klagevejledning",
    version: "1",
    title: "Klagevejledning",
    text: KLAGE_V1,
    requiredFor: ["afgørelse"],
    legalBasis: ["forvaltningsloven § 25"],
  }),
  entry({
    id: "sanktioner",
    version: "1",
    title: "Vejledning om pligter",
    text: SANKTION_V1,
    current: false,
    requiredFor: ["indkaldelse"],
    sanction: true,
  }),
  entry({
    id: "sanktioner",
    version: "2",
    title: "Vejledning om pligter",
    text: SANKTION_V2,
    requiredFor: ["indkaldelse"],
    sanction: true,
  }),
  entry({
    id: "partshoering",
    version: "1",
    title: "Partshøring",
    text: HOERING_V1,
    requiredFor: ["partshøring"],
  }),
];

const KLAGE_RENDERED =
  "Hvis du vil klage\nDu kan klage over afgørelsen. Vi skal have din klage senest mandag den 4. januar 2027. Vi ser på sagen igen, før den går videre til Ankestyrelsen.";

function letterWith(...legal: { id: string; version: string; text: string }[]): Letter {
  const inputs: BlockInput[] = [
    { kind: "subject", text: "Du får hjælp til kursus", level: 1 },
    { kind: "greeting", text: "Kære Jens" },
    {
      kind: "paragraph",
      text: "Vi har besluttet, at du får hjælp til kurset. Du starter mandag den 7. december 2026.",
    },
    { kind: "closing", text: "Med venlig hilsen" },
    { kind: "signature", text: "Birgitte Holm\nJobkonsulent" },
    ...legal.map((block): BlockInput => ({
      kind: "legal",
      text: block.text,
      legal: { id: block.id, version: block.version },
    })),
  ];
  return buildLetter(inputs);
}

describe("normalisation and matching", () => {
  test("NFC, collapsed white space, trimmed", () => {
    expect(normaliseLegalText("  Du  kan\n\tklage  ")).toBe("Du kan klage");
    expect(normaliseLegalText("Ankestyrelsen la\u030Ag")).toBe("Ankestyrelsen låg");
  });

  test("fields are wildcards: a rendered klagevejledning matches its approved text", () => {
    expect(matchesLegalText(KLAGE_RENDERED, KLAGE_V1)).toBe(true);
    // Re-wrapped lines are no change of wording.
    expect(matchesLegalText(KLAGE_RENDERED.replaceAll(" ", "\n"), KLAGE_V1)).toBe(true);
  });

  test("a dato field only matches a date, so a word next to it cannot hide in it", () => {
    expect(
      matchesLegalText(KLAGE_RENDERED.replace("senest mandag", "senest ikke mandag"), KLAGE_V1)
    ).toBe(false);
    expect(compileLegalText(KLAGE_V1).exact.test(normaliseLegalText(KLAGE_RENDERED))).toBe(true);
  });

  test("Handlebars comments are not part of the wording", () => {
    expect(matchesLegalText("Du kan klage.", "Du kan {{!-- note til juristerne --}}klage.")).toBe(
      true
    );
  });
});

describe("word diff against the approved text", () => {
  test("one changed word next to a date field is named exactly", () => {
    const changed = KLAGE_RENDERED.replace("senest mandag", "inden mandag");
    const diff = diffLegalText(compileLegalText(KLAGE_V1), changed, 100);
    expect(diff.changes).toEqual([
      {
        removed: "senest",
        added: "inden",
        start: 100 + changed.indexOf("inden"),
        end: 100 + changed.indexOf("inden") + 5,
      },
    ]);
  });

  test("an added word, a removed word", () => {
    const added = diffLegalText(
      compileLegalText(SANKTION_V2),
      SANKTION_V2.replace("får du et fradrag", "får du altid et fradrag"),
      0
    );
    expect(added.changes.map(({ removed, added: plus }) => [removed, plus])).toEqual([
      ["", "altid"],
    ]);
    const removed = diffLegalText(
      compileLegalText(SANKTION_V2),
      SANKTION_V2.replace(" igen fra", " fra"),
      0
    );
    expect(removed.changes.map(({ removed: minus, added: plus }) => [minus, plus])).toEqual([
      ["igen", ""],
    ]);
  });

  test("an untouched text has no changes", () => {
    expect(diffLegalText(compileLegalText(KLAGE_V1), KLAGE_RENDERED, 0)).toMatchObject({
      cost: 0,
      changes: [],
    });
  });
});

describe("integrity statuses of protected blocks", () => {
  const statusOf = (letter: Letter) =>
    recogniseLegalBlocks(letter, REGISTRY).map(({ id, version, status }) => ({
      id,
      version,
      status,
    }));

  test("intact: the approved text of the current version, fields filled in", () => {
    const letter = letterWith({ id: "klagevejledning", version: "1", text: KLAGE_RENDERED });
    expect(statusOf(letter)).toEqual([{ id: "klagevejledning", version: "1", status: "intact" }]);
    expect(checkLegal(letter, { registry: REGISTRY, letterType: "afgørelse" }).issues).toEqual([]);
  });

  test("modified: the finding names the block and exactly the changed words", () => {
    const tampered = KLAGE_RENDERED.replace("Ankestyrelsen", "Byretten");
    const letter = letterWith({ id: "klagevejledning", version: "1", text: tampered });
    const result = checkLegal(letter, { registry: REGISTRY, letterType: "afgørelse" });
    expect(result.scores.blocks).toMatchObject([
      { id: "klagevejledning", version: "1", status: "modified" },
    ]);
    expect(result.scores.blocks[0]!.changes).toEqual([
      expect.objectContaining({ removed: "Ankestyrelsen", added: "Byretten" }),
    ]);
    const issue = result.issues.find((entry) => entry.ruleId === "legal/modified")!;
    expect(issue.severity).toBe("error");
    expect(issue.message).toContain('"Klagevejledning" (klagevejledning, version 1)');
    expect(issue.message).toContain('"Ankestyrelsen" er skiftet til "Byretten"');
    // The finding points at the changed word in the letter.
    expect(letter.text.slice(issue.start, issue.end)).toBe("Byretten");
  });

  test("a modified block read before and moved down the letter points at its words there", () => {
    const tampered = KLAGE_RENDERED.replace("Ankestyrelsen", "Byretten");
    const legal = { id: "klagevejledning", version: "1" };
    const first = buildLetter([{ kind: "legal", text: tampered, legal }]);
    const moved = buildLetter([
      { kind: "paragraph", text: "Vi har nu set på din sag igen." },
      { kind: "legal", text: tampered, legal },
    ]);
    for (const letter of [first, moved, first]) {
      const [block] = recogniseLegalBlocks(letter, REGISTRY);
      const change = block!.changes![0]!;
      expect(letter.text.slice(change.start, change.end)).toBe("Byretten");
      expect(letter.text.slice(block!.start, block!.end)).toBe(tampered);
    }
  });

  test("outdated: the approved text of an older version", () => {
    const letter = letterWith({ id: "sanktioner", version: "1", text: SANKTION_V1 });
    const result = checkLegal(letter, { registry: REGISTRY, letterType: "indkaldelse" });
    expect(result.scores.blocks).toEqual([
      expect.objectContaining({
        id: "sanktioner",
        version: "1",
        status: "outdated",
        currentVersion: "2",
      }),
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({ ruleId: "legal/outdated", severity: "warning" }),
    ]);
  });

  test("a block marked as version 2 whose words are version 1's is outdated, and says so", () => {
    const letter = letterWith({ id: "sanktioner", version: "2", text: SANKTION_V1 });
    const [block] = recogniseLegalBlocks(letter, REGISTRY);
    expect(block).toMatchObject({ version: "1", markedVersion: "2", status: "outdated" });
    const issue = checkLegal(letter, { registry: REGISTRY, letterType: "indkaldelse" }).issues[0]!;
    expect(issue.message).toContain("markeret som version 2, men ordlyden er version 1");
  });

  test("unapproved: a text changed after approval; the diff shows the words", () => {
    const edited = SANKTION_V2.replace("en rimelig grund", "en god grund");
    const registry = REGISTRY.map((item) =>
      item.id === "sanktioner" && item.version === "2"
        ? { ...item, text: edited, approved: false }
        : item
    );
    const letter = letterWith({ id: "sanktioner", version: "2", text: edited });
    const result = checkLegal(letter, { registry, letterType: "indkaldelse" });
    expect(result.scores.blocks).toMatchObject([
      { id: "sanktioner", version: "2", status: "unapproved" },
    ]);
    expect(result.scores.blocks[0]!.changes).toEqual([
      expect.objectContaining({ removed: "rimelig", added: "god" }),
    ]);
    expect(result.issues[0]).toMatchObject({ ruleId: "legal/unapproved", severity: "error" });
    // The approved text itself is still intact in a letter that carries it.
    const old = letterWith({ id: "sanktioner", version: "2", text: SANKTION_V2 });
    expect(recogniseLegalBlocks(old, registry)[0]!.status).toBe("intact");
  });

  test("unapproved: a version that was never approved", () => {
    const registry = REGISTRY.map((item) =>
      item.id === "klagevejledning" ? { ...item, approved: false, approvedText: undefined } : item
    );
    const letter = letterWith({ id: "klagevejledning", version: "1", text: KLAGE_RENDERED });
    expect(recogniseLegalBlocks(letter, registry)[0]).toMatchObject({ status: "unapproved" });
  });

  test("missing: an afgørelse without klagevejledning, with the legal basis in the message", () => {
    const letter = letterWith();
    const result = checkLegal(letter, { registry: REGISTRY, letterType: "afgørelse" });
    expect(result.scores.blocks).toEqual([
      expect.objectContaining({ id: "klagevejledning", version: "1", status: "missing" }),
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({
        ruleId: "legal/missing",
        severity: "error",
        message: "Brevet er en afgørelse og mangler klagevejledning (forvaltningsloven § 25).",
      }),
    ]);
  });

  test("an old version still meets the requirement (it is outdated, not missing)", () => {
    const letter = letterWith({ id: "sanktioner", version: "1", text: SANKTION_V1 });
    const statuses = checkLegal(letter, {
      registry: REGISTRY,
      letterType: "indkaldelse",
    }).scores.blocks.map((block) => block.status);
    expect(statuses).toEqual(["outdated"]);
  });

  test("blocks of one group stand in for each other", () => {
    const registry = [
      ...REGISTRY.map((item) => (item.id === "sanktioner" ? { ...item, group: "pligter" } : item)),
      entry({
        id: "pligter-sygedagpenge",
        version: "1",
        text: "Du skal deltage i opfølgningen.",
        group: "pligter",
        requiredFor: ["indkaldelse"],
      }),
    ];
    const withSick = letterWith({
      id: "pligter-sygedagpenge",
      version: "1",
      text: "Du skal deltage i opfølgningen.",
    });
    expect(checkLegal(withSick, { registry, letterType: "indkaldelse" }).issues).toEqual([]);
    const without = checkLegal(letterWith(), { registry, letterType: "indkaldelse" });
    expect(without.scores.blocks).toEqual([
      expect.objectContaining({ id: "pligter", status: "missing" }),
    ]);
  });

  test("unknown: a marked block that is not in the registry", () => {
    const letter = letterWith({
      id: "hjemmelavet",
      version: "1",
      text: "Vi kan stoppe din hjælp.",
    });
    expect(recogniseLegalBlocks(letter, REGISTRY)[0]).toMatchObject({
      id: "hjemmelavet",
      status: "unknown",
    });
    const letter2 = letterWith({
      id: "klagevejledning",
      version: "9",
      text: "Helt anden tekst om noget.",
    });
    expect(recogniseLegalBlocks(letter2, REGISTRY)[0]).toMatchObject({
      id: "klagevejledning",
      version: "9",
      status: "unknown",
    });
  });
});

describe("without a registry", () => {
  test("protected blocks are unverified, and an afgørelse without appeal words misses its klagevejledning", () => {
    const letter = letterWith({ id: "sanktioner", version: "2", text: SANKTION_V2 });
    const result = checkLegal(letter, { letterType: "afgørelse" });
    expect(result.scores.blocks).toEqual([
      expect.objectContaining({ id: "sanktioner", version: "2", status: "unverified" }),
      expect.objectContaining({ id: "klagevejledning", status: "missing" }),
    ]);
  });

  test("appeal words count as an unverified klagevejledning", () => {
    const letter = letterWith({
      id: "klagevejledning",
      version: "1",
      text: "Du kan klage inden 4 uger til kommunen.",
    });
    const blocks = checkLegal(letter, { letterType: "afgørelse" }).scores.blocks;
    expect(blocks.map((block) => block.status)).toEqual(["unverified"]);
  });
});

describe("guidance in plain text without markers", () => {
  const plain = (legal: string) =>
    `Jobcenter Randers\n\nDu får hjælp til kursus\n\nKære Jens\n\nVi har besluttet, at du får hjælp til kurset. Du starter mandag den 7. december 2026.\n\nMed venlig hilsen\nBirgitte Holm\n\n${legal}`;

  test("recognised by the registry's text: intact, and a note that it is not protected", () => {
    const letter = classifyText(plain(KLAGE_RENDERED));
    const result = checkLegal(letter, { registry: REGISTRY, letterType: "afgørelse" });
    expect(result.scores.blocks).toEqual([
      expect.objectContaining({ id: "klagevejledning", status: "intact", marked: false }),
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({ ruleId: "legal/unmarked", severity: "info" }),
    ]);
    const block = result.scores.blocks[0]!;
    expect(letter.text.slice(block.start, block.end)).toBe(KLAGE_RENDERED);
  });

  test("the old version's words are recognised as outdated", () => {
    const letter = classifyText(plain(SANKTION_V1));
    expect(recogniseLegalBlocks(letter, REGISTRY)).toEqual([
      expect.objectContaining({ id: "sanktioner", version: "1", status: "outdated" }),
    ]);
  });

  test("an edited copy is recognised as modified, with the changed words", () => {
    const letter = classifyText(
      plain(KLAGE_RENDERED.replace("Du kan klage", "Du kan eventuelt klage"))
    );
    const [block] = recogniseLegalBlocks(letter, REGISTRY);
    expect(block).toMatchObject({ id: "klagevejledning", status: "modified", marked: false });
    expect(block!.changes).toEqual([expect.objectContaining({ removed: "", added: "eventuelt" })]);
  });

  test("an edited copy is found the same with the registry read before and with a new one", () => {
    // The close matching keeps its reading of a registry's texts per registry.
    const edited = (word: string) =>
      classifyText(plain(KLAGE_RENDERED.replace("Du kan klage", `Du kan ${word} klage`)));
    const first = recogniseLegalBlocks(edited("eventuelt"), REGISTRY);
    const again = recogniseLegalBlocks(edited("altid"), REGISTRY);
    const copy = recogniseLegalBlocks(edited("altid"), [...REGISTRY]);
    expect(first[0]).toMatchObject({ id: "klagevejledning", status: "modified" });
    expect(again).toEqual(copy);
    expect(again[0]!.changes).toEqual([expect.objectContaining({ removed: "", added: "altid" })]);
  });

  test("ordinary prose is not taken for guidance", () => {
    const letter = classifyText(
      plain("Du kan ringe til os, hvis du har spørgsmål til afgørelsen.")
    );
    expect(recogniseLegalBlocks(letter, REGISTRY)).toEqual([]);
  });
});

describe("partshøring deadline", () => {
  const hearing = (text: string) =>
    buildLetter([
      { kind: "subject", text: "Dine bemærkninger", level: 1 },
      { kind: "paragraph", text },
    ]);

  test("a partshøring without a deadline gets legal/hearing-deadline", () => {
    const result = checkLegal(
      hearing("Vi overvejer at trække penge fra din hjælp. Fortæl os, hvad du mener."),
      { letterType: "partshøring" }
    );
    expect(result.issues.map((issue) => issue.ruleId)).toContain("legal/hearing-deadline");
  });

  test("a date after 'senest' is a deadline; so is an essentials deadline fact", () => {
    const withDate = checkLegal(
      hearing("Vi skal have dit svar senest onsdag den 2. december 2026."),
      { letterType: "partshøring" }
    );
    expect(withDate.issues.map((issue) => issue.ruleId)).not.toContain("legal/hearing-deadline");
    const withFact = checkLegal(hearing("Svar os snarest."), {
      letterType: "partshøring",
      facts: [{ kind: "deadline", text: "snarest", value: "snarest", start: 0, end: 7 }],
    });
    expect(withFact.issues.map((issue) => issue.ruleId)).not.toContain("legal/hearing-deadline");
  });
});
