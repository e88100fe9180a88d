import { DefaultButton, IconButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { ProgressIndicator } from "@fluentui/react/lib/ProgressIndicator";
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { Edit } from "../../engine/edits/edit.js";
import type { Letter } from "../../engine/letter/model.js";
import type { LegalRegistryEntry } from "../../engine/rules/legal/types.js";
import type { Analysis, AnalyzeOptions, Finding } from "../../engine/types.js";
import type { DocumentHost, InsertMode } from "../host.js";
import { keysOf, mergeSameWords, viewFindings, type FindingView } from "../model/findings.js";
import {
  guidancePlace,
  isApprovedText,
  viewLegal,
  type GuidanceChoice,
  type LegalView,
} from "../model/legal.js";
import type { Strings } from "../strings/index.js";
import type { TemplateLibrary } from "../templates/library.js";
import { Findings } from "./Findings.js";
import { CalmRewritePanel } from "./CalmRewritePanel.js";
import { LegalPanel } from "./LegalPanel.js";
import { ScoreCard } from "./ScoreCard.js";
import { Section } from "./Section.js";
import { TemplatePanel } from "./TemplatePanel.js";
import { useUntrackedQuestion } from "./UntrackedQuestion.js";
import { useAnalysis, type Analyze } from "./use-analysis.js";
import { createAnalyzer } from "../worker/analyzer.js";
import { createInlineAnalyzer } from "../worker/inline-engine.js";

export interface AppProps {
  host: DocumentHost;
  t: Strings;
  templates?: TemplateLibrary;
  /** Wrap the pane in <main> (inside Word) or a plain <div> (beside the preview's letter). */
  landmark?: "main" | "div";
  debounceMs?: number;
  /** Analyse in a Web Worker (the built pane); tests in jsdom analyse on the main thread. */
  useWorker?: boolean;
  /**
   * An analyser started before the first render (main.tsx primes it with the document's letter,
   * see primeAnalyzer); built from `analysisOptions(t.lang, registry)` like the pane's own.
   */
  analyze?: Analyze;
}

/** What the pane asks of the engine: messages in the UI's language, the bundled legal registry. */
export function analysisOptions(
  uiLanguage: string,
  registry?: readonly LegalRegistryEntry[]
): AnalyzeOptions {
  // Findings explain themselves in the UI's language; suggested edits stay in the letter's.
  return {
    messageLanguage: uiLanguage === "en" ? "en" : "da",
    ...(registry ? { legal: { registry } } : {}),
  } as AnalyzeOptions;
}

type Message = { kind: "success" | "warning" | "error"; text: string };

interface AppliedChange {
  id: number;
  label: string;
  undo(): Promise<boolean>;
}

/**
 * What the user reads when a document action fails: the adapter's errors carry a stable code
 * and an English message for logs; the pane shows the code's text in the UI's language.
 */
export function describeError(error: unknown, t: Strings): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && t.errors[code]) return t.errors[code];
  return error instanceof Error ? error.message : String(error);
}

