// A re-run of the import as a three-way merge (decision 0013). The metadata keeps, per imported case,
// its source row's identity (sheet, row, the values it brought) and the last imported value of every
// input cell. A re-run finds each source row's case by that identity, so a coordinator's correction of
// CPR, Enhed or Indskrevet in Sager never turns the case into a new one, and then merges cell by cell:
// only the source changed -> update; only Sager changed -> keep Sager; both -> keep Sager and say so in
// Problemer with both values. The Log says what changed from what to what, never a CPR or a name.
// Pure: no file, no Excel.
import { danishDate } from "../domain/dates";
import type { Case } from "../domain/model";
import { isLoggableColumn, LOG_ACTIONS, type LogEntry } from "../workbook/audit-log";
import { TABLES } from "../workbook/contract";
import type { Scalar } from "../workbook/plan";
import { existingMatcher, type CaseMerger, type ConvertResult, type MergeRow } from "./convert";
import { FIELDS, FIELD_BY_KEY, FIELD_INDEX, type CaseKey } from "./fields";
import type { Finding } from "./findings";

/** The metadata key of the imported cases' identities and last imported values. */
export const IMPORTED_KEY = "imported";
export const IMPORTED_VERSION = 1;

/**
 * As stored in the metadata: the Sager columns the values follow, the source sheets, and per imported
 * case [Sags-ID, sheet index, 1-based source row, one value per column (null: the column was not mapped)].
 * CPR, names and every other column the Log may not show are kept as a digest, never readable.
 */
export interface ImportedState {
  version: typeof IMPORTED_VERSION;
  fields: string[];
  sheets: string[];
  cases: [string, number, number, (Token | null)[]][];
}

/** A cell's stored form: "" when empty, the value, or a digest ("#…") for the columns the Log may not show. */
export type Token = string | number;
/** One stored form per field, in FIELDS order (null: not mapped), as stored. An array: rows are many. */
type Tokens = (Token | null)[];
const I = FIELD_INDEX;

/** One imported case's identity: where its row stood and what it held when last imported. */
interface SourceRecord {
  sagsId: string;
  sheet: string | null;
  row: number;
  tokens: Tokens;
}

const MERGED: readonly CaseKey[] = FIELDS.map((f) => f.key).filter((k) => k !== "sagsId");
const SENSITIVE: ReadonlySet<CaseKey> = new Set(FIELDS.filter((f) => !isLoggableColumn(TABLES.sager, f.column)).map((f) => f.key));

/**
 * FNV-1a, 32 bits: enough to tell a changed value, not to read it. Written in base 36 behind "#", so
 * that no digest is ten digits a privacy scan would take for a CPR number.
 */
function digest(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `#${(h >>> 0).toString(36)}`;
}

/** The stored form of a cell: "" when empty, the value, or a digest for the columns the Log may not show. */
export function cellToken(key: CaseKey, v: Scalar | undefined): Token {
  if (v === null || v === undefined || v === "") return "";
  if (SENSITIVE.has(key)) return digest(typeof v === "string" ? v : String(v));
  return typeof v === "boolean" ? (v ? "SAND" : "FALSK") : v;
}

// ---------------------------------------------------------------- the stored state

/** The imported cases from the metadata, or null when missing or not valid (a workbook of an older version). */
export function importedStateOf(metadata: Record<string, unknown> | null): SourceRecord[] | null {
  const s = metadata?.[IMPORTED_KEY] as Partial<ImportedState> | undefined;
  if (!s || typeof s !== "object" || s.version !== IMPORTED_VERSION) return null;
  const { fields, sheets, cases } = s;
  if (!Array.isArray(fields) || !Array.isArray(sheets) || !Array.isArray(cases)) return null;
  if (!fields.every((f) => typeof f === "string") || !sheets.every((x) => typeof x === "string")) return null;
  const keys = fields.map((f) => FIELDS.find((d) => d.column === f)?.key);
  const out: SourceRecord[] = [];
  for (const c of cases as unknown[]) {
    if (!Array.isArray(c) || c.length !== 4) return null;
    const [sagsId, sheet, row, values] = c as unknown[];
    if (typeof sagsId !== "string" || !Number.isInteger(sheet) || !Number.isInteger(row) || !Array.isArray(values)) return null;
    if ((sheet as number) < 0 || (sheet as number) >= sheets.length || values.length !== fields.length) return null;
    const tokens: Tokens = new Array<Token | null>(FIELDS.length).fill(null);
    values.forEach((v, i) => {
      const key = keys[i];
      if (key !== undefined && (typeof v === "string" || typeof v === "number")) tokens[I[key]] = v;
    });
    out.push({ sagsId, sheet: sheets[sheet as number], row: row as number, tokens });
  }
  return out;
}

