// Scores a header text against the known spellings of every `Sager` column: exact, contained word,
// or near spelling (Levenshtein). Memoised per text; detection and mapping both ask many times.
import { FIELDS } from "./fields";
import { compact, normaliseHeader, similarity } from "./normalise";
import { HEADER_BY_COMPACT, HEADER_SYNONYM_LIST } from "./synonyms";

export interface HeaderCandidate {
  /** Contract column name, e.g. "Indskrevet". */
  column: string;
  score: number;
  /** Danish explanation for the mapping dialog. */
  reason: string;
}

const FIELD_ORDER = new Map(FIELDS.map((f, i) => [f.column, i]));
const memo = new Map<string, HeaderCandidate[]>();

/** Candidates for one header text, best first (ties in contract column order). */
export function headerCandidates(text: string): HeaderCandidate[] {
  const hit = memo.get(text);
  if (hit) return hit;
  const result = score(text);
  if (memo.size > 10_000) memo.clear();
  memo.set(text, result);
  return result;
}

function score(text: string): HeaderCandidate[] {
  const n = normaliseHeader(text);
  const c = compact(n);
  if (c === "") return [];
  const best = new Map<string, HeaderCandidate>();
  const offer = (column: string, s: number, reason: string) => {
    const prev = best.get(column);
    if (!prev || s > prev.score) best.set(column, { column, score: Math.round(s * 100) / 100, reason });
  };
  const exact = HEADER_BY_COMPACT.get(c);
  if (exact) offer(exact.column, exact.weight, `Overskriften '${text.trim()}' er et kendt navn for ${exact.column}.`);
  const tokens = new Set(n.split(" "));
  for (const syn of HEADER_SYNONYM_LIST) {
    if (syn.compact === c) continue;
    const contained = syn.compact.length >= 3 && (syn.tokens.every((t) => tokens.has(t)) || (syn.compact.length >= 5 && c.startsWith(syn.compact)));
    if (contained) {
      offer(
        syn.column,
        syn.weight * (0.7 + (0.2 * syn.compact.length) / c.length),
        `Overskriften '${text.trim()}' indeholder '${syn.normalised}' (${syn.column}).`
      );
      continue;
    }
    if (syn.compact.length >= 4 && Math.abs(syn.compact.length - c.length) <= 3) {
      const sim = similarity(c, syn.compact);
      if (sim >= 0.75) offer(syn.column, syn.weight * sim * 0.85, `Overskriften '${text.trim()}' ligner '${syn.normalised}' (${syn.column}).`);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || (FIELD_ORDER.get(a.column) ?? 0) - (FIELD_ORDER.get(b.column) ?? 0));
}

/** The best candidate's score, 0 when nothing matches. */
export function headerScore(text: string): number {
  const c = headerCandidates(text);
  return c.length ? c[0].score : 0;
}
