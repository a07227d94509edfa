// The status-measurement form in headless Chromium: a citizen found by name, a score per dimension typed
// beside the previous score and the change, a GAS goal added with the T-score shown live, and the rows
// read back (one per dimension in Statusmaalinger, the goal in Maal); an out-of-scale score writes
// nothing; an earlier measurement is corrected in place; "ikke relevant" is stored as the instrument says.
import type { Page } from "playwright-core";
import { danishDate } from "../../src/domain/dates";
import { gasTScore } from "../../src/domain/gas";
import { isActiveOn, casesFrom, caseLabel } from "../../src/taskpane/forms/cases";
import { dimensionsOf, goalsFrom, measurementsFrom, previousScore } from "../../src/taskpane/forms/status-form";
import { instrumentsFrom } from "../../src/taskpane/forms/setup";
import { messages } from "../../src/taskpane/messages";
import { TABLES } from "../../src/workbook/contract";
import { startPreviewHarness, type PreviewHarness } from "../support/browser";
import { field, readBack, records, saveCount, screenshot } from "./forms-support";

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startPreviewHarness();
}, 600_000);

afterAll(async () => {
  await harness?.close();
});

const m = messages.statusForm;
const INSTRUMENT = "Værkstedsmål";

async function openForm(): Promise<Page> {
  const page = await harness.open("?side=statusmaaling");
  await field(page, m.dato).waitFor();
  return page;
}

/** A citizen measured with Værkstedsmål who is still enrolled a month after the last measurement. */
async function measuredCase(page: Page) {
  const cases = casesFrom(await readBack(page, TABLES.sager));
  const measurements = measurementsFrom(await readBack(page, TABLES.statusmaalinger));
  const goals = goalsFrom(await readBack(page, TABLES.maal));
  const dims = dimensionsOf(instrumentsFrom(await readBack(page, TABLES.instrumenter)), INSTRUMENT);
  for (const c of cases) {
    const own = measurements.filter((x) => x.sagsId === c.sagsId && x.instrument === INSTRUMENT);
    if (own.length === 0 || !c.navn) continue;
    const last = Math.max(...own.map((x) => x.dato));
    const day = last + 30;
    const sameName = cases.filter((o) => o.navn === c.navn && isActiveOn(o, day)).length;
    const latest = own.filter((x) => x.dato === last);
    if (isActiveOn(c, day) && sameName === 1 && latest.length === dims.length && goals.some((g) => g.sagsId === c.sagsId)) {
      return { c, day, last, dims, measurements, goals: goals.filter((g) => g.sagsId === c.sagsId) };
    }
  }
  throw new Error("Eksemplet har ingen borger med en hel Værkstedsmål-måling, mål og en aktiv sag bagefter");
}

async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await field(page, label).focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}

async function findCitizen(page: Page, day: number, name: string, sagsId: string): Promise<void> {
  await typeInto(page, m.dato, danishDate(day));
  await typeInto(page, m.search, name);
  expect(await field(page, m.citizen).inputValue()).toBe(sagsId);
  expect(await field(page, m.instrument).inputValue()).toBe(INSTRUMENT);
}

async function submit(page: Page): Promise<void> {
  await page.getByRole("button", { name: messages.forms.save }).focus();
  await page.keyboard.press("Enter");
}

test("a measurement on every dimension and a new GAS goal are saved and read back", async () => {
  const page = await openForm();
  const { c, day, dims, measurements, goals } = await measuredCase(page);
  const before = { s: (await readBack(page, TABLES.statusmaalinger)).rows.length, g: (await readBack(page, TABLES.maal)).rows.length };
  await findCitizen(page, day, c.navn!, c.sagsId);

  const scores = dims.map((d, i) => Math.min(d.max, d.min + 2 + i));
  for (const [i, d] of dims.entries()) await typeInto(page, d.dimension, String(scores[i]));
  // Beside each dimension: its scale, the previous score and the change.
  const prev = previousScore(measurements, c.sagsId, dims[0], day)!;
  const hint = page.getByText(`Forrige: ${prev.score} (${danishDate(prev.dato)})`).first();
  await hint.waitFor();
  expect(await hint.textContent()).toContain(`Ændring: ${scores[0] - prev.score > 0 ? "+" : ""}${scores[0] - prev.score}`);

  await typeInto(page, m.registreretAf, "Birgitte");
  await page.getByRole("button", { name: m.addGoal }).focus();
  await page.keyboard.press("Enter");
  const n = goals.length + 1;
  await typeInto(page, m.goalText(n), "Lave frokost selv");
  await typeInto(page, m.goalWeight(n), "2");
  await field(page, m.goalScore(n)).focus();
  await page.keyboard.type("+1");
  expect(await field(page, m.goalScore(n)).inputValue()).toBe("1");
  const expected = gasTScore([...goals.map((g) => ({ weight: g.vaegt, score: g.gasScore })), { weight: 2, score: 1 }])!;
  await page
    .getByTestId("gas-tscore")
    .filter({ hasText: m.tScore(expected.toFixed(2).replace(".", ",")) })
    .waitFor();
  await screenshot(page, "form-statusmaaling");
  await submit(page);
  await page
    .getByTestId("form-feedback")
    .filter({ hasText: m.saved(dims.length, caseLabel(c), danishDate(day)) })
    .waitFor();

  const rows = records(await readBack(page, TABLES.statusmaalinger));
  expect(rows).toHaveLength(before.s + dims.length);
  expect(rows.slice(-dims.length).map((r) => [r["Sags-ID"], r.Dato, r.Instrument, r.Dimension, r.Score, r["Registreret af"]])).toEqual(
    dims.map((d, i) => [c.sagsId, day, INSTRUMENT, d.dimension, scores[i], "Birgitte"])
  );
  const maal = records(await readBack(page, TABLES.maal));
  expect(maal).toHaveLength(before.g + 1);
  expect(maal[maal.length - 1]).toMatchObject({ "Sags-ID": c.sagsId, Mål: "Lave frokost selv", Vægt: 2, "GAS-score": 1, Dato: day });
  await page.close();
});

