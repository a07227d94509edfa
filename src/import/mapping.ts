// Column mapping: which source column feeds which `Sager` column, with a confidence 0..1 and a
// Danish reason. Headers decide first; the content confirms, vetoes or (for CPR and lists) decides.
// The mapping is plain data, stored in the workbook's metadata and reused; the user may override it.
import { parseCpr } from "../domain/cpr";
import { FIELDS, FIELD_BY_COLUMN, type FieldDef } from "./fields";
import type { SheetGrid } from "./grid";
import type { CaseListRegion, RegionColumn } from "./detect";
import { cellAt, isBlank } from "./detect";
import { headerCandidates } from "./header-match";
import { compact, normaliseHeader, normaliseValue } from "./normalise";
import { parseDateCell, parseYesNoCell } from "./parse";
import { isMaskedCpr, parsePeriodText } from "./values-as-meant";
import { buildListLookup, ENUM_LISTS, type ListLookup } from "./synonyms";
import { ImportError } from "./errors";
import type { FillMeaning } from "./fill-meaning";

export interface ColumnMapping {
  sheet: string;
  /** 0-based source column. */
  index: number;
  letter: string;
  header: string;
  /** Contract column of `Sager` (e.g. "Indskrevet"), or null: kept verbatim as an extra column. */
  target: string | null;
  confidence: number;
  reason: string;
  /** An unmapped column's best candidate below the automatic threshold, for the finding that names it. */
  guess?: { column: string; confidence: number };
}

export interface Mapping {
  version: 1;
  columns: ColumnMapping[];
  /** Row colours and what they mean (proposed, or confirmed by the user). */
  fills?: FillMeaning[];
}

/**
 * The user's choices, by source header (any spelling; compared normalised) or by "Ark!B" for one
 * sheet's column. The value is a `Sager` column name, or null to keep the column as it is.
 */
export type MappingOverrides = Record<string, string | null>;

export interface MappingOptions {
  /** A mapping stored earlier: reused for columns with the same header. */
  saved?: Mapping;
  overrides?: MappingOverrides;
  /** Extra list values the user added in `Lister`, by list name. */
  lists?: Record<string, readonly string[]>;
}

/** The reason of a column the user mapped (or kept as it is) by hand. */
export const USER_CHOICE = "Valgt af brugeren.";

/** Below this a column is not mapped automatically (it is kept as an extra column instead). */
export const MIN_CONFIDENCE = 0.5;
const SAMPLE_ROWS = 300;

interface Profile {
  nonEmpty: number;
  cpr: number;
  date: number;
  /** Cells holding a period in one ("01.02.2023 - 31.12.2023"). */
  period: number;
  yesNo: number;
  lists: Map<string, number>;
}

const lookupCache = new Map<string, ListLookup>();
/** One lookup per list (memoised, so parse caches keyed by lookup stay warm across calls). */
export function lookupFor(list: string, extra: readonly string[] | undefined): ListLookup {
  if (extra && extra.length) return buildListLookup(list, extra);
  let l = lookupCache.get(list);
  if (!l) lookupCache.set(list, (l = buildListLookup(list)));
  return l;
}

function profile(grid: SheetGrid, region: CaseListRegion, col: number, lists: Record<string, readonly string[]>): Profile {
  const p: Profile = { nonEmpty: 0, cpr: 0, date: 0, period: 0, yesNo: 0, lists: new Map() };
  const rows = region.dataRows;
  const step = Math.max(1, Math.floor(rows.length / SAMPLE_ROWS));
  for (let i = 0; i < rows.length; i += step) {
    const r = rows[i];
    const v = cellAt(grid, r, col);
    if (isBlank(v)) continue;
    p.nonEmpty++;
    if ((typeof v === "string" || typeof v === "number") && (parseCpr(v).ok || (typeof v === "string" && isMaskedCpr(v)))) p.cpr++;
    else {
      const d = parseDateCell(v, grid.numFmts?.[r]?.[col] ?? null);
      if (d.kind === "value" && d.value !== null && !d.note) p.date++;
      else if (typeof v === "string" && parsePeriodText(v)) p.period++;
    }
    const yn = parseYesNoCell(v);
    if (yn.kind === "value" && yn.value !== null) p.yesNo++;
    if (typeof v === "string") {
      for (const list of ENUM_LISTS) {
        // Content sniffing counts exact spellings only: near matches are for cells, not for deciding columns.
        const lookup = lookupFor(list, lists[list]);
        const n = normaliseValue(v);
        if (n !== "" && (lookup.exact.has(n) || lookup.exact.has(compact(n)))) p.lists.set(list, (p.lists.get(list) ?? 0) + 1);
      }
    }
  }
  return p;
}

