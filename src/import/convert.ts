// The import pipeline's entry: analyse a workbook's grids (regions, mapping with confidences,
// preview) and convert them into cases, units, attendance and findings, as plain data.
// Nothing is lost: every data row becomes one case, every cell lands parsed, verbatim, or in an extra column.
import type { Attendance, Case, Unit } from "../domain/model";
import { SAGER_INPUT } from "../workbook/contract";
import { sagerComputedNames } from "../workbook/structured-plan";
import type { Scalar } from "../workbook/plan";
import { buildCaseIndex, readAttendanceGrid } from "./attendance-grid";
import { detect, type AttendanceGridRegion, type CaseListRegion, type Detection, type Region, type SkipReason } from "./detect";
import { emptyWorkbookError, noHeaderError } from "./errors";
import { caseFromValues, FIELDS, FIELD_BY_COLUMN, FIELD_INDEX, type CaseKey, type FieldDef } from "./fields";
import { sortFindings, type Finding } from "./findings";
import type { RawCell, SheetGrid, WorkbookGrids } from "./grid";
import { lookupFor, mapRegion, type ColumnMapping, type Mapping, type MappingOptions } from "./mapping";
import { normaliseHeader, tidy, unitKey } from "./normalise";
import {
  cellText,
  ERROR_VALUE_CODE,
  errorValueCell,
  parseCprCell,
  parseDateCell,
  parseListCell,
  parseTextCell,
  parseYesNoCell,
  type CellOutcome,
} from "./parse";
import { validateRows, type ValidationRow } from "./validate";

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
}

/** One imported source row; doubles as the validation row (no second object per row). */
interface Imported extends ValidationRow {
  plan: RegionPlan;
  sourceId: boolean;
}

const TEXT_COLLAPSE: ReadonlySet<CaseKey> = new Set<CaseKey>(["navn", "enhed", "kontaktperson", "sagsId"]);

function parseField(f: FieldDef, v: RawCell, fmt: string | null, checkModulus11: boolean, lists: MappingOptions["lists"]): CellOutcome {
  const error = errorValueCell(v);
  if (error) return error;
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
  total: { code: "TOTALRAEKKE_UDELADT", message: "Rækken ligner en total- eller sumrække og er ikke importeret som en sag. Tallene beregnes i stedet med formler." },
  note: { code: "NOTE_UDELADT", message: "Rækken er en note og er ikke importeret som en sag. Noten står stadig i originalarket." },
  "gentaget overskrift": { code: "OVERSKRIFT_GENTAGET", message: "Rækken gentager overskriften og er ikke importeret." },
  "uden for tabellen": { code: "CELLER_UDEN_FOR_TABEL", message: "Rækken har kun indhold uden for sagslistens kolonner og er ikke importeret. Flyt indholdet ind i listen, hvis det hører til en sag." },
};

