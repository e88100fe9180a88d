import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { Icon } from "@fluentui/react/lib/Icon";
import { useEffect, useRef, useState } from "react";
import type { Letter } from "../../engine/letter/model.js";
import { diffRuns, isProblem, type GuidanceChoice, type LegalView } from "../model/legal.js";
import type { Strings } from "../strings/index.js";

export interface LegalPanelProps {
  letter: Letter;
  blocks: readonly LegalView[];
  t: Strings;
  busy: boolean;
  onRestore(view: LegalView): void;
  /** Insert approved guidance that the letter lacks; absent when the host cannot. */
  onInsert?(choice: GuidanceChoice): void;
}

function statusIcon(view: LegalView): string {
  if (view.status === "intact") return "Completed";
  if (view.status === "outdated" || view.status === "own-wording") return "Warning";
  if (view.status === "unverified") return "Lock";
  return isProblem(view.status) ? "ErrorBadge" : "Info";
}

/** "Lovpligtig vejledning": each block's status, the word diff of a modified block, restore. */
export function LegalPanel({ letter, blocks, t, busy, onRestore, onInsert }: LegalPanelProps) {
  if (blocks.length === 0) return <p className="kb-empty">{t.legal.none}</p>;
  const present = blocks.some((view) => view.status !== "missing");
  const missing = blocks.some((view) => view.status === "missing");
  return (
    <div className="kb-legal-panel" data-testid="legal-panel">
      {present ? <p>{t.legal.intro}</p> : null}
      {missing ? <p>{t.legal.introMissing}</p> : null}
      <ul className="kb-legal-list">
        {blocks.map((view) => (
          <LegalItem
            key={`${view.id}@${view.version}#${view.blockIndex ?? "missing"}`}
            letter={letter}
            view={view}
            t={t}
            busy={busy}
            onRestore={onRestore}
            {...(onInsert ? { onInsert } : {})}
          />
        ))}
      </ul>
    </div>
  );
}

function LegalItem({
  letter,
  view,
  t,
  busy,
  onRestore,
  onInsert,
}: {
  letter: Letter;
  view: LegalView;
  t: Strings;
  busy: boolean;
  onRestore(view: LegalView): void;
  onInsert?(choice: GuidanceChoice): void;
}) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const restoreRef = useRef<HTMLElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    // Closing the question (Annuller, Escape) gives focus back to the button that opened it.
    else if (wasConfirming.current) restoreRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const runs = view.status === "modified" ? diffRuns(letter, view) : [];
  const statusText = t.legal.status[view.status] ?? view.status;
  return (
    <li
      className={`kb-legal-item kb-legal-${view.status}`}
      data-legal-id={view.id}
      data-legal-status={view.status}
    >
      <p className="kb-legal-head">
        <Icon iconName={statusIcon(view)} className="kb-severity-icon" aria-hidden="true" />
        <strong>{view.label ?? view.title}</strong>{" "}
        <span className="kb-legal-status" data-testid="legal-status">
          {statusText}
        </span>
      </p>
      {view.version ? (
        <p className="kb-legal-meta">
          {t.legal.version(view.version)}
          {view.currentVersion && view.currentVersion !== view.version
            ? ` → ${view.currentVersion}`
            : ""}
        </p>
      ) : null}
      <p className="kb-legal-help">{t.legal.statusHelp[view.status] ?? ""}</p>
      {view.status === "missing" ? (
        onInsert && view.insertChoices && view.insertChoices.length > 0 ? (
          <div className="kb-actions">
            {view.insertChoices.map((choice) => (
              <PrimaryButton
                key={`${choice.id}@${choice.version}`}
                text={
                  view.insertChoices!.length === 1
                    ? t.legal.insert
                    : `${t.legal.insert}: ${choice.label ?? choice.title}`
                }
                iconProps={{ iconName: "Add" }}
                disabled={busy}
                onClick={() => onInsert(choice)}
                data-testid="insert-guidance"
              />
            ))}
          </div>
        ) : (
          <p className="kb-note">{t.legal.insertUnavailable}</p>
        )
      ) : null}
      {view.status === "unverified" ? <p className="kb-note">{t.legal.unchecked}</p> : null}
      {runs.length > 0 ? (
        <div className="kb-diff" data-testid="legal-diff">
          <h3 className="kb-subheading">{t.legal.diffHeading}</h3>
          <p>
            {runs.map((run, index) =>
              run.kind === "same" ? (
                <span key={index}>{run.text}</span>
              ) : (
                <span key={index}>
                  {run.removed ? (
                    <del>
                      <span className="kb-visually-hidden">{t.legal.removed}: </span>
                      {run.removed}
                    </del>
                  ) : null}
                  {run.added ? (
                    <ins>
                      <span className="kb-visually-hidden">{t.legal.addedWord}: </span>
                      {run.added}
                    </ins>
                  ) : null}
                </span>
              )
            )}
          </p>
        </div>
      ) : null}
      {view.status === "modified" ? (
        view.restoreText !== undefined ? (
          confirming ? (
            <div
              className="kb-confirm"
              role="alertdialog"
              aria-labelledby={`kb-confirm-${view.id}`}
              aria-describedby={`kb-confirm-${view.id}-d`}
              tabIndex={-1}
              ref={confirmRef}
              onKeyDown={(event) => {
                if (event.key === "Escape") {
                  event.preventDefault();
                  event.stopPropagation();
                  setConfirming(false);
                }
              }}
            >
              <p id={`kb-confirm-${view.id}`} className="kb-confirm-title">
                {t.legal.confirmTitle}
              </p>
              <p id={`kb-confirm-${view.id}-d`}>{t.legal.confirmText}</p>
              <div className="kb-actions">
                <PrimaryButton
                  text={t.legal.confirmYes}
                  disabled={busy}
                  onClick={() => {
                    setConfirming(false);
                    onRestore(view);
                  }}
                />
                <DefaultButton text={t.legal.confirmNo} onClick={() => setConfirming(false)} />
              </div>
            </div>
          ) : (
            <DefaultButton
              elementRef={restoreRef}
              text={t.legal.restore}
              iconProps={{ iconName: "Undo" }}
              disabled={busy}
              onClick={() => setConfirming(true)}
            />
          )
        ) : (
          <p className="kb-note">{t.legal.noApprovedText}</p>
        )
      ) : null}
    </li>
  );
}
