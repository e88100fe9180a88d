import type { Strings } from "../strings/index.js";
import type { TemplateLibrary } from "../templates/library.js";
import { App } from "../ui/App.js";
import { LetterSurface } from "./LetterSurface.js";
import type { PreviewHost } from "./preview-host.js";

export interface PreviewAppProps {
  host: PreviewHost;
  t: Strings;
  templates?: TemplateLibrary;
  sampleText: string;
}

/** The offline preview: the in-page letter on the left, the same task pane on the right. */
export function PreviewApp({ host, t, templates, sampleText }: PreviewAppProps) {
  return (
    <div className="kb-preview" lang={t.lang}>
      <header className="kb-banner">
        <p>{t.surface.offlineBanner}</p>
      </header>
      <div className="kb-preview-body">
        <LetterSurface host={host} t={t} sampleText={sampleText} />
        <aside className="kb-pane-frame" aria-label={t.appTitle}>
          {templates ? (
            <App host={host} t={t} templates={templates} landmark="div" />
          ) : (
            <App host={host} t={t} landmark="div" />
          )}
        </aside>
      </div>
    </div>
  );
}
