// Zod schemas of the structured data (cases, units, attendance, visitations, measurements, goals): one
// runtime check shared by the import, the task-pane forms and the metadata reader. Enumerations are
// parameters because users extend lists.
import { z } from "zod";
import { FORSOERGELSESGRUNDLAG, FREMMOEDESTATUSSER, HENVISERE, JA_NEJ, LOVGRUNDLAG, PLADSTYPER, UDSKRIVNINGSAARSAGER } from "./enums";
import { isCanonicalCpr } from "./cpr";
import type { Case, Goal, InstrumentDimension, Visitation } from "./model";
import { validateVisitation } from "./visitation";
import { caseRowIssues } from "./case-rules";

/** The lists a case's enumerated fields are checked against (the `Lister` table). */
export interface CaseLists {
  lovgrundlag: readonly string[];
  pladstype: readonly string[];
  henviser: readonly string[];
  udskrivningsaarsag: readonly string[];
  forsoergelsesgrundlag: readonly string[];
  jaNej: readonly string[];
}

export const DEFAULT_CASE_LISTS: CaseLists = {
  lovgrundlag: LOVGRUNDLAG,
  pladstype: PLADSTYPER,
  henviser: HENVISERE,
  udskrivningsaarsag: UDSKRIVNINGSAARSAGER,
  forsoergelsesgrundlag: FORSOERGELSESGRUNDLAG,
  jaNej: JA_NEJ,
};

/** Excel serial day numbers from 1900 to 9999 (whole days: the tables hold dates, not times). */
export const SerialDate = z.number().int("En dato skal være en hel dag.").min(1, "Datoen ligger før år 1900.").max(2_958_465, "Datoen ligger efter år 9999.");

const optionalText = z.string().nullable();

function inList(list: readonly string[], label: string) {
  const set = new Set(list);
  return z
    .string()
    .nullable()
    .refine((v) => v === null || set.has(v), { message: `Vælg en værdi fra listen ${label}: ${list.join(", ")}.` });
}

/** The shape of a case with its field types only (what the import produces before lists are checked). */
export const CaseShape = z.object({
  sagsId: z.string().min(1, "Sags-ID må ikke være tomt."),
  cpr: optionalText,
  navn: optionalText,
  enhed: z.string(),
  lovgrundlag: optionalText,
  pladstype: optionalText,
  henviser: optionalText,
  visitationsdato: SerialDate.nullable(),
  indskrevet: SerialDate.nullable(),
  udskrevet: SerialDate.nullable(),
  udskrivningsaarsag: optionalText,
  forsoergelsesgrundlag: optionalText,
  jobcenterforloeb: optionalText,
  kontaktperson: optionalText,
  bemaerkninger: optionalText,
});

/** A valid case: types, lists, CPR form and the rules of caseRowIssues at severity "fejl". */
export function caseSchema(lists: CaseLists = DEFAULT_CASE_LISTS) {
  return CaseShape.extend({
    cpr: z
      .string()
      .nullable()
      .refine((v) => v === null || isCanonicalCpr(v), { message: "CPR skal skrives DDMMÅÅ-LLLL med en gyldig fødselsdato." }),
    lovgrundlag: inList(lists.lovgrundlag, "Lovgrundlag"),
    pladstype: inList(lists.pladstype, "Pladstype"),
    henviser: inList(lists.henviser, "Henviser"),
    udskrivningsaarsag: inList(lists.udskrivningsaarsag, "Udskrivningsårsag"),
    forsoergelsesgrundlag: inList(lists.forsoergelsesgrundlag, "Forsørgelsesgrundlag"),
    jobcenterforloeb: inList(lists.jaNej, "JaNej"),
  }).superRefine((c, ctx) => {
    for (const issue of caseRowIssues(c)) {
      if (issue.severity === "fejl") ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
    }
  });
}

const STATUS_NAMES = new Set(FREMMOEDESTATUSSER.map((s) => s.status));

export const AttendanceSchema = z.object({
  sagsId: z.string().min(1, "Fremmøde skal høre til en sag."),
  dato: SerialDate,
  status: z.string().refine((s) => STATUS_NAMES.has(s), { message: "Ukendt fremmødestatus." }),
  bemaerkning: z.string().nullable(),
});

export type CaseInput = z.infer<typeof CaseShape>;

// The schemas must describe exactly the model's types; a drift is a compile error here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const caseMatches: Same<CaseInput, Case> = true;
void caseMatches;

