import type { Strings } from "../strings/index.js";
import type { TemplateLibrary } from "../templates/library.js";
import { App } from "../ui/App.js";
import type { Analyze } from "../ui/use-analysis.js";
import { LetterSurface } from "./LetterSurface.js";
import type { PreviewHost } from "./preview-host.js";

export interface PreviewAppProps {
  /** Analyse in a Web Worker (the built preview). */
  useWorker?: boolean;
  host: PreviewHost;
  t: Strings;
  templates?: TemplateLibrary;
  sampleText: string;
  /** An analyser already at work on the letter (see App's `analyze`). */
  analyze?: Analyze;
}

/** The offline preview: the in-page letter on the left, the same task pane on the right. */
export function PreviewApp({
  host,
  t,
  templates,
  sampleText,
  useWorker = false,
  analyze,
}: PreviewAppProps) {
  const started = analyze ? { analyze } : {};
  return (
    <div className="kb-preview" lang={t.lang}>
      <header className="kb-banner">
        <p>{t.surface.offlineBanner}</p>
      </header>
      <div className="kb-preview-body">
        <LetterSurface
          host={host}
          t={t}
          sampleText={sampleText}
          {...(templates?.legalRegistry ? { registry: templates.legalRegistry } : {})}
        />
        <aside className="kb-pane-frame" aria-label={t.appTitle}>
          {templates ? (
            <App
              host={host}
              t={t}
              templates={templates}
              landmark="div"
              useWorker={useWorker}
              {...started}
            />
          ) : (
            <App host={host} t={t} landmark="div" useWorker={useWorker} {...started} />
          )}
        </aside>
      </div>
    </div>
  );
}
