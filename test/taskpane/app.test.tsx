/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { PreviewHost } from "../../src/taskpane/preview/preview-host.js";
import { stringsFor } from "../../src/taskpane/strings/index.js";
import type { Edit } from "../../src/engine/edits/edit.js";
import type { ApplyOutcome, DocumentHost } from "../../src/taskpane/host.js";
import { App, describeError } from "../../src/taskpane/ui/App.js";
import { WordAdapterError } from "../../src/word/errors.js";
import { registerKlarbrevIcons } from "../../src/taskpane/ui/icons.js";
import { SAMPLE } from "./support.js";

registerKlarbrevIcons();

async function renderApp(language = "da-DK") {
  const host = new PreviewHost(SAMPLE, language);
  const view = render(<App host={host} t={stringsFor(language)} debounceMs={10} />);
  await screen.findByTestId("scorecard", {}, { timeout: 10_000 });
  // The findings list renders just after the score card (a deferred render).
  await waitFor(() => expect(document.querySelector(".kb-finding")).not.toBeNull());
  return { host, view };
}

describe("the task pane (jsdom, real engine, preview host)", () => {
  test("the score card: four scores, each with its status in words", async () => {
    await renderApp();
    const card = screen.getByTestId("scorecard");
    const tiles = card.querySelectorAll("[data-score]");
    expect([...tiles].map((tile) => tile.getAttribute("data-score"))).toEqual([
      "readability",
      "threat",
      "essentials",
      "legal",
    ]);
    for (const tile of tiles) {
      expect(tile.querySelector(".kb-tile-status")?.textContent).toMatch(
        /I orden|Bør rettes|Skal rettes|Til orientering/u
      );
    }
    expect(within(card).getByText("Det vigtigste først")).toBeTruthy();
    expect(card.querySelector("[data-score=essentials] .kb-tile-value")?.textContent).toBe("Nej");
  });

  test("findings are grouped by family with counts; why is a disclosure", async () => {
    await renderApp();
    const findings = screen.getByTestId("findings");
    const headings = [...findings.querySelectorAll("h3")].map((h) => h.textContent ?? "");
    expect(headings.length).toBeGreaterThan(1);
    for (const heading of headings) expect(heading).toMatch(/\(\d+ forslag\)/u);
    const why = within(findings).getAllByRole("button", { name: "Hvorfor?" })[0]!;
    const panel = document.getElementById(why.getAttribute("aria-controls")!)!;
    expect(why.getAttribute("aria-expanded")).toBe("false");
    expect(panel.hidden).toBe(true);
    fireEvent.click(why);
    expect(why.getAttribute("aria-expanded")).toBe("true");
    expect(panel.hidden).toBe(false);
  });

  test("Anvend applies one finding's edit to the document as a tracked change", async () => {
    const { host } = await renderApp();
    const before = (await host.read()).text;
    const card = document.querySelector('.kb-finding[data-rule="threat/warning"]') as HTMLElement;
    await act(async () => {
      fireEvent.click(within(card).getByRole("button", { name: "Anvend" }));
    });
    await waitFor(async () => expect((await host.read()).text).not.toBe(before));
    expect(host.getSnapshot().pending).toBe(true);
    await screen.findByText(/indsat som sporet ændring/u);
  });

  test('"Anvend alle sikre forslag" applies every safe suggestion at once', async () => {
    const { host } = await renderApp();
    const button = screen.getByTestId("apply-all-safe");
    const count = Number(/\((\d+)\)/u.exec(button.textContent ?? "")?.[1]);
    expect(count).toBeGreaterThan(0);
    await act(async () => {
      fireEvent.click(button);
    });
    await screen.findByText(new RegExp(`${count} ændringer er indsat`, "u"));
    expect(host.getSnapshot().pending).toBe(true);
  });

  test("Ignorer hides a finding and remembers it in the document", async () => {
    const { host } = await renderApp();
    const first = document.querySelector(".kb-finding") as HTMLElement;
    const key = first.getAttribute("data-key")!;
    fireEvent.click(within(first).getByRole("button", { name: "Ignorer" }));
    const keys = () =>
      [...document.querySelectorAll(".kb-finding")].map((el) => el.getAttribute("data-key"));
    await waitFor(() => expect(keys()).not.toContain(key));
    expect(await host.getIgnored()).toEqual([key]);
    fireEvent.click(screen.getByRole("button", { name: "Vis ignorerede igen" }));
    await waitFor(() => expect(keys()).toContain(key));
    expect(await host.getIgnored()).toEqual([]);
  });

  test("a stale analysis never applies at old offsets", async () => {
    const { host } = await renderApp();
    const card = document.querySelector('.kb-finding[data-rule="threat/warning"]') as HTMLElement;
    const index = (await host.read()).blocks.findIndex((b) => b.text.startsWith("Med venlig"));
    host.editBlock(index, "Venlig hilsen");
    const text = (await host.read()).text;
    await act(async () => {
      fireEvent.click(within(card).getByRole("button", { name: "Anvend" }));
    });
    await screen.findByText(/Brevet er ændret siden analysen/u);
    expect((await host.read()).text).toBe(text);
  });

  // Bug: "Anvend" removes its own card (and the buttons are disabled while it works), so
  // keyboard focus fell back to <body>; it now moves to the finding that took its place.
  test("after Anvend, keyboard focus stays in the findings instead of falling to <body>", async () => {
    await renderApp();
    const card = document.querySelector('.kb-finding[data-rule="threat/warning"]') as HTMLElement;
    const key = card.getAttribute("data-key");
    const apply = within(card).getByRole("button", { name: "Anvend" });
    apply.focus();
    await act(async () => {
      fireEvent.click(apply);
    });
    await waitFor(() =>
      expect(document.querySelector(`.kb-finding[data-key="${key}"]`)).toBeNull()
    );
    await waitFor(() => {
      const active = document.activeElement;
      expect(active).not.toBe(document.body);
      expect(screen.getByTestId("findings").contains(active)).toBe(true);
    });
  });

  // Bug: Ignorer removed the card under the keyboard user's focus as well.
  test("after Ignorer, focus moves to the next finding", async () => {
    await renderApp();
    const first = document.querySelector(".kb-finding") as HTMLElement;
    const ignore = within(first).getByRole("button", { name: "Ignorer" });
    ignore.focus();
    fireEvent.click(ignore);
    await waitFor(() => {
      const active = document.activeElement as HTMLElement;
      expect(active.closest(".kb-finding")).not.toBeNull();
      expect(active.closest(".kb-finding")).not.toBe(first);
    });
  });

  // Bug: when every edit was refused, the pane still said tracked changes were unavailable and
  // that the change "was made with a comment" (there is no comment; nothing was changed).
  test("a batch refused for pending changes says so, without a tracked-changes warning", async () => {
    const preview = new PreviewHost(SAMPLE, "da-DK");
    const host: DocumentHost = Object.assign(Object.create(preview) as PreviewHost, {
      apply: async (edits: readonly Edit[]): Promise<ApplyOutcome> => ({
        applied: [],
        refused: edits.map((edit) => ({
          edit,
          reason: "the paragraph has tracked changes that are not yet reviewed",
        })),
        tracked: false,
      }),
    });
    render(<App host={host} t={stringsFor("da-DK")} debounceMs={10} />);
    await waitFor(() => expect(document.querySelector(".kb-finding")).not.toBeNull(), {
      timeout: 10_000,
    });
    const card = document.querySelector('.kb-finding[data-rule="threat/warning"]') as HTMLElement;
    await act(async () => {
      fireEvent.click(within(card).getByRole("button", { name: "Anvend" }));
    });
    const message = await screen.findByText(/ventende ændringer/u);
    expect(message.textContent).not.toMatch(/låst vejledning|kommentar|Sporede ændringer/u);
  });

  // Issue 10 item 8: on Word without tracking (WordApi 1.3) the pane asks before applying.
  test("where Word cannot track, the pane asks first; Annuller writes nothing", async () => {
    const preview = new PreviewHost(SAMPLE, "da-DK");
    const calls: unknown[] = [];
    const host: DocumentHost = Object.assign(Object.create(preview) as PreviewHost, {
      tracksChanges: async () => false,
      apply: async (edits: readonly Edit[], options?: unknown): Promise<ApplyOutcome> => {
        calls.push(options);
        return { applied: [...edits], refused: [], tracked: false };
      },
    });
    render(<App host={host} t={stringsFor("da-DK")} debounceMs={10} />);
    await waitFor(() => expect(document.querySelector(".kb-finding")).not.toBeNull(), {
      timeout: 10_000,
    });
    const card = () =>
      document.querySelector('.kb-finding[data-rule="threat/warning"]') as HTMLElement;
    await act(async () => {
      fireEvent.click(within(card()).getByRole("button", { name: "Anvend" }));
    });
    const question = await screen.findByRole("alertdialog");
    expect(calls).toEqual([]);
    await act(async () => {
      fireEvent.click(within(question).getByText("Annuller"));
    });
    expect(await screen.findByText("Ingen ændringer er indsat.")).not.toBeNull();
    expect(calls).toEqual([]);
    await act(async () => {
      fireEvent.click(within(card()).getByRole("button", { name: "Anvend" }));
    });
    await act(async () => {
      fireEvent.click(
        within(await screen.findByRole("alertdialog")).getByText("Indsæt uden sporing")
      );
    });
    await waitFor(() => expect(calls).toEqual([{ allowUntracked: true }]));
  });

  // All or nothing (issue 12.1): the edits held back with a refused one are not blamed on
  // pending changes or text that could not be found.
  test("a batch held back by one refused edit says the changes go in together or not at all", async () => {
    const preview = new PreviewHost(SAMPLE, "da-DK");
    const host: DocumentHost = Object.assign(Object.create(preview) as PreviewHost, {
      apply: async (edits: readonly Edit[]): Promise<ApplyOutcome> => ({
        applied: [],
        // The card's own edit is refused for the guidance; two more were in its batch.
        refused: [
          { edit: edits[0]!, reason: "the edit touches guidance", protectsLegal: true },
          ...[1, 2].map(() => ({ edit: edits[0]!, reason: "held back", heldBack: true })),
        ],
        tracked: false,
      }),
    });
    render(<App host={host} t={stringsFor("da-DK")} debounceMs={10} />);
    await waitFor(() => expect(document.querySelector(".kb-finding")).not.toBeNull(), {
      timeout: 10_000,
    });
    const card = document.querySelector('.kb-finding[data-rule="threat/warning"]') as HTMLElement;
    await act(async () => {
      fireEvent.click(within(card).getByRole("button", { name: "Anvend" }));
    });
    const message = await screen.findByText(/låst vejledning/u);
    expect(message.textContent).toContain(
      "2 andre ændringer blev heller ikke indsat: ændringerne indsættes samlet eller slet ikke."
    );
    expect(message.textContent).not.toMatch(/ventende ændringer/u);
  });

  // Bug: the Word adapter's errors are English (for logs) and reached the Danish UI verbatim.
  test("adapter errors are shown in the UI's language", () => {
    const error = new WordAdapterError("The cursor is inside locked text; move it", "locked");
    expect(describeError(error, stringsFor("da-DK"))).toMatch(/^Klarbrev ændrer ikke låst tekst/u);
    expect(describeError(error, stringsFor("en-US"))).toMatch(/^Klarbrev does not change/u);
    expect(describeError(new Error("Noget andet"), stringsFor("da-DK"))).toBe("Noget andet");
  });

  // Bug: the LIX band is the engine's Danish word and leaked into the English score card.
  test("the LIX band is translated in the English UI", async () => {
    await renderApp("en-US");
    const value = document.querySelector("[data-score=readability] .kb-tile-value")?.textContent;
    expect(value).toMatch(
      /LIX \d+(?:\.\d)? \((very easy|easy|average|difficult|very difficult)\)/u
    );
  });

  test("English when the display language is English", async () => {
    await renderApp("en-US");
    expect(document.querySelector("[data-score=essentials] .kb-tile-label")?.textContent).toBe(
      "Essentials first"
    );
    expect(screen.getByTestId("apply-all-safe").textContent).toMatch(/Apply all safe suggestions/u);
  });
});
