// Several units' structured workbooks as one data set, for the leader's overview across units: every
// source's rows kept, each case's Sags-ID prefixed with its source's label so that ids from different
// workbooks never meet, and the conflicts between the sources made visible (never silently resolved):
// a citizen enrolled in two workbooks at once, one unit with different agreements, different periods or
// settings, and a source whose computed columns were overwritten. Pure: no file, no Excel.
import { danishDate, yearEnd, yearStart } from "../domain/dates";
import type { Case, Holiday, InstrumentDimension, StructuredData, Unit } from "../domain/model";
import { findUnit } from "../domain/occupancy";
import type { ColumnPlan, Plan, SheetPlan, Scalar } from "./plan";
import { reportHelperColumns } from "./report/noegletal";
import { buildStructuredPlan } from "./structured-plan";

/** One source workbook as read. */
export interface ConsolidationSource {
  /** The file's name as the leader knows it (no directory). */
  file: string;
  data: StructuredData;
  /** Findings of the integrity check (sagsliste check) on the source. */
  integrityFindings: number;
  /** How many of them are computed cells overwritten with a value or another formula. */
  overwrittenFormulas: number;
  /** The latest import in the source's Log (Excel serial date-time), or null. */
  lastImport: number | null;
}

export type ConflictKind = "Samme borger i to kilder" | "Forskellig aftale for enheden" | "Forskellig periode" | "Forskellig opsætning" | "Overskrevne formler";

export interface ConsolidationConflict {
  kind: ConflictKind;
  /** The labels of the sources involved ("K1", "K2"). */
  sources: string[];
  /** A Danish sentence that names cases by their (prefixed) Sags-ID, never by CPR or name. */
  message: string;
}

export interface SourceSummary {
  label: string;
  file: string;
  units: string[];
  periodestart: number;
  periodeslut: number;
  opgoerelsesdato: number;
  lastImport: number | null;
  check: string;
  conflicts: number;
}

export interface Consolidation {
  data: StructuredData;
  /** The source label of each combined case, in the order of data.cases. */
  caseSources: string[];
  sources: SourceSummary[];
  conflicts: ConsolidationConflict[];
}

/** The label of the i-th source (0-based): K1, K2, … */
export function sourceLabel(i: number): string {
  return `K${i + 1}`;
}

/** A Sags-ID (or visitation id) of a source in the combined tables. */
export function combinedId(label: string, id: string): string {
  return `${label}-${id}`;
}

const UNIT_AGREEMENT: readonly (keyof Unit)[] = ["lovgrundlag", "fuldtidspladser", "deltidspladser", "deltidsvaegt", "loft", "stykpris", "reguleringspris"];
const UNIT_FIELD_NAMES: Record<string, string> = {
  lovgrundlag: "lovgrundlag",
  fuldtidspladser: "fuldtidspladser",
  deltidspladser: "deltidspladser",
  deltidsvaegt: "deltidsvægt",
  loft: "loft",
  stykpris: "stykpris",
  reguleringspris: "reguleringspris",
};

function cprKey(cpr: string | null): string | null {
  const digits = (cpr ?? "").replace(/\D/g, "");
  return digits.length === 10 ? digits : null;
}

function enrolmentsOverlap(a: Case, b: Case): boolean {
  if (a.indskrevet === null || b.indskrevet === null) return false;
  const aEnd = a.udskrevet ?? Number.POSITIVE_INFINITY;
  const bEnd = b.udskrevet ?? Number.POSITIVE_INFINITY;
  return a.indskrevet <= bEnd && b.indskrevet <= aEnd;
}

function describeUnitValue(v: unknown): string {
  if (v === null || v === undefined) return "tom";
  return typeof v === "number" ? v.toLocaleString("da-DK") : String(v);
}

