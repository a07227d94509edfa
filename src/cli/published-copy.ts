// The published overview of a report (one workbook or several combined): the values-only copy with
// suppression and its --json, both scanned for CPR numbers and citizens' names before anything is written.
import { newWorkbook } from "../adapters/xlsx/workbook";
import type { StructuredData } from "../domain/model";
import { applyPlan } from "../adapters/xlsx/apply-plan";
import { WorkbookFileError } from "../adapters/xlsx/files";
import { scanPackage, workbookBytes } from "../adapters/xlsx/package-parts";
import { describeFindings } from "../workbook/privacy-scan";
import { buildPublishedPlan, publishedFigures, shownValue } from "../workbook/report/publish";

/** The copy's bytes and JSON, or a WorkbookFileError saying where a CPR number or a name would have leaked. */
export async function publishedCopy(
  data: StructuredData,
  year: number,
  out: string,
  extraJson: Record<string, unknown> = {}
): Promise<{ bytes: Buffer; json: string }> {
  const target = newWorkbook();
  applyPlan(target, buildPublishedPlan(data, year));
  const bytes = await workbookBytes(target);
  const f = publishedFigures(data, year);
  const json = JSON.stringify(
    {
      year,
      published: true,
      ...extraJson,
      keyFigures: f.rows.map((r) => ({ ...r, vaerdi: shownValue(f, r), n: undefined, sidsteAar: undefined, numerator: undefined })),
    },
    null,
    2
  );
  const jsonLines = json.split("\n").map((text, i) => ({ part: "--json", location: `linje ${i + 1}`, text }));
  const citizens = data.cases.map((c) => ({ sagsId: c.sagsId, cpr: c.cpr, navn: c.navn }));
  const findings = scanPackage(bytes, citizens, jsonLines);
  if (findings.length > 0) {
    throw new WorkbookFileError(
      `${out} er ikke skrevet: offentliggørelsesudgaven ville indeholde CPR-numre eller navne ${findings.length} steder:\n${describeFindings(findings)}\n` +
        "Ret værdierne i projektmappen (fx en enhed eller et mål med et navn), og prøv igen."
    );
  }
  return { bytes, json };
}
