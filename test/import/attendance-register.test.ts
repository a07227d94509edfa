// Attendance registers in long format (one row per citizen and day) and attendance grids read
// through the code book: every registration of a known citizen in, with its status read from a code,
// a word or a synonym; unknown citizens and unknown codes in Problemer, never dropped.
import { convert } from "../../src/import/convert";
import { proposeStatus } from "../../src/import/attendance-codes";
import { generateAttendanceRegister } from "../../src/sample/attendance-register";

const key = (a: { sagsId: string; dato: number; status: string | null }) => `${a.sagsId}|${a.dato}|${a.status}`;

describe("attendance register in long format", () => {
  const g = generateAttendanceRegister({ seed: 1 });
  const r = convert(g.grids);

  it("recognises one register sheet per month beside the case list", () => {
    expect(r.regions.map((x) => [x.kind, x.sheet])).toEqual([
      ["sager", "Sagsliste"],
      ...g.truth.perSheet.map((s) => ["fremmoederegister", s.sheet]),
    ]);
    console.log(r.stats, r.attendanceSources, g.truth.perSheet, g.truth.unknownCitizen);
    console.log(r.attendanceCodes.map((c) => [c.value, c.status, c.confidence, c.count]));
    console.log(r.findings.filter((f) => f.code.startsWith("FREMM")));
  });

  it("imports every registration of a known citizen with the status it means", () => {
    const got = r.attendance.map(key).sort();
    expect(got).toEqual(g.truth.attendance.map(key).sort());
  });
});
