/**
 * A problem in a library file: always names the file, with line and column when known, and is
 * printed as one line (`file:line:column: message`), never as a stack trace.
 */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  message: string;
  severity: "error" | "warning";
}

export function formatProblem(problem: Problem): string {
  const place = problem.line ? `:${problem.line}${problem.column ? `:${problem.column}` : ""}` : "";
  return `${problem.file}${place}: ${problem.severity === "warning" ? "warning: " : ""}${problem.message.replace(/\s+/gu, " ").trim()}`;
}

/** Thrown by parsers and the renderer for one bad file; the library check catches it per file. */
export class TemplateError extends Error {
  override name = "TemplateError";
  constructor(readonly problem: Problem) {
    super(formatProblem(problem));
  }
}

export function problem(file: string, message: string, line?: number, column?: number): Problem {
  const result: Problem = { file, message, severity: "error" };
  if (line !== undefined) result.line = line;
  if (column !== undefined) result.column = column;
  return result;
}
