// A case list with an attendance register in long format beside it, as coordinators keep them: one
// sheet per month, one row per citizen and day, the citizen by Sags-ID, CPR or name, the date in
// several spellings and the status as a code, a word or a Danish synonym; plus rows of a citizen no
// case has. The truth says what the import must make of each row. No real person is in it.
import { isoWeekday, serial, yearEnd, ymd } from "../domain/dates";
import type { Attendance, Case } from "../domain/model";
import type { RawCell, SheetGrid, WorkbookGrids } from "../import/grid";
import { Rng, seededRandom } from "./random";

export interface RegisterOptions {
  seed: number;
  /** Cases in the list (default 12). */
  cases?: number;
  year?: number;
  /** First month and number of months, one sheet each (default January, four months). */
  firstMonth?: number;
  months?: number;
}

export interface RegisterTruth {
  cases: Case[];
  /** Every registration of a known citizen as the import must read it (status as in Fremmoedestatus). */
  attendance: Attendance[];
  /** Registrations per month sheet, known and unknown citizens alike. */
  perSheet: { sheet: string; rows: number; known: number }[];
  /** The citizen no case has, and the rows carrying them. */
  unknownCitizen: { name: string; rows: number };
  /** Values written whose reading is a guess the user confirms. */
  uncertainValues: string[];
}

export interface GeneratedRegister {
  grids: WorkbookGrids;
  truth: RegisterTruth;
}

const MONTH_NAMES = ["Januar", "Februar", "Marts", "April", "Maj", "Juni", "Juli", "August", "September", "Oktober", "November", "December"];
const FIRST = ["Anna", "Bo", "Carla", "Dennis", "Eva", "Frederik", "Gitte", "Hassan", "Inge", "Jonas", "Karin", "Lasse", "Maja", "Nikolaj", "Olivia", "Palle"];
const LAST = ["Abildgaard", "Bech", "Dahl", "Egholm", "Frost", "Gade", "Holm", "Juul", "Krogh", "Lund", "Mørk", "Nørgaard", "Ravn", "Skov", "Toft", "Vang"];
const UNITS = ["Værkstedet", "Caféen", "Havehuset"];

/** How each status is written, with the status the import must read (codes, words, synonyms). */
const SPELLINGS: { text: string; status: string; weight: number; uncertain?: boolean }[] = [
  { text: "M", status: "Mødt", weight: 20 },
  { text: "Mødt", status: "Mødt", weight: 20 },
  { text: "til stede", status: "Mødt", weight: 10 },
  { text: "mødt", status: "Mødt", weight: 8 },
  { text: "x", status: "Mødt", weight: 4 },
  { text: "S", status: "Syg", weight: 4 },
  { text: "syg", status: "Syg", weight: 4 },
  { text: "Sygdom", status: "Syg", weight: 3 },
  { text: "U", status: "Udeblevet (ulovligt fravær)", weight: 2 },
  { text: "udeblevet", status: "Udeblevet (ulovligt fravær)", weight: 3 },
  { text: "Ulovligt fravær", status: "Udeblevet (ulovligt fravær)", weight: 2 },
  { text: "ferie", status: "Ferie", weight: 3 },
  { text: "fri", status: "Aftalt fri", weight: 2 },
  { text: "Afspadsering", status: "Aftalt fri", weight: 2 },
  { text: "afbud", status: "Aftalt fri", weight: 2, uncertain: true },
  { text: "Delvist mødt", status: "Delvist mødt", weight: 2 },
  { text: "praktik", status: "Praktik / ekstern aktivitet", weight: 2 },
];

function d2(n: number): string {
  return String(n).padStart(2, "0");
}

/** A CPR number that passes the modulus-11 check, born 1960-2004. */
function validCpr(rng: Rng): string {
  for (;;) {
    const year = rng.int(1960, 2004);
    const seventh = year >= 2000 ? 4 : rng.int(0, 3);
    const digits = `${d2(rng.int(1, 28))}${d2(rng.int(1, 12))}${d2(year % 100)}${seventh}${String(rng.int(0, 999)).padStart(3, "0")}`;
    const w = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
    if ([...digits].reduce((s, c, i) => s + Number(c) * w[i], 0) % 11 === 0) return `${digits.slice(0, 6)}-${digits.slice(6)}`;
  }
}

