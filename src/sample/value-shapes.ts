// Case lists kept the ways coordinators keep values, each with what its coordinator meant: a status
// column instead of an end date, date columns under unknown headers or as one period, place sizes as
// fractions, percentages or hours, "§103 stk. 1", discharge reasons in words, CPR numbers with an en dash
// or masked, "-" for no end date, rows hidden by a filter, many CPR numbers failing modulus 11.
// Seeded and deterministic; used by the tests that convert each list and compare field by field.
import { serial } from "../domain/dates";
import type { Case } from "../domain/model";
import type { RawCell, SheetGrid, WorkbookGrids } from "../import/grid";
import { Rng, seededRandom } from "./random";

/** What the coordinator meant for one citizen (fields not listed: not asserted). */
export interface MeantCase {
  navn: string;
  fields: Partial<Case>;
  /** Finding codes that must point at this citizen's row. */
  findings?: string[];
  /** The place weight (Pladsvægt) the coordinator meant. */
  weight?: number;
}

export interface ValueShape {
  name: string;
  grids: WorkbookGrids;
  meant: MeantCase[];
  /** Finding codes with how many findings of that code the whole conversion must give. */
  findingCounts?: Record<string, number>;
  /** Part-time weights the units must get (Deltidsvægt), by unit. */
  unitWeights?: Record<string, number>;
}

const DATE_FMT = "dd-mm-yyyy";
const FIRST = ["Anna", "Bo", "Carl", "Dorte", "Emil", "Freja", "Gustav", "Hanne", "Ib", "Jonna", "Kim", "Lise", "Mads", "Nina", "Ole", "Pia"];
const LAST = ["Hansen", "Jensen", "Nielsen", "Larsen", "Holm", "Berg", "Kjær", "Lund", "Mortensen", "Dahl"];

function names(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++)
    out.push(`${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${Math.floor(i / (FIRST.length * LAST.length)) || ""}`.trim());
  return out;
}

const W = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

