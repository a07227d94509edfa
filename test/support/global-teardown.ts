// After the last test: the LibreOffice profiles of Jest's workers, which have ended by now, or of Jest
// itself when it ran the tests in its own process. Tests see a copy of `process`, so the
// recalculation's own removal at exit never runs in either.
import { rmSync } from "fs";
import { profilePath, removeEndedProfiles } from "../../src/adapters/libreoffice/recalc";

export default function globalTeardown(): void {
  removeEndedProfiles();
  rmSync(profilePath(), { recursive: true, force: true });
}
