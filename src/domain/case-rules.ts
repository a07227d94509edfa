// Apart from schemas.ts so that the import (and with it every command of the command line) does not
// load zod; the schemas use these rules too.
import type { Case } from "./model";

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
    add({
      field: "enhed",
      code: "ENHED_MANGLER",
      severity: "fejl",
      message: "Sagen mangler en enhed. Skriv hvilket værksted eller hvilken afdeling borgeren er indskrevet i.",
    });
  if (c.indskrevet === null)
    add({
      field: "indskrevet",
      code: "INDSKREVET_MANGLER",
      severity: "fejl",
      message: "Sagen mangler en indskrivningsdato. Skriv datoen for indskrivningen (dd-mm-åååå).",
    });
  if (c.indskrevet !== null && c.udskrevet !== null && c.udskrevet < c.indskrevet)
    add({
      field: "udskrevet",
      code: "UDSKREVET_FOER_INDSKREVET",
      severity: "fejl",
      message: "Udskrivningsdatoen ligger før indskrivningsdatoen. Ret en af de to datoer.",
    });
  if (c.udskrevet !== null && (c.udskrivningsaarsag === null || c.udskrivningsaarsag.trim() === ""))
    add({
      field: "udskrivningsaarsag",
      code: "UDSKRIVNINGSAARSAG_MANGLER",
      severity: "advarsel",
      message: "Sagen er udskrevet uden en udskrivningsårsag. Vælg årsagen fra listen.",
    });
  if (c.udskrevet === null && c.udskrivningsaarsag !== null && c.udskrivningsaarsag.trim() !== "")
    add({
      field: "udskrivningsaarsag",
      code: "AARSAG_UDEN_UDSKRIVNING",
      severity: "advarsel",
      message: "Sagen har en udskrivningsårsag men ingen udskrivningsdato. Skriv datoen eller fjern årsagen.",
    });
  return issues ?? NO_ISSUES;
}

const NO_ISSUES: readonly CaseRuleIssue[] = Object.freeze([]);
