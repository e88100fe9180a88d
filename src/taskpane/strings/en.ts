import { ENGLISH_MONTHS, ENGLISH_WEEKDAYS } from "../../engine/linguistics/calendar.js";
import type { Strings } from "./da.js";

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** English UI strings, used when Office's display language is English. Mirrors da.ts. */
export const en: Strings = {
  lang: "en",
  appTitle: "Klarbrev",
  appSubtitle: "Clear, calm language in letters to citizens",
  refresh: "Refresh the analysis",
  analysing: "Analysing the letter …",
  analysisFailed: (reason) => `The analysis failed: ${reason}`,
  staleRetry: "The letter changed since the analysis. The analysis is updated – please try again.",
  noticeTrackedOff:
    "Tracked changes are not available here. The change went in untracked: read it through before the letter is sent.",
  untracked: {
    question:
      "This version of Word cannot track Klarbrev's changes. Insert them untracked? You then need to read them through yourself before the letter is sent.",
    apply: "Insert untracked",
    cancel: "Cancel",
    declined: "No changes were made.",
  },
  dismiss: "Close the message",
  errors: {
    locked:
      "Klarbrev does not change locked text or approved guidance. Move the cursor and try again.",
    "document-changed":
      "The letter changed while Klarbrev worked. The analysis is updated – please try again.",
    "not-found":
      "Klarbrev could not find the text in the document. Refresh the analysis and try again.",
    "word-error": "Word refused the change. Check the document and try again.",
    invalid: "This action cannot be done on this letter. Refresh the analysis and try again.",
  },
  notices: {
    "tracking-unavailable":
      "This version of Word does not let Klarbrev turn on Track Changes. The changes went in untracked: read them through before the letter is sent.",
  },

  readNotices: {
    "tables-skipped": "Tables are not analysed. Check the text in them yourself.",
    "images-skipped": "Pictures are not analysed.",
    "locked-skipped":
      "Locked fields that Klarbrev did not insert are not analysed and will not be changed.",
    "legal-inline-skipped":
      "Some paragraphs hold approved text inside a sentence. Klarbrev does not analyse or change them: read the rest of those paragraphs yourself.",
    "pending-revisions":
      "The document has tracked changes that are not accepted or rejected yet. Paragraphs with such changes are not edited.",
    "legal-unlocked":
      "Approved guidance in the document is no longer locked. Restore or lock it before the letter is sent.",
    "reviewed-text-unavailable":
      "This version of Word cannot show the text without its tracked deletions; deleted text is read as ordinary text.",
    "paragraph-not-movable":
      "A paragraph holds a field, a footnote, a picture or a comment. Klarbrev does not move it, as Word could lose that content. Move the paragraph yourself if the order should change.",
    "paragraph-at-control-edge":
      "A paragraph is the first or last one in a content control. Klarbrev does not move it, as Word would delete the control with it. Move the paragraph yourself if the order should change.",
    "write-unverified":
      "Word wrote the changes, but one or more paragraphs do not read as expected afterwards. Read the changed paragraphs and refresh the analysis.",
  } as Record<string, string>,

  scores: {
    heading: "Results",
    readability: "Readability",
    threat: "Threats and warnings",
    essentials: "Essentials first",
    legal: "Required guidance",
    lixValue: (lix, band) => `LIX ${Number.isInteger(lix) ? lix : lix.toFixed(1)} (${band})`,
    lixBands: {
      "meget let": "very easy",
      let: "easy",
      middel: "average",
      svær: "difficult",
      "meget svær": "very difficult",
    },
    lixTarget: (target, met) =>
      met ? `Target at most ${target}: met` : `Target at most ${target}: not met`,
    noProse: "No body text yet",
    threatValue: (score) => `${score} of 100`,
    threatScale: "0 is calm, 100 is very threatening",
    threatLevel: { good: "Calm", warn: "Some warnings", bad: "Threatening" },
    threatCount: (count) => (count === 1 ? "1 threatening phrase" : `${count} threatening phrases`),
    essentialsYes: "Yes",
    essentialsNo: "No",
    weekdayWrong: "The weekday does not fit the date",
    factLabels: {
      date: "Date",
      time: "Time",
      place: "Place",
      action: "Action",
      deadline: "Deadline",
    },
    found: "Found",
    missing: "Missing from the opening",
    noFacts: "No date, time or place found",
    factKinds: {
      date: "date",
      time: "time",
      place: "place",
      deadline: "deadline",
      action: "action",
      decision: "decision",
    },
    legalNone: "No guidance in the letter",
    legalAllIntact: "All intact",
    legalProblems: (count) => (count === 1 ? "1 block with errors" : `${count} blocks with errors`),
    legalUnchecked: "Not checked",
    legalReview: "Needs a look",
    status: {
      good: "Fine",
      warn: "Should be fixed",
      bad: "Must be fixed",
      neutral: "For information",
    },
  },

  sections: {
    findings: "Suggestions",
    lead: "Put the essentials first",
    templates: "Insert a standard letter",
    legal: "Required guidance",
  },

  findings: {
    applyAllSafe: (count) => `Apply all safe suggestions (${count})`,
    none: "No suggestions. The letter looks fine.",
    allIgnored: (count) =>
      count === 1 ? "1 suggestion is ignored." : `${count} suggestions are ignored.`,
    showIgnored: "Show ignored again",
    families: {
      readability: "Readability",
      plain: "Plain language",
      threat: "Threats and warnings",
      essentials: "Essentials first",
      legal: "Required guidance",
      other: "Other",
    },
    count: (count) => (count === 1 ? "1 suggestion" : `${count} suggestions`),
    severity: { error: "Must be fixed", warning: "Should be fixed", info: "Worth considering" },
    why: "Why?",
    suggestion: "Suggestion",
    before: "Before",
    after: "After",
    show: "Show in document",
    apply: "Apply",
    ignore: "Ignore",
    applied: "The change was inserted as a tracked change.",
    appliedMany: (count) =>
      count === 1
        ? "1 change was inserted as a tracked change."
        : `${count} changes were inserted as tracked changes.`,
    refused: (count) =>
      count === 1
        ? "1 change was refused because it touches locked guidance."
        : `${count} changes were refused because they touch locked guidance.`,
    heldBack: (count) =>
      count === 1
        ? "1 other change was not made either: the changes go in together or not at all."
        : `${count} other changes were not made either: the changes go in together or not at all.`,
    refusedOther: (count) =>
      count === 1
        ? "1 change was not made because the text has pending changes or could not be found safely. Refresh the analysis and try again."
        : `${count} changes were not made because the text has pending changes or could not be found safely. Refresh the analysis and try again.`,
    filterLabel: "Show suggestions by severity",
    filterAll: (count) => `All (${count})`,
    previous: "Previous",
    next: "Next",
    stepHelp: "Shortcut: J for next and K for previous while the list has focus.",
    alsoReasons: "Also",
    batchLabel: (count) => `Safe suggestions, ${count} in all`,
    appliedHeading: "Applied in this session",
    undo: "Undo",
    undone: (label) => `Undone: ${label}`,
    cannotUndo:
      "The change cannot be undone from here because the letter has changed since. Reject the tracked change in the letter.",
    deleteWords: (words: string) => `delete “${words}”`,
    nothingApplied: "No change was made: the text already reads that way. Refresh the analysis.",
    inLegal: "In locked, approved guidance; it does not count.",
    inChangedLegal:
      "In guidance whose text was changed. It is not approved and counts until the approved text is restored.",
    sentence: "Sentence",
  },

  lead: {
    preparing: "Preparing the proposal for the whole letter …",
    unavailable:
      "The proposal for the whole letter could not be prepared. Close the panel and try again.",
    appliedAll:
      "The proposal was inserted as tracked changes. Accept or reject them one by one in the letter.",
    applyAll: "Rewrite the whole letter calmly",
    now: "Now",
    proposal: "Proposal",
    summary: {
      lead: "The essentials come first and replace the sentence they summarise.",
      calm: "Threatening sentences become supportive wording.",
      citations: "Legal citations leave the running text.",
      plain: (count) => (count === 1 ? "1 plain-language fix." : `${count} plain-language fixes.`),
      guidance: (title) => `The approved guidance “${title}” goes in last, locked.`,
    },
    intro:
      "Klarbrev proposes a new opening with the essentials, and an order with the required guidance last.",
    newLead: "New opening",
    newOrder: "New order",
    moved: "moved",
    added: "new",
    apply: "Put the essentials first",
    applied: "The opening and the new order were inserted as tracked changes.",
    already: "The letter already has the essentials first.",
    none: "There is no proposal for a new opening.",
  },

  templates: {
    search: "Search standard letters",
    searchPlaceholder: "Search, e.g. meeting",
    none: "No standard letter matches the search.",
    unavailable: "The standard letters are not available.",
    letterTypes: {
      indkaldelse: "Notices to attend",
      afgørelse: "Decisions",
      partshøring: "Hearings",
      anmodning: "Requests",
      orientering: "Information",
    },
    version: (version) => `version ${version}`,
    back: "Back to the list",
    formHeading: (title) => `Fill in: ${title}`,
    requiredNote: "Fields marked * are required.",
    requiredSuffix: "(required)",
    fillSample: "Fill with sample data",
    preview: "Show preview",
    previewHeading: "Preview",
    insertMode: "Where should the letter go?",
    modeReplace: "Replace the whole letter",
    modeCursor: "At the cursor",
    insert: "Insert into the document",
    inserted: "The standard letter was inserted. The required guidance is locked.",
    fixErrors: (count) =>
      count === 1 ? "Fix 1 field before inserting." : `Fix ${count} fields before inserting.`,
    renderFailed: (reason) => `The letter could not be created: ${reason}`,
    lockedBlock: (title) => `${title} – approved text, locked`,
    lockedChanged: (title) => `${title} – changed, not approved`,
    lockedUnchecked: (title) => `${title} – guidance, locked`,
    datePlaceholder: "dd.mm.yyyy",
    openCalendar: (label) => `Choose ${label.toLowerCase()} in the calendar`,
    timePlaceholder: "hh.mm, e.g. 10.00",
    choose: "Choose",
    errors: {
      required: (label) => `Fill in “${label}”.`,
      date: "Enter a valid date, e.g. 7.12.2026.",
      time: "Enter a time, e.g. 9.15 or 13.30.",
      phone: "Enter a phone number with 8 digits, e.g. 89 15 15 15.",
      money: "Enter an amount, e.g. 1.234,50.",
      choice: "Choose one of the options.",
    },
  },

  legal: {
    intro:
      "Required guidance uses the text lawyers approved. In the letter it is locked and must not be changed.",
    introMissing:
      "The letter type requires guidance that is not in the letter. Insert the approved text here.",
    none: "The letter contains no required guidance.",
    unchecked:
      "The guidance is locked, but this version could not check it against the approved texts.",
    status: {
      intact: "intact",
      modified: "modified",
      outdated: "outdated",
      unapproved: "not approved",
      missing: "missing",
      "own-wording": "own wording",
      unknown: "unknown",
      unverified: "not checked",
    },
    statusHelp: {
      intact: "The text is the approved text.",
      modified: "The text differs from the approved text.",
      outdated: "A newer approved version exists.",
      unapproved: "The text has not been approved by a lawyer.",
      missing: "The letter type requires this guidance, but it is not in the letter.",
      "own-wording":
        "The guidance is in the letter in the caseworker's own words. Use the approved text so it is legally correct.",
      unknown:
        "The block is marked as guidance, but its id or version is not among the approved texts.",
      unverified: "Could not be checked against the approved texts.",
    },
    diffHeading: "Difference from the approved text",
    removed: "removed",
    addedWord: "added",
    restore: "Restore approved text",
    confirmTitle: "Restore approved text?",
    confirmText:
      "The block's text will be replaced by the approved text. The change is shown as a tracked change.",
    confirmYes: "Yes, restore",
    confirmNo: "Cancel",
    restored: "The approved text was restored.",
    noApprovedText: "The approved text is not available, so the block cannot be restored here.",
    version: (version) => `version ${version}`,
    insert: "Insert required guidance",
    inserted:
      "The approved guidance was inserted after the body, before the closing, and is locked.",
    insertUnavailable: "The approved text is not available here. Insert a standard letter instead.",
    onlyMissing: (title) =>
      `The letter only lacks its required guidance: ${title}. Insert it with one click.`,
  },

  surface: {
    label: "The letter (preview)",
    heading: "Letter",
    intro:
      "Preview without Word: edit the letter and see the analysis in the Klarbrev pane. Changes from Klarbrev are shown as tracked changes.",
    acceptAll: "Accept all changes",
    rejectAll: "Reject all changes",
    pasteOwn: "Paste your own text",
    pasteLabel: "The letter's text",
    pasteHelp:
      'Paste a letter as plain text. Required guidance can be marked with <!-- klarbrev:legal id="…" version="…" --> and <!-- /klarbrev:legal -->.',
    pasteUse: "Use the text",
    pasteCancel: "Cancel",
    resetSample: "Reset the sample letter",
    acceptOne: "Accept",
    rejectOne: "Reject",
    pendingNote: "This paragraph has tracked changes. Accept or reject them to edit it.",
    locked: "locked",
    inserted: "Inserted",
    deleted: "Deleted",
    movedBadge: "Moved",
    newBadge: "New paragraph",
    blockKinds: {
      address: "Address",
      date: "Date",
      subject: "Subject",
      heading: "Heading",
      greeting: "Greeting",
      paragraph: "Paragraph",
      listItem: "Item",
      closing: "Closing",
      signature: "Signature",
      legal: "Guidance",
    },
    offlineBanner: "Browser preview: Word is not open. Nothing is sent anywhere.",
  },

  datePicker: {
    // Month and weekday names from the shared vocabularies @months and @weekdays (one list).
    months: ENGLISH_MONTHS.map((month) => capital(month.name)),
    shortMonths: ENGLISH_MONTHS.map((month) => capital(month.abbreviations[0] ?? month.name)),
    // Fluent's date picker counts from Sunday; the Danish week (and the vocabulary) from Monday.
    days: [ENGLISH_WEEKDAYS[6]!, ...ENGLISH_WEEKDAYS.slice(0, 6)].map(capital),
    shortDays: ["S", "M", "T", "W", "T", "F", "S"],
    goToToday: "Go to today",
    prevMonthAriaLabel: "Previous month",
    nextMonthAriaLabel: "Next month",
    prevYearAriaLabel: "Previous year",
    nextYearAriaLabel: "Next year",
    prevYearRangeAriaLabel: "Previous year range",
    nextYearRangeAriaLabel: "Next year range",
    closeButtonAriaLabel: "Close",
    weekNumberFormatString: "Week {0}",
    selectedDateFormatString: "Selected date {0}",
    todayDateFormatString: "Today {0}",
    monthPickerHeaderAriaLabel: "{0}, select to change the year",
    yearPickerHeaderAriaLabel: "{0}, select to change the month",
    isRequiredErrorMessage: "Choose a date.",
    invalidInputErrorMessage: "Enter a valid date, e.g. 7.12.2026.",
    isOutOfBoundsErrorMessage: "The date is out of range.",
  },
};
