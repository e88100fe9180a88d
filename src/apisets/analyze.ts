import ts from "typescript";
import { compareVersions } from "./manifest-requirements.js";

/**
 * Resolve every Office.js member a program uses (property accesses, calls, and the property
 * paths in `load("...")` strings) to the `[Api set: X y]` annotation in @types/office-js, and
 * decide whether each use is covered: by the manifest's minimum, or by a guard. A guard is an
 * `Office.context.requirements.isSetSupported(set, version)` call (or a function returning one,
 * or a const holding one) in the condition of an enclosing if/?:/&&, or in an early exit
 * (`if (!supported) return;`) before the use. A function marked `// @requires WordApi 1.4` is
 * treated as guarded inside; every call to it is checked like a use of a 1.4 member.
 */

export interface ApiRequirement {
  set: string;
  version: string;
}

export type Coverage = "manifest" | "guard" | "annotation" | "baseline" | "none";

export interface ApiUse {
  file: string;
  line: number;
  column: number;
  /** Qualified member, e.g. Word.Document.changeTrackingMode, or a marked function's name. */
  member: string;
  requirement?: ApiRequirement;
  coverage: Coverage;
  /** The guard that covers it, when coverage is "guard" or "annotation". */
  guard?: ApiRequirement;
}

export interface ApiSetReport {
  uses: ApiUse[];
  violations: ApiUse[];
  /** Per API set, the highest version used without a guard: what the manifest must declare. */
  needed: Map<string, string>;
}

type Guards = Map<string, string>;

const OFFICE_TYPES = /[\\/]@types[\\/]office-js[\\/]/u;
const API_SET = /\[Api set: ([A-Za-z]+) (\d+(?:\.\d+)*)\s*\]/u;
const REQUIRES = /@requires\s+([A-Za-z]+)\s+(\d+(?:\.\d+)*)/u;

export function checkProgram(
  program: ts.Program,
  files: readonly string[],
  manifest: ReadonlyMap<string, string>
): ApiSetReport {
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];

  const record = (node: ts.Node, member: string, requirement: ApiRequirement | undefined) => {
    const source = node.getSourceFile();
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    const use: ApiUse = {
      file: source.fileName,
      line: line + 1,
      column: character + 1,
      member,
      coverage: "baseline",
    };
    if (requirement) {
      use.requirement = requirement;
      const declared = manifest.get(requirement.set);
      const { guards, annotated } = guardsAt(node, checker);
      const guard = guards.get(requirement.set);
      if (declared !== undefined && compareVersions(declared, requirement.version) >= 0) {
        use.coverage = "manifest";
      } else if (guard !== undefined && compareVersions(guard, requirement.version) >= 0) {
        use.coverage = annotated.has(requirement.set) ? "annotation" : "guard";
        use.guard = { set: requirement.set, version: guard };
      } else {
        use.coverage = "none";
      }
    }
    uses.push(use);
  };

  for (const fileName of files) {
    const source = program.getSourceFile(fileName);
    if (!source) throw new Error(`${fileName} is not part of the program`);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const found = officeMember(node, checker);
        if (found) record(node.name, found.member, found.requirement);
      }
      if (ts.isCallExpression(node)) {
        const marked = markedFunction(node, checker);
        if (marked) record(node.expression, marked.member, marked.requirement);
        for (const path of loadPaths(node, checker))
          record(path.node, path.member, path.requirement);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  const violations = uses.filter((use) => use.coverage === "none");
  const needed = new Map<string, string>();
  for (const use of uses) {
    if (!use.requirement || (use.coverage !== "manifest" && use.coverage !== "none")) continue;
    const current = needed.get(use.requirement.set);
    if (current === undefined || compareVersions(use.requirement.version, current) > 0) {
      needed.set(use.requirement.set, use.requirement.version);
    }
  }
  return { uses, violations, needed };
}

