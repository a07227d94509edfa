// Findings about a list's shape (a second table beside it, neither name nor CPR) and the waiting-list
// visitations its citizens without a start date become.
import { BESLUTNINGER } from "../domain/enums";
import type { Case, Visitation } from "../domain/model";
import type { CaseListRegion } from "./detect";
import type { CaseKey } from "./fields";
import type { Finding } from "./findings";
import type { ListMeaning } from "./list-meaning";

export const VENTELISTE = BESLUTNINGER[3];
const VISITATION_PREFIX = "V-";

export function shapeFindings(region: CaseListRegion, letters: Partial<Record<CaseKey, string>>, meaning: ListMeaning): Finding[] {
  const out: Finding[] = [];
  if (region.sideTable) {
    out.push({
      sheet: region.sheet,
      cell: region.sideTable.split(":")[0],
      severity: "advarsel",
      code: "ANDEN_TABEL",
      message: `Ved siden af listen står en anden tabel (${region.sideTable}). Den er ikke importeret og ikke lagt til sagerne som kolonner; den står stadig i originalarket.`,
      original: null,
    });
  }
  if (region.dataRows.length > 0 && letters.navn === undefined && letters.cpr === undefined && !meaning.nameFromParts) {
    out.push({
      sheet: region.sheet,
      cell: `${region.columns[0]?.letter ?? "A"}${region.headerRows[0] + 1}`,
      severity: "advarsel",
      code: "NAVN_OG_CPR_MANGLER",
      message:
        "Listen har hverken en kolonne for Navn eller for CPR, så borgerne kan kun kendes på Sags-ID. Vælg kolonnen med navn eller CPR i tilknytningen, eller tilføj den.",
      original: null,
    });
  }
  return out;
}

/** One visitation per waiting-list case, linked by Sags-ID, numbered V-0001 on. */
export function waitingListVisitations(cases: readonly Case[]): Visitation[] {
  return cases.map((c, i) => ({
    visitationsId: `${VISITATION_PREFIX}${String(i + 1).padStart(4, "0")}`,
    sagsId: c.sagsId,
    henvendelsesdato: c.visitationsdato!,
    henviser: c.henviser,
    lovgrundlag: c.lovgrundlag,
    oensketEnhed: c.enhed === "" ? null : c.enhed,
    pladstype: c.pladstype,
    beslutning: VENTELISTE,
    beslutningsdato: c.visitationsdato,
    begrundelse: null,
    klagevejledningGivet: null,
    forventetStart: null,
  }));
}
