// The import pipeline's entry: analyse a workbook's grids (regions, mapping with confidences,
// preview) and convert them into cases, units, attendance and findings, as plain data.
// Nothing is lost: every data row becomes one case, every cell lands parsed, verbatim, or in an extra column.
import type { Attendance, Case, Unit, Visitation } from "../domain/model";
import { SAGER_INPUT } from "../workbook/contract";
import { sagerComputedNames } from "../workbook/structured-plan";
import type { Scalar } from "../workbook/plan";
import { CodeBook, type AttendanceCodeMapping, type AttendanceCodeOverrides } from "./attendance-codes";
import { buildCaseIndex, readAttendanceGrid, statusCells } from "./attendance-grid";
import { readAttendanceRegister, type AttendanceRegisterRegion } from "./attendance-register";
import { detect, type AttendanceGridRegion, type CaseListRegion, type Detection, type Region, type SkipReason } from "./detect";
import { emptyWorkbookError, noHeaderError } from "./errors";
import { caseFromValues, FIELDS, FIELD_BY_COLUMN, FIELD_INDEX, type CaseKey, type FieldDef } from "./fields";
import { sortFindings, type Finding } from "./findings";
import type { RawCell, SheetGrid, WorkbookGrids } from "./grid";
import { lookupFor, mapRegion, type ColumnMapping, type Mapping, type MappingOptions } from "./mapping";
import { sameUnit, unitGroups } from "../domain/text";
import { isWaiting, listMeaning, type ListMeaning } from "./list-meaning";
import { shapeFindings, waitingListVisitations } from "./list-findings";
import { normaliseHeader, tidy, unitKey } from "./normalise";
import { cellText, ERROR_VALUE_CODE, errorValueCell, parseCprCell, parseDateCell, parseListCell, parseTextCell, parseYesNoCell } from "./parse";
import { validateRows, type ValidationRow } from "./validate";
import { readEnrolmentCell, readPlaceCell, readReasonCell, remarksWithReason, unitPartTimeWeights, type MeantOutcome } from "./read-as-meant";
import { findStatusColumn, statusFindings } from "./status-column";
import { fillFindings, fillMeanings, type FillMeaning } from "./fill-meaning";
import { collapseRepeated, hiddenRowsFinding, missingPlaceFindings, unmappedColumnFinding } from "./findings-summary";

export interface ConvertOptions extends MappingOptions {
  /** Only these sheets (default: every sheet with a case list or an attendance grid). */
  sheets?: readonly string[];
  /** Merge case lists from several sheets into one, with a "Kildeark" column (default true). */
  mergeSheets?: boolean;
  /** Cases already in the workbook: updated by Sags-ID or CPR, never duplicated. */
  existingCases?: readonly Case[];
  /** Known unit names (the `Enheder` table); other units are flagged. */
  units?: readonly string[];
  /** Report CPR numbers failing modulus 11 (a warning). Default true. */
  checkModulus11?: boolean;
  /** Prefix of generated Sags-IDs. Default "S-". */
  idPrefix?: string;
  /** How source rows find and update the existing cases (default: by Sags-ID or CPR, source values win). */
  caseMerger?: (cases: readonly Case[], findings: Finding[]) => CaseMerger;
  /** Readings of attendance codes the user confirmed (value -> status name, or null: not a status). */
  attendanceCodes?: AttendanceCodeOverrides;
}

/** A source row as the merge with existing cases sees it. */
export interface MergeRow extends ValidationRow {
  /** The row has its own Sags-ID from the source. */
  sourceId: boolean;
}

/** Matches source rows to existing cases and merges them in place (see rerun-merge.ts). */
export interface CaseMerger {
  /** Per row, the index of the existing case it updates, or -1 for a new case. */
  matchAll(rows: readonly MergeRow[]): number[];
  /** Merge the row into existing case j; returns the unparsed source text the case keeps. */
  merge(j: number, row: MergeRow): Partial<Record<CaseKey, string>> | null;
}

export interface ExtraColumn {
  header: string;
  /** One value per case, verbatim from the source (null for cases without this column). */
  values: RawCell[];
  /** The column's most common number format, so dates kept verbatim still read as dates. */
  numFmt: string | null;
}

export interface SourceRef {
  sheet: string;
  /** 1-based Excel row number. */
  row: number;
}

export interface ConvertStats {
  rowsIn: number;
  rowsOut: number;
  added: number;
  updated: number;
  sheets: number;
  skipped: Record<SkipReason, number>;
  errors: number;
  warnings: number;
  attendanceRows: number;
  attendanceUnknownCodes: number;
  generatedIds: number;
}