function tokensOf(c: Case, unparsed: Partial<Record<CaseKey, string>> | null, mapped: readonly CaseKey[]): Tokens {
  const out: Tokens = new Array<Token | null>(FIELDS.length).fill(null);
  for (const key of mapped) out[I[key]] = cellToken(key, unparsed?.[key] ?? c[key]);
  return out;
}

const mappedKeys = (letters: Partial<Record<CaseKey, string>>): CaseKey[] => MERGED.filter((k) => letters[k] !== undefined);

// ---------------------------------------------------------------- matching

/** Source rows -> records: the same values first, then the most alike (a strict majority of the row's filled cells). */
function matchByValues(
  rows: readonly MergeRow[],
  open: readonly number[],
  records: readonly SourceRecord[],
  claim: (k: number, r: SourceRecord) => boolean
): void {
  if (open.length === 0 || records.length === 0) return;
  const taken = new Set<SourceRecord>();
  const nearest = (list: SourceRecord[], row: number) => {
    let best: SourceRecord | null = null;
    for (const r of list) if (!taken.has(r) && (best === null || Math.abs(r.row - row) < Math.abs(best.row - row))) best = r;
    return best;
  };
  const sheetOf = (r: SourceRecord) => r.sheet ?? "";
  // Rows of one sheet share their mapped columns.
  const bySheet = new Map<string, number[]>();
  for (const k of open) {
    const l = bySheet.get(rows[k].sheet);
    if (l) l.push(k);
    else bySheet.set(rows[k].sheet, [k]);
  }
  for (const [sheet, ks] of bySheet) {
    const fields = mappedKeys(rows[ks[0]].letters);
    const pool = records.filter((r) => r.sheet === null || sheetOf(r) === sheet);
    const tokens = ks.map((k) => tokensOf(rows[k].case, rows[k].unparsed, fields));
    const keyOf = (t: Tokens) => fields.map((f) => t[I[f]] ?? "\u0001").join("\u0000");
    const exact = new Map<string, SourceRecord[]>();
    for (const r of pool) {
      const key = keyOf(r.tokens);
      const l = exact.get(key);
      if (l) l.push(r);
      else exact.set(key, [r]);
    }
    const left: number[] = [];
    ks.forEach((k, i) => {
      const r = nearest(exact.get(keyOf(tokens[i])) ?? [], rows[k].row + 1);
      if (r && claim(k, r)) taken.add(r);
      else left.push(i);
    });
    if (left.length === 0) continue;
    // The most alike: candidates share at least one uncommon value, or the row's position.
    const index = new Map<string, SourceRecord[]>();
    const atRow = new Map<number, SourceRecord>();
    for (const r of pool) {
      if (taken.has(r)) continue;
      atRow.set(r.row, r);
      for (const f of fields) {
        const t = r.tokens[I[f]];
        if (t === null || t === "") continue;
        const key = `${f}\u0000${t}`;
        const l = index.get(key);
        if (l) l.push(r);
        else index.set(key, [r]);
      }
    }
    for (const i of left) {
      const k = ks[i];
      const t = tokens[i];
      const filled = fields.filter((f) => t[I[f]] !== "");
      const candidates = new Set<SourceRecord>();
      for (const f of filled) {
        const l = index.get(`${f}\u0000${t[I[f]]}`);
        if (l && l.length <= 32) for (const r of l) candidates.add(r);
      }
      const same = atRow.get(rows[k].row + 1);
      if (same) candidates.add(same);
      let best: SourceRecord | null = null;
      let bestScore = 0;
      for (const r of candidates) {
        if (taken.has(r)) continue;
        const score = filled.reduce((n, f) => n + (r.tokens[I[f]] === t[I[f]] ? 1 : 0), 0);
        const closer = best !== null && score === bestScore && Math.abs(r.row - rows[k].row - 1) < Math.abs(best.row - rows[k].row - 1);
        if (score > bestScore || closer) [best, bestScore] = [r, score];
      }
      if (best && bestScore * 2 > filled.length && claim(k, best)) taken.add(best);
    }
  }
}

