// A recalculation leaves no LibreOffice profile behind: the process that ran LibreOffice removes its
// private profile when it ends (about half a megabyte each), and the profiles of processes that ended
// without doing so (killed ones, Jest's workers) go the next time a profile is made.
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readdirSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { profileName, profilePath, removeEndedProfiles } from "../../src/adapters/libreoffice/recalc";
import { tempDir } from "../support/temp-dirs";

const RECALC = path.resolve(__dirname, "../../lib/src/adapters/libreoffice/recalc.js");

it("removes the process's LibreOffice profile when the process ends, after using it", async () => {
  const dir = await tempDir("profil");
  const file = path.join(dir, "lille.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Ark1").getCell("A1").value = { formula: "1+1" };
  await wb.xlsx.writeFile(file);

  // The child prints its pid and whether its profile existed while it ran, then ends.
  const script = `const { recalculate, profilePath } = require(${JSON.stringify(RECALC)});
const profile = profilePath();
recalculate([${JSON.stringify(file)}], ${JSON.stringify(path.join(dir, "ud"))}).then((outs) => {
  process.stdout.write(JSON.stringify({ pid: process.pid, during: require("fs").existsSync(profile), outs }));
});`;
  const child = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as { pid: number; during: boolean; outs: string[] };

  expect(child.during).toBe(true);
  expect(child.outs.every((o) => existsSync(o))).toBe(true);
  expect(existsSync(profilePath(child.pid))).toBe(false);
});

it("removes the profiles of processes that have ended, and only those", async () => {
  const tmp = await tempDir("profiler");
  const ended = execFileSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  const names = [profileName(Number(ended)), profileName(process.pid), "sagsliste-lo-profile-x", "andet"];
  for (const n of names) mkdirSync(path.join(tmp, n, "user"), { recursive: true });

  removeEndedProfiles(tmp);

  expect(readdirSync(tmp).sort()).toEqual([profileName(process.pid), "andet", "sagsliste-lo-profile-x"].sort());
});
