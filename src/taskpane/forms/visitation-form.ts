// The visitation form's logic, apart from React: the draft the fields hold, its validation with the
// shared zod schema (docs/domain.md's rules), and the rows a save writes: the visitation, for "Bevilget" with
// a start date a new case in Sager (or a link to an existing one), and the goals in Mål.
import { parseCpr } from "../../domain/cpr";
import { danishDate } from "../../domain/dates";
import { sameText } from "../../domain/instruments";
import type { Case, Goal, Visitation } from "../../domain/model";
import { caseSchema, DEFAULT_CASE_LISTS, visitationSchema } from "../../domain/schemas";
import { sagsbehandlingstid, ventetid } from "../../domain/visitation";
import { TABLES } from "../../workbook/contract";
import { messages } from "../messages";
import type { TableChange, TableContents } from "../../ports/workbook-port";
import { caseLabel, findCase } from "./cases";
import { nextIdLike } from "./next-id";
import { dateFieldSerial, dateFieldValue, hasErrors, issuesByField, parseDateField, textOrNull, type FieldErrors } from "./field-values";
import { caseRecord, goalRecord, visitationRecord } from "./rows";
import type { FormSetup } from "./setup";
import { serialDate, tableRows, text } from "./table-rows";

export interface VisitationDraft {
  henvendelsesdato: string;
  henviser: string;
  lovgrundlag: string;
  oensketEnhed: string;
  pladstype: string;
  beslutning: string;
  beslutningsdato: string;
  begrundelse: string;
  klagevejledningGivet: boolean;
  forventetStart: string;
  /** An existing case to link to; "" creates one when the decision is "Bevilget" with a start. */
  sagsId: string;
  navn: string;
  cpr: string;
  /** Goals, one per line. */
  maal: string;
}

export type VisitationField = keyof VisitationDraft;
export type VisitationErrors = FieldErrors<VisitationField>;

export const EMPTY_VISITATION: VisitationDraft = {
  henvendelsesdato: "",
  henviser: "",
  lovgrundlag: "",
  oensketEnhed: "",
  pladstype: "",
  beslutning: "",
  beslutningsdato: "",
  begrundelse: "",
  klagevejledningGivet: false,
  forventetStart: "",
  sagsId: "",
  navn: "",
  cpr: "",
  maal: "",
};

export const VISITATION_PREFIX = "V-";
export const CASE_PREFIX = "S-";
const GRANTED = "Bevilget";

/** A visitation already in the table, with its row index (for editing). */
export interface VisitationRow extends Visitation {
  index: number;
}

export function visitationsFrom(t: TableContents | null): VisitationRow[] {
  const out: VisitationRow[] = [];
  for (const r of tableRows(t)) {
    const visitationsId = text(r.get("Visitations-ID"));
    const henvendelsesdato = serialDate(r.get("Henvendelsesdato"));
    if (!visitationsId) continue;
    out.push({
      index: r.index,
      visitationsId,
      sagsId: text(r.get("Sags-ID")),
      henvendelsesdato: henvendelsesdato ?? 0,
      henviser: text(r.get("Henviser")),
      lovgrundlag: text(r.get("Lovgrundlag")),
      oensketEnhed: text(r.get("Ønsket enhed")),
      pladstype: text(r.get("Pladstype")),
      beslutning: text(r.get("Beslutning")),
      beslutningsdato: serialDate(r.get("Beslutningsdato")),
      begrundelse: text(r.get("Begrundelse")),
      klagevejledningGivet: text(r.get("Klagevejledning givet")),
      forventetStart: serialDate(r.get("Forventet start")),
    });
  }
  return out;
}

/** The draft of an existing visitation, for editing it. */
export function draftOf(v: Visitation): VisitationDraft {
  return {
    ...EMPTY_VISITATION,
    henvendelsesdato: v.henvendelsesdato > 0 ? dateFieldValue(v.henvendelsesdato) : "",
    henviser: v.henviser ?? "",
    lovgrundlag: v.lovgrundlag ?? "",
    oensketEnhed: v.oensketEnhed ?? "",
    pladstype: v.pladstype ?? "",
    beslutning: v.beslutning ?? "",
    beslutningsdato: dateFieldValue(v.beslutningsdato),
    begrundelse: v.begrundelse ?? "",
    klagevejledningGivet: sameText(v.klagevejledningGivet, "Ja"),
    forventetStart: dateFieldValue(v.forventetStart),
    sagsId: v.sagsId ?? "",
  };
}

export interface VisitationContext {
  setup: FormSetup;
  cases: readonly Case[];
  visitations: readonly Visitation[];
  /** The visitation being edited, or null for a new one. */
  editing: Visitation | null;
}

