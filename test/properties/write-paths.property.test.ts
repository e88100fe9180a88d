import { runBounded } from "../support/bounded.js";
import { CALL_LIMIT_MS, TOTAL_CASES } from "./write-paths.js";
import { ENGINE_CASES, PREVIEW_CASES, WORD_CASES, type Stats } from "./write-paths.checks.js";

/**
 * Issue 12.5: every write path (the engine, the offline preview, the Word adapter on the strict
 * fake) gets the same kinds of edits (write-paths.ts), and for every batch: guidance text never
 * changes, a batch is all or nothing where the path promises it (preview, Word), and every call
 * returns within CALL_LIMIT_MS. TOTAL_CASES (10,000 by default; KLARBREV_PROPERTY_CASES=N for
 * more) is split 50/25/25 by cost. Each path runs in a worker with a hard limit for the whole run,
 * so even an endless synchronous loop fails the test instead of stalling CI. On failure,
 * fast-check's report (seed, counterexample) is the error message; replay it with
 * KLARBREV_PROPERTY_SEED=<seed>.
 */
const CHECKS = new URL("./write-paths.checks.ts", import.meta.url);
/** The whole run of one path: generous (shared CI cores), far below "hangs". */
const runLimit = (cases: number) => Math.max(60_000, cases * 40);

describe(`legal text on every write path: ${TOTAL_CASES} cases (property, issue 12.5)`, () => {
  test.each([
    ["engine applyEdits", "enginePath", ENGINE_CASES],
    ["preview host", "previewPath", PREVIEW_CASES],
    ["Word adapter on the strict fake", "wordPath", WORD_CASES],
  ] as const)(
    "%s: %s, %i batches",
    async (_, exported, cases) => {
      const outcome = await runBounded<Stats>(CHECKS, exported, runLimit(cases));
      if (!outcome.done) {
        throw new Error(
          `${exported} did not finish within ${runLimit(cases)} ms (every call should take under ${CALL_LIMIT_MS} ms)`
        );
      }
      if (process.env.KLARBREV_PROPERTY_STATS) console.log(exported, JSON.stringify(outcome.value));
      // Both outcomes occur, so the all-or-nothing checks are exercised both ways.
      for (const [path, { applied, refused }] of Object.entries(outcome.value)) {
        if (cases >= 200) {
          expect([path, applied > 0, refused > 0]).toEqual([path, true, true]);
        }
      }
    },
    // Bundling and the worker's own limit fit inside jest's.
    runLimit(WORD_CASES) + 60_000
  );
});
