// Attendance registers in long format: one row per citizen and day (Sags-ID, CPR or name; a date;
// a status as a code, a word or a synonym), on one sheet or one per month or unit. Recognised by
// their headers and confirmed by their content; each row becomes one Attendance row linked to its
// case. Citizens no case matches, or several citizens do, are kept in Problemer, never dropped.
import { parseCpr } from "../domain/cpr";
import type { Attendance, Case } from "../domain/model";
import { columnLetters } from "../workbook/plan";
import type { CaseIndex } from "./attendance-grid";
import { proposeStatus, type CodeBook } from "./attendance-codes";
import type { Finding } from "./findings";
import { originalText } from "./findings";
import type { RawCell, SheetGrid } from "./grid";
import { headerCandidates } from "./header-match";
import { normaliseHeader, unitKey } from "./normalise";
import { cellText, parseDateCell } from "./parse";

export type RegisterKey = "cpr" | "navn" | "sagsId";

export interface AttendanceRegisterRegion {
  kind: "fremmoederegister";
  sheet: string;
  sheetIndex: number;
  headerRow: number;
  /** The citizen's columns, best first (Sags-ID, CPR, then name). */
  keyColumns: { index: number; header: string; key: RegisterKey }[];
  dateColumn: { index: number; header: string };
  statusColumn: { index: number; header: string };
  noteColumn: { index: number; header: string } | null;
  /** 0-based rows holding registrations. */
  dataRows: number[];
}

const SCAN_ROWS = 30;
/** Share of the first rows whose date and status must read as such. */
const CONTENT_SHARE = 0.6;
const SAMPLE_ROWS = 40;

const DATE_HEADERS = new Set(["dato", "dag", "fremmoededato", "registreringsdato", "date", "dato for fremmoede", "fremmoededag"]);
const STATUS_HEADERS = new Set([
  "status",
  "fremmoede",
  "fremmoedestatus",
  "kode",
  "fremmoedekode",
  "registrering",
  "fravaer",
  "fravaerskode",
  "mødt",
  "moedt",
  "tilstede",
  "til stede",
  "fremmoede fravaer",
  "fremmoede status",
]);
const NOTE_HEADERS = new Set(["bemaerkning", "bemaerkninger", "note", "noter", "kommentar", "kommentarer", "notat"]);

const blank = (v: RawCell | undefined): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const at = (grid: SheetGrid, r: number, c: number): RawCell => grid.cells[r]?.[c] ?? null;

function keyOf(text: string): RegisterKey | null {
  const best = headerCandidates(text)[0];
  if (!best || best.score < 0.7) return null;
  return best.column === "CPR" ? "cpr" : best.column === "Navn" ? "navn" : best.column === "Sags-ID" ? "sagsId" : null;
}

const KEY_ORDER: Record<RegisterKey, number> = { sagsId: 0, cpr: 1, navn: 2 };

function dateOf(grid: SheetGrid, r: number, c: number): number | null {
  const v = at(grid, r, c);
  if (blank(v) || typeof v === "boolean") return null;
  const o = parseDateCell(v as string | number, grid.numFmts?.[r]?.[c] ?? null);
  return o.kind === "value" && typeof o.value === "number" ? o.value : null;
}

/** A sheet holding an attendance register in long format, or null. */
export function detectAttendanceRegister(grid: SheetGrid, sheetIndex: number): AttendanceRegisterRegion | null {
  const scan = Math.min(grid.cells.length, SCAN_ROWS);
  for (let r = 0; r < scan; r++) {
    const row = grid.cells[r] ?? [];
    const keys: AttendanceRegisterRegion["keyColumns"] = [];
    let date: AttendanceRegisterRegion["dateColumn"] | null = null;
    let status: AttendanceRegisterRegion["statusColumn"] | null = null;
    let note: AttendanceRegisterRegion["noteColumn"] = null;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || blank(v)) continue;
      const n = normaliseHeader(v);
      if (!date && DATE_HEADERS.has(n)) date = { index: c, header: v.trim() };
      else if (!status && STATUS_HEADERS.has(n)) status = { index: c, header: v.trim() };
      else if (!note && NOTE_HEADERS.has(n)) note = { index: c, header: v.trim() };
      else {
        const k = keyOf(v);
        if (k && !keys.some((x) => x.key === k)) keys.push({ index: c, header: v.trim(), key: k });
      }
    }
    if (!date || !status || keys.length === 0) continue;
    const dataRows: number[] = [];
    for (let rr = r + 1; rr < grid.cells.length; rr++) {
      if (keys.some((k) => !blank(at(grid, rr, k.index))) || !blank(at(grid, rr, date.index))) dataRows.push(rr);
    }
    // The content must read as dates and statuses: a case list with a "Status" column is not a register.
    const sample = dataRows.slice(0, SAMPLE_ROWS);
    if (sample.length === 0) continue;
    let dates = 0;
    let statuses = 0;
    for (const rr of sample) {
      if (dateOf(grid, rr, date.index) !== null) dates++;
      const s = at(grid, rr, status.index);
      if (!blank(s) && proposeStatus(String(s)).status !== null) statuses++;
    }
    if (dates < sample.length * CONTENT_SHARE || statuses < sample.length * CONTENT_SHARE) continue;
    keys.sort((a, b) => KEY_ORDER[a.key] - KEY_ORDER[b.key]);
    return {
      kind: "fremmoederegister",
      sheet: grid.name,
      sheetIndex,
      headerRow: r,
      keyColumns: keys,
      dateColumn: date,
      statusColumn: status,
      noteColumn: note,
      dataRows,
    };
  }
  return null;
}

