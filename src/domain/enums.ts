// The enumerations of the field (docs/domain.md). Each is also a column of the `Lister` table on the
// setup sheet, which users may extend; these are the defaults.

export const LOVGRUNDLAG = ["§103", "§104", "LAB", "STU", "VSU", "Andet"] as const;
export const PLADSTYPER = ["Fuldtid", "Deltid"] as const;
export const UDSKRIVNINGSAARSAGER = [
  "Uddannelse",
  "Praktik",
  "Beskæftigelse",
  "Udeblivelse",
  "Flytning",
  "Anden indsats",
  "Sygdom",
  "Død",
  "Afbrudt (eget ønske)",
  "Andet",
] as const;
export const POSITIVE_UDSKRIVNINGER = ["Uddannelse", "Praktik", "Beskæftigelse"] as const;
export const FORSOERGELSESGRUNDLAG = [
  "Arbejdsløshedsdagpenge",
  "SU",
  "Ledighedsydelse",
  "Fleksjob",
  "Sygedagpenge",
  "Kontanthjælp/uddannelseshjælp",
  "Revalideringsydelse",
  "Ressourceforløb",
  "Førtidspension",
  "Folkepension",
  "Løn",
  "Fra venner og familie",
  "Andet",
] as const;
/** Income bases that imply an active jobcenter case unless the case says otherwise. */
export const JOBCENTER_FORSOERGELSE = [
  "Arbejdsløshedsdagpenge",
  "Ledighedsydelse",
  "Fleksjob",
  "Sygedagpenge",
  "Kontanthjælp/uddannelseshjælp",
  "Revalideringsydelse",
  "Ressourceforløb",
] as const;
export const HENVISERE = ["Jobcenter", "Myndighed (socialafdeling)", "Egen henvendelse", "Anden kommune", "Andet"] as const;
export const BESLUTNINGER = ["Under udredning", "Bevilget", "Afslag", "Venteliste", "Trukket tilbage"] as const;
export const JA_NEJ = ["Ja", "Nej"] as const;

export interface AttendanceStatus {
  status: string;
  code: string;
  countsAs: "fremmøde" | "lovligt fravær" | "ulovligt fravær" | "ingen";
  inBase: boolean;
}

export const FREMMOEDESTATUSSER: readonly AttendanceStatus[] = [
  { status: "Mødt", code: "M", countsAs: "fremmøde", inBase: true },
  { status: "Delvist mødt", code: "D", countsAs: "fremmøde", inBase: true },
  { status: "Praktik / ekstern aktivitet", code: "P", countsAs: "fremmøde", inBase: true },
  { status: "Syg", code: "S", countsAs: "lovligt fravær", inBase: true },
  { status: "Udeblevet (ulovligt fravær)", code: "U", countsAs: "ulovligt fravær", inBase: true },
  { status: "Ferie", code: "F", countsAs: "ingen", inBase: false },
  { status: "Aftalt fri", code: "A", countsAs: "ingen", inBase: false },
  { status: "Lukket", code: "L", countsAs: "ingen", inBase: false },
];

export type Lovgrundlag = (typeof LOVGRUNDLAG)[number];
export type Pladstype = (typeof PLADSTYPER)[number];
export type Beslutning = (typeof BESLUTNINGER)[number];

/** Default part-time weight of a place (configurable per unit). */
export const DEFAULT_DELTIDSVAEGT = 0.75;
