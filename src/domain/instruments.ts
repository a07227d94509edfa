// Measurement instruments (docs/domain.md): the presets a user picks from for the `Instrumenter` table,
// and the lookups the progression reference shares with the workbook formulas.
import type { InstrumentDimension } from "./model";

export const RETNING = {
  hoejere: "Højere er bedre",
  lavere: "Lavere er bedre",
} as const;
export type Retning = (typeof RETNING)[keyof typeof RETNING];

export const DEFAULT_INSTRUMENT = "Værkstedsmål";
/** The yes/no self-assessment whose share of yes answers has a target (doubling, cohort by cohort). */
export const SELVVURDERING = "Selvvurdering";

/** Level labels of Funktionsniveau (the ICF qualifiers 0-4). */
export const FUNKTIONSNIVEAU_NIVEAUER = "0=ingen;1=lette;2=moderate;3=svære;4=totale begrænsninger";
/** Funktionsniveau's "ikke relevant": outside the 0-4 scale, so no formula can mistake it for a level. */
export const FUNKTIONSNIVEAU_IKKE_RELEVANT = 9;
export const SELVVURDERING_NIVEAUER = "0=Nej;1=Ja";

function dimensions(
  instrument: string,
  names: readonly string[],
  scale: Omit<InstrumentDimension, "instrument" | "dimension" | "prioriteret">,
  prioritised: readonly string[] = []
): InstrumentDimension[] {
  return names.map((dimension) => ({ instrument, dimension, ...scale, prioriteret: prioritised.includes(dimension) }));
}

const oneToTen = { min: 1, max: 10, retning: RETNING.hoejere, ikkeRelevant: null, niveauer: null } as const;

export const INSTRUMENT_PRESETS: Record<string, InstrumentDimension[]> = {
  Værkstedsmål: dimensions(
    "Værkstedsmål",
    [
      "Stabilisering af døgnrytme",
      "Forbedring af samarbejdsevner",
      "Forbedring af faglige kompetencer",
      "Forbedring af selvtillid og livskvalitet",
      "Forbedring af sundhed og reduktion af misbrug",
    ],
    oneToTen
  ),
  Forandringskompas: dimensions(
    "Forandringskompas",
    [
      "Oplevet vold eller trusler om vold",
      "Familie og sociale netværk",
      "Beskæftigelse og uddannelse",
      "Interesser og fritid",
      "Bolig",
      "Kriminalitet",
      "Økonomi",
      "Fysisk helbred",
      "Psykisk helbred",
      "Forbrug af rusmidler",
    ],
    oneToTen,
    ["Beskæftigelse og uddannelse", "Bolig", "Økonomi"]
  ),
  // Themes after the ICF activity and participation domains that Danish adult services assess
  // (Fælles sprog III / Voksenudredningsmetoden).
  Funktionsniveau: dimensions("Funktionsniveau", ["Egenomsorg", "Praktiske opgaver", "Mobilitet", "Kommunikation", "Samfundsliv", "Socialt liv", "Sundhed"], {
    min: 0,
    max: 4,
    retning: RETNING.lavere,
    ikkeRelevant: FUNKTIONSNIVEAU_IKKE_RELEVANT,
    niveauer: FUNKTIONSNIVEAU_NIVEAUER,
  }),
  // Yes/no items as 0/1 so that the mean of a group is the share answering yes.
  Selvvurdering: dimensions(
    "Selvvurdering",
    ["Ser sig selv i ordinær beskæftigelse", "Betragter sig selv som misbrugsfri", "Oplever reduceret misbrug uden for arbejdstiden"],
    { min: 0, max: 1, retning: RETNING.hoejere, ikkeRelevant: null, niveauer: SELVVURDERING_NIVEAUER }
  ),
};

/** Every preset's dimensions, in preset order: the default content of `Instrumenter`. */
export function allPresetDimensions(): InstrumentDimension[] {
  return Object.values(INSTRUMENT_PRESETS).flat();
}

/**
 * Names compare as Excel's MATCH, COUNTIFS and "=" compare text: ignoring case, nothing else.
 * (Wildcards `*`, `?` and `~` in names would mean something to COUNTIFS; instrument, dimension
 * and case names do not use them.)
 */
export { sameText } from "./text";
import { sameText } from "./text";

/** The lookup key of a dimension, as the `Nøgle` columns write it: "Instrument|Dimension". */
export function dimensionKey(instrument: string | null, dimension: string | null): string {
  return `${instrument ?? ""}|${dimension ?? ""}`;
}

/** The first row of `Instrumenter` with this instrument and dimension, as MATCH finds it; null if none. */
export function findDimension(instruments: readonly InstrumentDimension[], instrument: string | null, dimension: string | null): InstrumentDimension | null {
  const key = dimensionKey(instrument, dimension);
  return instruments.find((d) => sameText(dimensionKey(d.instrument, d.dimension), key)) ?? null;
}

/** +1 when higher scores are better, -1 when lower are (any text other than "Lavere er bedre" is +1). */
export function directionSign(retning: string | null): 1 | -1 {
  return sameText(retning, RETNING.lavere) ? -1 : 1;
}

/** Level labels "0=ingen;1=lette" as pairs; unparseable parts are skipped. */
export function parseLevels(niveauer: string | null): { score: number; label: string }[] {
  if (!niveauer) return [];
  return niveauer
    .split(";")
    .map((part) => /^\s*(-?\d+(?:[.,]\d+)?)\s*=\s*(.*?)\s*$/.exec(part))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ score: Number(m[1].replace(",", ".")), label: m[2] }));
}
