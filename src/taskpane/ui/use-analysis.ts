import { useCallback, useEffect, useRef, useState } from "react";
import type { Analysis } from "../../engine/types.js";
import type { DocumentHost } from "../host.js";

export type Analyze = (
  letter: Awaited<ReturnType<DocumentHost["read"]>>
) => Analysis | Promise<Analysis>;

export interface AnalysisState {
  analysis?: Analysis;
  /** True while a new analysis is under way (the previous result stays on screen). */
  running: boolean;
  /** True only when the analysis takes (or is expected to take) longer than 300 ms. */
  slow: boolean;
  error?: string;
  /** Duration of the last analysis (read + analyse), in milliseconds. */
  durationMs?: number;
  /** What the host's last read left out (tables, locked paragraphs...). */
  notices: string[];
}

export interface AnalysisOptions {
  debounceMs?: number;
  slowAfterMs?: number;
}

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Analyse the host's letter now, again (debounced) after every document change, and on demand.
 * No flicker: the previous result stays until the new one is ready. The engine is synchronous,
 * so a progress indicator can only be shown ahead of time: when the last run took longer than
 * `slowAfterMs`, the indicator is painted first; an async read (Word) that takes long shows it too.
 */
export function useAnalysis(
  host: DocumentHost,
  analyze: Analyze,
  { debounceMs = 300, slowAfterMs = 300 }: AnalysisOptions = {}
): AnalysisState & { refresh: () => Promise<Analysis | undefined> } {
  const [state, setState] = useState<AnalysisState>({ running: true, slow: false, notices: [] });
  const sequence = useRef(0);
  const lastDuration = useRef(0);
  const mounted = useRef(true);
  const debounce = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refresh = useCallback(async (): Promise<Analysis | undefined> => {
    clearTimeout(debounce.current);
    const run = ++sequence.current;
    const expectSlow = lastDuration.current > slowAfterMs;
    setState((s) => ({ ...s, running: true, slow: expectSlow }));
    const timer = setTimeout(() => {
      if (mounted.current && run === sequence.current) setState((s) => ({ ...s, slow: true }));
    }, slowAfterMs);
    if (expectSlow) await nextFrame();
    try {
      const started = performance.now();
      const letter = await host.read();
      const analysis = await analyze(letter);
      const durationMs = performance.now() - started;
      lastDuration.current = durationMs;
      performance.mark?.("klarbrev:analysed", { detail: { durationMs } });
      if (!mounted.current || run !== sequence.current) return analysis;
      const notices = host.notices?.() ?? [];
      setState({ analysis, running: false, slow: false, durationMs, notices });
      return analysis;
    } catch (error) {
      if (mounted.current && run === sequence.current) {
        setState((s) => ({
          ...s,
          running: false,
          slow: false,
          error: error instanceof Error ? error.message : String(error),
        }));
      }
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }, [host, analyze, slowAfterMs]);

  useEffect(() => {
    mounted.current = true;
    void refresh();
    const unsubscribe = host.onChange(() => {
      clearTimeout(debounce.current);
      debounce.current = setTimeout(() => void refresh(), debounceMs);
    });
    return () => {
      mounted.current = false;
      clearTimeout(debounce.current);
      unsubscribe();
    };
  }, [host, refresh, debounceMs]);

  return { ...state, refresh };
}
