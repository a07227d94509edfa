// A test file's temporary directories, removed when its tests are done, so that `npm test` leaves
// nothing behind in the machine's temporary directory (each run wrote about 20 MB there).
// SAGSLISTE_KEEP_TEMP=1 keeps them, to look into a failing test's files.
import { mkdtempSync, promises as fs, rmSync } from "fs";
import os from "os";
import path from "path";

const made: string[] = [];

afterAll(() => {
  if (process.env.SAGSLISTE_KEEP_TEMP) return;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const template = (prefix: string) => path.join(os.tmpdir(), `sagsliste-${prefix}-`);

export async function tempDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(template(prefix));
  made.push(dir);
  return dir;
}

export function tempDirSync(prefix: string): string {
  const dir = mkdtempSync(template(prefix));
  made.push(dir);
  return dir;
}
