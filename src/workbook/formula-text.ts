// Canonical formulas -> the text each engine expects. Builders write one canonical form; the file
// format needs `_xlfn.` before functions newer than Excel 2007, Office.js wants them bare.

/**
 * Functions stored with the `_xlfn.` prefix in OOXML files (the ones our builders may use).
 * NETWORKDAYS.INTL is deliberately absent: LibreOffice 7.4 reads `_xlfn.NETWORKDAYS.INTL` as #NAME?,
 * so builders use NETWORKDAYS (Monday to Friday, the same rule) which every engine reads bare.
 */
export const XLFN_FUNCTIONS = ["MAXIFS", "MINIFS", "IFS", "IFNA", "CONCAT", "TEXTJOIN", "SWITCH", "AGGREGATE", "DAYS", "ISOWEEKNUM"] as const;

const xlfnPattern = new RegExp(`(?<![A-Za-z0-9_.])(${XLFN_FUNCTIONS.map((f) => f.replace(".", "\\.")).join("|")})\\(`, "g");

/** Strip the leading "=" if present. */
export function formulaBody(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

/**
 * The formula as stored in an .xlsx file: no leading "=", `_xlfn.` prefixes added outside string
 * literals. Structured references stay in the `[#This Row]` form that LibreOffice 7.4 reads.
 */
export function toFileFormula(formula: string): string {
  return mapOutsideStrings(formulaBody(formula), (chunk) => chunk.replace(xlfnPattern, "_xlfn.$1("));
}

/** The formula as Office.js `range.formulas` expects it: leading "=", no `_xlfn.` prefixes. */
export function toOfficeFormula(formula: string): string {
  return "=" + mapOutsideStrings(formulaBody(formula), (chunk) => chunk.replace(/_xlfn\./g, ""));
}

/** Apply f to the parts of a formula that lie outside "string literals". */
function mapOutsideStrings(formula: string, f: (chunk: string) => string): string {
  const parts = formula.split('"');
  return parts.map((p, i) => (i % 2 === 0 ? f(p) : p)).join('"');
}
