import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { Icon } from "@fluentui/react/lib/Icon";
import { TextField } from "@fluentui/react/lib/TextField";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { LegalRegistryEntry } from "../../engine/rules/legal/types.js";
import { legalLabel } from "../model/legal.js";
import type { Strings } from "../strings/index.js";
import type { BlockMark, PreviewHost, SurfaceBlock } from "./preview-host.js";
import { hasChanges, visibleText, type Segment } from "./segments.js";

export interface LetterSurfaceProps {
  host: PreviewHost;
  t: Strings;
  sampleText: string;
  /** The approved guidance, for the blocks' titles in the UI's language. */
  registry?: readonly LegalRegistryEntry[];
}

/**
 * The offline preview's document: one plain text field per block, legal blocks locked with a
 * visible title, and Klarbrev's changes shown as tracked changes (insertions underlined,
 * deletions struck through) until they are accepted or rejected.
 */
export function LetterSurface({ host, t, sampleText, registry }: LetterSurfaceProps) {
  const snapshot = useSyncExternalStore(host.subscribe, host.getSnapshot);
  const [pasting, setPasting] = useState(false);
  const [pasted, setPasted] = useState("");
  const paperRef = useRef<HTMLDivElement>(null);

  // "Vis i dokumentet": focus and select the range, or highlight a read-only block.
  useEffect(() => {
    const selection = snapshot.selection;
    if (!selection || !paperRef.current) return;
    const element = paperRef.current.querySelector<HTMLElement>(
      `[data-block-index="${selection.blockIndex}"]`
    );
    if (!element) return;
    // Only the letter scrolls: the pane beside it is its own scroll area and keeps its place.
    element.scrollIntoView?.({ block: "center" });
    element.classList.remove("kb-flash");
    void element.offsetWidth;
    element.classList.add("kb-flash");
    if (!selection.focus) return; // next/previous finding: the keyboard stays in the pane
    element.focus({ preventScroll: true });
    if (element instanceof HTMLTextAreaElement) {
      element.setSelectionRange(selection.start, selection.end);
    }
  }, [snapshot.selection]);

  return (
    <main className="kb-surface" aria-labelledby="kb-surface-h">
      <div className="kb-surface-bar">
        <h1 id="kb-surface-h" className="kb-surface-title">
          {t.surface.heading}
        </h1>
        <p className="kb-surface-intro">{t.surface.intro}</p>
        <div className="kb-actions" role="toolbar" aria-label={t.surface.label}>
          <PrimaryButton
            text={t.surface.acceptAll}
            iconProps={{ iconName: "CheckMark" }}
            disabled={!snapshot.pending}
            onClick={() => host.acceptAll()}
            data-testid="accept-all"
          />
          <DefaultButton
            text={t.surface.rejectAll}
            iconProps={{ iconName: "Cancel" }}
            disabled={!snapshot.pending}
            onClick={() => host.rejectAll()}
          />
          <DefaultButton
            text={t.surface.pasteOwn}
            iconProps={{ iconName: "Add" }}
            onClick={() => setPasting(true)}
            data-testid="paste-own"
          />
          <DefaultButton text={t.surface.resetSample} onClick={() => host.loadText(sampleText)} />
        </div>
        {pasting ? (
          <div className="kb-paste" data-testid="paste-panel">
            <TextField
              label={t.surface.pasteLabel}
              description={t.surface.pasteHelp}
              multiline
              rows={10}
              value={pasted}
              onChange={(_, value) => setPasted(value ?? "")}
              autoFocus
            />
            <div className="kb-actions">
              <PrimaryButton
                text={t.surface.pasteUse}
                disabled={!pasted.trim()}
                onClick={() => {
                  host.loadText(pasted);
                  setPasting(false);
                }}
                data-testid="paste-use"
              />
              <DefaultButton text={t.surface.pasteCancel} onClick={() => setPasting(false)} />
            </div>
          </div>
        ) : null}
      </div>
      <div className="kb-paper" ref={paperRef} role="document" aria-label={t.surface.label}>
        {snapshot.blocks.map((block, index) => (
          <SurfaceBlockView
            key={block.key}
            block={block}
            index={index}
            t={t}
            {...(registry ? { registry } : {})}
            marks={snapshot.marks.get(block.key) ?? NO_MARKS}
            onEdit={(text) => host.editBlock(index, text)}
            onAccept={() => host.acceptBlock(index)}
            onReject={() => host.rejectBlock(index)}
            onFocus={() => (host.focusedBlock = index)}
          />
        ))}
      </div>
    </main>
  );
}

function Segments({ segments, t }: { segments: readonly Segment[]; t: Strings }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.kind === "ins" ? (
          <ins key={index}>
            <span className="kb-visually-hidden">[{t.surface.inserted}: </span>
            {segment.text}
            <span className="kb-visually-hidden">]</span>
          </ins>
        ) : segment.kind === "del" ? (
          <del key={index}>
            <span className="kb-visually-hidden">[{t.surface.deleted}: </span>
            {segment.text}
            <span className="kb-visually-hidden">]</span>
          </del>
        ) : (
          <span key={index}>{segment.text}</span>
        )
      )}
    </>
  );
}

const NO_MARKS: readonly BlockMark[] = [];
const RANK = { error: 0, warning: 1, info: 2 } as const;

