// Model values -> the input cells of a table row, by the contract's headers: one map per table, used
// by the structured plan (whole tables) and by the forms (single rows). Each map names every input
// column of its table; a contract column without a value throws, so the two cannot drift.
import type {
  Attendance,
  AttendanceStatusRow,
  Case,
  Goal,
  Holiday,
  InstrumentDimension,
  StatusMeasurement,
  Unit,
  Visitation,
} from "../domain/model";
import type { ColumnDef } from "./contract";
import type { Scalar } from "./plan";

const yesNo = (b: boolean): string => (b ? "Ja" : "Nej");

/** Input values of a row in the order of the contract's columns (the accessor map names every header). */
export function inputRow<Row>(defs: readonly ColumnDef[], accessors: Record<string, (r: Row) => Scalar>, row: Row): Scalar[] {
  return defs.map((d) => {
    const get = accessors[d.name];
    if (!get) throw new Error(`Ingen værdi for kolonnen ${d.name}`);
    return get(row);
  });
}

export const CASE_VALUES: Record<string, (c: Case) => Scalar> = {
  "Sags-ID": (c) => c.sagsId,
  CPR: (c) => c.cpr,
  Navn: (c) => c.navn,
  Enhed: (c) => c.enhed,
  Lovgrundlag: (c) => c.lovgrundlag,
  Pladstype: (c) => c.pladstype,
  Henviser: (c) => c.henviser,
  Visitationsdato: (c) => c.visitationsdato,
  Indskrevet: (c) => c.indskrevet,
  Udskrevet: (c) => c.udskrevet,
  Udskrivningsårsag: (c) => c.udskrivningsaarsag,
  Forsørgelsesgrundlag: (c) => c.forsoergelsesgrundlag,
  Jobcenterforløb: (c) => c.jobcenterforloeb,
  Kontaktperson: (c) => c.kontaktperson,
  Bemærkninger: (c) => c.bemaerkninger,
};

export const UNIT_VALUES: Record<string, (u: Unit) => Scalar> = {
  Enhed: (u) => u.enhed,
  Lovgrundlag: (u) => u.lovgrundlag,
  Fuldtidspladser: (u) => u.fuldtidspladser,
  Deltidspladser: (u) => u.deltidspladser,
  Deltidsvægt: (u) => u.deltidsvaegt,
  Loft: (u) => u.loft,
  Stykpris: (u) => u.stykpris,
  Reguleringspris: (u) => u.reguleringspris,
};

export const ATTENDANCE_VALUES: Record<string, (a: Attendance) => Scalar> = {
  "Sags-ID": (a) => a.sagsId,
  Dato: (a) => a.dato,
  Status: (a) => a.status,
  Bemærkning: (a) => a.bemaerkning,
};

export const STATUS_VALUES: Record<string, (s: AttendanceStatusRow) => Scalar> = {
  Status: (s) => s.status,
  Kode: (s) => s.kode,
  "Tæller som": (s) => s.taellerSom,
  "I basis": (s) => yesNo(s.iBasis),
  Fravær: (s) => yesNo(s.fravaer),
  "Ulovligt fravær": (s) => yesNo(s.ulovligtFravaer),
};

export const HOLIDAY_VALUES: Record<string, (h: Holiday) => Scalar> = {
  Dato: (h) => h.dato,
  Navn: (h) => h.navn,
  Type: (h) => h.type,
};

export const INSTRUMENT_VALUES: Record<string, (i: InstrumentDimension) => Scalar> = {
  Instrument: (i) => i.instrument,
  Dimension: (i) => i.dimension,
  Min: (i) => i.min,
  Max: (i) => i.max,
  Retning: (i) => i.retning,
  "Ikke relevant": (i) => i.ikkeRelevant,
  Niveauer: (i) => i.niveauer,
  Prioriteret: (i) => yesNo(i.prioriteret),
};

export const MEASUREMENT_VALUES: Record<string, (m: StatusMeasurement) => Scalar> = {
  "Sags-ID": (m) => m.sagsId,
  Dato: (m) => m.dato,
  Instrument: (m) => m.instrument,
  Dimension: (m) => m.dimension,
  Score: (m) => m.score,
  Bemærkning: (m) => m.bemaerkning,
  "Registreret af": (m) => m.registreretAf,
};

export const GOAL_VALUES: Record<string, (g: Goal) => Scalar> = {
  "Sags-ID": (g) => g.sagsId,
  Mål: (g) => g.maal,
  Vægt: (g) => g.vaegt,
  "GAS-score": (g) => g.gasScore,
  Dato: (g) => g.dato,
};

export const VISITATION_VALUES: Record<string, (v: Visitation) => Scalar> = {
  "Visitations-ID": (v) => v.visitationsId,
  "Sags-ID": (v) => v.sagsId,
  Henvendelsesdato: (v) => v.henvendelsesdato,
  Henviser: (v) => v.henviser,
  Lovgrundlag: (v) => v.lovgrundlag,
  "Ønsket enhed": (v) => v.oensketEnhed,
  Pladstype: (v) => v.pladstype,
  Beslutning: (v) => v.beslutning,
  Beslutningsdato: (v) => v.beslutningsdato,
  Begrundelse: (v) => v.begrundelse,
  "Klagevejledning givet": (v) => v.klagevejledningGivet,
  "Forventet start": (v) => v.forventetStart,
};

/** One row's input cells as a record by header (the forms' save shape). */
export function inputRecord<Row>(defs: readonly ColumnDef[], accessors: Record<string, (r: Row) => Scalar>, row: Row): Record<string, Scalar> {
  const values = inputRow(defs, accessors, row);
  return Object.fromEntries(defs.map((d, i) => [d.name, values[i]]));
}
