import "./fabric-config.js";
import { createRoot } from "react-dom/client";
import { detectOffice } from "./office.js";
import { PreviewApp } from "./preview/PreviewApp.js";
import { PreviewHost } from "./preview/preview-host.js";
import sample from "./preview/sample-letter.da.json" with { type: "json" };
import { stringsFor } from "./strings/index.js";
import { bundledTemplateLibrary } from "./templates/bundled.js";
import { App } from "./ui/App.js";
import { registerKlarbrevIcons } from "./ui/icons.js";
import { createWordHost } from "./word-host.js";

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
  const forcedPreview = document.documentElement.dataset["klarbrevMode"] === "preview";
  const office = forcedPreview ? { host: null } : await detectOffice();

  if (office.host === "Word") {
    const t = stringsFor(office.displayLanguage);
    document.documentElement.lang = t.lang;
    const host = await createWordHost(office.displayLanguage ?? "da-DK");
    root.render(<App host={host} t={t} useWorker {...(templates ? { templates } : {})} />);
    return;
  }

  const language = new URLSearchParams(location.search).get("lang") ?? "da-DK";
  const t = stringsFor(language);
  document.documentElement.lang = t.lang;
  document.body.classList.add("kb-preview-page");
  const host = new PreviewHost(sample.text, language);
  root.render(
    <PreviewApp
      host={host}
      t={t}
      sampleText={sample.text}
      useWorker
      {...(templates ? { templates } : {})}
    />
  );
}

void boot();
