import type { IncrementalAnalyzer } from "../../engine/incremental.js";
import type { AnalyzeOptions } from "../../engine/types.js";
import type { InlineAnalyze, RewriteEngine } from "./inline-engine.js";
import { ENGINE_GLOBAL, ENGINE_URL } from "./worker-url.js";

export type { InlineAnalyze, RewriteEngine };

type EngineGlobal = RewriteEngine & {
  createIncrementalAnalyzer(options?: AnalyzeOptions): IncrementalAnalyzer;
};

let loading: Promise<EngineGlobal> | undefined;

/** analysis-engine.js, next to taskpane.js ('self' in the CSP), loaded once on first need. */
function loadEngine(): Promise<EngineGlobal> {
  return (loading ??= new Promise<EngineGlobal>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = ENGINE_URL;
    script.onload = () => {
      const engine = (globalThis as Record<string, unknown>)[ENGINE_GLOBAL] as
        EngineGlobal | undefined;
      if (engine) resolve(engine);
      else reject(new Error(`${ENGINE_URL} did not load the engine`));
    };
    script.onerror = () => {
      loading = undefined;
      reject(new Error(`${ENGINE_URL} could not be loaded`));
    };
    document.head.append(script);
  }));
}

/** The browser's inline analyser: the same incremental analyser, its script loaded on demand. */
export function createInlineAnalyzer(options: AnalyzeOptions = {}): InlineAnalyze {
  let analyzer: IncrementalAnalyzer | undefined;
  return async (letter) => {
    const engine = await loadEngine();
    return (analyzer ??= engine.createIncrementalAnalyzer(options)).analyzeLetter(letter);
  };
}

/** The whole-letter rewrite, from the same script. */
export function rewriteEngine(): Promise<RewriteEngine> {
  return loadEngine();
}
