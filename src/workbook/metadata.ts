// The add-in's metadata (the confirmed column mapping, the source sheets, the schema version) kept
// as JSON text in a hidden sheet. A sheet survives every program that opens and saves the file,
// which a custom XML part does not; still it is only a cache: the tables are the truth.
import type { Scalar, SheetPlan } from "./plan";

export const METADATA_SHEET = "Sagsliste-data";
/** Cells hold at most 32,767 characters; JSON is split over column A below the title. */
const CHUNK = 30_000;
const TITLE = "Sagslistes metadata: et mellemlager, som tilføjelsesprogrammet vedligeholder. Tabellerne er sandheden.";

export function metadataSheet(metadata: Record<string, unknown>): SheetPlan {
  const json = JSON.stringify(metadata);
  const cells = [{ address: "A1", value: TITLE as Scalar }];
  for (let i = 0, row = 2; i < json.length || row === 2; i += CHUNK, row++) {
    cells.push({ address: `A${row}`, value: json.slice(i, i + CHUNK) });
  }
  return { name: METADATA_SHEET, tables: [], cells, hidden: true };
}

/** The metadata from column A of the sheet (values from row 1 down), or null when unreadable. */
export function parseMetadata(columnA: readonly Scalar[]): Record<string, unknown> | null {
  if (columnA[0] !== TITLE) return null;
  const json = columnA
    .slice(1)
    .filter((v): v is string => typeof v === "string")
    .join("");
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
