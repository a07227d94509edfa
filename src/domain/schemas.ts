// Zod schemas of the structured data (cases, units, attendance): one runtime check shared by the
// import, the forms and the metadata reader. Enumerations are parameters because users extend lists.
import { z } from "zod";
import { FORSOERGELSESGRUNDLAG, FREMMOEDESTATUSSER, HENVISERE, JA_NEJ, LOVGRUNDLAG, PLADSTYPER, UDSKRIVNINGSAARSAGER } from "./enums";
import { isCanonicalCpr } from "./cpr";
import type { Case } from "./model";

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
export const SerialDate = z
  .number()
  .int("En dato skal være en hel dag.")
  .min(1, "Datoen ligger før år 1900.")
  .max(2_958_465, "Datoen ligger efter år 9999.");

const optionalText = z.string().nullable();

function inList(list: readonly string[], label: string) {
  const set = new Set(list);
  return z
    .string()
    .nullable()
    .refine((v) => v === null || set.has(v), { message: `Vælg en værdi fra listen ${label}: ${list.join(", ")}.` });
}

export interface CaseRuleIssue {
  /** The field the issue points at (the cell to mark). */
  field: keyof Case;
  code: string;
  severity: "fejl" | "advarsel";
  message: string;
}

/**
 * Rules within one case, shared by the import's validation and the forms. Pure and allocation-light:
 * the import calls it once per row.
 */
export function caseRowIssues(c: Case): readonly CaseRuleIssue[] {
  let issues: CaseRuleIssue[] | null = null;
  const add = (i: CaseRuleIssue) => (issues ??= []).push(i);
  if (c.enhed.trim() === "")
    add({ field: "enhed", code: "ENHED_MANGLER", severity: "fejl", message: "Sagen mangler en enhed. Skriv hvilket værksted eller hvilken afdeling borgeren er indskrevet i." });
  if (c.indskrevet === null)
    add({ field: "indskrevet", code: "INDSKREVET_MANGLER", severity: "fejl", message: "Sagen mangler en indskrivningsdato. Skriv datoen for indskrivningen (dd-mm-åååå)." });
  if (c.indskrevet !== null && c.udskrevet !== null && c.udskrevet < c.indskrevet)
    add({ field: "udskrevet", code: "UDSKREVET_FOER_INDSKREVET", severity: "fejl", message: "Udskrivningsdatoen ligger før indskrivningsdatoen. Ret en af de to datoer." });
  if (c.udskrevet !== null && (c.udskrivningsaarsag === null || c.udskrivningsaarsag.trim() === ""))
    add({ field: "udskrivningsaarsag", code: "UDSKRIVNINGSAARSAG_MANGLER", severity: "advarsel", message: "Sagen er udskrevet uden en udskrivningsårsag. Vælg årsagen fra listen." });
  if (c.udskrevet === null && c.udskrivningsaarsag !== null && c.udskrivningsaarsag.trim() !== "")
    add({ field: "udskrivningsaarsag", code: "AARSAG_UDEN_UDSKRIVNING", severity: "advarsel", message: "Sagen har en udskrivningsårsag men ingen udskrivningsdato. Skriv datoen eller fjern årsagen." });
  return issues ?? NO_ISSUES;
}

const NO_ISSUES: readonly CaseRuleIssue[] = Object.freeze([]);

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

export const UnitSchema = z.object({
  enhed: z.string().min(1, "Enheden skal have et navn."),
  lovgrundlag: z.string().nullable(),
  fuldtidspladser: z.number().min(0, "Antal pladser kan ikke være negativt.").nullable(),
  deltidspladser: z.number().min(0, "Antal pladser kan ikke være negativt.").nullable(),
  deltidsvaegt: z.number().min(0).max(1, "Deltidsvægten ligger mellem 0 og 1.").nullable(),
  loft: z.number().int().min(0).nullable(),
  stykpris: z.number().min(0).nullable(),
  reguleringspris: z.number().min(0).nullable(),
});

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
