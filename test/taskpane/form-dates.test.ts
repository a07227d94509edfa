// The short dates the forms read: ddmmåå, day and month alone (this year), "i dag" and "i går".
import { serial } from "../../src/domain/dates";
import { parseShortDate } from "../../src/taskpane/forms/form-dates";
import { parseDateField } from "../../src/taskpane/forms/field-values";
import { jumpTarget } from "../../src/taskpane/forms/attendance-jump";

const today = serial(2026, 12, 7);

test.each([
  ["011221", serial(2021, 12, 1)],
  ["010170", serial(1970, 1, 1)],
  ["1-12", serial(2026, 12, 1)],
  ["01/02", serial(2026, 2, 1)],
  ["3.4", serial(2026, 4, 3)],
  ["i dag", today],
  ["I går", today - 1],
  ["igår", today - 1],
])("%s is read as a date", (text, expected) => {
  expect(parseShortDate(text, today)).toBe(expected);
});

test.each(["311121", "31-02", "i morgen", "12345"])("%s is no date", (text) => {
  expect(parseShortDate(text, today)).toBeNull();
});

test("the forms' date fields read the short forms as well as the long ones", () => {
  expect(parseDateField("011221")).toEqual({ ok: true, value: serial(2021, 12, 1) });
  expect(parseDateField("01-12-2021")).toEqual({ ok: true, value: serial(2021, 12, 1) });
  expect(parseDateField("0112")).toEqual({ ok: false });
});

test("the jump goes to the first name that starts with the text, then to a later word, then to any match", () => {
  const labels = ["Anna Berg (S1)", "Emma Andersen (S2)", "Emma Nielsen (S3)", "Ole Knudsen (S4)"];
  expect(jumpTarget(labels, "emma")).toBe(1);
  expect(jumpTarget(labels, "emma n")).toBe(2);
  expect(jumpTarget(labels, "nie")).toBe(2);
  expect(jumpTarget(labels, "dsen")).toBe(3);
  expect(jumpTarget(labels, "sen")).toBe(1);
  expect(jumpTarget(labels, "s4")).toBe(3);
  expect(jumpTarget(labels, "")).toBe(-1);
  expect(jumpTarget(labels, "xyz")).toBe(-1);
});
