import { availableParallelism } from "node:os";
import { DEFAULT_LIX_TARGET, type Severity } from "../../engine/index.js";
import { oneOf, parseCommandArgs, UsageError } from "../args.js";
import { jobsFor } from "../batch/jobs.js";
import { runBatch } from "../batch/run-batch.js";
import type { CheckResult } from "../format-json.js";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, printError, useColour, type Io } from "../io.js";
import { MAX_BYTES } from "../read-input.js";
import { libraryDir } from "../command-support.js";
import { loadLegalRegistry } from "../../templates/library.js";
import { formatProblem } from "../../templates/problems.js";
import type { LegalRegistryEntry } from "../../engine/index.js";
import { selectRules } from "../../engine/index.js";

export const HELP = `Usage: klarbrev check [options] FILE...
       klarbrev check [options] --files-from LIST|-

Check letters for readability (LIX), plain language, threat framing and whether the
essentials (when, where, what to do) come first. Reads UTF-8 .txt and .md files and Word
documents (.docx, .docm, .dotx, .dotm: read only, as Word shows them with pending changes
accepted; findings point at paragraph and character, e.g. brev.docx:¶3:17); other extensions
are read as plain text with a note. FILE may also be a folder (searched recursively for
letter files) or a quoted glob ('arkiv/**/*.txt', expanded by Klarbrev).

Options:
  -f, --format text|json|jsonl    output format (default: text); jsonl writes one JSON
                                  object per line as each file is done
      --files-from LIST           also check the files named in LIST, one per line
                                  (- for standard input)
  -j, --jobs N                    check N files at a time in worker threads
                                  (default: the number of cores)
      --unordered                 write each result when it is done, not in input order
      --lang da|en|auto           the letters' language (default: auto, detected)
      --messages da|en            the language of the messages and the summary (default:
                                  each letter's language); suggested edits keep the
                                  letter's language
      --fail-on error|warning|never
                                  exit 1 when a finding is at or above this severity
                                  (default: error)
      --lix-target N              LIX target for the body text (default: ${DEFAULT_LIX_TARGET})
      --disable RULE[,RULE]       switch rules off: an id (plain/passive) or a family
                                  (plain); repeatable. The rules: docs/rules.md
      --enable RULE[,RULE]        switch rules on, also those off by default; wins over
                                  --disable
      --ignore PHRASE             never report this word or phrase (e.g. a name); repeatable
      --templates DIR             template library whose approved legal guidance the letters'
                                  guidance is verified against (default: ./templates if it
                                  is a library, else the one shipped with Klarbrev)
  -h, --help                      show this help

Exit codes:
  0  no findings at or above --fail-on
  1  findings at or above --fail-on
  2  usage or input error (wins over 1); the other files are still checked

Files that cannot be read (missing, a directory, empty, binary, not UTF-8, over
${MAX_BYTES / (1024 * 1024)} MB; Word documents that are corrupt, encrypted, legacy .doc, a zip bomb,
over 20 MB or without body text) get a one-line error on stderr and are left out of the report.
`;

const FORMATS = ["text", "json", "jsonl"] as const;
const LANGUAGES = ["da", "en", "auto"] as const;
const FAIL_ON = ["error", "warning", "never"] as const;
export type FailOn = (typeof FAIL_ON)[number];

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", short: "f", default: "text" },
      lang: { type: "string", default: "auto" },
      messages: { type: "string" },
      "fail-on": { type: "string", default: "error" },
      "lix-target": { type: "string" },
      templates: { type: "string" },
      "files-from": { type: "string" },
      jobs: { type: "string", short: "j" },
      unordered: { type: "boolean" },
      disable: { type: "string", multiple: true },
      enable: { type: "string", multiple: true },
      ignore: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  const format = oneOf("--format", values.format, FORMATS);
  const language = oneOf("--lang", values.lang, LANGUAGES);
  const messages =
    values.messages === undefined
      ? undefined
      : oneOf("--messages", values.messages, ["da", "en"] as const);
  const failOn = oneOf("--fail-on", values["fail-on"], FAIL_ON);
  const lixTarget = parseLixTarget(values["lix-target"]);
  const jobs = parseJobs(values.jobs);
  const filesFrom = values["files-from"];
  const disable = ruleList("--disable", values.disable);
  const enable = ruleList("--enable", values.enable);
  const ignore = values.ignore ?? [];
  if (positionals.length === 0 && filesFrom === undefined) throw new UsageError("no files given");
  const registry = await legalRegistry(io, values.templates);
  if (!registry) return EXIT_USAGE;

  const summary = await runBatch(
    {
      sources: {
        paths: positionals,
        ...(filesFrom !== undefined ? { filesFrom } : {}),
        ...(io.stdin ? { stdin: io.stdin } : {}),
      },
      jobs: await jobsFor(positionals, filesFrom, jobs),
      ordered: values.unordered !== true,
      check: {
        format,
        language,
        ...(messages ? { messages } : {}),
        lixTarget,
        registry,
        colour: useColour(io),
        disable,
        enable,
        ignore,
      },
    },
    io
  );
  if (summary.inputError) return EXIT_USAGE;
  return failOn !== "never" && summary.worstRank >= RANK[failOn] ? EXIT_FINDINGS : EXIT_OK;
}

function parseJobs(raw: string | undefined): number {
  if (raw === undefined) return availableParallelism();
  const value = Number(raw);
  if (!/^\d+$/u.test(raw.trim()) || value < 1 || value > 256) {
    throw new UsageError(`--jobs must be a whole number from 1 to 256, not '${raw}'`);
  }
  return value;
}

/**
 * The approved legal guidance, loaded once per run. A broken registry is an input error: checking
 * guidance against a registry we could only half read would report wrong statuses.
 */
export async function legalRegistry(
  io: Io,
  given: string | undefined
): Promise<LegalRegistryEntry[] | undefined> {
  const dir = await libraryDir({ ...io, cwd: process.cwd() }, given);
  try {
    const { registry, problems } = await loadLegalRegistry(dir, { cwd: process.cwd() });
    const errors = problems.filter((problem) => problem.severity === "error");
    for (const problem of errors) io.stderr.write(`klarbrev: ${formatProblem(problem)}\n`);
    return errors.length > 0 ? undefined : registry;
  } catch (error) {
    printError(io, dir, error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

/** 2 for any usage or input error (it wins), else 1 when a finding is at or above `failOn`. */
export function exitCode(
  results: readonly CheckResult[],
  failOn: FailOn,
  inputError: boolean
): number {
  if (inputError) return EXIT_USAGE;
  return results.some((result) => fails(result, failOn)) ? EXIT_FINDINGS : EXIT_OK;
}

/** Comma-separated rule ids or families, every one known (a typo must not check everything). */
function ruleList(option: string, raw: string[] | undefined): string[] {
  const selectors = (raw ?? []).flatMap((value) => value.split(",")).map((value) => value.trim());
  for (const selector of selectors) {
    if (selector === "" || selectRules(selector).length === 0) {
      throw new UsageError(`${option}: unknown rule or family '${selector}' (see docs/rules.md)`);
    }
  }
  return selectors;
}

function parseLixTarget(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_LIX_TARGET;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value <= 0 || value > 100) {
    throw new UsageError(`--lix-target must be a number above 0 and at most 100, not '${raw}'`);
  }
  return value;
}

function fails(result: CheckResult, failOn: FailOn): boolean {
  if (failOn === "never") return false;
  return result.findings.some((finding) => RANK[finding.severity] >= RANK[failOn]);
}
