/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { PreviewHost } from "../../src/taskpane/preview/preview-host.js";
import { stringsFor } from "../../src/taskpane/strings/index.js";
import { App } from "../../src/taskpane/ui/App.js";
import { registerKlarbrevIcons } from "../../src/taskpane/ui/icons.js";
import { SAMPLE } from "./support.js";

/** Issue 11 §3: the pane keeps a list of what it applied in this session, each with its undo. */
registerKlarbrevIcons();

async function applyFirst() {
  const storage = new Map<string, string>();
  const host = new PreviewHost(SAMPLE, "da-DK", {
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
  });
  render(<App host={host} t={stringsFor("da-DK")} debounceMs={10} />);
  await waitFor(() => expect(document.querySelector(".kb-finding")).not.toBeNull(), {
    timeout: 10_000,
  });
  const original = (await host.read()).text;
  const card = [...document.querySelectorAll<HTMLElement>(".kb-finding")].find((c) =>
    within(c).queryByRole("button", { name: "Anvend" })
  )!;
  fireEvent.click(within(card).getByRole("button", { name: "Anvend" }));
  const list = await screen.findByTestId("applied", {}, { timeout: 10_000 });
  return { host, original, list };
}

test("Fortryd takes back exactly the applied change", async () => {
  const { host, original, list } = await applyFirst();
  expect((await host.read()).text).not.toBe(original);
  expect(list.textContent).toMatch(/».+« → ».+«|slet »/u);
  fireEvent.click(within(list).getByRole("button", { name: /^Fortryd/u }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toMatch(/^Fortrudt: /u));
  expect((await host.read()).text).toBe(original);
  expect(screen.queryByTestId("applied")).toBeNull();
}, 30_000);

test("after a later edit elsewhere in the letter, undo still takes back just that change", async () => {
  const { host, original, list } = await applyFirst();
  const surface = host.getSnapshot().blocks.findIndex((b) => b.kind === "date");
  host.editBlock(surface, "Randers, den 21. november 2026");
  fireEvent.click(within(list).getByRole("button", { name: /^Fortryd/u }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toMatch(/^Fortrudt: /u));
  const text = (await host.read()).text;
  expect(text).toContain("Randers, den 21. november 2026");
  expect(text).toBe(
    original.replace(/^.*den \d+\. \w+ 2026.*$/mu, "Randers, den 21. november 2026")
  );
}, 30_000);

test("once its words changed again (accepted in the letter), undo says why it cannot", async () => {
  const { host, list } = await applyFirst();
  const surface = host
    .getSnapshot()
    .blocks.findIndex((b) => b.segments.some((segment) => segment.kind !== "same"));
  host.acceptBlock(surface);
  const accepted = (await host.read()).text;
  fireEvent.click(within(list).getByRole("button", { name: /^Fortryd/u }));
  await waitFor(() =>
    expect(screen.getByTestId("message").textContent).toMatch(/kan ikke fortrydes/u)
  );
  expect((await host.read()).text).toBe(accepted);
}, 30_000);
