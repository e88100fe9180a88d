/// <reference types="office-js" />
import { describeOfficeError, WordAdapterError } from "./errors.js";
import { supportsTracking } from "./requirements.js";
import type { Notice } from "./word-letter.js";

/**
 * Tracked changes for one operation: read the user's mode in the first sync, switch to TrackAll
 * before the edits and back after them in the second. Needs WordApi 1.4; without it the edits go
 * in untracked and the caller returns TRACKING_UNAVAILABLE (insertComment needs 1.4 as well, so
 * there is no comment to fall back on).
 */
export interface TrackingState {
  /** Klarbrev can control tracking here (WordApi 1.4). */
  controllable: boolean;
  /** The user's mode before the operation, when controllable. */
  userMode?: string;
}

export const TRACKING_UNAVAILABLE: Notice = {
  code: "tracking-unavailable",
  message:
    "Denne version af Word lader ikke Klarbrev slå Spor ændringer til (kræver WordApi 1.4). Ændringerne er indsat uden sporing: læs dem igennem, før brevet sendes.",
};

/**
 * Queue the read of the user's mode; call the result after the sync. `readable` false: this build
 * cannot load the mode (office-js #2797), so Klarbrev does not control tracking here.
 */
export function queueTrackingState(
  context: Word.RequestContext,
  readable = true
): () => TrackingState {
  if (readable && supportsTracking()) {
    const document = context.document;
    document.load("changeTrackingMode");
    return () => ({ controllable: true, userMode: String(document.changeTrackingMode) });
  }
  return () => ({ controllable: false });
}

/** Queue: track everything from here on (only when the user had tracking off). */
export function beginTracking(context: Word.RequestContext, state: TrackingState): void {
  if (state.userMode === "Off" && supportsTracking()) {
    context.document.changeTrackingMode = "TrackAll";
  }
}

/** Queue: give the user's mode back. */
export function endTracking(context: Word.RequestContext, state: TrackingState): void {
  if (state.userMode === "Off" && supportsTracking()) {
    context.document.changeTrackingMode = "Off";
  }
}

type Mode = "Off" | "TrackAll" | "TrackMineOnly";

/**
 * Queue tracking-mode switches inside one batch, only where the mode changes. Legal text is
 * written with tracking OFF: Word cannot accept or reject a change inside a control locked with
 * cannotEdit (office-js #2886, "by design"), so a tracked restore or insertion there could never
 * be reviewed. The batch switches Off around the legal writes and back afterwards.
 */
export class TrackingSwitch {
  private current: string | undefined;

  constructor(
    private readonly context: Word.RequestContext,
    private readonly state: TrackingState
  ) {
    this.current = state.userMode;
  }

  /** The mode Klarbrev can switch to here; nothing happens where tracking is not controllable. */
  set(mode: Mode): void {
    if (!this.state.controllable || this.current === undefined || mode === this.current) return;
    if (supportsTracking()) {
      this.context.document.changeTrackingMode = mode;
      this.current = mode;
    }
  }

  /** Give the user's mode back. */
  restore(): void {
    if (this.state.userMode !== undefined) this.set(this.state.userMode as Mode);
  }

  /**
   * Write the user's mode whatever this switch believes: after a failed batch, part of it may
   * have run in Word, so the document's mode is not known.
   */
  reassert(): void {
    if (!this.state.controllable || this.state.userMode === undefined || !supportsTracking())
      return;
    this.context.document.changeTrackingMode = this.state.userMode as Mode;
    this.current = this.state.userMode;
  }
}

/**
 * End a batch written behind a TrackingSwitch: switch back to the user's mode and sync. When Word
 * rejects the batch, the user's mode is written again in a sync of its own (best effort) and the
 * failure is reported as `failure: <Word's reason>`.
 */
export async function syncAndRestore(
  context: Word.RequestContext,
  mode: TrackingSwitch,
  failure: string
): Promise<void> {
  mode.restore();
  try {
    await context.sync();
  } catch (error) {
    mode.reassert();
    await context.sync().catch(() => undefined);
    throw new WordAdapterError(`${failure}: ${describeOfficeError(error)}`, "word-error");
  }
}

/**
 * Whether this Word can load `changeTrackingMode` at all: it fails on some Windows builds
 * (office-js #2797). One sync of its own, inside the error handling; asked only after a batch
 * that read the mode failed.
 */
export async function trackingModeReadable(context: Word.RequestContext): Promise<boolean> {
  if (!supportsTracking()) return true;
  try {
    const document = context.document;
    document.load("changeTrackingMode");
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/** Whether edits made now would be tracked changes Klarbrev controls (for asking first). */
export async function tracksChanges(context: Word.RequestContext): Promise<boolean> {
  return supportsTracking() && (await trackingModeReadable(context));
}
