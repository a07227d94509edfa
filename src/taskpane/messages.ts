// Every Danish text of the task pane in one place, so wording stays consistent and reviewable.

export const messages = {
  appTitle: "Sagsliste",
  navigationLabel: "Sider i Sagsliste",
  loadingPage: "Henter siden …",
  pageLoadFailed: "Siden kunne ikke indlæses. Luk opgaveruden og åbn den igen.",
  retry: "Prøv igen",
  status: {
    checking: "Undersøger arbejdsbogen …",
    structured: "Arbejdsbogen er struktureret (tabellen Sager findes)",
    notStructured: "Arbejdsbogen er ikke struktureret endnu – start under Importér",
    failed: (reason: string): string => `Arbejdsbogen kunne ikke læses: ${reason}`,
  },
  office: {
    notInExcel: "Sagsliste skal åbnes fra Excel: vælg Hjem > Sagsliste.",
    unsupported:
      "Denne version af Excel understøtter ikke Sagsliste (kræver ExcelApi 1.8). Opdatér Excel, eller brug Excel på nettet.",
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
      coming:
        "Her kommer en formular til at registrere en henvendelse og visitationens beslutning – med begrundelse og klagevejledning ved afslag.",
    },
    statusmaaling: {
      tab: "Statusmåling",
      heading: "Statusmåling",
      coming: "Her kommer en formular til at registrere en statusmåling for en borger på hvert af instrumentets dimensioner.",
    },
    fremmoede: {
      tab: "Fremmøde",
      heading: "Fremmøde",
      coming: "Her kommer registrering af dagens fremmøde for en enhed: én linje pr. indskrevet borger med status.",
    },
    oversigt: {
      tab: "Oversigt",
      heading: "Oversigt",
      coming: "Her kommer nøgletal for belægning, fravær, udskrivninger og progression pr. enhed og kvartal.",
    },
    kontrol: {
      tab: "Kontrol",
      heading: "Kontrol",
      coming:
        "Her kommer en kontrol af arbejdsbogen: manglende eller ugyldige oplysninger, forfaldne statusmålinger og fund fra importen.",
    },
  },
} as const;

export type Messages = typeof messages;
