// What every command of the command line loads before it starts: the forms' zod schemas are not part
// of it (loading zod took about 80 ms of each command's start, a conversion of 10,000 rows 2.3 s in all).
import { execFileSync } from "child_process";
import path from "path";

const MAIN = path.resolve(__dirname, "../../lib/src/cli/main.js");

function loadedPackages(entry: string): string[] {
  const script = `require(${JSON.stringify(entry)});
const seen = new Set(Object.keys(require.cache).filter((f) => f.includes("/node_modules/")).map((f) => f.split("/node_modules/").pop().split("/")[0]));
process.stdout.write(JSON.stringify([...seen].sort()));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as string[];
}

describe("the command line's start", () => {
  it("loads ExcelJS but not zod", () => {
    const packages = loadedPackages(MAIN);
    expect(packages).toContain("exceljs");
    expect(packages).not.toContain("zod");
  });

  it("the import's validation loads no zod either (it runs on every conversion)", () => {
    const packages = loadedPackages(path.resolve(__dirname, "../../lib/src/import/validate.js"));
    expect(packages).not.toContain("zod");
    // The check itself can see zod: the schemas module does load it.
    expect(loadedPackages(path.resolve(__dirname, "../../lib/src/domain/schemas.js"))).toContain("zod");
  });
});
