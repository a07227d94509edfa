// The Kvartalsoversigt sheet for dialogue meetings: a section per theme with the units side by side
// and the four quarters plus the year, read from Noegletal by formulas; the targets in words and
// colours; A4 landscape. The layout is shared with publish mode, which fills it with values.
import {
  I_ALT,
  SELF_INTAKE,
  computeKeyFigures,
  SELF_LATEST,
  dischargeReasons,
  keyFigureDefs,
  periodsOfYear,
  reasonFigure,
  reportUnits,
  targetText,
  type KeyFigureDef,
  type KeyFigureRow,
} from "../../domain/keyfigures";
import type { StructuredData } from "../../domain/model";
import { SHEETS, TABLES, col } from "../contract";
import { cachedResult, referencesHold } from "../cached-results";
import { address, columnLetters, type CachedResult, type CellPlan, type ConditionalFormatPlan, type SheetPlan } from "../plan";
import { numFmtOf, str } from "./noegletal";

/** The live overview's subtitle (publish mode, whose copy is static, says so instead). */
export const LIVE_SUBTITLE = "Til dialogmødet. Tallene hentes fra arket Nøgletal og opdateres af sig selv. Tomt felt: intet grundlag.";

export const CHART_NOTE = "Diagrammerne til højre viser tallene nedenfor: belægning og fravær pr. kvartal og udskrivninger efter årsag.";

/** Status words and their colours (fill, font): the word carries the meaning, the colour helps. */
export const STATUS_COLOURS: Record<string, { fill: string; font: string }> = {
  Opfyldt: { fill: "C6EFCE", font: "006100" },
  "Ikke opfyldt": { fill: "FFC7CE", font: "9C0006" },
  "For lidt data": { fill: "EDEDED", font: "595959" },
};

export interface FigureKey {
  enhed: string;
  periode: string;
  noegletal: string;
}

/** One cell of the overview: fixed text, a key figure's value, or a target's status. */
export type OverviewCell =
  | { address: string; kind: "text"; text: string; bold?: boolean; size?: number; align?: "right" }
  | { address: string; kind: "value"; key: FigureKey; numFmt: string }
  | { address: string; kind: "status"; key: FigureKey };

/** A chart over the sheet's own ranges: drawn by the Office.js adapter, written as chart parts in files (chart-parts.ts). */
export interface ChartSpec {
  type: "columnClustered" | "line" | "barClustered";
  title: string;
  sheet: string;
  /** Category labels, A1 range on the sheet. */
  categories: string;
  series: { name: string; values: string }[];
  /** Top-left cell where the chart is placed. */
  anchor: string;
}

export interface OverviewLayout {
  cells: OverviewCell[];
  /** Ranges holding status words, for the colour rules. */
  statusRanges: string[];
  charts: ChartSpec[];
  columnWidths: Record<string, number>;
}

interface Section {
  title: string;
  figures: string[];
  /** "periods": K1..K4 and the year as rows; "year": the year only. */
  rows: "periods" | "year";
}

function sections(reasons: readonly string[]): Section[] {
  return [
    { title: "Belægning", figures: ["Normerede pladser", "Gennemsnitligt besatte pladser", "Belægningsprocent"], rows: "periods" },
    {
      title: "Ind- og udskrivning",
      figures: [
        "Indskrevne ultimo",
        "Nye indskrivninger",
        "Udskrivninger",
        "Positive udskrivninger",
        "Andel positive udskrivninger",
        "Andel udskrivninger for udeblivelse",
      ],
      rows: "periods",
    },
    { title: "Udskrivninger efter årsag (hele året)", figures: reasons.map(reasonFigure), rows: "year" },
    { title: "Fremmøde", figures: ["Fraværsprocent", "Udeblivelsesprocent", "Uregistrerede dage"], rows: "periods" },
    { title: "Progression", figures: ["Statusmålinger", "Andel forbedret", "Gennemsnitlig progression", SELF_INTAKE, SELF_LATEST], rows: "periods" },
    {
      title: "Visitation",
      figures: ["Visitationer modtaget", "Visitationer bevilget", "Visitationer afslag", "Gennemsnitlig sagsbehandlingstid"],
      rows: "periods",
    },
    { title: "Brugere og jobcenter", figures: ["Brugere", "Loft", "Andel i jobcenterforløb"], rows: "periods" },
  ];
}

/** The unit a figure is counted in, for its label: "Belægningsprocent (%)", "Gennemsnitlig progression (point)". */
export function unitOf(def: KeyFigureDef): string {
  if (def.format === "percent") return "%";
  if (def.format === "days" || /dage$/.test(def.name)) return "dage";
  if (/pladser$/.test(def.name)) return "pladser";
  if (def.name === "Gennemsnitlig progression") return "point";
  return "antal";
}

