// The import's one error class: conditions where nothing can be converted, with a Danish message
// the task pane and the CLI show as they are.

export type ImportErrorCode = "TOM_PROJEKTMAPPE" | "INGEN_OVERSKRIFT" | "UGYLDIG_TILKNYTNING";

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  /** Sheets examined, for the message and for the caller's own wording. */
  readonly sheets: string[];

  constructor(code: ImportErrorCode, message: string, sheets: string[] = []) {
    super(message);
    this.name = "ImportError";
    this.code = code;
    this.sheets = sheets;
  }
}

export function emptyWorkbookError(sheets: string[]): ImportError {
  return new ImportError(
    "TOM_PROJEKTMAPPE",
    sheets.length === 0
      ? "Projektmappen er tom: den har ingen ark. Åbn den projektmappe, der indeholder sagslisten."
      : `Projektmappen er tom: arkene ${sheets.map((s) => `'${s}'`).join(", ")} har ingen celler med indhold.`,
    sheets
  );
}

export function noHeaderError(sheets: string[]): ImportError {
  return new ImportError(
    "INGEN_OVERSKRIFT",
    `Ingen genkendelig overskriftsrække på arkene ${sheets.map((s) => `'${s}'`).join(", ")}. ` +
      "Sagslisten skal have en række med kolonneoverskrifter, fx 'CPR', 'Navn', 'Enhed' og 'Indskrevet', over borgerne.",
    sheets
  );
}
