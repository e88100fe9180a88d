import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildTaskpane } from "../../src/taskpane/build.js";

/** Support for the task pane's real-browser tests: build, serve, launch Debian's Chromium. */

export const CHROMIUM = process.env["KLARBREV_CHROMIUM"] ?? "/usr/bin/chromium";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The repository root: jest and the npm scripts run from there. */
export const ROOT = resolve(process.env["KLARBREV_ROOT"] ?? process.cwd());
export const ARTIFACTS = join(ROOT, "test-artifacts", "taskpane");

/**
 * Whether the browser tests can run. Without Chromium they say so loudly, with the command to
 * install it; under CI (process.env.CI set) that is a failure, locally a skip.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const lines = [
    "",
    "=".repeat(78),
    `  KLARBREV BROWSER TESTS: Chromium not found at ${CHROMIUM}`,
    "  Install Debian's Chromium:   sudo apt-get update && sudo apt-get install -y chromium",
    "  (or point KLARBREV_CHROMIUM at a Chromium binary)",
    process.env["CI"] ? "  CI is set: failing." : "  Not in CI: the browser tests are skipped.",
    "=".repeat(78),
    "",
  ];
  console.warn(lines.join("\n"));
  if (process.env["CI"])
    throw new Error(`Chromium is missing at ${CHROMIUM} (apt-get install -y chromium)`);
  return false;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/** A tiny static server over `dir` on 127.0.0.1 and a random port. */
export async function serve(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const file = normalize(join(dir, path === "/" ? "preview.html" : path));
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        });
        response.end(body);
      },
      () => response.writeHead(404).end("not found")
    );
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Office.js stand-ins for the CDN URL: gone (Office undefined) or a stub that reports no host. */
export const OFFICE_STUBS = {
  none: "/* Office.js intercepted in tests: Office stays undefined */",
  noHost:
    "window.Office = { onReady: function () { return Promise.resolve({ host: null, platform: null }); }, context: {} };",
} as const;

export interface PageEvents {
  errors: string[];
  /** Requests that left 127.0.0.1 (other than the intercepted Office.js URL). */
  remote: string[];
  csp: string[];
}

/**
 * A page with the Office.js CDN URL intercepted and every other non-local request recorded and
 * aborted, so a test fails if the pane ever reaches the network.
 */
export async function openPage(
  browser: Browser,
  url: string,
  {
    office = "noHost",
    width = 1280,
    height = 900,
  }: { office?: keyof typeof OFFICE_STUBS; width?: number; height?: number } = {}
): Promise<{ page: Page; events: PageEvents }> {
  const context = await browser.newContext({ viewport: { width, height }, locale: "da-DK" });
  const page = await context.newPage();
  const events: PageEvents = { errors: [], remote: [], csp: [] };
  await page.route("**/*", async (route) => {
    const requestUrl = route.request().url();
    if (requestUrl === OFFICE_JS) {
      await route.fulfill({
        status: 200,
        contentType: "text/javascript",
        body: OFFICE_STUBS[office],
      });
    } else if (/^https?:\/\/127\.0\.0\.1[:/]/u.test(requestUrl) || requestUrl.startsWith("data:")) {
      await route.continue();
    } else {
      events.remote.push(requestUrl);
      await route.abort();
    }
  });
  page.on("pageerror", (error) => events.errors.push(error.message));
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy/iu.test(text)) events.csp.push(text);
    else if (message.type() === "error") events.errors.push(text);
  });
  await page.goto(url);
  return { page, events };
}

/** A screenshot of the viewport, scrolled to `focus` (a selector) when given. */
export async function screenshot(page: Page, name: string, focus?: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded();
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path });
  return path;
}

/** Run axe-core (WCAG 2.0/2.1 A and AA rules) on the page; returns the violations. */
export async function axe(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  const source = await readFile(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axeGlobal = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object
          ) => Promise<{
            violations: { id: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axeGlobal.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
}

let built: Promise<string> | undefined;

/** Build the task pane once per test file, into a temporary folder (dist/ stays as it is). */
export function buildOnce(): Promise<string> {
  built ??= mkdtemp(join(tmpdir(), "klarbrev-taskpane-")).then((outdir) =>
    buildTaskpane({ root: ROOT, outdir }).then((result) => result.outdir)
  );
  return built;
}

/** What a browser test file needs: the served pane, opened pages and the checks of every state. */
export interface PaneSession {
  browser(): Browser;
  /** The served build's address for a path ("/preview.html"). */
  url(path: string): string;
  /** Open a page and wait for the score card and the findings. */
  open(
    path?: string,
    options?: Parameters<typeof openPage>[2]
  ): Promise<{ page: Page; events: PageEvents }>;
  /** Screenshot and axe: every state is recorded and must have no WCAG 2.1 A/AA violation. */
  check(page: Page, name: string, focus?: string): Promise<void>;
  /** No page errors, no CSP reports, no request that left the machine. */
  clean(events: PageEvents): void;
  /** Open a collapsible section of the pane by its test id. */
  openSection(page: Page, testId: string): Promise<void>;
}

/**
 * Build and serve the pane and launch Chromium for the enclosing describe block (call it inside
 * one); pages open at `defaultPath` unless a test names another.
 */
export function paneSession(defaultPath: string): PaneSession {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serve>> | undefined;

  beforeAll(async () => {
    server = await serve(await buildOnce());
    browser = await launch();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const url = (path: string) => `${server!.url}${path}`;
  return {
    browser: () => browser!,
    url,
    async open(path = defaultPath, options = {}) {
      const opened = await openPage(browser!, url(path), options);
      await opened.page.waitForSelector("[data-testid=scorecard]", { timeout: 15_000 });
      await opened.page.waitForSelector("[data-testid=findings]", { timeout: 15_000 });
      return opened;
    },
    async check(page, name, focus) {
      await screenshot(page, name, focus);
      expect(await axe(page)).toEqual([]);
    },
    clean(events) {
      expect(events.errors).toEqual([]);
      expect(events.csp).toEqual([]);
      expect(events.remote).toEqual([]);
    },
    async openSection(page, testId) {
      const button = page.locator(`[data-testid=${testId}] .kb-disclosure`);
      if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
    },
  };
}
