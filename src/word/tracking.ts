/// <reference types="office-js" />
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

/** Queue the read of the user's mode; call the result after the sync. */
export function queueTrackingState(context: Word.RequestContext): () => TrackingState {
  if (supportsTracking()) {
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
