// Type-to-jump in the attendance list: the row a typed text points to. A name (or Sags-ID) that starts
// with the text wins over one that only contains it, and a later word of the name counts as a start, so
// "nie" finds "Emma Nielsen"; the first such row in list order is the target.
import { unitKey } from "./cases";

/** The index of the row the query points to, or -1 when none matches (an empty query matches none). */
export function jumpTarget(labels: readonly string[], query: string): number {
  const q = unitKey(query);
  if (q === "") return -1;
  const keys = labels.map(unitKey);
  const starts = keys.findIndex((k) => k.startsWith(q));
  if (starts >= 0) return starts;
  const wordStarts = keys.findIndex((k) => k.split(/[\s(]+/).some((w) => w.startsWith(q)));
  if (wordStarts >= 0) return wordStarts;
  return keys.findIndex((k) => k.includes(q));
}
