import { copyFileSync, mkdirSync } from "node:fs";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { run as templates } from "../../src/cli/commands/templates.js";
import { ARTIFACTS, axe, chromiumAvailable, launch, openPage, ROOT, serve } from "./harness.js";

/**
 * The legal staff's library dashboard (`klarbrev templates check --html`) in Debian's Chromium:
 * the shipped library plus an old-style summons pinned to an outdated legal block. Its own CSP
 * must hold (no violation, no request leaving the page), axe finds nothing, and the table
 * sorts. KLARBREV_UPDATE_DOCS=1 also writes the screenshot README shows (docs/dashboard.png).
 */

const run = chromiumAvailable() ? describe : describe.skip;
const NOW = new Date("2026-12-04T10:15:00.000Z");

run("library dashboard in a real browser", () => {
  let dir = "";
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  let page: Page;
  let events: { errors: string[]; remote: string[]; csp: string[] };
  let html = "";

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "klarbrev-dashboard-"));
    await cp(join(ROOT, "templates"), join(dir, "lib"), { recursive: true });
    copyFileSync(
      join(ROOT, "test/fixtures/templates-dashboard/indkaldelse-gammel.md"),
      join(dir, "lib/letters/indkaldelse-gammel.md")
    );
    const out: string[] = [];
    const code = await templates(["check", "lib", "--html", "rapport.html"], {
      stdout: (text) => out.push(text),
      stderr: (text) => out.push(text),
      cwd: dir,
      now: () => NOW,
    });
    expect(code).toBe(1); // the old summons fails
    html = await readFile(join(dir, "rapport.html"), "utf8");
    server = await serve(dir);
    browser = await launch();
    ({ page, events } = await openPage(browser, `${server.url}/rapport.html`, {
      width: 1280,
      height: 1000,
    }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const firstColumn = () =>
    page.$$eval("#skabeloner tbody tr", (rows) =>
      rows.map((row) => (row as HTMLTableRowElement).cells[0]!.getAttribute("data-sort"))
    );
  const column = (index: number) =>
    page.$$eval(
      "#skabeloner tbody tr",
      (rows, at) =>
        rows.map((row) =>
          Number((row as HTMLTableRowElement).cells[at]!.getAttribute("data-sort"))
        ),
      index
    );

  test("self-contained under its own strict CSP: no remote request, no violation, no error", async () => {
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'/u
    );
    expect(html).not.toMatch(/https?:\/\/|<link|\bsrc=|url\(|\son[a-z]+=|\sstyle=/u);
    // The script ran (the CSP hash matches): sorting works below, and nothing was refused.
    expect(events).toEqual({ errors: [], remote: [], csp: [] });
  });

  test("axe (WCAG 2.1 A/AA): no violations", async () => {
    await page.evaluate(() =>
      document.querySelectorAll("details").forEach((details) => (details.open = true))
    );
    expect(await axe(page)).toEqual([]);
    await page.evaluate(() =>
      document.querySelectorAll("details").forEach((details) => (details.open = false))
    );
  }, 60_000);

  test("sorting: by LIX up and down, by name, with aria-sort and a spoken status", async () => {
    await page.getByRole("button", { name: "LIX" }).click();
    const up = await column(3);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(await page.getAttribute("#skabeloner th:nth-child(4)", "aria-sort")).toBe("ascending");
    await expect(page.textContent("#sortering-status")).resolves.toBe(
      "Sorteret efter LIX, stigende."
    );
    await page.getByRole("button", { name: "LIX" }).click();
    const down = await column(3);
    expect(down).toEqual([...up].reverse());
    expect(down[0]).toBeGreaterThan(35); // the old summons leads
    await page.getByRole("button", { name: "Trusselsscore" }).press("Enter");
    expect(await page.getAttribute("#skabeloner th:nth-child(5)", "aria-sort")).toBe("ascending");
    expect(await page.getAttribute("#skabeloner th:nth-child(4)", "aria-sort")).toBeNull();
    await page.getByRole("button", { name: "Skabelon" }).click();
    const names = await firstColumn();
    expect(names).toEqual([...names].sort((a, b) => a!.localeCompare(b!, "da")));
  });

  test("charts, officialese, outdated versions, drafts never called approved, word diffs", async () => {
    expect(await page.locator('svg[role="img"]').count()).toBe(3);
    const text = (await page.textContent("body"))!;
    expect(text).toContain("Skabeloner med en forældet version:");
    expect(await page.locator("#kancellisprog tbody tr").count()).toBeGreaterThan(3);
    expect(await page.textContent("#kancellisprog tbody tr:first-child")).toMatch(/»[^«]+«/u);
    expect(text).toContain("udkast: skal godkendes af kommunens jurister");
    expect(text).not.toMatch(/\bgodkendt af Klarbrev-projektet/u);
    expect(text).toContain("Dannet 4. december 2026 kl.");
    // Version 1 of the sanction guidance is shown as a word diff to version 2, not in full.
    const v1 = page.locator("#l-sanktioner-ved-udeblivelse-1");
    expect(await v1.locator("del").count()).toBeGreaterThan(0);
    expect(await v1.locator("ins").count()).toBeGreaterThan(0);
    expect(await v1.locator("pre").count()).toBe(0);
    // One typeface: every element computes the same font family.
    const families = await page.$$eval("body *", (elements) => [
      ...new Set(elements.map((element) => getComputedStyle(element).fontFamily)),
    ]);
    expect(families).toHaveLength(1);
  });

  test("screenshot", async () => {
    mkdirSync(join(ARTIFACTS, "..", "dashboard"), { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    const path = join(ARTIFACTS, "..", "dashboard", "dashboard.png");
    await page.getByRole("button", { name: "LIX" }).click();
    await page.getByRole("button", { name: "LIX" }).click();
    await page.screenshot({
      path,
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: 1900 },
    });
    if (process.env["KLARBREV_UPDATE_DOCS"]) copyFileSync(path, join(ROOT, "docs/dashboard.png"));
  });
});
