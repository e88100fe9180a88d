import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { Icon } from "@fluentui/react/lib/Icon";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { Edit } from "../../engine/edits/edit.js";
import {
  groupBySeverity,
  safeEdits,
  type FamilyGroup,
  type FindingView,
  type SeverityName,
} from "../model/findings.js";
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
  /** Next/previous: show the finding in the letter, keyboard focus stays in the pane. */
  onStep?(view: FindingView): void;
  /** `label` names the change in the pane's list of what it applied (for undo). */
  onApply(edits: Edit[], label?: string): void;
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
  onStep,
  onApply,
  onIgnore,
  onClearIgnored,
}: FindingsProps) {
  const unignored = views.filter((view) => !ignored.has(view.key));
  const hidden = views.length - unignored.length;
  const [filter, setFilter] = useState<SeverityName | "all">("all");
  const visible =
    filter === "all" ? unignored : unignored.filter((v) => v.finding.severity === filter);
  const safe = safeEdits(views, ignored);
  const counts = groupBySeverity(unignored);
  const groups = groupBySeverity(visible);
  // Next/previous go through the cards in the order they are listed.
  const ordered = groups.flatMap((g) => g.families.flatMap((f) => f.items));
  const rootRef = useRef<HTMLDivElement>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set(["info"]));
  const toggle = (id: string) => {
    const next = new Set(collapsed);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setCollapsed(next);
  };

  // A card to focus once it is rendered (its group may open first).
  const pendingFocus = useRef<string | undefined>(undefined);
  const focusPending = () => {
    const key = pendingFocus.current;
    if (key === undefined) return;
    const card = rootRef.current?.querySelector<HTMLElement>(
      `li.kb-finding[data-key="${CSS.escape(key)}"]`
    );
    if (!card) return;
    pendingFocus.current = undefined;
    card.focus({ preventScroll: false });
  };
  useEffect(focusPending);

  /** Go to the next (+1) or previous (-1) finding: focus its card and show it in the letter. */
  const step = (direction: 1 | -1) => {
    if (ordered.length === 0) return;
    // Where the keyboard is, by the card's key: cards of collapsed groups are not rendered, so
    // the rendered cards' positions are not positions in `ordered`.
    const activeCard = document.activeElement?.closest<HTMLElement>("li.kb-finding[data-key]");
    const at = activeCard
      ? ordered.findIndex((view) => view.key === activeCard.dataset["key"])
      : -1;
    const index =
      at < 0
        ? direction === 1
          ? 0
          : ordered.length - 1
        : (at + direction + ordered.length) % ordered.length;
    const view = ordered[index]!;
    const severity = view.finding.severity;
    const familyId = `${severity}:${view.family}`;
    if (collapsed.has(severity) || collapsed.has(familyId)) {
      const next = new Set(collapsed);
      next.delete(severity);
      next.delete(familyId);
      setCollapsed(next);
    }
    // Focus once the card is rendered: at once if it is, else after the group opens.
    pendingFocus.current = view.key;
    requestAnimationFrame(focusPending);
    (onStep ?? onShow)(view);
  };
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
      onKeyDown={(event) => {
        // J / K, as in mail readers: only while the findings list has focus, never in a text
        // field, and never with Ctrl/Alt/Meta (Word's own shortcuts use those).
        if (event.ctrlKey || event.altKey || event.metaKey) return;
        const target = event.target as HTMLElement;
        if (/^(INPUT|TEXTAREA|SELECT)$/u.test(target.tagName)) return;
        const key = event.key.toLowerCase();
        if (key !== "j" && key !== "k") return;
        event.preventDefault();
        step(key === "j" ? 1 : -1);
      }}
    >
      <div className="kb-filter" role="group" aria-label={t.findings.filterLabel}>
        <DefaultButton
          className="kb-filter-button"
          text={t.findings.filterAll(unignored.length)}
          aria-pressed={filter === "all"}
          checked={filter === "all"}
          toggle
          onClick={() => setFilter("all")}
          data-testid="filter-all"
        />
        {counts.map((group) => (
          <DefaultButton
            key={group.severity}
            className={`kb-filter-button kb-severity-${group.severity}`}
            text={`${t.findings.severity[group.severity]} (${group.count})`}
            aria-pressed={filter === group.severity}
            checked={filter === group.severity}
            toggle
            onClick={() => setFilter(filter === group.severity ? "all" : group.severity)}
            data-testid={`filter-${group.severity}`}
          />
        ))}
      </div>
      <div className="kb-stepper">
        <DefaultButton
          text={t.findings.previous}
          iconProps={{ iconName: "ChevronUp" }}
          ariaDescription={t.findings.stepHelp}
          aria-keyshortcuts="K"
          disabled={ordered.length === 0}
          onClick={() => step(-1)}
          data-testid="previous-finding"
        />
        <DefaultButton
          text={t.findings.next}
          iconProps={{ iconName: "ChevronDown" }}
          ariaDescription={t.findings.stepHelp}
          aria-keyshortcuts="J"
          disabled={ordered.length === 0}
          onClick={() => step(1)}
          data-testid="next-finding"
        />
      </div>
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
      {groups.map((severityGroup) => (
        <section
          key={severityGroup.severity}
          className={`kb-severity-group kb-severity-${severityGroup.severity}`}
          data-severity={severityGroup.severity}
          aria-labelledby={`kb-sev-${severityGroup.severity}`}
        >
          <h3 className="kb-severity-heading" id={`kb-sev-${severityGroup.severity}`}>
            <button
              type="button"
              className="kb-disclosure"
              aria-expanded={!collapsed.has(severityGroup.severity)}
              onClick={() => toggle(severityGroup.severity)}
            >
              <span className="kb-chevron" aria-hidden="true">
                {collapsed.has(severityGroup.severity) ? "▸" : "▾"}
              </span>
              <Icon
                iconName={SEVERITY_ICON[severityGroup.severity]}
                className="kb-severity-icon"
                aria-hidden="true"
              />
              <span>
                {t.findings.severity[severityGroup.severity]}{" "}
                <span className="kb-count">({t.findings.count(severityGroup.count)})</span>
              </span>
            </button>
          </h3>
          {collapsed.has(severityGroup.severity)
            ? null
            : severityGroup.families.map((group) => (
                <FamilySection
                  key={group.family}
                  group={group}
                  severity={severityGroup.severity}
                  open={!collapsed.has(`${severityGroup.severity}:${group.family}`)}
                  onToggle={() => toggle(`${severityGroup.severity}:${group.family}`)}
                  t={t}
                >
                  {group.items.map((view) => (
                    <FindingCard
                      key={view.key}
                      view={view}
                      t={t}
                      busy={busy}
                      onShow={onShow}
                      onApply={(edits) => {
                        remember(view.key);
                        onApply(edits, changeLabel(view, t));
                      }}
                      onIgnore={(ignoredView) => {
                        remember(ignoredView.key);
                        onIgnore(ignoredView);
                      }}
                    />
                  ))}
                </FamilySection>
              ))}
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

/** "»i medfør af« → »efter«", "slet »VIGTIGT:«": what one card's Anvend did. */
function changeLabel(view: FindingView, t: Strings): string | undefined {
  const change = view.change;
  if (!change) return undefined;
  return change.added
    ? `»${change.removed}« → »${change.added}«`
    : t.findings.deleteWords(change.removed);
}

function FamilySection({
  group,
  severity,
  open,
  onToggle,
  t,
  children,
}: {
  group: FamilyGroup;
  severity: SeverityName;
  open: boolean;
  onToggle(): void;
  t: Strings;
  children: ReactNode;
}) {
  const id = `kb-family-${severity}-${group.family}`;
  return (
    <section className="kb-family" aria-labelledby={id} data-family={group.family}>
      <h4 id={id} className="kb-family-heading">
        <button
          type="button"
          className="kb-disclosure kb-family-toggle"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          onClick={onToggle}
        >
          <span className="kb-chevron" aria-hidden="true">
            {open ? "▾" : "▸"}
          </span>
          <span>
            {t.findings.families[group.family] ?? group.family}{" "}
            <span className="kb-count">({t.findings.count(group.items.length)})</span>
          </span>
        </button>
      </h4>
      <ul className="kb-finding-list" id={`${id}-list`} hidden={!open}>
        {children}
      </ul>
    </section>
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
      data-rules={(view.reasons ?? [finding]).map((r) => r.ruleId).join(" ")}
      data-key={view.key}
      tabIndex={-1}
      aria-labelledby={`${id}-what`}
    >
      <p className="kb-sentence">
        <span className="kb-visually-hidden">{t.findings.sentence}: </span>
        {sentence.text.slice(0, sentence.markStart)}
        <mark>{sentence.text.slice(sentence.markStart, sentence.markEnd)}</mark>
        {sentence.text.slice(sentence.markEnd)}
        {sentence.more ? " …" : null}
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
      {view.reasons && view.reasons.length > 1 ? (
        <ul className="kb-reasons" aria-label={t.findings.alsoReasons}>
          {view.reasons.slice(1).map((reason, index) => (
            <li key={index} data-rule={reason.ruleId}>
              <span className="kb-severity-label">{t.findings.severity[reason.severity]}:</span>{" "}
              {reason.message}
            </li>
          ))}
        </ul>
      ) : null}
      {view.change && !view.change.added ? (
        <p className="kb-change" data-testid="change">
          {t.findings.deleteWords(view.change.removed)}
        </p>
      ) : view.change ? (
        <p className="kb-change" data-testid="change">
          <span className="kb-visually-hidden">{t.findings.before}: </span>
          <del>{view.change.removed || "…"}</del>
          <span aria-hidden="true"> → </span>
          <span className="kb-visually-hidden">{t.findings.after}: </span>
          <ins>{view.change.added}</ins>
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