// ---------------------------------------------------------------- the merge

interface Change {
  j: number;
  key: CaseKey;
  from: Scalar;
  to: Scalar;
  conflict: boolean;
}

const empty = (v: Scalar | undefined) => v === null || v === undefined || v === "";

/** A value as the user reads it (Problemer): dates as dd-mm-åååå. */
function display(key: CaseKey, v: Scalar): string {
  if (empty(v)) return "(tom)";
  if (typeof v === "number" && FIELD_BY_KEY.get(key)?.type === "date") return danishDate(Math.floor(v));
  return String(v);
}

/** A value as the Log may hold it: "tom", "udfyldt" for CPR, names and notes, else the value. */
function logged(key: CaseKey, v: Scalar): string {
  if (empty(v)) return "tom";
  const column = FIELD_BY_KEY.get(key)!.column;
  if (!isLoggableColumn(TABLES.sager, column)) return "udfyldt";
  return display(key, v);
}

export interface RerunMerge {
  /** For ConvertOptions.caseMerger. */
  merger: (cases: readonly Case[], findings: Finding[]) => CaseMerger;
  /** Whether the workbook held the identities (false: converted by an older version, matched the old way once). */
  hadState: boolean;
  /** After the conversion: the Log lines of this re-run, cell by cell. */
  logEntries(result: ConvertResult, time: number): LogEntry[];
  /** Existing cases whose cells this re-run changed. */
  changedCases(): number;
  /** Cells changed both in Sager and in the source (Sager kept, a finding in Problemer). */
  conflicts(): number;
  /** After the conversion: the identities and last imported values to store. */
  state(result: ConvertResult): ImportedState;
}

/**
 * The merge of a re-run. `metadata` is the earlier run's; `tableTexts` holds, per existing case, the
 * text a date cell of Sager holds instead of a date (the case's value there is empty).
 */
