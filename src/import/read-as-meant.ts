// Cells of Pladstype and Udskrivningsårsag read as their coordinator meant them, when the list's own
// spelling fails: a place size as a weight, a discharge reason in words as a value of the closed list.
// The outcome carries what the conversion needs besides the value (the weight, the words to keep).
import type { Finding } from "./findings";
import type { CellOutcome } from "./parse";
import { parseDateCell, parseListCell } from "./parse";
import type { RawCell } from "./grid";
import type { ListLookup } from "./synonyms";
import { formatWeight, parsePeriodText, placeWeight, readDischargeReason } from "./values-as-meant";

export type MeantOutcome = CellOutcome & {
  /** Pladstype: the place weight the cell says (1 for "Fuldtid"). */
  weight?: number;
  /** Udskrivningsårsag read from words: the words, kept in Bemærkninger. */
  words?: string;
  /** Indskrevet read from a period in one cell: the period's end, for Udskrevet. */
  end?: number | null;
};

/** Indskrevet: a date, else a period "01.02.2023 - 31.12.2023" whose end is the discharge. */
export function readEnrolmentCell(v: RawCell, fmt: string | null): MeantOutcome {
  const o = parseDateCell(v, fmt);
  if (o.kind !== "unparsed" || typeof v !== "string") return o;
  const p = parsePeriodText(v);
  if (!p || p.start === null) return o;
  return { kind: "value", value: p.start, end: p.end };
}

const RE_DIGIT = /\d/;
const weightMemo = new Map<string, MeantOutcome>();

/** Pladstype: "Fuldtid"/"Deltid" and their spellings, else a fraction, share or hours read as a weight. */
export function readPlaceCell(v: RawCell, lookup: ListLookup): MeantOutcome {
  if (typeof v === "number" || (typeof v === "string" && RE_DIGIT.test(v))) {
    const key = typeof v === "number" ? `#${v}` : v;
    let r = weightMemo.get(key);
    if (r === undefined) {
      const w = placeWeight(v);
      r = w
        ? {
            kind: "value",
            value: w.pladstype,
            weight: w.weight,
            note: {
              code: "PLADSTYPE_VAEGT",
              severity: "info",
              message: `Pladstypen er læst som ${w.how}: Pladsvægt ${formatWeight(w.weight)}, dvs. ${w.pladstype}${w.pladstype === "Deltid" ? " (enhedens Deltidsvægt på Opsætning)" : ""}.`,
            },
          }
        : parseListCell(v, "Pladstype", lookup);
      if (weightMemo.size > 10_000) weightMemo.clear();
      weightMemo.set(key, r);
    }
    return r;
  }
  return parseListCell(v, "Pladstype", lookup);
}

/** Udskrivningsårsag: a list value, else a reason named in words (the words go to Bemærkninger). */
export function readReasonCell(v: RawCell, lookup: ListLookup): MeantOutcome {
  const o = parseListCell(v, "Udskrivningsårsag", lookup);
  if (typeof v !== "string" || (o.kind === "value" && !o.note)) return o;
  const r = readDischargeReason(v);
  if (!r) return o;
  return {
    kind: "value",
    value: r.value,
    words: v.trim(),
    note: {
      code: "AARSAG_LAEST",
      severity: "advarsel",
      message: `Udskrivningsårsagen er skrevet med ord og læst som '${r.value}' (sikkerhed ${Math.round(r.confidence * 100)} %). Ordene står i sagens Bemærkninger. Kontrollér årsagen.`,
    },
  };
}

/** The words of a reason read from text, added to the case's own remarks. */
export function remarksWithReason(remarks: string | null | undefined, words: string): string {
  const line = `Udskrivningsårsag (som skrevet i listen): ${words}`;
  return remarks ? `${remarks}\n${line}` : line;
}

/**
 * The Deltidsvægt of each unit whose part-time cases all say the same weight, and a finding for a unit
 * whose cases say several (the most common is used: Pladsvægt is set per unit, not per case).
 */
export function unitPartTimeWeights(
  rows: readonly { enhed: string; weight: number | undefined; sheet: string; cell: string }[],
  unitKeyOf: (enhed: string) => string
): { weights: Map<string, number>; findings: Finding[] } {
  const byUnit = new Map<string, { counts: Map<number, number>; first: { sheet: string; cell: string; enhed: string } }>();
  for (const r of rows) {
    if (r.weight === undefined || r.weight >= 1 || r.enhed === "") continue;
    const k = unitKeyOf(r.enhed);
    let u = byUnit.get(k);
    if (!u) byUnit.set(k, (u = { counts: new Map(), first: { sheet: r.sheet, cell: r.cell, enhed: r.enhed } }));
    u.counts.set(r.weight, (u.counts.get(r.weight) ?? 0) + 1);
  }
  const weights = new Map<string, number>();
  const findings: Finding[] = [];
  for (const [k, u] of byUnit) {
    const sorted = [...u.counts].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
    weights.set(k, sorted[0][0]);
    if (sorted.length > 1)
      findings.push({
        sheet: u.first.sheet,
        cell: u.first.cell,
        severity: "advarsel",
        code: "DELTIDSVAEGT_FORSKELLIG",
        message:
          `Deltidspladserne i enheden '${u.first.enhed}' har forskellige vægte: ` +
          sorted.map(([w, n]) => `${formatWeight(w)} (${n} ${n === 1 ? "sag" : "sager"})`).join(", ") +
          `. Pladsvægten sættes pr. enhed, så enhedens Deltidsvægt er sat til ${formatWeight(sorted[0][0])}. Ret den på Opsætning, eller del enheden.`,
        original: null,
      });
  }
  return { weights, findings };
}
