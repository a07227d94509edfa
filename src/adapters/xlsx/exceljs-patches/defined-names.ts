// ExcelJS 4.4 drops, when it reads a file, every defined name whose reference is not a plain range
// (`Liste_Lovgrundlag` = `Lister[Lovgrundlag]`, or a name broken to `#REF!`). A workbook read and saved
// again would silently lose its drop-down sources, and the integrity check could not see a broken name.
// This keeps such workbook-level names as they were read and writes them back unchanged.
import type ExcelJS from "exceljs";

interface DefinedNameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

interface DefinedNamesLike {
  _sagslisteRaw?: DefinedNameModel[];
}

const PLAIN_RANGE = /^('[^']+'|[^'!]+)!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/;

export function keepNonRangeDefinedNames(): void {
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

/**
 * Add defined names whose reference ExcelJS cannot parse (structured references) to a workbook: its
 * `definedNames.add` takes plain ranges only, so the names join the model it writes.
 */
export function addRawDefinedNames(workbook: ExcelJS.Workbook, names: { name: string; refersTo: string }[]): void {
  if (names.length === 0) return;
  const definedNames = workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
  const proto = Object.getPrototypeOf(definedNames);
  const descriptor = Object.getOwnPropertyDescriptor(proto, "model");
  if (!descriptor?.get) throw new Error("ExcelJS: definedNames.model findes ikke (ukendt ExcelJS-version)");
  const getter = descriptor.get;
  const extra = names.map((n) => ({ name: n.name, ranges: [n.refersTo.replace(/^=/, "")] }));
  Object.defineProperty(definedNames, "model", {
    configurable: true,
    get() {
      const own = (getter.call(this) as { name: string; ranges: string[] }[]).filter((d) => !extra.some((e) => e.name === d.name));
      return [...own, ...extra];
    },
    set(value) {
      descriptor.set?.call(this, value);
    },
  });
}