export function rerunMerge(metadata: Record<string, unknown> | null, tableTexts: readonly Partial<Record<CaseKey, string>>[] = []): RerunMerge {
  const stored = importedStateOf(metadata);
  const records = stored ?? [];
  const recordById = new Map<string, SourceRecord>();
  for (const r of records) if (!recordById.has(r.sagsId)) recordById.set(r.sagsId, r);
  const sourceTokens = new Map<number, { tokens: Tokens }>();
  const changes: Change[] = [];
  let existingCount = 0;

  const merger = (cases: readonly Case[], findings: Finding[]): CaseMerger => {
    existingCount = cases.length;
    const caseIndex = new Map<string, number>();
    cases.forEach((c, i) => {
      if (!caseIndex.has(c.sagsId)) caseIndex.set(c.sagsId, i);
    });
    const baseOf = new Map<number, SourceRecord>();
    const tableValue = (j: number, key: CaseKey): Scalar => tableTexts[j]?.[key] ?? (cases[j][key] as Scalar);

    return {
      matchAll(rows) {
        const out: number[] = new Array(rows.length).fill(-1);
        const taken = new Set<number>();
        const take = (k: number, j: number | undefined, base: SourceRecord | undefined): boolean => {
          if (j === undefined || j < 0 || taken.has(j)) return false;
          out[k] = j;
          taken.add(j);
          if (base) baseOf.set(j, base);
          return true;
        };
        // 1. The source's own Sags-ID.
        rows.forEach((r, k) => {
          if (r.sourceId) take(k, caseIndex.get(r.case.sagsId), recordById.get(r.case.sagsId));
        });
        // 2. The row's identity from the last import: same sheet, same or most alike values.
        const open = () => rows.map((_, k) => k).filter((k) => out[k] < 0);
        const held = records.filter((r) => caseIndex.has(r.sagsId) && !taken.has(caseIndex.get(r.sagsId)!));
        matchByValues(rows, open(), held, (k, r) => take(k, caseIndex.get(r.sagsId), r));
        // 3. The old way (Sags-ID, CPR + unit + start date), for cases without an identity.
        const old = existingMatcher(cases, taken);
        for (const k of open()) {
          const j = old.match(rows[k].case, rows[k].sourceId);
          if (j < 0) continue;
          out[k] = j;
          const base = recordById.get(cases[j].sagsId);
          if (base) baseOf.set(j, base);
        }
        // 4. Cases without an identity (an older version's import, a form's case), by their values in Sager.
        const bare: SourceRecord[] = cases
          .map((c, j) => ({ c, j }))
          .filter(({ c, j }) => !taken.has(j) && !recordById.has(c.sagsId))
          .map(({ c, j }) => ({ sagsId: c.sagsId, sheet: null, row: j + 2, tokens: tokensOf(c, tableTexts[j] ?? null, MERGED) }));
        matchByValues(rows, open(), bare, (k, r) => take(k, caseIndex.get(r.sagsId), undefined));
        return out;
      },

      merge(j, row) {
        const rec = cases[j] as unknown as Record<CaseKey, Scalar>;
        const base = baseOf.get(j);
        const fields = mappedKeys(row.letters);
        sourceTokens.set(j, { tokens: tokensOf(row.case, row.unparsed, fields) });
        let unparsed: Partial<Record<CaseKey, string>> | null = null;
        for (const key of fields) {
          const src: Scalar = row.unparsed?.[key] ?? (row.case[key] as Scalar);
          const tab = tableValue(j, key);
          const tS = cellToken(key, src);
          const tT = cellToken(key, tab);
          if (tS === tT) continue;
          const tB = base?.tokens[I[key]] ?? undefined;
          let take: boolean;
          if (tB !== undefined) {
            if (tS === tB) continue; // only Sager changed, or nothing
            take = tT === tB; // only the source changed
          } else {
            if (tS === "") continue; // without a base an empty source cell says nothing
            take = tT === "";
          }
          if (take) {
            rec[key] = row.case[key] as Scalar;
            if (row.unparsed?.[key] !== undefined) (unparsed ??= {})[key] = row.unparsed[key];
            changes.push({ j, key, from: tab, to: src, conflict: false });
            continue;
          }
          changes.push({ j, key, from: tab, to: src, conflict: true });
          const field = FIELD_BY_KEY.get(key)!;
          const why =
            tB !== undefined
              ? "Cellen er ændret både i Sager og i kildearket siden sidste import."
              : "Sager og kildearket er forskellige, og der er ingen gemt værdi fra sidste import at afgøre det ud fra (projektmappen er konverteret af en tidligere version, eller cellen er ikke importeret før).";
          findings.push({
            sheet: row.sheet,
            cell: `${row.letters[key]}${row.row + 1}`,
            severity: "advarsel",
            code: tB !== undefined ? "KONFLIKT_KILDE_SAGER" : "FORSKEL_KILDE_SAGER",
            message: `${why} ${field.column} i Sager: '${display(key, tab)}'. I kildearket: '${display(key, src)}'. Værdien i Sager er beholdt; ret cellen i Sager, hvis kildearkets værdi er den rigtige.`,
            original: display(key, src),
          });
        }
        return unparsed;
      },
    };
  };

  return {
    merger,
    hadState: stored !== null,
    changedCases: () => new Set(changes.filter((c) => !c.conflict).map((c) => c.j)).size,
    conflicts: () => changes.filter((c) => c.conflict).length,
    logEntries(result, time) {
      const at = (j: number) => result.cases[j]?.sagsId ?? null;
      const lines: LogEntry[] = [...changes]
        .sort((a, b) => a.j - b.j || FIELDS.findIndex((f) => f.key === a.key) - FIELDS.findIndex((f) => f.key === b.key))
        .map((c) => {
          const column = FIELD_BY_KEY.get(c.key)!.column;
          const from = logged(c.key, c.from);
          const to = logged(c.key, c.to);
          const entry = { time, action: LOG_ACTIONS.import, table: TABLES.sager, key: at(c.j), column };
          if (c.conflict)
            return {
              ...entry,
              from: `Sager: ${from}`,
              to:
                to === "udfyldt" || to === "tom"
                  ? `Sager beholdt; kildearket: ${to === "tom" ? "tom" : "en anden værdi"} (se Problemer)`
                  : `Sager beholdt; kildearket: ${to} (se Problemer)`,
            };
          return { ...entry, from, to: from === "udfyldt" && to === "udfyldt" ? "ændret" : to };
        });
      for (let i = existingCount; i < result.cases.length; i++) {
        if (result.sourceRefs[i])
          lines.push({ time, action: LOG_ACTIONS.import, table: TABLES.sager, key: result.cases[i].sagsId, column: null, from: null, to: "ny række" });
      }
      return lines;
    },
    state(result) {
      return importedState(result, records, sourceTokens);
    },
  };
}

