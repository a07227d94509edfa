// The Import page's state and its transitions, as a pure reducer: what the page has read, what the user
// chose, where a conversion is, and its result. The page dispatches; the port calls stay in the page and
// import-flow.ts. No React, no port: every transition is tested as data.
import type { Analysis } from "../../import/convert";
import { analyseChoice, initialChoice, type ImportChoice, type ImportSource, type ImportStep } from "./import-flow";
import { chooseCode, chooseFill, regionChoices, type FindingItem, type ImportSummary } from "./import-model";
import { chooseTargetForKeys } from "./mapping-groups";

/** A finished conversion as the page shows it. */
export interface ImportResultView {
  summary: ImportSummary;
  findings: FindingItem[];
  /** Findings beyond those listed. */
  more: number;
}

export interface ImportState {
  source: ImportSource | null;
  /** Every region of the source sheets, for the choices offered; null before it is read. */
  survey: Analysis | null;
  choice: ImportChoice | null;
  loadError: string | null;
  /** A converted workbook with no case list of the user's own left to import (not an "empty" workbook). */
  nothingNew: boolean;
  /** The conversion's step while it runs. */
  step: ImportStep | null;
  result: ImportResultView | null;
  failure: string | null;
  selectError: string | null;
  /** Bumped after a conversion, so the page reads the workbook again (now a re-run). */
  revision: number;
}

export type ImportAction =
  /** The workbook was read; survey null: nothing of the user's own is left to import. */
  | { type: "loaded"; source: ImportSource; survey: Analysis | null }
  | { type: "loadFailed"; message: string }
  | { type: "toggleSheet"; sheet: string; on: boolean }
  | { type: "setMerge"; on: boolean }
  | { type: "togglePreset"; preset: string; on: boolean }
  /** A column (or the same column of sheets of one shape) mapped to a Sager column, or kept. */
  | { type: "chooseTarget"; keys: readonly string[]; value: string }
  | { type: "chooseFill"; key: string; value: string }
  | { type: "chooseCode"; value: string; status: string }
  | { type: "convertStarted" }
  | { type: "step"; step: ImportStep }
  | { type: "converted"; result: ImportResultView }
  | { type: "convertFailed"; message: string }
  | { type: "convertEnded" }
  | { type: "selectStarted" }
  | { type: "selectFailed"; message: string };

export const initialImportState: ImportState = {
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
};

/** The choice changed by `change`; no change while there is none to change. */
function withChoice(state: ImportState, change: (c: ImportChoice) => ImportChoice): ImportState {
  return state.choice ? { ...state, choice: change(state.choice) } : state;
}

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case "loaded":
      return {
        ...state,
        nothingNew: action.survey === null,
        source: action.source,
        survey: action.survey,
        choice: action.survey ? initialChoice(action.survey) : null,
        loadError: null,
      };
    case "loadFailed":
      return { ...state, loadError: action.message };
    case "toggleSheet": {
      const { sheet, on } = action;
      const regions = state.survey ? regionChoices(state.survey) : [];
      return withChoice(state, (c) => ({
        ...c,
        // A sheet switched on takes its place in the workbook's order.
        sheets: on ? regions.map((r) => r.sheet).filter((s) => s === sheet || c.sheets.includes(s)) : c.sheets.filter((s) => s !== sheet),
      }));
    }
    case "setMerge":
      return withChoice(state, (c) => ({ ...c, merge: action.on }));
    case "togglePreset":
      return withChoice(state, (c) => ({ ...c, presets: action.on ? [...c.presets, action.preset] : c.presets.filter((p) => p !== action.preset) }));
    case "chooseTarget":
      return withChoice(state, (c) => ({ ...c, overrides: chooseTargetForKeys(c.overrides, action.keys, action.value) }));
    case "chooseFill":
      return withChoice(state, (c) => ({ ...c, overrides: chooseFill(c.overrides, action.key, action.value) }));
    case "chooseCode":
      return withChoice(state, (c) => ({ ...c, attendanceCodes: chooseCode(c.attendanceCodes, action.value, action.status) }));
    case "convertStarted":
      return { ...state, failure: null, result: null };
    case "step":
      return { ...state, step: action.step };
    case "converted":
      return { ...state, result: action.result, revision: state.revision + 1 };
    case "convertFailed":
      return { ...state, failure: action.message };
    case "convertEnded":
      return { ...state, step: null };
    case "selectStarted":
      return { ...state, selectError: null };
    case "selectFailed":
      return { ...state, selectError: action.message };
  }
}

/** What the import would do with the current choice: the analysis, or the Danish message why there is none. */
export function analysisOf(source: ImportSource | null, choice: ImportChoice | null, noSheetChosen: string): { value: Analysis | null; error: string | null } {
  if (!source || !choice) return { value: null, error: null };
  if (choice.sheets.length === 0) return { value: null, error: noSheetChosen };
  try {
    return { value: analyseChoice(source, choice), error: null };
  } catch (e) {
    return { value: null, error: e instanceof Error ? e.message : String(e) };
  }
}