function run(grids: WorkbookGrids, detection: Detection, options: ConvertOptions, limit: number): ConvertResult {
  const checkModulus11 = options.checkModulus11 !== false;
  const findings: Finding[] = [];
  const sheetOrder = new Map(grids.sheets.map((s, i) => [s.name, i]));
  const gridByName = new Map(grids.sheets.map((s) => [s.name, s]));
  const wanted = (sheet: string) => !options.sheets || options.sheets.includes(sheet);

  for (const sheet of detection.sheetsWithoutHeader) {
    if (!wanted(sheet)) continue;
    findings.push({
      sheet,
      cell: "A1",
      severity: "advarsel",
      code: "ARK_UDEN_OVERSKRIFT",
      message: "Arket har indhold, men ingen genkendelig overskriftsrække, og er ikke importeret. Tilføj overskrifter som 'CPR', 'Navn', 'Enhed' og 'Indskrevet', hvis det er en sagsliste.",
      original: null,
    });
  }

  let caseRegions = detection.regions.filter((r): r is CaseListRegion => r.kind === "sager" && wanted(r.sheet));
  const gridRegions = detection.regions.filter((r): r is AttendanceGridRegion => r.kind === "fremmoede" && wanted(r.sheet));
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

  // ---- mapping and extra columns
  const mappingColumns: ColumnMapping[] = [];
  const extraColumns: { header: string; key: string; fmts: Map<string, number> }[] = [];
  const extraByKey = new Map<string, number>();
  const multi = caseRegions.length > 1;
  if (multi) extraColumns.push({ header: SOURCE_SHEET_HEADER, key: "\u0000kildeark", fmts: new Map() });
  const reserved = new Set([...SAGER_INPUT.map((c) => c.name.toLowerCase()), ...sagerComputedNames().map((c) => c.toLowerCase()), SOURCE_SHEET_HEADER.toLowerCase()]);
  const regionPlans: RegionPlan[] = [];
  const fieldLetters: Record<string, Partial<Record<CaseKey, string>>> = {};

  for (const region of caseRegions) {
    const grid = gridByName.get(region.sheet)!;
    const cols = mapRegion(grid, region, options);
    for (const c of cols) mappingColumns.push(c);
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
    regionPlans.push({ region, grid, fields, extras, letters, indexOf });

    const headerCell = `${region.columns[0]?.letter ?? "A"}${region.headerRows[0] + 1}`;
    if (region.dataRows.length > 0) {
      for (const [key, label] of [["enhed", "Enhed"], ["indskrevet", "Indskrevet"]] as const) {
        if (letters[key] === undefined)
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
    for (const r of region.hiddenRows)
      findings.push({ sheet: region.sheet, cell: `A${r + 1}`, severity: "advarsel", code: "SKJULT_RAEKKE", message: "Rækken er skjult i originalarket. Den er importeret som alle andre rækker; kontrollér at den hører med.", original: null });
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

  // ---- rows
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
      for (const fp of fields) {
        const v = row[fp.index] ?? null;
        if (v === null) continue;
        const fmt = fmts?.[fp.index] ?? null;
        const o = parseField(fp.field, v, fmt, checkModulus11, options.lists);
        if (o.kind === "value") {
          if (o.value !== null) values[fp.position] = o.value;
          if (o.note) findings.push({ sheet: region.sheet, cell: `${fp.letter}${r + 1}`, severity: o.note.severity, code: o.note.code, message: o.note.message, original: cellText(v, fmt) });
        } else {
          (unparsed ??= {})[fp.field.key] = o.text;
          // Kept as text in Sager, but an error value is never a name, a unit or a list value.
          if (fp.field.type !== "date" && o.note.code !== ERROR_VALUE_CODE) values[fp.position] = o.text;
          findings.push({ sheet: region.sheet, cell: `${fp.letter}${r + 1}`, severity: o.note.severity, code: o.note.code, message: o.note.message, original: cellText(v, fmt) });
        }
      }
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
      imported.push({ case: c, unparsed, sheet: region.sheet, row: r, letters: plan.letters, plan, sourceId: hasIdColumn && c.sagsId !== "" });
    }
  }

  // ---- units: one spelling per unit, the one most rows use
  const spellings = new Map<string, Map<string, { count: number; first: Imported }>>();
  for (const im of imported) {
    const e = im.case.enhed;
    if (e === "") continue;
    const k = unitKey(e);
    let m = spellings.get(k);
    if (!m) spellings.set(k, (m = new Map()));
    const s = m.get(e);
    if (s) s.count++;
    else m.set(e, { count: 1, first: im });
  }
  const knownUnits = new Map((options.units ?? []).map((u) => [unitKey(u), u]));
  const canonical = new Map<string, string>();
  for (const [k, m] of spellings) {
    let best: string | null = knownUnits.get(k) ?? null;
    if (best === null) {
      let bestCount = -1;
      for (const [spelling, s] of m) if (s.count > bestCount) [best, bestCount] = [spelling, s.count];
    }
    canonical.set(k, best!);
    for (const [spelling, s] of m) {
      if (spelling === best) continue;
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
  for (const im of imported) if (im.case.enhed !== "") im.case.enhed = canonical.get(unitKey(im.case.enhed))!;

  // ---- merge with existing cases, then ids
  const existing = options.existingCases ?? [];
  const cases: Case[] = existing.map((c) => ({ ...c }));
  const unparsedOut: (Partial<Record<CaseKey, string>> | null)[] = existing.map(() => null);
  const refs: (SourceRef | null)[] = existing.map(() => null);
  const matcher = existing.length ? existingMatcher(cases) : null;
  let updated = 0;
  const outIndex: number[] = new Array(imported.length);
  for (let k = 0; k < imported.length; k++) {
    const im = imported[k];
    const j = matcher ? matcher.match(im.case, im.sourceId) : -1;
    if (j >= 0) {
      updated++;
      const target = cases[j];
      const rec = target as unknown as Record<string, unknown>;
      const src = im.case as unknown as Record<string, unknown>;
      for (const f of FIELDS) if (f.key !== "sagsId" && src[f.key] !== null && src[f.key] !== "") rec[f.key] = src[f.key];
      if (im.unparsed) {
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
      findings.push({ sheet: im.sheet, cell: `${letter}${im.row + 1}`, severity: "advarsel", code: "SAGSID_GENERERET", message: `Rækken havde intet Sags-ID og har fået ${id}.`, original: null });
  }

  // ---- validation (on the final values, pointing at the source cells)
  findings.push(
    ...validateRows(imported, { units: options.units }, (r, key) => {
      const plan = (r as Imported).plan;
      const col = plan.indexOf[key];
      if (col === undefined) return null;
      const v = plan.grid.cells[r.row]?.[col] ?? null;
      return v === null ? null : cellText(v, plan.grid.numFmts?.[r.row]?.[col] ?? null);
    }),
  );

  // ---- units found
  const units: Unit[] = [];
  const lovByUnit = new Map<string, Set<string | null>>();
  for (const c of cases) {
    if (c.enhed === "") continue;
    const k = unitKey(c.enhed);
    let s = lovByUnit.get(k);
    if (!s) {
      lovByUnit.set(k, (s = new Set()));
      units.push({ enhed: c.enhed, lovgrundlag: null, fuldtidspladser: null, deltidspladser: null, deltidsvaegt: null, loft: null, stykpris: null, reguleringspris: null });
    }
    s.add(c.lovgrundlag);
  }
  for (const u of units) {
    const s = lovByUnit.get(unitKey(u.enhed))!;
    if (s.size === 1) {
      const only = [...s][0];
      if (only !== null && lookupFor("Lovgrundlag", options.lists?.Lovgrundlag).values.includes(only)) u.lovgrundlag = only;
    }
  }

  // ---- attendance grids
  const attendance: Attendance[] = [];
  let attendanceUnknownCodes = 0;
  if (gridRegions.length && limit === Infinity) {
    const index = buildCaseIndex(cases);
    for (const region of gridRegions) {
      const res = readAttendanceGrid(gridByName.get(region.sheet)!, region, index);
      // One by one: a spread of a million items overflows the call stack.
      for (const a of res.attendance) attendance.push(a);
      for (const f of res.findings) findings.push(f);
      attendanceUnknownCodes += res.unknownCodes;
    }
  }

  const sorted = sortFindings(findings, sheetOrder);
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
    findings: sorted,
    mapping: { version: 1, columns: mappingColumns },
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
 * name, unit and enrolment date. Each existing case is matched at most once.
 */
function existingMatcher(cases: readonly Case[]) {
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
  const matched = new Set<number>();
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
