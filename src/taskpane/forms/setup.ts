// What the forms take from the setup sheet: units, lists, instrument dimensions, attendance statuses and
// holidays, read from the tables each time a form opens, so a unit or dimension a user adds shows at once.
// A missing setup table falls back to the defaults of docs/domain.md (an older workbook still works).
import { FREMMOEDESTATUSSER } from "../../domain/enums";
import { allPresetDimensions } from "../../domain/instruments";
import type { Holiday, InstrumentDimension } from "../../domain/model";
import { DEFAULT_LISTS } from "../../domain/setup-defaults";
import { distinctUnits, textKey } from "../../domain/text";
import { TABLES } from "../../workbook/contract";
import type { TableContents, WorkbookPort } from "../../ports/workbook-port";
import { hasColumn, num, serialDate, tableRows, text, yes } from "./table-rows";

export interface StatusOption {
  status: string;
  /** One-letter code, upper case (the key that sets it in the attendance form). */
  kode: string;
}

export interface FormSetup {
  units: string[];
  /** Lister columns by list name (e.g. "Henviser"), values in table order. */
  lists: Record<string, string[]>;
  instruments: InstrumentDimension[];
  statuses: StatusOption[];
  holidays: Holiday[];
}

/** The values of a list once each, compared as Excel compares text (domain/text.ts). */
function distinct(values: (string | null)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    if (v === null || seen.has(textKey(v))) continue;
    seen.add(textKey(v));
    out.push(v);
  }
  return out;
}

/** The units of `Enheder`, one spelling each: units compare as one identity (domain/text.ts), as the import's. */
export function unitsFrom(t: TableContents | null): string[] {
  return distinctUnits(tableRows(t).flatMap((r) => text(r.get("Enhed")) ?? []));
}

export function listsFrom(t: TableContents | null): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(DEFAULT_LISTS)) {
    lists[name] = hasColumn(t, name) ? distinct(tableRows(t).map((r) => text(r.get(name)))) : [...values];
  }
  return lists;
}

export function instrumentsFrom(t: TableContents | null): InstrumentDimension[] {
  if (!t) return allPresetDimensions();
  const out: InstrumentDimension[] = [];
  for (const r of tableRows(t)) {
    const instrument = text(r.get("Instrument"));
    const dimension = text(r.get("Dimension"));
    const min = num(r.get("Min"));
    const max = num(r.get("Max"));
    if (!instrument || !dimension || min === null || max === null) continue;
    out.push({
      instrument,
      dimension,
      min,
      max,
      retning: text(r.get("Retning")) ?? "Højere er bedre",
      ikkeRelevant: num(r.get("Ikke relevant")),
      niveauer: text(r.get("Niveauer")),
      prioriteret: yes(r.get("Prioriteret")),
    });
  }
  return out;
}

export function statusesFrom(t: TableContents | null): StatusOption[] {
  if (!t) return FREMMOEDESTATUSSER.map((s) => ({ status: s.status, kode: s.code }));
  const out: StatusOption[] = [];
  for (const r of tableRows(t)) {
    const status = text(r.get("Status"));
    if (!status) continue;
    out.push({ status, kode: (text(r.get("Kode")) ?? "").toUpperCase() });
  }
  return out;
}

export function holidaysFrom(t: TableContents | null): Holiday[] {
  const out: Holiday[] = [];
  for (const r of tableRows(t)) {
    const dato = serialDate(r.get("Dato"));
    if (dato === null) continue;
    out.push({ dato, navn: text(r.get("Navn")) ?? "", type: text(r.get("Type")) ?? "Helligdag" });
  }
  return out;
}

/** Read every setup table the forms use (one read per table). */
export async function loadSetup(port: WorkbookPort): Promise<FormSetup> {
  const [enheder, lister, instrumenter, status, helligdage] = await Promise.all([
    port.readTable(TABLES.enheder),
    port.readTable(TABLES.lister),
    port.readTable(TABLES.instrumenter),
    port.readTable(TABLES.fremmoedestatus),
    port.readTable(TABLES.helligdage),
  ]);
  return {
    units: unitsFrom(enheder),
    lists: listsFrom(lister),
    instruments: instrumentsFrom(instrumenter),
    statuses: statusesFrom(status),
    holidays: holidaysFrom(helligdage),
  };
}
