// The value readers one by one: place sizes, periods, discharge reasons, masked and en-dash CPRs,
// "-" as no date, "stk." in legal references, the modulus-11 rule by birth year.
import { parseCpr } from "../../src/domain/cpr";
import { serial } from "../../src/domain/dates";
import { parseCprCell, parseDateCell, parseListCell } from "../../src/import/parse";
import { lookupFor } from "../../src/import/mapping";
import { isMaskedCpr, parsePeriodText, placeWeight, readDischargeReason, withoutSubsection } from "../../src/import/values-as-meant";
import { colourGuess } from "../../src/import/fill-meaning";
import { statusMeaning } from "../../src/import/status-column";

test.each([
  ["1/1", 1, "Fuldtid"],
  ["1/2", 0.5, "Deltid"],
  ["3/4", 0.75, "Deltid"],
  ["0,5", 0.5, "Deltid"],
  ["50 %", 0.5, "Deltid"],
  ["100%", 1, "Fuldtid"],
  ["37 t", 1, "Fuldtid"],
  ["18,5 t", 0.5, "Deltid"],
  ["30 timer", 0.81, "Deltid"],
  ["20 timer/uge", 0.54, "Deltid"],
  ["45 t", 1, "Fuldtid"],
] as const)("place size %s is weight %d (%s)", (text, weight, pladstype) => {
  expect(placeWeight(text)).toMatchObject({ weight, pladstype });
});

test("numbers: a share as itself, a larger number as hours; nonsense is no weight", () => {
  expect(placeWeight(0.75)).toMatchObject({ weight: 0.75, pladstype: "Deltid" });
  expect(placeWeight(37)).toMatchObject({ weight: 1, pladstype: "Fuldtid" });
  expect(placeWeight(0)).toBeNull();
  expect(placeWeight("3/2")).toBeNull();
  expect(placeWeight("Fuldtid")).toBeNull();
});

test.each([
  ["01.02.2023 - 31.12.2023", serial(2023, 2, 1), serial(2023, 12, 31)],
  ["1/2-23\u201330/6-24", serial(2023, 2, 1), serial(2024, 6, 30)],
  ["01.02.2023-31.12.2023", serial(2023, 2, 1), serial(2023, 12, 31)],
  ["1/2-23-30/6-24", serial(2023, 2, 1), serial(2024, 6, 30)],
  ["01-02-2023 til 31-12-2023", serial(2023, 2, 1), serial(2023, 12, 31)],
  ["01.02.2023 -", serial(2023, 2, 1), null],
] as const)("period %s", (text, start, end) => {
  expect(parsePeriodText(text)).toEqual({ start, end });
});

test("a single date (read as a date before this) or words are no period", () => {
  expect(parsePeriodText("01-02-2023")).toBeNull();
  expect(parsePeriodText("hele året")).toBeNull();
});

test.each([
  ["Fik job i Netto", "Beskæftigelse"],
  ["startet på SOSU-uddannelse", "Uddannelse"],
  ["Flyttet til Aarhus", "Flytning"],
  ["Ønskede ikke at fortsætte", "Afbrudt (eget ønske)"],
  ["Indlagt på psykiatrisk afdeling", "Sygdom"],
  ["Virksomhedspraktik i Bilka", "Praktik"],
  ["Visiteret til andet tilbud", "Anden indsats"],
  ["Udeblev fra september", "Udeblivelse"],
  ["Afgået ved døden", "Død"],
] as const)("reason in words %s is %s", (text, value) => {
  expect(readDischargeReason(text)?.value).toBe(value);
});

test("words naming no reason, or two equally, are not read", () => {
  expect(readDischargeReason("se journal")).toBeNull();
  expect(readDischargeReason("flyttet og fik job")).toBeNull();
});

test("CPR numbers: an en dash is a dash; masked numbers are kept masked, told at info level", () => {
  expect(parseCpr("010190\u20131234")).toMatchObject({ ok: true, cpr: "010190-1234" });
  expect(isMaskedCpr("010190-XXXX")).toBe(true);
  expect(isMaskedCpr("010190-****")).toBe(true);
  expect(isMaskedCpr("0101901234")).toBe(false);
  expect(parseCprCell("010190-xxxx")).toMatchObject({ kind: "value", value: "010190-XXXX", note: { code: "CPR_MASKERET", severity: "info" } });
});

test("modulus 11 is checked only for birth dates before 2007", () => {
  // 010190-1235 fails modulus 11 (010190-1234 would not matter: only the check differs).
  const failing = ["0101901235", "0101901236", "0101901237"].find((d) => !parseCpr(d).ok || !(parseCpr(d) as { modulus11: boolean }).modulus11)!;
  expect(parseCprCell(failing)).toMatchObject({ note: { code: "CPR_MODULUS11" } });
  // Born 1 January 2008 (7th digit 4, year 08): issued after 2007, modulus 11 not required.
  const young = ["0101084001", "0101084002", "0101084003"].find((d) => !(parseCpr(d) as { modulus11: boolean }).modulus11)!;
  expect(parseCprCell(young)).toEqual({ kind: "value", value: `${young.slice(0, 6)}-${young.slice(6)}` });
});

test('"-" and other dashes in a date cell mean no date', () => {
  for (const t of ["-", "\u2013", "--", " - "]) expect(parseDateCell(t)).toEqual({ kind: "value", value: null });
});

test('"stk." in a legal reference does not hide the paragraph', () => {
  expect(withoutSubsection("§ 104, stk. 1")).toBe("§ 104");
  const lookup = lookupFor("Lovgrundlag", undefined);
  expect(parseListCell("§103 stk. 1", "Lovgrundlag", lookup)).toEqual({ kind: "value", value: "§103" });
  expect(parseListCell("§ 104, stk. 1", "Lovgrundlag", lookup)).toEqual({ kind: "value", value: "§104" });
});

test("row colours and status words", () => {
  expect(colourGuess("FF0000").meaning).toBe("udskrevet");
  expect(colourGuess("FFC7CE").meaning).toBe("udskrevet");
  expect(colourGuess("BFBFBF").meaning).toBe("udskrevet");
  expect(colourGuess("FFFF00").meaning).toBe("venteliste");
  expect(colourGuess("C6EFCE").meaning).toBe("aktiv");
  expect(colourGuess("BDD7EE").meaning).toBeNull();
  expect(statusMeaning("Afsluttet")).toBe("udskrevet");
  expect(statusMeaning("På venteliste")).toBe("venteliste");
  expect(statusMeaning("Aktiv")).toBe("aktiv");
  expect(statusMeaning("Se note")).toBeNull();
});