/** Attendance checked against the status names of the `Fremmoedestatus` table (users add statuses). */
export function attendanceSchema(statusNames: readonly string[]) {
  const names = new Set(statusNames.map((s) => s.toLowerCase()));
  return AttendanceSchema.extend({
    status: z.string().refine((s) => names.has(s.toLowerCase()), {
      message: `Vælg en fremmødestatus fra listen: ${statusNames.join(", ")}.`,
    }),
  });
}

/** The lists a visitation's enumerated fields are checked against. */
export interface VisitationLists {
  henviser: readonly string[];
  lovgrundlag: readonly string[];
  pladstype: readonly string[];
  beslutning: readonly string[];
  enheder: readonly string[];
}

export const VisitationShape = z.object({
  visitationsId: z.string().min(1, "Visitations-ID må ikke være tomt."),
  sagsId: optionalText,
  henvendelsesdato: SerialDate,
  henviser: optionalText,
  lovgrundlag: optionalText,
  oensketEnhed: optionalText,
  pladstype: optionalText,
  beslutning: optionalText,
  beslutningsdato: SerialDate.nullable(),
  begrundelse: optionalText,
  klagevejledningGivet: optionalText,
  forventetStart: SerialDate.nullable(),
});

/**
 * A valid visitation: types, lists and the rules of validateVisitation at severity "fejl" (a refusal
 * needs reasons and complaint guidance; no decision before the enquiry). Issues point at model fields.
 */
export function visitationSchema(lists: VisitationLists) {
  return VisitationShape.extend({
    henviser: inList(lists.henviser, "Henviser"),
    lovgrundlag: inList(lists.lovgrundlag, "Lovgrundlag"),
    pladstype: inList(lists.pladstype, "Pladstype"),
    beslutning: inList(lists.beslutning, "Beslutning"),
    // A workbook without units in Enheder still takes visitations; the unit is then free text.
    oensketEnhed: lists.enheder.length > 0 ? inList(lists.enheder, "Enheder") : optionalText,
  }).superRefine((v, ctx) => {
    for (const f of validateVisitation(v)) {
      if (f.severity !== "fejl") continue;
      ctx.addIssue({ code: "custom", path: [VISITATION_FIELD_OF_COLUMN[f.field] ?? "beslutning"], message: f.message });
    }
  });
}

/** The model field behind each `Visitationer` column that validateVisitation names. */
const VISITATION_FIELD_OF_COLUMN: Record<string, keyof Visitation> = {
  Begrundelse: "begrundelse",
  "Klagevejledning givet": "klagevejledningGivet",
  Beslutningsdato: "beslutningsdato",
  "Forventet start": "forventetStart",
};

/**
 * One status measurement on one dimension: the score lies on the dimension's scale, or is the
 * dimension's "ikke relevant" value where it has one; an empty score is allowed (not measured).
 */
export function statusMeasurementSchema(dimension: InstrumentDimension) {
  const { min, max, ikkeRelevant } = dimension;
  return z.object({
    sagsId: z.string().min(1, "Vælg en borger."),
    dato: SerialDate,
    instrument: z.string().min(1, "Vælg et instrument."),
    dimension: z.string().min(1),
    score: z
      .number()
      .nullable()
      .refine((s) => s === null || s === ikkeRelevant || (s >= min && s <= max), {
        message: `Scoren skal ligge fra ${min} til ${max}${ikkeRelevant !== null ? ` (eller ${ikkeRelevant} for ikke relevant)` : ""}.`,
      }),
    bemaerkning: optionalText,
    registreretAf: optionalText,
  });
}

/** A GAS goal: a text, a positive weight (empty = 1) and a score from -2 to +2 (empty = not scored). */
export const GoalSchema = z.object({
  sagsId: z.string().min(1, "Målet skal høre til en sag."),
  maal: z.string().trim().min(1, "Skriv målet."),
  vaegt: z.number().positive("Vægten skal være større end 0.").nullable(),
  gasScore: z.number().int("GAS-scoren er et helt tal fra -2 til +2.").min(-2, "GAS-scoren er mindst -2.").max(2, "GAS-scoren er højst +2.").nullable(),
  dato: SerialDate.nullable(),
});

const visitationMatches: Same<z.infer<typeof VisitationShape>, Visitation> = true;
void visitationMatches;
const goalMatches: Same<z.infer<typeof GoalSchema>, Goal> = true;
void goalMatches;
