// Every Danish text of the task pane in one place, so wording stays consistent and reviewable.

/** "A", "A og B", "A, B og C". */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}

export const messages = {
  appTitle: "Sagsliste",
  consolidate: {
    heading: "Saml flere projektmapper",
    intro:
      "Vælg de konverterede projektmapper fra enhederne. De læses her på computeren (intet sendes nogen steder hen), og den samlede oversigt skrives i denne projektmappe: arket Kilder, de samlede tabeller og Nøgletal, Pladsregulering og Kvartalsoversigt for dem alle.",
    pick: "Enhedernes projektmapper (.xlsx)",
    choose: "Vælg projektmapper …",
    none: "Ingen valgt endnu.",
    picked: (n: number): string => `${n} ${n === 1 ? "projektmappe" : "projektmapper"} valgt`,
    yearHint: "Tom: året for kildernes periode.",
    start: "Saml",
    elsewhere: "Vil du samle flere enheders projektmapper i én oversigt, så åbn en ny, tom projektmappe og vælg Oversigt dér.",
    needTwo: "Vælg mindst to projektmapper.",
    notEmpty: "Denne projektmappe har allerede tabellen Sager. Åbn en ny, tom projektmappe til den samlede oversigt, så enhedernes egne tabeller ikke blandes.",
    steps: {
      files: (i: number, n: number): string => `Læser projektmappe ${i} af ${n} …`,
      combine: "Samler tabellerne …",
      tables: "Skriver de samlede tabeller …",
    },
    done: (n: number, year: number, conflicts: number): string =>
      `${n} projektmapper er samlet for ${year}.${conflicts > 0 ? ` ${conflicts} ${conflicts === 1 ? "konflikt" : "konflikter"} står på arket Kilder.` : ""}`,
  },
  navigationLabel: "Sider i Sagsliste",
  loadingPage: "Henter siden …",
  pageLoadFailed: "Siden kunne ikke indlæses. Luk opgaveruden og åbn den igen.",
  retry: "Prøv igen",
  status: {
    connecting: "Forbinder til Excel …",
    checking: "Undersøger projektmappen …",
    structured: "Projektmappen er struktureret (tabellen Sager findes)",
    notStructured: "Projektmappen er ikke struktureret endnu – start under Importér",
    failed: (reason: string): string => `Projektmappen kunne ikke læses: ${reason}`,
  },
  office: {
    notInExcel: "Sagsliste skal åbnes fra Excel: vælg Hjem > Sagsliste.",
    unsupported: "Denne version af Excel understøtter ikke Sagsliste (kræver ExcelApi 1.8). Opdatér Excel, eller brug Excel på nettet.",
    notLoaded:
      "Sagsliste kunne ikke hente Microsofts Office-bibliotek (Office.js fra appsforoffice.microsoft.com), så opgaveruden kan ikke tale med Excel. Tjek, at computeren er på nettet, og at netværket tillader adressen appsforoffice.microsoft.com (spørg jeres IT-afdeling). Luk derefter opgaveruden, og åbn den igen fra Hjem > Sagsliste.",
  },
  pages: {
    import: {
      tab: "Importér",
      heading: "Importér sagsliste",
      coming:
        "Her kommer importen: vælg arket med sagslisten, se hvordan kolonnerne er genkendt, og gør den til strukturerede tabeller med levende beregninger. Det oprindelige ark bliver ikke ændret.",
    },
    visitation: {
      tab: "Visitation",
      heading: "Visitation",
    },
    statusmaaling: {
      tab: "Statusmåling",
      heading: "Statusmåling",
    },
    fremmoede: {
      tab: "Fremmøde",
      heading: "Fremmøde",
    },
    oversigt: {
      tab: "Oversigt",
      heading: "Oversigt",
      coming: "Her kommer nøgletal for belægning, fravær, udskrivninger og progression pr. enhed og kvartal.",
    },
    kontrol: {
      tab: "Kontrol",
      heading: "Kontrol",
      coming: "Her kommer en kontrol af projektmappen: manglende eller ugyldige oplysninger, forfaldne statusmålinger og fund fra importen.",
    },
  },
  // The forms for visitation, status measurement and attendance (and what they share).
  forms: {
    loading: "Henter oplysninger fra projektmappen …",
    saving: "Gemmer …",
    save: "Gem",
    cancel: "Annullér",
    newEntry: "Ny registrering",
    choose: "Vælg …",
    none: "(ingen)",
    notStructured: "Projektmappen er ikke struktureret endnu. Start under Importér, så tabellerne findes.",
    readOnly: "Denne projektmappe kan kun læses her; formularen kan ikke gemme.",
    fixErrors: "Intet er gemt. Ret de markerede felter og prøv igen.",
    saveFailed: (reason: string): string => `Intet er gemt: ${reason}`,
    invalidDate: "Skriv en gyldig dato (dd-mm-åååå).",
    dateHint: "dd-mm-åååå",
    invalidNumber: "Skriv et tal.",
    days: (n: number): string => `${n} ${n === 1 ? "dag" : "dage"}`,
    notYet: "–",
  },
  visitationForm: {
    edit: "Rediger en visitation",
    editHint: "Vælg en tidligere visitation for at rette den, eller lad feltet stå på Ny.",
    editOption: (id: string, date: string, unit: string, decision: string): string =>
      `${id} – ${date} – ${unit || "ingen enhed"} – ${decision || "ingen beslutning"}`,
    henvendelsesdato: "Henvendelsesdato",
    henviser: "Henviser",
    lovgrundlag: "Lovgrundlag",
    oensketEnhed: "Ønsket enhed",
    pladstype: "Pladstype",
    beslutning: "Beslutning",
    beslutningsdato: "Beslutningsdato",
    begrundelse: "Begrundelse",
    begrundelseHint: "Skal udfyldes ved afslag.",
    klagevejledning: "Klagevejledning givet",
    forventetStart: "Forventet start",
    caseHeading: "Sag i Sager",
    sagsId: "Eksisterende sag",
    sagsIdHint: "Vælg borgerens sag, eller lad stå på Ny sag: ved Bevilget med forventet start oprettes sagen.",
    newCase: "Ny sag",
    navn: "Borgerens navn",
    cpr: "CPR-nummer",
    maal: "Indsatsmål (ét pr. linje)",
    times: "Tider",
    sagsbehandlingstid: "Sagsbehandlingstid",
    ventetid: "Ventetid",
    required: "Skriv henvendelsesdatoen.",
    unitNeeded: "Vælg den enhed, borgeren starter i.",
    unknownCase: "Sagen findes ikke i Sager.",
    invalidCpr: "Skriv CPR-nummeret som DDMMÅÅ-LLLL med en gyldig fødselsdato.",
    goalsNeedCase: "Mål kan kun gemmes på en sag: vælg en eksisterende sag, eller bevilg med en forventet start.",
    saved: (id: string, updated: boolean): string => `Visitationen ${id} er ${updated ? "rettet" : "gemt"} i Visitationer.`,
    caseCreated: (sagsId: string): string => `Sagen ${sagsId} er oprettet i Sager.`,
    caseLinked: (sagsId: string): string => `Visitationen er knyttet til sagen ${sagsId}.`,
    goalsSaved: (n: number): string => `${n} ${n === 1 ? "mål" : "mål"} er gemt i Mål.`,
    editOptionWithCase: (id: string, who: string, date: string, unit: string, decision: string): string =>
      `${id} – ${who} – ${date} – ${unit || "ingen enhed"} – ${decision || "ingen beslutning"}`,
    nameOrCprNeeded: "En ny sag skal have borgerens navn eller CPR-nummer.",
    nameNotSaved: "Navnet gemmes kun på en ny sag (Bevilget med forventet start). Ryd feltet, eller bevilg med en forventet start.",
    cprNotSaved: "CPR-nummeret gemmes kun på en ny sag (Bevilget med forventet start). Ryd feltet, eller bevilg med en forventet start.",
    startBeforeEnquiry: "Forventet start ligger før henvendelsesdatoen.",
    startBeforeDecision: "Forventet start ligger før beslutningsdatoen.",
  },
  statusForm: {
    search: "Søg borger (Sags-ID eller navn)",
    citizen: "Borger",
    noMatches: "Ingen aktive borgere matcher søgningen.",
    dato: "Dato for målingen",
    instrument: "Instrument",
    edit: "Ret en tidligere måling",
    editNew: "Ny måling",
    editOption: (date: string): string => `Målingen fra ${date}`,
    dimensionsHeading: "Scorer",
    scaleHint: (min: number, max: number, levels: string): string => `Skala ${min}–${max}${levels ? `: ${levels}` : ""}`,
    ikkeRelevant: "Ikke relevant",
    previous: (score: string, date: string): string => `Forrige: ${score} (${date})`,
    noPrevious: "Ingen tidligere måling",
    change: (delta: string): string => `Ændring: ${delta}`,
    bemaerkning: "Bemærkning",
    registreretAf: "Registreret af",
    goalsHeading: "Indsatsmål (GAS)",
    goal: (n: number): string => `Mål ${n}`,
    goalText: (n: number): string => `Mål ${n}: tekst`,
    goalWeight: (n: number): string => `Mål ${n}: vægt`,
    goalScore: (n: number): string => `Mål ${n}: GAS-score`,
    gasLevels: ["-2 meget dårligere end forventet", "-1 dårligere end forventet", "0 som forventet", "+1 bedre end forventet", "+2 meget bedre end forventet"],
    addGoal: "Tilføj mål",
    tScore: (t: string): string => `GAS T-score: ${t}`,
    noTScore: "GAS T-score: ingen scorede mål",
    chooseCase: "Vælg en borger.",
    noScores: "Udfyld mindst én score.",
    invalidScore: (min: number, max: number): string => `Skriv en score fra ${min} til ${max}.`,
    saved: (rows: number, name: string, date: string): string => `${rows} ${rows === 1 ? "score" : "scorer"} for ${name} den ${date} er gemt i Statusmålinger.`,
    goalsSaved: (n: number): string => `${n} mål er gemt i Mål.`,
    wholeNumbers: (min: number, max: number): string => `Skalaen har kun hele tal: skriv en score fra ${min} til ${max} uden komma.`,
    noScoresOrGoals: "Udfyld mindst én score eller en GAS-score for et mål.",
    emptyDimensions: (names: readonly string[]): string =>
      `Intet er gemt endnu: ${names.length === 1 ? "dimensionen" : "dimensionerne"} ${andList(names.map((n) => `'${n}'`))} har ingen score. Udfyld ${names.length === 1 ? "den" : "dem"}, markér Ikke relevant, eller gem uden ${names.length === 1 ? "den" : "dem"}.`,
    saveWithoutEmpty: "Gem uden de tomme",
    switchCase: (from: string, to: string): string => `Skift fra ${from} til ${to}? De indtastede scorer og mål for ${from} er ikke gemt og bliver kasseret.`,
    switchInstrument: (from: string, to: string): string => `Skift instrument fra ${from} til ${to}? De indtastede scorer er ikke gemt og bliver kasseret.`,
    switchConfirm: "Skift og kassér",
    switchKeep: "Behold det indtastede",
  },
  attendanceForm: {
    unit: "Enhed",
    dato: "Dato",
    listLabel: (unit: string, date: string): string => `Borgere i ${unit} den ${date}`,
    keysHint: (codes: string): string => `Tast en bogstavkode (${codes}) for at sætte status og gå videre; pil op og ned flytter.`,
    noCases: "Ingen borgere er indskrevet i enheden den dag.",
    chooseUnit: "Vælg en enhed for at se borgerne.",
    allMet: "Alle øvrige mødt",
    unset: "Ikke registreret",
    registered: (n: number, total: number): string => `${n} af ${total} registreret`,
    weekend: "Weekend: enheden holder normalt lukket.",
    holiday: (name: string, type: string): string => `${type}: ${name}.`,
    existing: "tidligere registreret",
    confirmTitle: "Erstat tidligere registreringer?",
    confirmText: (n: number): string =>
      `${n} ${n === 1 ? "borger har" : "borgere har"} allerede en registrering denne dag. Vil du erstatte ${n === 1 ? "den" : "dem"} med de nye?`,
    confirm: "Erstat",
    nothingToSave: "Sæt en status for mindst én borger.",
    unknownStatus: "Ukendt status.",
    saved: (appended: number, replaced: number, date: string): string =>
      `Fremmøde for ${date} er gemt: ${appended} nye${replaced > 0 ? `, ${replaced} erstattet` : ""}.`,
  },
  // The attendance page's guidance: the legend of the codes, the bar that stays in view, the jump to a name.
  attendanceGuide: {
    legendLabel: "Koder",
    legendItem: (code: string, status: string): string => `${code} = ${status}`,
    barLabel: "Fremskridt og gem",
    barDate: (unit: string, date: string): string => `${unit}, ${date}`,
    jump: "Gå til borger",
    jumpHint: "Skriv begyndelsen af et navn og tryk Enter. I listen fører / tilbage hertil.",
    noJumpMatch: "Ingen borger i listen matcher.",
    dateHint: "dd-mm-åååå, ddmmåå, dd-mm, i dag eller i går",
    typingDate: "Skriv en hel dato for at se borgerne, fx 011221, 01-12 eller i dag.",
    confirmText: (who: readonly string[], date: string): string =>
      `${who.length <= 3 ? who.join(", ").replace(/, ([^,]*)$/, " og $1") : `${who.slice(0, 3).join(", ")} og ${who.length - 3} andre`} har allerede en registrering den ${date}. Vil du erstatte ${who.length === 1 ? "den" : "dem"} med de nye?`,
    nothingSet: "Intet er gemt: ingen borger har fået en status. Tast en kode ud for borgerne, eller vælg Alle øvrige mødt.",
    nothingChanged: (date: string): string => `Intet er gemt: registreringerne for ${date} er uændrede.`,
  },
  // Going to a sheet the task pane made, and the way to Importér from a page that needs the structured tables.
  navigation: {
    goToSheet: (sheet: string): string => `Gå til arket ${sheet}`,
    goToFailed: (reason: string): string => `Arket kunne ikke vises: ${reason}`,
    notConverted: (page: string): string =>
      `Projektmappen er ikke konverteret endnu, så ${page} har ingen tabeller at arbejde med. Start under Importér: vælg arket med sagslisten og konvertér.`,
    goToImport: "Gå til Importér",
  },
  // The Import page beyond its steps: a workbook already converted with nothing new to import.
  importGuide: {
    alreadyConverted:
      "Projektmappen er konverteret: tabellerne står på arkene Sager, Visitationer, Statusmålinger, Mål og Fremmøde. Der er ikke andre ark med en sagsliste at importere. Læg et ark med en sagsliste i projektmappen for at importere flere sager, eller brug Visitation, Statusmåling og Fremmøde.",
  },
  // The Kontrol page: the integrity check of formulas, tables, names, setup and case order, and its repair.
  kontrol: {
    intro:
      "Kontrollen finder beregnede celler, der er overskrevet med en værdi eller en anden formel, tabeller, der mangler kolonner, navne, der ikke virker, opsætning uden for det tilladte og ark, der ikke er sorteret efter sag. En reparation sætter formler tilbage og sorterer arkene efter sag – hele rækker flytter plads, og ingen værdi ændres.",
    check: "Kontrollér projektmappen",
    checking: "Kontrollerer …",
    noWriter: "Denne projektmappe kan kun læses her; kontrollen kan ikke køre.",
    clean: "Ingen fund: formler, tabeller, navne og opsætning er i orden.",
    found: (n: number, repairable: number, sortable = 0): string =>
      `${n} ${n === 1 ? "fund" : "fund"}${repairable > 0 ? `, heraf ${repairable} ${repairable === 1 ? "celle" : "celler"} med en formel, der kan repareres` : ""}` +
      `${sortable > 0 ? `${repairable > 0 ? " og" : ", heraf"} ${sortable} ark, der kan sorteres efter sag` : ""}.`,
    /** The repair button: formulas to write back, sheets (by name) to sort by case. */
    repair: (cells: number, sheets: readonly string[] = []): string => {
      const formulas = `${cells} ${cells === 1 ? "formel" : "formler"}`;
      if (sheets.length === 0) return `Reparér ${formulas} og skriv fund i Problemer`;
      const sort = `${andList(sheets)} efter sag`;
      return cells > 0 ? `Reparér ${formulas}, sortér ${sort} og skriv fund i Problemer` : `Sortér ${sort} og skriv fund i Problemer`;
    },
    writeFindings: "Skriv fund i Problemer",
    repairing: "Reparerer …",
    repaired: (cells: number, remaining: number, sorted: readonly string[] = []): string =>
      (sorted.length === 0
        ? `${cells} ${cells === 1 ? "celle" : "celler"} har fået formlen tilbage og er skrevet i Log. `
        : `${cells > 0 ? `${cells} ${cells === 1 ? "celle" : "celler"} har fået formlen tilbage. ` : ""}` +
          `${andList(sorted)} er sorteret efter sag: hele rækker har flyttet plads, og ingen værdi er ændret. Det er skrevet i Log. `) +
      `${remaining === 0 ? "Der er ingen fund tilbage." : `${remaining} fund står tilbage og er skrevet i Problemer.`}`,
    written: (n: number): string => `${n} nye fund er skrevet i Problemer.`,
    failed: (reason: string): string => `Det lykkedes ikke: ${reason}`,
    findingsLabel: "Fund",
    goTo: (where: string): string => `Gå til ${where}`,
  },
  // The Import page: choose the case list, confirm the mapping, convert, see the findings.
  importPage: {
    intro: "Vælg arket med sagslisten, kontrollér hvordan kolonnerne er genkendt, og konvertér. De oprindelige ark bliver ikke ændret.",
    loading: "Læser projektmappen …",
    noPort: "Denne projektmappe kan ikke konverteres herfra.",
    regionsHeading: "Fundne sagslister",
    regionCases: (sheet: string, rows: number, header: number): string => `${sheet}: ${rows} ${rows === 1 ? "række" : "rækker"}, overskrift i række ${header}`,
    regionAttendance: (sheet: string, rows: number, days: number): string => `${sheet}: fremmødeskema med ${rows} borgere og ${days} dage`,
    regionRegister: (sheet: string, rows: number): string =>
      `${sheet}: fremmøderegistreringer, ${rows} ${rows === 1 ? "række" : "rækker"} (én pr. borger og dag)`,
    includeSheet: (sheet: string): string => `Medtag ${sheet}`,
    merge: "Flet ark med samme opbygning til én tabel (med kolonnen Kildeark)",
    sameShape: (sheets: string): string => `Samme opbygning: ${sheets}`,
    noSheetChosen: "Vælg mindst ét ark.",
    presetsHeading: "Måleinstrumenter",
    presetsHint: "Vælg de instrumenter, I måler med. De kommer i tabellen Instrumenter på arket Opsætning, hvor I kan rette og tilføje dimensioner.",
    noPresetChosen: "Vælg mindst ét måleinstrument.",
    mappingHeading: "Kolonner",
    mappingHint: "Vælg for hver kolonne i sagslisten, hvilken kolonne i Sager den skal blive til.",
    keep: "Behold som den er",
    fillLabel: (color: string, rows: number, sheet: string): string => `Rækker med baggrundsfarven ${color} på ${sheet} (${rows})`,
    codesHeading: "Fremmødekoder",
    codesHint: "Sådan læses hver kode eller hvert ord i fremmødet. Vælg en anden status, hvis en kode betyder noget andet hos jer.",
    codeLabel: (value: string, count: number, sheet: string): string =>
      `Koden '${value}' (${count} ${count === 1 ? "registrering" : "registreringer"}, fx på ${sheet})`,
    codeNone: "Ikke en status (behold som tekst)",
    fillMeanings: { udskrevet: "Udskrevet", venteliste: "På venteliste", aktiv: "Aktiv", ingen: "Ingen betydning" },
    columnLabel: (letter: string, header: string, sheet: string): string => `Kolonne ${letter} '${header || "uden overskrift"}' på ${sheet}`,
    /** A unit or name read from the list's shape (sheet name, title row, section rows, two name columns). */
    shapeLabel: (what: string, sheet: string): string => `${what} på ${sheet}`,
    confidence: (pct: number): string => `Sikkerhed ${pct} %`,
    previewHeading: "Forhåndsvisning af de første rækker i Sager",
    previewEmpty: "Ingen rækker at vise.",
    convert: "Konvertér",
    reconvert: "Opdatér de strukturerede tabeller",
    rerunNote: "Projektmappen er konverteret før: tabellerne opdateres, og tilknytningen fra sidste gang genbruges.",
    steps: {
      read: "Læser arkene …",
      convert: "Konverterer og kontrollerer …",
      write: "Skriver tabellerne i projektmappen …",
    },
    failed: (reason: string): string => `Konverteringen lykkedes ikke: ${reason}`,
    resultHeading: "Resultat",
    rowsInOut: (rowsIn: number, sheets: number, cases: number): string =>
      `${rowsIn} ${rowsIn === 1 ? "række" : "rækker"} fra ${sheets} ark blev til ${cases} ${cases === 1 ? "sag" : "sager"} i tabellen Sager.`,
    rerunCounts: (added: number, updated: number): string => `${added} nye og ${updated} opdaterede sager.`,
    rerunConflicts: (n: number, sheet: string): string =>
      `${n} ${n === 1 ? "celle var" : "celler var"} ændret både i Sager og i kildearket siden sidste import: Sager er beholdt, og begge værdier står på arket ${sheet}.`,
    attendance: (n: number): string => `${n} fremmøderegistreringer i tabellen Fremmoede.`,
    problems: (errors: number, warnings: number, sheet: string): string =>
      `${errors} fejl og ${warnings} ${warnings === 1 ? "advarsel" : "advarsler"} står på arket ${sheet}.`,
    noProblems: "Ingen fejl eller advarsler.",
    unitsToFill: (units: string): string => `Udfyld pladserne for ${units} i tabellen Enheder på arket Opsætning.`,
    reportsRemoved: (sheets: string): string => `Oversigtsarkene (${sheets}) er fjernet, fordi de læste de gamle tabeller: lav dem igen under Oversigt.`,
    findingsHeading: "Fund",
    findingsHint: "Klik på et fund for at gå til cellen.",
    findingText: (severity: string, where: string, message: string): string => `${severity} i ${where}: ${message}`,
    moreFindings: (n: number): string => `… og ${n} fund mere på arket Problemer.`,
    severity: { fejl: "Fejl", advarsel: "Advarsel", info: "Til orientering" },
    selectFailed: (reason: string): string => `Cellen kunne ikke vælges: ${reason}`,
  },
  // The Oversigt page: the key figures, place regulation and the quarterly overview for a year.
  overviewPage: {
    intro: "Lav arkene Nøgletal, Pladsregulering og Kvartalsoversigt for et år. Tallene er levende formler over tabellerne; tidligere oversigtsark erstattes.",
    loading: "Læser tabellerne …",
    noPort: "Denne projektmappe kan ikke få en oversigt herfra.",
    notStructured: "Projektmappen er ikke struktureret endnu. Start under Importér.",
    year: "År",
    build: "Lav oversigt",
    publish: "Lav offentliggørelsesudgave",
    publishHint: (sheet: string): string =>
      `Offentliggørelsesudgaven kommer på arket ${sheet}: kun tal, uden navne og CPR-numre, og små tal er skjult (diskretioneret).`,
    steps: {
      read: "Læser tabellerne …",
      plan: "Beregner oversigten …",
      write: "Skriver arkene i projektmappen …",
    },
    built: (year: number, sheets: string): string => `Oversigten for ${year} er lavet: ${sheets}.`,
    charts: (n: number): string => `${n} ${n === 1 ? "diagram" : "diagrammer"} på Kvartalsoversigt.`,
    noCharts: "Diagrammerne vises, når projektmappen åbnes i Excel med Sagsliste.",
    published: (year: number, sheet: string): string => `Offentliggørelsesudgaven for ${year} står på arket ${sheet}.`,
    publishLeak: (where: string): string =>
      `Offentliggørelsesudgaven er ikke skrevet, for den ville indeholde CPR-numre eller borgernes navne: ${where}. Ret værdierne i tabellerne (fx en enhed med et navn), og prøv igen.`,
    failed: (reason: string): string => `Det lykkedes ikke: ${reason}`,
  },
} as const;

export type Messages = typeof messages;
