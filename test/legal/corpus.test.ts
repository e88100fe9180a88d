import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { checkLibrary } from "../../src/templates/library-check.js";
import { loadLibrary } from "../../src/templates/library.js";
import { LETTERS, runCli } from "../cli/helpers.js";

/**
 * The legal check over the whole corpus, as the product promises it:
 * - the good letters (-efter) and the standard letters have no error-level findings;
 * - the bad letters (-foer) that lack required guidance still get legal/missing;
 * - one changed word in approved guidance is named, block and words, by `klarbrev check` (in a
 *   letter) and by `klarbrev templates check` (in the block file).
 */

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  start: { offset: number };
  end: { offset: number };
}
interface CheckResult {
  scores: { legal: { blocks: { id: string; version: string; status: string }[] } };
  findings: Finding[];
}

const letters = readdirSync(LETTERS).filter((name) => /\.(txt|md)$/u.test(name));
const good = letters.filter((name) => name.includes("-efter.")).sort();
const bad = letters.filter((name) => name.includes("-foer.")).sort();

async function check(path: string): Promise<CheckResult> {
  const { stdout, stderr } = await runCli(["check", "-f", "json", "--fail-on", "never", path]);
  expect(stderr).toBe("");
  return (JSON.parse(stdout) as CheckResult[])[0]!;
}

const legalOf = (result: CheckResult) =>
  result.findings
    .filter((finding) => finding.ruleId.startsWith("legal/"))
    .map((finding) => `${finding.severity}:${finding.ruleId}`);

describe("the good letters and the standard letters", () => {
  test("the corpus has its good and bad letters", () => {
    expect(good.length).toBeGreaterThanOrEqual(9);
    expect(bad.length).toBe(good.length);
  });

  test.each(good)("%s has no error-level findings and passes `klarbrev check`", async (name) => {
    const path = `${LETTERS}/${name}`;
    const result = await check(path);
    expect(result.findings.filter((finding) => finding.severity === "error")).toEqual([]);
    expect((await runCli(["check", path])).code).toBe(0);
  });

  test.each(good)("%s: every approved block it carries is intact", async (name) => {
    const result = await check(`${LETTERS}/${name}`);
    const marked = (readFileSync(`${LETTERS}/${name}`, "utf8").match(/klarbrev:legal id=/gu) ?? [])
      .length;
    const intact = result.scores.legal.blocks.filter((block) => block.status === "intact");
    expect(intact).toHaveLength(marked);
  });

  test("every standard letter passes `templates check` without an error-level finding", async () => {
    const { code } = await runCli(["templates", "check"]);
    expect(code).toBe(0);
    const checked = checkLibrary(await loadLibrary("templates"));
    expect(checked.templates.length).toBeGreaterThanOrEqual(8);
    for (const template of checked.templates) {
      expect({ id: template.id, failures: template.failures }).toEqual({
        id: template.id,
        failures: [],
      });
      expect(template.legal.every((block) => block.status === "intact")).toBe(true);
      const errors = [...template.legalIssues, ...template.findings].filter(
        (finding) => finding.severity === "error"
      );
      expect(errors).toEqual([]);
    }
  });
});

