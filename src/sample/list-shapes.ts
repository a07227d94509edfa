// Seeded generators of small case lists, each kept one way coordinators really keep them (one sheet
// per unit, the unit in a title row or in section rows, Fornavn + Efternavn with a birth date, names
// as "Efternavn, Fornavn", unit spellings with and without the definite article, a summary table
// beside the list, a closing signature line, waiting-list citizens), with what the coordinator meant:
// every citizen once, with the fields the import should give. Deterministic; never Math.random.
import { isModulus11 } from "../domain/cpr";
import { serial } from "../domain/dates";
import type { RawCell, SheetGrid, WorkbookGrids } from "../import/grid";
import { Rng, seededRandom } from "./random";

/** What the coordinator meant one citizen to be. */
export interface MeantCitizen {
  navn: string;
  enhed: string;
  cpr: string | null;
  indskrevet: number | null;
  visitationsdato: number | null;
  /** A birth date kept in its own column (lists without CPR). */
  foedselsdato: number | null;
}

export interface ListShape {
  /** Short Danish-free id, e.g. "sheet-per-unit". */
  id: string;
  /** What the shape is, for test names and reports. */
  title: string;
  grids: WorkbookGrids;
  meant: {
    citizens: MeantCitizen[];
    /** The units as the import should write them (one spelling each). */
    units: string[];
    /** Citizens on the waiting list (a visitation date, no start). */
    waiting: number;
    /** Source columns that must be kept beside the cases. */
    keptColumns: string[];
    /** Headers that must NOT become columns of the cases (a second table's). */
    notColumns: string[];
    /** Rows that are not cases and must be kept in Problemer as not imported (their first text). */
    notImported: string[];
    /** Finding codes that must appear (e.g. the unit spellings merged). */
    findingCodes: string[];
  };
}

const FIRST = ["Anders", "Mette", "Jens", "Hanne", "Peter", "Lone", "Søren", "Birgitte", "Mads", "Camilla", "Ali", "Fatima", "Niels", "Ida", "Åse", "Øjvind"];
const LAST = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Larsen", "Sørensen", "Østergaard", "Ahmed", "Møller", "Kjær", "Holm"];
const DATE = "dd-mm-yyyy";
const pad2 = (n: number) => String(n).padStart(2, "0");

function makeCpr(rng: Rng, birth: { y: number; m: number; d: number }): string {
  for (;;) {
    const seventh = birth.y < 2000 ? rng.int(0, 3) : rng.pick([4, 5, 6, 7, 8, 9]);
    const base = `${pad2(birth.d)}${pad2(birth.m)}${pad2(birth.y % 100)}${seventh}${rng.int(0, 9)}${rng.int(0, 9)}`;
    for (let d = 0; d <= 9; d++) if (isModulus11(base + d)) return base + d;
  }
}

class Sheet {
  cells: RawCell[][] = [];
  numFmts: (string | null)[][] = [];
  constructor(readonly name: string) {}
  row(values: RawCell[], fmts: (string | null)[] = []): number {
    this.cells.push(values);
    this.numFmts.push(values.map((_, i) => fmts[i] ?? null));
    return this.cells.length - 1;
  }
  put(r: number, c: number, v: RawCell, fmt: string | null = null): void {
    while (this.cells.length <= r) this.row([]);
    while (this.cells[r].length <= c) {
      this.cells[r].push(null);
      this.numFmts[r].push(null);
    }
    this.cells[r][c] = v;
    this.numFmts[r][c] = fmt;
  }
  grid(): SheetGrid {
    return { name: this.name, cells: this.cells, numFmts: this.numFmts, merges: [], hiddenRows: [], hiddenCols: [] };
  }
}

interface Person {
  first: string;
  last: string;
  cpr: string;
  birth: number;
  indskrevet: number;
}

function people(rng: Rng, n: number): Person[] {
  const out: Person[] = [];
  const used = new Set<string>();
  while (out.length < n) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    if (used.has(first + last)) continue;
    used.add(first + last);
    const b = { y: rng.int(1965, 2004), m: rng.int(1, 12), d: rng.int(1, 28) };
    out.push({ first, last, cpr: makeCpr(rng, b), birth: serial(b.y, b.m, b.d), indskrevet: serial(rng.int(2021, 2024), rng.int(1, 12), rng.int(1, 28)) });
  }
  return out;
}

