import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseApprovals } from "../../src/templates/approvals.js";
import { parseLegalBlock } from "../../src/templates/legal-blocks.js";
import { checkLibrary } from "../../src/templates/library-check.js";
import { loadLegalRegistry, loadLibrary } from "../../src/templates/library.js";
import { formatProblem, TemplateError } from "../../src/templates/problems.js";

const BAD = "test/fixtures/templates-bad/library";
const CORRUPT = "test/fixtures/templates-bad/corrupt-approvals";

describe("the project's own library passes its own check", () => {
  test("every template: renders, LIX <= 35, threat low, essentials in the lead, legal blocks intact", async () => {
    const result = checkLibrary(await loadLibrary("templates"));
    for (const template of result.templates) {
      expect({ id: template.id, failures: template.failures }).toEqual({
        id: template.id,
        failures: [],
      });
      expect(template.scores!.proseLix).toBeLessThanOrEqual(35);
      expect(template.scores!.threat).toBeLessThanOrEqual(20);
      expect(template.scores!.essentialsInLead).toBe(true);
      expect(template.scores!.detectedType).toBe(template.letterType);
      expect(template.legal.length).toBeGreaterThan(0);
      expect(template.legal.every((block) => block.status === "intact")).toBe(true);
    }
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  test("every legal block is approved; the sanction blocks say all three things", async () => {
    const library = await loadLibrary("templates");
    expect(
      library.legal.map((block) => `${block.entry.id}@${block.entry.version}:${block.state}`).sort()
    ).toEqual([
      "begrundelse@1:approved",
      "bisidder-aktindsigt@1:approved",
      "klagevejledning@1:approved",
      "oplysningspligt@1:approved",
      "partshoering@1:approved",
      "pligter-sygedagpenge@1:approved",
      "sanktioner-ved-udeblivelse@1:approved",
      "sanktioner-ved-udeblivelse@2:approved",
    ]);
    expect(library.legal.flatMap((block) => block.problems)).toEqual([]);
    const sanktioner = library.legal.filter(
      (block) => block.entry.id === "sanktioner-ved-udeblivelse"
    );
    expect(sanktioner.map((block) => block.entry.current)).toEqual([false, true]);
    expect(sanktioner[0]!.source.text).toContain("jobcentret");
    expect(sanktioner[1]!.source.text).not.toContain("jobcentret");
  });

  test("loadLegalRegistry gives klarbrev check the same registry, from the library or its legal folder", async () => {
    const fromRoot = await loadLegalRegistry("templates");
    const fromLegal = await loadLegalRegistry("templates/legal");
    expect(fromRoot.problems).toEqual([]);
    expect(fromLegal.registry).toEqual(fromRoot.registry);
    expect(fromRoot.registry.every((entry) => entry.approved && entry.hash.length === 64)).toBe(
      true
    );
  });
});

describe("bad input: one clear line naming the file, and the rest is still checked", () => {
  test("each bad file in the bad library", async () => {
    const result = checkLibrary(await loadLibrary(BAD));
    const lines = [...result.problems, ...result.templates.flatMap((template) => template.problems)]
      .filter((problem) => problem.severity === "error")
      .map(formatProblem)
      .sort();
    expect(lines).toEqual([
      `${BAD}/legal/no-id.md:2:1: legal block file has no 'id' in its front matter`,
      `${BAD}/letters/no-sample.md:2:1: template "no-sample" has no sample data ('sample:' in the front matter); the check renders every template with it`,
      `${BAD}/letters/syntax-error.md:13:12: Handlebars syntax error: unexpected character near "Kære {{navn}"`,
      `${BAD}/letters/unknown-field-type.md:8:1: field "mødedato" has unknown field type "dato"; the types are text, date, time, datetime, address, phone, money, choice`,
      `${BAD}/letters/unknown-partial.md:22:1: unknown partial "klagevejledningen": there is no legal block with that id`,
      `${BAD}/letters/unknown-partial.md:2:1: legal block "klagevejledning" is listed under 'legal' but the text never includes {{> klagevejledning}}`,
      `${BAD}/letters/unknown-partial.md:2:1: legal block "klagevejledning" needs the field "brevdato" (date); declare it under 'fields'`,
    ]);
    for (const line of lines) expect(line).not.toContain("\n");
    const good = result.templates.find((template) => template.id === "good")!;
    expect(good.ok).toBe(true);
    expect(
      result.templates.filter((template) => !template.ok).map((template) => template.id)
    ).toEqual(["no-sample", "syntax-error", "unknown-field-type", "unknown-partial"]);
    expect(result.ok).toBe(false);
  });

  test("a corrupt approvals file: an error naming it, every block unapproved, the templates still rendered", async () => {
    const result = checkLibrary(await loadLibrary(CORRUPT));
    expect(
      result.problems.filter((problem) => problem.severity === "error").map(formatProblem)
    ).toEqual([
      `${CORRUPT}/legal/approvals.json: corrupt approvals file: not valid JSON at line 1, column 45 (expected double-quoted property name)`,
    ]);
    const good = result.templates.find((template) => template.id === "good")!;
    expect(good.letter).toBeDefined();
    expect(good.legal).toEqual([
      expect.objectContaining({ id: "klagevejledning", status: "unapproved" }),
    ]);
    expect(good.failures).toEqual(["legal block klagevejledning v1 is unapproved"]);
  });

  test("approvals that are JSON but not approvals, and damaged entries", () => {
    expect(() => parseApprovals("a.json", "[]")).toThrow(TemplateError);
    expect(() => parseApprovals("a.json", "[]")).toThrow(
      'a.json: corrupt approvals file: expected { "approvals": [ ... ] }'
    );
    const parsed = parseApprovals(
      "a.json",
      JSON.stringify({
        approvals: [
          {
            id: "x",
            version: "1",
            sha256: "0".repeat(64),
            approvedBy: "A",
            approvedAt: "2026-01-01T00:00:00Z",
            text: "Tekst",
          },
          { id: "y", version: "1" },
        ],
      })
    );
    expect(parsed.approvals).toEqual([]);
    expect(parsed.problems.map(formatProblem)).toEqual([
      "a.json: approvals entry 1 (x@1): the approved text does not match its sha256; the entry is ignored",
      "a.json: approvals entry 2 (y@1): 'sha256' is missing or not text; the entry is ignored",
    ]);
  });

  test("legal block files: fixed wording only, declared fields, a version", () => {
    const parse = (front: string, body: string) =>
      parseLegalBlock("legal/x.md", `---\n${front}\n---\n${body}\n`);
    expect(
      parse(
        "id: x\nversion: 1\ntitle: X\nlegalBasis: [fvl § 19]",
        "{{#if a}}Tekst{{/if}}"
      ).problems.map(formatProblem)
    ).toEqual([
      "legal/x.md:7:1: legal text must be fixed wording: {{#if}} is not allowed in a legal block",
      "legal/x.md:7:7: field \"a\" is not declared under 'fields' in the front matter",
    ]);
    expect(
      parse(
        "id: x\nversion: 1\ntitle: X\nlegalBasis: [fvl § 19]",
        "Senest {{dato frist}}."
      ).problems.map(formatProblem)
    ).toEqual([
      "legal/x.md:7:15: field \"frist\" is not declared under 'fields' in the front matter",
    ]);
    expect(() => parse("id: x\ntitle: X", "Tekst")).toThrow(
      'legal/x.md:2:1: legal block "x" needs a version number (version: 1), not ""'
    );
    expect(() => parse("id: x\nversion: 1\ntitle: X\nfoo: [", "Tekst")).toThrow(
      "legal/x.md:5:7: YAML front matter: Flow sequence in block collection must be sufficiently indented and end with a ]"
    );
  });

  test("an incomplete sanction block is an error in the library", async () => {
    const dir = await mkdtemp(join(tmpdir(), "klarbrev-lib-"));
    try {
      await cp("templates", dir, { recursive: true });
      const path = join(dir, "legal", "sanktioner-ved-udeblivelse.v2.md");
      const source = await readFile(path, "utf8");
      // Without the sentence on getting the help back, and without "until you contact us again".
      const cut = source
        .replace("Du får hjælpen igen fra den dag, du kontakter kommunen. ", "")
        .replace(", og indtil du kontakter kommunen igen", "");
      expect(cut).not.toContain("igen");
      await writeFile(path, cut);
      const result = checkLibrary(await loadLibrary(dir, { cwd: dir }));
      expect(
        result.problems.filter((problem) => problem.severity === "error").map(formatProblem)
      ).toEqual([
        'legal/sanktioner-ved-udeblivelse.v2.md: sanction guidance "sanktioner-ved-udeblivelse" does not say hvordan borgeren får hjælpen igen (Ankestyrelsen requires all three)',
      ]);
      expect(result.ok).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("legal status of templates in the check", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "klarbrev-lib-"));
    await cp("templates", dir, { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("a template pinned to the old version of a block is outdated and fails", async () => {
    const path = join(dir, "letters", "indkaldelse-samtale.md");
    const source = await readFile(path, "utf8");
    await writeFile(
      path,
      source.replace("  - sanktioner-ved-udeblivelse\n", "  - sanktioner-ved-udeblivelse@1\n")
    );
    const result = checkLibrary(await loadLibrary(dir, { cwd: dir }));
    const template = result.templates.find((entry) => entry.id === "indkaldelse-samtale")!;
    expect(template.legal).toEqual([
      expect.objectContaining({
        id: "sanktioner-ved-udeblivelse",
        version: "1",
        status: "outdated",
        currentVersion: "2",
      }),
      expect.objectContaining({ id: "bisidder-aktindsigt", status: "intact" }),
    ]);
    expect(template.failures).toEqual(["legal block sanktioner-ved-udeblivelse v1 is outdated"]);
    expect(template.letter!.text).toContain("du kontakter jobcentret");
  });

  test("an afgørelse template without its klagevejledning: missing", async () => {
    const path = join(dir, "letters", "afslag-paa-ansoegning.md");
    const source = await readFile(path, "utf8");
    await writeFile(
      path,
      source.replace("  - klagevejledning\n", "").replace("{{> klagevejledning}}\n\n", "")
    );
    const result = checkLibrary(await loadLibrary(dir, { cwd: dir }));
    const template = result.templates.find((entry) => entry.id === "afslag-paa-ansoegning")!;
    expect(template.failures).toEqual(["legal block klagevejledning v1 is missing"]);
    expect(
      template.legalIssues
        .filter((issue) => issue.ruleId !== "legal/caseworker-text")
        .map((issue) => issue.message)
    ).toEqual([
      "Brevet er en afgørelse og mangler klagevejledning (forvaltningsloven § 25; retssikkerhedsloven §§ 66-67).",
    ]);
  });

  test("a template whose prose is hard to read fails on LIX", async () => {
    const path = join(dir, "letters", "anmodning-dokumentation.md");
    const source = await readFile(path, "utf8");
    const heavy =
      "Kommunen skal hermed anmode om fremsendelse af nødvendig dokumentation vedrørende økonomiske forhold, således at sagsbehandlingen kan færdiggøres uden unødvendig forsinkelse og i overensstemmelse med gældende lovgivning og administrativ praksis på beskæftigelsesområdet.";
    await writeFile(
      path,
      source.replace("Du kan sende dem på borger.dk eller tage dem med til os.", heavy)
    );
    const result = checkLibrary(await loadLibrary(dir, { cwd: dir }));
    const template = result.templates.find((entry) => entry.id === "anmodning-dokumentation")!;
    expect(template.ok).toBe(false);
    expect(
      template.failures.some((failure) => /^prose LIX \d+(\.\d)? is above 35$/u.test(failure))
    ).toBe(true);
  });
});
