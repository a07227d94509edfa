// A seeded generator of realistic, messy case lists (sagslister) as grids, with the ground truth
// the property tests check the import against: which rows hold cases and what each cell means.
// Deterministic: a small PRNG (mulberry32) seeded by the caller; never Math.random.
import { isModulus11 } from "../domain/cpr";
import { serial, ymd } from "../domain/dates";
import type { RawCell, SheetGrid, WorkbookGrids } from "../import/grid";
import { FIELD_BY_COLUMN, type CaseKey } from "../import/fields";
import { Rng, seededRandom } from "./random";

export interface MessyOptions {
  seed: number;
  /** Data rows in total, spread over the sheets. */
  rows: number;
  /** Sheets of the same shape, one per year (default 1). */
  sheets?: number;
  /** Add an attendance grid sheet (citizens down, dates across). */
  withAttendanceGrid?: boolean;
}

/** What a data cell should become: a value, or source text that cannot be parsed. */
export type Expected = string | number | null | { unparsed: string };

export interface MessyTruthSheet {
  name: string;
  headerRows: number[];
  /** 0-based rows holding cases. */
  dataRows: number[];
  /** Per region column: the `Sager` column it means, or null for an extra column. */
  columns: { index: number; header: string; target: string | null }[];
  /** Per data row, what each mapped field should hold (enhed: the unit's base spelling). */
  expected: Partial<Record<CaseKey, Expected>>[];
  totalsRows: number[];
  noteRows: number[];
  blankRows: number[];
  hiddenRows: number[];
}

export interface MessyTruth {
  sheets: MessyTruthSheet[];
  attendance: { sheet: string; headerRow: number; codes: number; unknownCodes: number } | null;
}

export interface MessyCaseList {
  grids: WorkbookGrids;
  truth: MessyTruth;
}

// ---------------------------------------------------------------- vocabulary

const FIRST = [
  "Anders",
  "Mette",
  "Jens",
  "Hanne",
  "Peter",
  "Lone",
  "Søren",
  "Birgitte",
  "Mads",
  "Camilla",
  "Ali",
  "Fatima",
  "Niels",
  "Ida",
  "Morten",
  "Signe",
  "Thomas",
  "Julie",
  "Kasper",
  "Åse",
  "Øjvind",
  "Emil",
  "Sofie",
  "Rasmus",
];
const LAST = [
  "Jensen",
  "Nielsen",
  "Hansen",
  "Pedersen",
  "Andersen",
  "Christensen",
  "Larsen",
  "Sørensen",
  "Rasmussen",
  "Jørgensen",
  "Petersen",
  "Madsen",
  "Kristensen",
  "Olsen",
  "Thomsen",
  "Poulsen",
  "Østergaard",
  "Ahmed",
  "Møller",
  "Kjær",
];
const UNITS: { name: string; lov: string; variants: string[] }[] = [
  { name: "Kilen", lov: "§103", variants: ["kilen ", "KILEN", " Kilen"] },
  { name: "Værkstedet Nord", lov: "§103", variants: ["værkstedet nord", "Værkstedet  Nord", "VÆRKSTEDET NORD"] },
  { name: "Cykelværkstedet", lov: "§104", variants: ["cykelværkstedet", "Cykelværkstedet "] },
  { name: "Café Ågården", lov: "§104", variants: ["Cafe Ågården", "café ågården", "CAFÉ ÅGÅRDEN"] },
  { name: "Jobværkstedet", lov: "LAB", variants: ["jobværkstedet", "JOBVÆRKSTEDET"] },
];
const LOV_SPELLINGS: Record<string, string[]> = {
  "§103": ["§103", "§ 103", "SEL 103", "103", "§103"],
  "§104": ["§104", "§ 104", "SEL 104", "104"],
  LAB: ["LAB", "Lab", "LAB-loven"],
};
const PLADS_SPELLINGS: Record<string, string[]> = { Fuldtid: ["Fuldtid", "FT", "fuld tid", "fuldtid"], Deltid: ["Deltid", "DT", "del tid", "deltid"] };
const HENVISER_SPELLINGS: Record<string, string[]> = {
  Jobcenter: ["Jobcenter", "JC", "jobcentret"],
  "Myndighed (socialafdeling)": ["Myndighed", "Socialafdelingen", "Myndighed (socialafdeling)"],
  "Egen henvendelse": ["Egen henvendelse", "Selv"],
  "Anden kommune": ["Anden kommune"],
};
const AARSAG_SPELLINGS: Record<string, string[]> = {
  Uddannelse: ["Uddannelse", "udd.", "Påbegyndt uddannelse"],
  Praktik: ["Praktik", "praktik"],
  Beskæftigelse: ["Beskæftigelse", "Job", "Ordinær beskæftigelse"],
  Udeblivelse: ["Udeblivelse", "Udeblevet"],
  Flytning: ["Flytning", "Fraflyttet"],
  "Anden indsats": ["Anden indsats", "Andet tilbud"],
  Sygdom: ["Sygdom", "Syg"],
  "Afbrudt (eget ønske)": ["Eget ønske", "Afbrudt (eget ønske)"],
  Andet: ["Andet"],
};
const FORS_SPELLINGS: Record<string, string[]> = {
  Førtidspension: ["Førtidspension", "FØP"],
  "Kontanthjælp/uddannelseshjælp": ["Kontanthjælp", "Uddannelseshjælp", "KH"],
  Sygedagpenge: ["Sygedagpenge", "SDP"],
  Ressourceforløb: ["Ressourceforløb"],
  Fleksjob: ["Fleksjob", "Flexjob"],
  Ledighedsydelse: ["Ledighedsydelse"],
};
const YES_SPELLINGS = ["Ja", "ja", "X", "1", "JA"];
const NO_SPELLINGS = ["Nej", "nej", "0", "NEJ"];
const CONTACTS = ["KB", "Lise", "Hans P.", "MJ", "Tove", "Bente Holm"];
const REMARKS = [
  "Kører selv",
  "Ønsker mere tid i køkkenet",
  "=ikke startet endnu",
  "+ ekstra støtte",
  "Mødes med mentor hver fredag",
  "Tal med sagsbehandler",
  "@team: husk kørsel",
];
const MONTHS_SHORT = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const MONTHS_LONG = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
const UNREADABLE_DATES = ["ukendt", "?", "efterår 2022", "snart", "31.02.2023"];

