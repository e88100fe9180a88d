// Timing helpers shared by the plain-JS benches (engine.bench.js, rule-families.bench.js).
import { performance } from "node:perf_hooks";

/** Wall-clock and CPU time (user + system, all threads) of one call, in ms. */
export function time(fn) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function fixed(value, digits = 2) {
  return value.toFixed(digits);
}
