// The Import page's row-colour choices: a colour proposed with its meaning, shown beside the columns,
// and the user's choice fed back as an override that the next analysis takes as confirmed.
import { analyse } from "../../src/import/convert";
import { chooseFill, FILL_NONE, fillOptions, fillRows } from "../../src/taskpane/import/import-model";
import { generateValueShapes } from "../../src/sample/value-shapes";

test("a red row colour is offered as 'Udskrevet' and can be confirmed as no meaning", () => {
  const shape = generateValueShapes().find((s) => s.name === "roed-udfyldning")!;
  const rows = fillRows(analyse(shape.grids).mapping);
  expect(rows).toEqual([
    {
      key: "Farve FF0000",
      label: "Rækker med baggrundsfarven FF0000 på Borgere (20)",
      value: "udskrevet",
      confidence: 60,
      reason: expect.stringContaining("rød"),
    },
  ]);
  expect(fillOptions().map((o) => o.label)).toEqual(["Udskrevet", "På venteliste", "Aktiv", "Ingen betydning"]);
  const overrides = chooseFill({}, rows[0].key, FILL_NONE);
  expect(overrides).toEqual({ "Farve FF0000": null });
  expect(fillRows(analyse(shape.grids, { overrides }).mapping)).toEqual([expect.objectContaining({ value: FILL_NONE, confidence: 100 })]);
  expect(fillRows(analyse(shape.grids, { overrides: chooseFill({}, rows[0].key, "venteliste") }).mapping)[0].value).toBe("venteliste");
});