const HEADERS: Record<string, string[]> = {
  "Sags-ID": ["Sags-ID", "Sagsnr.", "Sagsnummer", "Forløbsnr", "ID"],
  CPR: ["CPR-nr.", "Personnummer", "Cpr", "CPR nr", "CPR-NR", "Cpr.nr.", "CPR-nummer"],
  Navn: ["Navn", "Borger", "Borgers navn", "NAVN", "Deltager"],
  Enhed: ["Værksted", "Afdeling", "Enhed", "Tilbud", "Værksted/afdeling"],
  Lovgrundlag: ["Lovgrundlag", "Paragraf", "§", "Hjemmel"],
  Pladstype: ["Pladstype", "Fuld/deltid", "FT/DT", "Plads type"],
  Henviser: ["Henviser", "Henvist af", "Henvisende instans"],
  Visitationsdato: ["Visitationsdato", "Visiteret", "Bevillingsdato"],
  Indskrevet: ["Startdato", "Indskrevet", "Indskr. dato", "Indskrivningsdato", "Opstart", "Start dato"],
  Udskrevet: ["Udskr. dato", "Udskrevet", "Slutdato", "Udskrivningsdato", "Ophørsdato"],
  Udskrivningsårsag: ["Udskrivningsårsag", "Årsag", "Ophørsårsag", "Udskr. årsag"],
  Forsørgelsesgrundlag: ["Forsørgelsesgrundlag", "Forsørgelse", "Ydelse"],
  Jobcenterforløb: ["Jobcenterforløb", "JC-forløb", "Jobcenter forløb"],
  Kontaktperson: ["Kontaktperson", "Kontakt", "Tovholder"],
  Bemærkninger: ["Bemærkninger", "Noter", "Kommentar", "Bem."],
};
const EXTRAS = ["Farve", "Cykel nr.", "Telefon", "Mødetid"];
const DATE_FORMATS = ["dd-mm-yyyy", "d/m/yyyy", "yyyy-mm-dd", "d. mmm yyyy", "dd.mm.yy"];

// ---------------------------------------------------------------- values

const pad2 = (n: number) => String(n).padStart(2, "0");

