// Publish mode: a values-only copy of the quarterly overview and the key figures, computed with the
// reference and with small numbers suppressed (primary and secondary), for sharing outside the unit.
// It holds no names, no CPR numbers, no formulas and no defined names: nothing but the figures. Its
// labels come only from closed lists (the units of Enheder, the enumerations) and numbers: a discharge
// reason outside the list is counted under "Andet", a missing one under Uoplyst, and free text never
// becomes a label. Whoever writes it scans it first (privacy-scan.ts).
import {
  I_ALT,
  computeKeyFigures,
  dischargeReasons,
  keyFigureDefs,
  periodsOfYear,
  reasonFigure,
  reportUnits,
  type KeyFigureDef,
  type KeyFigureOptions,
  type KeyFigureRow,
} from "../../domain/keyfigures";
import { POSITIVE_UDSKRIVNINGER, UDSKRIVNINGSAARSAGER } from "../../domain/enums";
import { sameText } from "../../domain/occupancy";
import type { StructuredData } from "../../domain/model";
import { suppress, type SuppressionCell, type SuppressionGroup, type SuppressionReason } from "../../domain/suppression";
import { SHEETS, TABLES } from "../contract";
import type { CellPlan, Plan, Scalar } from "../plan";
import { CHART_NOTE, LIVE_SUBTITLE, kvartalsoversigtLayout, overviewFooter, statusFormats, textCells } from "./kvartalsoversigt";
import { noegletalPrint, numFmtOf } from "./noegletal";

/** What a suppressed cell shows: the same mark for primary and secondary, so neither is told apart. */
export const SUPPRESSED_MARK = "*";

export function publishNote(threshold: number): string {
  return (
    `Offentliggjort udgave uden navne og CPR-numre. ${SUPPRESSED_MARK} = diskretioneret: færre end ${threshold} ` +
    "personer, eller skjult for at en total ikke afslører en anden skjult celle."
  );
}

/** The published overview's subtitle: its numbers are fixed values, not formulas. */
export const PUBLISHED_SUBTITLE = "Til dialogmødet. Faste tal, beregnet da udgaven blev lavet; de opdateres ikke. Tomt felt: intet grundlag.";

/** A published figure's cell: the suppression mark right-aligned where the numbers stand, not read as "6*". */
function figureCell(address: string, value: Scalar, numFmt: string): CellPlan {
  return value === SUPPRESSED_MARK ? { address, value, numFmt, align: "right" } : { address, value, numFmt };
}

export function figureId(k: { enhed: string; periode: string; noegletal: string }): string {
  return `${k.enhed}|${k.periode}|${k.noegletal}`;
}

/** Figures that add up over the units into I alt (weighted sums count: a hidden member is still derivable). */
function additiveOverUnits(def: KeyFigureDef): boolean {
  return def.kind === "count" || ["Gennemsnitligt besatte pladser", "Uregistrerede dage", "Statusmålinger"].includes(def.name);
}

/** Flows whose year is the sum (or the day-weighted sum) of its quarters; stocks (ultimo, users) are not. */
function additiveOverQuarters(def: KeyFigureDef): boolean {
  if (["Indskrevne ultimo", "Brugere", "Loft", "Normerede pladser"].includes(def.name)) return false;
  return additiveOverUnits(def);
}

export interface PublishedFigures {
  rows: KeyFigureRow[];
  suppressed: Map<string, SuppressionReason>;
  /** The additive groups secondary suppression protected (ids as figureId). */
  groups: SuppressionGroup[];
  threshold: number;
}

/** Where a discharge reason outside the list is counted in a published overview. */
export const OTHER_REASON = "Andet";

/** A discharge reason as published: its spelling in the list, "Andet" when outside it, null when missing. */
export function publishedReason(reason: string | null): string | null {
  if (reason === null || reason.trim() === "") return null;
  return UDSKRIVNINGSAARSAGER.find((r) => sameText(r, reason)) ?? OTHER_REASON;
}

/** The data a published overview is computed from: every label it can show comes from a closed list. */
export function publishableData(data: StructuredData): StructuredData {
  return {
    ...data,
    cases: data.cases.map((c) => {
      const r = publishedReason(c.udskrivningsaarsag);
      return r === c.udskrivningsaarsag ? c : { ...c, udskrivningsaarsag: r };
    }),
  };
}