export interface ConvertResult {
  /** Existing cases first (updated in place), then new cases in source order. */
  cases: Case[];
  /** Per case: source text that could not be parsed, by field. Date fields hold null in the case. */
  unparsed: (Partial<Record<CaseKey, string>> | null)[];
  extraColumns: ExtraColumn[];
  /** Per case: where it came from (null for existing cases the source did not touch). */
  sourceRefs: (SourceRef | null)[];
  /** Source column letter of each mapped field, per sheet. */
  fieldLetters: Record<string, Partial<Record<CaseKey, string>>>;
  units: Unit[];
  attendance: Attendance[];
  /** Waiting-list citizens (a visitation date, no start): one visitation each, Beslutning "Venteliste". */
  visitations: Visitation[];
  /** Registrations read per attendance sheet (grid or register), in sheet order. */
  attendanceSources: { sheet: string; registrations: number }[];
  /** Each distinct attendance value and the status it was read as, with a confidence. */
  attendanceCodes: AttendanceCodeMapping[];
  findings: Finding[];
  mapping: Mapping;
  regions: Region[];
  stats: ConvertStats;
}

export interface Analysis {
  regions: Region[];
  mapping: Mapping;
  preview: { headers: string[]; rows: Scalar[][] };
  sheetsWithoutHeader: string[];
  /** Sheets whose case lists share one shape: offer to merge them. */
  sameShape: string[][];
  /** Each distinct attendance value and the status proposed for it, to confirm like the columns. */
  attendanceCodes: AttendanceCodeMapping[];
}

const PREVIEW_ROWS = 10;
const SOURCE_SHEET_HEADER = "Kildeark";

function checkWorkbook(grids: WorkbookGrids): Detection {
  const names = grids.sheets.map((s) => s.name);
  const d = detect(grids);
  if (grids.sheets.length === 0 || d.emptySheets.length === grids.sheets.length) throw emptyWorkbookError(names);
  if (d.regions.length === 0) throw noHeaderError(d.sheetsWithoutHeader);
  return d;
}

/** What the import would do, for the mapping dialog: regions, mapping with confidences, first rows. */
export function analyse(grids: WorkbookGrids, options: ConvertOptions = {}): Analysis {
  const detection = checkWorkbook(grids);
  const result = run(grids, detection, options, PREVIEW_ROWS);
  const { headers, rows } = toSagerRows(result);
  return {
    regions: detection.regions,
    mapping: result.mapping,
    preview: { headers, rows },
    sheetsWithoutHeader: detection.sheetsWithoutHeader,
    sameShape: detection.sameShape,
    attendanceCodes: result.attendanceCodes,
  };
}

/** Convert every case list (and attendance grid) of the workbook. Never changes the grids. */
export function convert(grids: WorkbookGrids, options: ConvertOptions = {}): ConvertResult {
  return run(grids, checkWorkbook(grids), options, Infinity);
}

/** The `Sager` input columns then the extra columns, with unparsed source text in place of the value. */
export function toSagerRows(result: Pick<ConvertResult, "cases" | "unparsed" | "extraColumns">): { headers: string[]; rows: Scalar[][] } {
  const headers = [...FIELDS.map((f) => f.column), ...result.extraColumns.map((e) => e.header)];
  const rows = result.cases.map((c, i) => {
    const u = result.unparsed[i];
    const row: Scalar[] = FIELDS.map((f) => (u && u[f.key] !== undefined ? u[f.key]! : c[f.key]));
    for (const e of result.extraColumns) row.push(e.values[i] ?? null);
    return row;
  });
  return { headers, rows };
}

interface ColumnPlan {
  index: number;
  letter: string;
  field: FieldDef;
  /** The field's position in FIELDS. */
  position: number;
}

interface RegionPlan {
  region: CaseListRegion;
  grid: SheetGrid;
  fields: ColumnPlan[];
  extras: { index: number; extra: number }[];
  letters: Partial<Record<CaseKey, string>>;
  /** Source column index per mapped field. */
  indexOf: Partial<Record<CaseKey, number>>;
  /** The unit and name the list's shape gives (section rows, title, sheet name, two name columns). */
  meaning: ListMeaning;
  /** A status column ("Aktiv"/"Afsluttet"), kept as an extra column and read for its meaning. */
  status: ColumnMapping | null;
  /** Row colours and their meanings. */
  fills: FillMeaning[];
}

/** One imported source row; doubles as the validation row (no second object per row). */
interface Imported extends ValidationRow {
  plan: RegionPlan;
  sourceId: boolean;
  /** The place weight the Pladstype cell said, when it said one. */
  weight?: number;
}

const TEXT_COLLAPSE: ReadonlySet<CaseKey> = new Set<CaseKey>(["navn", "enhed", "kontaktperson", "sagsId"]);

/** Append one by one: a spread of a million items overflows the call stack. */
function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const x of items) target.push(x);
}

function parseField(f: FieldDef, v: RawCell, fmt: string | null, checkModulus11: boolean, lists: MappingOptions["lists"]): MeantOutcome {
  const error = errorValueCell(v);
  if (error) return error;
  if (f.key === "indskrevet") return readEnrolmentCell(v, fmt);
  if (f.key === "pladstype") return readPlaceCell(v, lookupFor("Pladstype", lists?.Pladstype));
  if (f.key === "udskrivningsaarsag") return readReasonCell(v, lookupFor("Udskrivningsårsag", lists?.["Udskrivningsårsag"]));
  switch (f.type) {
    case "date":
      return parseDateCell(v, fmt);
    case "cpr":
      return parseCprCell(v, { checkModulus11 });
    case "enum":
      return parseListCell(v, f.list!, lookupFor(f.list!, lists?.[f.list!]));
    case "yesno":
      return parseYesNoCell(v);
    default:
      return parseTextCell(v, fmt, TEXT_COLLAPSE.has(f.key));
  }
}

