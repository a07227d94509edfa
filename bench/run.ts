// `npm run bench`: every performance target of the add-in in one run and one table, over the "large"
// generated workbook. BENCH_SCALE=0.1 shrinks the data for a quick run; BENCH_ROUNDS sets how many
// side-by-side rounds each timing takes (best counts), BENCH_HEAVY_ROUNDS the same for the measures over
// the large workbook (LibreOffice and peak memory, minutes per run; default 1); `--only 1,4` runs some
// measures; `--reuse-build` keeps an existing task pane build; BENCH_RECALC_LIMIT_MIN (default 10) stops
// a LibreOffice run that takes longer. Progress and each row as measured on stderr, the table on stdout.
import os from "os";
import path from "path";
import { consolidateTime, CONSOLIDATED_SOURCES } from "./consolidate";
import { convertTime } from "./convert-time";
import { OUT, writeMessyCaseList, writeStructuredWorkbook } from "./fixtures";
import { importThroughput } from "./import-throughput";
import { casesByUnitAndName, generateLargeData, LARGE, scaled } from "./large-data";
import { peakMemory } from "./memory";
import { officeRequests } from "./officejs-requests";
import { recalcTime } from "./recalc-time";
import { formatTable, type Row } from "./table";
import { taskpane } from "./taskpane";

interface Settings {
  scale: number;
  rounds: number;
  heavyRounds: number;
  recalcLimitMin: number;
  only: Set<number> | null;
  rebuild: boolean;
}

function settings(argv: string[]): Settings {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const heavyRounds = Number(process.env.BENCH_HEAVY_ROUNDS ?? 1);
  if (!(scale > 0) || !(rounds >= 1) || !(heavyRounds >= 1)) throw new Error("BENCH_SCALE skal være > 0, BENCH_ROUNDS og BENCH_HEAVY_ROUNDS ≥ 1");
  const at = argv.indexOf("--only");
  const only = at >= 0 ? new Set((argv[at + 1] ?? "").split(",").map(Number)) : null;
  const recalcLimitMin = Number(process.env.BENCH_RECALC_LIMIT_MIN ?? 10);
  return { scale, rounds: Math.floor(rounds), heavyRounds: Math.floor(heavyRounds), recalcLimitMin, only, rebuild: !argv.includes("--reuse-build") };
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} CPUs (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`;
}

/**
 * Convert's rounds take seconds, and this machine's speed moves by a third from one minute to the next
 * (the floor alone: 1.6 to 2.5 s in one afternoon), so its best of each side takes more rounds to settle.
 */
function convertRounds(s: Settings): number {
  return Math.max(s.rounds, 7);
}

/** The recalculation's floor, subject and doubled workbook: the floor alone moves between 9 and 14 s from run to run. */
function recalcRounds(s: Settings): number {
  return Math.max(s.heavyRounds, 3);
}

const step = (s: string): void => void process.stderr.write(`bench: ${s}\n`);

/** Each row as soon as it is measured, so a run stopped early still shows what it found. */
function add(rows: Row[], found: Row[]): void {
  for (const r of found) step(`  ${r.measure}: ${r.figure} (target ${r.target})`);
  rows.push(...found);
}

async function main(): Promise<void> {
  const s = settings(process.argv.slice(2));
  const want = (n: number): boolean => s.only === null || s.only.has(n);
  const size = scaled(LARGE, s.scale);
  const messyRows = Math.max(100, Math.round(10_000 * s.scale));
  const importRows = Math.max(1_000, Math.round(100_000 * s.scale));
  const rows: Row[] = [];
  const started = Date.now();

  const data = generateLargeData(size);
  const largeFile = path.join(OUT, "large.xlsx");
  if (want(4) || want(5)) {
    step(`writing the large workbook (${size.cases} cases, ${size.attendance} attendance, ${size.measurements} status rows)`);
    await writeStructuredWorkbook(data, largeFile);
  }
  if (want(1)) {
    step(`1. convert of a ${messyRows}-row messy case list vs ExcelJS, ${convertRounds(s)} rounds`);
    const messy = await writeMessyCaseList(messyRows, path.join(OUT, "messy.xlsx"));
    add(rows, await convertTime(messy, messyRows, convertRounds(s), path.join(OUT, "convert")));
  }
  if (want(2)) {
    step(`2. import throughput on ${importRows} rows`);
    add(rows, await importThroughput(importRows, s.rounds));
  }
  if (want(3)) {
    step("3. Office.js adapter against the counting fake");
    add(rows, await officeRequests(data));
  }
  if (want(4)) {
    const doubledFile = path.join(OUT, "large-2x-attendance.xlsx");
    step("4. writing the workbook with doubled attendance; LibreOffice recalculation vs values only");
    await writeStructuredWorkbook(generateLargeData({ ...size, attendance: 2 * size.attendance }), doubledFile);
    const reorderedFile = path.join(OUT, "large-sager-by-unit.xlsx");
    await writeStructuredWorkbook(casesByUnitAndName(data), reorderedFile);
    add(
      rows,
      await recalcTime(
        data,
        { large: largeFile, doubled: doubledFile, reordered: reorderedFile },
        { rounds: recalcRounds(s), heavyRounds: s.heavyRounds },
        s.recalcLimitMin,
        path.join(OUT, "recalc")
      )
    );
  }
  if (want(5)) {
    step("5. peak memory of convert and report vs ExcelJS");
    add(rows, await peakMemory(largeFile, s.heavyRounds, path.join(OUT, "memory")));
  }
  if (want(6)) {
    step("6. task pane: production build, bundle size, first render");
    add(rows, await taskpane(path.join(OUT, "dist"), Math.max(s.rounds, 5), s.rebuild));
  }

  if (want(7)) {
    step(`7. consolidated report over ${CONSOLIDATED_SOURCES} unit workbooks`);
    // Registrations per source such that the combined two years fit one sheet (bench/consolidate.ts).
    const perSource = { ...size, attendance: Math.round(48_000 * s.scale) };
    add(rows, await consolidateTime(perSource, CONSOLIDATED_SOURCES, s.heavyRounds, path.join(OUT, "consolidate")));
  }

  const large = `${size.cases} cases, ${size.attendance} attendance rows, ${size.measurements} status rows, ${size.units} units, ${size.years} years`;
  process.stdout.write(
    `Sagsliste bench, ${new Date().toISOString().slice(0, 10)}, scale ${s.scale} (${large}), best of ${s.rounds} (convert: ${convertRounds(s)}, recalculation: ${recalcRounds(s)}, other large-workbook measures: ${s.heavyRounds})\n`
  );
  process.stdout.write(`Machine: ${machine()}\n\n${formatTable(rows)}\n\n`);
  process.stdout.write(`Took ${((Date.now() - started) / 60_000).toFixed(1)} min.\n`);
  if (rows.some((r) => r.pass === false)) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(2);
});