/** The Office.js member a property access refers to, with its API set (if annotated). */
function officeMember(
  node: ts.PropertyAccessExpression,
  checker: ts.TypeChecker
): { member: string; requirement?: ApiRequirement } | undefined {
  let symbol = checker.getSymbolAtLocation(node.name);
  if (!symbol) return undefined;
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  let declarations = (symbol.declarations ?? []).filter(isOfficeDeclaration);
  if (declarations.length === 0) return undefined;
  // A call: the overload Word actually resolves decides.
  if (ts.isCallExpression(node.parent) && node.parent.expression === node) {
    const declaration = checker.getResolvedSignature(node.parent)?.declaration;
    if (declaration && isOfficeDeclaration(declaration)) declarations = [declaration];
  }
  let requirement: ApiRequirement | undefined;
  for (const declaration of declarations) {
    const found = annotationOf(declaration);
    if (found && (!requirement || compareVersions(found.version, requirement.version) > 0))
      requirement = found;
  }
  const result: { member: string; requirement?: ApiRequirement } = {
    member: qualifiedName(declarations[0]!),
  };
  if (requirement) result.requirement = requirement;
  return result;
}

function isOfficeDeclaration(declaration: ts.Declaration): boolean {
  return OFFICE_TYPES.test(declaration.getSourceFile().fileName);
}

function annotationOf(declaration: ts.Node): ApiRequirement | undefined {
  const source = declaration.getSourceFile();
  const leading = source.text.slice(declaration.getFullStart(), declaration.getStart(source));
  const match = API_SET.exec(leading);
  return match ? { set: match[1]!, version: match[2]! } : undefined;
}

function qualifiedName(declaration: ts.Node): string {
  const parts: string[] = [];
  const name = (declaration as { name?: ts.Node }).name;
  if (name) parts.push(name.getText());
  for (let node = declaration.parent; node; node = node.parent) {
    if (
      ts.isClassDeclaration(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isEnumDeclaration(node) ||
      ts.isModuleDeclaration(node)
    ) {
      if (node.name) parts.unshift(node.name.getText());
    }
  }
  return parts.join(".");
}

/** `x.load("a,b/c")`: each property on the path is a use of that member. */
function loadPaths(
  call: ts.CallExpression,
  checker: ts.TypeChecker
): { node: ts.Node; member: string; requirement?: ApiRequirement }[] {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "load") return [];
  const loadSymbol = checker.getSymbolAtLocation(callee.name);
  if (!loadSymbol?.declarations?.some(isOfficeDeclaration)) return [];
  const strings: ts.StringLiteralLike[] = [];
  for (const argument of call.arguments) {
    if (ts.isStringLiteralLike(argument)) strings.push(argument);
    if (ts.isArrayLiteralExpression(argument))
      strings.push(...argument.elements.filter(ts.isStringLiteralLike));
    if (ts.isIdentifier(argument)) {
      const initializer = constInitializer(argument, checker);
      if (initializer && ts.isStringLiteralLike(initializer)) strings.push(initializer);
      if (initializer && ts.isCallExpression(initializer))
        strings.push(...joinedStrings(initializer));
    }
  }
  const found: { node: ts.Node; member: string; requirement?: ApiRequirement }[] = [];
  const baseType = checker.getTypeAtLocation(callee.expression);
  for (const literal of strings) {
    for (const path of literal.text.split(",")) {
      let type: ts.Type | undefined = baseType;
      for (const segment of path.trim().split("/")) {
        if (!type || !segment || segment === "*" || segment.startsWith("$")) break;
        const property: ts.Symbol | undefined = checker.getPropertyOfType(
          checker.getApparentType(type),
          segment
        );
        if (!property) break;
        const declaration = property.declarations?.find(isOfficeDeclaration);
        if (!declaration) break;
        const requirement = annotationOf(declaration);
        const use: { node: ts.Node; member: string; requirement?: ApiRequirement } = {
          node: literal,
          member: qualifiedName(declaration),
        };
        if (requirement) use.requirement = requirement;
        found.push(use);
        const propertyType = checker.getTypeOfSymbolAtLocation(property, literal);
        type =
          segment === "items"
            ? checker.getIndexTypeOfType(propertyType, ts.IndexKind.Number)
            : propertyType;
      }
    }
  }
  return found;
}