/**
 * The identities to store after a conversion: every case this import read, with the values its source
 * row held (not the merged ones: those are the base of the next re-run), and the earlier identities of
 * cases still in Sager that this import did not read (another sheet, a row since removed).
 */
export function importedState(
  result: ConvertResult,
  earlier: readonly SourceRecord[] = [],
  read: ReadonlyMap<number, { tokens: Tokens }> = new Map()
): ImportedState {
  const sheets: string[] = [];
  const sheetIndex = (s: string) => {
    let i = sheets.indexOf(s);
    if (i < 0) i = sheets.push(s) - 1;
    return i;
  };
  const fields = FIELDS.map((f) => f.column);
  const row = (sagsId: string, sheet: string, at: number, tokens: Tokens): ImportedState["cases"][number] => [sagsId, sheetIndex(sheet), at, tokens];
  const mappedIn = new Map(Object.entries(result.fieldLetters).map(([sheet, letters]) => [sheet, mappedKeys(letters)]));
  const cases: ImportedState["cases"] = [];
  const seen = new Set<string>();
  for (let i = 0; i < result.cases.length; i++) {
    const ref = result.sourceRefs[i];
    if (!ref) continue;
    const c = result.cases[i];
    const tokens = read.get(i)?.tokens ?? tokensOf(c, result.unparsed[i], mappedIn.get(ref.sheet) ?? []);
    cases.push(row(c.sagsId, ref.sheet, ref.row, tokens));
    seen.add(c.sagsId);
  }
  const present = new Set(result.cases.map((c) => c.sagsId));
  for (const r of earlier) {
    if (seen.has(r.sagsId) || !present.has(r.sagsId) || r.sheet === null) continue;
    seen.add(r.sagsId);
    cases.push(row(r.sagsId, r.sheet, r.row, r.tokens));
  }
  return { version: IMPORTED_VERSION, fields, sheets, cases };
}

/** Columns whose stored digests a pseudonymised copy drops: every one the Log may not show. */
export const SENSITIVE_COLUMNS: readonly string[] = FIELDS.filter((f) => SENSITIVE.has(f.key)).map((f) => f.column);

/**
 * The metadata without the stored values of these columns. A pseudonymised or masked copy must not keep
 * a CPR number's or a name's digest: with the birth date left, or a list of names, it could be found again
 * by trying every candidate. A re-run then has no last imported value for them (see the merge).
 */
export function forgetImportedValues(metadata: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
  const s = metadata[IMPORTED_KEY] as ImportedState | undefined;
  if (!s || importedStateOf(metadata) === null) return metadata;
  const drop = s.fields.map((f) => columns.includes(f));
  return {
    ...metadata,
    [IMPORTED_KEY]: { ...s, cases: s.cases.map(([id, sheet, row, values]) => [id, sheet, row, values.map((v, i) => (drop[i] ? null : v))]) },
  };
}