/** The task pane: score card, findings, essentials first, standard letters, legal guidance. */
export function App({
  host,
  t,
  templates,
  landmark = "main",
  debounceMs,
  useWorker = false,
  analyze: started,
}: AppProps) {
  const registry: readonly LegalRegistryEntry[] | undefined = templates?.legalRegistry;
  const analyze = useMemo<Analyze>(() => {
    if (started) return started;
    const options = analysisOptions(t.lang, registry);
    // In a Web Worker where the browser has one (the pane stays responsive while typing).
    return useWorker ? createAnalyzer(options) : createInlineAnalyzer(options);
  }, [started, registry, useWorker, t.lang]);
  const state = useAnalysis(host, analyze, debounceMs === undefined ? {} : { debounceMs });
  const { analysis, refresh } = state;
  const [ignored, setIgnoredState] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<Message | undefined>();
  const [busy, setBusy] = useState(false);
  // On Word without tracking (WordApi 1.3) the user is asked before any edit goes in.
  const untrackedQuestion = useUntrackedQuestion(host, t);
  // What the pane applied in this session, newest first, each with its own undo.
  const [applied, setApplied] = useState<AppliedChange[]>([]);
  const appliedSerial = useRef(0);
  const undoApplied = (entry: AppliedChange) =>
    void act(async () => {
      const done = await entry.undo();
      setApplied((list) => list.filter((item) => item.id !== entry.id));
      return done
        ? { kind: "success", text: t.findings.undone(entry.label) }
        : { kind: "warning", text: t.findings.cannotUndo };
    }, undefined);

  useEffect(() => {
    void host.getIgnored().then((keys) => setIgnoredState(new Set(keys)));
  }, [host]);

  useEffect(() => {
    if (analysis && host.recordAnalysis) void host.recordAnalysis(analysis).catch(() => undefined);
  }, [analysis, host]);

  // The score card paints first; the (longer) lists follow in a deferred render.
  const listed = useDeferredValue(analysis);
  const views = useMemo<FindingView[]>(
    () =>
      listed
        ? mergeSameWords(
            viewFindings(listed.letter, listed.findings, {
              changedGuidance: changedGuidanceOf(listed),
            })
          )
        : [],
    [listed]
  );
  const legal = useMemo<LegalView[]>(
    () => (analysis ? viewLegal(analysis, registry, t.lang) : []),
    [analysis, registry, t.lang]
  );

  // The document labels a locked block "godkendt" only when its text is the approved text.
  useEffect(() => {
    if (!analysis || !host.showGuidanceStatus) return;
    host.showGuidanceStatus(
      legal
        .filter((view) => view.blockIndex !== undefined && view.status !== "unverified")
        .filter((view) => analysis.letter.blocks[view.blockIndex!]?.kind === "legal")
        .map((view) => ({ blockIndex: view.blockIndex!, approved: isApprovedText(view.status) }))
    );
  }, [analysis, legal, host]);

  /** Run a document action; refuse stale offsets (the letter changed since the analysis). */
  const act = useCallback(
    async (
      action: () => Promise<Message | undefined>,
      basis: Letter | undefined
    ): Promise<boolean> => {
      setBusy(true);
      try {
        if (basis) {
          const current = await host.read();
          if (current.text !== basis.text) {
            await refresh();
            setMessage({ kind: "warning", text: t.staleRetry });
            return false;
          }
        }
        setMessage(await action());
        await refresh();
        return true;
      } catch (error) {
        setMessage({ kind: "error", text: describeError(error, t) });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [host, refresh, t]
  );

  /** Apply edits computed for `basis`, the letter the analysis that proposed them read. */
  const applyEdits = (
    edits: Edit[],
    basis: Letter | undefined,
    successText?: string,
    label?: string
  ) =>
    act(async () => {
      if (!(await untrackedQuestion.ask())) return { kind: "warning", text: t.untracked.declined };
      const outcome = await host.apply(edits, { allowUntracked: true });
      if (outcome.undo && outcome.applied.length > 0) {
        const undo = outcome.undo;
        const entry: AppliedChange = {
          id: ++appliedSerial.current,
          label: label ?? t.findings.batchLabel(outcome.applied.length),
          undo,
        };
        setApplied((list) => [entry, ...list]);
      }
      const parts: string[] = [];
      if (outcome.applied.length > 0) {
        parts.push(
          successText ??
            (edits.length === 1
              ? t.findings.applied
              : t.findings.appliedMany(outcome.applied.length))
        );
      }
      // The guard's refusals are about locked guidance; anything else (pending tracked changes,
      // text Word could not find safely) must not be blamed on the guidance.
      // A batch is all or nothing: the edits held back for another's refusal are counted apart.
      const legal = outcome.refused.filter((refusal) => refusal.protectsLegal);
      const heldBack = outcome.refused.filter((refusal) => refusal.heldBack).length;
      const other = outcome.refused.length - legal.length - heldBack;
      if (legal.length > 0) parts.push(t.findings.refused(legal.length));
      if (other > 0) parts.push(t.findings.refusedOther(other));
      if (heldBack > 0) parts.push(t.findings.heldBack(heldBack));
      // Nothing applied: nothing went in untracked either.
      const untracked = outcome.applied.length > 0 && !outcome.tracked;
      if (outcome.notice) parts.push(outcome.notice);
      else if (untracked) parts.push(t.noticeTrackedOff);
      // Bug: nothing applied and nothing refused (the text already read so) gave an empty bar.
      if (parts.length === 0) parts.push(t.findings.nothingApplied);
      return {
        kind:
          outcome.refused.length > 0 || untracked || outcome.applied.length === 0
            ? "warning"
            : "success",
        text: parts.join(" "),
      };
    }, basis);

  /** "Indsæt lovpligtig vejledning": locked, after the body, before the closing. */
  const insertGuidance = host.insertGuidance
    ? (choice: GuidanceChoice) =>
        void act(async () => {
          const letter = analysis!.letter;
          await host.insertGuidance!(guidancePlace(letter), {
            text: choice.text,
            legal: { id: choice.id, version: choice.version, title: choice.title },
          });
          return { kind: "success", text: t.legal.inserted };
        }, analysis?.letter)
    : undefined;

  /** "Vis i dokumentet": missing guidance is shown where it belongs, before the closing. */
  const show = (view: FindingView, focus = true) => {
    const letter = listed?.letter;
    if (view.finding.ruleId === "legal/missing" && letter) {
      const place = guidancePlace(letter);
      const at = letter.blocks[place]?.start ?? letter.text.length;
      void host.select(at, at, { focus });
      return;
    }
    void host.select(view.finding.start.offset, view.finding.end.offset, { focus });
  };

  // The findings' words marked in the letter (the preview; Word where it can highlight).
  useEffect(() => {
    if (!host.showHighlights || !listed) return;
    host.showHighlights(
      views
        .filter(
          (view) => !ignored.has(view.key) && !view.finding.ruleId.startsWith("readability/lix")
        )
        // Words, not whole paragraphs: paragraph- and letter-level findings are not marked.
        .filter((view) => !view.sentence.more)
        .map((view) => ({
          start: view.finding.start.offset,
          end: view.finding.end.offset,
          severity: view.finding.severity,
        }))
    );
  }, [views, ignored, host, listed]);

  const missingOnly = analysis ? onlyMissingGuidance(analysis.findings, legal) : undefined;

  const saveIgnored = (next: Set<string>) => {
    setIgnoredState(next);
    void host.setIgnored([...next]);
  };

  const Wrapper = landmark;
  const label = landmark === "main" ? { "aria-label": t.appTitle } : {};
  return (
    <Wrapper className="kb-pane" lang={t.lang} {...label}>
      <header className="kb-header">
        <div>
          <h1 className="kb-title">{t.appTitle}</h1>
          <p className="kb-subtitle">{t.appSubtitle}</p>
        </div>
        <IconButton
          iconProps={{ iconName: "Refresh" }}
          title={t.refresh}
          ariaLabel={t.refresh}
          disabled={busy}
          onClick={() => void refresh()}
          data-testid="refresh"
        />
      </header>
      {untrackedQuestion.element}
      <div className="kb-progress" aria-live="polite">
        {state.slow ? <ProgressIndicator label={t.analysing} /> : null}
      </div>
      <div role="status" aria-live="polite" className="kb-messages">
        {message ? (
          <MessageBar
            messageBarType={
              message.kind === "success"
                ? MessageBarType.success
                : message.kind === "warning"
                  ? MessageBarType.warning
                  : MessageBarType.error
            }
            onDismiss={() => setMessage(undefined)}
            dismissButtonAriaLabel={t.dismiss}
            data-testid="message"
          >
            {message.text}
          </MessageBar>
        ) : null}
        {state.notices.length > 0 ? (
          <MessageBar messageBarType={MessageBarType.info} data-testid="read-notices">
            {state.notices.join(" ")}
          </MessageBar>
        ) : null}
        {state.error ? (
          <MessageBar messageBarType={MessageBarType.error}>
            {t.analysisFailed(state.error)}
          </MessageBar>
        ) : null}
      </div>
      {analysis ? (
        <div
          className="kb-results"
          aria-busy={state.running}
          data-analysis-ms={state.durationMs?.toFixed(1) ?? ""}
        >
          <ScoreCard analysis={analysis} legal={legal} t={t} />
          <Section
            title={t.sections.findings}
            badge={String(views.filter((v) => !ignored.has(v.key)).length)}
            defaultOpen
            testId="section-findings"
          >
            {missingOnly && insertGuidance ? (
              <div className="kb-callout" data-testid="only-missing">
                <p>{t.legal.onlyMissing(missingOnly.title)}</p>
                <div className="kb-actions">
                  {missingOnly.choices.map((choice) => (
                    <PrimaryButton
                      key={choice.id}
                      text={
                        missingOnly.choices.length === 1
                          ? t.legal.insert
                          : `${t.legal.insert}: ${choice.label ?? choice.title}`
                      }
                      iconProps={{ iconName: "Add" }}
                      disabled={busy}
                      onClick={() => insertGuidance(choice)}
                      data-testid="insert-guidance-only"
                    />
                  ))}
                </div>
              </div>
            ) : null}
            <Findings
              views={
                missingOnly ? views.filter((v) => v.finding.ruleId !== "legal/missing") : views
              }
              ignored={ignored}
              t={t}
              busy={busy}
              onShow={show}
              onStep={(view) => show(view, false)}
              onApply={(edits, label) => void applyEdits(edits, listed?.letter, undefined, label)}
              onIgnore={(view) => saveIgnored(new Set([...ignored, ...keysOf(view)]))}
              onClearIgnored={() => saveIgnored(new Set())}
            />
          </Section>
          {applied.length > 0 ? (
            <section className="kb-applied" aria-labelledby="kb-applied-h" data-testid="applied">
              <h2 className="kb-subheading" id="kb-applied-h">
                {t.findings.appliedHeading}
              </h2>
              <ul className="kb-applied-list">
                {applied.map((entry) => (
                  <li key={entry.id}>
                    <span>{entry.label}</span>{" "}
                    <DefaultButton
                      className="kb-review-button"
                      text={t.findings.undo}
                      ariaLabel={`${t.findings.undo}: ${entry.label}`}
                      disabled={busy}
                      onClick={() => undoApplied(entry)}
                      data-testid="undo"
                    />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {/* The whole-letter proposal is computed only once the caseworker opens it. */}
          <Section title={t.sections.lead} testId="section-lead">
            <CalmRewritePanel
              analysis={analysis}
              {...(registry ? { registry } : {})}
              t={t}
              busy={busy}
              onApply={(proposal) =>
                void act(async () => {
                  if (!(await untrackedQuestion.ask()))
                    return { kind: "warning", text: t.untracked.declined };
                  const outcome = await host.apply(proposal.edits, { allowUntracked: true });
                  const guidance = proposal.guidance;
                  if (guidance && host.insertGuidance) {
                    // Offsets moved: the guidance goes where it belongs in the letter as it is now.
                    const now = await host.read();
                    await host.insertGuidance(guidancePlace(now), {
                      text: guidance.text,
                      legal: { id: guidance.id, version: guidance.version, title: guidance.title },
                    });
                  }
                  const refused = outcome.refused.length;
                  return refused > 0
                    ? {
                        kind: "warning",
                        text: `${t.lead.appliedAll} ${t.findings.refusedOther(refused)}`,
                      }
                    : { kind: "success", text: t.lead.appliedAll };
                }, analysis.letter)
              }
            />
          </Section>
          <Section title={t.sections.templates} testId="section-templates">
            <TemplatePanel
              library={templates}
              t={t}
              busy={busy}
              onInsert={(letter: Letter, mode: InsertMode) =>
                act(async () => {
                  await host.insertLetter(letter, mode);
                  return undefined; // the form says so, next to the button
                }, undefined)
              }
            />
          </Section>
          <Section
            title={t.sections.legal}
            badge={legal.length > 0 ? String(legal.length) : undefined}
            testId="section-legal"
          >
            <LegalPanel
              letter={analysis.letter}
              blocks={legal}
              t={t}
              busy={busy}
              {...(insertGuidance ? { onInsert: insertGuidance } : {})}
              onRestore={(view) =>
                void act(async () => {
                  if (view.blockIndex === undefined || view.restoreText === undefined)
                    return undefined;
                  await host.restoreLegalBlock(view.blockIndex, view.restoreText);
                  return { kind: "success", text: t.legal.restored };
                }, analysis.letter)
              }
            />
          </Section>
        </div>
      ) : state.running ? (
        <ProgressIndicator label={t.analysing} />
      ) : null}
    </Wrapper>
  );
}

/** Letter blocks marked as guidance whose text is not an approved text. */
function changedGuidanceOf(analysis: Analysis): Set<number> {
  const changed = new Set<number>();
  for (const block of analysis.scores.legal?.blocks ?? []) {
    if (block.blockIndex === undefined || block.marked === false) continue;
    if (block.status === "modified") changed.add(block.blockIndex);
  }
  return changed;
}

/**
 * A letter whose only problem that must or should be fixed is one missing guidance block: that
 * is one action (insert the approved block; a choice only when the letter does not say which
 * benefit it is about), not a wall of errors.
 */
function onlyMissingGuidance(
  findings: readonly Finding[],
  legal: readonly LegalView[]
): { title: string; choices: GuidanceChoice[] } | undefined {
  const serious = findings.filter((f) => f.severity !== "info");
  if (serious.length === 0 || serious.some((f) => f.ruleId !== "legal/missing")) return undefined;
  const missing = legal.filter((view) => view.status === "missing");
  if (missing.length !== 1) return undefined;
  const choices = missing[0]!.insertChoices ?? [];
  const view = missing[0]!;
  return choices.length > 0 ? { title: view.label ?? view.title, choices } : undefined;
}
