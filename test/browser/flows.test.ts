import { join } from "node:path";
import type { Page } from "playwright-core";
import type { Letter } from "../../src/engine/letter/model.js";
import { loadLibrary } from "../../src/templates/library.js";
import { renderTemplate } from "../../src/templates/render.js";
import { toMarkedText } from "../../src/templates/structure.js";
import { ROOT, chromiumAvailable, paneSession } from "./harness.js";

/**
 * Issue 11 in a real browser (Debian's Chromium) on the offline preview: the caseworker's and
 * the legal reviewer's flows. Every state gets a screenshot in test-artifacts/taskpane/ and
 * axe-core (WCAG 2.1 A/AA) with zero violations.
 */
const available = chromiumAvailable();
const suite = available ? describe : describe.skip;

async function renderedSummons(): Promise<Letter> {
  const library = await loadLibrary(join(ROOT, "templates"), { cwd: ROOT });
  const template = library.templates.find(
    (entry) => entry.template.id === "indkaldelse-samtale"
  )!.template;
  return renderTemplate(template, template.sample, library.resolve).letter;
}

function changeGuidance(letter: Letter, change: (text: string) => string): string {
  const blocks = letter.blocks.map((block) =>
    block.legal?.id === "sanktioner-ved-udeblivelse"
      ? { ...block, text: change(block.text) }
      : block
  );
  return toMarkedText({ text: "", blocks });
}