export interface VisitationSave {
  visitation: Visitation;
  /** A case to create in Sager (Bevilget with a start, and no existing case chosen). */
  newCase: Case | null;
  goals: Goal[];
}

export type VisitationResult = { ok: true; save: VisitationSave } | { ok: false; errors: VisitationErrors };

const DRAFT_FIELDS = new Set<string>(Object.keys(EMPTY_VISITATION));

/** Processing and waiting time of what the draft says so far (null where a date is missing). */
export function draftTimes(d: VisitationDraft, cases: readonly Case[]): { sagsbehandlingstid: number | null; ventetid: number | null } {
  const date = dateFieldSerial;
  const v: Visitation = {
    visitationsId: "",
    sagsId: textOrNull(d.sagsId),
    henvendelsesdato: date(d.henvendelsesdato) ?? Number.NaN,
    henviser: null,
    lovgrundlag: null,
    oensketEnhed: null,
    pladstype: null,
    beslutning: null,
    beslutningsdato: date(d.beslutningsdato),
    begrundelse: null,
    klagevejledningGivet: null,
    forventetStart: date(d.forventetStart),
  };
  return { sagsbehandlingstid: sagsbehandlingstid(v), ventetid: ventetid(v, cases) };
}

export function validateVisitationDraft(d: VisitationDraft, ctx: VisitationContext): VisitationResult {
  const errors: VisitationErrors = {};
  const dates: Partial<Record<VisitationField, number | null>> = {};
  for (const f of ["henvendelsesdato", "beslutningsdato", "forventetStart"] as const) {
    const p = parseDateField(d[f]);
    if (p.ok) dates[f] = p.value;
    else errors[f] = messages.forms.invalidDate;
  }
  if (!errors.henvendelsesdato && dates.henvendelsesdato == null) errors.henvendelsesdato = messages.visitationForm.required;

  const linked = textOrNull(d.sagsId);
  if (linked !== null && !findCase(ctx.cases, linked)) errors.sagsId = messages.visitationForm.unknownCase;

  const visitation: Visitation = {
    visitationsId:
      ctx.editing?.visitationsId ??
      nextIdLike(
        ctx.visitations.map((v) => v.visitationsId),
        VISITATION_PREFIX
      ),
    sagsId: linked,
    henvendelsesdato: dates.henvendelsesdato ?? 0,
    henviser: textOrNull(d.henviser),
    lovgrundlag: textOrNull(d.lovgrundlag),
    oensketEnhed: textOrNull(d.oensketEnhed),
    pladstype: textOrNull(d.pladstype),
    beslutning: textOrNull(d.beslutning),
    beslutningsdato: dates.beslutningsdato ?? null,
    begrundelse: textOrNull(d.begrundelse),
    klagevejledningGivet: d.klagevejledningGivet ? "Ja" : null,
    forventetStart: dates.forventetStart ?? null,
  };
  const { lists, units } = ctx.setup;
  const parsed = visitationSchema({
    henviser: lists.Henviser ?? [],
    lovgrundlag: lists.Lovgrundlag ?? [],
    pladstype: lists.Pladstype ?? [],
    beslutning: lists.Beslutning ?? [],
    enheder: units,
  }).safeParse(visitation);
  if (!parsed.success) {
    const byField = issuesByField(parsed.error.issues, (p) => (DRAFT_FIELDS.has(p) ? (p as VisitationField) : null));
    for (const [f, m] of Object.entries(byField) as [VisitationField, string][]) errors[f] ??= m;
  }

  // "Bevilget" with a start date creates the case, unless the visitation already has one.
  let newCase: Case | null = null;
  if (sameText(visitation.beslutning, GRANTED) && visitation.forventetStart !== null && linked === null) {
    if (visitation.oensketEnhed === null) errors.oensketEnhed ??= messages.visitationForm.unitNeeded;
    let cpr: string | null = null;
    if (d.cpr.trim() !== "") {
      const c = parseCpr(d.cpr.trim());
      if (c.ok) cpr = c.cpr;
      else errors.cpr = messages.visitationForm.invalidCpr;
    }
    newCase = {
      sagsId: nextIdLike(
        ctx.cases.map((c) => c.sagsId),
        CASE_PREFIX
      ),
      cpr,
      navn: textOrNull(d.navn),
      enhed: visitation.oensketEnhed ?? "",
      lovgrundlag: visitation.lovgrundlag,
      pladstype: visitation.pladstype,
      henviser: visitation.henviser,
      visitationsdato: visitation.beslutningsdato,
      indskrevet: visitation.forventetStart,
      udskrevet: null,
      udskrivningsaarsag: null,
      forsoergelsesgrundlag: null,
      jobcenterforloeb: null,
      kontaktperson: null,
      bemaerkninger: null,
    };
    const caseCheck = caseSchema({
      ...DEFAULT_CASE_LISTS,
      lovgrundlag: lists.Lovgrundlag ?? [],
      pladstype: lists.Pladstype ?? [],
      henviser: lists.Henviser ?? [],
    }).safeParse(newCase);
    // The new case must pass the same rules as an imported one; its fields come from these form fields.
    if (!caseCheck.success) {
      const byField = issuesByField(caseCheck.error.issues, (p) =>
        p === "enhed" ? "oensketEnhed" : p === "cpr" ? "cpr" : p === "navn" ? "navn" : "forventetStart"
      );
      for (const [f, m] of Object.entries(byField) as [VisitationField, string][]) errors[f] ??= m;
    }
    // A new case must say who it is: a name or a CPR number.
    if (newCase.navn === null && d.cpr.trim() === "") errors.navn ??= messages.visitationForm.nameOrCprNeeded;
    visitation.sagsId = newCase.sagsId;
  } else {
    // Name and CPR are stored only on a new case: typed anywhere else they would be lost, so they are refused.
    if (d.navn.trim() !== "") errors.navn ??= messages.visitationForm.nameNotSaved;
    if (d.cpr.trim() !== "") errors.cpr ??= messages.visitationForm.cprNotSaved;
  }

  // The start cannot come before the enquiry or the decision.
  const start = dates.forventetStart ?? null;
  if (start !== null && !errors.forventetStart) {
    if (dates.henvendelsesdato != null && start < dates.henvendelsesdato) errors.forventetStart = messages.visitationForm.startBeforeEnquiry;
    else if (dates.beslutningsdato != null && start < dates.beslutningsdato) errors.forventetStart = messages.visitationForm.startBeforeDecision;
  }

  const goalTexts = d.maal
    .split("\n")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const goalCase = visitation.sagsId;
  if (goalTexts.length > 0 && goalCase === null) errors.maal = messages.visitationForm.goalsNeedCase;
  if (hasErrors(errors)) return { ok: false, errors };
  const goals: Goal[] = goalTexts.map((maal) => ({
    sagsId: goalCase ?? "",
    maal,
    vaegt: 1,
    gasScore: null,
    dato: visitation.beslutningsdato,
  }));
  return { ok: true, save: { visitation, newCase, goals } };
}

