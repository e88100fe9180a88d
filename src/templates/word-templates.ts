import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { analyzeDocx, DocxError, readDocx, type Placeholder } from "../docx/index.js";
import { checkLegal } from "../engine/rules/legal/index.js";
import {
  DEFAULT_THRESHOLDS,
  templateFailures,
  type CheckThresholds,
  type LibraryCheckResult,
  type TemplateCheckResult,
} from "./library-check.js";
import { displayPath, type Library } from "./library.js";
import { problem } from "./problems.js";

/**
 * Word templates (.docx/.dotx, and their macro variants) in a template library, found
 * recursively. Each becomes the same record the Markdown templates get (TemplateCheckResult), so
 * the text table, the JSON and the HTML dashboard list them side by side. A Word template has no
 * front matter: its letter type is the one the engine reads, and its placeholders (MERGEFIELDs,
 * `{{fields}}`, content-control placeholders) count as declared when a Markdown template of the
 * library declares a field of that name.
 */

export const WORD_TEMPLATE_EXTENSIONS: ReadonlySet<string> = new Set([
  ".docx",
  ".dotx",
  ".docm",
  ".dotm",
]);
const LEGACY = ".doc";
const SKIP_DIRS = new Set(["node_modules", ".git"]);

export interface WordPlaceholder extends Placeholder {
  declared: boolean;
}

export interface WordTemplateResult extends TemplateCheckResult {
  format: "docx";
  placeholders: WordPlaceholder[];
}

/** Word files under `dir` (any depth), sorted; legacy .doc files too, to say what to do with them. */
export async function findWordTemplates(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string, depth: number) => {
    if (depth > 20) return;
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) await walk(path, depth + 1);
      } else if (entry.isFile() && !entry.name.startsWith("~$")) {
        const extension = extname(entry.name).toLowerCase();
        if (WORD_TEMPLATE_EXTENSIONS.has(extension) || extension === LEGACY) found.push(path);
      }
    }
  };
  await walk(dir, 0);
  return found.sort();
}

/** Check every Word template under `dir` against the library's legal registry and field names. */
export async function checkWordTemplates(
  dir: string,
  library: Library,
  options: { cwd: string; thresholds?: CheckThresholds }
): Promise<WordTemplateResult[]> {
  const declared = new Set(
    library.templates.flatMap(({ template }) => template.fields.map((field) => field.name))
  );
  const results: WordTemplateResult[] = [];
  for (const path of await findWordTemplates(dir)) {
    const file = displayPath(options.cwd, path);
    let bytes: Uint8Array | undefined;
    let reason: string | undefined;
    if (extname(path).toLowerCase() === LEGACY) {
      reason =
        "legacy Word 97-2003 document; convert it first: soffice --headless --convert-to docx FILE";
    } else {
      try {
        if ((await stat(path)).size > 20 * 1024 * 1024)
          reason = "file is too large (the limit for Word documents is 20 MB)";
        else bytes = await readFile(path);
      } catch (error) {
        reason = `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
      }
    }
    results.push(
      bytes
        ? checkWordTemplate(bytes, { file, library, declared, thresholds: options.thresholds })
        : broken(file, reason!)
    );
  }
  return results;
}

export function checkWordTemplate(
  bytes: Uint8Array,
  options: {
    file: string;
    library: Pick<Library, "registry">;
    declared: ReadonlySet<string>;
    thresholds?: CheckThresholds | undefined;
  }
): WordTemplateResult {
  const { file, library, declared } = options;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  let docx;
  try {
    docx = readDocx(bytes, { fileName: file });
  } catch (error) {
    if (error instanceof DocxError) return broken(file, error.message);
    throw error;
  }
  if (docx.letter.text.trim() === "") return broken(file, "the document has no body text to check");

  const registry = library.registry;
  const analysis = analyzeDocx(docx, { legal: { registry } });
  const legal = checkLegal(docx.letter, {
    registry,
    letterType: analysis.letterType,
    facts: analysis.scores.essentials.facts,
  });
  const title =
    docx.letter.blocks.find((block) => block.kind === "subject" || block.kind === "heading")
      ?.text ?? idOf(file);
  const placeholders = docx.placeholders.map((placeholder) => ({
    ...placeholder,
    declared: declared.has(placeholder.name),
  }));
  const result: WordTemplateResult = {
    format: "docx",
    id: idOf(file),
    title,
    file,
    letterType: analysis.letterType,
    ok: false,
    failures: [],
    failuresDa: [],
    problems: [],
    scores: {
      proseLix: analysis.scores.readability.prose.lix,
      lix: analysis.scores.readability.lix,
      threat: analysis.scores.threat.score,
      essentialsInLead: analysis.scores.essentials.inLead,
      detectedType: analysis.letterType,
    },
    legal: legal.scores.blocks,
    // Pending changes or comments inside approved text are legal issues of the template too.
    legalIssues: [
      ...legal.issues,
      ...docx.findings.map(({ ruleId, severity, message, start, end }) => ({
        ruleId,
        severity,
        message,
        start: start.offset,
        end: end.offset,
      })),
    ],
    findings: analysis.findings.filter((finding) => !finding.ruleId.startsWith("legal/")),
    letter: docx.letter,
    placeholders,
  };
  for (const failure of templateFailures(legal, result.scores!, thresholds)) {
    result.failures.push(failure.en);
    result.failuresDa.push(failure.da);
  }
  const undeclared = [
    ...new Set(placeholders.filter((entry) => !entry.declared).map((entry) => entry.name)),
  ];
  for (const name of undeclared) {
    result.problems.push({
      ...problem(
        file,
        `placeholder "${name}" is not a field declared by any template in the library`
      ),
      severity: "warning",
    });
  }
  for (const note of docx.notes)
    result.problems.push({ ...problem(file, `note: ${note}`), severity: "warning" });
  result.ok = result.failures.length === 0;
  return result;
}

function broken(file: string, reason: string): WordTemplateResult {
  return {
    format: "docx",
    id: idOf(file),
    title: "",
    file,
    ok: false,
    failures: [reason],
    failuresDa: [reason],
    problems: [problem(file, reason)],
    legal: [],
    legalIssues: [],
    findings: [],
    placeholders: [],
  };
}

function idOf(file: string): string {
  return basename(file, extname(file));
}

/**
 * The library check with its Word templates added (or, for a folder of Word templates only,
 * replacing the shipped library's Markdown templates, whose registry it borrows).
 */
export function withWordTemplates(
  result: LibraryCheckResult,
  word: readonly WordTemplateResult[],
  keepMarkdown: boolean
): LibraryCheckResult {
  const templates = [...(keepMarkdown ? result.templates : []), ...word].sort((a, b) =>
    a.file.localeCompare(b.file)
  );
  const problems = keepMarkdown ? result.problems : [];
  const ok =
    templates.every((template) => template.ok) &&
    problems.every((entry) => entry.severity !== "error");
  return { ...result, templates, problems, ok };
}
