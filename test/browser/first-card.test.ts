import type { Browser } from "playwright-core";
import { timeBound } from "../support/time-bound.js";
import { buildOnce, chromiumAvailable, launch, OFFICE_JS, OFFICE_STUBS, serve } from "./harness.js";

/**
 * Issue 11 §6: the first score card within 1 s of navigation with a 4x CPU slowdown
 * (Emulation.setCPUThrottlingRate), on the offline preview with its sample letter. The time is
 * printed; the bound is load-scaled like every wall-clock bound here (test/support/time-bound.ts).
 * The worker starts while taskpane.js is still being evaluated and takes the first analysis, so
 * the page's main thread only parses, renders and paints.
 */
const BUDGET_MS = 1000;
const RUNS = 3;

const available = chromiumAvailable();
const suite = available ? describe : describe.skip;

suite("first score card at 4x CPU slowdown (issue 11 §6)", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    server = await serve(await buildOnce());
    browser = await launch();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** One cold load: milliseconds from navigation to the frame that shows the score card. */
  async function firstCard(): Promise<{ card: number; analysed: number; paint: number }> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "da-DK",
    });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.route(OFFICE_JS, (route) =>
        route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUBS.noHost })
      );
      // The moment the card is in the document, then the frame that paints it.
      await page.addInitScript(() => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector("[data-testid=scorecard]")) return;
          observer.disconnect();
          requestAnimationFrame(() => performance.mark("test:first-score-card"));
        });
        observer.observe(document, { childList: true, subtree: true });
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await page.goto(`${server.url}/preview.html`);
      await page.waitForFunction(
        () => performance.getEntriesByName("test:first-score-card").length > 0,
        undefined,
        { timeout: 30_000 }
      );
      const times = await page.evaluate(() => {
        const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        return {
          card: at("test:first-score-card"),
          analysed: at("klarbrev:analysed"),
          paint: at("first-contentful-paint"),
        };
      });
      expect(errors).toEqual([]);
      // The analysis ran in the worker, not on the page.
      expect(page.workers().map((worker) => worker.url())).toEqual([
        expect.stringMatching(/analysis-worker\.js$/u),
      ]);
      return times;
    } finally {
      await context.close();
    }
  }

  test(`the first score card appears within ${BUDGET_MS} ms at 4x slowdown`, async () => {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await firstCard());
    const cards = runs.map((run) => run.card).sort((a, b) => a - b);
    const median = cards[Math.floor(cards.length / 2)]!;
    const budget = timeBound(BUDGET_MS);
    console.log(
      `first score card at 4x CPU slowdown: median ${median.toFixed(0)} ms of ${RUNS} loads ` +
        `(budget ${budget} ms); per load: ` +
        runs
          .map(
            (run) =>
              `first paint ${run.paint.toFixed(0)}, analysis ${run.analysed.toFixed(0)}, card ${run.card.toFixed(0)} ms`
          )
          .join("; ")
    );
    expect(median).toBeLessThanOrEqual(budget);
  }, 180_000);
});
