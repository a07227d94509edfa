// A small tmpfs for the tests of a full disk and a read-only target: mounted as root, or through
// `sudo -n` where the user may. Where neither works, the caller decides: under CI=true the test fails.
import { spawnSync } from "child_process";

function run(args: string[]): boolean {
  const direct = process.getuid?.() === 0 ? spawnSync(args[0], args.slice(1), { encoding: "utf8" }) : null;
  if (direct && direct.status === 0) return true;
  const sudo = spawnSync("sudo", ["-n", ...args], { encoding: "utf8" });
  return sudo.status === 0;
}

/** Mount a tmpfs of `size` (e.g. "1m") on dir, owned by this user; false when mounting is not permitted. */
export function mountTmpfs(dir: string, size: string, readOnly = false): boolean {
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  const options = [`size=${size}`, `uid=${uid}`, `gid=${gid}`, "mode=0755", ...(readOnly ? ["ro"] : [])].join(",");
  return run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", dir]);
}

export function unmount(dir: string): void {
  run(["umount", dir]);
}

/** Fail under CI when mounting is not permitted; elsewhere say so on stderr. */
export function mountOrExplain(dir: string, size: string, readOnly = false): boolean {
  if (mountTmpfs(dir, size, readOnly)) return true;
  const why = `Kan ikke montere et tmpfs på ${dir} (kræver root eller sudo uden adgangskode).`;
  if (process.env.CI === "true") throw new Error(why);
  process.stderr.write(`${why} Testen af en fuld disk eller et skrivebeskyttet mål er ikke kørt.\n`);
  return false;
}
