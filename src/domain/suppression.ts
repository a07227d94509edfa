// Statistical disclosure control of published overviews (docs/domain.md, "Personal data"): primary
// suppression of small counts and of rates over few cases, then secondary suppression so that no
// total gives a suppressed cell away. Pure: cells and groups in, the set of suppressed ids out.

/** Default threshold (Diskretionsgraense). */
export const DEFAULT_THRESHOLD = 5;

export type CellKind =
  /** A number of persons: suppressed when below the threshold (0 included). */
  | "count"
  /** A rate, average or sum over `base` persons: suppressed when the base is below the threshold. */
  | "rate"
  /** Not about persons (places, caps): never suppressed. */
  | "none";

export interface SuppressionCell {
  id: string;
  value: number | null;
  kind: CellKind;
  /** For rates: the number of persons behind the figure. */
  base?: number | null;
  /** For shares: the number of persons in the numerator; a small numerator is a small count. */
  numerator?: number | null;
  /** Ids of count cells whose suppression must suppress this cell too (a share of that count). */
  linkedTo?: string[];
}

/** An additive group: the members sum to the total (e.g. units -> I alt, quarters -> year). */
export interface SuppressionGroup {
  total: string;
  members: string[];
}

export type SuppressionReason = "primær" | "sekundær";

export interface SuppressionResult {
  suppressed: Map<string, SuppressionReason>;
}

/** Is this cell below the threshold on its own? */
export function primarilySuppressed(cell: SuppressionCell, threshold: number): boolean {
  if (cell.value === null) return false;
  switch (cell.kind) {
    case "count":
      return cell.value < threshold;
    case "rate":
      return (cell.base ?? 0) < threshold || (cell.numerator != null && cell.numerator < threshold);
    case "none":
      return false;
  }
}

/**
 * Primary suppression, then secondary until nothing changes: in every group where exactly one of the
 * members and the total is suppressed, the smallest unsuppressed member (ties: the first) is
 * suppressed too, so neither the total nor the other members reveal it. Empty cells (value null)
 * reveal nothing and are never chosen. Finally shares linked to a suppressed count follow it.
 */
export function suppress(cells: readonly SuppressionCell[], groups: readonly SuppressionGroup[], threshold: number = DEFAULT_THRESHOLD): SuppressionResult {
  const byId = new Map(cells.map((c) => [c.id, c]));
  const suppressed = new Map<string, SuppressionReason>();
  for (const c of cells) if (primarilySuppressed(c, threshold)) suppressed.set(c.id, "primær");

  let changed = true;
  while (changed) {
    changed = false;
    for (const g of groups) {
      const ids = [g.total, ...g.members].filter((id) => byId.get(id)?.value != null);
      const hidden = ids.filter((id) => suppressed.has(id)).length;
      if (hidden !== 1) continue;
      const candidates = g.members.filter((id) => !suppressed.has(id) && byId.get(id)?.value != null).sort((a, b) => byId.get(a)!.value! - byId.get(b)!.value!);
      // A total alone with every member shown cannot happen here: the total is suppressed only
      // through another group, and then one member goes with it.
      const pick = candidates[0] ?? (suppressed.has(g.total) ? undefined : g.total);
      if (pick === undefined) continue;
      suppressed.set(pick, "sekundær");
      changed = true;
    }
  }
  for (const c of cells) {
    if (suppressed.has(c.id) || c.value === null) continue;
    if ((c.linkedTo ?? []).some((id) => suppressed.has(id))) suppressed.set(c.id, "sekundær");
  }
  return { suppressed };
}
