/** The lookup key of a precompiled Handlebars template: its source and code-changing options. */

/** Compile options that change the generated code, in a stable order: part of the lookup key. */
export const CODE_OPTIONS = [
  "noEscape",
  "knownHelpers",
  "strict",
  "assumeObjects",
  "knownHelpersOnly",
  "preventIndent",
  "explicitPartialContext",
  "ignoreStandalone",
  "compat",
  "data",
] as const;

export function specKey(source: string, options: Record<string, unknown> = {}): string {
  const relevant = CODE_OPTIONS.filter((name) => options[name] !== undefined).map((name) => [
    name,
    options[name],
  ]);
  return JSON.stringify([source, relevant]);
}
