import { writeFileAtomic } from "../../files/atomic-write.js";
import { resolve } from "node:path";
import {
  cwdOf,
  EXIT_FAILING,
  EXIT_OK,
  EXIT_USAGE,
  guard,
  libraryDir,
  oneOf,
  parseCommand,
  parseNumber,
  printError,
  printProblem,
  table,
  UsageError,
  write,
  type CommandIo,
} from "../command-support.js";
import { renderHtmlReport } from "../../templates/html-report.js";
import {
  checkLibrary,
  DEFAULT_THRESHOLDS,
  danishNumber,
  findingCount,
  legalSummary,
  legalSummaryDa,
  type LibraryCheckResult,
} from "../../templates/library-check.js";
import {
  defaultLibraryDir,
  displayPath,
  loadLibrary,
  type Library,
} from "../../templates/library.js";
import {
  checkWordTemplates,
  findWordTemplates,
  withWordTemplates,
  type WordTemplateResult,
} from "../../templates/word-templates.js";
import { formatProblem } from "../../templates/problems.js";

export const HELP = `Usage: klarbrev templates check [DIR] [options]
       klarbrev templates list [DIR]

The standard-letter library, for the benefits office and legal staff.

  check   render every template in DIR/letters with its sample data, analyse it, and
          verify its legal blocks (present, approved, current) and its fields. Word
          templates (.docx, .dotx, .docm, .dotm) anywhere under DIR are read and checked
          the same way (legal content controls, placeholders: MERGEFIELDs, {{fields}},
          content-control placeholders, each declared or not); a folder of Word templates
          only is checked against the shipped library's guidance. A legacy .doc gets one
          line on how to convert it. A template
          fails on: a template or render error, a legal block that is unapproved, modified,
          outdated or missing, body prose LIX above the target, a threat score above the
          maximum, or the essentials not in the lead.
  list    the templates: id, letter type, fields and legal blocks

DIR is the library (default: ./templates if it is one, else the library shipped with
Klarbrev).

Options:
  -f, --format text|json   output format (default: text)
      --lang da|en         language of the text summary and of the titles in list
                           (default: da; a template without titleEn keeps its Danish title)
      --html FILE          also write the library dashboard for legal staff: one
                           self-contained HTML file (in Danish)
      --lix-target N       highest body prose LIX (default: ${DEFAULT_THRESHOLDS.lixTarget})
      --max-threat N       highest threat score, 0-100 (default: ${DEFAULT_THRESHOLDS.maxThreat})
  -h, --help               show this help

Exit codes: 0 every template passes; 1 a template fails; 2 usage or input error (a file
that cannot be read or parsed; the rest of the library is still checked).
`;