export interface RegisterResult {
  attendance: Attendance[];
  findings: Finding[];
  /** Rows read (with a citizen and a date). */
  rows: number;
  /** Rows whose citizen no case matches, or several do. */
  unlinkedRows: number;
}

/** Among a citizen's cases, the one enrolled on the date; else the latest enrolled before it; else the first. */
function caseOn(cases: readonly Case[], date: number): Case {
  let before: Case | null = null;
  for (const c of cases) {
    if (c.indskrevet !== null && c.indskrevet <= date && (c.udskrevet === null || c.udskrevet >= date)) return c;
    if (c.indskrevet !== null && c.indskrevet <= date && (!before || c.indskrevet > before.indskrevet!)) before = c;
  }
  return before ?? cases[0];
}

/** Distinct citizens among cases: by CPR where known, else by the case itself. */
function citizens(cases: readonly Case[]): number {
  return new Set(cases.map((c) => c.cpr ?? `\u0000${c.sagsId}`)).size;
}

interface Unlinked {
  cell: string;
  text: string;
  rows: number;
  ambiguous: boolean;
}

/** Read a register's rows into Attendance, linking each to its case; statuses through the shared code book. */
export function readAttendanceRegister(grid: SheetGrid, region: AttendanceRegisterRegion, index: CaseIndex, codes: CodeBook): RegisterResult {
  const attendance: Attendance[] = [];
  const findings: Finding[] = [];
  const unlinked = new Map<string, Unlinked>();
  let rows = 0;
  let unlinkedRows = 0;
  const dateLetter = columnLetters(region.dateColumn.index);
  const statusLetter = columnLetters(region.statusColumn.index);
  for (const r of region.dataRows) {
    // The citizen: the first key column that finds a case decides.
    let candidates: readonly Case[] | null = null;
    let ambiguous = false;
    let keyText = "";
    let keyCell = "";
    for (const k of region.keyColumns) {
      const v = at(grid, r, k.index);
      if (blank(v)) continue;
      keyText ||= String(v).trim();
      keyCell ||= `${columnLetters(k.index)}${r + 1}`;
      let found: readonly Case[] | undefined;
      if (k.key === "sagsId") {
        const c = index.byId.get(String(v).trim());
        found = c ? [c] : undefined;
      } else if (k.key === "cpr") {
        const p = typeof v === "string" || typeof v === "number" ? parseCpr(v) : null;
        found = p && p.ok ? index.byCpr.get(p.cpr) : undefined;
      } else {
        found = index.byName.get(unitKey(String(v)));
        // One name, several citizens: which one is meant cannot be told from the name.
        if (found && citizens(found) > 1) {
          ambiguous = true;
          found = undefined;
        }
      }
      if (found) {
        candidates = found;
        ambiguous = false;
        break;
      }
    }
    const dateRaw = at(grid, r, region.dateColumn.index);
    const statusRaw = at(grid, r, region.statusColumn.index);
    if (blank(dateRaw) && blank(statusRaw)) continue;
    rows++;
    if (!candidates) {
      unlinkedRows++;
      const key = `${ambiguous ? "a" : "u"}\u0000${unitKey(keyText)}`;
      const u = unlinked.get(key);
      if (u) u.rows++;
      else unlinked.set(key, { cell: keyCell || `A${r + 1}`, text: keyText, rows: 1, ambiguous });
      continue;
    }
    const date = dateOf(grid, r, region.dateColumn.index);
    if (date === null) {
      findings.push({
        sheet: region.sheet,
        cell: `${dateLetter}${r + 1}`,
        severity: "fejl",
        code: "FREMMOEDE_DATO_UGYLDIG",
        message: "Datoen kan ikke læses, så registreringen er ikke importeret. Skriv datoen som dd-mm-åååå.",
        original: blank(dateRaw) ? null : cellText(dateRaw as string | number | boolean, grid.numFmts?.[r]?.[region.dateColumn.index] ?? null),
      });
      continue;
    }
    if (blank(statusRaw)) {
      findings.push({
        sheet: region.sheet,
        cell: `${statusLetter}${r + 1}`,
        severity: "advarsel",
        code: "FREMMOEDE_STATUS_MANGLER",
        message: "Registreringen har ingen status og er ikke importeret. Udfyld status, hvis dagen skal tælle med.",
        original: null,
      });
      continue;
    }
    const text = String(originalText(statusRaw)).trim();
    const status = codes.read(text, region.sheet, `${statusLetter}${r + 1}`) ?? text;
    const noteRaw = region.noteColumn ? at(grid, r, region.noteColumn.index) : null;
    attendance.push({ sagsId: caseOn(candidates, date).sagsId, dato: date, status, bemaerkning: blank(noteRaw) ? null : String(noteRaw).trim() });
  }
  for (const u of unlinked.values()) {
    const n = `${u.rows} ${u.rows === 1 ? "registrering" : "registreringer"}`;
    findings.push({
      sheet: region.sheet,
      cell: u.cell,
      severity: "fejl",
      code: u.ambiguous ? "FREMMOEDE_TVETYDIG_BORGER" : "FREMMOEDE_UKENDT_BORGER",
      message: u.ambiguous
        ? `Navnet passer på flere borgere i sagslisten, så ${n} er ikke importeret. Brug Sags-ID eller CPR i fremmødearket.`
        : `Borgeren findes ikke i sagslisten (hverken på Sags-ID, CPR eller navn), så ${n} er ikke importeret. Ret Sags-ID, CPR eller navnet, så det svarer til sagen, og importér igen.`,
      original: u.text || null,
    });
  }
  return { attendance, findings, rows, unlinkedRows };
}
