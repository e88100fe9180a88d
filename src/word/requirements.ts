/// <reference types="office-js" />

/**
 * The API sets Klarbrev uses above the manifest's minimum (WordApi 1.3). Each function is a guard
 * that `npm run check:apisets` recognises: a call to it in an if-condition counts as the
 * isSetSupported call it returns.
 */

/** changeTrackingMode, getReviewedText, insertComment. */
export function supportsTracking(): boolean {
  return Office.context.requirements.isSetSupported("WordApi", "1.4");
}

/** Range.highlight(): a temporary highlight that is never saved into the document. */
export function supportsTemporaryHighlight(): boolean {
  return Office.context.requirements.isSetSupported("WordApi", "1.8");
}

/** onParagraphChanged / onParagraphAdded / onParagraphDeleted. */
export function supportsParagraphEvents(): boolean {
  return Office.context.requirements.isSetSupported("WordApi", "1.6");
}

/** getContentControls({ types }): lists plain-text controls too (the collections do not). */
export function supportsTypedControls(): boolean {
  return Office.context.requirements.isSetSupported("WordApi", "1.5");
}
