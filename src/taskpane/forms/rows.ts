// Model values -> table rows by header, for the forms' saves: the same per-table maps the structured
// plan writes whole tables with (workbook/row-values.ts), so a form row and a converted row agree.
import type { Attendance, Case, Goal, StatusMeasurement, Visitation } from "../../domain/model";
import { FREMMOEDE_INPUT, MAAL_INPUT, SAGER_INPUT, STATUSMAALINGER_INPUT, VISITATIONER_INPUT } from "../../workbook/contract";
import { ATTENDANCE_VALUES, CASE_VALUES, GOAL_VALUES, MEASUREMENT_VALUES, VISITATION_VALUES, inputRecord } from "../../workbook/row-values";

export const caseRecord = (c: Case) => inputRecord(SAGER_INPUT, CASE_VALUES, c);
export const visitationRecord = (v: Visitation) => inputRecord(VISITATIONER_INPUT, VISITATION_VALUES, v);
export const measurementRecord = (m: StatusMeasurement) => inputRecord(STATUSMAALINGER_INPUT, MEASUREMENT_VALUES, m);
export const goalRecord = (g: Goal) => inputRecord(MAAL_INPUT, GOAL_VALUES, g);
export const attendanceRecord = (a: Attendance) => inputRecord(FREMMOEDE_INPUT, ATTENDANCE_VALUES, a);