function typedShare(p: Profile, f: FieldDef): number | null {
  if (p.nonEmpty < 3) return null;
  switch (f.type) {
    case "cpr":
      return p.cpr / p.nonEmpty;
    case "date":
      return (f.key === "indskrevet" ? p.date + p.period : p.date) / p.nonEmpty;
    case "yesno":
      return p.yesNo / p.nonEmpty;
    case "enum":
      return (p.lists.get(f.list ?? "") ?? 0) / p.nonEmpty;
    default:
      return null;
  }
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
/** Date columns that are not about the enrolment: birth dates, meetings, follow-ups. */
const RE_NOT_ENROLMENT = /f(ø|oe)d|birth|alder|møde|moede|opfølg|opfolg|samtale|revurd|status|visit|bevil/i;

interface Candidate {
  col: number;
  column: string;
  score: number;
  reason: string;
}

function candidatesFor(col: RegionColumn, p: Profile): Candidate[] {
  const byColumn = new Map<string, Candidate>();
  const offer = (column: string, score: number, reason: string) => {
    const prev = byColumn.get(column);
    if (!prev || score > prev.score) byColumn.set(column, { col: col.index, column, score, reason });
  };
  // A two-row header is judged as a whole, then by its lower cell, then by its group cell.
  const texts: [string, number][] = [[col.header, 1]];
  if (col.child && col.parent) texts.push([col.child, 0.98], [col.parent, 0.7]);
  for (const [text, factor] of texts) {
    if (!text) continue;
    for (const h of headerCandidates(text)) offer(h.column, h.score * factor, h.reason);
  }
  // A header that is the contract's own name stands, whatever the cells say (free text is read cell by cell).
  const ownName = FIELD_BY_COLUMN.has(col.header.trim()) ? col.header.trim() : null;
  for (const c of byColumn.values()) {
    const f = FIELD_BY_COLUMN.get(c.column)!;
    const share = typedShare(p, f);
    if (share === null) continue;
    if (share < 0.3 && c.column === ownName) continue;
    if (share < 0.3) {
      c.score *= 0.6;
      c.reason += ` Men kun ${pct(share)} af cellerne passer til kolonnetypen.`;
    } else if (share >= 0.8) {
      c.score = Math.min(1, c.score + 0.05);
      c.reason += ` Indholdet passer (${pct(share)}).`;
    }
  }
  if (p.nonEmpty >= 3) {
    const cprShare = p.cpr / p.nonEmpty;
    if (cprShare >= 0.6) offer("CPR", 0.5 + 0.4 * cprShare, `${pct(cprShare)} af cellerne er CPR-numre.`);
    let bestList: string | null = null;
    let bestShare = 0;
    let tie = false;
    for (const [list, n] of p.lists) {
      const share = n / p.nonEmpty;
      if (share > bestShare) {
        bestList = list;
        bestShare = share;
        tie = false;
      } else if (share === bestShare) tie = true;
    }
    if (bestList && !tie && bestShare >= 0.6) {
      const field = FIELDS.find((f) => f.list === bestList)!;
      offer(field.column, 0.55 + 0.3 * bestShare, `${pct(bestShare)} af cellerne er værdier fra listen ${bestList}.`);
    }
    const dateShare = p.date / p.nonEmpty;
    if (dateShare >= 0.8 && !col.header) offer("Indskrevet", 0.4, `${pct(dateShare)} af cellerne er datoer, men kolonnen har ingen overskrift.`);
    const periodShare = p.period / p.nonEmpty;
    if (periodShare >= 0.6)
      offer(
        "Indskrevet",
        0.6 + 0.3 * periodShare,
        `${pct(periodShare)} af cellerne er perioder (fra–til): starten læses som Indskrevet og slutningen som Udskrevet.`
      );
    // Dates under a header no synonym knows ("Første dag", "End date"): proposed, to be confirmed.
    if (dateShare >= 0.8 && col.header && !byColumn.size && !RE_NOT_ENROLMENT.test(col.header)) {
      offer("Indskrevet", 0.55, `${pct(dateShare)} af cellerne er datoer, men overskriften '${col.header.trim()}' er ukendt: foreslået som indskrivningsdato.`);
      offer("Udskrevet", 0.5, `${pct(dateShare)} af cellerne er datoer, men overskriften '${col.header.trim()}' er ukendt: foreslået som udskrivningsdato.`);
    }
  }
  return [...byColumn.values()].map((c) => ({ ...c, score: Math.round(c.score * 100) / 100 }));
}

function overrideFor(overrides: MappingOverrides | undefined, sheet: string, col: RegionColumn): { found: boolean; target: string | null } {
  if (!overrides) return { found: false, target: null };
  const precise = `${sheet}!${col.letter}`;
  if (precise in overrides) return { found: true, target: overrides[precise] };
  const n = normaliseHeader(col.header);
  if (n === "") return { found: false, target: null };
  for (const [key, target] of Object.entries(overrides)) {
    if (!key.includes("!") && normaliseHeader(key) === n) return { found: true, target };
  }
  return { found: false, target: null };
}

function savedFor(saved: Mapping | undefined, sheet: string, col: RegionColumn): ColumnMapping | null {
  if (!saved) return null;
  const n = normaliseHeader(col.header);
  let any: ColumnMapping | null = null;
  for (const m of saved.columns) {
    if (n === "" ? m.letter !== col.letter || m.header !== "" : normaliseHeader(m.header) !== n) continue;
    if (m.sheet === sheet) return m;
    any ??= m;
  }
  return any;
}

function checkTarget(target: string | null, source: string): void {
  if (target !== null && !FIELD_BY_COLUMN.has(target))
    throw new ImportError(
      "UGYLDIG_TILKNYTNING",
      `Kolonnen '${source}' er knyttet til '${target}', som ikke er en kolonne i Sager. Vælg en af: ${FIELDS.map((f) => f.column).join(", ")}.`
    );
}

/** Map one region's columns. Deterministic: ties go to the leftmost column and the contract order. */
export function mapRegion(grid: SheetGrid, region: CaseListRegion, options: MappingOptions = {}): ColumnMapping[] {
  const result = new Map<number, ColumnMapping>();
  const taken = new Set<string>();
  const base = (col: RegionColumn) => ({ sheet: region.sheet, index: col.index, letter: col.letter, header: col.header });

  for (const col of region.columns) {
    const o = overrideFor(options.overrides, region.sheet, col);
    const s = o.found ? null : savedFor(options.saved, region.sheet, col);
    if (!o.found && !s) continue;
    const target = o.found ? o.target : s!.target;
    checkTarget(target, col.header || col.letter);
    if (target !== null && taken.has(target)) continue;
    if (target !== null) taken.add(target);
    result.set(col.index, {
      ...base(col),
      target,
      confidence: 1,
      reason: o.found ? USER_CHOICE : "Samme tilknytning som ved sidste import.",
    });
  }

  const all: Candidate[] = [];
  const bestBelow = new Map<number, Candidate>();
  for (const col of region.columns) {
    if (result.has(col.index)) continue;
    const p = profile(grid, region, col.index, options.lists ?? {});
    for (const c of candidatesFor(col, p)) {
      if (c.score >= MIN_CONFIDENCE) all.push(c);
      const b = bestBelow.get(c.col);
      if (!b || c.score > b.score) bestBelow.set(c.col, c);
    }
  }
  const order = new Map(FIELDS.map((f, i) => [f.column, i]));
  all.sort((a, b) => b.score - a.score || a.col - b.col || order.get(a.column)! - order.get(b.column)!);
  for (const c of all) {
    if (result.has(c.col) || taken.has(c.column)) continue;
    taken.add(c.column);
    const col = region.columns.find((x) => x.index === c.col)!;
    result.set(c.col, { ...base(col), target: c.column, confidence: c.score, reason: c.reason });
  }

  return region.columns.map(
    (col) =>
      result.get(col.index) ?? {
        ...base(col),
        target: null,
        confidence: 0,
        ...(bestBelow.has(col.index) ? { guess: { column: bestBelow.get(col.index)!.column, confidence: bestBelow.get(col.index)!.score } } : {}),
        reason: col.header
          ? `Overskriften '${col.header}' svarer ikke sikkert til en kolonne i Sager; kolonnen bevares som den er.`
          : "Kolonnen har ingen overskrift; den bevares som den er.",
      }
  );
}
