// Parse and validate throughput of the pure import (grids -> cases and findings) in a plain node
// process: the grids are generated first, then convert() runs several times; the best run counts.
// Both wall time and this process's CPU time are kept: on a shared machine the wall time also holds
// the time other work had the CPU, while the CPU time is what the import itself costs.
import { convert } from "../../src/import/convert";
import { generateMessyCaseList } from "../../src/sample/messy-case-list";

function main(): void {
  const rows = Number(process.argv[2] ?? 100_000);
  const runs = Number(process.argv[3] ?? 3);
  const { grids } = generateMessyCaseList({ seed: 7, rows });
  convert(grids); // warm-up: the first run also pays for the JIT
  let best = Infinity;
  let bestCpu = Infinity;
  let cases = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const result = convert(grids);
    const cpu = process.cpuUsage(c0);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
    cases = result.cases.length;
  }
  process.stdout.write(JSON.stringify({ rows, cases, bestMs: best, bestCpuMs: bestCpu }) + "\n");
}

main();
