// ExcelJS 4.4 drops, when it reads a file, every defined name whose reference is not a plain range
// (`Liste_Lovgrundlag` = `Lister[Lovgrundlag]`, or a name broken to `#REF!`). A workbook read and saved
// again would silently lose its drop-down sources, and the integrity check could not see a broken name.
// This keeps such workbook-level names as they were read and writes them back unchanged.

interface DefinedNameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

interface DefinedNamesLike {
  _sagslisteRaw?: DefinedNameModel[];
}

const PLAIN_RANGE = /^('[^']+'|[^'!]+)!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/;

let installed = false;

/** Install once per process (idempotent). */
export function keepNonRangeDefinedNames(): void {
  if (installed) return;
  installed = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const DefinedNames = require("exceljs/lib/doc/defined-names.js") as { prototype: object };
  const descriptor = Object.getOwnPropertyDescriptor(DefinedNames.prototype, "model");
  if (!descriptor?.get || !descriptor.set) throw new Error("ExcelJS: DefinedNames.model findes ikke (ukendt ExcelJS-version)");
  const { get, set } = descriptor;
  Object.defineProperty(DefinedNames.prototype, "model", {
    configurable: true,
    get(this: DefinedNamesLike) {
      const own = get.call(this) as DefinedNameModel[];
      const raw = this._sagslisteRaw ?? [];
      return [...own.filter((o) => !raw.some((r) => r.name === o.name)), ...raw];
    },
    set(this: DefinedNamesLike, value: DefinedNameModel[]) {
      set.call(this, value);
      this._sagslisteRaw = (value ?? [])
        .filter((d) => d.localSheetId === undefined && !d.name.startsWith("_xlnm.") && d.ranges.length > 0)
        .filter((d) => d.ranges.some((r) => !PLAIN_RANGE.test(r)))
        .map((d) => ({ name: d.name, ranges: [...d.ranges] }));
    },
  });
}

/** Every workbook-level defined name with its reference as written in the file (without "="). */
export function definedNameReferences(definedNames: unknown): { name: string; refersTo: string }[] {
  const model = (definedNames as { model: DefinedNameModel[] }).model;
  return model.filter((d) => d.localSheetId === undefined && !d.name.startsWith("_xlnm.")).map((d) => ({ name: d.name, refersTo: d.ranges.join(",") }));
}
