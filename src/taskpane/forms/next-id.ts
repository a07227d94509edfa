// New ids in the workbook's own pattern: a workbook whose visitations are V005-001 … V005-072 gets
// V005-073, not V-0001. The pattern is the most common prefix before a trailing number among the ids
// already in the column, its digits padded as wide as the widest number of that prefix.
import { nextId } from "./cases";

interface Pattern {
  prefix: string;
  width: number;
  max: number;
  count: number;
}

/** The id pattern of the column (prefix, digits), or null when no id ends in a number. */
export function idPattern(existing: readonly string[]): Pattern | null {
  const byPrefix = new Map<string, Pattern>();
  for (const id of existing) {
    const m = /^(.*?)(\d+)$/.exec(id.trim());
    if (!m) continue;
    const key = m[1].toLowerCase();
    const p = byPrefix.get(key) ?? { prefix: m[1], width: 0, max: 0, count: 0 };
    p.width = Math.max(p.width, m[2].length);
    p.max = Math.max(p.max, Number(m[2]));
    p.count++;
    byPrefix.set(key, p);
  }
  let best: Pattern | null = null;
  for (const p of byPrefix.values()) if (!best || p.count > best.count || (p.count === best.count && p.max > best.max)) best = p;
  return best;
}

/**
 * The next free id: one more than the highest number of the column's own pattern, padded to its width;
 * in an empty column the default pattern, e.g. "V-0001".
 */
export function nextIdLike(existing: readonly string[], fallbackPrefix: string): string {
  const p = idPattern(existing);
  if (!p) return nextId(existing, fallbackPrefix);
  const taken = new Set(existing.map((s) => s.trim().toLowerCase()));
  let n = p.max;
  let candidate: string;
  do candidate = `${p.prefix}${String(++n).padStart(p.width, "0")}`;
  while (taken.has(candidate.toLowerCase()));
  return candidate;
}
