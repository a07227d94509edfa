// Compares a converted list, as its tables read back from any engine (the plan, an .xlsx file, the
// fake Excel), with what its coordinator meant (src/sample/list-shapes.ts): every citizen once, each
// field as meant, one spelling per unit, kept and not-glued columns, rows kept in Problemer as not
// imported, waiting-list visitations, and no error findings.
import type { ListShape } from "../../src/sample/list-shapes";

export interface TableLike {
  headers: string[];
  rows: unknown[][];
}

export interface ConvertedTables {
  sager: TableLike;
  problemer: TableLike;
  visitationer: TableLike | null;
}

function col(t: TableLike, name: string): number {
  return t.headers.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
}

function nonEmptyRows(t: TableLike): unknown[][] {
  return t.rows.filter((r) => r.some((v) => v !== null && v !== undefined && v !== ""));
}

const serialOf = (v: unknown): number | null => {
  if (v === null || v === undefined || v === "") return null;
  if (v instanceof Date) return Math.round(v.getTime() / 86_400_000 + 25_569);
  return typeof v === "number" ? Math.floor(v) : NaN;
};

/** Every difference between the tables and what was meant (empty when converted as meant). */
export function differences(shape: ListShape, t: ConvertedTables): string[] {
  const out: string[] = [];
  const sager = nonEmptyRows(t.sager);
  const [iNavn, iEnhed, iCpr, iInd, iVis, iId] = ["Navn", "Enhed", "CPR", "Indskrevet", "Visitationsdato", "Sags-ID"].map((h) => col(t.sager, h));
  const meant = shape.meant;
  if (sager.length !== meant.citizens.length) out.push(`${sager.length} sager, ventede ${meant.citizens.length}`);
  for (const c of meant.citizens) {
    const rows = sager.filter((r) => r[iNavn] === c.navn);
    if (rows.length !== 1) {
      out.push(`${c.navn}: ${rows.length} rækker i Sager`);
      continue;
    }
    const r = rows[0];
    if (r[iEnhed] !== c.enhed) out.push(`${c.navn}: Enhed '${String(r[iEnhed])}', ventede '${c.enhed}'`);
    const cpr = r[iCpr] === null || r[iCpr] === undefined || r[iCpr] === "" ? null : String(r[iCpr]).replace(/\D/g, "");
    if (cpr !== c.cpr) out.push(`${c.navn}: CPR ${String(cpr)}, ventede ${String(c.cpr)}`);
    if (serialOf(r[iInd]) !== c.indskrevet) out.push(`${c.navn}: Indskrevet ${String(r[iInd])}, ventede ${String(c.indskrevet)}`);
    if (serialOf(r[iVis]) !== c.visitationsdato) out.push(`${c.navn}: Visitationsdato ${String(r[iVis])}, ventede ${String(c.visitationsdato)}`);
    if (c.foedselsdato !== null) {
      const i = col(t.sager, "Fødselsdato");
      if (i < 0 || serialOf(r[i]) !== c.foedselsdato) out.push(`${c.navn}: Fødselsdato ${i < 0 ? "mangler" : String(r[i])}, ventede ${c.foedselsdato}`);
    }
  }
  const units = [...new Set(sager.map((r) => r[iEnhed]))].sort();
  if (JSON.stringify(units) !== JSON.stringify([...meant.units].sort())) out.push(`enheder ${JSON.stringify(units)}, ventede ${JSON.stringify(meant.units)}`);
  for (const h of meant.keptColumns) if (col(t.sager, h) < 0) out.push(`kolonnen ${h} er ikke bevaret`);
  for (const h of meant.notColumns) if (col(t.sager, h) >= 0) out.push(`kolonnen ${h} er limet på sagerne`);

  const problems = nonEmptyRows(t.problemer);
  const [iAlvor, iKode, iOrig] = ["Alvor", "Kode", "Oprindelig værdi"].map((h) => col(t.problemer, h));
  for (const p of problems) if (p[iAlvor] === "fejl") out.push(`fejl ${String(p[iKode])} (${String(p[iOrig])})`);
  for (const text of meant.notImported)
    if (!problems.some((p) => String(p[iOrig] ?? "").includes(text))) out.push(`'${text}' står ikke i Problemer som ikke importeret`);
  for (const code of meant.findingCodes) if (!problems.some((p) => p[iKode] === code)) out.push(`ingen ${code} i Problemer`);

  const visits = t.visitationer ? nonEmptyRows(t.visitationer) : [];
  const [iBes, iVid] = t.visitationer ? ["Beslutning", "Sags-ID"].map((h) => col(t.visitationer!, h)) : [-1, -1];
  const waiting = visits.filter((v) => v[iBes] === "Venteliste");
  if (waiting.length !== meant.waiting) out.push(`${waiting.length} på venteliste i Visitationer, ventede ${meant.waiting}`);
  const ids = new Set(sager.map((r) => r[iId]));
  for (const v of waiting) if (!ids.has(v[iVid])) out.push(`visitationen for ${String(v[iVid])} peger ikke på en sag`);
  return out;
}
