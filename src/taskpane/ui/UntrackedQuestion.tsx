import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { useCallback, useState, type ReactNode } from "react";
import type { DocumentHost } from "../host.js";
import type { Strings } from "../strings/index.js";

export interface UntrackedQuestionProps {
  t: Strings;
  onAnswer: (applyUntracked: boolean) => void;
}

/** Asks before edits go in untracked (Word on WordApi 1.3 cannot track them: issue 10 item 8). */
export function UntrackedQuestion({ t, onAnswer }: UntrackedQuestionProps) {
  return (
    <div
      className="kb-untracked-question"
      role="alertdialog"
      aria-label={t.untracked.apply}
      aria-describedby="kb-untracked-text"
      data-testid="untracked-question"
    >
      <p id="kb-untracked-text">{t.untracked.question}</p>
      <PrimaryButton text={t.untracked.apply} onClick={() => onAnswer(true)} />{" "}
      <DefaultButton text={t.untracked.cancel} onClick={() => onAnswer(false)} />
    </div>
  );
}

/**
 * `ask()` resolves true at once where the host tracks changes (or cannot say); otherwise it shows
 * the question (`element`) and resolves with the user's answer.
 */
export function useUntrackedQuestion(
  host: Pick<DocumentHost, "tracksChanges">,
  t: Strings
): { ask: () => Promise<boolean>; element: ReactNode } {
  const [pending, setPending] = useState<((answer: boolean) => void) | undefined>(undefined);
  const ask = useCallback(async (): Promise<boolean> => {
    if (!host.tracksChanges || (await host.tracksChanges())) return true;
    return new Promise<boolean>((resolve) => setPending(() => resolve));
  }, [host]);
  const element = pending ? (
    <UntrackedQuestion
      t={t}
      onAnswer={(answer) => {
        setPending(undefined);
        pending(answer);
      }}
    />
  ) : null;
  return { ask, element };
}