function newSkipCounts(): Record<SkipReason, number> {
  return { tom: 0, total: 0, note: 0, "gentaget overskrift": 0, "uden for tabellen": 0 };
}

const SKIP_FINDINGS: Partial<Record<SkipReason, { code: string; message: string }>> = {
  total: {
    code: "TOTALRAEKKE_UDELADT",
    message: "Rækken ligner en total- eller sumrække og er ikke importeret som en sag. Tallene beregnes i stedet med formler.",
  },
  note: { code: "NOTE_UDELADT", message: "Rækken er en note og er ikke importeret som en sag. Noten står stadig i originalarket." },
  "gentaget overskrift": { code: "OVERSKRIFT_GENTAGET", message: "Rækken gentager overskriften og er ikke importeret." },
  "uden for tabellen": {
    code: "CELLER_UDEN_FOR_TABEL",
    message: "Rækken har kun indhold uden for sagslistens kolonner og er ikke importeret. Flyt indholdet ind i listen, hvis det hører til en sag.",
  },
};

/** What every phase of a conversion reads: the options, the row limit, the sheets, and the findings so far. */
interface RunContext {
  options: ConvertOptions;
  /** Rows read per case list: all of them, or the preview's first few. */
  limit: number;
  findings: Finding[];
  gridByName: Map<string, SheetGrid>;
  wanted: (sheet: string) => boolean;
}

/** The regions a conversion reads: the case lists (one unless sheets are merged) and the attendance sheets. */
interface SelectedRegions {
  caseRegions: CaseListRegion[];
  gridRegions: AttendanceGridRegion[];
  registerRegions: AttendanceRegisterRegion[];
}

/** Each case list's column plan, the mapping shown to the user, and the extra columns of Sager. */
interface ColumnPlans {
  regionPlans: RegionPlan[];
  mappingColumns: ColumnMapping[];
  mappingFills: FillMeaning[];
  extraColumns: { header: string; key: string; fmts: Map<string, number> }[];
  /** Several case lists: the first extra column is Kildeark. */
  multi: boolean;
  fieldLetters: Record<string, Partial<Record<CaseKey, string>>>;
}

/** The source rows read as cases, and their extra columns' values (column-major, one per imported row). */
interface ReadRows {
  imported: Imported[];
  importedExtras: RawCell[][];
}

/** The cases after the merge with those already in the workbook: existing first, then the new ones. */
interface MergedCases {
  cases: Case[];
  unparsed: (Partial<Record<CaseKey, string>> | null)[];
  refs: (SourceRef | null)[];
  updated: number;
  /** Per extra column, one value per case. */
  extraValues: RawCell[][];
}

interface AttendanceRead {
  attendance: Attendance[];
  attendanceSources: ConvertResult["attendanceSources"];
  codes: CodeBook;
  attendanceUnknownCodes: number;
}

/** The conversion, phase by phase; each phase adds its findings to the context's list, in this order. */
function run(grids: WorkbookGrids, detection: Detection, options: ConvertOptions, limit: number): ConvertResult {
  const ctx: RunContext = {
    options,
    limit,
    findings: [],
    gridByName: new Map(grids.sheets.map((s) => [s.name, s])),
    wanted: (sheet: string) => !options.sheets || options.sheets.includes(sheet),
  };
  const regions = selectRegions(ctx, detection);
  const columns = planColumns(ctx, regions.caseRegions);
  const rows = readRows(ctx, columns);
  rowFindings(ctx, columns.regionPlans, rows.imported);
  unifyUnitSpellings(ctx, rows.imported);
  const merged = mergeWithExisting(ctx, rows);
  const generatedIds = assignIds(ctx, rows.imported, merged.cases);
  validateImported(ctx, rows.imported);
  const visitations = waitingListVisitations(rows.imported.filter((im) => isWaiting(im.case, im.unparsed)).map((im) => im.case));
  const units = unitsFound(ctx, merged.cases, rows.imported);
  const attendance = readAttendance(ctx, regions, merged.cases);
  return result(ctx, grids, detection, { regions, columns, rows, merged, generatedIds, visitations, units, attendance });
}

