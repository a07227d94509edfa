// Row colours read for what they mean: coordinators colour a discharged citizen's row red (or grey), a
// waiting one yellow, an active one green. Each colour of a list is proposed with its meaning and a
// confidence, kept in the mapping and confirmed like a column ("Farve FF0000" = udskrevet); a row whose
// colour says discharged while it has no discharge date is a finding, as with a status column.
import type { Case } from "../domain/model";
import type { Finding } from "./findings";
import type { SheetGrid } from "./grid";
import type { Mapping, MappingOverrides } from "./mapping";
import type { StatusMeaning } from "./status-column";

export interface FillMeaning {
  sheet: string;
  /** 6-digit upper-case hex, as the grid carries it. */
  color: string;
  /** What the colour means, or null: the colour is only decoration. */
  meaning: StatusMeaning | null;
  confidence: number;
  reason: string;
  /** Data rows with this colour. */
  rows: number;
}

export const MEANING_WORDS: Record<StatusMeaning, string> = { udskrevet: "udskrevet", venteliste: "på venteliste", aktiv: "aktiv" };

/** The override key that confirms a colour's meaning, e.g. "Farve FF0000". */
export const fillKey = (color: string) => `Farve ${color}`;

function hsl(hex: string): { h: number; s: number; l: number } {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  const h = max === r ? 60 * (((g - b) / d) % 6) : max === g ? 60 * ((b - r) / d + 2) : 60 * ((r - g) / d + 4);
  return { h: (h + 360) % 360, s, l };
}

/** A colour's usual meaning in a case list, and a name for it in Danish. */
export function colourGuess(hex: string): { name: string; meaning: StatusMeaning | null } {
  const { h, s, l } = hsl(hex);
  if (s < 0.12) return l < 0.95 ? { name: "grå", meaning: "udskrevet" } : { name: "hvid", meaning: null };
  if (h < 20 || h >= 330) return { name: l > 0.75 ? "lyserød" : "rød", meaning: "udskrevet" };
  if (h < 70) return { name: h < 40 ? "orange" : "gul", meaning: "venteliste" };
  if (h < 170) return { name: "grøn", meaning: "aktiv" };
  return { name: h < 260 ? "blå" : "lilla", meaning: null };
}

const MEANINGS = new Set<string>(["udskrevet", "venteliste", "aktiv"]);

/** The colours of a region's data rows with their proposed (or confirmed) meanings. */
export function fillMeanings(grid: SheetGrid, dataRows: readonly number[], overrides: MappingOverrides | undefined, saved: Mapping | undefined): FillMeaning[] {
  const fills = grid.rowFills;
  if (!fills) return [];
  const counts = new Map<string, number>();
  for (const r of dataRows) {
    const c = fills[r];
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const out: FillMeaning[] = [];
  for (const [color, rows] of counts) {
    const guess = colourGuess(color);
    const key = fillKey(color);
    const override = overrides && Object.keys(overrides).find((k) => k.trim().toLowerCase() === key.toLowerCase());
    const savedFill = saved?.fills?.find((f) => f.color === color && f.sheet === grid.name) ?? saved?.fills?.find((f) => f.color === color);
    if (override !== undefined) {
      const v = overrides![override];
      const meaning = v !== null && MEANINGS.has(v.toLowerCase()) ? (v.toLowerCase() as StatusMeaning) : null;
      out.push({ sheet: grid.name, color, meaning, confidence: 1, reason: "Valgt af brugeren.", rows });
    } else if (savedFill) {
      out.push({ sheet: grid.name, color, meaning: savedFill.meaning, confidence: 1, reason: "Samme betydning som ved sidste import.", rows });
    } else {
      out.push({
        sheet: grid.name,
        color,
        meaning: guess.meaning,
        confidence: guess.meaning ? 0.6 : 0,
        reason: guess.meaning
          ? `${rows} rækker har ${guess.name} baggrund (${color}); ${guess.name} betyder oftest ${MEANING_WORDS[guess.meaning]}.`
          : `${rows} rækker har ${guess.name} baggrund (${color}); farven har ingen kendt betydning.`,
        rows,
      });
    }
  }
  return out.sort((a, b) => b.rows - a.rows || (a.color < b.color ? -1 : 1));
}

interface FillRow {
  case: Case;
  sheet: string;
  row: number;
  unparsed: Partial<Record<keyof Case, string>> | null;
}

/** One finding per guessed colour (to confirm), and one per row the colour calls discharged without a date. */
export function fillFindings(rows: readonly FillRow[], grid: SheetGrid, meanings: readonly FillMeaning[], letter: string, headerRow: number): Finding[] {
  const out: Finding[] = [];
  const byColor = new Map(meanings.map((m) => [m.color, m]));
  for (const m of meanings) {
    if (m.meaning === null || m.confidence >= 1) continue;
    out.push({
      sheet: m.sheet,
      cell: `${letter}${headerRow + 1}`,
      severity: "advarsel",
      code: "FARVE_TOLKET",
      message: `${m.reason} Rækkerne er læst som ${MEANING_WORDS[m.meaning]} (sikkerhed ${Math.round(m.confidence * 100)} %). Bekræft eller ret betydningen i tilknytningen ('${fillKey(m.color)}').`,
      original: null,
    });
  }
  for (const r of rows) {
    const color = grid.rowFills?.[r.row];
    const m = color ? byColor.get(color) : undefined;
    if (!m || m.meaning !== "udskrevet") continue;
    if (r.case.udskrevet !== null || r.unparsed?.udskrevet !== undefined) continue;
    out.push({
      sheet: r.sheet,
      cell: `${letter}${r.row + 1}`,
      severity: "fejl",
      code: "UDSKREVET_UDEN_DATO",
      message: `Rækkens farve (${m.color}) betyder udskrevet, men sagen har ingen udskrivningsdato og tæller derfor som aktiv. Skriv udskrivningsdatoen i Udskrevet i Sager.`,
      original: null,
    });
  }
  return out;
}
