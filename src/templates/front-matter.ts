import { parseDocument } from "yaml";
import { problem, TemplateError } from "./problems.js";

/**
 * Template and legal block files: YAML front matter between `---` lines, then a Handlebars body.
 * Line numbers of both parts are kept, so errors point at the line in the file.
 */
export interface FrontMatterFile {
  file: string;
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
}

export function splitFrontMatter(file: string, source: string): FrontMatterFile {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lines = text.split(/\r?\n/u);
  if (lines[0]?.trim() !== "---") {
    throw new TemplateError(
      problem(file, "the file must start with YAML front matter between '---' lines", 1, 1)
    );
  }
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
  if (close < 0)
    throw new TemplateError(problem(file, "the front matter has no closing '---' line", 1, 1));

  const yaml = lines.slice(1, close).join("\n");
  const document = parseDocument(yaml, { uniqueKeys: true });
  const first = document.errors[0];
  if (first) {
    const at = first.linePos?.[0];
    const reason = first.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/u, "");
    throw new TemplateError(
      problem(file, `YAML front matter: ${reason}`, (at?.line ?? 1) + 1, at?.col ?? 1)
    );
  }
  const data: unknown = document.toJS();
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new TemplateError(
      problem(file, "the front matter must be a YAML mapping (key: value lines)", 2, 1)
    );
  }
  return {
    file,
    data: data as Record<string, unknown>,
    body: lines.slice(close + 1).join("\n"),
    bodyLine: close + 2,
  };
}
