import { PrimaryButton } from "@fluentui/react/lib/Button";
import type { Edit, InsertBlockEdit } from "../../engine/edits/edit.js";
import { essentialsFirstEdits } from "../../engine/rules/essentials/combine.js";
import type { Analysis } from "../../engine/types.js";
import { unmovedIndexes } from "../preview/segments.js";
import type { Strings } from "../strings/index.js";

export interface LeadPanelProps {
  analysis: Analysis;
  t: Strings;
  busy: boolean;
  onApply(edits: Edit[]): void;
}

const excerpt = (text: string) => (text.length > 70 ? `${text.slice(0, 67)}…` : text);

/** "Skriv det vigtigste først": the generated lead and the new block order, applied together. */
export function LeadPanel({ analysis, t, busy, onApply }: LeadPanelProps) {
  const { reorder } = analysis.proposals;
  // Applied together, the lead attaches to the block that is first in the body after the reorder.
  const edits: Edit[] = essentialsFirstEdits(analysis.proposals);
  const lead = edits.find((edit): edit is InsertBlockEdit => edit.kind === "insertBlock");
  const letter = analysis.letter;
  if (!lead && !reorder) {
    return (
      <p className="kb-empty" data-testid="lead-none">
        {analysis.scores.essentials.inLead ? t.lead.already : t.lead.none}
      </p>
    );
  }
  const order = reorder?.order ?? letter.blocks.map((_, index) => index);
  const staying = unmovedIndexes(order);
  const rows: { key: string; kind: string; text: string; mark?: string }[] = [];
  for (const index of order) {
    if (lead && lead.before === index) {
      rows.push({ key: "lead", kind: lead.blockKind, text: lead.text, mark: t.lead.added });
    }
    const block = letter.blocks[index];
    if (!block) continue;
    const row: (typeof rows)[number] = { key: `b${index}`, kind: block.kind, text: block.text };
    if (!staying.has(index)) row.mark = t.lead.moved;
    rows.push(row);
  }
  if (lead && lead.before >= letter.blocks.length) {
    rows.push({ key: "lead", kind: lead.blockKind, text: lead.text, mark: t.lead.added });
  }
  return (
    <div className="kb-lead" data-testid="lead-panel">
      <p>{t.lead.intro}</p>
      {lead ? (
        <>
          <h3 className="kb-subheading">{t.lead.newLead}</h3>
          <blockquote className="kb-lead-text" data-testid="lead-text">
            {lead.text}
          </blockquote>
        </>
      ) : null}
      <h3 className="kb-subheading">{t.lead.newOrder}</h3>
      <ol className="kb-order">
        {rows.map((row) => (
          <li key={row.key} className={row.mark ? "kb-order-changed" : undefined}>
            <span className="kb-order-kind">{t.surface.blockKinds[row.kind] ?? row.kind}</span>{" "}
            {excerpt(row.text)}
            {row.mark ? <span className="kb-badge"> {row.mark}</span> : null}
          </li>
        ))}
      </ol>
      <PrimaryButton
        text={t.lead.apply}
        disabled={busy}
        onClick={() => onApply(edits)}
        data-testid="apply-lead"
      />
    </div>
  );
}
