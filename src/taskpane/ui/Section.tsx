import { useId, useState, type ReactNode } from "react";

export interface SectionProps {
  title: string;
  /** Shown after the title, for example "(3)". */
  badge?: string;
  defaultOpen?: boolean;
  testId?: string;
  /** Render the content only once the section has been opened (costly content). */
  lazy?: boolean;
  children: ReactNode;
}

/** A collapsible section: a heading with a disclosure button, keyboard and screen-reader friendly. */
export function Section({
  title,
  badge,
  defaultOpen = false,
  testId,
  lazy = false,
  children,
}: SectionProps) {
  const [open, setOpen] = useState(defaultOpen);
  const [opened, setOpened] = useState(defaultOpen);
  const id = useId();
  return (
    <section className="kb-section" aria-labelledby={`${id}-h`} data-testid={testId}>
      <h2 className="kb-section-heading" id={`${id}-h`}>
        <button
          type="button"
          className="kb-disclosure"
          aria-expanded={open}
          aria-controls={`${id}-c`}
          onClick={() => {
            setOpen(!open);
            setOpened(true);
          }}
        >
          <span className="kb-chevron" aria-hidden="true">
            {open ? "▾" : "▸"}
          </span>
          <span>{title}</span>
          {badge ? <span className="kb-badge">{badge}</span> : null}
        </button>
      </h2>
      <div id={`${id}-c`} className="kb-section-body" hidden={!open}>
        {!lazy || opened ? children : null}
      </div>
    </section>
  );
}
