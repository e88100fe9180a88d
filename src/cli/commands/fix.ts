import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { analyzeDocx, fixDocx, readDocx, type FixResult } from "../../docx/index.js";
import { DEFAULT_LIX_TARGET, type Analysis } from "../../engine/index.js";
import { oneOf, parseCommandArgs, UsageError } from "../args.js";
import { isWordDocument, readWordFile } from "../check-input.js";
import { EXIT_OK, EXIT_USAGE, printError, type Io } from "../io.js";
import { legalRegistry } from "./check.js";

export const HELP = `Usage: klarbrev fix FILE.docx -o REVIEWED.docx [options]

Write a reviewed copy of a Word document (.docx, .docm, .dotx, .dotm). Safe suggestions
become tracked changes by "Klarbrev" (Review > Accept or Reject in Word); every other
finding becomes a comment anchored to its text. Never changed: approved legal guidance
(content controls tagged klarbrev:legal:<id>@<version>), locked content controls, fields,
other authors' pending changes. The input file is never modified; every part of the
package that is not edited is copied unchanged (macros too).

Options:
  -o, --output FILE     the reviewed copy (required; must differ from the input)
      --all             every suggestion that has an edit, not only the safe ones,
                        and the essentials first
      --essentials-first
                        put the essentials first: the generated lead paragraph and the
                        new order, as tracked deletions and insertions of whole paragraphs
      --no-comments     tracked changes only; findings without an edit are not added
      --lang da|en|auto the letter's language (default: auto)
      --messages da|en  the language of the comments (default: the letter's); the
                        tracked changes keep the letter's language
      --templates DIR   template library whose approved legal guidance is verified
  -h, --help            show this help

Exit codes: 0 written; 2 usage or input error (nothing written).
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      all: { type: "boolean" },
      "no-comments": { type: "boolean" },
      "essentials-first": { type: "boolean" },
      lang: { type: "string", default: "auto" },
      messages: { type: "string" },
      templates: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  const language = oneOf("--lang", values.lang, ["da", "en", "auto"] as const);
  const messages =
    values.messages === undefined
      ? undefined
      : oneOf("--messages", values.messages, ["da", "en"] as const);
  if (positionals.length !== 1) throw new UsageError("give exactly one Word document to fix");
  const input = positionals[0]!;
  const output = values.output;
  if (!output) throw new UsageError("say where to write the reviewed copy: -o REVIEWED.docx");
  if (!isWordDocument(input)) {
    throw new UsageError(
      `fix works on Word documents (.docx, .docm, .dotx, .dotm), not '${input}'`
    );
  }
  if (resolve(input) === resolve(output)) {
    throw new UsageError("the reviewed copy must be a new file, not the input");
  }
  const registry = await legalRegistry(io, values.templates);
  if (!registry) return EXIT_USAGE;

  const read = await readWordFile(input);
  if (!read.ok) {
    printError(io, input, read.reason);
    return EXIT_USAGE;
  }
  const options = {
    language,
    legal: { registry },
    ...(messages ? { messageLanguage: messages } : {}),
  };
  const before = analyzeDocx(read.docx, options);
  const result = fixDocx(read.docx, before, {
    all: values.all === true,
    comments: values["no-comments"] !== true,
    essentialsFirst: values["essentials-first"] === true || values.all === true,
    ...(messages ? { messages } : {}),
  });

  // Read our own output back: it must show exactly the text the engine expects.
  const reviewed = readDocx(result.bytes, { fileName: output });
  if (reviewed.letter.text !== result.expectedText) {
    printError(
      io,
      input,
      "internal error: the reviewed copy does not read back as expected; nothing written, please report this"
    );
    return EXIT_USAGE;
  }
  const after = analyzeDocx(reviewed, options);
  try {
    await writeFile(output, result.bytes);
  } catch (error) {
    printError(
      io,
      output,
      `cannot write the reviewed copy (${(error as NodeJS.ErrnoException).code ?? String(error)})`
    );
    return EXIT_USAGE;
  }
  if (result.essentialsFirst && !result.essentialsFirst.applied) {
    printError(io, input, `note: essentials first not applied: ${result.essentialsFirst.reason}`);
  }
  io.stdout.write(summary(input, output, result, before, after));
  return EXIT_OK;
}

function summary(
  input: string,
  output: string,
  result: FixResult,
  before: Analysis,
  after: Analysis
): string {
  const round = (value: number) => Math.round(value);
  const arrow = (a: number, b: number) => `${round(a)} → ${round(b)}`;
  const lines = [
    `${input} → ${output}`,
    `  ${result.applied.length} tracked ${result.applied.length === 1 ? "change" : "changes"} by Klarbrev, ${result.comments} ${result.comments === 1 ? "comment" : "comments"}` +
      (result.refused.length > 0
        ? ` (${result.refused.length} suggested ${result.refused.length === 1 ? "edit" : "edits"} left as comments)`
        : ""),
    `  LIX ${arrow(before.scores.readability.lix, after.scores.readability.lix)} · body LIX ${arrow(before.scores.readability.prose.lix, after.scores.readability.prose.lix)} (target ${before.scores.readability.target ?? DEFAULT_LIX_TARGET})` +
      ` · threat ${arrow(before.scores.threat.score, after.scores.threat.score)}/100 · findings ${before.findings.length} → ${after.findings.length}`,
  ];
  if (result.essentialsFirst?.applied)
    lines.splice(2, 0, "  essentials first: lead paragraph and new order as tracked changes");
  return `${lines.join("\n")}\n`;
}