/** A CPR number for a birth date: passing modulus 11, or failing it on purpose. */
export function makeCpr(rnd: Rng, year: number, month: number, day: number, mod11: boolean): string {
  const yy = year % 100;
  // 7th digit: 0-3 for 1900-1999; 4 for 2000-2036.
  const seventh = year < 2000 ? rnd.int(0, 3) : 4;
  for (;;) {
    const head = `${String(day).padStart(2, "0")}${String(month).padStart(2, "0")}${String(yy).padStart(2, "0")}${seventh}${rnd.int(0, 9)}${rnd.int(0, 9)}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(head[i]) * W[i];
    const check = (11 - (sum % 11)) % 11;
    if (check === 10) continue;
    const last = mod11 ? check : (check + 1 + rnd.int(0, 7)) % 10;
    if (!mod11 && last === check) continue;
    return `${head.slice(0, 6)}-${head.slice(6)}${last}`;
  }
}

function sheet(name: string, header: string[], rows: RawCell[][], dateCols: number[], hiddenRows: number[] = []): SheetGrid {
  const cells = [header, ...rows];
  const numFmts = cells.map((r, i) => (i === 0 ? [] : r.map((_, c) => (dateCols.includes(c) ? DATE_FMT : null))));
  return { name, cells, numFmts, merges: [], hiddenRows, hiddenCols: [] };
}

interface Base {
  navn: string;
  cpr: string;
  enhed: string;
  start: number;
}

function bases(rnd: Rng, n: number): Base[] {
  return names(n).map((navn, i) => {
    const y = rnd.int(1960, 2000);
    return {
      navn,
      cpr: makeCpr(rnd, y, rnd.int(1, 12), rnd.int(1, 28), true),
      enhed: ["Køkken", "Gartneri", "Værksted Nord"][i % 3],
      start: serial(2023, rnd.int(1, 12), rnd.int(1, 28)),
    };
  });
}

const end = (b: Base, k: number) => b.start + 60 + k * 7;

export function generateValueShapes(seed = 51): ValueShape[] {
  const rnd = new Rng(seededRandom(seed));
  const shapes: ValueShape[] = [];

  // 1. A Status column saying "Afsluttet", no end date for some of them.
  {
    const bs = bases(rnd, 30);
    const rows = bs.map((b, i) => [
      b.navn,
      b.cpr,
      b.enhed,
      "Fuldtid",
      b.start,
      i % 3 === 0 ? null : i % 3 === 1 ? end(b, i) : null,
      i % 3 === 2 ? "Aktiv" : "Afsluttet",
    ]);
    shapes.push({
      name: "status-afsluttet",
      grids: { sheets: [sheet("Borgere", ["Navn", "CPR", "Enhed", "Pladstype", "Startdato", "Slutdato", "Status"], rows, [4, 5])] },
      meant: bs.map((b, i) => ({
        navn: b.navn,
        fields: { indskrevet: b.start, udskrevet: i % 3 === 1 ? end(b, i) : null },
        findings: i % 3 === 0 ? ["UDSKREVET_UDEN_DATO"] : [],
      })),
    });
  }

  // 1b. A red fill meaning discharged; some red rows have an end date, some do not.
  {
    const bs = bases(rnd, 30);
    const red = (i: number) => i % 3 !== 2;
    const rows = bs.map((b, i) => [b.navn, b.cpr, b.enhed, "Fuldtid", b.start, red(i) && i % 3 === 1 ? end(b, i) : null]);
    const grid = sheet("Borgere", ["Navn", "CPR", "Enhed", "Pladstype", "Startdato", "Slutdato"], rows, [4, 5]);
    grid.rowFills = [null, ...bs.map((_, i) => (red(i) ? "FF0000" : null))];
    shapes.push({
      name: "roed-udfyldning",
      grids: { sheets: [grid] },
      meant: bs.map((b, i) => ({
        navn: b.navn,
        fields: { indskrevet: b.start, udskrevet: red(i) && i % 3 === 1 ? end(b, i) : null },
        findings: i % 3 === 0 ? ["UDSKREVET_UDEN_DATO"] : [],
      })),
      findingCounts: { FARVE_TOLKET: 1 },
    });
  }

  // 2. "Første dag" / "Sidste dag".
  {
    const bs = bases(rnd, 24);
    const rows = bs.map((b, i) => [b.navn, b.cpr, b.enhed, "Fuldtid", b.start, i % 2 ? end(b, i) : null]);
    shapes.push({
      name: "foerste-sidste-dag",
      grids: { sheets: [sheet("Liste", ["Navn", "CPR", "Enhed", "Pladstype", "Første dag", "Sidste dag"], rows, [4, 5])] },
      meant: bs.map((b, i) => ({ navn: b.navn, fields: { indskrevet: b.start, udskrevet: i % 2 ? end(b, i) : null } })),
    });
  }

  // 3. "End date" beside a known start header.
  {
    const bs = bases(rnd, 24);
    const rows = bs.map((b, i) => [b.navn, b.cpr, b.enhed, "Deltid", b.start, i % 2 ? end(b, i) : null]);
    shapes.push({
      name: "end-date",
      grids: { sheets: [sheet("Liste", ["Navn", "CPR", "Enhed", "Pladstype", "Startdato", "End date"], rows, [4, 5])] },
      meant: bs.map((b, i) => ({ navn: b.navn, fields: { indskrevet: b.start, udskrevet: i % 2 ? end(b, i) : null } })),
    });
  }

  // 4. One "Periode" column holding both dates, written three ways.
  {
    const bs = bases(rnd, 24);
    const dmy = (s: number, sep: string) => {
      const d = new Date(Date.UTC(1899, 11, 30) + s * 86_400_000);
      return `${String(d.getUTCDate()).padStart(2, "0")}${sep}${String(d.getUTCMonth() + 1).padStart(2, "0")}${sep}${d.getUTCFullYear()}`;
    };
    const short = (s: number) => {
      const d = new Date(Date.UTC(1899, 11, 30) + s * 86_400_000);
      return `${d.getUTCDate()}/${d.getUTCMonth() + 1}-${String(d.getUTCFullYear() % 100).padStart(2, "0")}`;
    };
    const text = (b: Base, i: number) =>
      i % 3 === 0 ? `${dmy(b.start, ".")} - ${dmy(end(b, i), ".")}` : i % 3 === 1 ? `${short(b.start)}\u2013${short(end(b, i))}` : `${dmy(b.start, ".")} -`;
    const rows = bs.map((b, i) => [b.navn, b.cpr, b.enhed, "Fuldtid", text(b, i)]);
    shapes.push({
      name: "periode",
      grids: { sheets: [sheet("Liste", ["Navn", "CPR", "Enhed", "Pladstype", "Periode"], rows, [])] },
      meant: bs.map((b, i) => ({ navn: b.navn, fields: { indskrevet: b.start, udskrevet: i % 3 === 2 ? null : end(b, i) } })),
    });
  }

  // 5. Pladstype as fractions, shares, percentages and hours; some missing.
  {
    const bs = bases(rnd, 24);
    const sizes: [RawCell, Case["pladstype"], number | null][] = [
      ["1/1", "Fuldtid", 1],
      ["0,5", "Deltid", 0.5],
      ["50 %", "Deltid", 0.5],
      ["37 t", "Fuldtid", 1],
      ["18,5 t", "Deltid", 0.5],
      [null, null, null],
    ];
    const rows = bs.map((b, i) => [b.navn, b.cpr, "Køkken", sizes[i % sizes.length][0], b.start]);
    shapes.push({
      name: "pladstype",
      grids: { sheets: [sheet("Liste", ["Navn", "CPR", "Enhed", "Pladstype", "Indskrevet"], rows, [4])] },
      meant: bs.map((b, i) => ({
        navn: b.navn,
        fields: { pladstype: sizes[i % sizes.length][1] },
        findings: sizes[i % sizes.length][0] === null ? ["PLADSTYPE_MANGLER"] : [],
        // A missing size counts as a full place, as the finding says.
        weight: sizes[i % sizes.length][2] ?? 1,
      })),
      unitWeights: { Køkken: 0.5 },
    });
  }

  // 6. Legal references with "stk.".
  {
    const bs = bases(rnd, 20);
    const refs: [string, string][] = [
      ["§103 stk. 1", "§103"],
      ["§ 104, stk. 1", "§104"],
      ["SEL § 103, stk. 2", "§103"],
      ["§104 stk.1", "§104"],
    ];
    const rows = bs.map((b, i) => [b.navn, b.cpr, b.enhed, refs[i % refs.length][0], "Fuldtid", b.start]);
    shapes.push({
      name: "paragraf-stk",
      grids: { sheets: [sheet("Liste", ["Navn", "CPR", "Enhed", "Lovgrundlag", "Pladstype", "Indskrevet"], rows, [5])] },
      meant: bs.map((b, i) => ({ navn: b.navn, fields: { lovgrundlag: refs[i % refs.length][1] } })),
      findingCounts: { VAERDI_UKENDT: 0, VAERDI_TOLKET: 0 },
    });
  }

  // 7. Discharge reasons in words under the contract's own header.
  {
    const bs = bases(rnd, 20);
    const reasons: [string, string][] = [
      ["Fik job i Netto", "Beskæftigelse"],
      ["startet på SOSU-uddannelse", "Uddannelse"],
      ["Flyttet til Aarhus", "Flytning"],
      ["Ønskede ikke at fortsætte", "Afbrudt (eget ønske)"],
      ["Indlagt på psykiatrisk afdeling", "Sygdom"],
    ];
    const rows = bs.map((b, i) => [b.navn, b.cpr, b.enhed, "Fuldtid", b.start, end(b, i), reasons[i % reasons.length][0]]);
    shapes.push({
      name: "aarsag-i-ord",
      grids: { sheets: [sheet("Liste", ["Navn", "CPR", "Enhed", "Pladstype", "Indskrevet", "Udskrevet", "Udskrivningsårsag"], rows, [4, 5])] },
      meant: bs.map((b, i) => ({
        navn: b.navn,
        fields: {
          udskrivningsaarsag: reasons[i % reasons.length][1],
          bemaerkninger: `Udskrivningsårsag (som skrevet i listen): ${reasons[i % reasons.length][0]}`,
        },
      })),
      findingCounts: { KOLONNE_USIKKER: 0 },
    });
  }

  // 8. CPR with an en dash.
  {
    const bs = bases(rnd, 20);
    const rows = bs.map((b) => [b.navn, b.cpr.replace("-", "\u2013"), b.enhed, "Fuldtid", b.start]);
    shapes.push({
      name: "cpr-tankestreg",
      grids: { sheets: [sheet("Liste", ["Navn", "CPR", "Enhed", "Pladstype", "Indskrevet"], rows, [4])] },
      meant: bs.map((b) => ({ navn: b.navn, fields: { cpr: b.cpr } })),
      findingCounts: { CPR_UGYLDIG: 0 },
    });
  }

  // 9. "-" for no end date.
  {
    const bs = bases(rnd, 30);
    const rows = bs.map((b, i) => [b.navn, b.cpr, b.enhed, "Fuldtid", b.start, i % 4 === 0 ? end(b, i) : i % 4 === 1 ? "\u2013" : "-"]);
    shapes.push({
      name: "streg-som-slutdato",
      grids: { sheets: [sheet("Liste", ["Navn", "CPR", "Enhed", "Pladstype", "Indskrevet", "Udskrevet"], rows, [4, 5])] },
      meant: bs.map((b, i) => ({ navn: b.navn, fields: { udskrevet: i % 4 === 0 ? end(b, i) : null } })),
      findingCounts: { DATO_UKENDT: 0 },
    });
  }

  // 10. Masked CPR numbers (as `sagsliste pseudonymise --mask-cpr` writes them).
  {
    const bs = bases(rnd, 30);
    const rows = bs.map((b) => [b.navn, `${b.cpr.slice(0, 6)}-XXXX`, b.enhed, "Fuldtid", b.start]);
    shapes.push({
      name: "cpr-maskeret",
      grids: { sheets: [sheet("Liste", ["Navn", "CPR", "Enhed", "Pladstype", "Indskrevet"], rows, [4])] },
      meant: bs.map((b) => ({ navn: b.navn, fields: { cpr: `${b.cpr.slice(0, 6)}-XXXX` } })),
      findingCounts: { CPR_MASKERET: 1, CPR_UGYLDIG: 0 },
    });
  }

  // 11. Rows hidden by an autofilter.
  {
    const bs = bases(rnd, 40);
    const rows = bs.map((b) => [b.navn, b.cpr, b.enhed, "Fuldtid", b.start]);
    const hidden = bs.map((_, i) => i + 1).filter((r) => r % 3 === 0);
    shapes.push({
      name: "skjult-af-filter",
      grids: { sheets: [sheet("Liste", ["Navn", "CPR", "Enhed", "Pladstype", "Indskrevet"], rows, [4], hidden)] },
      meant: bs.map((b) => ({ navn: b.navn, fields: { cpr: b.cpr, indskrevet: b.start } })),
      findingCounts: { SKJULTE_RAEKKER: 1 },
    });
  }

  // 12. 160 numbers failing modulus 11, born before 2007, and 10 born since 2007 that fail it too.
  {
    const bs = bases(rnd, 170).map((b, i) => {
      const young = i >= 160;
      const year = young ? rnd.int(2007, 2008) : rnd.int(1960, 2000);
      return { ...b, cpr: makeCpr(rnd, year, rnd.int(1, 12), rnd.int(1, 28), false) };
    });
    const rows = bs.map((b) => [b.navn, b.cpr, b.enhed, "Fuldtid", b.start]);
    shapes.push({
      name: "modulus11",
      grids: { sheets: [sheet("Liste", ["Navn", "CPR", "Enhed", "Pladstype", "Indskrevet"], rows, [4])] },
      meant: bs.map((b) => ({ navn: b.navn, fields: { cpr: b.cpr } })),
      findingCounts: { CPR_MODULUS11: 1 },
    });
  }

  return shapes;
}
