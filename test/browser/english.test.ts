import { chromiumAvailable, paneSession } from "./harness.js";

/**
 * The en-US task pane on the offline preview (issue 11 §5, last point): a Danish letter read in
 * an English UI gets English findings, explanations, legal titles and legal panel, while the
 * suggested edits stay Danish (they are edits to a Danish letter); the standard-letter library
 * shows its English titles, labels and help, and the letters it makes stay Danish. Screenshots in
 * test-artifacts/taskpane/english-*.png; axe (WCAG 2.1 A/AA) on every state.
 */
const available = chromiumAvailable();
const suite = available ? describe : describe.skip;

/** Words of the Danish finding messages; an English card has none outside its quotes. */
const DANISH =
  /\b(?:kancellisprog|Brevet|mangler|Skriv|lyder|Passiv form|Lang sætning|står ikke)\b/u;
const outsideQuotes = (text: string) => text.replace(/“[^”]*”|"[^"]*"|»[^«]*«/gu, "");

suite("the en-US task pane in Chromium (offline preview)", () => {
  const { open, check, clean, openSection } = paneSession("/preview.html?lang=en");

  test("findings, explanations and legal titles in English; Danish edits stay Danish", async () => {
    const { page, events } = await open();
    expect(await page.getAttribute("html", "lang")).toBe("en");

    // The missing guidance is named by its English title.
    const missing = page.locator('.kb-finding[data-rule="legal/missing"] .kb-what');
    await missing.waitFor();
    expect(await missing.textContent()).toContain(
      "The letter is a summons and lacks the required guidance “Your rights and duties” (aktivloven §§ 35-36)."
    );

    // Every card's message is English; the Danish words it quotes stay Danish.
    const messages = await page.locator(".kb-finding .kb-what").allTextContents();
    expect(messages.length).toBeGreaterThan(5);
    for (const message of messages) expect(outsideQuotes(message)).not.toMatch(DANISH);
    const officialese = page.locator('.kb-finding[data-rules~="plain/officialese"]', {
      hasText: "“Såfremt” is officialese",
    });
    await expect(officialese.count()).resolves.toBe(1);
    // The suggested edit is the letter's language: Danish.
    expect(await officialese.locator("ins").textContent()).toBe("Hvis");
    await officialese.getByRole("button", { name: "Why?" }).click();
    expect(await officialese.locator(".kb-why-text").textContent()).toMatch(
      /^Officialese words and phrases make the letter stiff/u
    );
    await check(page, "english-01-findings", '.kb-finding[data-rule="legal/missing"]');

    // The legal panel: English title, English status, English action.
    await openSection(page, "section-legal");
    const item = page.locator('[data-testid=legal-panel] [data-legal-status="missing"]');
    await item.waitFor();
    const text = (await item.textContent()) ?? "";
    expect(text).toContain("Your rights and duties");
    expect(text).toContain("version 2");
    expect(text).toContain("missing");
    expect(text).not.toMatch(/Vejledning om rettigheder og pligter/u);
    await check(page, "english-02-legal-missing", "[data-testid=legal-panel]");

    // Inserted, the block is locked and approved, with its English title in the letter's label.
    await item.getByRole("button", { name: "Insert required guidance" }).click();
    const inserted = page.locator(
      '.kb-paper .kb-locked[data-legal-id="sanktioner-ved-udeblivelse"]'
    );
    await inserted.and(page.locator('[data-approved="true"]')).waitFor({ timeout: 10_000 });
    expect(await inserted.locator(".kb-legal-title").textContent()).toContain(
      "Your rights and duties – approved text, locked"
    );
    const intact = page.locator('[data-testid=legal-panel] [data-legal-status="intact"]');
    await intact.waitFor({ timeout: 10_000 });
    expect(await intact.textContent()).toContain("Your rights and duties");
    // The guidance's own wording is Danish: inserted as approved, untranslated.
    expect(await inserted.textContent()).toContain("Hvis du ikke kan komme");
    await check(page, "english-03-legal-inserted", "[data-testid=legal-panel]");
    clean(events);
  }, 120_000);

  test("the standard-letter library: English titles, labels and help; the letter stays Danish", async () => {
    const { page, events } = await open();
    // The section renders its content when first opened (src/taskpane/ui/Section.tsx).
    await openSection(page, "section-templates");
    const picker = page.locator("[data-testid=template-picker]");
    await picker.waitFor();
    const titles = await picker.locator(".kb-template-title").allTextContents();
    expect(titles).toContain("Notice to attend a meeting (in person)");
    expect(titles).toContain("Hearing before a deduction");
    expect(titles.join("\n")).not.toMatch(/Indkaldelse|Afgørelse|Partshøring|Anmodning/u);
    // Search reads both languages: the Danish title still finds the template.
    await page.fill("[data-testid=template-picker] input", "fremmøde");
    await expect(picker.locator(".kb-template-title").allTextContents()).resolves.toEqual([
      "Notice to attend a meeting (in person)",
    ]);
    await page.fill("[data-testid=template-picker] input", "meeting");
    await check(page, "english-04-templates", "[data-testid=template-picker]");

    await page.click("[data-template=indkaldelse-samtale]");
    const form = page.locator("[data-testid=template-form]");
    await form.waitFor();
    await expect(form.locator("h3").first().textContent()).resolves.toBe(
      "Fill in: Notice to attend a meeting (in person)"
    );
    await expect(page.getByRole("textbox", { name: "Meeting time" }).count()).resolves.toBe(1);
    const text = (await form.textContent()) ?? "";
    expect(text).toContain("The time of the meeting");
    expect(text).not.toMatch(/Klokkeslæt for samtalen|Borgerens fornavn/u);
    await check(page, "english-05-template-form", "[data-testid=template-form]");

    // The letter itself goes to a Danish citizen: Danish, whatever the UI's language.
    await page.getByRole("button", { name: "Fill with sample data" }).click();
    await page.getByRole("button", { name: "Show preview" }).click();
    const preview = page.locator("[data-testid=template-preview]");
    await preview.waitFor();
    expect(await preview.textContent()).toContain("Du skal til samtale hos os");
    clean(events);
  }, 120_000);
});
