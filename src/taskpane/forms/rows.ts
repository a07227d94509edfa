// Model values -> table rows by header, for the forms' saves. Each map names every input column of its
// table in the contract; recordOf refuses a contract column without a value, so the two cannot drift.
import type { Attendance, Case, Goal, StatusMeasurement, Visitation } from "../../domain/model";
import { FREMMOEDE_INPUT, MAAL_INPUT, SAGER_INPUT, STATUSMAALINGER_INPUT, VISITATIONER_INPUT, type ColumnDef } from "../../workbook/contract";
import type { PortCell } from "../workbook-port";

function recordOf<Row>(defs: readonly ColumnDef[], accessors: Record<string, (r: Row) => PortCell>, row: Row): Record<string, PortCell> {
  const out: Record<string, PortCell> = {};
  for (const d of defs) {
    const get = accessors[d.name];
    if (!get) throw new Error(`Ingen værdi for kolonnen ${d.name}`);
    out[d.name] = get(row);
  }
  return out;
}

const CASE: Record<string, (c: Case) => PortCell> = {
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

const VISITATION: Record<string, (v: Visitation) => PortCell> = {
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

const MEASUREMENT: Record<string, (m: StatusMeasurement) => PortCell> = {
  "Sags-ID": (m) => m.sagsId,
  Dato: (m) => m.dato,
  Instrument: (m) => m.instrument,
  Dimension: (m) => m.dimension,
  Score: (m) => m.score,
  Bemærkning: (m) => m.bemaerkning,
  "Registreret af": (m) => m.registreretAf,
};

const GOAL: Record<string, (g: Goal) => PortCell> = {
  "Sags-ID": (g) => g.sagsId,
  Mål: (g) => g.maal,
  Vægt: (g) => g.vaegt,
  "GAS-score": (g) => g.gasScore,
  Dato: (g) => g.dato,
};

const ATTENDANCE: Record<string, (a: Attendance) => PortCell> = {
  "Sags-ID": (a) => a.sagsId,
  Dato: (a) => a.dato,
  Status: (a) => a.status,
  Bemærkning: (a) => a.bemaerkning,
};

export const caseRecord = (c: Case) => recordOf(SAGER_INPUT, CASE, c);
export const visitationRecord = (v: Visitation) => recordOf(VISITATIONER_INPUT, VISITATION, v);
export const measurementRecord = (m: StatusMeasurement) => recordOf(STATUSMAALINGER_INPUT, MEASUREMENT, m);
export const goalRecord = (g: Goal) => recordOf(MAAL_INPUT, GOAL, g);
export const attendanceRecord = (a: Attendance) => recordOf(FREMMOEDE_INPUT, ATTENDANCE, a);
