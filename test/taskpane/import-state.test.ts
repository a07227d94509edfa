// The Import page's state transitions, without React: each action of the reducer on a real survey of
// two case lists (the preview's sample workbook read through the in-memory port).
import { MemoryWorkbookPort } from "../../src/adapters/xlsx/memory-port";
import { rawTwoSheetsSample } from "../../src/adapters/xlsx/sample-workbooks";
import { INSTRUMENT_PRESETS } from "../../src/domain/instruments";
import { readImportSource, surveySource, type ImportSource } from "../../src/taskpane/import/import-flow";
import { CODE_NONE, FILL_NONE, KEEP_VALUE } from "../../src/taskpane/import/import-model";
import {
  analysisOf,
  importReducer,
  initialImportState,
  type ImportAction,
  type ImportResultView,
  type ImportState,
} from "../../src/taskpane/import/import-state";
import type { Analysis } from "../../src/import/convert";

let source: ImportSource;
let survey: Analysis;

beforeAll(async () => {
  source = await readImportSource(new MemoryWorkbookPort(rawTwoSheetsSample()));
  survey = surveySource(source);
});

const run = (state: ImportState, ...actions: ImportAction[]) => actions.reduce(importReducer, state);
const loaded = () => run(initialImportState, { type: "loaded", source, survey });

const converted: ImportResultView = {
  summary: { lines: ["4 sager importeret."], errors: 0, warnings: 1 },
  findings: [{ id: "Kilen!C3", severity: "advarsel", sheet: "Kilen", cell: "C3", text: "Kilen C3: datoen er læst som 1. februar 2023." }],
  more: 0,
};

describe("the Import page's reducer", () => {
  it("starts with nothing read, nothing chosen and no conversion", () => {
    expect(initialImportState).toEqual({
      source: null,
      survey: null,
      choice: null,
      loadError: null,
      nothingNew: false,
      step: null,
      result: null,
      failure: null,
      selectError: null,
      revision: 0,
    });
  });

  it("a read workbook offers every sheet with a case list, merged, with every instrument preset", () => {
    const s = loaded();
    expect(s.source).toBe(source);
    expect(s.survey).toBe(survey);
    expect(s.choice).toEqual({ sheets: ["Kilen", "Smedien"], merge: true, overrides: {}, presets: Object.keys(INSTRUMENT_PRESETS) });
    expect(s.nothingNew).toBe(false);
  });

  it("a converted workbook with nothing of the user's own left is 'nothing new', with no choice", () => {
    const s = run(initialImportState, { type: "loadFailed", message: "x" }, { type: "loaded", source: { ...source, rerun: true }, survey: null });
    expect(s).toMatchObject({ nothingNew: true, choice: null, survey: null, loadError: null });
  });

  it("a failed read keeps its message", () => {
    expect(run(initialImportState, { type: "loadFailed", message: "Projektmappen kunne ikke læses." }).loadError).toBe("Projektmappen kunne ikke læses.");
  });

  it("a sheet switched off leaves the choice; switched on again it takes its place in the workbook's order", () => {
    const off = run(loaded(), { type: "toggleSheet", sheet: "Kilen", on: false });
    expect(off.choice!.sheets).toEqual(["Smedien"]);
    expect(run(off, { type: "toggleSheet", sheet: "Kilen", on: true }).choice!.sheets).toEqual(["Kilen", "Smedien"]);
    const none = run(off, { type: "toggleSheet", sheet: "Smedien", on: false });
    expect(none.choice!.sheets).toEqual([]);
  });

  it("merging and the instrument presets are switched on and off", () => {
    const [first, ...rest] = Object.keys(INSTRUMENT_PRESETS);
    const s = run(loaded(), { type: "setMerge", on: false }, { type: "togglePreset", preset: first, on: false });
    expect(s.choice!.merge).toBe(false);
    expect(s.choice!.presets).toEqual(rest);
    expect(run(s, { type: "togglePreset", preset: first, on: true }).choice!.presets).toEqual([...rest, first]);
  });

  it("a column's target, a colour's meaning and a code's status become the choice's overrides", () => {
    const s = run(
      loaded(),
      { type: "chooseTarget", keys: ["Kilen!C", "Smedien!C"], value: "Indskrevet" },
      { type: "chooseTarget", keys: ["Kilen!D"], value: KEEP_VALUE },
      { type: "chooseFill", key: "Kilen!Farve FF0000", value: FILL_NONE },
      { type: "chooseCode", value: "S", status: "Syg" },
      { type: "chooseCode", value: "?", status: CODE_NONE }
    );
    expect(s.choice!.overrides).toEqual({ "Kilen!C": "Indskrevet", "Smedien!C": "Indskrevet", "Kilen!D": null, "Kilen!Farve FF0000": null });
    expect(s.choice!.attendanceCodes).toEqual({ S: "Syg", "?": null });
  });

  it("a choice before anything is read changes nothing", () => {
    expect(run(initialImportState, { type: "toggleSheet", sheet: "Kilen", on: false }, { type: "setMerge", on: false })).toEqual(initialImportState);
  });

  it("a conversion clears the last result, shows its steps, and when done bumps the revision so the workbook is read again", () => {
    const before = run(loaded(), { type: "convertFailed", message: "Fejl" });
    const started = run(before, { type: "convertStarted" });
    expect(started).toMatchObject({ failure: null, result: null });
    const writing = run(started, { type: "step", step: "read" }, { type: "step", step: "write" });
    expect(writing.step).toBe("write");
    const done = run(writing, { type: "converted", result: converted }, { type: "convertEnded" });
    expect(done).toMatchObject({ step: null, result: converted, revision: before.revision + 1, failure: null });
  });

  it("a failed conversion keeps its message, ends its steps and reads nothing again", () => {
    const s = run(
      loaded(),
      { type: "convertStarted" },
      { type: "step", step: "convert" },
      { type: "convertFailed", message: "Konverteringen mislykkedes." },
      { type: "convertEnded" }
    );
    expect(s).toMatchObject({ failure: "Konverteringen mislykkedes.", step: null, result: null, revision: 0 });
  });

  it("selecting a finding's cell clears the last selection error", () => {
    const failed = run(loaded(), { type: "selectFailed", message: "Cellen kunne ikke vælges." });
    expect(failed.selectError).toBe("Cellen kunne ikke vælges.");
    expect(run(failed, { type: "selectStarted" }).selectError).toBeNull();
  });
});

describe("analysisOf: the preview of the current choice", () => {
  it("is empty before the workbook is read, and says so when no sheet is chosen", () => {
    expect(analysisOf(null, null, "Vælg mindst ét ark.")).toEqual({ value: null, error: null });
    const none = run(loaded(), { type: "toggleSheet", sheet: "Kilen", on: false }, { type: "toggleSheet", sheet: "Smedien", on: false });
    expect(analysisOf(none.source, none.choice, "Vælg mindst ét ark.")).toEqual({ value: null, error: "Vælg mindst ét ark." });
  });

  it("analyses the chosen sheets with the chosen mapping", () => {
    const s = run(loaded(), { type: "toggleSheet", sheet: "Smedien", on: false });
    const a = analysisOf(s.source, s.choice, "").value!;
    expect(a.preview.rows).toHaveLength(2);
    expect(new Set(a.mapping.columns.map((c) => c.sheet))).toEqual(new Set(["Kilen"]));
  });
});