/** Sheets read as neither list nor attendance are reported; the case lists and attendance sheets to read. */
function selectRegions(ctx: RunContext, detection: Detection): SelectedRegions {
  const { options, findings, wanted } = ctx;

  for (const sheet of detection.sheetsWithoutHeader) {
    if (!wanted(sheet)) continue;
    findings.push({
      sheet,
      cell: "A1",
      severity: "advarsel",
      code: "ARK_UDEN_OVERSKRIFT",
      message:
        "Arket er hverken genkendt som sagsliste eller som fremmøde og er ikke importeret. Tilføj overskrifter som 'CPR', 'Navn', 'Enhed' og 'Indskrevet', " +
        "hvis det er en sagsliste, eller 'Sags-ID' (eller 'CPR' eller 'Navn'), 'Dato' og 'Status', hvis det er fremmøde med én række pr. borger og dag.",
      original: null,
    });
  }

  let caseRegions = detection.regions.filter((r): r is CaseListRegion => r.kind === "sager" && wanted(r.sheet));
  const gridRegions = detection.regions.filter((r): r is AttendanceGridRegion => r.kind === "fremmoede" && wanted(r.sheet));
  const registerRegions = detection.regions.filter((r): r is AttendanceRegisterRegion => r.kind === "fremmoederegister" && wanted(r.sheet));
  if (options.mergeSheets === false && caseRegions.length > 1) {
    for (const r of caseRegions.slice(1)) {
      findings.push({
        sheet: r.sheet,
        cell: `A${r.headerRows[0] + 1}`,
        severity: "advarsel",
        code: "ARK_IKKE_MEDTAGET",
        message: `Arket er ikke importeret, fordi arkene ikke skulle flettes. Kun '${caseRegions[0].sheet}' er importeret; vælg fletning for at tage alle ark med.`,
        original: null,
      });
    }
    caseRegions = caseRegions.slice(0, 1);
  }
  return { caseRegions, gridRegions, registerRegions };
}

/** Each case list's mapping: its fields, its extra columns, its shape's meaning, and the findings on its columns. */
function planColumns(ctx: RunContext, caseRegions: readonly CaseListRegion[]): ColumnPlans {
  const { options, findings, gridByName } = ctx;
  const mappingColumns: ColumnMapping[] = [];
  const mappingFills: FillMeaning[] = [];
  const extraColumns: { header: string; key: string; fmts: Map<string, number> }[] = [];
  const extraByKey = new Map<string, number>();
  const multi = caseRegions.length > 1;
  if (multi) extraColumns.push({ header: SOURCE_SHEET_HEADER, key: "\u0000kildeark", fmts: new Map() });
  const reserved = new Set([
    ...SAGER_INPUT.map((c) => c.name.toLowerCase()),
    ...sagerComputedNames().map((c) => c.toLowerCase()),
    SOURCE_SHEET_HEADER.toLowerCase(),
  ]);
  const regionPlans: RegionPlan[] = [];
  const fieldLetters: Record<string, Partial<Record<CaseKey, string>>> = {};

  for (const region of caseRegions) {
    const grid = gridByName.get(region.sheet)!;
    const cols = mapRegion(grid, region, options);
    const meaning = listMeaning(grid, region, cols, options, caseRegions.length);
    const status = findStatusColumn(grid, region.dataRows, cols);
    const fills = fillMeanings(grid, region.dataRows, options.overrides, options.saved);
    mappingFills.push(...fills);
    mappingColumns.push(...cols, ...meaning.proposals);
    const fields: ColumnPlan[] = [];
    const extras: { index: number; extra: number }[] = [];
    const letters: Partial<Record<CaseKey, string>> = {};
    const indexOf: Partial<Record<CaseKey, number>> = {};
    for (const m of cols) {
      if (m.target !== null) {
        const field = FIELD_BY_COLUMN.get(m.target)!;
        fields.push({ index: m.index, letter: m.letter, field, position: FIELD_INDEX[field.key] });
        letters[field.key] = m.letter;
        indexOf[field.key] = m.index;
        if (m.confidence < 0.75) {
          findings.push({
            sheet: region.sheet,
            cell: `${m.letter}${region.headerRows[region.headerRows.length - 1] + 1}`,
            severity: "advarsel",
            code: "KOLONNE_USIKKER",
            message: `Kolonnen er tolket som ${m.target} med sikkerhed ${Math.round(m.confidence * 100)} %. ${m.reason} Kontrollér tilknytningen.`,
            original: m.header || null,
          });
        }
        continue;
      }
      findings.push(unmappedColumnFinding(m, region.headerRows[region.headerRows.length - 1]));
      const key = normaliseHeader(m.header) || `#${m.letter}`;
      let extra = extraByKey.get(key);
      if (extra === undefined) {
        let header = tidy(m.header) || `Kolonne ${m.letter}`;
        if (reserved.has(header.toLowerCase())) header = `${header} (kilde)`;
        let n = 2;
        const base = header;
        while (reserved.has(header.toLowerCase())) header = `${base} (${n++})`;
        reserved.add(header.toLowerCase());
        extra = extraColumns.length;
        extraColumns.push({ header, key, fmts: new Map() });
        extraByKey.set(key, extra);
      }
      extras.push({ index: m.index, extra });
    }
    fieldLetters[region.sheet] = letters;
    regionPlans.push({ region, grid, fields, extras, letters, indexOf, meaning, status, fills });
    listFindings(findings, region, letters, meaning);
  }
  return { regionPlans, mappingColumns, mappingFills, extraColumns, multi, fieldLetters };
}

