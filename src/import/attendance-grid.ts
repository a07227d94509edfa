// Attendance grids (citizens down, dates across, codes or words in the cells) -> one Attendance row
// per citizen and day, linked to the case by CPR, Sags-ID or name. Codes are read by the code book
// (attendance-codes.ts): ticks mean present, a unit's own codes are proposed with a confidence.
import { parseCpr } from "../domain/cpr";
import type { Attendance, Case } from "../domain/model";
import { columnLetters } from "../workbook/plan";
import type { AttendanceRegisterRegion } from "./attendance-register";
import type { AttendanceGridRegion } from "./detect";
import { cellAt, isBlank } from "./detect";
import type { Finding } from "./findings";
import type { SheetGrid } from "./grid";
import { unitKey } from "./normalise";
import type { CodeBook } from "./attendance-codes";

const MONTH_NAMES = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

export interface CaseIndex {
  byCpr: Map<string, Case[]>;
  byId: Map<string, Case>;
  byName: Map<string, Case[]>;
}

export function buildCaseIndex(cases: readonly Case[]): CaseIndex {
  const byCpr = new Map<string, Case[]>();
  const byId = new Map<string, Case>();
  const byName = new Map<string, Case[]>();
  const push = (m: Map<string, Case[]>, k: string, c: Case) => {
    const l = m.get(k);
    if (l) l.push(c);
    else m.set(k, [c]);
  };
  for (const c of cases) {
    if (!byId.has(c.sagsId)) byId.set(c.sagsId, c);
    if (c.cpr) push(byCpr, c.cpr, c);
    if (c.navn) push(byName, unitKey(c.navn), c);
  }
  return { byCpr, byId, byName };
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

export interface AttendanceGridResult {
  attendance: Attendance[];
  findings: Finding[];
  cells: number;
  unknownCodes: number;
  unlinkedRows: number;
}

export function readAttendanceGrid(grid: SheetGrid, region: AttendanceGridRegion, index: CaseIndex, codes: CodeBook): AttendanceGridResult {
  const attendance: Attendance[] = [];
  const findings: Finding[] = [];
  let cells = 0;
  let unknownCodes = 0;
  let unlinkedRows = 0;
  const letters = region.dateColumns.map((d) => columnLetters(d.index));
  if (region.monthFrom) {
    const { month, year, source } = region.monthFrom;
    findings.push({
      sheet: region.sheet,
      cell: `${letters[0]}${region.headerRow + 1}`,
      severity: "advarsel",
      code: "FREMMOEDE_MAANED_UDLEDT",
      message: `Kolonnerne har kun dagnumre. Måneden er læst som ${MONTH_NAMES[month - 1]} ${year} fra ${source}. Kontrollér, at det er rigtigt.`,
      original: null,
    });
  }
  for (const r of region.dataRows) {
    let candidates: readonly Case[] | null = null;
    let keyText = "";
    let keyCell = "";
    for (const k of region.keyColumns) {
      const v = cellAt(grid, r, k.index);
      if (isBlank(v)) continue;
      keyText ||= String(v).trim();
      keyCell ||= `${columnLetters(k.index)}${r + 1}`;
      if (k.key === "cpr") {
        const p = typeof v === "string" || typeof v === "number" ? parseCpr(v) : null;
        const found = p && p.ok ? index.byCpr.get(p.cpr) : undefined;
        if (found) candidates = found;
      } else if (k.key === "sagsId") {
        const found = index.byId.get(String(v).trim());
        if (found) candidates = [found];
      } else {
        const found = index.byName.get(unitKey(String(v)));
        if (found && !candidates) candidates = found;
      }
      if (candidates) break;
    }
    const hasCodes = region.dateColumns.some((d) => !isBlank(cellAt(grid, r, d.index)));
    if (!candidates) {
      if (hasCodes) {
        unlinkedRows++;
        findings.push({
          sheet: region.sheet,
          cell: keyCell || `A${r + 1}`,
          severity: "fejl",
          code: "FREMMOEDE_UKENDT_BORGER",
          message:
            "Borgeren i fremmødearket findes ikke i sagslisten (hverken på CPR, Sags-ID eller navn). Ret CPR-nummeret eller navnet, så det svarer til sagen.",
          original: keyText || null,
        });
      }
      continue;
    }
    region.dateColumns.forEach((d, i) => {
      const v = cellAt(grid, r, d.index);
      if (isBlank(v)) return;
      cells++;
      const text = String(v).trim();
      // Unknown codes are kept verbatim (reported once per code by the code book), never dropped.
      const known = codes.read(text, region.sheet, `${letters[i]}${r + 1}`);
      if (!known) unknownCodes++;
      const status = known ?? text;
      const c = caseOn(candidates!, d.date);
      attendance.push({ sagsId: c.sagsId, dato: d.date, status, bemaerkning: null });
    });
  }
  return { attendance, findings, cells, unknownCodes, unlinkedRows };
}

/** Every non-blank status cell of an attendance sheet (grid or register), as text and address. */
export function statusCells(grid: SheetGrid, region: AttendanceGridRegion | AttendanceRegisterRegion, visit: (text: string, cell: string) => void): void {
  if (region.kind === "fremmoederegister") {
    const c = region.statusColumn.index;
    for (const r of region.dataRows) {
      const v = cellAt(grid, r, c);
      if (!isBlank(v)) visit(String(v).trim(), `${columnLetters(c)}${r + 1}`);
    }
    return;
  }
  for (const r of region.dataRows)
    for (const d of region.dateColumns) {
      const v = cellAt(grid, r, d.index);
      if (!isBlank(v)) visit(String(v).trim(), `${columnLetters(d.index)}${r + 1}`);
    }
}
