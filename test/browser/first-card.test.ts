import type { Browser } from "playwright-core";
import { timeBound } from "../support/time-bound.js";
import { loadFirstCard, median, type FirstCardLoad } from "./first-card.js";
import { buildOnce, chromiumAvailable, launch, serve } from "./harness.js";

/**
 * Issue 11 §6: the first score card within 1 s of navigation with a 4x CPU slowdown, on the
 * offline preview with its sample letter. What makes it fast is tested here, on every load:
 * prestart.js starts the worker before taskpane.js is evaluated, the pane posts the letter to it
 * before its first paint, and the worker, not the page, analyses; so the card follows the page's
 * first paint closely.
 *
 * The 1 s budget itself is measured by `npm run bench:taskpane` (median of 7 loads, reported in
 * README), as every speed budget of this project is: on the two-core CI machine the throttled page
 * and worker share the CPU with the browser, single loads spread by about ±10% and the machine's
 * speed drifts by as much again from minute to minute, so a test bound at the budget fails on
 * noise. The wall-clock bound here (twice the budget, load-scaled) catches gross regressions,
 * such as the engine back on the main thread.
 */
const BUDGET_MS = 1000;
const RUNS = 5;
/** The card within a quarter of the first paint's time after it (median). */
const CARD_AFTER_PAINT = 1.25;

const available = chromiumAvailable();
const suite = available ? describe : describe.skip;

suite("first score card at 4x CPU slowdown (issue 11 §6)", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  const runs: FirstCardLoad[] = [];

  beforeAll(async () => {
    server = await serve(await buildOnce());
    browser = await launch();
    for (let i = 0; i < RUNS; i++)
      runs.push(await loadFirstCard(browser, `${server.url}/preview.html`));
    console.log(
      `first score card at 4x CPU slowdown: median ${median(runs.map((run) => run.card)).toFixed(0)} ms ` +
        `of ${RUNS} loads (budget ${BUDGET_MS} ms, measured by npm run bench:taskpane); per load: ` +
        runs
          .map(
            (run) =>
              `letter posted ${run.requested.toFixed(0)}, first paint ${run.paint.toFixed(0)}, ` +
              `analysis ${run.analysed.toFixed(0)}, card ${run.card.toFixed(0)} ms`
          )
          .join("; ")
    );
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("each load is local and error-free, and the worker analyses", () => {
    for (const run of runs) {
      expect(run.errors).toEqual([]);
      expect(run.requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
      expect(run.requests).toContain(`${server.url}/prestart.js`);
      expect(run.workers).toEqual([expect.stringMatching(/analysis-worker\.js$/u)]);
    }
  });

  test("the letter goes to the worker before the pane's first paint", () => {
    for (const run of runs) expect(run.requested).toBeLessThan(run.paint);
  });

  test(`the card follows the first paint (median within ${CARD_AFTER_PAINT}x its time)`, () => {
    expect(median(runs.map((run) => run.card / run.paint))).toBeLessThanOrEqual(CARD_AFTER_PAINT);
  });

  test("a prestart.js that arrives after taskpane.js starts no second worker", async () => {
    const context = await browser.newContext({ locale: "da-DK" });
    try {
      const page = await context.newPage();
      // prestart.js is async: held back here until the pane has started its own worker.
      await page.route("**/prestart.js", async (route) => {
        await page.waitForSelector("[data-testid=scorecard]", { timeout: 30_000 });
        await route.continue();
      });
      const loaded = page.waitForResponse("**/prestart.js", { timeout: 30_000 });
      await page.goto(`${server.url}/preview.html`);
      await loaded;
      // Time for a late prestart.js to run and for a worker it started to be listed.
      await page.waitForTimeout(500);
      expect(page.workers().map((worker) => worker.url())).toEqual([
        expect.stringMatching(/analysis-worker\.js$/u),
      ]);
    } finally {
      await context.close();
    }
  }, 60_000);

  test("no gross regression: median card within twice the budget", () => {
    expect(median(runs.map((run) => run.card))).toBeLessThanOrEqual(timeBound(2 * BUDGET_MS));
  });
});
