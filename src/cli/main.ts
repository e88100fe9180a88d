import { readFileSync } from "node:fs";
import { UsageError, parseCommandArgs } from "./args.js";
import {
  EXIT_OK,
  EXIT_USAGE,
  oneLine,
  printError,
  processIo,
  type Io,
  type RunCommand,
} from "./io.js";

interface CommandEntry {
  /** One line for `klarbrev --help`. */
  summary: string;
  /** Loaded on demand, so one command's imports never slow down another. */
  load: () => Promise<{ run: RunCommand }>;
}

/** Subcommands: adding one is one line here plus `src/cli/commands/<name>.ts` exporting `run`. */
const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  check: {
    summary: "check letters: readability, plain language, threat framing, essentials first",
    load: () => import("./commands/check.js"),
  },
  fix: {
    summary: "write a reviewed .docx: tracked changes and comments by Klarbrev",
    load: () => import("./commands/fix.js"),
  },
  templates: {
    summary: "standard letters: check the library, list templates",
    load: () => import("./commands/templates.js"),
  },
  render: {
    summary: "render a standard letter with field values (text, md or json)",
    load: () => import("./commands/render.js"),
  },
  legal: {
    summary: "legal guidance registry: list, approve, diff",
    load: () => import("./commands/legal.js"),
  },
};

export function commandNames(): string[] {
  return Object.keys(COMMANDS);
}

/** The whole CLI as a function: tests call it with an in-memory Io. Never throws. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let command = "";
  try {
    // Options before the command belong to klarbrev itself; none of them takes a value.
    const at = argv.findIndex((arg) => !arg.startsWith("-"));
    const own = at === -1 ? [...argv] : argv.slice(0, at);
    const { values } = parseCommandArgs({
      args: own,
      options: { help: { type: "boolean", short: "h" }, version: { type: "boolean", short: "v" } },
    });
    if (values.version) {
      io.stdout.write(`${version()}\n`);
      return EXIT_OK;
    }
    const name = at === -1 ? undefined : argv[at]!;
    const rest = argv.slice(at + 1);
    if (values.help || name === "help") {
      // `klarbrev help check` and `klarbrev --help check` both mean `klarbrev check --help`.
      const topic = name === "help" ? rest[0] : name;
      if (topic === undefined) {
        io.stdout.write(toolHelp());
        return EXIT_OK;
      }
      return await main([topic, "--help"], io);
    }
    if (name === undefined) {
      io.stderr.write(toolHelp());
      return EXIT_USAGE;
    }
    const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!entry)
      throw new UsageError(
        `unknown command '${name}'; the commands are ${commandNames().join(", ")}`
      );
    command = name;
    const { run } = await entry.load();
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const help = command ? `klarbrev ${command} --help` : "klarbrev --help";
      printError(io, command, `${error.message} (see ${help})`);
    } else {
      printError(io, "", `unexpected error: ${describe(error)}; please report this`);
    }
    return EXIT_USAGE;
  }
}

/** Entry point of bin/klarbrev.js. */
export async function runCli(): Promise<void> {
  // `klarbrev check ... | head` closes the pipe early: that is not an error worth a trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT_OK);
    process.stderr.write(`klarbrev: cannot write output (${error.code ?? error.message})\n`);
    process.exit(EXIT_USAGE);
  });
  process.exitCode = await main(process.argv.slice(2), processIo());
}

export function toolHelp(): string {
  const names = commandNames();
  const width = Math.max(...names.map((name) => name.length));
  const list = names
    .map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name]!.summary}`)
    .join("\n");
  return `Usage: klarbrev <command> [options]

Klarbrev helps job-centre caseworkers write clear, calm letters. Everything runs locally.

Commands:
${list}

Options:
  -h, --help     show this help (klarbrev <command> --help for a command)
  -v, --version  show the version
`;
}

export function version(): string {
  try {
    // src/cli/main.ts and dist/cli/main.js both sit two folders below package.json.
    const pkg = JSON.parse(
      readFileSync(new URL("../../package.json", import.meta.url), "utf8")
    ) as {
      version?: string;
    };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}

function describe(error: unknown): string {
  return oneLine(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}
