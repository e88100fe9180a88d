import { join } from "node:path";
import type { LegalBlockSource } from "../../templates/legal-blocks.js";
import type { LetterTemplate } from "../../templates/letter-templates.js";
import { loadLibrary } from "../../templates/library.js";
import { formatProblem } from "../../templates/problems.js";
import { renderTemplate } from "../../templates/render.js";
import type { TemplateSource } from "./handlebars-specs.js";
import type { BundledTemplateData } from "./bind.js";

/**
 * Build-time (Node) side of the template binding: loads the library in templates/ with the
 * template library's own loader, and emits the `klarbrev:template-data` module the browser
 * bundle imports (templates, legal block sources, the approved registry). Every template is
 * rendered once with its sample data while Handlebars' compile() is recorded, so the browser
 * gets exactly those templates precompiled (it may not compile: no eval under the CSP).
 */
export interface TemplateDataModule {
  source: string;
  /** Handlebars sources the browser will compile (precompiled at build time). */
  handlebarsSources: TemplateSource[];
  warnings: string[];
}

interface CompilingEnv {
  compile(source: string, options?: Record<string, unknown>): unknown;
}
interface HandlebarsModule extends CompilingEnv {
  create(): CompilingEnv;
}

export async function templateDataModule(root: string): Promise<TemplateDataModule> {
  const warnings: string[] = [];
  const library = await loadLibrary(join(root, "templates"), { cwd: root });
  for (const problem of library.problems) warnings.push(formatProblem(problem));

  const handlebars = ((await import("handlebars")) as unknown as { default: HandlebarsModule })
    .default;
  const recorded: TemplateSource[] = [];
  const create = handlebars.create;
  handlebars.create = function recordingCreate(this: unknown) {
    const env = create.call(handlebars);
    const compile = env.compile;
    env.compile = (source: string, options: Record<string, unknown> = {}) => {
      // Copy: compile() adds its built-in helpers to options.knownHelpers in place.
      recorded.push({ source, options: structuredClone(options) });
      return compile.call(env, source, options);
    };
    return env;
  };
  const templates: LetterTemplate[] = [];
  try {
    for (const { template, problems } of library.templates) {
      warnings.push(...problems.map(formatProblem));
      // A warning (an unknown key, English left half done) does not cost the caseworker the
      // template; an error does.
      if (problems.some((entry) => entry.severity === "error")) continue;
      try {
        renderTemplate(template, template.sample, library.resolve);
        templates.push(template);
      } catch (error) {
        warnings.push(
          `${template.file}: ${error instanceof Error ? error.message : String(error)}`
        );
      }
    }
  } finally {
    handlebars.create = create;
  }

  const data: BundledTemplateData = {
    templates,
    legal: library.legal.map((block) => block.source as LegalBlockSource),
    registry: library.registry,
  };
  return {
    source: `export default ${JSON.stringify(data)};`,
    handlebarsSources: recorded,
    warnings,
  };
}
