// What a list means beyond its columns: the unit kept in section rows, a title row or the sheet's
// name; a name kept as Fornavn + Efternavn or "Efternavn, Fornavn". Each is proposed as a mapping
// entry with its reason and confidence (a pseudo column: letter "Sektioner", "Titel", "Arknavn" or
// "B+C") and confirmed like any column: `--map "Ark!Arknavn=-"` or the task pane's choice rejects it.
import type { Case } from "../domain/model";
import type { CaseListRegion } from "./detect";
import type { CaseKey } from "./fields";
import { FIELD_INDEX } from "./fields";
import type { RawCell, SheetGrid } from "./grid";
import { sheetUnit, titleUnit } from "./list-shape";
import { MIN_CONFIDENCE, type ColumnMapping, type MappingOptions } from "./mapping";
import { normaliseHeader, tidy } from "./normalise";

export interface ListMeaning {
  /** Pseudo columns for the mapping. */
  proposals: ColumnMapping[];
  /** Whether the list's unit comes from somewhere other than a column. */
  unitFromShape: boolean;
  /** Whether the names are composed from two columns. */
  nameFromParts: boolean;
  /** Fill the row's values (FIELDS order) with what the shape says. */
  apply(values: (string | number | null | undefined)[], row: readonly RawCell[], r: number): void;
}

const FIRST_NAME = new Set(["fornavn", "fornavne", "first name", "firstname"]);
const LAST_NAME = new Set(["efternavn", "efternavne", "last name", "lastname", "surname"]);
const COMMA_NAME = /^\s*([^,\d]+?)\s*,\s*([^,\d]+?)\s*$/;

function decide(proposal: ColumnMapping, options: MappingOptions, accept: string): ColumnMapping {
  const key = `${proposal.sheet}!${proposal.letter}`;
  const o = options.overrides;
  if (o && key in o) return { ...proposal, target: o[key] === accept ? accept : null, confidence: 1, reason: "Valgt af brugeren." };
  const saved = options.saved?.columns.find((m) => m.sheet === proposal.sheet && m.letter === proposal.letter && m.index === proposal.index);
  if (saved) return { ...proposal, target: saved.target === accept ? accept : null, confidence: 1, reason: "Samme tilknytning som ved sidste import." };
  return proposal.confidence >= MIN_CONFIDENCE ? proposal : { ...proposal, target: null };
}

/** The region's shape read against its mapped columns. */
export function listMeaning(grid: SheetGrid, region: CaseListRegion, cols: ColumnMapping[], options: MappingOptions, caseLists: number): ListMeaning {
  const proposals: ColumnMapping[] = [];
  const mapped = (target: string) => cols.find((c) => c.target === target);
  const pseudo = (letter: string, header: string, target: string, confidence: number, reason: string): ColumnMapping => ({
    sheet: region.sheet,
    index: -1,
    letter,
    header,
    target,
    confidence,
    reason,
  });

  // ---- the unit
  let sectionUnit: ((r: number) => string | null) | null = null;
  let listUnit: string | null = null;
  if (!mapped("Enhed")) {
    const sections = region.sections ?? [];
    if (sections.length) {
      const p = decide(
        pseudo(
          "Sektioner",
          `Sektionsrækker (${sections.map((s) => s.text).join(", ")})`,
          "Enhed",
          0.85,
          `Listen har ingen kolonne for Enhed, men ${sections.length} ${sections.length === 1 ? "række" : "rækker"} med kun et enhedsnavn (fx række ${sections[0].row + 1}, '${sections[0].text}'). Rækkerne under hver af dem får den enhed.`
        ),
        options,
        "Enhed"
      );
      proposals.push(p);
      if (p.target === "Enhed")
        sectionUnit = (r) => {
          let u: string | null = null;
          for (const s of sections) if (s.row < r) u = s.text;
          return u;
        };
    }
    const fromTitle = titleUnit(region.titles);
    const fromSheet = sheetUnit(region.sheet);
    if (fromTitle) {
      const p = decide(
        pseudo(
          "Titel",
          `Titelrækken '${region.titles[0]}'`,
          "Enhed",
          0.8,
          `Listen har ingen kolonne for Enhed; titlen over overskriften nævner enheden '${fromTitle}'.`
        ),
        options,
        "Enhed"
      );
      proposals.push(p);
      if (p.target === "Enhed") listUnit = fromTitle;
    } else if (fromSheet) {
      const many = caseLists > 1;
      const p = decide(
        pseudo(
          "Arknavn",
          `Arkets navn '${region.sheet}'`,
          "Enhed",
          many ? 0.8 : 0.45,
          many
            ? `Listen har ingen kolonne for Enhed, og der er én liste pr. ark: arkets navn '${fromSheet}' er enheden.`
            : `Listen har ingen kolonne for Enhed; arkets navn '${fromSheet}' kan være enheden. Vælg Enhed, hvis det er den.`
        ),
        options,
        "Enhed"
      );
      proposals.push(p);
      if (p.target === "Enhed") listUnit = fromSheet;
    }
  }

  // ---- the name
  let parts: { first: number; last: number } | null = null;
  if (!mapped("Navn")) {
    const first = cols.find((c) => c.target === null && FIRST_NAME.has(normaliseHeader(c.header)));
    const last = cols.find((c) => c.target === null && LAST_NAME.has(normaliseHeader(c.header)));
    if (first && last) {
      const p = decide(
        pseudo(
          `${first.letter}+${last.letter}`,
          `${first.header} + ${last.header}`,
          "Navn",
          0.9,
          `Fornavn og efternavn står i hver sin kolonne (${first.letter} og ${last.letter}); Navn sættes sammen af dem, og begge kolonner bevares.`
        ),
        options,
        "Navn"
      );
      proposals.push(p);
      if (p.target === "Navn") parts = { first: first.index, last: last.index };
    }
  }
  const navn = mapped("Navn");
  let flip = false;
  if (navn) {
    let n = 0;
    let comma = 0;
    for (const r of region.dataRows.slice(0, 300)) {
      const v = grid.cells[r]?.[navn.index];
      if (typeof v !== "string" || v.trim() === "") continue;
      n++;
      if (COMMA_NAME.test(v)) comma++;
    }
    flip = n >= 2 && comma / n >= 0.6;
    if (flip) navn.reason += " Navnene står som 'Efternavn, Fornavn' og skrives som 'Fornavn Efternavn'.";
  }

  const E = FIELD_INDEX.enhed;
  const N = FIELD_INDEX.navn;
  const text = (v: RawCell | undefined) => (v === null || v === undefined ? "" : tidy(String(v)));
  return {
    proposals,
    unitFromShape: sectionUnit !== null || listUnit !== null,
    nameFromParts: parts !== null,
    apply(values, row, r) {
      if (values[E] === undefined) {
        const u = sectionUnit?.(r) ?? listUnit;
        if (u) values[E] = u;
      }
      if (parts && values[N] === undefined) {
        const name = [text(row[parts.first]), text(row[parts.last])].filter((x) => x !== "").join(" ");
        if (name !== "") values[N] = name;
      }
      if (flip && typeof values[N] === "string") {
        const m = COMMA_NAME.exec(values[N] as string);
        if (m) values[N] = `${m[2]} ${m[1]}`;
      }
    },
  };
}

/** A citizen with a visitation date and neither start nor end: on the waiting list, not an error. */
export function isWaiting(c: Case, unparsed: Partial<Record<CaseKey, string>> | null): boolean {
  return c.indskrevet === null && c.udskrevet === null && c.visitationsdato !== null && unparsed?.indskrevet === undefined;
}
