// Rebuild StructuredData from a structured workbook's tables and defined names (the truth; the
// metadata may be missing), whichever engine read them: ExcelJS files, Office.js or a test. Cells
// that cannot be read as their type become empty here; the converter has already flagged them in
// Problemer, and the formulas treat them alike. Pure: no file, no Excel.
import { defaultAttendanceStatuses, defaultParams } from "../domain/setup-defaults";
import type {
  Attendance,
  AttendanceStatusRow,
  Case,
  Goal,
  Holiday,
  InstrumentDimension,
  Params,
  StatusMeasurement,
  StructuredData,
  Unit,
  Visitation,
} from "../domain/model";
import { DEFINED_NAMES, TABLES, headerKey } from "./contract";
import type { Scalar } from "./plan";
import { caseFromCells } from "./row-values";

/** A table as read: header texts (trimmed) and data rows, one value per header. */
export interface TableRows {
  headers: string[];
  rows: Scalar[][];
}

/** Where the tables and defined names come from: null or undefined when the workbook lacks one. */
export interface TableSource {
  /** The table of that name (table names compare case-insensitively, as in Excel). */
  table(name: string): TableRows | null;
  /** The value of the single cell a defined name points at. */
  name(name: string): Scalar | undefined;
}

export interface ReadResult {
  data: StructuredData;
  /** Danish notes on what was missing and filled in with defaults. */
  warnings: string[];
}

/** A table the structured data cannot do without (Sager, Enheder) is missing. */
export class MissingTableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MissingTableError";
  }
}

/** Every table and defined name structuredFromTables reads: what an adapter must fetch. */
export const STRUCTURED_TABLES: readonly string[] = [
  TABLES.sager,
  TABLES.enheder,
  TABLES.fremmoede,
  TABLES.fremmoedestatus,
  TABLES.helligdage,
  TABLES.instrumenter,
  TABLES.statusmaalinger,
  TABLES.maal,
  TABLES.visitationer,
  TABLES.log,
];
export const STRUCTURED_NAMES: readonly string[] = Object.values(DEFINED_NAMES);

/** A TableSource over tables and name values already read (keys compare case-insensitively). */
export function snapshotSource(tables: Readonly<Record<string, TableRows>>, names: Readonly<Record<string, Scalar>>): TableSource {
  const lower = <T>(r: Readonly<Record<string, T>>) => new Map(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v]));
  const t = lower(tables);
  const n = lower(names);
  return { table: (name) => t.get(name.toLowerCase()) ?? null, name: (name) => n.get(name.toLowerCase()) };
}

/** Column index of a header (case- and space-insensitive), or -1. */
function headerIndex(t: TableRows, header: string): number {
  return t.headers.findIndex((h) => headerKey(h) === headerKey(header));
}

type Row = (header: string) => Scalar;

function rowsOf(t: TableRows | null): Row[] {
  if (!t) return [];
  const idx = new Map<string, number>();
  const at = (h: string): number => {
    if (!idx.has(h)) idx.set(h, headerIndex(t, h));
    return idx.get(h)!;
  };
  return t.rows
    .filter((r) => r.some((v) => v !== null && v !== ""))
    .map((r) => (h: string) => {
      const i = at(h);
      return i < 0 ? null : (r[i] ?? null);
    });
}

const text = (v: Scalar): string | null => {
  if (v === null) return null;
  const s = typeof v === "number" ? String(v) : typeof v === "boolean" ? (v ? "Ja" : "Nej") : v;
  return s === "" ? null : s;
};
const num = (v: Scalar): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
/** A date cell as a serial day; text that never became a date stays out (it is in Problemer). */
const date = (v: Scalar): number | null => (typeof v === "number" && Number.isFinite(v) ? Math.floor(v) : null);
const yes = (v: Scalar): boolean => v === true || (typeof v === "string" && v.trim().toLowerCase() === "ja") || v === 1;

function readParams(source: TableSource, sager: Case[], warnings: string[]): Params {
  const latest = Math.max(0, ...sager.map((c) => Math.max(c.indskrevet ?? 0, c.udskrevet ?? 0)));
  const fallback = defaultParams(latest > 0 ? latest : 45_000);
  const get = <T>(name: string, parse: (v: Scalar) => T | null, def: T): T => {
    const v = source.name(name);
    const parsed = v === undefined ? null : parse(v);
    if (parsed === null) {
      warnings.push(`Navnet ${name} mangler eller er tomt; standardværdien ${String(def)} bruges.`);
      return def;
    }
    return parsed;
  };
  const model = (v: Scalar) => (v === "Hele afvigelsen" || v === "Ud over båndet" ? v : null);
  return {
    opgoerelsesdato: get(DEFINED_NAMES.opgoerelsesdato, date, fallback.opgoerelsesdato),
    periodestart: get(DEFINED_NAMES.periodestart, date, fallback.periodestart),
    periodeslut: get(DEFINED_NAMES.periodeslut, date, fallback.periodeslut),
    baandNedre: get(DEFINED_NAMES.baandNedre, num, fallback.baandNedre),
    baandOevre: get(DEFINED_NAMES.baandOevre, num, fallback.baandOevre),
    reguleringsmodel: get(DEFINED_NAMES.reguleringsmodel, model, fallback.reguleringsmodel),
    diskretionsgraense: get(DEFINED_NAMES.diskretionsgraense, num, fallback.diskretionsgraense),
    statusintervalMdr: get(DEFINED_NAMES.statusintervalMdr, num, fallback.statusintervalMdr),
  };
}