function makeCpr(rng: Rng): string {
  for (;;) {
    const year = rng.int(1960, 2005);
    const month = rng.int(1, 12);
    const day = rng.int(1, 28);
    const yy = year % 100;
    const seventh = year < 2000 ? rng.int(0, 3) : rng.pick([4, 5, 6, 7, 8, 9]);
    const base = `${pad2(day)}${pad2(month)}${pad2(yy)}${seventh}${rng.int(0, 9)}${rng.int(0, 9)}`;
    // Most real numbers pass modulus 11; pick the check digit that makes this one pass.
    for (let d = 0; d <= 9; d++) if (isModulus11(base + d)) return base + d;
  }
}

function writeCpr(rng: Rng, digits: string): { cell: RawCell; expected: Expected } {
  const canonical = `${digits.slice(0, 6)}-${digits.slice(6)}`;
  const x = rng.float();
  if (x < 0.45) return { cell: canonical, expected: canonical };
  if (x < 0.65) return { cell: digits, expected: canonical };
  if (x < 0.85) return { cell: Number(digits), expected: canonical };
  if (x < 0.99) return { cell: `${digits.slice(0, 6)} ${digits.slice(6)}`, expected: canonical };
  const bad = rng.pick(["123456", "ukendt", "0000000000"]);
  return { cell: bad, expected: { unparsed: bad } };
}

function writeDate(rng: Rng, s: number): { cell: RawCell; fmt: string | null; expected: Expected } {
  const x = rng.float();
  if (x < 0.55) return { cell: s, fmt: rng.pick(DATE_FORMATS), expected: s };
  if (x < 0.99) {
    const { year, month, day } = ymd(s);
    const yy = pad2(year % 100);
    const forms = [
      `${day}/${month}-${yy}`,
      `${pad2(day)}.${pad2(month)}.${year}`,
      `${day}-${month}-${year}`,
      `${year}-${pad2(month)}-${pad2(day)}`,
      `${day}. ${MONTHS_SHORT[month - 1]} ${year}`,
      `${day}. ${MONTHS_LONG[month - 1]} ${year}`,
      `${pad2(day)}-${pad2(month)}-${yy}`,
      `${day}.${month}.${yy}`,
      `${day}/${month} ${year}`,
    ];
    return { cell: rng.pick(forms), fmt: null, expected: s };
  }
  const bad = rng.pick(UNREADABLE_DATES);
  return { cell: bad, fmt: null, expected: { unparsed: bad } };
}

function spell(rng: Rng, spellings: Record<string, string[]>): { cell: string; expected: Expected } {
  const value = rng.pick(Object.keys(spellings));
  if (rng.chance(0.01)) return { cell: "Ved ikke", expected: { unparsed: "Ved ikke" } };
  return { cell: rng.pick(spellings[value]), expected: value };
}

// ---------------------------------------------------------------- layout

interface ColumnSpec {
  target: string | null;
  header: string;
  /** For two-row headers: the group cell ("Indskrivning") above this one. */
  group?: string;
  hidden?: boolean;
}

function chooseColumns(rng: Rng): ColumnSpec[] {
  const has = (p: number) => rng.chance(p);
  const cols: ColumnSpec[] = [];
  const add = (target: string) => cols.push({ target, header: rng.pick(HEADERS[target]) });
  if (has(0.5)) add("Sags-ID");
  const cpr = has(0.9);
  if (cpr) add("CPR");
  add("Navn");
  add("Enhed");
  if (has(0.4)) cols.push({ target: null, header: rng.pick(EXTRAS) });
  if (has(0.7)) add("Lovgrundlag");
  if (has(0.7)) add("Pladstype");
  if (has(0.4)) add("Visitationsdato");
  add("Indskrevet");
  if (has(0.5)) add("Henviser");
  add("Udskrevet");
  if (has(0.8)) add("Udskrivningsårsag");
  if (has(0.5)) add("Forsørgelsesgrundlag");
  if (has(0.4)) add("Jobcenterforløb");
  if (has(0.5)) add("Kontaktperson");
  if (has(0.6)) add("Bemærkninger");
  const extras = rng.int(0, 2);
  const used = new Set(cols.map((c) => c.header));
  for (let i = 0; i < extras; i++) {
    const h = rng.pick(EXTRAS);
    if (!used.has(h)) {
      used.add(h);
      cols.push({ target: null, header: h, hidden: rng.chance(0.2) });
    }
  }
  return cols;
}