/** The reference figures of the year with suppression applied (see suppression.ts). */
export function publishedFigures(source: StructuredData, year: number, options: KeyFigureOptions = {}): PublishedFigures {
  const data = publishableData(source);
  const threshold = data.params.diskretionsgraense;
  const rows = computeKeyFigures(data, year, options);
  const reasons = dischargeReasons(data);
  const defs = keyFigureDefs(reasons);
  const defOf = new Map(defs.map((d) => [d.name, d]));
  const cells: SuppressionCell[] = rows.map((r) => {
    const def = defOf.get(r.noegletal)!;
    return {
      id: figureId(r),
      value: r.vaerdi,
      kind: def.kind,
      base: r.n,
      numerator: r.numerator,
      linkedTo: def.numeratorOf ? [figureId({ ...r, noegletal: def.numeratorOf })] : undefined,
    };
  });
  // Occupancy rate and average occupied places reveal each other (the places are public).
  for (const c of cells) {
    if (c.id.endsWith("|Belægningsprocent")) c.linkedTo = [c.id.replace(/Belægningsprocent$/, "Gennemsnitligt besatte pladser")];
  }
  const units = reportUnits(data).map((u) => u.enhed);
  const periods = periodsOfYear(year).map((p) => p.label);
  const [yearLabel, ...quarters] = periods;
  const groups: SuppressionGroup[] = [];
  const id = (enhed: string, periode: string, noegletal: string): string => figureId({ enhed, periode, noegletal });
  for (const def of defs) {
    if (additiveOverUnits(def)) {
      for (const p of periods) groups.push({ total: id(I_ALT, p, def.name), members: units.map((u) => id(u, p, def.name)) });
    }
    if (additiveOverQuarters(def)) {
      for (const u of [...units, I_ALT]) groups.push({ total: id(u, yearLabel, def.name), members: quarters.map((q) => id(u, q, def.name)) });
    }
  }
  for (const u of [...units, I_ALT]) {
    for (const p of periods) {
      groups.push({ total: id(u, p, "Udskrivninger"), members: reasons.map((r) => id(u, p, reasonFigure(r))) });
      groups.push({ total: id(u, p, "Positive udskrivninger"), members: POSITIVE_UDSKRIVNINGER.map((r) => id(u, p, reasonFigure(r))) });
    }
  }
  const { suppressed } = suppress(cells, groups, threshold);
  return { rows, suppressed, groups, threshold };
}

/** A published figure as it is shown: its value, the mark, or empty. */
export function shownValue(f: PublishedFigures, row: KeyFigureRow): Scalar {
  if (row.vaerdi === null) return null;
  return f.suppressed.has(figureId(row)) ? SUPPRESSED_MARK : row.vaerdi;
}

/** The published workbook: Kvartalsoversigt and Nøgletal as values, suppression applied. */
export function buildPublishedPlan(source: StructuredData, year: number, options: KeyFigureOptions = {}): Plan {
  const data = publishableData(source);
  const figures = publishedFigures(data, year, options);
  const byId = new Map(figures.rows.map((r) => [figureId(r), r]));
  const layout = kvartalsoversigtLayout(data, year);
  const note = publishNote(figures.threshold);
  const replaced = new Map<Scalar, string>([
    [CHART_NOTE, note],
    [LIVE_SUBTITLE, PUBLISHED_SUBTITLE],
  ]);
  const cells: CellPlan[] = textCells(layout).map((c) => (replaced.has(c.value as Scalar) ? { ...c, value: replaced.get(c.value as Scalar)! } : c));
  for (const c of layout.cells) {
    if (c.kind === "text") continue;
    const row = byId.get(figureId(c.key));
    if (!row) continue;
    if (c.kind === "value") cells.push(figureCell(c.address, shownValue(figures, row), c.numFmt));
    else cells.push({ address: c.address, value: row.status });
  }
  const defOf = new Map(keyFigureDefs(dischargeReasons(data)).map((d) => [d.name, d]));
  return {
    sheets: [
      {
        name: SHEETS.kvartalsoversigt,
        tables: [],
        cells,
        conditionalFormats: statusFormats(layout.statusRanges),
        columnWidths: layout.columnWidths,
        print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, footer: overviewFooter(year) },
      },
      {
        name: SHEETS.noegletal,
        tables: [
          {
            name: TABLES.noegletal,
            topLeft: "A3",
            columns: [
              { name: "Enhed", width: 22 },
              { name: "Periode", width: 10 },
              { name: "Nøgletal", width: 38 },
              { name: "Værdi", width: 12 },
              { name: "Mål", width: 40 },
              { name: "Status", width: 14 },
            ],
            rows: figures.rows.map((r) => [r.enhed, r.periode, r.noegletal, shownValue(figures, r), r.maal, r.status]),
            style: "TableStyleLight9",
          },
        ],
        cells: [
          { address: "A1", value: `Nøgletal ${year}`, bold: true, size: 14 },
          { address: "A2", value: note },
          // Number formats per row follow the key figure (percent, places, counts).
          ...figures.rows.map((r, i) => figureCell(`D${4 + i}`, shownValue(figures, r), numFmtOf(defOf.get(r.noegletal)!.format))),
        ],
        print: noegletalPrint(year, "A:F"),
      },
    ],
    names: [],
  };
}
