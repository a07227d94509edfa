// The command's contract with the shell: help, version, usage errors on stderr with exit code 2.
import { execFile } from "child_process";
import path from "path";

const BIN = path.join(__dirname, "..", "..", "bin", "sagsliste.js");

function sagsliste(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("node", [BIN, ...args], (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as NodeJS.ErrnoException & { code: number }).code) : 0, stdout, stderr });
    });
  });
}

describe("sagsliste", () => {
  it("prints help in Danish", async () => {
    const r = await sagsliste(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Brug:/);
    expect(r.stdout).toMatch(/sagsliste convert/);
  });

  it("prints its version", async () => {
    const r = await sagsliste(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("rejects an unknown command on stderr with exit code 2", async () => {
    const r = await sagsliste(["flyv"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/Ukendt kommando: flyv/);
  });
});
