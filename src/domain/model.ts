// The structured data of a workbook as plain values: what the tables hold, and what the reference
// computations read. Dates are Excel serial day numbers; an empty cell is null.

export interface Case {
  sagsId: string;
  cpr: string | null;
  navn: string | null;
  enhed: string;
  lovgrundlag: string | null;
  pladstype: string | null;
  henviser: string | null;
  visitationsdato: number | null;
  indskrevet: number | null;
  udskrevet: number | null;
  udskrivningsaarsag: string | null;
  forsoergelsesgrundlag: string | null;
  /** "Ja", "Nej" or null (null: follow the income basis). */
  jobcenterforloeb: string | null;
  kontaktperson: string | null;
  bemaerkninger: string | null;
}

export interface Unit {
  enhed: string;
  lovgrundlag: string | null;
  fuldtidspladser: number | null;
  deltidspladser: number | null;
  deltidsvaegt: number | null;
  loft: number | null;
  stykpris: number | null;
  reguleringspris: number | null;
}

export interface Attendance {
  sagsId: string;
  dato: number;
  /** The status name as in `Fremmoedestatus[Status]`. */
  status: string;
  bemaerkning: string | null;
}

export interface AttendanceStatusRow {
  status: string;
  kode: string;
  taellerSom: string;
  iBasis: boolean;
  fravaer: boolean;
  ulovligtFravaer: boolean;
}

export interface Holiday {
  dato: number;
  navn: string;
  /** "Helligdag" or "Lukkedag". */
  type: string;
}

export interface InstrumentDimension {
  instrument: string;
  dimension: string;
  min: number;
  max: number;
  /** "Højere er bedre" or "Lavere er bedre". */
  retning: string;
  /** A score meaning "ikke relevant" (never a number in any average), or null. */
  ikkeRelevant: number | null;
  /** Level labels, "0=ingen;1=lette;..." or null. */
  niveauer: string | null;
  prioriteret: boolean;
}

export interface StatusMeasurement {
  sagsId: string;
  dato: number;
  instrument: string;
  dimension: string;
  score: number | null;
  bemaerkning: string | null;
  registreretAf: string | null;
}

export interface Goal {
  sagsId: string;
  maal: string;
  vaegt: number | null;
  gasScore: number | null;
  dato: number | null;
}

export interface Visitation {
  visitationsId: string;
  sagsId: string | null;
  henvendelsesdato: number;
  henviser: string | null;
  lovgrundlag: string | null;
  oensketEnhed: string | null;
  pladstype: string | null;
  beslutning: string | null;
  beslutningsdato: number | null;
  begrundelse: string | null;
  klagevejledningGivet: string | null;
  forventetStart: number | null;
}

export type Reguleringsmodel = "Hele afvigelsen" | "Ud over båndet";

export interface Params {
  opgoerelsesdato: number;
  periodestart: number;
  periodeslut: number;
  baandNedre: number;
  baandOevre: number;
  reguleringsmodel: Reguleringsmodel;
  diskretionsgraense: number;
  statusintervalMdr: number;
}

/** Everything the structured workbook holds, as data. */
export interface StructuredData {
  params: Params;
  cases: Case[];
  units: Unit[];
  attendance: Attendance[];
  attendanceStatuses: AttendanceStatusRow[];
  holidays: Holiday[];
  instruments: InstrumentDimension[];
  measurements: StatusMeasurement[];
  goals: Goal[];
  visitations: Visitation[];
}
