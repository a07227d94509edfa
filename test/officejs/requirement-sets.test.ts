// Office.js held to Microsoft's own record: every Excel member the add-in's code uses, read with the
// TypeScript checker, with the requirement set that @types/office-js annotates it with ("[Api set: …]").
// Each must lie within the manifest's minimum, or its file must ask isSetSupported for that set first
// (and so have a fallback or a Danish message). The table is written to test-output/ for review.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import ts from "typescript";
import { apiMember, apiSetAnnotation, atLeast, excelApiTable, manifestMinimum, requiredSet, ROOT } from "../support/office-api-sets";

const ADAPTER_DIR = path.join(ROOT, "src", "adapters", "officejs");
// Every Office.js call lives in the adapter, the task pane's start-up and the ribbon's commands included.
const OTHER_FILES: string[] = [];

interface Use {
  member: string;
  apiSet: string;
  files: Set<string>;
}

function program(): { checker: ts.TypeChecker; files: ts.SourceFile[] } {
  const files = [
    ...readdirSync(ADAPTER_DIR)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => path.join(ADAPTER_DIR, f)),
    ...OTHER_FILES,
  ];
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    }
  );
  if (!config) throw new Error("tsconfig.json could not be read");
  const prog = ts.createProgram(files, { ...config.options, noEmit: true });
  return { checker: prog.getTypeChecker(), files: files.map((f) => prog.getSourceFile(f)!).filter(Boolean) };
}

/** "Range.copyFrom" and "ExcelApi 1.9" for a member declared in @types/office-js, else null. */
function officeMember(sym: ts.Symbol, checker: ts.TypeChecker): { member: string; apiSet: string } | null {
  const decls = sym.getDeclarations() ?? [];
  const decl = decls.find((d) => d.getSourceFile().fileName.includes(`${path.sep}@types${path.sep}office-js${path.sep}`));
  if (!decl) return null;
  let owner: ts.Node | undefined = decl.parent;
  while (owner && !(ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner) || ts.isModuleDeclaration(owner))) owner = owner.parent;
  const ownerName = owner ? ((owner.name as ts.Identifier | undefined)?.text ?? "?") : "?";
  const docs = sym
    .getJsDocTags(checker)
    .map((t) => ts.displayPartsToString(t.text))
    .join("\n");
  return { member: `${ownerName}.${sym.getName()}`, apiSet: apiSetAnnotation(docs) ?? "Office common (no set)" };
}

/** The versions of ExcelApi that a file asks isSetSupported about (string literals or constants). */
function guardedVersions(file: ts.SourceFile, checker: ts.TypeChecker): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "isSetSupported") {
      const [name, version] = node.arguments;
      if (name && ts.isStringLiteral(name) && name.text === "ExcelApi" && version) {
        const text = constantText(version, checker);
        if (text) out.push(text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

function constantText(expr: ts.Expression, checker: ts.TypeChecker): string | null {
  if (ts.isStringLiteral(expr)) return expr.text;
  let sym = checker.getSymbolAtLocation(expr);
  if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
  const decl = sym?.valueDeclaration;
  if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.isStringLiteral(decl.initializer)) return decl.initializer.text;
  return null;
}

const { checker, files } = program();
const minimum = manifestMinimum();
const uses = new Map<string, Use>();
const guards = new Map<string, string[]>();

for (const file of files) {
  const rel = path.relative(ROOT, file.fileName);
  guards.set(rel, guardedVersions(file, checker));
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      const sym = checker.getSymbolAtLocation(node.name);
      const found = sym && officeMember(sym, checker);
      if (found) {
        const use = uses.get(found.member) ?? { ...found, files: new Set<string>() };
        use.files.add(rel);
        uses.set(found.member, use);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

const rows = [...uses.values()].sort((a, b) => a.member.localeCompare(b.member));

// Members whose annotation names several sets, one per way of calling them: the set of the way we call them.
const CALLED_AS: Record<string, string> = {
  "TableRowCollection.add": "1.4", // several rows at once, without alwaysInsert (1.15)
  "Worksheet.visibility": "1.2", // set, to hide our metadata sheet
};

function excelSet(use: Use): string | null {
  if (CALLED_AS[use.member] && use.apiSet.startsWith("ExcelApi")) return CALLED_AS[use.member];
  const m = /^ExcelApi (\d+\.\d+)$/.exec(use.apiSet);
  return m ? m[1] : null;
}

test("the adapters use Excel's API through the members @types/office-js describes", () => {
  // A few dozen members at least: the adapters read and write tables, ranges, names and charts.
  expect(rows.length).toBeGreaterThan(40);
  expect(rows.some((r) => r.member === "Range.copyFrom" && r.apiSet === "ExcelApi 1.9")).toBe(true);
  mkdirSync(path.join(ROOT, "test-output"), { recursive: true });
  const table = [
    `# Office.js members used (manifest minimum ExcelApi ${minimum})`,
    "",
    "| member | requirement set | within the minimum | used in |",
    "|---|---|---|---|",
    ...rows.map((r) => {
      const set = excelSet(r);
      const within = set === null ? "n/a" : atLeast(minimum, set) ? "yes" : `guarded (${[...r.files].join(", ")})`;
      return `| ${r.member} | ${r.apiSet} | ${within} | ${[...r.files].map((f) => path.basename(f)).join(", ")} |`;
    }),
    "",
  ].join("\n");
  writeFileSync(path.join(ROOT, "test-output", "officejs-requirement-sets.md"), table);
});

test("every member above the manifest's minimum is used only in files that ask isSetSupported for its set", () => {
  const unguarded: string[] = [];
  for (const r of rows) {
    const set = excelSet(r);
    if (r.apiSet.startsWith("ExcelApi") && set === null) unguarded.push(`${r.member}: ${r.apiSet} is no released set`);
    if (set === null || atLeast(minimum, set)) continue;
    for (const file of r.files) {
      const asked = guards.get(file) ?? [];
      if (!asked.some((v) => atLeast(v, set))) unguarded.push(`${r.member} (ExcelApi ${set}) in ${file}, which asks only ${asked.join(", ") || "nothing"}`);
    }
  }
  expect(unguarded).toEqual([]);
});

test("the fake Excel's record of each member's set (read without the checker) agrees with the checker's", () => {
  const table = excelApiTable();
  const checked = rows.filter((r) => r.apiSet.startsWith("ExcelApi") && table[r.member.split(".")[0]]);
  expect(checked.length).toBeGreaterThan(40);
  for (const r of checked) {
    const [cls, member] = r.member.split(".");
    expect({ member: r.member, set: apiMember(table, cls, member)?.set }).toEqual({ member: r.member, set: requiredSet(r.apiSet) });
  }
});

test("the manifest's minimum is the one the task pane checks at start-up", () => {
  const host = readFileSync(path.join(ADAPTER_DIR, "host.ts"), "utf8");
  expect(host).toContain(`export const BASE_API = "${minimum}";`);
  expect(host).toContain('isSetSupported("ExcelApi", BASE_API)');
});