/** Two-row header: "Indskrivning" over Dato (| Henviser), "Udskrivning" over Dato (| Årsag). */
function groupColumns(cols: ColumnSpec[]): void {
  const i = cols.findIndex((c) => c.target === "Indskrevet");
  cols[i] = { ...cols[i], group: "Indskrivning", header: "Dato" };
  if (cols[i + 1]?.target === "Henviser") cols[i + 1] = { ...cols[i + 1], group: "Indskrivning", header: "Henviser" };
  const j = cols.findIndex((c) => c.target === "Udskrevet");
  cols[j] = { ...cols[j], group: "Udskrivning", header: "Dato" };
  if (cols[j + 1]?.target === "Udskrivningsårsag") cols[j + 1] = { ...cols[j + 1], group: "Udskrivning", header: "Årsag" };
}

interface Citizen {
  cpr: string;
  navn: string;
  indskrevet: number;
  udskrevet: number | null;
}

class SheetBuilder {
  cells: RawCell[][] = [];
  numFmts: (string | null)[][] = [];
  merges: string[] = [];
  hiddenRows: number[] = [];
  set(r: number, c: number, v: RawCell, fmt: string | null = null): void {
    while (this.cells.length <= r) {
      this.cells.push([]);
      this.numFmts.push([]);
    }
    const row = this.cells[r];
    const fr = this.numFmts[r];
    while (row.length <= c) {
      row.push(null);
      fr.push(null);
    }
    row[c] = v;
    fr[c] = fmt;
  }
  blankRow(): number {
    this.cells.push([]);
    this.numFmts.push([]);
    return this.cells.length - 1;
  }
  get next(): number {
    return this.cells.length;
  }
}

