// The layer rules of eslint.config.mjs, each shown catching a violation planted in a file of the folder
// it guards (linted as text, so no planted file stays in the tree), and passing the same code where it is allowed.
import { spawnSync } from "child_process";
import path from "path";

const ROOT = path.join(__dirname, "..", "..");
const ESLINT = path.join(ROOT, "node_modules", ".bin", "eslint");

// ESLint runs in its own process, as `npm run lint` runs it (its config is an ES module, which Jest's
// module system does not load).
async function problems(file: string, code: string): Promise<string[]> {
  const run = spawnSync(ESLINT, ["--stdin", "--stdin-filename", file, "--format", "json"], { cwd: ROOT, input: code, encoding: "utf8" });
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-globals").map((m) => m.message);
}

const PLANTED: [string, string, RegExp][] = [
  ["src/domain/planted.ts", 'import { TABLES } from "../workbook/contract";\nexport const t = TABLES;\n', /src\/domain may not import src\/workbook/],
  ["src/workbook/planted.ts", 'import { convert } from "../import/convert";\nexport const c = convert;\n', /src\/workbook may not import src\/import/],
  [
    "src/import/planted.ts",
    'import { loadWorkbook } from "../adapters/xlsx/files";\nexport const l = loadWorkbook;\n',
    /src\/import may not import src\/adapters/,
  ],
  ["src/workbook/planted.ts", 'import ExcelJS from "exceljs";\nexport const w = new ExcelJS.Workbook();\n', /Only src\/adapters\/xlsx imports ExcelJS/],
  ["src/cli/planted.ts", 'import ExcelJS from "exceljs";\nexport const w = new ExcelJS.Workbook();\n', /Only src\/adapters\/xlsx imports ExcelJS/],
  ["src/taskpane/planted.ts", "export const ready = Office.onReady;\n", /Only src\/adapters\/officejs touches Office\.js/],
  [
    "src/adapters/officejs/planted.ts",
    'import { App } from "../../taskpane/App";\nexport const a = App;\n',
    /src\/adapters\/officejs may not import src\/taskpane/,
  ],
  [
    "src/taskpane/pages/planted.tsx",
    'import { createOfficePort } from "../../adapters/officejs/port";\nexport const p = createOfficePort;\n',
    /src\/taskpane may not import src\/adapters/,
  ],
  [
    "src/ports/planted.ts",
    'import { createOfficePort } from "../adapters/officejs/port";\nexport const p = createOfficePort;\n',
    /src\/ports may not import src\/adapters/,
  ],
];

describe("the layer rules", () => {
  it.each(PLANTED)("catch a planted violation in %s", async (file, code, expected) => {
    const found = await problems(file, code);
    expect(found.some((m) => expected.test(m))).toBe(true);
  });

  it("let each layer import what lies below it, and the adapters their libraries", async () => {
    expect(await problems("src/workbook/planted.ts", 'import { serial } from "../domain/dates";\nexport const s = serial;\n')).toEqual([]);
    expect(await problems("src/import/planted.ts", 'import { TABLES } from "../workbook/contract";\nexport const t = TABLES;\n')).toEqual([]);
    expect(await problems("src/adapters/xlsx/planted.ts", 'import ExcelJS from "exceljs";\nexport const w = new ExcelJS.Workbook();\n')).toEqual([]);
    expect(await problems("src/adapters/officejs/planted.ts", "export const ready = Office.onReady;\n")).toEqual([]);
    expect(
      await problems("src/taskpane/index.tsx", 'import { createOfficePort } from "../adapters/officejs/port";\nexport const p = createOfficePort;\n')
    ).toEqual([]);
  });
});
