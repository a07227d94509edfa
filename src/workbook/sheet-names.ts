// Structured sheets take another name where the source workbook already has a sheet of that name:
// the original sheets are never touched, and code relies on table and defined names, not sheet names.
import type { Plan } from "./plan";

/** Excel compares sheet names case-insensitively. */
function taken(existing: readonly string[]): Set<string> {
  return new Set(existing.map((n) => n.toLocaleLowerCase("da")));
}

export function freeSheetName(wanted: string, existing: readonly string[]): string {
  const used = taken(existing);
  if (!used.has(wanted.toLocaleLowerCase("da"))) return wanted;
  for (let i = 2; ; i++) {
    const candidate = `${wanted.slice(0, 31 - ` (${i})`.length)} (${i})`;
    if (!used.has(candidate.toLocaleLowerCase("da"))) return candidate;
  }
}

/** Rename the plan's sheets that clash with existing ones, and the references to them. */
export function avoidSheetClashes(plan: Plan, existing: readonly string[]): Plan {
  const names = [...existing];
  const renames = new Map<string, string>();
  for (const s of plan.sheets) {
    const free = freeSheetName(s.name, names);
    names.push(free);
    if (free !== s.name) renames.set(s.name, free);
  }
  if (renames.size === 0) return plan;
  const rewrite = (ref: string): string => {
    let out = ref;
    for (const [from, to] of renames) {
      out = out.split(`'${from.replace(/'/g, "''")}'!`).join(`'${to.replace(/'/g, "''")}'!`);
      out = out.split(`${from}!`).join(`'${to.replace(/'/g, "''")}'!`);
    }
    return out;
  };
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({ ...s, name: renames.get(s.name) ?? s.name })),
    names: plan.names.map((n) => ({ ...n, refersTo: rewrite(n.refersTo) })),
  };
}
