// Which LibreOffice the recalculation tests and the bench run: SOFFICE names another, and a wrong
// path is an error, never a quiet fallback to the machine's own.
import { findSoffice, requireSoffice } from "../../src/adapters/libreoffice/recalc";

describe("findSoffice", () => {
  it("takes the program SOFFICE names when it exists", () => {
    expect(findSoffice({ SOFFICE: process.execPath })).toBe(process.execPath);
  });

  it("finds none when SOFFICE names a missing program, whatever the machine has", () => {
    expect(findSoffice({ SOFFICE: "/ingen/sådan/soffice" })).toBeNull();
  });

  it("says what to do when SOFFICE names a missing program", () => {
    expect(() => requireSoffice({ SOFFICE: "/ingen/sådan/soffice" })).toThrow(/SOFFICE peger på \/ingen\/sådan\/soffice, som ikke findes/);
  });
});
