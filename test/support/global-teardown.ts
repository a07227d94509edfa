// After the last test: the LibreOffice profiles of Jest's workers, which have ended by now. A worker's
// tests see a copy of `process`, so the recalculation's own removal at exit never runs there.
import { removeEndedProfiles } from "../../src/adapters/libreoffice/recalc";

export default function globalTeardown(): void {
  removeEndedProfiles();
}
