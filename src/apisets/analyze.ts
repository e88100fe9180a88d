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
  /** A use refused whatever the API sets (coverage "none"): why. */
  problem?: string;
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

  const refuse = (node: ts.Node, member: string, problem: string) => {
    const source = node.getSourceFile();
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    uses.push({
      file: source.fileName,
      line: line + 1,
      column: character + 1,
      member,
      coverage: "none",
      problem,
    });
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
        for (const path of loadPaths(node, checker)) {
          if (path.problem) refuse(path.node, path.member, path.problem);
          else record(path.node, path.member, path.requirement);
        }
      }
      if (ts.isStringLiteralLike(node)) {
        const argument = enumValueRequirement(node, checker);
        if (argument) record(node, argument.member, argument.requirement);
      }
      if (ts.isPropertyAssignment(node)) {
        for (const value of propertyValues(node, checker))
          record(node, value.member, value.requirement);
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

interface LoadPathUse {
  node: ts.Node;
  member: string;
  requirement?: ApiRequirement;
  problem?: string;
}

/**
 * `x.load("a,b/c")`: each property on the path is a use of that member. A path through a nested
 * collection's `items` ("items/contentControls/items/tag") is refused: Microsoft documents load
 * paths through navigation properties ("text, font/size") and `items/` only at the start of a
 * collection's path (OfficeExtension.LoadOption; "Load from a collection" in the application-
 * specific API model article), and "items" in a load string has failed in Word (office-js #3607).
 */
function loadPaths(call: ts.CallExpression, checker: ts.TypeChecker): LoadPathUse[] {
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
        strings.push(...joinedStrings(initializer, checker));
    }
  }
  const found: LoadPathUse[] = [];
  const baseType = checker.getTypeAtLocation(callee.expression);
  for (const literal of strings) {
    for (const path of literal.text.split(",")) {
      let type: ts.Type | undefined = baseType;
      const segments = path.trim().split("/");
      if (segments.indexOf("items", 1) > 0) {
        found.push({
          node: literal,
          member: `load("${path.trim()}")`,
          problem:
            "a load path through a nested collection's items is not documented for Word; load the inner collection itself",
        });
        continue;
      }
      for (const segment of segments) {
        if (!type || !segment || segment === "*" || segment.startsWith("$")) break;
        const property: ts.Symbol | undefined = checker.getPropertyOfType(
          checker.getApparentType(type),
          segment
        );
        if (!property) break;
        const declaration = property.declarations?.find(isOfficeDeclaration);
        if (!declaration) break;
        const requirement = annotationOf(declaration);
        const use: LoadPathUse = {
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

/**
 * Values whose requirement is above their member's: documented in prose, not in the type
 * annotations (so a table). `ContentControlOptions.types`: "`plainText` support was added in
 * WordApi 1.5. `checkBox` support was added in WordApi 1.7. `dropDownList` and `comboBox` support
 * was added in WordApi 1.9. Support for `buildingBlockGallery`, `datePicker`, `group`, `picture`,
 * and `repeatingSection` was added in WordApiDesktop 1.3." (@types/office-js, from
 * https://learn.microsoft.com/javascript/api/word/word.contentcontroloptions).
 */
const ARGUMENT_REQUIREMENTS: Record<string, Record<string, ApiRequirement>> = {
  "Word.ContentControlOptions.types": {
    PlainText: { set: "WordApi", version: "1.5" },
    CheckBox: { set: "WordApi", version: "1.7" },
    DropDownList: { set: "WordApi", version: "1.9" },
    ComboBox: { set: "WordApi", version: "1.9" },
    BuildingBlockGallery: { set: "WordApiDesktop", version: "1.3" },
    DatePicker: { set: "WordApiDesktop", version: "1.3" },
    Group: { set: "WordApiDesktop", version: "1.3" },
    Picture: { set: "WordApiDesktop", version: "1.3" },
    RepeatingSection: { set: "WordApiDesktop", version: "1.3" },
  },
};

/**
 * A string literal given to Office.js as an enum value whose member carries its own `[Api set]`
 * (a `changeTrackingMode` value, a break type): a use of that member.
 */
function enumValueRequirement(
  literal: ts.StringLiteralLike,
  checker: ts.TypeChecker
): { member: string; requirement: ApiRequirement } | undefined {
  const contextual = checker.getContextualType(literal as ts.Expression);
  if (!contextual) return undefined;
  const candidates = contextual.isUnion() ? contextual.types : [contextual];
  for (const candidate of candidates) {
    const declaration = candidate.getSymbol()?.declarations?.find(isOfficeDeclaration);
    if (!declaration || !ts.isEnumMember(declaration)) continue;
    if (checker.getConstantValue(declaration) !== literal.text) continue;
    const requirement = annotationOf(declaration);
    if (requirement) return { member: qualifiedName(declaration), requirement };
  }
  return undefined;
}

/**
 * `{ types: [...] }` written to an Office.js property listed in ARGUMENT_REQUIREMENTS: each
 * value with a requirement of its own, followed through casts and spreads of const arrays
 * (`types: [...CONTROL_TYPES]`). The use is placed at the property, where the call's guards are.
 */
function propertyValues(
  assignment: ts.PropertyAssignment,
  checker: ts.TypeChecker
): { member: string; requirement: ApiRequirement }[] {
  const contextual = checker.getContextualType(assignment.parent);
  const objectType = contextual && checker.getNonNullableType(contextual);
  const property = objectType?.getProperty(assignment.name.getText());
  const declaration = property?.declarations?.find(isOfficeDeclaration);
  if (!declaration) return [];
  const holder = qualifiedName(declaration);
  const table = ARGUMENT_REQUIREMENTS[holder];
  if (!table) return [];
  return stringValues(assignment.initializer, checker).flatMap((value) => {
    const requirement = table[value];
    return requirement ? [{ member: `${holder} "${value}"`, requirement }] : [];
  });
}

function stringValues(expression: ts.Expression, checker: ts.TypeChecker, depth = 0): string[] {
  if (depth > 4) return [];
  const inner = skipWrappers(expression);
  if (ts.isStringLiteralLike(inner)) return [inner.text];
  if (ts.isArrayLiteralExpression(inner))
    return inner.elements.flatMap((element) =>
      stringValues(ts.isSpreadElement(element) ? element.expression : element, checker, depth + 1)
    );
  if (ts.isIdentifier(inner)) {
    const initializer = constInitializer(inner, checker);
    return initializer ? stringValues(initializer, checker, depth + 1) : [];
  }
  return [];
}

/** `[...].join(",")` of string literals (how long load lists are written). */
function joinedStrings(call: ts.CallExpression, checker: ts.TypeChecker): ts.StringLiteralLike[] {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "join") return [];
  return arrayStrings(callee.expression, checker);
}

/** String literals of an array literal, spreads of const arrays (`...FIELDS`) followed. */
function arrayStrings(
  expression: ts.Expression,
  checker: ts.TypeChecker,
  depth = 0
): ts.StringLiteralLike[] {
  const inner = skipWrappers(expression);
  if (depth > 4 || !ts.isArrayLiteralExpression(inner)) return [];
  return inner.elements.flatMap((element) => {
    if (ts.isStringLiteralLike(element)) return [element];
    if (ts.isSpreadElement(element) && ts.isIdentifier(element.expression)) {
      const initializer = constInitializer(element.expression, checker);
      return initializer ? arrayStrings(initializer, checker, depth + 1) : [];
    }
    return [];
  });
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
  let symbol = checker.getSymbolAtLocation(identifier);
  // An imported const: its declaration in the module that exports it.
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.valueDeclaration;
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
