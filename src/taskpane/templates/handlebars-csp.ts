import Runtime from "handlebars/runtime";
import precompiled from "klarbrev:handlebars-precompiled";
import { specKey } from "./spec-key.js";

/**
 * "handlebars" as the task pane bundle sees it. Handlebars.compile() generates code with
 * `new Function`, which the pane's Content-Security-Policy forbids (no 'unsafe-eval'). So every
 * template the engine and the template library use is precompiled at build time (build.ts,
 * handlebars-specs.ts), and compile() here only looks the precompiled template up. Only the
 * runtime ships, not the compiler.
 */

type Env = typeof Runtime;
type Spec = Parameters<Env["template"]>[0];
type CompileOptions = Record<string, unknown>;

const specs = precompiled as Record<string, Spec>;

/** The members the shim replaces, typed loosely: Runtime's own types say compile() compiles. */
interface Replaced {
  compile: (source: string, options?: CompileOptions) => unknown;
  precompile: () => never;
  create: () => Env;
}

function wrap(env: Env): Env {
  const shim = env as unknown as Replaced;
  shim.compile = (source: string, options?: CompileOptions) => {
    const spec = specs[specKey(source, options)];
    if (!spec) {
      throw new Error(
        `Handlebars template not precompiled at build time (the task pane forbids eval): "${source.slice(0, 60)}"`
      );
    }
    return env.template(spec);
  };
  shim.precompile = () => {
    throw new Error("Handlebars.precompile is not available in the task pane");
  };
  shim.create = () => wrap(Runtime.create());
  return env;
}

const Handlebars = wrap(Runtime.create());
export default Handlebars;
