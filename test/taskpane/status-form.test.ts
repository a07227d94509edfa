// The status-measurement form's rules: a score on its dimension's scale or "ikke relevant", the previous
// score and change, the live GAS T-score, goals checked with the shared schema, and the rows a save writes.
import { INSTRUMENT_PRESETS } from "../../src/domain/instruments";
import {
  draftTScore,
  goalField,
  previousScore,
  scaleText,
  scoreField,
  scoresOn,
  signed,
  statusChanges,
  validateStatusDraft,
  type GoalRow,
  type MeasurementRow,
  type StatusContext,
  type StatusDraft,
} from "../../src/taskpane/forms/status-form";

const vm = INSTRUMENT_PRESETS["Værkstedsmål"];
const fn = INSTRUMENT_PRESETS["Funktionsniveau"];

const measurements: MeasurementRow[] = [
  { index: 0, sagsId: "S-1", dato: 45000, instrument: "Værkstedsmål", dimension: vm[0].dimension, score: 4, bemaerkning: null, registreretAf: null },
  { index: 1, sagsId: "S-1", dato: 45090, instrument: "Værkstedsmål", dimension: vm[0].dimension, score: 6, bemaerkning: null, registreretAf: "Ole" },
  { index: 2, sagsId: "S-1", dato: 45090, instrument: "Værkstedsmål", dimension: vm[1].dimension, score: 5, bemaerkning: null, registreretAf: "Ole" },
  {
    index: 3,
    sagsId: "S-1",
    dato: 45000,
    instrument: "Funktionsniveau",
    dimension: fn[0].dimension,
    score: 9,
    bemaerkning: "Ikke relevant",
    registreretAf: null,
  },
];
const goals: GoalRow[] = [{ index: 0, sagsId: "S-1", maal: "Møde til tiden", vaegt: 1, gasScore: 0, dato: 45000 }];

const draft = (patch: Partial<StatusDraft>): StatusDraft => ({
  sagsId: "S-1",
  dato: "01-01-2024",
  instrument: "Værkstedsmål",
  editingDate: null,
  scores: {},
  notRelevant: {},
  bemaerkning: "",
  registreretAf: "",
  goals: [],
  ...patch,
});

const ctx = (dims = vm): StatusContext => ({ dimensions: dims, measurements, goals });

test.each([
  ["above the scale", "11", "Scoren skal ligge fra 1 til 10."],
  ["below the scale", "0", "Scoren skal ligge fra 1 til 10."],
  ["not a number", "syv", "Skriv en score fra 1 til 10."],
])("a score %s is refused beside its dimension", (_n, score, message) => {
  const r = validateStatusDraft(draft({ scores: { [vm[0].dimension]: score, [vm[1].dimension]: "5" } }), ctx());
  expect(r.ok).toBe(false);
  expect(!r.ok && r.errors[scoreField(vm[0].dimension)]).toBe(message);
  expect(!r.ok && r.errors[scoreField(vm[1].dimension)]).toBeUndefined();
});

test("no citizen, no date or no score at all is refused", () => {
  const r = validateStatusDraft(draft({ sagsId: "", dato: "i overmorgen" }), ctx());
  expect(!r.ok && r.errors).toMatchObject({ sagsId: "Vælg en borger.", dato: "Skriv en gyldig dato (dd-mm-åååå)." });
  const none = validateStatusDraft(draft({}), ctx());
  expect(!none.ok && none.errors[scoreField(vm[0].dimension)]).toBe("Udfyld mindst én score.");
});

test("one row per scored dimension; 'ikke relevant' only where the instrument has it, stored as its value", () => {
  const r = validateStatusDraft(
    draft({ instrument: "Funktionsniveau", scores: { [fn[0].dimension]: "2" }, notRelevant: { [fn[1].dimension]: true }, registreretAf: "Kasper" }),
    ctx(fn)
  );
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  const [change] = statusChanges(r.save);
  expect(change.table).toBe("Statusmaalinger");
  expect(change.appends?.map((a) => [a.Dimension, a.Score, a["Bemærkning"], a["Registreret af"], a.Dato])).toEqual([
    [fn[0].dimension, 2, null, "Kasper", 45292],
    [fn[1].dimension, 9, "Ikke relevant", "Kasper", 45292],
  ]);
  // Værkstedsmål has no "ikke relevant": the tick is ignored and the dimension stays unmeasured.
  const vr = validateStatusDraft(draft({ scores: { [vm[0].dimension]: "3" }, notRelevant: { [vm[1].dimension]: true } }), ctx());
  expect(vr.ok && vr.save.measurements.map((x) => x.row.dimension)).toEqual([vm[0].dimension]);
});

