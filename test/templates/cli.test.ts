import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { run as legal } from "../../src/cli/commands/legal.js";
import { run as render } from "../../src/cli/commands/render.js";
import { run as templates } from "../../src/cli/commands/templates.js";
import { assertLetter, type Letter } from "../../src/engine/letter/model.js";
import { legalTextHash } from "../../src/templates/hash.js";

const ROOT = resolve(".");
const NOW = new Date("2026-11-22T10:15:00.000Z");

interface Captured {
  code: number;
  out: string;
  err: string;
}

type Command = typeof templates;

async function call(command: Command, argv: string[], cwd = ROOT): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(argv, {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    cwd,
    now: () => NOW,
  });
  return { code, out: out.join(""), err: err.join("") };
}

/** Each stderr line is one complete error message: `klarbrev: ...`, no stack trace. */
/** A copy of the shipped library with afslag-paa-ansoegning.md edited, for `use`, then removed. */
async function withEditedRefusal(
  edit: (source: string) => string,
  use: (dir: string) => Promise<void>
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "klarbrev-edited-"));
  try {
    await cp(join(ROOT, "templates"), dir, { recursive: true });
    const file = join(dir, "letters", "afslag-paa-ansoegning.md");
    await writeFile(file, edit(await readFile(file, "utf8")));
    await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function errorLines(err: string): string[] {
  const lines = err.split("\n").filter(Boolean);
  for (const line of lines) expect(line).toMatch(/^klarbrev: /u);
  expect(err).not.toMatch(/\n\s+at /u);
  return lines;
}

describe("klarbrev templates", () => {
  test("check: the library passes; a Danish table with LIX, threat, lead, legal status and findings", async () => {
    const result = await call(templates, ["check", "templates"]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const lines = result.out.split("\n");
    expect(lines[0]).toMatch(
      /^Skabelon\s+LIX\s+Trussel\s+Vigtigst først\s+Juridisk\s+Fund\s+Resultat$/u
    );
    expect(
      lines.filter((line) => /\d,\d\s+0\s+ja\s+i orden\s+0\s+består$/u.test(line))
    ).toHaveLength(8);
    expect(result.out).toContain("8 skabeloner: alle består.");
  });

  test("check --lang en: the same table in English", async () => {
    const result = await call(templates, ["check", "templates", "--lang", "en"]);
    expect(result.code).toBe(0);
    const lines = result.out.split("\n");
    expect(lines[0]).toMatch(/^Template\s+LIX\s+Threat\s+Lead\s+Legal\s+Findings\s+Result$/u);
    expect(lines.filter((line) => /\s+ok$/u.test(line))).toHaveLength(8);
    expect(result.out).toContain("8 templates: all pass.");
    const bad = await call(templates, ["check", "templates", "--lang", "fr"]);
    expect([bad.code, bad.err]).toEqual([
      2,
      "klarbrev: templates: --lang must be one of da, en, not 'fr' (see klarbrev templates --help)\n",
    ]);
  });

  test("check --format json: one document with scores and legal statuses", async () => {
    const result = await call(templates, ["check", "templates", "--format", "json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as {
      ok: boolean;
      templates: {
        id: string;
        ok: boolean;
        scores: { proseLix: number };
        legal: { id: string; version: string; status: string }[];
      }[];
      legal: { id: string; state: string }[];
    };
    expect(json.ok).toBe(true);
    expect(json.templates).toHaveLength(8);
    const praktik = json.templates.find(
      (template) => template.id === "afgoerelse-virksomhedspraktik"
    )!;
    expect(praktik.legal).toEqual([
      { id: "begrundelse", version: "1", status: "intact" },
      { id: "sanktioner-ved-udeblivelse", version: "2", status: "intact" },
      { id: "klagevejledning", version: "1", status: "intact" },
    ]);
    expect(json.legal.every((block) => block.state === "approved")).toBe(true);
  });

  test("check --html: one self-contained page a lawyer can read", async () => {
    const dir = await mkdtemp(join(tmpdir(), "klarbrev-html-"));
    try {
      const path = join(dir, "rapport.html");
      const result = await call(templates, ["check", "templates", "--html", path]);
      expect(result.code).toBe(0);
      const html = await readFile(path, "utf8");
      expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
      expect(html).toContain('<html lang="da">');
      // Self-contained: one inline script allowed by its hash, no external resources.
      expect(html).not.toMatch(/<script\s[^>]*src|<link|src=|url\(|https?:\/\//u);
      expect(html).toContain("Alle 8 skabeloner består tjekket.");
      expect(html).toContain("Afgørelse om tilbud (virksomhedspraktik)");
      expect(html).toContain('class="legal status-intact"');
      // The shipped approvals are drafts: never called "godkendt" (issue 11, section 5).
      expect(html).toContain(
        "Juridisk tekst: <strong>Klagevejledning</strong> · version 1 · udkast: skal godkendes af kommunens jurister (udkastet er fra Klarbrev-projektet, 22. november 2026) · status: <strong>uændret i forhold til udkastet</strong>"
      );
      expect(html).not.toMatch(/godkendt af Klarbrev/u);
      expect(html).toContain("<h4>Version 1 (forældet)</h4>");
      // The old version is a word diff against the new one, not a second full text.
      expect(html).toContain("Forskel fra version 1 til version 2");
      expect(html).toContain("<del>jobcentret</del>");
      expect(html).toContain(
        "Retsgrundlag</th><td>forvaltningsloven § 25; retssikkerhedsloven §§ 66-67"
      );
      expect(html).toMatch(/Dannet 22\. november 2026 kl\. \d\d\.\d\d/u);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("check --html marks a tampered block and shows the changed words", async () => {
    const dir = await mkdtemp(join(tmpdir(), "klarbrev-html-"));
    try {
      await cp("templates", join(dir, "lib"), { recursive: true });
      const path = join(dir, "lib", "legal", "klagevejledning.v1.md");
      await writeFile(
        path,
        (await readFile(path, "utf8")).replace("ser vi på sagen igen", "ser vi måske på sagen igen")
      );
      const result = await call(templates, ["check", "lib", "--html", "r.html"], dir);
      expect(result.code).toBe(1);
      const html = await readFile(join(dir, "r.html"), "utf8");
      expect(html).toContain('class="legal status-unapproved"');
      expect(html).toContain("<ins>måske</ins>");
      expect(html).toContain(
        "Ændret i forhold til den godkendte tekst: &quot;måske&quot; er tilføjet"
      );
      expect(html).toContain("ændret siden godkendelsen");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("check on the bad library: one line per bad file on stderr, the good template still checked, exit 2", async () => {
    const result = await call(templates, ["check", "test/fixtures/templates-bad/library"]);
    expect(result.code).toBe(2);
    const lines = errorLines(result.err);
    expect(lines).toHaveLength(7);
    expect(lines).toContain(
      'klarbrev: test/fixtures/templates-bad/library/letters/syntax-error.md:13:12: Handlebars syntax error: unexpected character near "Kære {{navn}"'
    );
    expect(result.out).toMatch(/^good\s+\S+\s+\S+\s+ja\s+i orden\s+\d+\s+består$/mu);
    expect(result.out).toMatch(/^syntax-error\s+-\s+-\s+-\s+-\s+0\s+BESTÅR IKKE$/mu);
  });

  test("check on a corrupt approvals file: exit 2, named, the template still reported", async () => {
    const result = await call(templates, [
      "check",
      "test/fixtures/templates-bad/corrupt-approvals",
      "--format",
      "json",
    ]);
    expect(result.code).toBe(2);
    expect(errorLines(result.err)).toEqual([
      "klarbrev: test/fixtures/templates-bad/corrupt-approvals/legal/approvals.json: corrupt approvals file: not valid JSON at line 1, column 45 (expected double-quoted property name)",
    ]);
    const json = JSON.parse(result.out) as {
      templates: { id: string; legal: { status: string }[] }[];
    };
    expect(json.templates[0]).toMatchObject({ id: "good", legal: [{ status: "unapproved" }] });
  });

  test("list: templates with their fields and legal blocks", async () => {
    const result = await call(templates, ["list", "templates"]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /^indkaldelse-samtale\s+indkaldelse\s+Indkaldelse til samtale \(personligt fremmøde\)\s+navn, mødedato, mødetid, sted, adresse, lokale\?, .*sanktioner-ved-udeblivelse, bisidder-aktindsigt$/mu
    );
  });

  test("list --lang en: English titles; Danish by default and where a template has no titleEn", async () => {
    const english = await call(templates, ["list", "templates", "--lang", "en"]);
    expect(english.code).toBe(0);
    expect(english.out).toMatch(
      /^indkaldelse-samtale\s+indkaldelse\s+Notice to attend a meeting \(in person\)\s+navn, mødedato/mu
    );
    expect(english.out).toMatch(
      /^afslag-paa-ansoegning\s+afgørelse\s+Refusal of an application\s/mu
    );
    expect(english.out).not.toMatch(/Indkaldelse til samtale|Afslag på ansøgning/u);
    const danish = await call(templates, ["list", "templates"]);
    expect(danish.out).toMatch(/^afslag-paa-ansoegning\s+afgørelse\s+Afslag på ansøgning\s/mu);
    expect(danish.out).not.toMatch(/Refusal of an application/u);
    // A template written before English existed keeps its Danish title under --lang en.
    await withEditedRefusal(
      (source) => source.replace(/^\s*(?:titleEn|descriptionEn|labelEn|helpEn):.*\n/gmu, ""),
      async (dir) => {
        const mixed = await call(templates, ["list", dir, "--lang", "en"]);
        expect(mixed.code).toBe(0);
        expect(mixed.err).toBe("");
        expect(mixed.out).toMatch(/^afslag-paa-ansoegning\s+afgørelse\s+Afslag på ansøgning\s/mu);
        expect(mixed.out).toMatch(/^afgoerelse-fradrag\s+afgørelse\s+Decision on a deduction\s/mu);
      }
    );
    const json = JSON.parse(
      (await call(templates, ["list", "templates", "--format", "json"])).out
    ) as {
      id: string;
      title: string;
      titleEn?: string;
      fields: { name: string; labelEn?: string; helpEn?: string }[];
    }[];
    expect(json.find((entry) => entry.id === "indkaldelse-samtale")).toMatchObject({
      title: "Indkaldelse til samtale (personligt fremmøde)",
      titleEn: "Notice to attend a meeting (in person)",
      fields: expect.arrayContaining([
        expect.objectContaining({
          name: "mødedato",
          labelEn: "Meeting date",
          helpEn: "The day of the meeting",
        }),
      ]),
    });
  });

  test("check: a template left partly in English is a warning, never a failure", async () => {
    await withEditedRefusal(
      (source) => source.replace(/^titleEn:.*\n/mu, "").replace(/^ {4}helpEn: Your name\n/mu, ""),
      async (dir) => {
        const result = await call(templates, ["check", dir]);
        expect(result.err).toBe("");
        expect(result.code).toBe(0);
        expect(result.out).toContain(
          'letters/afslag-paa-ansoegning.md:2:1: warning: template "afslag-paa-ansoegning" is partly in English: no titleEn, helpEn of "sagsbehandler"; the English UI shows the Danish text there'
        );
        expect(result.out).toContain("8 skabeloner: alle består.");
      }
    );
  });

  test("usage errors are one line and exit 2", async () => {
    expect(await call(templates, ["chekc"])).toEqual({
      code: 2,
      out: "",
      err: "klarbrev: templates: unknown action 'chekc'; the actions are check, list (see klarbrev templates --help)\n",
    });
    const missing = await call(templates, ["check", "no/such/dir"]);
    expect(missing.code).toBe(2);
    expect(errorLines(missing.err)).toEqual([
      `klarbrev: no/such/dir: not a template library: there is no letters/ or legal/ folder`,
    ]);
    expect((await call(templates, ["check", "templates", "--lix-target", "lots"])).err).toBe(
      "klarbrev: templates: --lix-target must be a number from 0 to 100, not 'lots' (see klarbrev templates --help)\n"
    );
    expect((await call(templates, ["--help"])).out).toContain(
      "Usage: klarbrev templates check [DIR]"
    );
  });
});

describe("klarbrev render", () => {
  test("text: the letter as the citizen reads it", async () => {
    const result = await call(render, ["indkaldelse-samtale", "--sample", "--dir", "templates"]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /^Samtale mandag den 7\. december 2026 kl\. 10\.00\n\nKære Jens\n\nDu skal til samtale hos os mandag den 7\. december 2026 kl\. 10\.00\./u
    );
    expect(result.out).toContain("ring til os på 89 15 10 00");
    expect(result.out).not.toContain("klarbrev:legal");
  });

  test("md: with protected-block markers; json: a Letter", async () => {
    const md = await call(render, [
      "afslag-paa-ansoegning",
      "--sample",
      "--format",
      "md",
      "--dir",
      "templates",
    ]);
    expect(md.out).toContain(
      '<!-- klarbrev:legal id="klagevejledning" version="1" title="Klagevejledning" fields="30. november 2026|mandag den 28. december 2026" -->\nHvis du vil klage'
    );
    const json = await call(render, [
      "afslag-paa-ansoegning",
      "--sample",
      "--format",
      "json",
      "--dir",
      "templates",
    ]);
    const letter = JSON.parse(json.out) as Letter;
    assertLetter(letter);
    expect(
      letter.blocks.filter((block) => block.kind === "legal").map((block) => block.legal)
    ).toEqual([
      {
        id: "begrundelse",
        version: "1",
        title: "Begrundelse",
        fieldValues: [
          "§ 82 i aktivloven",
          "Reglen siger, at kommunen kan give hjælp til tandbehandling, hvis du ikke selv har råd til at betale.",
          "du har 24.000 kr. i banken, og at regningen er på 6.500 kr.",
        ],
      },
      {
        id: "klagevejledning",
        version: "1",
        title: "Klagevejledning",
        fieldValues: ["30. november 2026", "mandag den 28. december 2026"],
      },
      { id: "bisidder-aktindsigt", version: "1", title: "Ret til bisidder og aktindsigt" },
    ]);
  });

  test("--data: values from a JSON file; a missing field names the field and the template", async () => {
    const dir = await mkdtemp(join(tmpdir(), "klarbrev-render-"));
    try {
      const data = {
        navn: "Amira",
        samtaledato: "2026-12-14",
        samtaletid: "11:00",
        borgertelefon: "22334455",
        telefon: "89151000",
        sagsbehandler: "Jonas Lund",
        stilling: "Jobkonsulent",
        afdeling: "Jobcenter Randers",
      };
      await writeFile(join(dir, "data.json"), JSON.stringify(data));
      const ok = await call(
        render,
        ["indkaldelse-telefonsamtale", "--data", "data.json", "--dir", join(ROOT, "templates")],
        dir
      );
      expect(ok.code).toBe(0);
      expect(ok.out).toContain(
        "Vi ringer til dig mandag den 14. december 2026 kl. 11.00 på 22 33 44 55."
      );

      const partial: Partial<typeof data> = { ...data };
      delete partial.samtaletid;
      await writeFile(join(dir, "partial.json"), JSON.stringify(partial));
      const missing = await call(
        render,
        ["indkaldelse-telefonsamtale", "--data", "partial.json", "--dir", join(ROOT, "templates")],
        dir
      );
      expect(missing.code).toBe(2);
      expect(missing.out).toBe("");
      expect(errorLines(missing.err)).toEqual([
        `klarbrev: ${join(ROOT, "templates/letters/indkaldelse-telefonsamtale.md")}: template "indkaldelse-telefonsamtale": missing required field "samtaletid" (Klokkeslæt, vi ringer)`,
      ]);

      await writeFile(join(dir, "broken.json"), "{ navn: Amira }");
      const broken = await call(
        render,
        ["indkaldelse-telefonsamtale", "--data", "broken.json", "--dir", join(ROOT, "templates")],
        dir
      );
      expect(broken.code).toBe(2);
      expect(errorLines(broken.err)).toEqual([
        "klarbrev: broken.json: not valid JSON at line 1, column 3 (expected property name or '}')",
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("a template file path; an unknown template; a broken template", async () => {
    const path = await call(render, [
      "test/fixtures/templates-bad/library/letters/good.md",
      "--sample",
      "--dir",
      "test/fixtures/templates-bad/library",
    ]);
    expect(path.code).toBe(0);
    expect(path.out).toContain(
      "Vi har besluttet, at du får hjælp til kurset. Du starter mandag den 7. december 2026."
    );
    const unknown = await call(render, ["indkaldelse", "--sample", "--dir", "templates"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(
      /^klarbrev: render: there is no template 'indkaldelse'; the templates are afgoerelse-fradrag, /u
    );
    const broken = await call(render, [
      "syntax-error",
      "--sample",
      "--dir",
      "test/fixtures/templates-bad/library",
    ]);
    expect(broken.code).toBe(2);
    expect(errorLines(broken.err)).toEqual([
      'klarbrev: test/fixtures/templates-bad/library/letters/syntax-error.md:13:12: Handlebars syntax error: unexpected character near "Kære {{navn}"',
    ]);
    const partial = await call(render, [
      "unknown-partial",
      "--sample",
      "--dir",
      "test/fixtures/templates-bad/library",
    ]);
    expect(errorLines(partial.err)).toEqual([
      'klarbrev: test/fixtures/templates-bad/library/letters/unknown-partial.md:22:1: unknown partial "klagevejledningen": there is no legal block with that id',
    ]);
    expect((await call(render, ["x"])).err).toBe(
      "klarbrev: render: give the field values with --data FILE (or --sample) (see klarbrev render --help)\n"
    );
  });
});

describe("klarbrev legal", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "klarbrev-legal-"));
    await cp("templates", join(dir, "templates"), { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("list: blocks, versions, approval", async () => {
    const result = await call(legal, ["list"], dir);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^sanktioner-ved-udeblivelse\s+1\s+old\s+approved\s+/mu);
    expect(result.out).toMatch(
      /^sanktioner-ved-udeblivelse\s+2\s+current\s+approved\s+.*aktivloven §§ 35-36\s+indkaldelse$/mu
    );
    const json = JSON.parse((await call(legal, ["list", "--format", "json"], dir)).out) as {
      id: string;
      sha256: string;
    }[];
    expect(json).toHaveLength(8);
  });

  test("approvals roundtrip: edit, see it unapproved with the words, approve, approved again; other entries kept", async () => {
    const approvalsPath = join(dir, "templates", "legal", "approvals.json");
    const before = JSON.parse(await readFile(approvalsPath, "utf8")) as {
      approvals: { id: string; version: string }[];
    };
    const blockPath = join(dir, "templates", "legal", "partshoering.v1.md");
    const edited = (await readFile(blockPath, "utf8")).replace(
      "Har du brug for mere tid, så sig det.",
      "Har du brug for mere tid, så ring til os."
    );
    await writeFile(blockPath, edited);

    const listed = await call(legal, ["list"], dir);
    expect(listed.code).toBe(1);
    expect(listed.out).toMatch(/^partshoering\s+1\s+current\s+CHANGED since approval/mu);
    const diff = await call(legal, ["diff", "partshoering"], dir);
    expect(diff.out).toContain('Changed: "sig det" → "ring til os"');
    expect(diff.out).toContain("[-sig det-]{+ring til os+}");

    const approved = await call(legal, ["approve", "partshoering", "--by", "Karen Jurist"], dir);
    expect(approved).toMatchObject({ code: 0, err: "" });
    expect(approved.out).toContain("Approved partshoering version 1");
    const after = JSON.parse(await readFile(approvalsPath, "utf8")) as {
      approvals: {
        id: string;
        version: string;
        sha256: string;
        approvedBy: string;
        approvedAt: string;
      }[];
    };
    expect(after.approvals.map((entry) => `${entry.id}@${entry.version}`)).toEqual(
      before.approvals.map((entry) => `${entry.id}@${entry.version}`)
    );
    const entry = after.approvals.find((item) => item.id === "partshoering")!;
    expect(entry).toMatchObject({
      version: "1",
      approvedBy: "Karen Jurist",
      approvedAt: "2026-11-22T10:15:00.000Z",
    });
    expect(entry.sha256).toBe(legalTextHash(edited.slice(edited.indexOf("---", 4) + 4)));
    // Written atomically: no temporary file left behind.
    expect(
      (await readdir(join(dir, "templates", "legal"))).filter((name) => name.endsWith(".tmp"))
    ).toEqual([]);

    expect((await call(legal, ["list"], dir)).code).toBe(0);
    expect((await call(legal, ["diff", "partshoering"], dir)).out).toContain(
      "partshoering version 1: no changes since Karen Jurist approved it"
    );
    expect((await call(templates, ["check"], dir)).code).toBe(0);
    expect(
      (await call(legal, ["approve", "partshoering", "--by", "Karen Jurist"], dir)).out
    ).toContain("is already approved");
  });

  test("diff between versions: the employment reform's renamed word", async () => {
    const result = await call(
      legal,
      ["diff", "sanktioner-ved-udeblivelse", "--from", "1", "--to", "2"],
      dir
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain("sanktioner-ved-udeblivelse: version 1 → version 2");
    expect(result.out).toContain('Changed: "jobcentret" → "kommunen"; "jobcentret" → "kommunen"');
  });

  test("approve refuses a corrupt approvals file and leaves it untouched", async () => {
    const approvalsPath = join(dir, "templates", "legal", "approvals.json");
    await writeFile(approvalsPath, "{ oops");
    const result = await call(legal, ["approve", "klagevejledning", "--by", "Karen Jurist"], dir);
    expect(result.code).toBe(2);
    expect(errorLines(result.err)).toEqual([
      "klarbrev: templates/legal/approvals.json: corrupt approvals file: not valid JSON at line 1, column 3 (expected property name or '}')",
      "klarbrev: legal approve: nothing was recorded; repair or remove the approvals file first",
    ]);
    expect(await readFile(approvalsPath, "utf8")).toBe("{ oops");
  });

  test("approve keeps a damaged entry as it is, for legal staff to see", async () => {
    const approvalsPath = join(dir, "templates", "legal", "approvals.json");
    const file = JSON.parse(await readFile(approvalsPath, "utf8")) as { approvals: unknown[] };
    file.approvals.push({ id: "gammel", version: "1", note: "hand-edited" });
    await writeFile(approvalsPath, JSON.stringify(file));
    const blockPath = join(dir, "templates", "legal", "begrundelse.v1.md");
    await writeFile(
      blockPath,
      (await readFile(blockPath, "utf8")).replace("Du kan læse", "Du kan også læse")
    );
    const result = await call(legal, ["approve", "begrundelse", "--by", "Karen Jurist"], dir);
    expect(result.code).toBe(0);
    const after = JSON.parse(await readFile(approvalsPath, "utf8")) as {
      approvals: { id: string }[];
    };
    expect(after.approvals).toContainEqual({ id: "gammel", version: "1", note: "hand-edited" });
    expect(after.approvals).toHaveLength(file.approvals.length);
  });

  test("usage: no --by, an unknown block, an unknown version", async () => {
    expect((await call(legal, ["approve", "klagevejledning"], dir)).err).toBe(
      'klarbrev: legal: say who approves: --by "Name" (see klarbrev legal --help)\n'
    );
    expect((await call(legal, ["approve", "klagevejlening", "--by", "K"], dir)).err).toMatch(
      /^klarbrev: legal: there is no legal block 'klagevejlening'; the blocks are begrundelse, /u
    );
    expect((await call(legal, ["diff", "klagevejledning", "--version", "7"], dir)).err).toBe(
      "klarbrev: legal: 'klagevejledning' has no version 7; it has 1 (see klarbrev legal --help)\n"
    );
  });
});
