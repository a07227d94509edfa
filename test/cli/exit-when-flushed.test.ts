// A command's output read through a pipe arrives whole: the launcher ends the process only once stdout
// has handed over everything (process.exit alone cut a long --json off at the pipe's buffer).
import { execFile } from "child_process";
import path from "path";

const EXIT = path.resolve(__dirname, "..", "..", "lib", "src", "cli", "exit-when-flushed.js");

function runChild(script: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ["-e", script], { maxBuffer: 64 * 1024 * 1024 }, (_err, stdout) => resolve({ code: child.exitCode, stdout }));
  });
}

describe("ending the command", () => {
  it("hands over a 4 MB JSON written just before the end, and keeps the exit code", async () => {
    const script = `
      const big = JSON.stringify({ rows: Array.from({ length: 40000 }, (_, i) => ({ i, text: "x".repeat(90) })) });
      process.stdout.write(big + "\\n");
      require(${JSON.stringify(EXIT)}).exitWhenFlushed(3);
    `;
    const { code, stdout } = await runChild(script);
    expect(code).toBe(3);
    expect(stdout.length).toBeGreaterThan(4_000_000);
    expect((JSON.parse(stdout) as { rows: unknown[] }).rows).toHaveLength(40000);
  });
});
