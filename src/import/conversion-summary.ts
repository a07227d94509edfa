// Lines of a conversion's summary that the command line and the task pane share, in Danish: where
// the attendance registrations came from and which period the workbook got.
import { danishDate } from "../domain/dates";
import type { ConvertedWorkbook } from "./structured-output";

const PERIOD_WHY: Record<ConvertedWorkbook["period"]["source"], string> = {
  fremmøde: "seneste år med fremmøderegistreringer; Opgørelsesdato er den sidste registrerede dag",
  indskrivninger: "seneste år med indskrevne borgere",
  konverteringsdato: "konverteringsdatoens år",
  valgt: "den valgte Opgørelsesdatos år",
  tidligere: "uændret fra sidste konvertering",
};

/** Which period the workbook got, and why. */
export function periodLine(p: ConvertedWorkbook["period"]): string {
  return (
    `Periode ${danishDate(p.start)}–${danishDate(p.end)}, Opgørelsesdato ${danishDate(p.reference)} (${PERIOD_WHY[p.source]}). ` + "Ret dem på arket Opsætning."
  );
}

/** Registrations per source sheet, e.g. "Fremmøde: 120 fra 'Januar', 98 fra 'Februar'."; nothing without any. */
export function attendanceSourceLine(sources: readonly { sheet: string; registrations: number }[]): string[] {
  if (sources.length === 0) return [];
  return [`Fremmøde: ${sources.map((s) => `${s.registrations} fra '${s.sheet}'`).join(", ")}.`];
}
