// The one table `npm run bench` prints: each figure beside its target and whether it meets it.
export interface Row {
  measure: string;
  figure: string;
  target: string;
  /** null: shown for context, no target of its own. */
  pass: boolean | null;
}

export function formatTable(rows: readonly Row[]): string {
  const head: Row = { measure: "measure", figure: "figure", target: "target", pass: null };
  const cells = [head, ...rows].map((r, i) => [r.measure, r.figure, r.target, i === 0 ? "result" : r.pass === null ? "" : r.pass ? "pass" : "MISS"]);
  const widths = [0, 1, 2, 3].map((j) => Math.max(...cells.map((c) => c[j].length)));
  const line = (c: string[]): string => "| " + c.map((s, j) => s.padEnd(widths[j])).join(" | ") + " |";
  const rule = "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|";
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join("\n");
}

export const ratio = (x: number): string => `${x.toFixed(2)}×`;
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`;
