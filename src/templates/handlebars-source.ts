import Handlebars from "handlebars";
import { problem, TemplateError } from "./problems.js";

/**
 * Parsing Handlebars sources and finding what they use (fields, helpers, partials), with file
 * positions. Only the parser is used here: nothing is compiled from data, ever.
 */

interface Position {
  line: number;
  column: number;
}
export interface HbsNode {
  type: string;
  loc?: { start: Position; end: Position };
  [key: string]: unknown;
}

export type UsageKind = "field" | "helper" | "partial" | "block";

export interface Usage {
  kind: UsageKind;
  name: string;
  /** 1-based file line and column. */
  line: number;
  column: number;
  /** A field written on its own, `{{navn}}` (as opposed to a helper's parameter). */
  bare?: boolean;
  /** For a field passed to a helper: the helper and the parameter's position. */
  helper?: string;
  param?: number;
  /** For a helper: its parameters, as field names or "(helperName)" for sub-expressions. */
  params?: string[];
  /** Inside #each or #with: paths there are not the letter's fields. */
  nested?: boolean;
}

export interface ParsedSource {
  program: HbsNode;
  usages: Usage[];
}

/**
 * Parse a Handlebars body. A syntax error becomes a TemplateError at file:line:column (the body
 * starts at `bodyLine` in the file).
 */
export function parseHandlebars(file: string, body: string, bodyLine: number): ParsedSource {
  let program: HbsNode;
  try {
    program = Handlebars.parse(body) as unknown as HbsNode;
  } catch (error) {
    throw new TemplateError(syntaxProblem(file, body, bodyLine, error));
  }
  const usages: Usage[] = [];
  walkProgram(program, usages, bodyLine, false);
  return { program, usages };
}

function syntaxProblem(file: string, body: string, bodyLine: number, error: unknown) {
  const exception = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(exception.message ?? error);
  // Handlebars' own exceptions carry a position; parse errors from its generated parser do not,
  // but the lexer still holds the location of the token it stopped at.
  let line = exception.lineNumber;
  let column = exception.column;
  if (line === undefined) {
    const lexer = (
      Handlebars as unknown as {
        Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number } } };
      }
    ).Parser?.lexer?.yylloc;
    const fromMessage = /on line (\d+)/u.exec(message);
    line = lexer?.first_line ?? (fromMessage ? Number(fromMessage[1]) : 1);
    column = lexer?.first_column ?? 0;
  }
  const got = /got '([^']+)'/u.exec(message)?.[1];
  const first = message.split("\n")[0]!.replace(/\s*-\s*\d+:\d+$/u, "");
  const sourceLine = body.split("\n")[(line ?? 1) - 1] ?? "";
  const near = sourceLine.trim() ? ` near "${sourceLine.trim().slice(0, 60)}"` : "";
  const reason = got
    ? `Handlebars syntax error: unexpected ${got === "INVALID" ? "character" : got}${near}`
    : `Handlebars syntax error: ${first.replace(/^Parse error on line \d+:?\s*/u, "") || "cannot parse"}${near}`;
  return problem(file, reason, bodyLine + (line ?? 1) - 1, (column ?? 0) + 1);
}

function at(node: HbsNode, bodyLine: number): Position {
  const start = node.loc?.start ?? { line: 1, column: 0 };
  return { line: bodyLine + start.line - 1, column: start.column + 1 };
}

function walkProgram(
  program: HbsNode | null | undefined,
  usages: Usage[],
  bodyLine: number,
  nested: boolean
): void {
  for (const statement of (program?.body as HbsNode[] | undefined) ?? [])
    walkStatement(statement, usages, bodyLine, nested);
}

function walkStatement(node: HbsNode, usages: Usage[], bodyLine: number, nested: boolean): void {
  switch (node.type) {
    case "MustacheStatement":
    case "SubExpression":
      walkCall(node, usages, bodyLine, nested, node.type === "MustacheStatement");
      return;
    case "BlockStatement": {
      const path = node.path as HbsNode;
      const name = pathName(path);
      usages.push({ kind: "block", name, ...at(node, bodyLine), params: paramNames(node), nested });
      walkParams(node, name, usages, bodyLine, nested);
      const inner = nested || name === "each" || name === "with";
      walkProgram(node.program as HbsNode, usages, bodyLine, inner);
      walkProgram(node.inverse as HbsNode | null, usages, bodyLine, nested);
      return;
    }
    case "PartialStatement":
    case "PartialBlockStatement": {
      const name = node.name as HbsNode;
      usages.push({ kind: "partial", name: pathName(name), ...at(node, bodyLine), nested });
      return;
    }
    case "DecoratorBlock":
    case "Decorator":
      usages.push({
        kind: "block",
        name: `*${pathName(node.path as HbsNode)}`,
        ...at(node, bodyLine),
        nested,
      });
      return;
    default:
      return;
  }
}

function walkCall(
  node: HbsNode,
  usages: Usage[],
  bodyLine: number,
  nested: boolean,
  mustache: boolean
): void {
  const path = node.path as HbsNode;
  const params = (node.params as HbsNode[]) ?? [];
  const hash = node.hash as { pairs?: unknown[] } | undefined;
  const name = pathName(path);
  if (path.type !== "PathExpression") return;
  if (params.length === 0 && !hash?.pairs?.length && mustache) {
    if (path.data || name === "this" || name === "") return;
    usages.push({ kind: "field", name, ...at(node, bodyLine), bare: true, nested });
    return;
  }
  usages.push({ kind: "helper", name, ...at(node, bodyLine), params: paramNames(node), nested });
  walkParams(node, name, usages, bodyLine, nested);
}

function walkParams(
  node: HbsNode,
  helper: string,
  usages: Usage[],
  bodyLine: number,
  nested: boolean
): void {
  const params = (node.params as HbsNode[]) ?? [];
  params.forEach((param, index) => {
    if (param.type === "PathExpression") {
      const name = pathName(param);
      if (!param.data && name !== "this" && name !== "") {
        usages.push({ kind: "field", name, ...at(param, bodyLine), helper, param: index, nested });
      }
    } else if (param.type === "SubExpression") {
      walkCall(param, usages, bodyLine, nested, false);
    }
  });
  const pairs = ((node.hash as { pairs?: { value: HbsNode }[] } | undefined)?.pairs ?? []).map(
    (pair) => pair.value
  );
  for (const value of pairs) {
    if (value.type === "PathExpression" && !value.data) {
      usages.push({
        kind: "field",
        name: pathName(value),
        ...at(value, bodyLine),
        helper,
        param: -1,
        nested,
      });
    } else if (value.type === "SubExpression") {
      walkCall(value, usages, bodyLine, nested, false);
    }
  }
}

function paramNames(node: HbsNode): string[] {
  return ((node.params as HbsNode[]) ?? []).map((param) =>
    param.type === "PathExpression"
      ? pathName(param)
      : param.type === "SubExpression"
        ? `(${pathName(param.path as HbsNode)})`
        : `"${String(param.value)}"`
  );
}

function pathName(node: HbsNode | undefined): string {
  if (!node) return "";
  if (node.type === "PathExpression") {
    const parts = node.parts as string[];
    return parts[0] ?? String(node.original ?? "");
  }
  if (node.type === "SubExpression") return pathName(node.path as HbsNode);
  return String(node.original ?? node.value ?? "");
}
