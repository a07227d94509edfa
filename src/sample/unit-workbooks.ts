// Several units' workbooks from one generated data set, as a municipality's units keep them: each
// workbook holds its own units' cases with their registrations, measurements, goals and visitations,
// and the same setup (statuses, holidays, instruments, parameters). For the consolidated overview's
// tests and benchmark.
import type { StructuredData } from "../domain/model";
import { findUnit } from "../domain/occupancy";

/** Split the data into one data set per group of units (cases of units in no group are left out). */
export function splitByUnits(data: StructuredData, groups: readonly (readonly string[])[]): StructuredData[] {
  return groups.map((group) => {
    const units = data.units.filter((u) => group.some((g) => findUnit([u], g)));
    const cases = data.cases.filter((c) => findUnit(units, c.enhed) !== undefined);
    const ids = new Set(cases.map((c) => c.sagsId));
    return {
      ...data,
      params: { ...data.params },
      units,
      cases,
      attendance: data.attendance.filter((a) => ids.has(a.sagsId)),
      measurements: data.measurements.filter((m) => ids.has(m.sagsId)),
      goals: data.goals.filter((g) => ids.has(g.sagsId)),
      visitations: data.visitations.filter((v) => (v.sagsId !== null ? ids.has(v.sagsId) : findUnit(units, v.oensketEnhed) !== undefined)),
    };
  });
}
