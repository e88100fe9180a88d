// First: take over the analysis worker prestart.js started (or start it, in a page without it).
import "./worker/prestart.js";
import "./fabric-config.js";
import { createRoot } from "react-dom/client";
import { detectOffice } from "./office.js";
import { PreviewApp } from "./preview/PreviewApp.js";
import { PreviewHost } from "./preview/preview-host.js";
import sample from "./preview/sample-letter.da.json" with { type: "json" };
import { stringsFor } from "./strings/index.js";
import { bundledTemplateLibrary } from "./templates/bundled.js";
import { analysisOptions, App } from "./ui/App.js";
import { registerKlarbrevIcons } from "./ui/icons.js";
import { formatLine, runSmoke } from "./smoke/scenarios.js";
import { createWordHost } from "./word-host.js";
import { createAnalyzer, primeAnalyzer } from "./worker/analyzer.js";

/**
 * Entry point of the task pane bundle. Inside Word: the pane on the Word adapter. In a plain
 * browser (no Office.js, or Office reports no host): the offline preview with the sample letter.
 */
async function boot(): Promise<void> {
  registerKlarbrevIcons();
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  const templates = bundledTemplateLibrary();
  const mode = document.documentElement.dataset["klarbrevMode"];
  const forcedPreview = mode === "preview";
  // Inside Word a slow Office.js is waited for with a loading line, never the offline preview.
  const office = forcedPreview
    ? { host: null }
    : await detectOffice({ onWaiting: () => showLoading(container) });

  if (office.host === "Word" && mode === "smoke") {
    await runDeviceCheck(container, office.displayLanguage ?? "da-DK");
    return;
  }
  if (office.host === "Word") {
    const t = stringsFor(office.displayLanguage);
    document.documentElement.lang = t.lang;
    const host = await createWordHost(office.displayLanguage ?? "da-DK");
    // As in the preview: the worker analyses the document while the pane renders. The pane's
    // own read still decides (an edit in between is analysed anew); a failed read here is retried.
    const analyze = primeAnalyzer(
      createAnalyzer(analysisOptions(t.lang, templates?.legalRegistry)),
      host.read()
    );
    root.render(
      <App host={host} t={t} useWorker analyze={analyze} {...(templates ? { templates } : {})} />
    );
    return;
  }

  const language = new URLSearchParams(location.search).get("lang") ?? "da-DK";
  const t = stringsFor(language);
  document.documentElement.lang = t.lang;
  document.body.classList.add("kb-preview-page");
  const host = new PreviewHost(sample.text, language);
  // The worker analyses the letter while the first render runs, not after it.
  const analyze = primeAnalyzer(
    createAnalyzer(analysisOptions(t.lang, templates?.legalRegistry)),
    host.read()
  );
  root.render(
    <PreviewApp
      host={host}
      t={t}
      sampleText={sample.text}
      useWorker
      analyze={analyze}
      {...(templates ? { templates } : {})}
    />
  );
}

/**
 * npm run word:smoke (the dev server marks the page): run the device-check scenarios against this
 * Word document through the Word host and list one PASS/FAIL line per scenario in the pane. The
 * lines stay here: the bundle makes no network call, not even to the dev server.
 */
async function runDeviceCheck(container: HTMLElement, displayLanguage: string): Promise<void> {
  const heading = document.createElement("h1");
  heading.textContent = "Klarbrev: first device check (word:smoke)";
  const list = document.createElement("ol");
  list.className = "kb-smoke";
  list.setAttribute("aria-live", "polite");
  const summary = document.createElement("p");
  summary.setAttribute("role", "status");
  container.replaceChildren(heading, list, summary);
  const host = await createWordHost(displayLanguage);
  const lines = await runSmoke(host, sample.text, (line) => {
    const item = document.createElement("li");
    item.textContent = formatLine(line);
    item.dataset["ok"] = String(line.ok);
    list.append(item);
  });
  const failed = lines.filter((line) => !line.ok).length;
  summary.textContent = `${lines.length - failed} passed, ${failed} failed.`;
}

/** A plain loading line (before React and the UI's language are known: both languages). */
function showLoading(container: HTMLElement): void {
  container.setAttribute("aria-busy", "true");
  const line = document.createElement("p");
  line.className = "kb-loading";
  line.setAttribute("role", "status");
  line.textContent = "Klarbrev indlæses … / Klarbrev is loading …";
  container.replaceChildren(line);
}

void boot();
