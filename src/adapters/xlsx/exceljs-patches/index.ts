// Every change the xlsx adapter makes to ExcelJS's own classes, in one place. ExcelJS is pinned to 4.4.0
// (package.json), and test/xlsx/exceljs-patches.test.ts shows, patch by patch, that plain ExcelJS still
// behaves as the patch assumes and that the patched one does what the adapter needs: an upgrade that
// changes either fails there first. The adapter's entry points (a new, loaded or written workbook, a plan
// applied) install them explicitly; importing a module never does, and installing twice changes nothing.
// The file adapter's writer patches, for Node only, are in node.ts.
import { invarianceCache } from "../column-formulas";
import { keepNonRangeDefinedNames } from "./defined-names";
import { keepErrorResults } from "./error-results";
import { formulaValuePrototype, keepFalsyFormulaResults, readSharedFormulasOnce } from "./formula-values";
import { compactValidationsOnWrite, writeDefaultTheme } from "./package-patches";
import { shareFormulasOnWrite } from "./shared-formulas";
import { keepCalculatedColumnFormulas } from "./table-columns";

export { addRawDefinedNames, definedNameReferences } from "./defined-names";

let installed = false;

/** Install the patches that hold wherever ExcelJS runs (Node and the browser preview), once per process. */
export function installExcelJsPatches(): void {
  if (installed) return;
  installed = true;
  // Reading what ExcelJS drops: a table column's formula, a formula's falsy result, an error result in a
  // date cell, a defined name that is not a plain range.
  keepCalculatedColumnFormulas();
  const formulaValue = formulaValuePrototype();
  keepFalsyFormulaResults(formulaValue);
  keepErrorResults();
  keepNonRangeDefinedNames();
  // Writing what Excel opens without repair: validations that do not overlap, the theme the package names.
  compactValidationsOnWrite();
  writeDefaultTheme();
  // A computed column's formula shared down the column as Excel writes it, and read once per text.
  const sameEverywhere = invarianceCache();
  shareFormulasOnWrite(sameEverywhere);
  readSharedFormulasOnce(formulaValue, sameEverywhere);
}