/** Combine the sources' structured data; the first source's settings are the combined settings. */
export function consolidate(sources: readonly ConsolidationSource[]): Consolidation {
  if (sources.length === 0) throw new Error("Der er ingen projektmapper at samle.");
  const conflicts: ConsolidationConflict[] = [];
  const first = sources[0].data;
  const units: Unit[] = [];
  const unitOwner = new Map<Unit, string>();
  const holidays = new Map<number, Holiday>();
  const instruments: InstrumentDimension[] = [];
  const statuses = [...first.attendanceStatuses];
  const cases: Case[] = [];
  const caseSources: string[] = [];
  const data: StructuredData = {
    params: { ...first.params },
    cases,
    units,
    attendance: [],
    attendanceStatuses: statuses,
    holidays: [],
    instruments,
    measurements: [],
    goals: [],
    visitations: [],
  };

  sources.forEach((src, i) => {
    const label = sourceLabel(i);
    const d = src.data;
    const id = (x: string) => combinedId(label, x);
    for (const c of d.cases) {
      cases.push({ ...c, sagsId: id(c.sagsId) });
      caseSources.push(label);
    }
    for (const a of d.attendance) data.attendance.push({ ...a, sagsId: id(a.sagsId) });
    for (const m of d.measurements) data.measurements.push({ ...m, sagsId: id(m.sagsId) });
    for (const g of d.goals) data.goals.push({ ...g, sagsId: id(g.sagsId) });
    for (const v of d.visitations) data.visitations.push({ ...v, visitationsId: id(v.visitationsId), sagsId: v.sagsId === null ? null : id(v.sagsId) });
    for (const h of d.holidays) if (!holidays.has(h.dato)) holidays.set(h.dato, h);
    for (const dim of d.instruments) {
      if (!instruments.some((x) => x.instrument === dim.instrument && x.dimension === dim.dimension)) instruments.push(dim);
    }
    for (const s of d.attendanceStatuses) if (!statuses.some((x) => x.status === s.status)) statuses.push(s);

    for (const u of d.units) {
      const known = findUnit(units, u.enhed);
      if (!known) {
        units.push({ ...u });
        unitOwner.set(units[units.length - 1], label);
        continue;
      }
      const differing = UNIT_AGREEMENT.filter((k) => (known[k] ?? null) !== (u[k] ?? null));
      if (differing.length > 0) {
        const owner = unitOwner.get(known)!;
        const what = differing.map((k) => `${UNIT_FIELD_NAMES[k]} ${describeUnitValue(known[k])} i ${owner}, ${describeUnitValue(u[k])} i ${label}`).join("; ");
        conflicts.push({
          kind: "Forskellig aftale for enheden",
          sources: [owner, label],
          message: `Enheden ${known.enhed} har forskellig aftale: ${what}. Oversigten bruger ${owner}s tal; ret Enheder i den kilde, der er forkert.`,
        });
      }
    }

    if (i > 0) {
      const p = d.params;
      if (p.periodestart !== first.params.periodestart || p.periodeslut !== first.params.periodeslut) {
        conflicts.push({
          kind: "Forskellig periode",
          sources: ["K1", label],
          message: `${label} har perioden ${danishDate(p.periodestart)}–${danishDate(p.periodeslut)}, K1 ${danishDate(first.params.periodestart)}–${danishDate(first.params.periodeslut)}. Oversigten bruger det valgte år for alle.`,
        });
      }
      if (p.opgoerelsesdato !== first.params.opgoerelsesdato) {
        conflicts.push({
          kind: "Forskellig periode",
          sources: ["K1", label],
          message: `${label} har opgørelsesdatoen ${danishDate(p.opgoerelsesdato)}, K1 ${danishDate(first.params.opgoerelsesdato)}. Oversigten bruger ${danishDate(data.params.opgoerelsesdato)}.`,
        });
      }
      const settings: [string, unknown, unknown][] = [
        ["båndet", `${p.baandNedre}–${p.baandOevre}`, `${first.params.baandNedre}–${first.params.baandOevre}`],
        ["reguleringsmodellen", p.reguleringsmodel, first.params.reguleringsmodel],
        ["diskretionsgrænsen", p.diskretionsgraense, first.params.diskretionsgraense],
        ["statusintervallet", p.statusintervalMdr, first.params.statusintervalMdr],
      ];
      for (const [name, mine, theirs] of settings) {
        if (mine !== theirs) {
          conflicts.push({
            kind: "Forskellig opsætning",
            sources: ["K1", label],
            message: `${label} har ${name} ${describeUnitValue(mine)}, K1 ${describeUnitValue(theirs)}. Oversigten bruger K1s.`,
          });
        }
      }
    }
    if (src.overwrittenFormulas > 0) {
      conflicts.push({
        kind: "Overskrevne formler",
        sources: [label],
        message: `${label} (${src.file}) har ${src.overwrittenFormulas} beregnede celler, der er overskrevet. Tallene derfra kan være forkerte: kør sagsliste check --repair på kilden og saml igen.`,
      });
    }
  });

  // The latest reference date of the sources: "active" means active on the newest day anyone reported.
  data.params.opgoerelsesdato = Math.max(...sources.map((s) => s.data.params.opgoerelsesdato));
  data.holidays = [...holidays.values()].sort((a, b) => a.dato - b.dato);
  conflicts.push(...sameCitizenConflicts(cases, caseSources));

  const summaries = sources.map((src, i): SourceSummary => {
    const label = sourceLabel(i);
    const mine = conflicts.filter((c) => c.sources.includes(label)).length;
    return {
      label,
      file: src.file,
      units: src.data.units.map((u) => u.enhed),
      periodestart: src.data.params.periodestart,
      periodeslut: src.data.params.periodeslut,
      opgoerelsesdato: src.data.params.opgoerelsesdato,
      lastImport: src.lastImport,
      check: src.integrityFindings === 0 ? "I orden" : `${src.integrityFindings} fund (${src.overwrittenFormulas} overskrevne formler)`,
      conflicts: mine,
    };
  });
  return { data, caseSources, sources: summaries, conflicts };
}

