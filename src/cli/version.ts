// The version printed by `sagsliste --version`, read from package.json at run time.
import { readFileSync } from "fs";
import path from "path";

function readVersion(): string {
  for (const up of ["../..", "../../.."]) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(__dirname, up, "package.json"), "utf8"));
      if (pkg.name === "sagsliste") return String(pkg.version);
    } catch {
      // try the next location: the compiled CLI sits one level deeper than the sources
    }
  }
  return "ukendt";
}

export const VERSION = readVersion();