test("a score outside the scale is refused beside its field and nothing is written", async () => {
  const page = await openForm();
  const { c, day, dims } = await measuredCase(page);
  const saves = await saveCount(page);
  await findCitizen(page, day, c.sagsId, c.sagsId);
  await typeInto(page, dims[0].dimension, "11");
  await typeInto(page, dims[1].dimension, "syv");
  await submit(page);
  await page.getByTestId("form-feedback").filter({ hasText: messages.forms.fixErrors }).waitFor();
  expect(await field(page, dims[0].dimension).getAttribute("aria-invalid")).toBe("true");
  expect(await field(page, dims[1].dimension).getAttribute("aria-invalid")).toBe("true");
  await page.getByText("Scoren skal ligge fra 1 til 10.").waitFor();
  await screenshot(page, "form-statusmaaling-fejl");
  expect(await saveCount(page)).toBe(saves);
  await page.close();
});

test("an earlier measurement is corrected in place, and 'ikke relevant' is stored as the instrument's value", async () => {
  const page = await openForm();
  const { c, last, dims } = await measuredCase(page);
  const before = records(await readBack(page, TABLES.statusmaalinger));
  await findCitizen(page, last + 1, c.navn!, c.sagsId);
  await field(page, m.edit).selectOption(String(last));
  expect(await field(page, m.dato).inputValue()).toBe(danishDate(last));
  await typeInto(page, dims[0].dimension, String(dims[0].max));
  await submit(page);
  // The earlier measurement may lack scores on some dimensions: the form names them and asks first.
  const withoutEmpty = page.getByRole("button", { name: m.saveWithoutEmpty });
  const savedNote = page.getByTestId("form-feedback").filter({ hasText: "er gemt i Statusmålinger" });
  await Promise.race([withoutEmpty.waitFor(), savedNote.waitFor()]);
  if (await withoutEmpty.isVisible()) await withoutEmpty.click();
  await savedNote.waitFor();
  const after = records(await readBack(page, TABLES.statusmaalinger));
  expect(after).toHaveLength(before.length);
  const corrected = after.find((r) => r["Sags-ID"] === c.sagsId && r.Dato === last && r.Dimension === dims[0].dimension)!;
  expect(corrected.Score).toBe(dims[0].max);

  // Funktionsniveau allows "ikke relevant" (stored as 9, never a number in an average).
  await typeInto(page, m.dato, danishDate(last + 2));
  await field(page, m.citizen).selectOption(c.sagsId);
  await field(page, m.instrument).selectOption("Funktionsniveau");
  await typeInto(page, "Egenomsorg", "2");
  await page.getByLabel("Mobilitet: ikke relevant").check();
  await submit(page);
  // The five dimensions left empty are named before anything is saved; the user saves without them.
  await page.getByTestId("form-feedback").filter({ hasText: "'Praktiske opgaver'" }).waitFor();
  await page.getByRole("button", { name: m.saveWithoutEmpty }).click();
  await page.getByTestId("form-feedback").filter({ hasText: "er gemt i Statusmålinger" }).waitFor();
  const saved = records(await readBack(page, TABLES.statusmaalinger)).filter((r) => r["Sags-ID"] === c.sagsId && r.Dato === last + 2);
  expect(saved.map((r) => [r.Dimension, r.Score, r.Bemærkning])).toEqual([
    ["Egenomsorg", 2, null],
    ["Mobilitet", 9, m.ikkeRelevant],
  ]);
  await page.close();
});
