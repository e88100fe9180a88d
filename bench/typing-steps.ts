import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createIncrementalAnalyzer } from "../src/engine/incremental.js";
import { loadLegalRegistry } from "../src/templates/library.js";
import { letterOfPages } from "./taskpane.bench.js";

/**
 * Where a one-word edit's time goes: the incremental analyser's steps (classify, place, each
 * plugin, finish), warm and after garbage collections (as bench/taskpane.bench.ts's "after
 * idle"), on the 10-page bench letter with the legal registry. A profile, not a budget.
 * Run: node src/taskpane/tools/run-ts.mjs bench/typing-steps.ts [edits]
 */
const TYPED = ["og", "nu", "her", "også", "gerne", "hurtigt", "venligst"];

export async function main(): Promise<void> {
  const root = process.cwd();
  const edits = Number(process.argv[3] ?? 20);
  const ten = await letterOfPages(root, 10);
  const { registry } = await loadLegalRegistry(join(root, "templates"));
  const analyzer = createIncrementalAnalyzer({ legal: { registry } }, { timings: true });
  const at = ten.indexOf("Du bedes") + "Du bedes".length;
  let text = ten;
  let typed = 0;
  const type = () =>
    (text = `${text.slice(0, at)} ${TYPED[typed++ % TYPED.length]}${text.slice(at)}`);
  const sum = (into: Map<string, number[]>) => {
    for (const [step, ms] of Object.entries(analyzer.lastRun().timings ?? {})) {
      const list = into.get(step) ?? [];
      list.push(ms);
      into.set(step, list);
    }
  };
  for (let i = 0; i < 15; i++) analyzer.analyze(type());
  const warm = new Map<string, number[]>();
  for (let i = 0; i < edits; i++) {
    analyzer.analyze(type());
    sum(warm);
  }
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const idle = new Map<string, number[]>();
  for (let i = 0; i < Math.max(3, Math.round(edits / 4)); i++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let n = 0; n < 8; n++) gc();
    analyzer.analyze(type());
    sum(idle);
  }
  const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
  const rows = [...warm.keys()]
    .map((step) => ({ step, warm: mean(warm.get(step)!), idle: mean(idle.get(step) ?? [0]) }))
    .sort((a, b) => b.warm + b.idle - (a.warm + a.idle));
  const total = (key: "warm" | "idle") => rows.reduce((s, row) => s + row[key], 0);
  console.log(
    `${"step".padEnd(36)} ${"warm".padStart(8)} ${"after GCs".padStart(10)}  (ms per edit, means)`
  );
  for (const row of rows) {
    console.log(
      `${row.step.padEnd(36)} ${row.warm.toFixed(2).padStart(8)} ${row.idle.toFixed(2).padStart(10)}`
    );
  }
  console.log(
    `${"total".padEnd(36)} ${total("warm").toFixed(2).padStart(8)} ${total("idle").toFixed(2).padStart(10)}`
  );
}
