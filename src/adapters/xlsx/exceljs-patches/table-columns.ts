// ExcelJS 4.4 neither writes nor reads a table column's <calculatedColumnFormula>, the element that makes
// Excel fill a computed column's formula into a row added to the table and that the integrity check reads
// to compare a table with the contract; its reader even fails on a table with one before another column.
// Its table-column writer and reader keep it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const TableColumnXform = require("exceljs/lib/xlsx/xform/table/table-column-xform.js");

interface ColumnModel {
  id: number;
  name: string;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
  dxfId?: string;
  calculatedColumnFormula?: string;
}

interface XmlStream {
  openNode(tag: string, attrs?: Record<string, unknown>): void;
  leafNode(tag: string, attrs?: Record<string, unknown>, text?: string): void;
  closeNode(): void;
}

export function keepCalculatedColumnFormulas(): void {
  const proto = TableColumnXform.prototype;
  const originalParseOpen = proto.parseOpen;
  proto.render = function render(xmlStream: XmlStream, model: ColumnModel): boolean {
    const attrs = {
      id: model.id.toString(),
      name: model.name,
      totalsRowLabel: model.totalsRowLabel,
      totalsRowFunction: model.totalsRowFunction,
      dxfId: model.dxfId,
    };
    if (model.calculatedColumnFormula) {
      xmlStream.openNode("tableColumn", attrs);
      xmlStream.leafNode("calculatedColumnFormula", undefined, model.calculatedColumnFormula);
      xmlStream.closeNode();
    } else {
      xmlStream.leafNode("tableColumn", attrs);
    }
    return true;
  };
  proto.parseOpen = function parseOpen(this: { model: ColumnModel; _inFormula?: boolean }, node: { name: string }) {
    if (node.name === "calculatedColumnFormula") {
      this._inFormula = true;
      return true;
    }
    return originalParseOpen.call(this, node);
  };
  proto.parseText = function parseText(this: { model: ColumnModel; _inFormula?: boolean }, text: string) {
    if (this._inFormula) this.model.calculatedColumnFormula = (this.model.calculatedColumnFormula ?? "") + text;
  };
  proto.parseClose = function parseClose(this: { _inFormula?: boolean }, name: string) {
    if (name === "calculatedColumnFormula") {
      this._inFormula = false;
      return true;
    }
    return false;
  };
}