export function generateAttendanceRegister(options: RegisterOptions): GeneratedRegister {
  const rng = new Rng(seededRandom(options.seed * 104_729 + 11));
  const n = Math.max(6, options.cases ?? 12);
  const year = options.year ?? 2023;
  const firstMonth = options.firstMonth ?? 1;
  const months = options.months ?? 4;

  // ---- the case list: unique names, so a name alone finds its citizen
  const names = new Set<string>();
  const cases: Case[] = [];
  for (let i = 0; i < n; i++) {
    let navn: string;
    do navn = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    while (names.has(navn));
    names.add(navn);
    const indskrevet = i % 4 === 0 ? serial(year, firstMonth, 1) + rng.int(5, 40) : serial(year - 1, 1, 1) + rng.int(0, 300);
    const udskrevet = i % 5 === 1 ? serial(year, firstMonth, 1) + rng.int(50, 100) : null;
    cases.push({
      sagsId: `R-${d2(i + 1)}`,
      cpr: validCpr(rng).replace("-", ""),
      navn,
      enhed: UNITS[i % UNITS.length],
      lovgrundlag: "§103",
      pladstype: i % 3 === 2 ? "Deltid" : "Fuldtid",
      henviser: null,
      visitationsdato: null,
      indskrevet,
      udskrevet,
      udskrivningsaarsag: udskrevet === null ? null : "Beskæftigelse",
      forsoergelsesgrundlag: null,
      jobcenterforloeb: null,
      kontaktperson: null,
      bemaerkninger: null,
    });
  }
  const header = ["Sags-ID", "Navn", "CPR", "Enhed", "Lovgrundlag", "Pladstype", "Indskrevet", "Udskrevet", "Udskrivningsårsag"];
  const listCells: RawCell[][] = [header];
  const listFmts: (string | null)[][] = [header.map(() => null)];
  for (const c of cases) {
    listCells.push([
      c.sagsId,
      c.navn,
      `${c.cpr!.slice(0, 6)}-${c.cpr!.slice(6)}`,
      c.enhed,
      c.lovgrundlag,
      c.pladstype,
      c.indskrevet,
      c.udskrevet,
      c.udskrivningsaarsag,
    ]);
    listFmts.push([null, null, null, null, null, null, "dd-mm-yyyy", "dd-mm-yyyy", null]);
  }
  const sheets: SheetGrid[] = [{ name: "Sagsliste", cells: listCells, numFmts: listFmts, merges: [], hiddenRows: [], hiddenCols: [] }];

  // ---- one register sheet per month
  const attendance: Attendance[] = [];
  const perSheet: RegisterTruth["perSheet"] = [];
  const unknownCitizen = { name: "Ukendt Borgersen", rows: 0 };
  const uncertain = new Set<string>();
  const weights = SPELLINGS.map((s) => s.weight);
  for (let k = 0; k < months; k++) {
    const month = firstMonth + k;
    const sheet = `${MONTH_NAMES[month - 1]} ${year}`;
    const cells: RawCell[][] = [[`Fremmøde ${MONTH_NAMES[month - 1].toLowerCase()} ${year}`], [], ["Sags-ID", "CPR", "Navn", "Dato", "Status", "Bemærkning"]];
    const fmts: (string | null)[][] = [[null], [], [null, null, null, null, null, null]];
    let rows = 0;
    let known = 0;
    const first = serial(year, month, 1);
    const last = month === 12 ? yearEnd(year) : serial(year, month + 1, 1) - 1;
    for (let day = first; day <= last; day++) {
      if (isoWeekday(day) > 5) continue;
      const people: (Case | null)[] = cases.filter((c) => c.indskrevet! <= day && (c.udskrevet === null || c.udskrevet >= day));
      if (day % 9 === 0) people.push(null);
      for (const c of people) {
        if (rng.chance(0.12)) continue; // not every day is registered
        const sp = rng.weighted(SPELLINGS, weights);
        if (sp.uncertain) uncertain.add(sp.text);
        // The citizen: mostly by Sags-ID, some by name only, some by CPR only.
        const how = rng.weighted(["id", "navn", "cpr"], [6, 3, 1]);
        const id = c === null || how !== "id" ? "" : c.sagsId;
        const cpr = c === null || how !== "cpr" ? "" : `${c.cpr!.slice(0, 6)}-${c.cpr!.slice(6)}`;
        const navn = c === null ? unknownCitizen.name : how === "navn" || rng.chance(0.3) ? c.navn : "";
        // The date: a date cell, or text in the two spellings people type.
        const { year: y, month: m, day: d } = ymd(day);
        const form = rng.weighted(["serial", "dk", "iso"], [6, 3, 1]);
        const date: RawCell = form === "serial" ? day : form === "dk" ? `${d2(d)}-${d2(m)}-${y}` : `${y}-${d2(m)}-${d2(d)}`;
        cells.push([id, cpr, navn, date, sp.text, rng.chance(0.05) ? "Ringede" : null]);
        fmts.push([null, null, null, form === "serial" ? "dd-mm-yyyy" : null, null, null]);
        rows++;
        if (c === null) unknownCitizen.rows++;
        else {
          known++;
          attendance.push({ sagsId: c.sagsId, dato: day, status: sp.status, bemaerkning: null });
        }
      }
    }
    sheets.push({ name: sheet, cells, numFmts: fmts, merges: [], hiddenRows: [], hiddenCols: [] });
    perSheet.push({ sheet, rows, known });
  }
  return { grids: { sheets }, truth: { cases, attendance, perSheet, unknownCitizen, uncertainValues: [...uncertain] } };
}
