import { PrimaryButton } from "@fluentui/react/lib/Button";
import { Icon } from "@fluentui/react/lib/Icon";
import { useEffect, useMemo, useState } from "react";
import type { Letter } from "../../engine/letter/model.js";
import type { LegalRegistryEntry } from "../../engine/rules/legal/types.js";
import type { WholeLetterProposal } from "../../engine/rewrite/whole-letter.js";
import type { Analysis } from "../../engine/types.js";
import { legalLabel } from "../model/legal.js";
import type { Strings } from "../strings/index.js";
import { rewriteEngine, type RewriteEngine } from "../worker/inline-engine.js";

export interface CalmRewritePanelProps {
  analysis: Analysis;
  registry?: readonly LegalRegistryEntry[];
  t: Strings;
  busy: boolean;
  onApply(proposal: WholeLetterProposal): void;
}

const BODY = new Set(["paragraph", "listItem", "heading", "legal"]);

/** The letter's body as the reader meets it, one entry per block. */
function Column({
  letter,
  testId,
  title,
}: {
  letter: Letter;
  testId: string;
  /** A guidance block's name in the UI's language. */
  title(legal: NonNullable<Letter["blocks"][number]["legal"]>): string;
}) {
  return (
    <ol className="kb-rewrite-column" data-testid={testId}>
      {letter.blocks
        .filter((block) => BODY.has(block.kind))
        .map((block, index) => (
          <li key={index} className={block.legal ? "kb-rewrite-legal" : undefined}>
            {block.legal ? (
              <p className="kb-legal-title">
                <Icon iconName="Lock" aria-hidden="true" /> {title(block.legal)}
              </p>
            ) : null}
            <p>{block.legal ? block.text.split("\n")[0] + " …" : block.text}</p>
          </li>
        ))}
    </ol>
  );
}

/**
 * "Skriv det vigtigste først": one calm rewrite of the whole letter, shown side by side with
 * the letter as it is before anything is applied. Applied, every change is a tracked change.
 */
export function CalmRewritePanel({ analysis, registry, t, busy, onApply }: CalmRewritePanelProps) {
  const engine = useRewriteEngine();
  const proposal = useMemo(
    () =>
      engine && engine !== "failed" ? engine.wholeLetterProposal(analysis, registry) : undefined,
    [engine, analysis, registry]
  );
  const after = useMemo(
    () => (engine && engine !== "failed" && proposal ? engine.proposedLetter(proposal) : undefined),
    [engine, proposal]
  );
  if (engine === "failed") {
    return (
      <p className="kb-empty" role="alert" data-testid="lead-unavailable">
        {t.lead.unavailable}
      </p>
    );
  }
  if (!proposal || !after) {
    return (
      <p className="kb-empty" role="status" data-testid="lead-preparing">
        {t.lead.preparing}
      </p>
    );
  }
  const lead = proposal.changes.find((change) => change.kind === "lead")?.after;
  if (proposal.changes.length === 0) {
    return (
      <p className="kb-empty" data-testid="lead-none">
        {analysis.scores.essentials.inLead ? t.lead.already : t.lead.none}
      </p>
    );
  }
  const titleOf = (legal: { id: string; title?: string }) =>
    legalLabel(t.lang, legal.id, legal.title, registry);
  const count = (kind: string) => proposal.changes.filter((c) => c.kind === kind).length;
  const summary = [
    lead ? t.lead.summary.lead : undefined,
    count("calm") + count("remove-threat") > 0 ? t.lead.summary.calm : undefined,
    count("citation") > 0 ? t.lead.summary.citations : undefined,
    count("plain") > 0 ? t.lead.summary.plain(count("plain")) : undefined,
    proposal.guidance
      ? t.lead.summary.guidance(
          legalLabel(t.lang, proposal.guidance.id, proposal.guidance.title, registry)
        )
      : undefined,
  ].filter((line): line is string => line !== undefined);
  return (
    <div className="kb-lead" data-testid="lead-panel">
      <p>{t.lead.intro}</p>
      {lead ? (
        <>
          <h3 className="kb-subheading">{t.lead.newLead}</h3>
          <blockquote className="kb-lead-text" data-testid="lead-text">
            {lead}
          </blockquote>
        </>
      ) : null}
      <ul className="kb-rewrite-summary" data-testid="rewrite-summary">
        {summary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div className="kb-rewrite" data-testid="rewrite-side-by-side">
        <section aria-labelledby="kb-rewrite-now">
          <h3 className="kb-subheading" id="kb-rewrite-now">
            {t.lead.now}
          </h3>
          <Column letter={analysis.letter} testId="rewrite-now" title={titleOf} />
        </section>
        <section aria-labelledby="kb-rewrite-proposal">
          <h3 className="kb-subheading" id="kb-rewrite-proposal">
            {t.lead.proposal}
          </h3>
          <Column letter={after} testId="rewrite-proposal" title={titleOf} />
        </section>
      </div>
      <PrimaryButton
        text={t.lead.applyAll}
        disabled={busy}
        onClick={() => onApply(proposal)}
        data-testid="apply-lead"
      />
    </div>
  );
}

/**
 * The rewrite needs the whole engine (it analyses trial letters). In the task pane bundle the
 * engine's script loads the first time the panel opens, so taskpane.js does not carry the rules;
 * where the engine is at hand (tests) the proposal is there on the first render.
 */
function useRewriteEngine(): RewriteEngine | "failed" | undefined {
  const [engine, setEngine] = useState<RewriteEngine | "failed" | undefined>(() => {
    const ready = rewriteEngine();
    return ready instanceof Promise ? undefined : ready;
  });
  useEffect(() => {
    if (engine) return;
    let live = true;
    void Promise.resolve(rewriteEngine()).then(
      (loaded) => live && setEngine(loaded),
      () => live && setEngine("failed")
    );
    return () => {
      live = false;
    };
  }, [engine]);
  return engine;
}