/** The overview's footer: the period, beside the page numbers. */
export function overviewFooter(year: number): string {
  return `Kvartalsoversigt ${year} · perioden 1. januar – 31. december ${year}`;
}

/** The overview's cells for a year: the same layout live (formulas) and published (values). */
export function kvartalsoversigtLayout(data: StructuredData, year: number): OverviewLayout {
  const reasons = dischargeReasons(data);
  const defs = new Map(keyFigureDefs(reasons).map((d) => [d.name, d]));
  const scopes = [...reportUnits(data).map((u) => u.enhed), I_ALT];
  const periods = periodsOfYear(year);
  const quarterLabels = periods.slice(1).map((p) => p.label);
  const yearLabel = periods[0].label;
  const cells: OverviewCell[] = [];
  const statusRanges: string[] = [];
  const charts: ChartSpec[] = [];
  const lastCol = 2 + scopes.length - 1;
  const chartCol = columnLetters(lastCol + 2);
  let r = 0; // 0-based sheet row
  const text = (row: number, c: number, t: string, bold = false, size?: number) => cells.push({ address: address(row, c), kind: "text", text: t, bold, size });
  // Headers over numbers stand right, as the numbers do.
  const numberHeader = (row: number, c: number, t: string) => cells.push({ address: address(row, c), kind: "text", text: t, bold: true, align: "right" });

  text(r++, 0, `Kvartalsoversigt ${year}`, true, 16);
  text(r++, 0, LIVE_SUBTITLE);
  text(r++, 0, CHART_NOTE);
  r++;

  for (const s of sections(reasons)) {
    text(r++, 0, s.title, true, 12);
    text(r, 0, "Nøgletal", true);
    text(r, 1, "Periode", true);
    scopes.forEach((u, j) => numberHeader(r, 2 + j, u));
    r++;
    const blockStart = r;
    const firstRows = new Map<string, number>();
    for (const name of s.figures) {
      const def = defs.get(name) as KeyFigureDef;
      const labels = s.rows === "periods" ? [...quarterLabels, yearLabel] : [yearLabel];
      firstRows.set(name, r);
      labels.forEach((label, k) => {
        text(r, 0, k === 0 ? `${s.rows === "year" ? name.replace(/^Udskrivninger: /, "") : name} (${unitOf(def)})` : "");
        text(r, 1, label);
        scopes.forEach((u, j) =>
          cells.push({ address: address(r, 2 + j), kind: "value", key: { enhed: u, periode: label, noegletal: name }, numFmt: numFmtOf(def.format) })
        );
        r++;
      });
    }
    // One chart per theme where quarters tell a story: the first rate of the section by unit.
    const chartFigure = { Belægning: "Belægningsprocent", Fremmøde: "Fraværsprocent" }[s.title as "Belægning" | "Fremmøde"];
    if (chartFigure) {
      const first = firstRows.get(chartFigure)! + 1;
      charts.push({
        type: s.title === "Belægning" ? "columnClustered" : "line",
        title: `${chartFigure} pr. kvartal ${year}`,
        sheet: SHEETS.kvartalsoversigt,
        categories: `B${first}:B${first + 3}`,
        series: scopes.map((u, j) => ({ name: u, values: `${columnLetters(2 + j)}${first}:${columnLetters(2 + j)}${first + 3}` })),
        anchor: `${chartCol}${blockStart}`,
      });
    }
    if (s.rows === "year") {
      charts.push({
        type: "barClustered",
        title: `Udskrivninger efter årsag ${year} (I alt)`,
        sheet: SHEETS.kvartalsoversigt,
        categories: `A${blockStart + 1}:A${r}`,
        series: [{ name: I_ALT, values: `${columnLetters(lastCol)}${blockStart + 1}:${columnLetters(lastCol)}${r}` }],
        anchor: `${chartCol}${blockStart}`,
      });
    }
    r++;
  }

  // Targets: a heading per target, then one row per unit with the status of each quarter and the year.
  text(r++, 0, "Mål og status", true, 12);
  const periodHeads = [...quarterLabels, yearLabel];
  for (const def of keyFigureDefs(reasons).filter((d) => d.target)) {
    text(r, 0, `${def.name}: ${targetText(def.target)}`, true);
    periodHeads.forEach((p, k) => numberHeader(r, 2 + k, p));
    r++;
    const first = r;
    for (const u of scopes) {
      text(r, 0, u);
      periodHeads.forEach((p, k) => cells.push({ address: address(r, 2 + k), kind: "status", key: { enhed: u, periode: p, noegletal: def.name } }));
      r++;
    }
    statusRanges.push(`C${first + 1}:G${r}`);
    r++;
  }
  text(r, 0, "Status: Opfyldt, Ikke opfyldt eller For lidt data (færre sager end diskretionsgrænsen eller intet at sammenligne med).");

  const columnWidths: Record<string, number> = { A: 40, B: 16 };
  for (let c = 2; c <= Math.max(lastCol, 6); c++) columnWidths[columnLetters(c)] = 15;
  return { cells, statusRanges, charts, columnWidths };
}

