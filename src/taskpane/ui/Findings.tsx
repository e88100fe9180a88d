import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { Icon } from "@fluentui/react/lib/Icon";
import { useEffect, useId, useRef, useState } from "react";
import type { Edit } from "../../engine/edits/edit.js";
import { groupByFamily, safeEdits, type FindingView } from "../model/findings.js";
import type { Strings } from "../strings/index.js";

const SEVERITY_ICON = { error: "ErrorBadge", warning: "Warning", info: "Info" } as const;

const APPLY_ALL = "\u0000apply-all";

interface FocusRequest {
  /** The card whose button was pressed, or APPLY_ALL. */
  key: string;
  /** Its position among the cards, to find the one that takes its place. */
  index: number;
  /** The findings at the time: a new list means the new analysis is on screen. */
  views: readonly FindingView[];
}

/** Focus the card's button named `preferred` ("Anvend"), else its first enabled button. */
function focusFirstButton(card: HTMLElement, preferred: string): void {
  const buttons = [...card.querySelectorAll<HTMLButtonElement>("button:not([disabled])")];
  (buttons.find((button) => button.textContent?.trim() === preferred) ?? buttons[0])?.focus();
}

export interface FindingsProps {
  views: readonly FindingView[];
  ignored: ReadonlySet<string>;
  t: Strings;
  busy: boolean;
  onShow(view: FindingView): void;
  onApply(edits: Edit[]): void;
  onIgnore(view: FindingView): void;
  onClearIgnored(): void;
}

/** Findings grouped by rule family, with counts, in document order. */
export function Findings({
  views,
  ignored,
  t,
  busy,
  onShow,
  onApply,
  onIgnore,
  onClearIgnored,
}: FindingsProps) {
  const visible = views.filter((view) => !ignored.has(view.key));
  const hidden = views.length - visible.length;
  const safe = safeEdits(views, ignored);
  const groups = groupByFamily(visible);
  const rootRef = useRef<HTMLDivElement>(null);
  const request = useRef<FocusRequest | undefined>(undefined);

  /** Remember where the keyboard user was before a button that removes its own card. */
  const remember = (key: string) => {
    const cards = [...(rootRef.current?.querySelectorAll<HTMLElement>("li.kb-finding") ?? [])];
    const index = Math.max(
      0,
      cards.findIndex((card) => card.dataset["key"] === key)
    );
    request.current = { key, index, views };
  };

  // Bug fix: "Anvend" and "Ignorer" remove their card (and "Anvend" disables the buttons while
  // Word works), which dropped keyboard focus on <body>. Put it on the next finding instead.
  useEffect(() => {
    const pending = request.current;
    const root = rootRef.current;
    if (!pending || !root || busy) return;
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected;
    if (!lost && !root.contains(active)) {
      request.current = undefined; // the user has moved on
      return;
    }
    const cards = [...root.querySelectorAll<HTMLElement>("li.kb-finding")];
    const updated = views !== pending.views || pending.key !== APPLY_ALL;
    if (pending.key !== APPLY_ALL) {
      const same = cards.find((card) => card.dataset["key"] === pending.key);
      if (same) {
        // Still there (refused, or the new analysis is not rendered yet): stay on the card.
        if (lost) focusFirstButton(same, t.findings.apply);
        if (views !== pending.views && !ignored.has(pending.key)) request.current = undefined;
        return;
      }
    }
    if (!updated) return;
    request.current = undefined;
    if (!lost) return;
    const applyAll = root.querySelector<HTMLButtonElement>(".kb-apply-all:not([disabled])");
    const next = cards[Math.min(pending.index, cards.length - 1)];
    if (pending.key === APPLY_ALL && applyAll) applyAll.focus();
    else if (next) focusFirstButton(next, t.findings.apply);
    else if (applyAll) applyAll.focus();
    else root.focus();
  }, [views, ignored, busy, t]);

  return (
    <div
      className="kb-findings"
      data-testid="findings"
      ref={rootRef}
      tabIndex={-1}
      aria-label={t.sections.findings}
    >
      <PrimaryButton
        className="kb-apply-all"
        text={t.findings.applyAllSafe(safe.length)}
        disabled={busy || safe.length === 0}
        onClick={() => {
          remember(APPLY_ALL);
          onApply(safe);
        }}
        data-testid="apply-all-safe"
      />
      {visible.length === 0 ? <p className="kb-empty">{t.findings.none}</p> : null}
      {groups.map((group) => (
        <section
          key={group.family}
          className="kb-family"
          aria-labelledby={`kb-family-${group.family}`}
        >
          <h3 id={`kb-family-${group.family}`} className="kb-family-heading">
            {t.findings.families[group.family] ?? group.family}{" "}
            <span className="kb-count">({t.findings.count(group.items.length)})</span>
          </h3>
          <ul className="kb-finding-list">
            {group.items.map((view) => (
              <FindingCard
                key={view.key}
                view={view}
                t={t}
                busy={busy}
                onShow={onShow}
                onApply={(edits) => {
                  remember(view.key);
                  onApply(edits);
                }}
                onIgnore={(ignoredView) => {
                  remember(ignoredView.key);
                  onIgnore(ignoredView);
                }}
              />
            ))}
          </ul>
        </section>
      ))}
      {hidden > 0 ? (
        <p className="kb-ignored-note">
          {t.findings.allIgnored(hidden)}{" "}
          <DefaultButton
            className="kb-link-button"
            text={t.findings.showIgnored}
            onClick={onClearIgnored}
          />
        </p>
      ) : null}
    </div>
  );
}