export async function run(argv: string[], io: CommandIo): Promise<number> {
  return guard(io, "templates", async () => {
    const { values, positionals } = parseCommand({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f", default: "text" },
        html: { type: "string" },
        lang: { type: "string", default: "da" },
        "lix-target": { type: "string" },
        "max-threat": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      write(io.stdout, HELP);
      return EXIT_OK;
    }
    const [action, dir, ...extra] = positionals;
    if (!action) throw new UsageError("say what to do: check or list");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const format = oneOf("--format", values.format, ["text", "json"] as const);
    const lang = oneOf("--lang", values.lang, ["da", "en"] as const);
    const root = await libraryDir(io, dir);
    const { library, markdown } = await loadWithWordTemplates(root, action, cwdOf(io));
    if (action === "list") return list(io, library, format, lang);
    if (action !== "check")
      throw new UsageError(`unknown action '${action}'; the actions are check, list`);

    const thresholds = {
      lixTarget: parseNumber("--lix-target", values["lix-target"], DEFAULT_THRESHOLDS.lixTarget),
      maxThreat: parseNumber("--max-threat", values["max-threat"], DEFAULT_THRESHOLDS.maxThreat),
    };
    const word = await checkWordTemplates(root, library, { cwd: cwdOf(io), thresholds });
    const result = withWordTemplates(checkLibrary(library, thresholds), word, markdown);
    // Files that cannot be used at all: one line each on stderr, whatever the format.
    const broken = [
      ...result.problems,
      ...result.templates.flatMap((template) => template.problems),
    ].filter((problem) => problem.severity === "error");
    for (const problem of broken) printProblem(io, problem);

    if (format === "json") write(io.stdout, `${JSON.stringify(toJson(result), null, 2)}\n`);
    else write(io.stdout, formatText(result, lang));

    if (values.html) {
      const path = resolve(cwdOf(io), values.html);
      try {
        await writeFileAtomic(path, renderHtmlReport(result, io.now?.() ?? new Date()));
      } catch (error) {
        printError(
          io,
          displayPath(cwdOf(io), path),
          `cannot write the HTML report (${(error as NodeJS.ErrnoException).code ?? "error"})`
        );
        return EXIT_USAGE;
      }
      if (format === "text")
        write(
          io.stdout,
          `${lang === "da" ? "HTML-rapport" : "HTML report"}: ${displayPath(cwdOf(io), path)}\n`
        );
    }
    const inputError =
      result.problems.some((problem) => problem.severity === "error") ||
      (markdown && library.brokenTemplates.length > 0) ||
      word.some((template) => !template.scores);
    return inputError ? EXIT_USAGE : result.ok ? EXIT_OK : EXIT_FAILING;
  });
}

/**
 * The library, or, for `check` on a folder that holds only Word templates, the shipped library
 * (for its approved legal guidance and field names) with its own templates left out.
 */
async function loadWithWordTemplates(
  root: string,
  action: string,
  cwd: string
): Promise<{ library: Library; markdown: boolean }> {
  try {
    return { library: await loadLibrary(root, { cwd }), markdown: true };
  } catch (error) {
    if (action !== "check" || (await findWordTemplates(root)).length === 0) throw error;
    return { library: await loadLibrary(defaultLibraryDir(), { cwd }), markdown: false };
  }
}

interface SummaryLabels {
  header: string[];
  yes: string;
  no: string;
  pass: string;
  fail: string;
  legal: (template: LibraryCheckResult["templates"][number]) => string;
  failures: (template: LibraryCheckResult["templates"][number]) => string[];
  fails: (id: string, file: string) => string;
  warnings: string;
  version: string;
  number: (value: number) => string;
  total: (count: number, failing: number) => string;
  change: (change: { removed: string; added: string }) => string;
}

const SUMMARY: Record<"da" | "en", SummaryLabels> = {
  da: {
    header: ["Skabelon", "LIX", "Trussel", "Vigtigst først", "Juridisk", "Fund", "Resultat"],
    yes: "ja",
    no: "nej",
    pass: "består",
    fail: "BESTÅR IKKE",
    legal: legalSummaryDa,
    failures: (template) => template.failuresDa,
    fails: (id, file) => `${id} (${file}) består ikke:`,
    warnings: "Advarsler:",
    version: "version ",
    number: danishNumber,
    total: (count, failing) =>
      `${count} ${count === 1 ? "skabelon" : "skabeloner"}: ${
        failing === 0 ? (count === 1 ? "består" : "alle består") : `${failing} består ikke`
      }.`,
    change: (change) =>
      change.removed && change.added
        ? `»${change.removed}« → »${change.added}«`
        : change.removed
          ? `»${change.removed}« fjernet`
          : `»${change.added}« tilføjet`,
  },
  en: {
    header: ["Template", "LIX", "Threat", "Lead", "Legal", "Findings", "Result"],
    yes: "yes",
    no: "no",
    pass: "ok",
    fail: "FAIL",
    legal: legalSummary,
    failures: (template) => template.failures,
    fails: (id, file) => `${id} (${file}) fails:`,
    warnings: "Warnings:",
    version: "v",
    number: fixed,
    total: (count, failing) =>
      `${count} template${count === 1 ? "" : "s"}: ${
        failing === 0 ? "all pass" : `${failing} fail${failing === 1 ? "s" : ""}`
      }.`,
    change: describeChange,
  },
};

/** The summary table: Danish by default (the benefits office reads it), English with --lang en. */
function formatText(result: LibraryCheckResult, lang: "da" | "en"): string {
  const labels = SUMMARY[lang];
  const rows = result.templates.map((template) => [
    template.id,
    template.scores ? labels.number(template.scores.proseLix) : "-",
    template.scores ? labels.number(template.scores.threat) : "-",
    template.scores ? (template.scores.essentialsInLead ? labels.yes : labels.no) : "-",
    labels.legal(template),
    String(findingCount(template)),
    template.ok ? labels.pass : labels.fail,
  ]);
  let out = table(labels.header, rows);
  for (const template of result.templates.filter((entry) => !entry.ok)) {
    out += `\n${labels.fails(template.id, template.file)}\n`;
    for (const failure of labels.failures(template)) out += `  - ${failure}\n`;
    for (const block of template.legal.filter((entry) => entry.changes?.length)) {
      out += `  - ${block.id} ${labels.version}${block.version}: ${block.changes!.map((change) => labels.change(change)).join("; ")}\n`;
    }
  }
  const warnings = [
    ...result.problems,
    ...result.templates.flatMap((template) => template.problems),
  ].filter((problem) => problem.severity === "warning");
  if (warnings.length > 0)
    out += `\n${labels.warnings}\n${warnings.map((problem) => `  ${formatProblem(problem)}\n`).join("")}`;
  const failing = result.templates.filter((template) => !template.ok).length;
  out += `\n${labels.total(result.templates.length, failing)}\n`;
  return out;
}

function describeChange(change: { removed: string; added: string }): string {
  if (change.removed && change.added) return `"${change.removed}" → "${change.added}"`;
  return change.removed ? `"${change.removed}" removed` : `"${change.added}" added`;
}

function fixed(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}

function toJson(result: LibraryCheckResult) {
  return {
    ok: result.ok,
    dir: result.dir,
    thresholds: result.thresholds,
    templates: result.templates.map((template) => ({
      id: template.id,
      title: template.title,
      file: template.file,
      letterType: template.letterType ?? null,
      ...("placeholders" in template
        ? { format: "docx", placeholders: (template as WordTemplateResult).placeholders }
        : {}),
      ok: template.ok,
      failures: template.failures,
      problems: template.problems.map((problem) => ({ ...problem, text: formatProblem(problem) })),
      scores: template.scores ?? null,
      legal: template.legal.map((block) => ({
        id: block.id,
        version: block.version,
        status: block.status,
        ...(block.changes?.length
          ? { changes: block.changes.map(({ removed, added }) => ({ removed, added })) }
          : {}),
      })),
      legalFindings: template.legalIssues.map(({ ruleId, severity, message }) => ({
        ruleId,
        severity,
        message,
      })),
      findings: findingCount(template),
      notes: template.findings.length + template.legalIssues.length - findingCount(template),
    })),
    legal: result.legal.map((block) => ({
      id: block.entry.id,
      version: block.entry.version,
      title: block.entry.title,
      current: block.entry.current,
      state: block.state,
      approvedBy: block.approval?.approvedBy ?? null,
      approvedAt: block.approval?.approvedAt ?? null,
      changes: block.changes,
    })),
    problems: result.problems.map((problem) => ({ ...problem, text: formatProblem(problem) })),
  };
}

function list(
  io: CommandIo,
  library: Awaited<ReturnType<typeof loadLibrary>>,
  format: "text" | "json",
  lang: "da" | "en"
): number {
  for (const problem of library.brokenTemplates) printProblem(io, problem);
  const templates = library.templates.map(({ template }) => template);
  if (format === "json") {
    const json = templates.map((template) => ({
      id: template.id,
      title: template.title,
      ...(template.titleEn ? { titleEn: template.titleEn } : {}),
      letterType: template.letterType,
      version: template.version,
      file: template.file,
      fields: template.fields,
      legal: template.legal,
    }));
    write(io.stdout, `${JSON.stringify(json, null, 2)}\n`);
  } else {
    const rows = templates.map((template) => [
      template.id,
      template.letterType,
      (lang === "en" && template.titleEn) || template.title,
      template.fields.map((field) => `${field.name}${field.required ? "" : "?"}`).join(", "),
      template.legal
        .map((include) => include.id + (include.version ? `@${include.version}` : ""))
        .join(", "),
    ]);
    write(
      io.stdout,
      table(["Template", "Type", "Title", "Fields (? optional)", "Legal blocks"], rows)
    );
  }
  return library.brokenTemplates.length > 0 ? EXIT_USAGE : EXIT_OK;
}