/** Read every structured table; Sager and Enheder must exist, the others may be absent (empty). */
export function structuredFromTables(source: TableSource): ReadResult {
  const warnings: string[] = [];
  const required = (name: string): TableRows => {
    const t = source.table(name);
    if (!t) throw new MissingTableError(`Projektmappen har ingen tabel ${name}. Konvertér sagslisten først (sagsliste convert).`);
    return t;
  };
  const optional = (name: string): TableRows | null => {
    const t = source.table(name);
    if (!t) warnings.push(`Tabellen ${name} findes ikke; den regnes som tom.`);
    return t;
  };

  const cases: Case[] = rowsOf(required(TABLES.sager)).map((r) => caseFromCells(r, { text, date }));
  const units: Unit[] = rowsOf(required(TABLES.enheder)).map((r) => ({
    enhed: text(r("Enhed")) ?? "",
    lovgrundlag: text(r("Lovgrundlag")),
    fuldtidspladser: num(r("Fuldtidspladser")),
    deltidspladser: num(r("Deltidspladser")),
    deltidsvaegt: num(r("Deltidsvægt")),
    loft: num(r("Loft")),
    stykpris: num(r("Stykpris")),
    reguleringspris: num(r("Reguleringspris")),
  }));
  const attendance: Attendance[] = rowsOf(optional(TABLES.fremmoede)).flatMap((r) => {
    const dato = date(r("Dato"));
    const sagsId = text(r("Sags-ID"));
    return dato === null || sagsId === null ? [] : [{ sagsId, dato, status: text(r("Status")) ?? "", bemaerkning: text(r("Bemærkning")) }];
  });
  const statusTable = source.table(TABLES.fremmoedestatus);
  if (!statusTable) warnings.push(`Tabellen ${TABLES.fremmoedestatus} findes ikke; standardstatusserne bruges.`);
  const attendanceStatuses: AttendanceStatusRow[] = statusTable
    ? rowsOf(statusTable).map((r) => ({
        status: text(r("Status")) ?? "",
        kode: text(r("Kode")) ?? "",
        taellerSom: text(r("Tæller som")) ?? "",
        iBasis: yes(r("I basis")),
        fravaer: yes(r("Fravær")),
        ulovligtFravaer: yes(r("Ulovligt fravær")),
      }))
    : defaultAttendanceStatuses();
  const holidays: Holiday[] = rowsOf(optional(TABLES.helligdage)).flatMap((r) => {
    const dato = date(r("Dato"));
    return dato === null ? [] : [{ dato, navn: text(r("Navn")) ?? "", type: text(r("Type")) ?? "" }];
  });
  const instruments: InstrumentDimension[] = rowsOf(optional(TABLES.instrumenter)).flatMap((r) => {
    const min = num(r("Min"));
    const max = num(r("Max"));
    const instrument = text(r("Instrument"));
    const dimension = text(r("Dimension"));
    if (min === null || max === null || instrument === null || dimension === null) return [];
    return [
      {
        instrument,
        dimension,
        min,
        max,
        retning: text(r("Retning")) ?? "",
        ikkeRelevant: num(r("Ikke relevant")),
        niveauer: text(r("Niveauer")),
        prioriteret: yes(r("Prioriteret")),
      },
    ];
  });
  const measurements: StatusMeasurement[] = rowsOf(optional(TABLES.statusmaalinger)).flatMap((r) => {
    const dato = date(r("Dato"));
    const sagsId = text(r("Sags-ID"));
    if (dato === null || sagsId === null) return [];
    return [
      {
        sagsId,
        dato,
        instrument: text(r("Instrument")) ?? "",
        dimension: text(r("Dimension")) ?? "",
        score: num(r("Score")),
        bemaerkning: text(r("Bemærkning")),
        registreretAf: text(r("Registreret af")),
      },
    ];
  });
  const goals: Goal[] = rowsOf(optional(TABLES.maal)).flatMap((r) => {
    const sagsId = text(r("Sags-ID"));
    if (sagsId === null) return [];
    return [{ sagsId, maal: text(r("Mål")) ?? "", vaegt: num(r("Vægt")), gasScore: num(r("GAS-score")), dato: date(r("Dato")) }];
  });
  // A visitation without an enquiry date cannot be placed in any period of the report.
  const visitations: Visitation[] = rowsOf(optional(TABLES.visitationer)).flatMap((r) => {
    const henvendelsesdato = date(r("Henvendelsesdato"));
    if (henvendelsesdato === null) return [];
    return [
      {
        visitationsId: text(r("Visitations-ID")) ?? "",
        sagsId: text(r("Sags-ID")),
        henvendelsesdato,
        henviser: text(r("Henviser")),
        lovgrundlag: text(r("Lovgrundlag")),
        oensketEnhed: text(r("Ønsket enhed")),
        pladstype: text(r("Pladstype")),
        beslutning: text(r("Beslutning")),
        beslutningsdato: date(r("Beslutningsdato")),
        begrundelse: text(r("Begrundelse")),
        klagevejledningGivet: text(r("Klagevejledning givet")),
        forventetStart: date(r("Forventet start")),
      },
    ];
  });
  const params = readParams(source, cases, warnings);
  return {
    data: { params, cases, units, attendance, attendanceStatuses, holidays, instruments, measurements, goals, visitations },
    warnings,
  };
}