/** `[...].join(",")` of string literals (how long load lists are written). */
function joinedStrings(call: ts.CallExpression): ts.StringLiteralLike[] {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "join") return [];
  if (!ts.isArrayLiteralExpression(callee.expression)) return [];
  const parts = callee.expression.elements.filter(ts.isStringLiteralLike);
  return parts;
}

/** A call to a function of ours marked `// @requires Set x.y`. */
function markedFunction(
  call: ts.CallExpression,
  checker: ts.TypeChecker
): { member: string; requirement: ApiRequirement } | undefined {
  const declaration = calledDeclaration(call, checker);
  if (!declaration) return undefined;
  const requirement = requiresAnnotation(declaration);
  if (!requirement) return undefined;
  const name =
    (declaration as { name?: ts.Node }).name ??
    (ts.isVariableDeclaration(declaration.parent) ? declaration.parent.name : undefined);
  return { member: `${name?.getText() ?? "(function)"}()`, requirement };
}

function calledDeclaration(
  call: ts.CallExpression,
  checker: ts.TypeChecker
): ts.SignatureDeclaration | undefined {
  const declaration = checker.getResolvedSignature(call)?.declaration;
  if (
    !declaration ||
    ts.isJSDocSignature(declaration) ||
    declaration.getSourceFile().isDeclarationFile
  )
    return undefined;
  return declaration;
}

function requiresAnnotation(node: ts.Node): ApiRequirement | undefined {
  let holder: ts.Node = node;
  // `const f = () => ...`: the comment sits on the variable statement.
  if (
    (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) &&
    ts.isVariableDeclaration(node.parent)
  ) {
    holder = node.parent.parent.parent;
  }
  const source = holder.getSourceFile();
  const leading = source.text.slice(holder.getFullStart(), holder.getStart(source));
  const match = REQUIRES.exec(leading);
  return match ? { set: match[1]!, version: match[2]! } : undefined;
}

/** The API sets known to be present where `node` runs, from the code around it. */
function guardsAt(
  node: ts.Node,
  checker: ts.TypeChecker
): { guards: Guards; annotated: Set<string> } {
  const guards: Guards = new Map();
  const annotated = new Set<string>();
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent)) {
      if (child === parent.thenStatement) merge(guards, positive(parent.expression, checker));
      if (child === parent.elseStatement) merge(guards, negative(parent.expression, checker));
    } else if (ts.isConditionalExpression(parent)) {
      if (child === parent.whenTrue) merge(guards, positive(parent.condition, checker));
      if (child === parent.whenFalse) merge(guards, negative(parent.condition, checker));
    } else if (ts.isBinaryExpression(parent) && child === parent.right) {
      if (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
        merge(guards, positive(parent.left, checker));
      if (parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)
        merge(guards, negative(parent.left, checker));
    } else if (
      ts.isBlock(parent) ||
      ts.isSourceFile(parent) ||
      ts.isModuleBlock(parent) ||
      ts.isCaseClause(parent)
    ) {
      for (const statement of parent.statements) {
        if (statement === child) break;
        if (
          ts.isIfStatement(statement) &&
          !statement.elseStatement &&
          exits(statement.thenStatement)
        ) {
          merge(guards, negative(statement.expression, checker));
        }
      }
    } else if (ts.isFunctionLike(parent)) {
      const requirement = requiresAnnotation(parent);
      if (requirement) {
        merge(guards, new Map([[requirement.set, requirement.version]]));
        annotated.add(requirement.set);
      }
      // Callbacks run where they are written; named functions can be called from anywhere.
      if (!ts.isArrowFunction(parent) && !ts.isFunctionExpression(parent)) break;
    }
  }
  return { guards, annotated };
}