/** The rows a save writes: one Visitationer row (updated when editing), a new case and the goals. */
export function visitationChanges(save: VisitationSave, editingIndex: number | null, previous: Visitation | null = null): TableChange[] {
  const record = visitationRecord(save.visitation);
  const changes: TableChange[] = [
    editingIndex === null
      ? { table: TABLES.visitationer, appends: [record] }
      : { table: TABLES.visitationer, updates: [{ index: editingIndex, values: record, ...(previous ? { previous: visitationRecord(previous) } : {}) }] },
  ];
  if (save.newCase) changes.push({ table: TABLES.sager, appends: [caseRecord(save.newCase)] });
  if (save.goals.length > 0) changes.push({ table: TABLES.maal, appends: save.goals.map(goalRecord) });
  return changes;
}

/** The confirmation shown after a save, one sentence per table written. */
export function visitationSavedText(save: VisitationSave, updated: boolean): string {
  const m = messages.visitationForm;
  const parts = [m.saved(save.visitation.visitationsId, updated)];
  if (save.newCase) parts.push(m.caseCreated(save.newCase.sagsId));
  else if (save.visitation.sagsId) parts.push(m.caseLinked(save.visitation.sagsId));
  if (save.goals.length > 0) parts.push(m.goalsSaved(save.goals.length));
  return parts.join(" ");
}

/** The label of an existing visitation in the edit picker: with the citizen's name and Sags-ID where it has a case. */
export function visitationOption(v: Visitation, cases: readonly Case[] = []): string {
  const date = v.henvendelsesdato > 0 ? danishDate(v.henvendelsesdato) : "";
  const c = v.sagsId ? findCase(cases, v.sagsId) : undefined;
  const who = c ? caseLabel(c) : v.sagsId;
  return who
    ? messages.visitationForm.editOptionWithCase(v.visitationsId, who, date, v.oensketEnhed ?? "", v.beslutning ?? "")
    : messages.visitationForm.editOption(v.visitationsId, date, v.oensketEnhed ?? "", v.beslutning ?? "");
}