/** A list's findings on its shape and header: columns missing, rows left out, hidden rows and columns. */
function listFindings(findings: Finding[], region: CaseListRegion, letters: Partial<Record<CaseKey, string>>, meaning: ListMeaning): void {
  findings.push(...shapeFindings(region, letters, meaning));

  const headerCell = `${region.columns[0]?.letter ?? "A"}${region.headerRows[0] + 1}`;
  if (region.dataRows.length > 0) {
    for (const [key, label] of [
      ["enhed", "Enhed"],
      ["indskrevet", "Indskrevet"],
    ] as const) {
      if (letters[key] === undefined && !(key === "enhed" && meaning.unitFromShape))
        findings.push({
          sheet: region.sheet,
          cell: headerCell,
          severity: "fejl",
          code: "KOLONNE_MANGLER",
          message: `Der er ingen kolonne for ${label}. Vælg hvilken kolonne der er ${label} i tilknytningen, eller tilføj kolonnen.`,
          original: null,
        });
    }
  }
  for (const s of region.skipped) {
    const f = SKIP_FINDINGS[s.reason];
    if (f) findings.push({ sheet: region.sheet, cell: `A${s.row + 1}`, severity: "advarsel", code: f.code, message: f.message, original: s.text || null });
  }
  const hidden = hiddenRowsFinding(region.sheet, region.hiddenRows);
  if (hidden) findings.push(hidden);
  for (const c of region.columns.filter((x) => x.hidden))
    findings.push({
      sheet: region.sheet,
      cell: `${c.letter}${region.headerRows[0] + 1}`,
      severity: "advarsel",
      code: "SKJULT_KOLONNE",
      message: "Kolonnen er skjult i originalarket. Den er importeret som alle andre kolonner.",
      original: c.header || null,
    });
}

/** Every data row of every case list as one case: each cell parsed, verbatim where it cannot be, or kept in an extra column. */
function readRows(ctx: RunContext, columns: ColumnPlans): ReadRows {
  const { options, findings, limit } = ctx;
  const { regionPlans, extraColumns, multi } = columns;
  const checkModulus11 = options.checkModulus11 !== false;
  const imported: Imported[] = [];
  // Extra values per imported row, column-major, so no array is allocated per row.
  const importedExtras: RawCell[][] = extraColumns.map(() => []);
  const emptyRow: RawCell[] = [];
  const values: (string | number | null | undefined)[] = new Array(FIELDS.length);
  for (const plan of regionPlans) {
    const { region, grid, fields, extras } = plan;
    const hasIdColumn = plan.letters.sagsId !== undefined;
    const n = Math.min(region.dataRows.length, limit);
    for (let i = 0; i < n; i++) {
      const r = region.dataRows[i];
      const row = grid.cells[r] ?? emptyRow;
      const fmts = grid.numFmts?.[r];
      values.fill(undefined);
      let unparsed: Partial<Record<CaseKey, string>> | null = null;
      let weight: number | undefined;
      let words: string | undefined;
      let end: number | null | undefined;
      for (const fp of fields) {
        const v = row[fp.index] ?? null;
        if (v === null) continue;
        const fmt = fmts?.[fp.index] ?? null;
        const o = parseField(fp.field, v, fmt, checkModulus11, options.lists);
        if (o.weight !== undefined) weight = o.weight;
        if (o.words !== undefined) words = o.words;
        if (o.end !== undefined) end = o.end;
        if (o.kind === "value") {
          if (o.value !== null) values[fp.position] = o.value;
        } else {
          (unparsed ??= {})[fp.field.key] = o.text;
          // Kept as text in Sager, but an error value is never a name, a unit or a list value.
          if (fp.field.type !== "date" && o.note.code !== ERROR_VALUE_CODE) values[fp.position] = o.text;
        }
        if (o.note) {
          // Words read as a reason may name people: they stay in the case's Bemærkninger, not in Problemer.
          const original = o.kind === "value" && o.words !== undefined ? null : cellText(v, fmt);
          findings.push({ sheet: region.sheet, cell: `${fp.letter}${r + 1}`, severity: o.note.severity, code: o.note.code, message: o.note.message, original });
        }
      }
      plan.meaning.apply(values, row, r);
      if (end != null && values[FIELD_INDEX.udskrevet] === undefined) values[FIELD_INDEX.udskrevet] = end;
      if (words !== undefined) values[FIELD_INDEX.bemaerkninger] = remarksWithReason(values[FIELD_INDEX.bemaerkninger] as string | undefined, words);
      if (weight === undefined && values[FIELD_INDEX.pladstype] === "Fuldtid") weight = 1;
      const c = caseFromValues(values);
      const at = imported.length;
      if (multi) importedExtras[0][at] = region.sheet;
      for (const e of extras) {
        const v = row[e.index] ?? null;
        if (v === null) continue;
        importedExtras[e.extra][at] = v;
        const fmt = fmts?.[e.index];
        if (fmt) {
          const counts = extraColumns[e.extra].fmts;
          counts.set(fmt, (counts.get(fmt) ?? 0) + 1);
        }
      }
      imported.push({ case: c, unparsed, sheet: region.sheet, row: r, letters: plan.letters, plan, sourceId: hasIdColumn && c.sagsId !== "", weight });
    }
  }

  return { imported, importedExtras };
}