interface FindingCardProps {
  view: FindingView;
  t: Strings;
  busy: boolean;
  onShow(view: FindingView): void;
  onApply(edits: Edit[]): void;
  onIgnore(view: FindingView): void;
}

export function FindingCard({ view, t, busy, onShow, onApply, onIgnore }: FindingCardProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const { finding, sentence } = view;
  const why = finding.suggestion?.explanation;
  return (
    <li
      className={`kb-finding kb-severity-${finding.severity}`}
      data-rule={finding.ruleId}
      data-key={view.key}
    >
      <p className="kb-sentence">
        <span className="kb-visually-hidden">{t.findings.sentence}: </span>
        {sentence.text.slice(0, sentence.markStart)}
        <mark>{sentence.text.slice(sentence.markStart, sentence.markEnd)}</mark>
        {sentence.text.slice(sentence.markEnd)}
      </p>
      <p className="kb-what" id={`${id}-what`}>
        <Icon
          iconName={SEVERITY_ICON[finding.severity]}
          className="kb-severity-icon"
          aria-hidden="true"
        />
        <span className="kb-severity-label">{t.findings.severity[finding.severity]}:</span>{" "}
        {finding.message}
      </p>
      {view.after !== undefined ? (
        <p className="kb-change">
          <span className="kb-visually-hidden">{t.findings.before}: </span>
          <del>{view.before || "…"}</del>
          <span aria-hidden="true"> → </span>
          <span className="kb-visually-hidden">{t.findings.after}: </span>
          <ins>{view.after || "…"}</ins>
        </p>
      ) : null}
      {view.advice ? (
        <p className="kb-advice">
          <strong>{t.findings.suggestion}:</strong> {view.advice}
        </p>
      ) : null}
      {why ? (
        <>
          <button
            type="button"
            className="kb-why"
            aria-expanded={open}
            aria-controls={`${id}-why`}
            onClick={() => setOpen(!open)}
          >
            {t.findings.why}
          </button>
          <p id={`${id}-why`} className="kb-why-text" hidden={!open}>
            {why}
          </p>
        </>
      ) : null}
      {view.inLegal ? <p className="kb-note">{t.findings.inLegal}</p> : null}
      {view.inChangedLegal ? <p className="kb-note">{t.findings.inChangedLegal}</p> : null}
      <div className="kb-actions">
        <DefaultButton
          text={t.findings.show}
          aria-describedby={`${id}-what`}
          onClick={() => onShow(view)}
        />
        {view.edit ? (
          <PrimaryButton
            text={t.findings.apply}
            aria-describedby={`${id}-what`}
            disabled={busy}
            onClick={() => onApply([view.edit!])}
          />
        ) : null}
        <DefaultButton
          text={t.findings.ignore}
          aria-describedby={`${id}-what`}
          onClick={() => onIgnore(view)}
        />
      </div>
    </li>
  );
}