/** The same CPR number in two sources with enrolments that overlap in time. */
function sameCitizenConflicts(cases: readonly Case[], caseSources: readonly string[]): ConsolidationConflict[] {
  const byCpr = new Map<string, number[]>();
  cases.forEach((c, i) => {
    const key = cprKey(c.cpr);
    if (key) byCpr.set(key, [...(byCpr.get(key) ?? []), i]);
  });
  const out: ConsolidationConflict[] = [];
  for (const idx of byCpr.values()) {
    for (let a = 0; a < idx.length; a++) {
      for (let b = a + 1; b < idx.length; b++) {
        const [x, y] = [idx[a], idx[b]];
        if (caseSources[x] === caseSources[y] || !enrolmentsOverlap(cases[x], cases[y])) continue;
        out.push({
          kind: "Samme borger i to kilder",
          sources: [caseSources[x], caseSources[y]],
          message: `Samme CPR-nummer i ${cases[x].sagsId} og ${cases[y].sagsId} med overlappende forløb: borgeren tæller med i begge enheder. Ret indskrivningen i den kilde, der er forkert.`,
        });
      }
    }
  }
  return out;
}

export const KILDER_TABLE = "Kilder";
export const KONFLIKTER_TABLE = "Konflikter";
export const KILDE_COLUMN = "Kilde";