/** What a list's rows say together: its status column, its row colours, place sizes missing. */
function rowFindings(ctx: RunContext, regionPlans: readonly RegionPlan[], imported: readonly Imported[]): void {
  const { findings, limit } = ctx;
  for (const p of regionPlans) {
    if (p.status)
      pushAll(
        findings,
        statusFindings(
          imported.filter((im) => im.plan === p),
          p.grid,
          p.status
        )
      );
    if (p.fills.length)
      pushAll(
        findings,
        fillFindings(
          imported.filter((im) => im.plan === p),
          p.grid,
          p.fills,
          p.region.columns[0]?.letter ?? "A",
          p.region.headerRows[p.region.headerRows.length - 1]
        )
      );
  }
  pushAll(
    findings,
    missingPlaceFindings(
      imported,
      regionPlans.map((p) => ({
        sheet: p.region.sheet,
        headerRow: p.region.headerRows[p.region.headerRows.length - 1],
        firstLetter: p.region.columns[0]?.letter ?? "A",
        rows: Math.min(p.region.dataRows.length, limit),
        letter: p.letters.pladstype,
      }))
    )
  );
}

/** One spelling per unit (case, spacing, accents and the definite ending aside), the one most rows use. */
function unifyUnitSpellings(ctx: RunContext, imported: readonly Imported[]): void {
  const { options, findings } = ctx;
  const spellingCount = new Map<string, { count: number; first: Imported }>();
  for (const im of imported) {
    const e = im.case.enhed;
    if (e === "") continue;
    const s = spellingCount.get(e);
    if (s) s.count++;
    else spellingCount.set(e, { count: 1, first: im });
  }
  const spellingList = [...spellingCount.keys()];
  const groupOf = unitGroups(spellingList);
  const canonical = new Map<string, string>();
  const groups = new Map<number, string[]>();
  spellingList.forEach((sp, i) => {
    const g = groups.get(groupOf[i]);
    if (g) g.push(sp);
    else groups.set(groupOf[i], [sp]);
  });
  for (const members of groups.values()) {
    let best: string | null = (options.units ?? []).find((u) => sameUnit(u, members[0])) ?? null;
    if (best === null) {
      let bestCount = -1;
      for (const sp of members) if (spellingCount.get(sp)!.count > bestCount) [best, bestCount] = [sp, spellingCount.get(sp)!.count];
    }
    for (const spelling of members) {
      canonical.set(spelling, best!);
      if (spelling === best) continue;
      const s = spellingCount.get(spelling)!;
      const im = s.first;
      findings.push({
        sheet: im.sheet,
        cell: `${im.letters.enhed ?? "A"}${im.row + 1}`,
        severity: "advarsel",
        code: "ENHED_STAVEMAADE",
        message: `Enheden er stavet på flere måder. '${spelling}' (${s.count} ${s.count === 1 ? "række" : "rækker"}) er samlet under '${best}'.`,
        original: spelling,
      });
    }
  }
  for (const im of imported) if (im.case.enhed !== "") im.case.enhed = canonical.get(im.case.enhed)!;
}

/** The imported rows merged with the cases already in the workbook: an update where one matches, else a new case. */
function mergeWithExisting(ctx: RunContext, { imported, importedExtras }: ReadRows): MergedCases {
  const { options, findings } = ctx;
  const existing = options.existingCases ?? [];
  const cases: Case[] = existing.map((c) => ({ ...c }));
  const unparsedOut: (Partial<Record<CaseKey, string>> | null)[] = existing.map(() => null);
  const refs: (SourceRef | null)[] = existing.map(() => null);
  const merger = existing.length && options.caseMerger ? options.caseMerger(cases, findings) : null;
  const matcher = existing.length && !merger ? existingMatcher(cases) : null;
  const matches = merger ? merger.matchAll(imported) : null;
  let updated = 0;
  const outIndex: number[] = new Array(imported.length);
  for (let k = 0; k < imported.length; k++) {
    const im = imported[k];
    const j = matches ? matches[k] : matcher ? matcher.match(im.case, im.sourceId) : -1;
    if (j >= 0) {
      updated++;
      const target = cases[j];
      const rec = target as unknown as Record<string, unknown>;
      const src = im.case as unknown as Record<string, unknown>;
      if (merger) unparsedOut[j] = merger.merge(j, im);
      else for (const f of FIELDS) if (f.key !== "sagsId" && src[f.key] !== null && src[f.key] !== "") rec[f.key] = src[f.key];
      if (im.unparsed && !merger) {
        const keep: Partial<Record<CaseKey, string>> = {};
        let any = false;
        for (const [key, t] of Object.entries(im.unparsed) as [CaseKey, string][]) {
          if (rec[key] === null || rec[key] === t) {
            keep[key] = t;
            any = true;
          }
        }
        unparsedOut[j] = any ? keep : null;
      }
      refs[j] = { sheet: im.sheet, row: im.row + 1 };
      im.case = target;
      outIndex[k] = j;
    } else {
      cases.push(im.case);
      unparsedOut.push(im.unparsed);
      refs.push({ sheet: im.sheet, row: im.row + 1 });
      outIndex[k] = cases.length - 1;
    }
  }
  const extraValues: RawCell[][] = importedExtras.map((vals) => {
    const out: RawCell[] = new Array(cases.length).fill(null);
    vals.forEach((v, k) => (out[outIndex[k]] = v));
    return out;
  });
  return { cases, unparsed: unparsedOut, refs, updated, extraValues };
}