describe("the bad letters", () => {
  /**
   * What each bad letter gets, and why. Required guidance that is absent is missing (error);
   * guidance written in the caseworker's own words is own-wording (warning). Sanction guidance
   * that warns of a sanction without all three parts is an error in a summons or a decision and
   * a warning in an orientering, anmodning or partshøring.
   */
  const EXPECTED: Record<string, { blocks: string[]; legal: string[] }> = {
    // "Du kan klage ... til Ankestyrelsen ... inden 4 uger" is a klagevejledning in own words;
    // "i medfør af lov om en aktiv beskæftigelsesindsats" without a section is no begrundelse.
    // "eventuel udeblivelse ... vil kunne få konsekvenser for din ret til dagpenge" warns of a
    // sanction of dagpenge without saying what happens or how to get it back: an error in a decision.
    "afgoerelse-afslag-foer.txt": {
      blocks: ["klagevejledning:own-wording", "begrundelse:missing"],
      legal: [
        "error:legal/sanction-incomplete",
        "warning:legal/own-wording",
        "error:legal/missing",
      ],
    },
    // A decision about fradrag citing § 36 with its reasons, and an appeal paragraph: both in own
    // words. "gentagne udeblivelser vil kunne medføre en skærpet sanktion" warns of the next
    // sanction without saying how to get the help back: an error in a decision.
    "afgoerelse-fradrag-foer.txt": {
      blocks: ["begrundelse:own-wording", "klagevejledning:own-wording"],
      legal: [
        "warning:legal/own-wording",
        "error:legal/sanction-incomplete",
        "warning:legal/own-wording",
      ],
    },
    "afgoerelse-praktik-foer.txt": {
      blocks: ["begrundelse:missing", "klagevejledning:missing"],
      legal: ["error:legal/sanction-incomplete", "error:legal/missing", "error:legal/missing"],
    },
    "anmodning-dokumentation-foer.txt": {
      blocks: ["oplysningspligt:missing"],
      legal: ["warning:legal/sanction-incomplete", "error:legal/missing"],
    },
    // "indtil du igen har rettet henvendelse" never says the help comes back: not complete, so
    // not guidance in own words either.
    "indkaldelse-foer.txt": {
      blocks: ["vejledning-om-pligter:missing"],
      legal: ["error:legal/sanction-incomplete", "error:legal/missing"],
    },
    "indkaldelse-sygeopfoelgning-foer.txt": {
      blocks: ["vejledning-om-pligter:missing"],
      legal: ["error:legal/sanction-incomplete", "error:legal/missing"],
    },
    "indkaldelse-telefonsamtale-foer.txt": {
      blocks: ["vejledning-om-pligter:missing"],
      legal: ["error:legal/missing"],
    },
    // An orientering requires no block; its threat of fradrag is incomplete: a warning.
    "orientering-ferie-foer.txt": {
      blocks: [],
      legal: ["warning:legal/sanction-incomplete"],
    },
    // Bureaucratic, but a partshøring: the right to comment, a deadline and what happens without
    // a reply. The deduction it asks about is its content, not sanction guidance.
    "partshoering-foer.txt": {
      blocks: ["partshoering:own-wording"],
      legal: ["warning:legal/own-wording"],
    },
  };

  test("every bad letter is in the table", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(bad);
  });

  test.each(bad)("%s", async (name) => {
    const result = await check(`${LETTERS}/${name}`);
    const blocks = result.scores.legal.blocks.map((block) => `${block.id}:${block.status}`);
    expect({ blocks, legal: legalOf(result) }).toEqual(EXPECTED[name]);
  });

  test.each(bad)(
    "%s: guidance that is absent is always reported as legal/missing",
    async (name) => {
      const result = await check(`${LETTERS}/${name}`);
      const absent = result.scores.legal.blocks.filter((block) => block.status === "missing");
      const missing = result.findings.filter((finding) => finding.ruleId === "legal/missing");
      expect(missing).toHaveLength(absent.length);
      expect(missing.every((finding) => finding.severity === "error")).toBe(true);
      expect(result.scores.legal.blocks.some((block) => block.status === "intact")).toBe(false);
    }
  );
});

/** One word to change in each approved block (it occurs once in the block's text). */
const TAMPER: Record<string, [from: string, to: string]> = {
  klagevejledning: ["senest", "inden"],
  begrundelse: ["læse", "finde"],
  "sanktioner-ved-udeblivelse": ["syg", "træt"],
  "pligter-sygedagpenge": ["stopper", "standser"],
  partshoering: ["senest", "inden"],
  oplysningspligt: ["Datatilsynet", "Ankestyrelsen"],
  "bisidder-aktindsigt": ["støtte", "hjælpe"],
};

