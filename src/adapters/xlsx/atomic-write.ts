// Writing a file so that it is either all there or not there at all. The bytes go to a hidden temporary
// file next to the target (readable by the owner only, as the workbook holds CPR numbers and names), are
// flushed to disk and then renamed over the target. The temporary file is removed on every error, and on
// SIGINT, SIGTERM and SIGHUP; one left by a process killed outright (SIGKILL, a power cut) is removed by the
// next write to the same target. Errors from the file system become Danish messages that say what to do.
import { existsSync, promises as fs, readdirSync, renameSync, rmSync } from "fs";
import path from "path";
import { WorkbookFileError } from "./workbook-file-error";

const pending = new Set<string>();
// The targets this process has finished writing: an interruption after one is not "nothing written".
const finished: string[] = [];
let handlersInstalled = false;

function removePending(): void {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
}

const SIGNALS: Record<string, number> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", removePending);
  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.on(signal as NodeJS.Signals, () => {
      removePending();
      const written = finished.map((f) => path.basename(f)).join(", ");
      process.stderr.write(finished.length === 0 ? "sagsliste: afbrudt; intet er skrevet.\n" : `sagsliste: afbrudt; kun ${written} blev skrevet færdig.\n`);
      process.exit(128 + number);
    });
  }
}

/** The hidden temporary name a write to `target` uses in process `pid`. */
export function tempNameFor(target: string, pid: number = process.pid): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${pid}.tmp`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Remove temporary files that ended processes left for this target. */
function removeLeftovers(target: string): void {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const pid = Number(name.slice(prefix.length, -4));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid)) rmSync(path.join(dir, name), { force: true });
  }
}

/** A file-system error as a Danish message that says what to do. */
export function fileErrorMessage(e: unknown, file: string, action: "læse" | "skrive"): string {
  const code = (e as NodeJS.ErrnoException).code;
  const dir = path.dirname(path.resolve(file));
  switch (code) {
    case "ENOENT":
      return action === "læse" ? `Filen ${file} findes ikke.` : `Mappen ${dir} findes ikke. Opret den, eller vælg en anden placering.`;
    case "EISDIR":
      return `${file} er en mappe, ikke en fil. Angiv et filnavn, fx ${path.join(file, "sagsliste.xlsx")}.`;
    case "ENOTDIR":
      return `En del af stien ${file} er en fil, ikke en mappe. Vælg en anden placering.`;
    case "EACCES":
    case "EPERM":
      return action === "læse"
        ? `Du har ikke adgang til at læse ${file}. Kopiér filen til en mappe, du selv ejer, og prøv igen.`
        : `Du har ikke adgang til at skrive ${file}. Vælg en mappe, du kan skrive i, eller fjern skrivebeskyttelsen.`;
    case "EROFS":
      return `${dir} er skrivebeskyttet. Vælg en anden placering for ${path.basename(file)}.`;
    case "ENOSPC":
    case "EDQUOT":
      return `Der er ikke plads på disken til ${path.basename(file)}. Frigør plads eller vælg en anden placering; intet er skrevet.`;
    case "EMFILE":
    case "ENFILE":
      return `For mange åbne filer til at ${action} ${file}. Luk andre programmer og prøv igen.`;
    case "EBUSY":
    case "ETXTBSY":
      return `${file} er i brug af et andet program. Luk filen (fx i Excel) og prøv igen.`;
    default:
      return `${file} kunne ikke ${action}s (${code ?? "ukendt fejl"}). Prøv igen, eller vælg en anden placering.`;
  }
}

/** Write the bytes to `target` all at once, or not at all; `mode` keeps a private file private (a key). */
export async function writeFileAtomic(target: string, bytes: Buffer, mode?: number): Promise<void> {
  installHandlers();
  try {
    const stat = await fs.stat(target);
    if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") throw new WorkbookFileError(fileErrorMessage(e, target, "skrive"));
    if (!existsSync(path.dirname(path.resolve(target)))) throw new WorkbookFileError(fileErrorMessage(e, target, "skrive"));
  }
  removeLeftovers(target);
  const tmp = tempNameFor(target);
  pending.add(tmp);
  try {
    const handle = await fs.open(tmp, "wx", 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
      // The finished file gets the permissions any new file of the user gets.
      const umask = process.umask();
      await handle.chmod(mode ?? 0o666 & ~umask);
    } finally {
      await handle.close();
    }
    // Renamed synchronously: a signal is handled either before (nothing written) or after (written).
    renameSync(tmp, target);
    pending.delete(tmp);
    finished.push(target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    pending.delete(tmp);
    throw new WorkbookFileError(fileErrorMessage(e, target, "skrive"));
  }
}