function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBreakStatement(statement) || ts.isContinueStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements.at(-1);
    return last !== undefined && exits(last);
  }
  return false;
}

/** API sets guaranteed when `expression` is truthy. */
function positive(expression: ts.Expression, checker: ts.TypeChecker, depth = 0): Guards {
  const found: Guards = new Map();
  if (depth > 4) return found;
  const inner = skipWrappers(expression);
  if (
    ts.isBinaryExpression(inner) &&
    inner.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken
  ) {
    merge(found, positive(inner.left, checker, depth + 1));
    merge(found, positive(inner.right, checker, depth + 1));
  } else if (
    ts.isPrefixUnaryExpression(inner) &&
    inner.operator === ts.SyntaxKind.ExclamationToken
  ) {
    merge(found, negative(inner.operand, checker, depth + 1));
  } else if (ts.isCallExpression(inner)) {
    const direct = isSetSupportedCall(inner, checker);
    if (direct) found.set(direct.set, direct.version);
    else {
      const returned = guardFunctionResult(inner, checker);
      if (returned) merge(found, positive(returned, checker, depth + 1));
    }
  } else if (ts.isIdentifier(inner)) {
    const initializer = constInitializer(inner, checker);
    if (initializer) merge(found, positive(initializer, checker, depth + 1));
  }
  return found;
}

/** API sets guaranteed when `expression` is falsy. */
function negative(expression: ts.Expression, checker: ts.TypeChecker, depth = 0): Guards {
  const found: Guards = new Map();
  if (depth > 4) return found;
  const inner = skipWrappers(expression);
  if (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken) {
    merge(found, positive(inner.operand, checker, depth + 1));
  } else if (
    ts.isBinaryExpression(inner) &&
    inner.operatorToken.kind === ts.SyntaxKind.BarBarToken
  ) {
    merge(found, negative(inner.left, checker, depth + 1));
    merge(found, negative(inner.right, checker, depth + 1));
  }
  return found;
}

function skipWrappers(expression: ts.Expression): ts.Expression {
  let inner = expression;
  while (
    ts.isParenthesizedExpression(inner) ||
    ts.isAsExpression(inner) ||
    ts.isNonNullExpression(inner)
  ) {
    inner = inner.expression;
  }
  return inner;
}

/** `Office.context.requirements.isSetSupported("WordApi", "1.4")` (the Office.js one). */
function isSetSupportedCall(
  call: ts.CallExpression,
  checker: ts.TypeChecker
): ApiRequirement | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "isSetSupported")
    return undefined;
  const symbol = checker.getSymbolAtLocation(callee.name);
  if (!symbol?.declarations?.some(isOfficeDeclaration)) return undefined;
  const [name, version] = call.arguments;
  if (!name || !ts.isStringLiteralLike(name)) return undefined;
  if (!version) return { set: name.text, version: "1.1" };
  if (ts.isStringLiteralLike(version) || ts.isNumericLiteral(version))
    return { set: name.text, version: version.text };
  return undefined;
}

/** A function of ours whose body just returns an expression: that expression. */
function guardFunctionResult(
  call: ts.CallExpression,
  checker: ts.TypeChecker
): ts.Expression | undefined {
  const declaration = calledDeclaration(call, checker);
  if (!declaration || !("body" in declaration) || !declaration.body) return undefined;
  const body = declaration.body as ts.Node;
  if (!ts.isBlock(body)) return body as ts.Expression;
  const [only] = body.statements;
  return body.statements.length === 1 && only && ts.isReturnStatement(only)
    ? only.expression
    : undefined;
}

function constInitializer(
  identifier: ts.Identifier,
  checker: ts.TypeChecker
): ts.Expression | undefined {
  const declaration = checker.getSymbolAtLocation(identifier)?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer)
    return undefined;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return undefined;
  return declaration.initializer;
}

function merge(into: Guards, from: Guards): void {
  for (const [set, version] of from) {
    const current = into.get(set);
    if (current === undefined || compareVersions(version, current) > 0) into.set(set, version);
  }
}