/** Colour rules for the status words (the word is always shown; the colour only repeats it). */
export function statusFormats(ranges: readonly string[]): ConditionalFormatPlan[] {
  return ranges.flatMap((range) => {
    const topLeft = range.split(":")[0];
    return Object.entries(STATUS_COLOURS).map(([word, c]) => ({ range, formula: `=${topLeft}=${str(word)}`, fill: c.fill, fontColor: c.font }));
  });
}

function keyCriteria(k: FigureKey): string {
  const n = (c: string): string => col(TABLES.noegletal, c);
  return `${n("Enhed")},${str(k.enhed)},${n("Periode")},${str(k.periode)},${n("Nøgletal")},${str(k.noegletal)}`;
}

/** The value of a key figure from Noegletal; "" where Noegletal has no number (an empty figure). */
export function valueFormula(k: FigureKey): string {
  const v = col(TABLES.noegletal, "Værdi");
  return `=IF(COUNTIFS(${keyCriteria(k)},${v},">=-1E+307")=0,"",SUMIFS(${v},${keyCriteria(k)}))`;
}

/** A target's status word from Noegletal ("" where the row has none). */
export function statusLookupFormula(k: FigureKey): string {
  const s = col(TABLES.noegletal, "Status");
  const is = (w: string): string => `COUNTIFS(${keyCriteria(k)},${s},${str(w)})>0`;
  return `=IF(${is("Opfyldt")},"Opfyldt",IF(${is("Ikke opfyldt")},"Ikke opfyldt",IF(${is("For lidt data")},"For lidt data","")))`;
}

/**
 * The reference's key figures by unit, period and figure: the cached results of the overview's lookups into
 * Noegletal (the same figures Nøgletal caches), or none where the references may not hold (cached-results.ts).
 */
function overviewResults(data: StructuredData, year: number, known?: () => readonly KeyFigureRow[]): Map<string, KeyFigureRow> | null {
  if (!referencesHold(data)) return null;
  return new Map((known ? known() : computeKeyFigures(data, year)).map((r) => [`${r.enhed}|${r.periode}|${r.noegletal}`, r]));
}

/** Render a layout's fixed texts as cells. */
export function textCells(layout: OverviewLayout): CellPlan[] {
  return layout.cells.flatMap((c) =>
    c.kind === "text" ? [{ address: c.address, value: c.text, bold: c.bold, size: c.size, ...(c.align ? { align: c.align } : {}) }] : []
  );
}

/** `figures`: the reference's key figures of the year, from a caller that shares them with another sheet (report-plan.ts). */
export function buildKvartalsoversigtSheet(
  data: StructuredData,
  year: number,
  cached = true,
  figures?: () => readonly KeyFigureRow[]
): { sheet: SheetPlan; charts: ChartSpec[] } {
  const layout = kvartalsoversigtLayout(data, year);
  const cells: CellPlan[] = [...textCells(layout)];
  const reference = cached ? overviewResults(data, year, figures) : null;
  const result = (k: FigureKey, c: "vaerdi" | "status"): { result?: CachedResult } => {
    const v = cachedResult(reference?.get(`${k.enhed}|${k.periode}|${k.noegletal}`)?.[c] ?? null);
    return v === null ? {} : { result: v };
  };
  for (const c of layout.cells) {
    if (c.kind === "value") cells.push({ address: c.address, value: { formula: valueFormula(c.key), ...result(c.key, "vaerdi") }, numFmt: c.numFmt });
    if (c.kind === "status") cells.push({ address: c.address, value: { formula: statusLookupFormula(c.key), ...result(c.key, "status") } });
  }
  return {
    sheet: {
      name: SHEETS.kvartalsoversigt,
      tables: [],
      cells,
      conditionalFormats: statusFormats(layout.statusRanges),
      columnWidths: layout.columnWidths,
      print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, footer: overviewFooter(year) },
    },
    charts: layout.charts,
  };
}
