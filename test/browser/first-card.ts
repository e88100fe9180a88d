import type { Browser } from "playwright-core";

/** One cold load of the preview at 4x CPU slowdown: when its parts happened, in ms from navigation. */
export interface FirstCardLoad {
  /** The frame that paints the score card. */
  card: number;
  /** The first analysis arrived (use-analysis.ts). */
  analysed: number;
  /** The letter was posted to the worker (primeAnalyzer). */
  requested: number;
  /** First contentful paint. */
  paint: number;
  /** Errors thrown on the page. */
  errors: string[];
  /** Every URL the load requested. */
  requests: string[];
  /** The page's workers' script URLs. */
  workers: string[];
}

/**
 * Load `url` (the preview) in a fresh context with a 4x CPU slowdown
 * (Emulation.setCPUThrottlingRate) and time its first score card. No request interception:
 * the preview loads no Office.js, and routing would send every request of the load through the
 * test process (measured: about 100 ms added to the first card, twice the spread); the requests
 * are listed instead. Shared by test/browser/first-card.test.ts and bench/taskpane.bench.ts.
 */
export async function loadFirstCard(browser: Browser, url: string): Promise<FirstCardLoad> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: "da-DK",
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    context.on("request", (request) => requests.push(request.url()));
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
    await page.goto(url);
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
        requested: at("klarbrev:first-request"),
        paint: at("first-contentful-paint"),
      };
    });
    return { ...times, errors, requests, workers: page.workers().map((worker) => worker.url()) };
  } finally {
    await context.close();
  }
}

export const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