function letters(c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function generateMessyCaseList(options: MessyOptions): MessyCaseList {
  const rng = new Rng(seededRandom(options.seed));
  const sheetCount = Math.max(1, options.sheets ?? 1);
  const cols = chooseColumns(rng);
  const twoRow = rng.chance(0.3);
  if (twoRow) groupColumns(cols);
  const titleCount = rng.int(1, 3);
  const firstYear = 2024 - sheetCount + 1;
  const sheets: SheetGrid[] = [];
  const truthSheets: MessyTruthSheet[] = [];
  const citizens: Citizen[] = [];
  let idCounter = rng.int(1, 500);

  for (let si = 0; si < sheetCount; si++) {
    const year = firstYear + si;
    const b = new SheetBuilder();
    const width = cols.length;
    b.set(0, 0, `Sagsliste ${year} – beskyttet beskæftigelse og aktivitetstilbud`);
    if (rng.chance(0.5)) b.merges.push(`A1:${letters(width - 1)}1`);
    if (titleCount >= 2) b.set(1, 0, `Opdateret ${pad2(rng.int(1, 28))}.${pad2(rng.int(1, 12))}.${year} af ${rng.pick(CONTACTS)}`);
    if (titleCount >= 3) b.blankRow();
    const headerTop = b.next;
    const headerRows = twoRow ? [headerTop, headerTop + 1] : [headerTop];
    cols.forEach((c, ci) => {
      if (!twoRow) {
        b.set(headerTop, ci, c.header);
        return;
      }
      if (c.group) {
        const first = cols.findIndex((x) => x.group === c.group);
        if (first === ci) {
          b.set(headerTop, ci, c.group);
          const last = cols.length - 1 - [...cols].reverse().findIndex((x) => x.group === c.group);
          if (last > ci) b.merges.push(`${letters(ci)}${headerTop + 1}:${letters(last)}${headerTop + 1}`);
        } else b.set(headerTop, ci, null);
        b.set(headerTop + 1, ci, c.header);
      } else {
        b.set(headerTop, ci, c.header);
        b.set(headerTop + 1, ci, null);
        b.merges.push(`${letters(ci)}${headerTop + 1}:${letters(ci)}${headerTop + 2}`);
      }
    });

    const dataRows: number[] = [];
    const expected: Partial<Record<CaseKey, Expected>>[] = [];
    const blankRows: number[] = [];
    const hiddenRows: number[] = [];
    const rowsHere = Math.floor(options.rows / sheetCount) + (si < options.rows % sheetCount ? 1 : 0);
    const yearStart = serial(year, 1, 1);
    for (let i = 0; i < rowsHere; i++) {
      if (i > 0 && rng.chance(0.03)) blankRows.push(b.blankRow());
      const r = b.next;
      const exp: Partial<Record<CaseKey, Expected>> = {};
      const repeat = citizens.length > 0 && rng.chance(0.01);
      const unit = rng.pick(UNITS);
      const indskrevet = yearStart + rng.int(0, 364);
      const cit: Citizen = repeat
        ? { ...rng.pick(citizens), indskrevet, udskrevet: null }
        : { cpr: makeCpr(rng), navn: `${rng.pick(FIRST)} ${rng.pick(LAST)}`, indskrevet, udskrevet: null };
      const discharged = rng.chance(0.5);
      const wrongOrder = rng.chance(0.02);
      cit.udskrevet = discharged ? (wrongOrder ? indskrevet - rng.int(1, 30) : indskrevet + rng.int(10, 700)) : null;
      citizens.push(cit);
      cols.forEach((c, ci) => {
        const put = (v: RawCell, e: Expected, fmt: string | null = null) => {
          if (v !== null) b.set(r, ci, v, fmt);
          if (c.target) exp[FIELD_BY_COLUMN.get(c.target)!.key] = v === null ? null : e;
        };
        switch (c.target) {
          case "Sags-ID": {
            const id = rng.chance(0.02) ? null : `F-${idCounter++}`;
            put(id, id);
            break;
          }
          case "CPR": {
            const w = writeCpr(rng, cit.cpr);
            put(w.cell, w.expected);
            break;
          }
          case "Navn":
            put(rng.chance(0.1) ? ` ${cit.navn}  ` : cit.navn, cit.navn);
            break;
          case "Enhed":
            put(rng.chance(0.8) ? unit.name : rng.pick(unit.variants), unit.name);
            break;
          case "Lovgrundlag":
            put(rng.chance(0.05) ? null : rng.pick(LOV_SPELLINGS[unit.lov]), unit.lov);
            break;
          case "Pladstype": {
            const s = spell(rng, PLADS_SPELLINGS);
            put(s.cell, s.expected);
            break;
          }
          case "Henviser": {
            const s = spell(rng, HENVISER_SPELLINGS);
            put(rng.chance(0.1) ? null : s.cell, s.expected);
            break;
          }
          case "Visitationsdato": {
            const w = writeDate(rng, indskrevet - rng.int(5, 60));
            put(rng.chance(0.1) ? null : w.cell, w.expected, w.fmt);
            break;
          }
          case "Indskrevet": {
            const w = writeDate(rng, indskrevet);
            put(w.cell, w.expected, w.fmt);
            break;
          }
          case "Udskrevet": {
            if (cit.udskrevet === null) put(null, null);
            else {
              const w = writeDate(rng, cit.udskrevet);
              put(w.cell, w.expected, w.fmt);
            }
            break;
          }
          case "Udskrivningsårsag": {
            if (cit.udskrevet === null || rng.chance(0.1)) put(null, null);
            else {
              const s = spell(rng, AARSAG_SPELLINGS);
              put(s.cell, s.expected);
            }
            break;
          }
          case "Forsørgelsesgrundlag": {
            const s = spell(rng, FORS_SPELLINGS);
            put(rng.chance(0.2) ? null : s.cell, s.expected);
            break;
          }
          case "Jobcenterforløb": {
            const x = rng.float();
            if (x < 0.3) put(null, null);
            else if (x < 0.65) put(rng.pick(YES_SPELLINGS), "Ja");
            else if (x < 0.7) put(true, "Ja");
            else put(rng.pick(NO_SPELLINGS), "Nej");
            break;
          }
          case "Kontaktperson":
            put(rng.chance(0.2) ? null : rng.pick(CONTACTS), null);
            if (b.cells[r]?.[ci] != null) exp.kontaktperson = String(b.cells[r][ci]);
            break;
          case "Bemærkninger": {
            const t = rng.chance(0.3) ? rng.pick(REMARKS) : null;
            put(t, t);
            break;
          }
          default: {
            const v: RawCell =
              c.header === "Farve"
                ? rng.pick(["grøn", "rød", "gul", null])
                : c.header === "Cykel nr."
                  ? rng.chance(0.5)
                    ? rng.int(1, 40)
                    : null
                  : c.header === "Telefon"
                    ? rng.chance(0.6)
                      ? `${rng.int(20, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`
                      : null
                    : rng.chance(0.5)
                      ? `${rng.int(7, 9)}-${rng.int(12, 15)}`
                      : null;
            if (v !== null) b.set(r, ci, v);
          }
        }
      });
      // A note in the margin, beside the list.
      if (rng.chance(0.03)) b.set(r, width + 1, rng.pick(["ring mandag", "venter på papirer", "ny kontaktperson"]));
      if (rng.chance(0.02)) hiddenRows.push(r);
      // Make sure the row is not empty: the name is always written.
      dataRows.push(r);
      expected.push(exp);
    }
    const totalsRows: number[] = [];
    const noteRows: number[] = [];
    blankRows.push(b.blankRow());
    const tr = b.next;
    b.set(tr, 0, rng.pick(["I alt", "I alt:", "Total", "Sum"]));
    b.set(tr, Math.min(2, width - 1), rowsHere);
    totalsRows.push(tr);
    const nr = b.next;
    b.set(nr, 0, rng.pick(["Note: grøn = aktiv, rød = udskrevet", "Note: listen opdateres hver fredag", "NB: husk at opdatere fremmøde"]));
    noteRows.push(nr);

    const hiddenCols = cols.map((c, i) => (c.hidden ? i : -1)).filter((i) => i >= 0);
    sheets.push({ name: String(year), cells: b.cells, numFmts: b.numFmts, merges: b.merges, hiddenRows, hiddenCols });
    truthSheets.push({
      name: String(year),
      headerRows,
      dataRows,
      columns: cols.map((c, i) => ({ index: i, header: c.group ? `${c.group} ${c.header}` : c.header, target: c.target })),
      expected,
      totalsRows,
      noteRows,
      blankRows,
      hiddenRows,
    });
  }

  let attendance: MessyTruth["attendance"] = null;
  if (options.withAttendanceGrid) {
    const b = new SheetBuilder();
    const year = firstYear + sheetCount - 1;
    const month = 3;
    b.set(0, 0, `Fremmøde marts ${year}`);
    const headerRow = 2;
    const withCpr = cols.some((c) => c.target === "CPR");
    b.set(headerRow, 0, "Navn");
    if (withCpr) b.set(headerRow, 1, "CPR-nr.");
    const firstDateCol = withCpr ? 2 : 1;
    const dates: number[] = [];
    for (let d = 1; d <= 31 && dates.length < 20; d++) {
      const s = serial(year, month, d);
      const wd = (((s - 2) % 7) + 7) % 7;
      if (wd < 5) dates.push(s);
    }
    dates.forEach((s, i) => b.set(headerRow, firstDateCol + i, s, "dd-mm"));
    b.set(headerRow, firstDateCol + dates.length, "I alt fravær");
    const lastSheetCitizens = citizens.slice(-Math.min(citizens.length, Math.floor(options.rows / sheetCount) || 1));
    const seen = new Set<string>();
    const chosen = lastSheetCitizens.filter((c) => (seen.has(c.cpr) ? false : (seen.add(c.cpr), true))).slice(0, 15);
    let codes = 0;
    let unknownCodes = 0;
    chosen.forEach((c, i) => {
      const r = headerRow + 1 + i;
      b.set(r, 0, c.navn);
      if (withCpr) b.set(r, 1, c.cpr.slice(0, 6) + "-" + c.cpr.slice(6));
      let absent = 0;
      dates.forEach((_, j) => {
        const x = rng.float();
        let v: string | null;
        if (x < 0.05) v = null;
        else if (x < 0.06) v = rng.pick(["?", "X2", "Q"]);
        else if (x < 0.7) v = rng.pick(["M", "M", "M", "m", "mødt"]);
        else if (x < 0.78) v = rng.pick(["S", "s", "syg"]);
        else if (x < 0.83) v = "F";
        else if (x < 0.88) v = rng.pick(["U", "u"]);
        else v = rng.pick(["D", "P", "A", "L"]);
        if (v === null) return;
        codes++;
        if (v === "?" || v === "X2" || v === "Q") unknownCodes++;
        if (v === "S" || v === "s" || v === "syg" || v === "U" || v === "u") absent++;
        b.set(r, firstDateCol + j, v);
      });
      b.set(r, firstDateCol + dates.length, absent);
    });
    sheets.push({ name: "Fremmøde", cells: b.cells, numFmts: b.numFmts, merges: [], hiddenRows: [], hiddenCols: [] });
    attendance = { sheet: "Fremmøde", headerRow, codes, unknownCodes };
  }
  return { grids: { sheets }, truth: { sheets: truthSheets, attendance } };
}
