// The input columns of `Sager` as the import sees them: contract header, Case key and cell type, all
// from the contract's column table (src/workbook/contract.ts).
import type { Case } from "../domain/model";
import { SAGER_INPUT, type ColumnType } from "../workbook/contract";

export type CaseKey = keyof Case;

export interface FieldDef {
  /** Danish header from the contract, e.g. "Udskrivningsårsag". */
  column: string;
  key: CaseKey;
  type: ColumnType;
  /** For enum and yes/no columns: the list name in the contract. */
  list?: string;
}

/** The contract's columns of `Sager`, each with the Case field it holds. */
export const FIELDS: readonly FieldDef[] = SAGER_INPUT.map((c) => ({ column: c.name, key: c.field, type: c.type, list: c.list }));

export const FIELD_BY_COLUMN: ReadonlyMap<string, FieldDef> = new Map(FIELDS.map((f) => [f.column, f]));
export const FIELD_BY_KEY: ReadonlyMap<CaseKey, FieldDef> = new Map(FIELDS.map((f) => [f.key, f]));

/** Position of each field in FIELDS, for building cases from a values array. */
export const FIELD_INDEX: Readonly<Record<CaseKey, number>> = Object.fromEntries(FIELDS.map((f, i) => [f.key, i])) as Record<CaseKey, number>;

const I = FIELD_INDEX;

/**
 * A case from values in FIELDS order (undefined = empty). One object literal with a fixed shape:
 * the import builds one per source row, and setting fields by computed name would be far slower.
 */
export function caseFromValues(v: readonly (string | number | null | undefined)[]): Case {
  return {
    sagsId: (v[I.sagsId] as string | undefined) ?? "",
    cpr: (v[I.cpr] as string | undefined) ?? null,
    navn: (v[I.navn] as string | undefined) ?? null,
    enhed: (v[I.enhed] as string | undefined) ?? "",
    lovgrundlag: (v[I.lovgrundlag] as string | undefined) ?? null,
    pladstype: (v[I.pladstype] as string | undefined) ?? null,
    henviser: (v[I.henviser] as string | undefined) ?? null,
    visitationsdato: (v[I.visitationsdato] as number | undefined) ?? null,
    indskrevet: (v[I.indskrevet] as number | undefined) ?? null,
    udskrevet: (v[I.udskrevet] as number | undefined) ?? null,
    udskrivningsaarsag: (v[I.udskrivningsaarsag] as string | undefined) ?? null,
    forsoergelsesgrundlag: (v[I.forsoergelsesgrundlag] as string | undefined) ?? null,
    jobcenterforloeb: (v[I.jobcenterforloeb] as string | undefined) ?? null,
    kontaktperson: (v[I.kontaktperson] as string | undefined) ?? null,
    bemaerkninger: (v[I.bemaerkninger] as string | undefined) ?? null,
  };
}