const cprText = (cpr: string) => `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
const citizen = (p: Person, enhed: string, extra: Partial<MeantCitizen> = {}): MeantCitizen => ({
  navn: `${p.first} ${p.last}`,
  enhed,
  cpr: p.cpr,
  indskrevet: p.indskrevet,
  visitationsdato: null,
  foedselsdato: null,
  ...extra,
});

const HEADER = ["CPR-nr.", "Navn", "Lovgrundlag", "Startdato"];
const caseRow = (p: Person): RawCell[] => [cprText(p.cpr), `${p.first} ${p.last}`, "§103", p.indskrevet];
const caseFmts = [null, null, null, DATE];

function base(id: string, title: string): ListShape {
  return {
    id,
    title,
    grids: { sheets: [] },
    meant: { citizens: [], units: [], waiting: 0, keptColumns: [], notColumns: [], notImported: [], findingCodes: [] },
  };
}

/** One sheet per unit, named after it; no unit column. */
export function sheetPerUnit(seed: number): ListShape {
  const rng = new Rng(seededRandom(seed));
  const s = base("sheet-per-unit", "én fane pr. enhed");
  const all = people(rng, 12);
  ["Køkkenet", "Gartneriet", "Værksted Nord"].forEach((unit, k) => {
    const sh = new Sheet(unit);
    sh.row(HEADER);
    for (const p of all.slice(k * 4, k * 4 + 4)) {
      sh.row(caseRow(p), caseFmts);
      s.meant.citizens.push(citizen(p, unit));
    }
    s.grids.sheets.push(sh.grid());
    s.meant.units.push(unit);
  });
  return s;
}

/** The unit only in a title row above the header. */
export function unitInTitle(seed: number): ListShape {
  const rng = new Rng(seededRandom(seed));
  const s = base("unit-in-title", "enheden i titelrækken");
  const sh = new Sheet("Aktive");
  sh.row(["Sagsliste – Værksted Nord"]);
  sh.row([]);
  sh.row(HEADER);
  for (const p of people(rng, 8)) {
    sh.row(caseRow(p), caseFmts);
    s.meant.citizens.push(citizen(p, "Værksted Nord"));
  }
  s.grids.sheets.push(sh.grid());
  s.meant.units.push("Værksted Nord");
  return s;
}

/** Unit section rows inside the list ("KØKKENET"), no unit column. */
export function unitSections(seed: number): ListShape {
  const rng = new Rng(seededRandom(seed));
  const s = base("unit-sections", "enhederne som sektionsrækker");
  const sh = new Sheet("Sagsliste");
  sh.row(HEADER);
  const all = people(rng, 10);
  const groups: [string, string, Person[]][] = [
    ["KØKKENET", "Køkkenet", all.slice(0, 4)],
    ["GARTNERIET", "Gartneriet", all.slice(4, 7)],
    ["CAFÉEN", "Caféen", all.slice(7)],
  ];
  for (const [label, unit, ps] of groups) {
    sh.row([label]);
    for (const p of ps) {
      sh.row(caseRow(p), caseFmts);
      s.meant.citizens.push(citizen(p, unit));
    }
    s.meant.units.push(unit);
  }
  s.grids.sheets.push(sh.grid());
  return s;
}

/** Fornavn and Efternavn in two columns and a birth date instead of a CPR (an Excel table in the file). */
export function firstLastBirth(seed: number): ListShape {
  const rng = new Rng(seededRandom(seed));
  const s = base("first-last-birth", "Fornavn + Efternavn og Fødselsdato");
  const sh = new Sheet("Deltagere");
  sh.row(["Fornavn", "Efternavn", "Fødselsdato", "Enhed", "Startdato"]);
  for (const p of people(rng, 9)) {
    sh.row([p.first, p.last, p.birth, "Kilen", p.indskrevet], [null, null, DATE, null, DATE]);
    s.meant.citizens.push(citizen(p, "Kilen", { cpr: null, foedselsdato: p.birth }));
  }
  s.grids.sheets.push(sh.grid());
  s.meant.units.push("Kilen");
  s.meant.keptColumns.push("Fornavn", "Efternavn", "Fødselsdato");
  return s;
}

/** Names as "Efternavn, Fornavn" in one cell. */
export function lastCommaFirst(seed: number): ListShape {
  const rng = new Rng(seededRandom(seed));
  const s = base("last-comma-first", '"Efternavn, Fornavn" i én celle');
  const sh = new Sheet("Sagsliste");
  sh.row(["CPR-nr.", "Efternavn, fornavn", "Enhed", "Startdato"]);
  for (const p of people(rng, 8)) {
    sh.row([cprText(p.cpr), `${p.last}, ${p.first}`, "Cykelværkstedet", p.indskrevet], [null, null, null, DATE]);
    s.meant.citizens.push(citizen(p, "Cykelværkstedet"));
  }
  s.grids.sheets.push(sh.grid());
  s.meant.units.push("Cykelværkstedet");
  return s;
}

/** Unit spellings with and without the definite article, and with and without a space. */
export function unitSpellings(seed: number): ListShape {
  const rng = new Rng(seededRandom(seed));
  const s = base("unit-spellings", "enhedsnavne med og uden bestemt form");
  const sh = new Sheet("Sagsliste");
  sh.row(["CPR-nr.", "Navn", "Enhed", "Startdato"]);
  // The first spelling of each unit is written on most rows: the import keeps it.
  const units: [string, string[]][] = [
    ["Køkkenet", ["Køkkenet", "Køkkenet", "Køkkenet", "Køkken", "køkkenet"]],
    ["Gartneriet", ["Gartneriet", "Gartneriet", "Gartneri", "gartneriet "]],
    ["Kilen Syd", ["Kilen Syd", "Kilen Syd", "KilenSyd"]],
  ];
  const all = people(rng, 12);
  let k = 0;
  for (const [unit, spellings] of units) {
    for (const spelling of spellings) {
      const p = all[k++];
      sh.row([cprText(p.cpr), `${p.first} ${p.last}`, spelling, p.indskrevet], [null, null, null, DATE]);
      s.meant.citizens.push(citizen(p, unit));
    }
    s.meant.units.push(unit);
  }
  s.grids.sheets.push(sh.grid());
  s.meant.findingCodes.push("ENHED_STAVEMAADE");
  return s;
}

/** A small summary table beside the list, separated by an empty column. */
export function summaryBeside(seed: number): ListShape {
  const rng = new Rng(seededRandom(seed));
  const s = base("summary-beside", "en opsummeringstabel ved siden af listen");
  const sh = new Sheet("Sagsliste");
  sh.row(["CPR-nr.", "Navn", "Enhed", "Startdato"]);
  const all = people(rng, 10);
  all.forEach((p, i) => {
    const unit = i % 2 ? "Kilen" : "Pakkeriet";
    sh.row([cprText(p.cpr), `${p.first} ${p.last}`, unit, p.indskrevet], [null, null, null, DATE]);
    s.meant.citizens.push(citizen(p, unit));
  });
  sh.put(0, 5, "Enhed");
  sh.put(0, 6, "Antal");
  sh.put(1, 5, "Kilen");
  sh.put(1, 6, 5);
  sh.put(2, 5, "Pakkeriet");
  sh.put(2, 6, 5);
  sh.put(3, 5, "I alt");
  sh.put(3, 6, 10);
  s.grids.sheets.push(sh.grid());
  s.meant.units.push("Pakkeriet", "Kilen");
  s.meant.notColumns.push("Antal", "Enhed (kilde)", "Kolonne F", "Kolonne G");
  s.meant.findingCodes.push("ANDEN_TABEL");
  return s;
}

/** A closing line and a signature under the list. */
export function closingLine(seed: number): ListShape {
  const rng = new Rng(seededRandom(seed));
  const s = base("closing-line", "en afsluttende linje under listen");
  const sh = new Sheet("Sagsliste");
  sh.row(["CPR-nr.", "Navn", "Enhed", "Startdato"]);
  for (const p of people(rng, 8)) {
    sh.row([cprText(p.cpr), `${p.first} ${p.last}`, "Kilen", p.indskrevet], [null, null, null, DATE]);
    s.meant.citizens.push(citizen(p, "Kilen"));
  }
  sh.row([]);
  sh.row(["Udarbejdet af koordinator Hanne Holm, 30.06.2024"]);
  sh.row(["Opdateret 1/7 – HH"]);
  s.grids.sheets.push(sh.grid());
  s.meant.units.push("Kilen");
  s.meant.notImported.push("Udarbejdet af koordinator Hanne Holm, 30.06.2024", "Opdateret 1/7 – HH");
  return s;
}

/** Waiting-list citizens: a visitation date, no start. */
export function waitingList(seed: number): ListShape {
  const rng = new Rng(seededRandom(seed));
  const s = base("waiting-list", "borgere på venteliste");
  const sh = new Sheet("Sagsliste");
  sh.row(["CPR-nr.", "Navn", "Enhed", "Visitationsdato", "Startdato"]);
  people(rng, 10).forEach((p, i) => {
    const visit = p.indskrevet - 30;
    const waiting = i % 3 === 0;
    sh.row([cprText(p.cpr), `${p.first} ${p.last}`, "Kilen", visit, waiting ? null : p.indskrevet], [null, null, null, DATE, DATE]);
    s.meant.citizens.push(citizen(p, "Kilen", { visitationsdato: visit, indskrevet: waiting ? null : p.indskrevet }));
    if (waiting) s.meant.waiting++;
  });
  s.grids.sheets.push(sh.grid());
  s.meant.units.push("Kilen");
  return s;
}

/** Every shape of this module, seeded. */
export function listShapes(seed: number): ListShape[] {
  return [sheetPerUnit, unitInTitle, unitSections, firstLastBirth, lastCommaFirst, unitSpellings, summaryBeside, closingLine, waitingList].map((f, i) =>
    f(seed + i)
  );
}