/** The block's text cut at every mark boundary; each piece carries its most severe mark. */
function markedPieces(
  text: string,
  marks: readonly BlockMark[]
): { text: string; severity?: BlockMark["severity"] }[] {
  const cuts = new Set([0, text.length]);
  for (const mark of marks) {
    cuts.add(Math.max(0, Math.min(text.length, mark.start)));
    cuts.add(Math.max(0, Math.min(text.length, mark.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: { text: string; severity?: BlockMark["severity"] }[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const covering = marks
      .filter((mark) => mark.start <= from && mark.end >= to)
      .sort((a, b) => RANK[a.severity] - RANK[b.severity])[0];
    pieces.push(
      covering
        ? { text: text.slice(from, to), severity: covering.severity }
        : { text: text.slice(from, to) }
    );
  }
  return pieces;
}

interface BlockProps {
  block: SurfaceBlock;
  index: number;
  t: Strings;
  registry?: readonly LegalRegistryEntry[];
  marks: readonly BlockMark[];
  onEdit(text: string): void;
  onAccept(): void;
  onReject(): void;
  onFocus(): void;
}

function SurfaceBlockView({
  block,
  index,
  t,
  registry,
  marks,
  onEdit,
  onFocus,
  onAccept,
  onReject,
}: BlockProps) {
  const kindLabel = t.surface.blockKinds[block.kind] ?? block.kind;
  // One change at a time, as in Word's review pane.
  const review = (
    <span className="kb-review">
      <DefaultButton
        className="kb-review-button"
        text={t.surface.acceptOne}
        ariaLabel={`${t.surface.acceptOne}: ${kindLabel} ${index + 1}`}
        onClick={onAccept}
        data-testid="accept-one"
      />
      <DefaultButton
        className="kb-review-button"
        text={t.surface.rejectOne}
        ariaLabel={`${t.surface.rejectOne}: ${kindLabel} ${index + 1}`}
        onClick={onReject}
        data-testid="reject-one"
      />
    </span>
  );
  const className = `kb-block kb-kind-${block.kind}`;
  if (block.legal) {
    const title = legalLabel(t.lang, block.legal.id, block.legal.title, registry);
    // Never "godkendt" unless the analysis found the approved text.
    const label =
      block.approved === true
        ? t.templates.lockedBlock(title)
        : block.approved === false
          ? t.templates.lockedChanged(title)
          : t.templates.lockedUnchecked(title);
    return (
      <section
        className={`${className} kb-locked${block.inserted ? " kb-inserted" : ""}${block.deleted ? " kb-deleted" : ""}${block.approved === false ? " kb-legal-changed" : ""}`}
        aria-label={label}
        data-approved={block.approved === undefined ? "unchecked" : String(block.approved)}
        data-block-index={index}
        data-legal-id={block.legal.id}
        tabIndex={-1}
      >
        <p className="kb-legal-title">
          <Icon iconName={block.approved === false ? "Warning" : "Lock"} aria-hidden="true" />{" "}
          {label}
        </p>
        {block.inserted || block.deleted ? (
          <p className="kb-badges">
            {block.inserted ? <span className="kb-badge">{t.surface.newBadge}</span> : null}
            {block.deleted ? <span className="kb-badge">{t.surface.deleted}</span> : null}
            {review}
          </p>
        ) : null}
        <p className="kb-legal-text" data-testid="legal-text">
          <Segments segments={block.segments} t={t} />
        </p>
      </section>
    );
  }
  if (block.inserted || block.moved || block.deleted || hasChanges(block.segments)) {
    return (
      <div
        className={`${className} kb-tracked${block.moved ? " kb-moved" : ""}${block.inserted ? " kb-inserted" : ""}${block.deleted ? " kb-deleted" : ""}`}
        data-block-index={index}
        role="group"
        aria-label={`${kindLabel} ${index + 1}`}
        tabIndex={-1}
      >
        <p className="kb-badges">
          {block.inserted ? <span className="kb-badge">{t.surface.newBadge}</span> : null}
          {block.moved ? <span className="kb-badge">{t.surface.movedBadge}</span> : null}
          {block.deleted ? <span className="kb-badge">{t.surface.deleted}</span> : null}
          {review}
        </p>
        <p className="kb-tracked-text">
          <Segments segments={block.segments} t={t} />
        </p>
        {block.deleted ? null : (
          <p className="kb-pending-note" id={`kb-pending-${block.key}`}>
            <Icon iconName="Lock" aria-hidden="true" /> {t.surface.pendingNote}
          </p>
        )}
      </div>
    );
  }
  const text = visibleText(block.segments);
  const rows = Math.max(1, text.split("\n").length, Math.ceil(text.length / 72));
  const input = (
    <textarea
      className={`${className} kb-block-input`}
      aria-label={`${kindLabel} ${index + 1}`}
      data-block-index={index}
      value={text}
      rows={rows}
      spellCheck
      lang="da"
      onChange={(event) => onEdit(event.target.value)}
      onFocus={onFocus}
    />
  );
  if (marks.length === 0) return input;
  // The findings' words are marked on a copy of the text laid exactly under the text field.
  return (
    <div className="kb-field" data-marks={marks.length}>
      <div className={`${className} kb-block-input kb-backdrop`} aria-hidden="true">
        {markedPieces(text, marks).map((piece, i) =>
          piece.severity ? (
            <mark key={i} className={`kb-hl kb-hl-${piece.severity}`}>
              {piece.text}
            </mark>
          ) : (
            <span key={i}>{piece.text}</span>
          )
        )}
        {"\n"}
      </div>
      {input}
    </div>
  );
}