const word = (text: string) => new RegExp(`(?<![\\p{L}\\p{N}])${text}(?![\\p{L}\\p{N}])`, "u");

/** Marked legal blocks of a file: id, version, and the offsets of their text. */
function markedBlocks(text: string) {
  const open = /<!-- klarbrev:legal id="([^"]+)" version="([^"]+)"[^>]*-->/gu;
  return [...text.matchAll(open)].map((match) => ({
    id: match[1]!,
    version: match[2]!,
    start: match.index + match[0].length,
    end: text.indexOf("<!-- /klarbrev:legal -->", match.index),
  }));
}

describe("one changed word of approved guidance", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "klarbrev-corpus-tamper-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cases = good.flatMap((name) =>
    markedBlocks(readFileSync(`${LETTERS}/${name}`, "utf8")).map(
      (block) => [name, block.id] as [string, string]
    )
  );

  test("the good letters carry every kind of approved block", () => {
    expect(new Set(cases.map(([, id]) => id))).toEqual(
      new Set(Object.keys(TAMPER).filter((id) => id !== "bisidder-aktindsigt"))
    );
  });

  test.each(cases)("%s, %s: `klarbrev check` names the block and the word", async (name, id) => {
    const source = readFileSync(`${LETTERS}/${name}`, "utf8");
    const block = markedBlocks(source).find((entry) => entry.id === id)!;
    const [from, to] = TAMPER[id]!;
    const inBlock = source.slice(block.start, block.end);
    const at = block.start + inBlock.search(word(from));
    expect(at).toBeGreaterThanOrEqual(block.start);
    const tampered = source.slice(0, at) + to + source.slice(at + from.length);
    const path = join(dir, `${id}-${name}`);
    await writeFile(path, tampered);

    const result = await check(path);
    expect(result.scores.legal.blocks.map((entry) => `${entry.id}:${entry.status}`)).toEqual(
      markedBlocks(source).map((entry) => `${entry.id}:${entry.id === id ? "modified" : "intact"}`)
    );
    const modified = result.findings.filter((finding) => finding.ruleId === "legal/modified");
    expect(modified).toHaveLength(1);
    expect(modified[0]!.severity).toBe("error");
    expect(modified[0]!.message).toContain(`(${id}, version ${block.version})`);
    expect(modified[0]!.message).toContain(`"${from}" er skiftet til "${to}"`);
    expect(tampered.slice(modified[0]!.start.offset, modified[0]!.end.offset)).toBe(to);
    expect(extname(path)).toBe(extname(name));
  });

  test.each(Object.keys(TAMPER))(
    "%s: `templates check` names the block and the word in the block file",
    async (id) => {
      const library = join(dir, `library-${id}`);
      await cp("templates", library, { recursive: true });
      const files = readdirSync(join(library, "legal")).filter((file) =>
        new RegExp(`^${id}\\.v\\d+\\.md$`, "u").test(file)
      );
      const current = files.sort().at(-1)!;
      const version = /\.v(\d+)\.md$/u.exec(current)![1]!;
      const path = join(library, "legal", current);
      const source = await readFile(path, "utf8");
      const [from, to] = TAMPER[id]!;
      const body = source.indexOf("\n---\n", 4);
      const at = body + source.slice(body).search(word(from));
      expect(at).toBeGreaterThan(body);
      await writeFile(path, source.slice(0, at) + to + source.slice(at + from.length));

      const { code, stdout } = await runCli(["templates", "check", library, "--lang", "en"]);
      expect(code).toBe(1);
      expect(stdout).toContain(`unapproved: ${id}`);
      expect(stdout).toContain(`${id} v${version}: "${from}" → "${to}"`);
      expect(stdout).toContain(`"${id}" version ${version} has changed since`);
    }
  );
});
