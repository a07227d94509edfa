// The Import page's steps against the port: read what the workbook holds, analyse the chosen sheets
// with the user's mapping, and convert (re-reading everything first, so a workbook edited meanwhile
// is converted as it is now). Each port call is one Excel.run in Excel.
import type { AttendanceCodeOverrides } from "../../import/attendance-codes";
import { INSTRUMENT_PRESETS } from "../../domain/instruments";
import { serialDateTime } from "../../workbook/audit-log";
import { serialFromJsDate } from "../../domain/dates";
import { analyse, type Analysis } from "../../import/convert";
import type { WorkbookGrids } from "../../import/grid";
import type { MappingOverrides } from "../../import/mapping";
import {
  isConverted,
  planWorkbookConversion,
  savedMappingOf,
  sourceSheetsOf,
  type WorkbookConversion,
  type WorkbookLayout,
} from "../../import/workbook-conversion";
import { snapshotSource, STRUCTURED_NAMES, STRUCTURED_TABLES } from "../../workbook/structured-from-tables";
import type { PlanPort } from "../../ports/workbook-port";

export interface ImportSource {
  layout: WorkbookLayout;
  grids: WorkbookGrids;
  rerun: boolean;
}

export interface ImportChoice {
  /** Sheets to convert (regions the user kept). */
  sheets: string[];
  merge: boolean;
  overrides: MappingOverrides;
  /** Instrument presets for Instrumenter on a first conversion (a re-run keeps the workbook's own). */
  presets: string[];
  /** Attendance codes the user confirmed (value -> status, or null: not a status). */
  attendanceCodes?: AttendanceCodeOverrides;
}

export type ImportStep = "read" | "convert" | "write";

export async function readImportSource(port: PlanPort): Promise<ImportSource> {
  const layout = await port.readLayout();
  const grids = await port.readGrids(sourceSheetsOf(layout));
  return { layout, grids, rerun: isConverted(layout) };
}

/** What the import would do with these choices (throws an ImportError with a Danish message). */
export function analyseChoice(source: ImportSource, choice: ImportChoice): Analysis {
  return analyse(source.grids, {
    sheets: choice.sheets,
    mergeSheets: choice.merge,
    overrides: choice.overrides,
    attendanceCodes: choice.attendanceCodes,
    saved: savedMappingOf(source.layout.metadata),
  });
}

/** Every region of every source sheet (throws an ImportError when there is none). */
export function surveySource(source: ImportSource): Analysis {
  return analyse(source.grids, { saved: savedMappingOf(source.layout.metadata) });
}

/** Every sheet with a region, in the workbook's order, merged: what the page offers first. */
export function initialChoice(survey: Pick<Analysis, "regions">): ImportChoice {
  return { sheets: [...new Set(survey.regions.map((r) => r.sheet))], merge: true, overrides: {}, presets: Object.keys(INSTRUMENT_PRESETS) };
}

export async function runImport(port: PlanPort, choice: ImportChoice, onStep: (step: ImportStep) => void, today = new Date()): Promise<WorkbookConversion> {
  onStep("read");
  const source = await readImportSource(port);
  const read = source.rerun ? await port.readTables(STRUCTURED_TABLES, STRUCTURED_NAMES) : null;
  onStep("convert");
  // Let the progress text paint before the conversion holds the thread.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const conversion = planWorkbookConversion(source.layout, source.grids, read ? snapshotSource(read.tables, read.names) : null, {
    conversionDate: serialFromJsDate(today),
    time: serialDateTime(today),
    sheets: choice.sheets,
    mergeSheets: choice.merge,
    overrides: choice.overrides,
    attendanceCodes: choice.attendanceCodes,
    presets: choice.presets,
    keepReportSheets: false,
  });
  onStep("write");
  await port.applyPlan(conversion.plan, { removeSheets: conversion.removeSheets });
  return conversion;
}
