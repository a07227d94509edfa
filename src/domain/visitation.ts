// Visitations (docs/domain.md): case-handling time and waiting time, and the rules a visitation must keep,
// as pure functions that the workbook formulas, the forms and the import share.
import { rowsOfCase } from "./rows-of-case";
import { sameText } from "./instruments";
import type { Case, Visitation } from "./model";

function isNum(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

function isBlank(s: string | null): boolean {
  return s === null || s.trim() === "";
}

/**
 * Sagsbehandlingstid = Beslutningsdato - Henvendelsesdato in calendar days; null when either is
 * missing. A negative value is kept (and flagged by validateVisitation), never hidden.
 */
export function sagsbehandlingstid(v: Visitation): number | null {
  return isNum(v.beslutningsdato) && isNum(v.henvendelsesdato) ? v.beslutningsdato - v.henvendelsesdato : null;
}

/** The first case with the visitation's Sags-ID (compared ignoring case, as MATCH does), or null. */
export function linkedCase(v: Visitation, cases: readonly Case[]): Case | null {
  if (!v.sagsId) return null;
  return rowsOfCase(cases, v.sagsId)[0] ?? null;
}

/**
 * The start a waiting time runs to: the enrolment date (Indskrevet) of the linked case when it has
 * one, because that is when the citizen actually started; otherwise the expected start (Forventet
 * start) of the visitation. Null when neither is known.
 */
export function startdato(v: Visitation, cases: readonly Case[]): number | null {
  const c = linkedCase(v, cases);
  if (c && isNum(c.indskrevet)) return c.indskrevet;
  return isNum(v.forventetStart) ? v.forventetStart : null;
}

/**
 * Ventetid = start (see startdato) - Beslutningsdato in calendar days, whatever the decision (a
 * citizen on the waiting list has an expected start too); null when either date is missing.
 */
export function ventetid(v: Visitation, cases: readonly Case[]): number | null {
  const start = startdato(v, cases);
  return isNum(v.beslutningsdato) && start !== null ? start - v.beslutningsdato : null;
}

export interface VisitationFinding {
  /** The column the finding is about (Danish header of `Visitationer`). */
  field: string;
  severity: "fejl" | "advarsel";
  code: string;
  message: string;
}

/**
 * The rules of a visitation (docs/domain.md): a refusal records its reasons and that complaint guidance
 * was given; a decision is not dated before the enquiry; a decision other than "Under udredning"
 * has a date; an expected start does not precede the decision. Messages are Danish, for users.
 */
export function validateVisitation(v: Visitation): VisitationFinding[] {
  const findings: VisitationFinding[] = [];
  const beslutning = (v.beslutning ?? "").trim();
  if (sameText(beslutning, "Afslag")) {
    if (isBlank(v.begrundelse)) {
      findings.push({
        field: "Begrundelse",
        severity: "fejl",
        code: "AFSLAG_UDEN_BEGRUNDELSE",
        message: "Et afslag skal have en begrundelse.",
      });
    }
    if (!sameText((v.klagevejledningGivet ?? "").trim(), "Ja")) {
      findings.push({
        field: "Klagevejledning givet",
        severity: "fejl",
        code: "AFSLAG_UDEN_KLAGEVEJLEDNING",
        message: 'Ved afslag skal det registreres, at der er givet klagevejledning ("Ja").',
      });
    }
  }
  if (isNum(v.beslutningsdato) && isNum(v.henvendelsesdato) && v.beslutningsdato < v.henvendelsesdato) {
    findings.push({
      field: "Beslutningsdato",
      severity: "fejl",
      code: "BESLUTNING_FOER_HENVENDELSE",
      message: "Beslutningsdatoen ligger før henvendelsesdatoen.",
    });
  }
  if (beslutning !== "" && !sameText(beslutning, "Under udredning") && !isNum(v.beslutningsdato)) {
    findings.push({
      field: "Beslutningsdato",
      severity: "advarsel",
      code: "BESLUTNING_UDEN_DATO",
      message: `Beslutningen "${beslutning}" mangler en beslutningsdato.`,
    });
  }
  if (isNum(v.forventetStart) && isNum(v.beslutningsdato) && v.forventetStart < v.beslutningsdato) {
    findings.push({
      field: "Forventet start",
      severity: "advarsel",
      code: "START_FOER_BESLUTNING",
      message: "Forventet start ligger før beslutningsdatoen.",
    });
  }
  return findings;
}