/** A Sags-ID for each imported row without one, never one already taken; returns how many were made. */
function assignIds(ctx: RunContext, imported: readonly Imported[], cases: readonly Case[]): number {
  const { options, findings } = ctx;
  const used = new Set(cases.map((c) => c.sagsId).filter((id) => id !== ""));
  const prefix = options.idPrefix ?? "S-";
  let next = 1;
  let generatedIds = 0;
  for (const im of imported) {
    if (im.case.sagsId !== "") continue;
    let id: string;
    do id = `${prefix}${String(next++).padStart(4, "0")}`;
    while (used.has(id));
    used.add(id);
    im.case.sagsId = id;
    generatedIds++;
    const letter = im.letters.sagsId;
    if (letter !== undefined)
      findings.push({
        sheet: im.sheet,
        cell: `${letter}${im.row + 1}`,
        severity: "advarsel",
        code: "SAGSID_GENERERET",
        message: `Rækken havde intet Sags-ID og har fået ${id}.`,
        original: null,
      });
  }
  return generatedIds;
}

/** Validation on the final values, pointing at the source cells. */
function validateImported(ctx: RunContext, imported: readonly Imported[]): void {
  const { options, findings } = ctx;
  findings.push(
    ...validateRows(imported, { units: options.units }, (r, key) => {
      const plan = (r as Imported).plan;
      const col = plan.indexOf[key];
      if (col === undefined) return null;
      const v = plan.grid.cells[r.row]?.[col] ?? null;
      return v === null ? null : cellText(v, plan.grid.numFmts?.[r.row]?.[col] ?? null);
    })
  );
}

/** The units the cases name, with Lovgrundlag where all of a unit's cases agree and the part-time weight the lists say. */
function unitsFound(ctx: RunContext, cases: readonly Case[], imported: readonly Imported[]): Unit[] {
  const { options, findings } = ctx;
  const units: Unit[] = [];
  const lovByUnit = new Map<string, Set<string | null>>();
  for (const c of cases) {
    if (c.enhed === "") continue;
    const k = unitKey(c.enhed);
    let s = lovByUnit.get(k);
    if (!s) {
      lovByUnit.set(k, (s = new Set()));
      units.push({
        enhed: c.enhed,
        lovgrundlag: null,
        fuldtidspladser: null,
        deltidspladser: null,
        deltidsvaegt: null,
        loft: null,
        stykpris: null,
        reguleringspris: null,
      });
    }
    s.add(c.lovgrundlag);
  }
  const partTime = unitPartTimeWeights(
    imported.map((im) => ({ enhed: im.case.enhed, weight: im.weight, sheet: im.sheet, cell: `${im.letters.pladstype ?? "A"}${im.row + 1}` })),
    unitKey
  );
  pushAll(findings, partTime.findings);
  for (const u of units) {
    u.deltidsvaegt = partTime.weights.get(unitKey(u.enhed)) ?? null;
    const s = lovByUnit.get(unitKey(u.enhed))!;
    if (s.size === 1) {
      const only = [...s][0];
      if (only !== null && lookupFor("Lovgrundlag", options.lists?.Lovgrundlag).values.includes(only)) u.lovgrundlag = only;
    }
  }
  return units;
}

/** Attendance: grids and registers, their codes read once per distinct value (in a preview: only the codes). */
function readAttendance(ctx: RunContext, { gridRegions, registerRegions }: SelectedRegions, cases: readonly Case[]): AttendanceRead {
  const { options, findings, limit, gridByName } = ctx;
  const attendance: Attendance[] = [];
  const attendanceSources: ConvertResult["attendanceSources"] = [];
  const codes = new CodeBook(options.attendanceCodes);
  let attendanceUnknownCodes = 0;
  const attendanceRegions = [...gridRegions, ...registerRegions].sort((a, b) => a.sheetIndex - b.sheetIndex);
  if (attendanceRegions.length && limit === Infinity) {
    const index = buildCaseIndex(cases);
    for (const region of attendanceRegions) {
      const grid = gridByName.get(region.sheet)!;
      const res = region.kind === "fremmoede" ? readAttendanceGrid(grid, region, index, codes) : readAttendanceRegister(grid, region, index, codes);
      // One by one: a spread of a million items overflows the call stack.
      for (const a of res.attendance) attendance.push(a);
      for (const f of res.findings) findings.push(f);
      attendanceSources.push({ sheet: region.sheet, registrations: res.attendance.length });
    }
    pushAll(findings, codes.findings());
    attendanceUnknownCodes = codes.mappings().reduce((n, m) => n + (m.status === null ? m.count : 0), 0);
  } else if (attendanceRegions.length) {
    // The mapping dialog: every distinct code proposed, before any case is linked.
    for (const region of attendanceRegions) statusCells(gridByName.get(region.sheet)!, region, (text, cell) => codes.read(text, region.sheet, cell));
  }
  return { attendance, attendanceSources, codes, attendanceUnknownCodes };
}

