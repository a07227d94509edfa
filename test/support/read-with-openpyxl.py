# A second reader of our .xlsx files: openpyxl, independent of ExcelJS. Prints one JSON object with, per
# file and sheet, what the tests check: the number formats of numbers and formulas, the columns in an
# outline group, formulas and HYPERLINK formulas, the tables' header cells, the data validations, the
# chart and drawing parts, and the formula cells that carry a cached value (what a preview shows), with it.
import json
import sys
import zipfile

import openpyxl
from openpyxl.utils import range_boundaries
from openpyxl.utils.datetime import to_excel


def is_formula(v):
    return isinstance(v, str) and v.startswith("=")


def sheet_facts(ws, values):
    formats = {}
    formulas = 0
    links = 0
    cached = 0
    cached_values = {}
    for row in ws.iter_rows():
        for cell in row:
            v = cell.value
            if is_formula(v):
                formulas += 1
                if "HYPERLINK(" in v:
                    links += 1
                shown = values[cell.coordinate].value
                if shown is not None:
                    cached += 1
                    # Dates as the serial the file holds, as the other readers give them.
                    cached_values[cell.coordinate] = shown if isinstance(shown, (int, float, str)) else to_excel(shown)
            if is_formula(v) or (isinstance(v, (int, float)) and not isinstance(v, bool)):
                formats[cell.number_format] = formats.get(cell.number_format, 0) + 1
    outline = {}
    for letter, dim in ws.column_dimensions.items():
        if dim.outline_level:
            outline[letter] = {"level": dim.outline_level, "hidden": bool(dim.hidden), "min": dim.min, "max": dim.max}
    headers = {}
    for t in ws.tables.values():
        c1, r1, c2, _ = range_boundaries(t.ref)
        headers[t.name] = [ws.cell(r1, c).value for c in range(c1, c2 + 1)]
    return {
        "formats": formats,
        "formulas": formulas,
        "links": links,
        "cached": cached,
        "cachedValues": cached_values,
        "outline": outline,
        "charts": len(getattr(ws, "_charts", [])),
        "tables": headers,
        "validations": [str(dv.sqref) for dv in ws.data_validations.dataValidation],
    }


def main():
    result = {}
    for path in sys.argv[1:]:
        wb = openpyxl.load_workbook(path)
        values = openpyxl.load_workbook(path, data_only=True)
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
        result[path] = {
            "sheets": {ws.title: sheet_facts(ws, values[ws.title]) for ws in wb.worksheets},
            "chartParts": sorted(n for n in names if n.startswith("xl/charts/chart")),
            "drawingParts": sorted(n for n in names if n.startswith("xl/drawings/drawing")),
        }
    json.dump(result, sys.stdout, ensure_ascii=False)


main()
