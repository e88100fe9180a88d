import { readRegularTextFile } from "../../files/read-regular.js";
import { resolve } from "node:path";
import {
  cwdOf,
  EXIT_OK,
  guard,
  libraryDir,
  oneOf,
  parseCommand,
  printError,
  UsageError,
  write,
  type CommandIo,
} from "../command-support.js";
import { jsonErrorReason } from "../../templates/approvals.js";
import { parseLetterTemplate, type LetterTemplate } from "../../templates/letter-templates.js";
import { asProblem, displayPath, loadLibrary, MAX_SOURCE_BYTES } from "../../templates/library.js";
import { problem, TemplateError } from "../../templates/problems.js";
import { renderTemplate } from "../../templates/render.js";

export const HELP = `Usage: klarbrev render TEMPLATE (--data FILE | --sample) [options]

Render a standard letter with field values. TEMPLATE is a template id from the library
(indkaldelse-samtale) or the path of a template file (.md).

Options:
  -d, --data FILE          the field values as a JSON object
      --sample             use the template's own sample data
  -f, --format text|md|json
                           text: the letter as the citizen reads it (default)
                           md: Markdown with protected-block markers, which
                               klarbrev check reads back with the legal blocks protected
                           json: the Letter (blocks with offsets; legal blocks carry id and
                                 version), for the Word add-in
      --dir DIR            the template library (default: ./templates if it is one, else
                           the library shipped with Klarbrev)
  -h, --help               show this help

Field values are one line (an address may have several, joined with commas), at most
1000 characters (400 in a field inside legal guidance), with no control characters, line
or paragraph separators, or legal-marker syntax (<!--, -->, klarbrev:legal).

Exit codes: 0 rendered; 2 usage or input error (a missing required field, bad data, a
template error, a data file that is not a regular file or is over 10 MB), with one line
on stderr naming the file.
`;

export async function run(argv: string[], io: CommandIo): Promise<number> {
  return guard(io, "render", async () => {
    const { values, positionals } = parseCommand({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: "string", short: "d" },
        sample: { type: "boolean" },
        format: { type: "string", short: "f", default: "text" },
        dir: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      write(io.stdout, HELP);
      return EXIT_OK;
    }
    const format = oneOf("--format", values.format, ["text", "md", "json"] as const);
    const [name, ...extra] = positionals;
    if (!name) throw new UsageError("which template? klarbrev render TEMPLATE --data FILE");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    if (values.sample && values.data) throw new UsageError("give --data or --sample, not both");
    if (!values.sample && !values.data)
      throw new UsageError("give the field values with --data FILE (or --sample)");

    const cwd = cwdOf(io);
    const library = await loadLibrary(await libraryDir(io, values.dir), { cwd });
    const template = await findTemplate(name, library, cwd);
    const data = values.sample ? template.sample : await readData(resolve(cwd, values.data!), cwd);
    const rendered = renderTemplate(template, data, library.resolve);
    for (const message of rendered.problems) printError(io, template.file, `warning: ${message}`);
    if (format === "json") write(io.stdout, `${JSON.stringify(rendered.letter, null, 2)}\n`);
    else if (format === "md") write(io.stdout, `${rendered.markdown}\n`);
    else write(io.stdout, `${rendered.letter.text}\n`);
    return EXIT_OK;
  });
}

async function findTemplate(
  name: string,
  library: Awaited<ReturnType<typeof loadLibrary>>,
  cwd: string
): Promise<LetterTemplate> {
  if (name.endsWith(".md") || name.includes("/") || name.includes("\\")) {
    const path = resolve(cwd, name);
    let source: string;
    try {
      source = await readRegularTextFile(path, { maxBytes: MAX_SOURCE_BYTES });
    } catch (error) {
      throw new TemplateError(asProblem(error, displayPath(cwd, path)));
    }
    return parseLetterTemplate(displayPath(cwd, path), source).template;
  }
  const found = library.templates.find(({ template }) => template.id === name);
  if (found) return found.template;
  const broken = library.brokenTemplates.find(
    (entry) => entry.file.endsWith(`/${name}.md`) || entry.file === `${name}.md`
  );
  if (broken) throw new TemplateError(broken);
  const known = library.templates.map(({ template }) => template.id).sort();
  throw new UsageError(
    `there is no template '${name}'; the templates are ${known.join(", ") || "none"}`
  );
}

async function readData(path: string, cwd: string): Promise<unknown> {
  const label = displayPath(cwd, path);
  let json: string;
  try {
    json = await readRegularTextFile(path, { maxBytes: MAX_SOURCE_BYTES });
  } catch (error) {
    throw new TemplateError(asProblem(error, label));
  }
  try {
    return JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (error) {
    throw new TemplateError(problem(label, jsonErrorReason(error, json)));
  }
}