/** The result: the findings sorted and summarised, the counts. */
function result(
  ctx: RunContext,
  grids: WorkbookGrids,
  detection: Detection,
  phases: {
    regions: SelectedRegions;
    columns: ColumnPlans;
    rows: ReadRows;
    merged: MergedCases;
    generatedIds: number;
    visitations: Visitation[];
    units: Unit[];
    attendance: AttendanceRead;
  }
): ConvertResult {
  const { findings, limit, wanted } = ctx;
  const { caseRegions } = phases.regions;
  const { extraColumns, fieldLetters, mappingColumns, mappingFills } = phases.columns;
  const { imported } = phases.rows;
  const { cases, unparsed: unparsedOut, refs, updated, extraValues } = phases.merged;
  const { generatedIds, visitations, units } = phases;
  const { attendance, attendanceSources, codes, attendanceUnknownCodes } = phases.attendance;
  const sheetOrder = new Map(grids.sheets.map((s, i) => [s.name, i]));
  const sorted = collapseRepeated(sortFindings(findings, sheetOrder));
  const skipped = newSkipCounts();
  for (const r of caseRegions) for (const s of r.skipped) skipped[s.reason]++;
  let errors = 0;
  for (const f of sorted) if (f.severity === "fejl") errors++;
  return {
    cases,
    unparsed: unparsedOut,
    extraColumns: extraColumns.map((e, i) => ({ header: e.header, values: extraValues[i], numFmt: mostCommon(e.fmts) })),
    sourceRefs: refs,
    fieldLetters,
    units,
    attendance,
    visitations,
    attendanceSources,
    attendanceCodes: codes.mappings(),
    findings: sorted,
    mapping: mappingFills.length ? { version: 1, columns: mappingColumns, fills: mappingFills } : { version: 1, columns: mappingColumns },
    regions: detection.regions.filter((r) => wanted(r.sheet)),
    stats: {
      rowsIn: caseRegions.reduce((n, r) => n + Math.min(r.dataRows.length, limit), 0),
      rowsOut: imported.length,
      added: imported.length - updated,
      updated,
      sheets: caseRegions.length,
      skipped,
      errors,
      warnings: sorted.length - errors,
      attendanceRows: attendance.length,
      attendanceUnknownCodes,
      generatedIds,
    },
  };
}

function mostCommon(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

/**
 * Finds the existing case an imported one updates: same Sags-ID (when the source has one), else the
 * same CPR, unit and enrolment date, else the only open case of that CPR in that unit, else the same
 * name, unit and enrolment date. Each existing case is matched at most once (cases in `matched` are taken).
 */
export function existingMatcher(cases: readonly Case[], matched = new Set<number>()) {
  const byId = new Map<string, number>();
  const byKey = new Map<string, number[]>();
  const add = (k: string, i: number) => {
    const l = byKey.get(k);
    if (l) l.push(i);
    else byKey.set(k, [i]);
  };
  cases.forEach((c, i) => {
    if (!byId.has(c.sagsId)) byId.set(c.sagsId, i);
    const u = unitKey(c.enhed);
    if (c.cpr) {
      add(`c\u0000${c.cpr}\u0000${u}\u0000${c.indskrevet}`, i);
      add(`o\u0000${c.cpr}\u0000${u}`, i);
    } else if (c.navn) add(`n\u0000${unitKey(c.navn)}\u0000${u}\u0000${c.indskrevet}`, i);
  });
  const free = (l: number[] | undefined) => l?.find((i) => !matched.has(i)) ?? -1;
  return {
    match(c: Case, bySourceId: boolean): number {
      let j = -1;
      if (bySourceId) {
        const i = byId.get(c.sagsId);
        if (i !== undefined && !matched.has(i)) j = i;
      }
      const u = unitKey(c.enhed);
      if (j < 0 && c.cpr) {
        j = free(byKey.get(`c\u0000${c.cpr}\u0000${u}\u0000${c.indskrevet}`));
        if (j < 0) {
          const open = (byKey.get(`o\u0000${c.cpr}\u0000${u}`) ?? []).filter((i) => !matched.has(i));
          if (open.length === 1 && (cases[open[0]].indskrevet === null || c.indskrevet === null)) j = open[0];
        }
      }
      if (j < 0 && !c.cpr && c.navn) j = free(byKey.get(`n\u0000${unitKey(c.navn)}\u0000${u}\u0000${c.indskrevet}`));
      if (j >= 0) matched.add(j);
      return j;
    },
  };
}
