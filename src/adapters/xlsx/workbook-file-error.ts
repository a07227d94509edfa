// The error for a workbook that cannot be used as it is, with a message that says what to do. In a module
// of its own so the readers the browser preview shares do not pull in the file adapter (fs, zlib).
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookFileError";
  }
}
