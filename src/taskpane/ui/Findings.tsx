import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { Icon } from "@fluentui/react/lib/Icon";
import { useId, useState } from "react";
import type { Edit } from "../../engine/edits/edit.js";
import { groupByFamily, safeEdits, type FindingView } from "../model/findings.js";
import type { Strings } from "../strings/index.js";

const SEVERITY_ICON = { error: "ErrorBadge", warning: "Warning", info: "Info" } as const;

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
  return (
    <div className="kb-findings" data-testid="findings">
      <PrimaryButton
        className="kb-apply-all"
        text={t.findings.applyAllSafe(safe.length)}
        disabled={busy || safe.length === 0}
        onClick={() => onApply(safe)}
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
                onApply={onApply}
                onIgnore={onIgnore}
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
