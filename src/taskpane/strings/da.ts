import { DANISH_MONTHS, DANISH_WEEKDAYS } from "../../engine/linguistics/calendar.js";
/** Every user-facing string of the task pane, in Danish (the default). en.ts mirrors it. */
export const da = {
  lang: "da",
  appTitle: "Klarbrev",
  appSubtitle: "Klart og roligt sprog i breve til borgere",
  refresh: "Opdater analysen",
  analysing: "Analyserer brevet …",
  analysisFailed: (reason: string) => `Analysen mislykkedes: ${reason}`,
  staleRetry: "Brevet er ændret siden analysen. Analysen er opdateret – prøv igen.",
  noticeTrackedOff:
    "Sporede ændringer er ikke tilgængelige her. Ændringen er indsat uden sporing: læs den igennem, før brevet sendes.",
  /** The question before edits that Word cannot track here (WordApi 1.3). */
  untracked: {
    question:
      "Denne version af Word kan ikke spore Klarbrevs ændringer. Vil du indsætte dem uden sporing? Du skal så selv læse dem igennem, før brevet sendes.",
    apply: "Indsæt uden sporing",
    cancel: "Annuller",
    declined: "Ingen ændringer er indsat.",
  },
  dismiss: "Luk beskeden",
  /** WordAdapterError codes, in the UI's language (the adapter's own messages are for logs). */
  errors: {
    locked:
      "Klarbrev ændrer ikke låst tekst eller godkendt vejledning. Flyt markøren, og prøv igen.",
    "document-changed":
      "Brevet er ændret, mens Klarbrev arbejdede. Analysen er opdateret – prøv igen.",
    "not-found": "Klarbrev kunne ikke finde teksten i dokumentet. Opdater analysen, og prøv igen.",
    "word-error": "Word afviste ændringen. Tjek dokumentet, og prøv igen.",
    invalid: "Handlingen kan ikke udføres på dette brev. Opdater analysen, og prøv igen.",
  } as Record<string, string>,
  /** Word adapter notice codes, in the UI's language. */
  notices: {
    "tracking-unavailable":
      "Denne version af Word lader ikke Klarbrev slå Spor ændringer til. Ændringerne er indsat uden sporing: læs dem igennem, før brevet sendes.",
    "paragraph-not-movable":
      "Et afsnit indeholder et felt, en fodnote, et billede eller en kommentar. Klarbrev flytter det ikke, da Word kan miste indholdet. Flyt selv afsnittet, hvis rækkefølgen skal ændres.",
    "paragraph-at-control-edge":
      "Et afsnit er det første eller sidste i et indholdskontrolelement. Klarbrev flytter det ikke, da Word ville slette kontrolelementet sammen med afsnittet. Flyt selv afsnittet, hvis rækkefølgen skal ændres.",
    "write-unverified":
      "Word har skrevet ændringerne, men et eller flere afsnit ser ikke ud som forventet bagefter. Læs de ændrede afsnit igennem, og opdater analysen.",
  } as Record<string, string>,

  /** Notices from reading the document; Danish comes from the adapter itself (with counts). */
  readNotices: {} as Record<string, string>,

  scores: {
    heading: "Resultat",
    readability: "Læsbarhed",
    threat: "Trusler og advarsler",
    essentials: "Det vigtigste først",
    legal: "Lovpligtig vejledning",
    lixValue: (lix: number, band: string) =>
      `LIX ${Number.isInteger(lix) ? lix : lix.toFixed(1).replace(".", ",")} (${band})`,
    /** The engine's LIX bands (Danish words) as the UI says them. */
    lixBands: {
      "meget let": "meget let",
      let: "let",
      middel: "middel",
      svær: "svær",
      "meget svær": "meget svær",
    } as Record<string, string>,
    lixTarget: (target: number, met: boolean) =>
      met ? `Målet er højst ${target}: nået` : `Målet er højst ${target}: ikke nået`,
    noProse: "Ingen brødtekst endnu",
    threatValue: (score: number) => `${score} af 100`,
    /** Which way is good: the score alone does not say it. */
    threatScale: "0 er roligt, 100 er meget truende",
    threatLevel: { good: "Roligt", warn: "Nogle advarsler", bad: "Truende" },
    threatCount: (count: number) =>
      count === 1 ? "1 truende formulering" : `${count} truende formuleringer`,
    essentialsYes: "Ja",
    essentialsNo: "Nej",
    weekdayWrong: "Ugedagen passer ikke til datoen",
    /** The short labelled list of what was found, one line per kind. */
    factLabels: {
      date: "Dato",
      time: "Tid",
      place: "Sted",
      action: "Handling",
      deadline: "Frist",
    } as Record<string, string>,
    found: "Fundet",
    missing: "Mangler i indledningen",
    noFacts: "Ingen dato, tid eller sted fundet",
    factKinds: {
      date: "dato",
      time: "tid",
      place: "sted",
      deadline: "frist",
      action: "handling",
      decision: "afgørelse",
    } as Record<string, string>,
    legalNone: "Ingen vejledning i brevet",
    legalAllIntact: "Alt er intakt",
    legalProblems: (count: number) =>
      count === 1 ? "1 blok med fejl" : `${count} blokke med fejl`,
    legalUnchecked: "Ikke kontrolleret",
    legalReview: "Bør ses igennem",
    status: { good: "I orden", warn: "Bør rettes", bad: "Skal rettes", neutral: "Til orientering" },
  },

  sections: {
    findings: "Forslag",
    lead: "Skriv det vigtigste først",
    templates: "Indsæt standardbrev",
    legal: "Lovpligtig vejledning",
  },

  findings: {
    applyAllSafe: (count: number) => `Anvend alle sikre forslag (${count})`,
    none: "Ingen forslag. Brevet ser fint ud.",
    allIgnored: (count: number) =>
      count === 1 ? "1 forslag er ignoreret." : `${count} forslag er ignoreret.`,
    showIgnored: "Vis ignorerede igen",
    families: {
      readability: "Læsbarhed",
      plain: "Klarsprog",
      threat: "Trusler og advarsler",
      essentials: "Det vigtigste først",
      legal: "Lovpligtig vejledning",
      other: "Andet",
    } as Record<string, string>,
    count: (count: number) => (count === 1 ? "1 forslag" : `${count} forslag`),
    severity: { error: "Skal rettes", warning: "Bør rettes", info: "Til overvejelse" },
    why: "Hvorfor?",
    suggestion: "Forslag",
    before: "Før",
    after: "Efter",
    show: "Vis i dokumentet",
    apply: "Anvend",
    ignore: "Ignorer",
    applied: "Ændringen er indsat som sporet ændring.",
    appliedMany: (count: number) =>
      count === 1
        ? "1 ændring er indsat som sporet ændring."
        : `${count} ændringer er indsat som sporede ændringer.`,
    refused: (count: number) =>
      count === 1
        ? "1 ændring blev afvist, fordi den rører ved låst vejledning."
        : `${count} ændringer blev afvist, fordi de rører ved låst vejledning.`,
    heldBack: (count: number) =>
      count === 1
        ? "1 anden ændring blev heller ikke indsat: ændringerne indsættes samlet eller slet ikke."
        : `${count} andre ændringer blev heller ikke indsat: ændringerne indsættes samlet eller slet ikke.`,
    refusedOther: (count: number) =>
      count === 1
        ? "1 ændring blev ikke indsat, fordi teksten har ventende ændringer eller ikke kunne findes sikkert. Opdater analysen, og prøv igen."
        : `${count} ændringer blev ikke indsat, fordi teksten har ventende ændringer eller ikke kunne findes sikkert. Opdater analysen, og prøv igen.`,
    filterLabel: "Vis forslag efter alvor",
    filterAll: (count: number) => `Alle (${count})`,
    previous: "Forrige",
    next: "Næste",
    stepHelp: "Genvej: J for næste og K for forrige, når fokus er i listen.",
    alsoReasons: "Også",
    batchLabel: (count: number) => `Sikre forslag, ${count} i alt`,
    appliedHeading: "Anvendt i denne session",
    undo: "Fortryd",
    undone: (label: string) => `Fortrudt: ${label}`,
    cannotUndo:
      "Ændringen kan ikke fortrydes herfra, fordi brevet er ændret siden. Afvis den sporede ændring i brevet.",
    deleteWords: (words: string) => `slet »${words}«`,
    nothingApplied: "Ingen ændring blev indsat: teksten står allerede sådan. Opdater analysen.",
    inLegal: "Står i låst, godkendt vejledning og tæller ikke med.",
    inChangedLegal:
      "Står i vejledning, hvis tekst er ændret. Den er ikke godkendt og tæller med, indtil den godkendte tekst er gendannet.",
    sentence: "Sætning",
  },

  lead: {
    preparing: "Forslaget til hele brevet gøres klar …",
    unavailable: "Forslaget til hele brevet kunne ikke gøres klar. Luk panelet, og prøv igen.",
    intro:
      "Klarbrev foreslår en ny indledning med det vigtigste, og en rækkefølge hvor den lovpligtige vejledning står sidst.",
    newLead: "Ny indledning",
    newOrder: "Ny rækkefølge",
    moved: "flyttet",
    added: "ny",
    apply: "Skriv det vigtigste først",
    applied: "Indledningen og den nye rækkefølge er indsat som sporede ændringer.",
    appliedAll:
      "Forslaget er indsat som sporede ændringer. Godkend eller afvis dem én ad gangen i brevet.",
    applyAll: "Skriv hele brevet roligt",
    now: "Nu",
    proposal: "Forslag",
    summary: {
      lead: "Det vigtigste står først og erstatter den sætning, det opsummerer.",
      calm: "Truende sætninger bliver til støttende ord.",
      citations: "Lovhenvisninger tages ud af brødteksten.",
      plain: (count: number) =>
        count === 1 ? "1 rettelse til klart sprog." : `${count} rettelser til klart sprog.`,
      guidance: (title: string) => `Den godkendte vejledning »${title}« indsættes sidst, låst.`,
    },
    already: "Brevet har allerede det vigtigste først.",
    none: "Der er ikke noget forslag til en ny indledning.",
  },

  templates: {
    search: "Søg efter standardbrev",
    searchPlaceholder: "Søg, fx indkaldelse",
    none: "Ingen standardbreve matcher søgningen.",
    unavailable: "Standardbrevene er ikke tilgængelige.",
    letterTypes: {
      indkaldelse: "Indkaldelser",
      afgørelse: "Afgørelser",
      partshøring: "Partshøringer",
      anmodning: "Anmodninger",
      orientering: "Orienteringer",
    } as Record<string, string>,
    version: (version: string) => `version ${version}`,
    back: "Tilbage til listen",
    formHeading: (title: string) => `Udfyld: ${title}`,
    requiredNote: "Felter med * skal udfyldes.",
    requiredSuffix: "(skal udfyldes)",
    fillSample: "Udfyld med eksempeldata",
    preview: "Vis forhåndsvisning",
    previewHeading: "Forhåndsvisning",
    insertMode: "Hvor skal brevet indsættes?",
    modeReplace: "Erstat hele brevet",
    modeCursor: "Ved markøren",
    insert: "Indsæt i dokumentet",
    inserted: "Standardbrevet er indsat. Den lovpligtige vejledning er låst.",
    fixErrors: (count: number) =>
      count === 1
        ? "Ret 1 felt, før brevet kan indsættes."
        : `Ret ${count} felter, før brevet kan indsættes.`,
    renderFailed: (reason: string) => `Brevet kunne ikke dannes: ${reason}`,
    lockedBlock: (title: string) => `${title} – godkendt tekst, låst`,
    /** A guidance block whose text is not the approved text: never called "godkendt". */
    lockedChanged: (title: string) => `${title} – ændret, ikke godkendt`,
    /** Before the analysis has verified the block. */
    lockedUnchecked: (title: string) => `${title} – vejledning, låst`,
    datePlaceholder: "dd.mm.åååå",
    openCalendar: (label: string) => `Vælg ${label.toLowerCase()} i kalenderen`,
    timePlaceholder: "tt.mm, fx 10.00",
    choose: "Vælg",
    errors: {
      required: (label: string) => `Udfyld feltet »${label}«.`,
      date: "Skriv en gyldig dato, fx 7.12.2026.",
      time: "Skriv et klokkeslæt, fx 9.15 eller 13.30.",
      phone: "Skriv et telefonnummer med 8 cifre, fx 89 15 15 15.",
      money: "Skriv et beløb, fx 1.234,50.",
      choice: "Vælg en af mulighederne.",
    },
  },

  legal: {
    intro:
      "Lovpligtig vejledning står med den tekst, juristerne har godkendt. Når den er i brevet, er den låst og må ikke ændres.",
    introMissing:
      "Brevtypen kræver vejledning, som ikke er i brevet. Indsæt den godkendte tekst her.",
    none: "Brevet indeholder ingen lovpligtig vejledning.",
    unchecked:
      "Vejledningen er låst, men den er ikke kontrolleret mod de godkendte tekster i denne version.",
    status: {
      intact: "intakt",
      modified: "ændret",
      outdated: "forældet",
      unapproved: "ikke godkendt",
      missing: "mangler",
      "own-wording": "egne ord",
      unknown: "ukendt",
      unverified: "ikke kontrolleret",
    } as Record<string, string>,
    statusHelp: {
      intact: "Teksten er den godkendte.",
      modified: "Teksten afviger fra den godkendte tekst.",
      outdated: "Der findes en nyere godkendt version.",
      unapproved: "Teksten er ikke godkendt af en jurist.",
      missing: "Brevtypen kræver denne vejledning, men den findes ikke i brevet.",
      "own-wording":
        "Vejledningen står i brevet med egne ord. Brug den godkendte tekst, så den er juridisk korrekt.",
      unknown:
        "Blokken er markeret som vejledning, men id eller version findes ikke blandt de godkendte tekster.",
      unverified: "Kunne ikke kontrolleres mod de godkendte tekster.",
    } as Record<string, string>,
    diffHeading: "Forskel fra den godkendte tekst",
    removed: "fjernet",
    addedWord: "tilføjet",
    restore: "Gendan godkendt tekst",
    confirmTitle: "Gendan godkendt tekst?",
    confirmText:
      "Teksten i blokken bliver erstattet af den godkendte tekst. Ændringen vises som sporet ændring.",
    confirmYes: "Ja, gendan",
    confirmNo: "Annuller",
    restored: "Den godkendte tekst er gendannet.",
    noApprovedText: "Den godkendte tekst er ikke tilgængelig, så blokken kan ikke gendannes her.",
    version: (version: string) => `version ${version}`,
    insert: "Indsæt lovpligtig vejledning",
    inserted: "Den godkendte vejledning er indsat efter brødteksten, før hilsenen, og er låst.",
    insertUnavailable:
      "Den godkendte tekst er ikke tilgængelig her. Indsæt et standardbrev i stedet.",
    onlyMissing: (title: string) =>
      `Brevet mangler kun den lovpligtige vejledning: ${title}. Indsæt den med ét klik.`,
  },

  surface: {
    label: "Brevet (forhåndsvisning)",
    heading: "Brev",
    intro:
      "Forhåndsvisning uden Word: ret i brevet, og se analysen i Klarbrev-ruden. Ændringer fra Klarbrev vises som sporede ændringer.",
    acceptAll: "Godkend alle ændringer",
    rejectAll: "Afvis alle ændringer",
    pasteOwn: "Indsæt egen tekst",
    pasteLabel: "Brevets tekst",
    pasteHelp:
      'Indsæt et brev som almindelig tekst. Lovpligtig vejledning kan markeres med <!-- klarbrev:legal id="…" version="…" --> og <!-- /klarbrev:legal -->.',
    pasteUse: "Brug teksten",
    pasteCancel: "Annuller",
    resetSample: "Nulstil eksempelbrevet",
    acceptOne: "Godkend",
    rejectOne: "Afvis",
    pendingNote: "Afsnittet har sporede ændringer. Godkend eller afvis dem for at redigere.",
    locked: "låst",
    inserted: "Indsat",
    deleted: "Slettet",
    movedBadge: "Flyttet",
    newBadge: "Nyt afsnit",
    blockKinds: {
      address: "Adresse",
      date: "Dato",
      subject: "Overskrift",
      heading: "Mellemrubrik",
      greeting: "Hilsen",
      paragraph: "Afsnit",
      listItem: "Punkt",
      closing: "Afslutning",
      signature: "Underskrift",
      legal: "Vejledning",
    } as Record<string, string>,
    offlineBanner:
      "Forhåndsvisning i browseren: Word er ikke åbent. Intet sendes nogen steder hen.",
  },

  datePicker: {
    // Month and weekday names from the shared vocabularies @months and @weekdays (one list).
    months: DANISH_MONTHS.map((month) => month.name),
    shortMonths: DANISH_MONTHS.map((month) => month.abbreviations[0] ?? month.name),
    // Fluent's date picker counts from Sunday; the Danish week (and the vocabulary) from Monday.
    days: [DANISH_WEEKDAYS[6]!, ...DANISH_WEEKDAYS.slice(0, 6)],
    shortDays: ["S", "M", "T", "O", "T", "F", "L"],
    goToToday: "Gå til i dag",
    prevMonthAriaLabel: "Forrige måned",
    nextMonthAriaLabel: "Næste måned",
    prevYearAriaLabel: "Forrige år",
    nextYearAriaLabel: "Næste år",
    prevYearRangeAriaLabel: "Forrige årrække",
    nextYearRangeAriaLabel: "Næste årrække",
    closeButtonAriaLabel: "Luk",
    weekNumberFormatString: "Uge {0}",
    selectedDateFormatString: "Valgt dato {0}",
    todayDateFormatString: "I dag {0}",
    monthPickerHeaderAriaLabel: "{0}, vælg for at skifte år",
    yearPickerHeaderAriaLabel: "{0}, vælg for at skifte måned",
    isRequiredErrorMessage: "Vælg en dato.",
    invalidInputErrorMessage: "Skriv en gyldig dato, fx 7.12.2026.",
    isOutOfBoundsErrorMessage: "Datoen ligger uden for det tilladte.",
  },
};

export type Strings = typeof da;