test("a measurement of a case, instrument and day that exists is corrected in place", () => {
  const loaded = scoresOn(measurements, "S-1", vm, 45090);
  expect(loaded.scores).toEqual({ [vm[0].dimension]: "6", [vm[1].dimension]: "5" });
  const r = validateStatusDraft(
    draft({ ...loaded, dato: "15-06-2023", editingDate: 45090, scores: { ...loaded.scores, [vm[0].dimension]: "8", [vm[2].dimension]: "4" } }),
    ctx()
  );
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  const [change] = statusChanges(r.save);
  expect(change.updates?.map((u) => [u.index, u.values.Score, u.values.Dato])).toEqual([
    [1, 8, 45092],
    [2, 5, 45092],
  ]);
  expect(change.appends?.map((a) => [a.Dimension, a.Score])).toEqual([[vm[2].dimension, 4]]);
});

test("previous score and change: the latest numeric score before the day, 'ikke relevant' skipped", () => {
  expect(previousScore(measurements, "s-1", vm[0], 45100)).toEqual({ score: 6, dato: 45090 });
  expect(previousScore(measurements, "S-1", vm[0], 45090)).toEqual({ score: 4, dato: 45000 });
  expect(previousScore(measurements, "S-1", fn[0], 45100)).toBeNull();
  expect([signed(2), signed(-1), signed(0), signed(0.5)]).toEqual(["+2", "-1", "0", "+0.5"]);
  expect(scaleText(fn[0])).toBe("Skala 0–4: 0 ingen, 1 lette, 2 moderate, 3 svære, 4 totale begrænsninger");
});

test("GAS: the live T-score follows docs/domain.md; changed and new goals are written, unchanged ones not", () => {
  expect(draftTScore([1, 1, 1].map((s) => ({ index: null, maal: "x", vaegt: "", score: String(s) })))!.toFixed(2)).toBe("63.69");
  expect(
    draftTScore(
      [
        ["1", "1"],
        ["2", "0"],
        ["3", "-1"],
      ].map(([w, s]) => ({ index: null, maal: "x", vaegt: w, score: s }))
    )!.toFixed(2)
  ).toBe("45.59");
  expect(draftTScore([{ index: null, maal: "x", vaegt: "", score: "" }])).toBeNull();

  const base = { scores: { [vm[0].dimension]: "5" } };
  const unchanged = validateStatusDraft(draft({ ...base, goals: [{ index: 0, maal: "Møde til tiden", vaegt: "1", score: "0" }] }), ctx());
  expect(unchanged.ok && unchanged.save.goals).toEqual([]);
  const r = validateStatusDraft(
    draft({
      ...base,
      goals: [
        { index: 0, maal: "Møde til tiden", vaegt: "1", score: "2" },
        { index: null, maal: "Tage bussen", vaegt: "2", score: "-1" },
        { index: null, maal: "", vaegt: "", score: "" },
      ],
    }),
    ctx()
  );
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  const maal = statusChanges(r.save).find((c) => c.table === "Maal")!;
  // The replaced values travel along for the audit log's "from".
  expect(maal.updates).toEqual([
    {
      index: 0,
      values: { "Sags-ID": "S-1", Mål: "Møde til tiden", Vægt: 1, "GAS-score": 2, Dato: 45292 },
      previous: { "Sags-ID": "S-1", Mål: "Møde til tiden", Vægt: 1, "GAS-score": 0, Dato: 45000 },
    },
  ]);
  expect(maal.appends).toEqual([{ "Sags-ID": "S-1", Mål: "Tage bussen", Vægt: 2, "GAS-score": -1, Dato: 45292 }]);
});

test.each([
  [{ maal: "", vaegt: "1", score: "1" }, "maal", "Skriv målet."],
  [{ maal: "Mål", vaegt: "0", score: "1" }, "vaegt", "Vægten skal være større end 0."],
  [{ maal: "Mål", vaegt: "1", score: "3" }, "score", "GAS-scoren er højst +2."],
  [{ maal: "Mål", vaegt: "1", score: "1,5" }, "score", "GAS-scoren er et helt tal fra -2 til +2."],
  [{ maal: "Mål", vaegt: "en", score: "1" }, "vaegt", "Skriv et tal."],
] as const)("a goal %o is refused beside its field", (goal, part, message) => {
  const r = validateStatusDraft(draft({ scores: { [vm[0].dimension]: "5" }, goals: [{ index: null, ...goal }] }), ctx());
  expect(!r.ok && r.errors[goalField(0, part)]).toBe(message);
});