/** The Kilder sheet: one row per source and, below, one per conflict. */
export function kilderSheet(c: Consolidation): SheetPlan {
  const col = (name: string, width: number, numFmt?: string): ColumnPlan => ({ name, width, numFmt });
  const sourceRows: Scalar[][] = c.sources.map((s) => [
    s.label,
    s.file,
    s.units.join(", "),
    s.periodestart,
    s.periodeslut,
    s.opgoerelsesdato,
    s.lastImport,
    s.check,
    s.conflicts,
  ]);
  const conflictTop = c.sources.length + 4;
  // Under the sources, in their columns: Kilder fits the narrow first column, the description runs on
  // into the empty cells to its right.
  const conflictRows: Scalar[][] =
    c.conflicts.length > 0
      ? c.conflicts.map((x) => [x.sources.join(", "), x.kind, x.message])
      : [[null, "Ingen", "Kilderne er enige om enheder, perioder og opsætning, og ingen borger står i to kilder på samme tid."]];
  return {
    name: KILDER_TABLE,
    tables: [
      {
        name: KILDER_TABLE,
        topLeft: "A1",
        style: "TableStyleMedium2",
        columns: [
          col("Kilde", 8),
          col("Fil", 36),
          col("Enheder", 30),
          col("Periodestart", 13, "dd-mm-yyyy"),
          col("Periodeslut", 13, "dd-mm-yyyy"),
          col("Opgørelsesdato", 15, "dd-mm-yyyy"),
          col("Seneste import", 18, "dd-mm-yyyy hh:mm"),
          col("Kontrol", 30),
          col("Konflikter", 11, "0"),
        ],
        rows: sourceRows,
      },
      {
        name: KONFLIKTER_TABLE,
        topLeft: `A${conflictTop}`,
        style: "TableStyleMedium3",
        columns: [col("Kilder", 8), col("Konflikt", 36), col("Beskrivelse", 30)],
        rows: conflictRows,
      },
    ],
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true },
  };
}

/** The Kilde column of the combined Sager table. */
export function kildeColumn(c: Consolidation): { header: string; values: Scalar[] } {
  return { header: KILDE_COLUMN, values: c.caseSources };
}

/** Excel's last row: a table can hold one row fewer than the sheet (its header takes one). */
export const SHEET_ROW_LIMIT = 1_048_576;

/**
 * Keep only the attendance a report of `year` reads: its own year and the year before (Nøgletal's
 * "Sidste år"). Every figure is the same with or without the rows outside; the combined register stays
 * within what one sheet can hold for longer.
 */
export function attendanceForReport(c: Consolidation, year: number, from: number, to: number): number {
  const before = c.data.attendance.length;
  c.data.attendance = c.data.attendance.filter((a) => a.dato >= from && a.dato <= to);
  if (c.data.attendance.length >= SHEET_ROW_LIMIT) {
    throw new Error(
      `De ${sourcesText(c)} har tilsammen ${c.data.attendance.length.toLocaleString("da-DK")} fremmøderegistreringer i ${year - 1} og ${year}, ` +
        `flere end et ark kan rumme (${(SHEET_ROW_LIMIT - 1).toLocaleString("da-DK")} rækker under overskriften). Saml færre projektmapper ad gangen.`
    );
  }
  return before - c.data.attendance.length;
}

function sourcesText(c: Consolidation): string {
  return `${c.sources.length} projektmapper`;
}

/** The time of the latest import in a Log table's rows (Tidspunkt, Handling), or null. */
export function lastImportOf(log: { headers: readonly string[]; rows: readonly (readonly unknown[])[] } | null): number | null {
  if (!log) return null;
  const time = log.headers.indexOf("Tidspunkt");
  const action = log.headers.indexOf("Handling");
  if (time < 0 || action < 0) return null;
  let latest: number | null = null;
  for (const r of log.rows) {
    const t = r[time];
    if (r[action] === "Import" && typeof t === "number" && (latest === null || t > latest)) latest = t;
  }
  return latest;
}

/**
 * What a consolidation writes before the report: Kilder first, then the combined structured tables (with
 * Kilde on Sager and the report's helper columns), so that the report's plan reads them as it reads a
 * single unit's workbook.
 */
export function consolidatedTablesPlan(c: Consolidation): Plan {
  const structured = buildStructuredPlan(c.data, { extraCaseColumns: [kildeColumn(c)], extraComputedColumns: reportHelperColumns(), cachedResults: false });
  return { ...structured, sheets: [kilderSheet(c), ...structured.sheets] };
}

/** The consolidation set to the report's year, with the registrations that year's report reads. */
export function forReportYear(c: Consolidation, year: number): Consolidation {
  c.data.params.periodestart = yearStart(year);
  c.data.params.periodeslut = yearEnd(year);
  attendanceForReport(c, year, yearStart(year - 1), yearEnd(year));
  return c;
}