suite("issue 11 flows in Chromium (offline preview)", () => {
  const session = paneSession("/preview.html");
  const { open, check, clean, openSection } = session;

  async function paste(page: Page, text: string): Promise<void> {
    await page.click("[data-testid=paste-own]");
    await page.fill("[data-testid=paste-panel] textarea", text);
    await page.click("[data-testid=paste-use]");
  }

  test("§1 restore puts the approved text back with its heading line and paragraphs", async () => {
    const letter = await renderedSummons();
    const original = letter.blocks.find((b) => b.legal?.id === "sanktioner-ved-udeblivelse")!;
    const { page, events } = await open();
    await paste(
      page,
      changeGuidance(letter, (text) => text.replace("rimelig grund", "god grund"))
    );
    const block = page.locator('.kb-paper .kb-locked[data-legal-id="sanktioner-ved-udeblivelse"]');
    await block.and(page.locator('[data-approved="false"]')).waitFor({ timeout: 10_000 });
    // Changed guidance is never labelled approved.
    expect(await block.locator(".kb-legal-title").textContent()).toMatch(/ændret, ikke godkendt/u);
    expect(await block.locator(".kb-legal-title").textContent()).not.toMatch(/godkendt tekst/u);
    await openSection(page, "section-legal");
    await page.getByRole("button", { name: "Gendan godkendt tekst" }).click();
    await page.getByRole("button", { name: "Ja, gendan" }).click();
    await page.click("[data-testid=accept-all]");
    await block.and(page.locator('[data-approved="true"]')).waitFor({ timeout: 10_000 });
    // The block as the reader sees it: the same lines as the approved text, in the same places.
    const shown = await block.locator("[data-testid=legal-text]").innerText();
    expect(shown.split("\n").map((line) => line.trim())).toEqual(
      original.text.split("\n").map((line) => line.trim())
    );
    const status = page.locator(
      '[data-testid=legal-panel] [data-legal-id="sanktioner-ved-udeblivelse"]'
    );
    expect(await status.getAttribute("data-legal-status")).toBe("intact");
    await check(
      page,
      "flows-01-restored-structure",
      '.kb-paper [data-legal-id="sanktioner-ved-udeblivelse"]'
    );
    clean(events);
  }, 90_000);

  test("§1 a threat typed into guidance counts and its findings never say approved", async () => {
    const letter = await renderedSummons();
    const { page, events } = await open();
    await paste(
      page,
      changeGuidance(letter, (text) =>
        text.replace(
          "Kommer du ikke til en samtale,",
          "Kommer du ikke, mister du al din hjælp. Kommer du ikke til en samtale,"
        )
      )
    );
    await page.locator('.kb-paper .kb-locked[data-approved="false"]').waitFor({ timeout: 10_000 });
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll(".kb-finding")].some(
          (card) =>
            card.getAttribute("data-rule")?.startsWith("threat/") &&
            /mister du al din hjælp/u.test(card.textContent ?? "")
        ),
      undefined,
      { timeout: 10_000 }
    );
    expect(Number(await page.getAttribute("[data-score=threat]", "data-metric"))).toBeGreaterThan(
      0
    );
    // The changed block's own cards: counted, and never called approved. (The other, intact
    // block's cards still say that its approved text does not count.)
    const own = await page
      .locator(".kb-finding", { hasText: "mister du al din hjælp" })
      .allTextContents();
    expect(own.length).toBeGreaterThan(0);
    for (const card of own) {
      expect(card).not.toMatch(/godkendt og tæller ikke med|låst, godkendt/u);
      expect(card).toMatch(/Står i vejledning, hvis tekst er ændret/u);
    }
    await check(page, "flows-02-changed-guidance-counts");
    clean(events);
  }, 90_000);

  test("§1 missing guidance: title and version, Vis i dokumentet, and one click inserts it locked before the closing", async () => {
    const { page, events } = await open();
    await openSection(page, "section-legal");
    const missing = page.locator('[data-testid=legal-panel] [data-legal-status="missing"]');
    await missing.waitFor();
    const text = await missing.textContent();
    expect(text).toContain("Vejledning om rettigheder og pligter");
    expect(text).toContain("version 2");
    expect(text).not.toMatch(/vejledning-om-pligter|sanktioner-ved-udeblivelse/u);
    const intro = await page.locator("[data-testid=legal-panel] > p").allTextContents();
    expect(intro.join(" ")).not.toMatch(/låst i brevet/u);
    // "Vis i dokumentet" on the missing-guidance finding goes to where it belongs: the closing.
    const finding = page.locator('.kb-finding[data-rule="legal/missing"]');
    await finding.getByRole("button", { name: "Vis i dokumentet" }).click();
    await page.waitForFunction(() => document.activeElement?.classList.contains("kb-kind-closing"));
    await check(page, "flows-03-missing-guidance", "[data-testid=legal-panel]");

    await missing.getByRole("button", { name: "Indsæt lovpligtig vejledning" }).click();
    const inserted = page.locator(
      '.kb-paper .kb-locked[data-legal-id="sanktioner-ved-udeblivelse"]'
    );
    await inserted.and(page.locator('[data-approved="true"]')).waitFor({ timeout: 10_000 });
    const order = await page
      .locator(".kb-paper > *")
      // A marked paragraph is a field wrapping its text field: take the block itself.
      .evaluateAll((nodes) =>
        nodes.map((node) => (node.querySelector("[data-block-index]") ?? node).className)
      );
    const at = order.findIndex((name) => name.includes("kb-locked"));
    expect(order[at + 1]).toMatch(/kb-kind-closing/u);
    expect(order[at - 1]).toMatch(/kb-kind-paragraph/u);
    expect(await page.getAttribute("[data-score=legal]", "data-status")).not.toBe("bad");
    await expect(page.locator("[data-testid=message]").textContent()).resolves.toMatch(
      /vejledning er indsat/u
    );
    await check(
      page,
      "flows-04-guidance-inserted",
      '.kb-paper [data-legal-id="sanktioner-ved-udeblivelse"]'
    );
    clean(events);
  }, 90_000);

  test("§1 a well-written letter that only lacks its guidance gets one clear action", async () => {
    const letter = await renderedSummons();
    const withoutGuidance = toMarkedText({
      text: "",
      blocks: letter.blocks.filter((b) => b.kind !== "legal"),
    });
    const { page, events } = await open();
    await paste(page, withoutGuidance);
    const callout = page.locator("[data-testid=only-missing]");
    await callout.waitFor({ timeout: 10_000 });
    expect(await callout.textContent()).toMatch(/mangler kun den lovpligtige vejledning/u);
    expect(await page.locator('.kb-finding[data-rule="legal/missing"]').count()).toBe(0);
    await check(page, "flows-05-only-missing", "[data-testid=only-missing]");
    // The letter does not say which benefit it is about: the two approved blocks are the choice.
    await callout.getByRole("button", { name: /Vejledning om rettigheder og pligter$/u }).click();
    await page.waitForSelector('.kb-paper .kb-locked[data-approved="true"]', { timeout: 10_000 });
    await page.waitForFunction(() => !document.querySelector("[data-testid=only-missing]"));
    clean(events);
  }, 90_000);

  test("§3 findings lead: severity order, filter, counts, one card per span, the sentence, exact change", async () => {
    const { page, events } = await open();
    const severities = await page
      .locator(".kb-severity-group")
      .evaluateAll((groups) => groups.map((g) => g.getAttribute("data-severity")));
    expect(severities).toEqual(["error", "warning", "info"]);
    // Counts per severity in the header, as filter buttons.
    const error = page.locator("[data-testid=filter-error]");
    expect(await error.textContent()).toMatch(/Skal rettes \(\d+\)/u);
    await error.click();
    expect(await error.getAttribute("aria-pressed")).toBe("true");
    const shown = await page
      .locator(".kb-finding")
      .evaluateAll((cards) => cards.map((c) => c.className));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((name) => name.includes("kb-severity-error"))).toBe(true);
    await check(page, "flows-06-filter-errors");
    await page.click("[data-testid=filter-all]");
    // One card for »Det bemærkes, at«: officialese and warning, two reasons, one suggestion.
    const merged = page.locator(
      '.kb-finding[data-rules~="plain/officialese"][data-rules~="threat/warning"]'
    );
    expect(await merged.count()).toBe(1);
    expect(await merged.locator(".kb-reasons li").count()).toBe(1);
    expect(await merged.locator("[data-testid=change]").textContent()).toBe(
      "slet »Det bemærkes, at«"
    );
    // The LIX card quotes one sentence, not the paragraph.
    const lix = await page
      .locator('.kb-finding[data-rule="readability/lix"] .kb-sentence')
      .textContent();
    expect(lix).not.toContain("Formålet med samtalen");
    // Families collapse.
    const family = page.locator("[data-severity=warning] [data-family=plain] .kb-family-toggle");
    await family.click();
    expect(await family.getAttribute("aria-expanded")).toBe("false");
    await check(page, "flows-07-findings-lead", "[data-testid=findings]");
    clean(events);
  }, 90_000);

  test("§3 the letter marks each finding's words; J/K and the buttons step through findings; the pane keeps its scroll", async () => {
    const { page, events } = await open("/preview.html", { width: 1400, height: 800 });
    await page.waitForSelector(".kb-paper .kb-hl-error, .kb-paper .kb-hl-warning");
    const styles = await page.evaluate(() =>
      Object.fromEntries(
        ["error", "warning", "info"].map((severity) => {
          const mark = document.querySelector(`.kb-paper .kb-hl-${severity}`);
          return [severity, mark ? getComputedStyle(mark).textDecorationStyle : null];
        })
      )
    );
    // Not colour alone: each severity has its own underline style.
    expect(styles).toEqual({ error: "solid", warning: "wavy", info: "dotted" });
    await check(page, "flows-08-highlights");

    const pane = page.locator(".kb-pane-frame");
    const card = page.locator('.kb-finding[data-rule="threat/sanction"]').first();
    const show = card.getByRole("button", { name: "Vis i dokumentet" });
    await show.scrollIntoViewIfNeeded();
    const before = await pane.evaluate((element) => element.scrollTop);
    expect(before).toBeGreaterThan(0);
    await show.click();
    await page.waitForSelector(".kb-paper .kb-flash");
    // The letter shows the finding (flashed, in view); the pane did not move.
    expect(await page.locator(".kb-paper .kb-flash").isVisible()).toBe(true);
    expect(await pane.evaluate((element) => element.scrollTop)).toBe(before);

    // Next / previous, by button and by J / K, keep the keyboard in the pane.
    await page.click("[data-testid=next-finding]");
    await page.waitForFunction(() => Boolean(document.activeElement?.getAttribute("data-key")));
    const first = await page.evaluate(() => document.activeElement?.getAttribute("data-key"));
    expect(first).toBeTruthy();
    await page.keyboard.press("j");
    await page.waitForFunction(
      (key) => document.activeElement?.getAttribute("data-key") !== key,
      first
    );
    await page.keyboard.press("k");
    await page.waitForFunction(
      (key) => document.activeElement?.getAttribute("data-key") === key,
      first
    );
    expect(
      await page.evaluate(() => !!document.activeElement?.closest("[data-testid=findings]"))
    ).toBe(true);
    clean(events);
  }, 90_000);

  test("§3 success message always has text; a blocked paragraph says why; ignored findings survive a reload", async () => {
    const { page, events } = await open();
    for (let attempt = 0; attempt < 6; attempt++) {
      const apply = page
        .locator(".kb-finding")
        .getByRole("button", { name: "Anvend", exact: true });
      if ((await apply.count()) === 0) break;
      await apply.first().click();
      const bar = page.locator("[data-testid=message]");
      await bar.waitFor();
      await page.waitForFunction(
        () => (document.querySelector("[data-testid=message]")?.textContent ?? "").trim() !== ""
      );
      expect((await bar.textContent())?.trim()).not.toBe("");
      await page.waitForFunction(
        () => document.querySelector(".kb-results")?.getAttribute("aria-busy") === "false"
      );
    }
    // A paragraph with pending tracked changes says why it cannot be typed in.
    const note = page.locator(".kb-paper .kb-tracked .kb-pending-note").first();
    expect(await note.textContent()).toMatch(/Godkend eller afvis dem for at redigere/u);
    await check(page, "flows-09-pending-note", ".kb-paper .kb-tracked");

    // Ignored findings survive a reload. The preview reloads the sample letter, so the finding is
    // ignored on the letter as it loads (a finding of the edited letter need not exist in it).
    await page.reload();
    await page.waitForSelector("[data-testid=findings] .kb-finding");
    const card = page.locator(".kb-finding").first();
    const key = await card.getAttribute("data-key");
    await card.getByRole("button", { name: "Ignorer" }).click();
    await page.waitForFunction(
      (k) =>
        ![...document.querySelectorAll(".kb-finding")].some(
          (c) => c.getAttribute("data-key") === k
        ),
      key
    );
    await page.reload();
    await page.waitForSelector("[data-testid=findings] .kb-finding");
    const keys = await page
      .locator(".kb-finding")
      .evaluateAll((cards) => cards.map((c) => c.getAttribute("data-key")));
    expect(keys).not.toContain(key);
    expect(await page.locator(".kb-ignored-note").count()).toBe(1);
    clean(events);
  }, 120_000);

  /** Words of the score card that the browser broke over two lines. */
  const brokenWords = (page: Page) =>
    page.evaluate(() => {
      const broken: string[] = [];
      const walker = document.createTreeWalker(
        document.querySelector("[data-testid=scorecard]")!,
        NodeFilter.SHOW_TEXT
      );
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
      return broken;
    });

  test.each([340, 360])(
    "§4 the score card at %i px: no word cut, a short list of what was found, which way is good",
    async (width) => {
      const { page, events } = await open("/taskpane.html", { width, height: 900 });
      expect(await brokenWords(page)).toEqual([]);
      const facts = await page.locator("[data-score=essentials] .kb-fact dt").allTextContents();
      expect(facts.length).toBeGreaterThan(1);
      expect(new Set(facts).size).toBe(facts.length);
      expect(
        facts.every((label) => ["Dato", "Tid", "Sted", "Handling", "Frist"].includes(label))
      ).toBe(true);
      expect(await page.textContent("[data-score=threat]")).toContain(
        "0 er roligt, 100 er meget truende"
      );
      // The LIX value is shown as the engine bands it (one decimal), never rounded into the next band.
      expect(await page.textContent("[data-score=readability] .kb-tile-value")).toBe(
        "LIX 55,2 (meget svær)"
      );
      await check(page, `flows-10-scorecard-${width}`);
      clean(events);
    },
    60_000
  );

  test("§4 a weekday that does not fit its date keeps Det vigtigste først from green; at 320 px the intro does not point left", async () => {
    const { page, events } = await open("/preview.html", { width: 320, height: 900 });
    const intro = await page.textContent(".kb-surface-intro");
    expect(intro).not.toMatch(/til venstre/u);
    await paste(
      page,
      "Jobcenter Randers\n\nJobsamtale\n\nKære Jens\n\nDu skal til jobsamtale onsdag den 3. december 2026 kl. 9.15 i Jobcenter Randers, Laksetorvet 1.\n\nTag din liste over job med.\n\nMed venlig hilsen\nBirgitte Holm"
    );
    await page.waitForFunction(() =>
      /Ugedagen passer ikke/u.test(
        document.querySelector("[data-score=essentials]")?.textContent ?? ""
      )
    );
    expect(await page.getAttribute("[data-score=essentials]", "data-status")).not.toBe("good");
    expect(await brokenWords(page)).toEqual([]);
    await check(page, "flows-11-weekday-320");
    clean(events);
  }, 60_000);

  test("§5 an impossible date keeps what was typed with one message; the calendar button has its own name", async () => {
    const { page, events } = await open();
    await openSection(page, "section-templates");
    await page.fill("[data-testid=template-picker] input", "samtale");
    await page.click("[data-template=indkaldelse-samtale]");
    await page.waitForSelector("[data-testid=template-form]");
    const field = page.locator('[data-field="mødedato"]');
    const input = field.locator("input");
    await input.fill("31.11.2026");
    await page.keyboard.press("Tab");
    await page.waitForFunction(() =>
      /gyldig dato/u.test(document.querySelector('[data-field="mødedato"]')?.textContent ?? "")
    );
    expect(await input.inputValue()).toBe("31.11.2026");
    const text = (await field.textContent()) ?? "";
    expect(text.match(/gyldig dato/gu)).toHaveLength(1);
    // The calendar button is named for what it does, not after the field.
    const button = field.locator("[role=button]");
    const name = await button.getAttribute("aria-label");
    expect(name).toBe("Vælg mødedato i kalenderen");
    const fieldName = await input.getAttribute("aria-label");
    expect(name).not.toBe(fieldName);
    // The form's messages quote like the rest of the UI.
    await page.click("[data-testid=insert-template]");
    // The messages appear after a render: wait for them (read at once, they can be missing).
    await page.waitForFunction(() =>
      (document.querySelector("[data-testid=template-form]")?.textContent ?? "").includes(
        "Udfyld feltet »Navn«."
      )
    );
    await expect(page.locator("[data-testid=template-form]").textContent()).resolves.toContain(
      "Udfyld feltet »Navn«."
    );
    expect(await input.inputValue()).toBe("31.11.2026");
    await check(page, "flows-12-impossible-date", '[data-field="mødedato"]');
    clean(events);
  }, 60_000);

  test("§2 one calm rewrite: side by side first, then tracked changes reviewed one by one", async () => {
    const { page, events } = await open();
    await openSection(page, "section-lead");
    const now = await page.locator("[data-testid=rewrite-now]").textContent();
    const proposal = await page.locator("[data-testid=rewrite-proposal]").textContent();
    // Shown before anything is applied: the letter itself is unchanged.
    expect(await page.locator(".kb-paper ins, .kb-paper del").count()).toBe(0);
    expect(now).toMatch(/VIGTIGT/u);
    expect(proposal).not.toMatch(/VIGTIGT|rådighedssanktion|jf\. lov om/u);
    expect(proposal!.match(/3\. december 2026/gu)).toHaveLength(1);
    expect(proposal).toContain("Vejledning om rettigheder og pligter");
    await check(page, "flows-13-rewrite-side-by-side", "[data-testid=rewrite-side-by-side]");

    const threat = Number(await page.getAttribute("[data-score=threat]", "data-metric"));
    await page.click("[data-testid=apply-lead]");
    await page.waitForSelector('.kb-paper .kb-locked[data-approved="true"]', { timeout: 10_000 });
    await page.waitForFunction(
      (before) =>
        Number(document.querySelector("[data-score=threat]")?.getAttribute("data-metric")) < before,
      threat
    );
    expect(await page.textContent("[data-score=essentials] .kb-tile-value")).toBe("Ja");
    // The meeting is told once in the letter as it now reads (deletions left out).
    const visible = await page.locator(".kb-paper").evaluate((paper) => {
      const copy = paper.cloneNode(true) as HTMLElement;
      copy.querySelectorAll("del, .kb-visually-hidden, .kb-deleted").forEach((n) => n.remove());
      const fields = [...paper.querySelectorAll("textarea")].map((t) => t.value);
      return copy.textContent + fields.join(" ");
    });
    expect(visible.match(/3\. december 2026/gu)).toHaveLength(1);
    // Every change is a tracked change, reviewed one at a time.
    const pending = await page.locator("[data-testid=accept-one]").count();
    expect(pending).toBeGreaterThan(1);
    await page.locator("[data-testid=reject-one]").first().click();
    await page.waitForFunction(
      (count) => document.querySelectorAll("[data-testid=accept-one]").length < count,
      pending
    );
    await check(page, "flows-14-rewrite-applied");
    clean(events);
  }, 90_000);

  // The target is the first score card within 1 s at 4x slowdown. On this shared CI
  // machine it measures 2-3 s (taskpane.js itself takes most of it), so the time is printed and
  // checked against a loose bound only; the worker is what this test proves.
  test("§6 the analysis runs in a Web Worker; first score card timed at 4x CPU slowdown", async () => {
    const context = await session.browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(session.url("/preview.html"));
    await page.waitForSelector("[data-testid=scorecard]", { timeout: 20_000 });
    const analysed = await page.evaluate(
      () => performance.getEntriesByName("klarbrev:analysed")[0]?.startTime ?? Infinity
    );
    console.log(`first analysis done ${analysed.toFixed(0)} ms after navigation (4x CPU slowdown)`);
    expect(analysed).toBeLessThan(15_000);
    // The worker starts while taskpane.js is evaluated and takes every analysis, the first too
    // (the strict 1 s budget is test/browser/first-card.test.ts).
    if (page.workers().length === 0) await page.waitForEvent("worker", { timeout: 10_000 });
    expect(page.workers().map((worker) => worker.url())).toEqual([
      expect.stringMatching(/analysis-worker\.js$/u),
    ]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
