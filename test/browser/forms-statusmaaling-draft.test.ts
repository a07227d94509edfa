// The status-measurement form keeps what was typed: narrowing the search never switches citizen or
// instrument under typed scores, a whole-number scale refuses decimals, empty dimensions are named before
// a partial measurement is saved, goal scores can be saved alone, and Enter in the search never saves.
import type { Page } from "playwright-core";
import { activeCasesOn, casesFrom, isActiveOn, searchCases } from "../../src/taskpane/forms/cases";
import { dimensionsOf, goalsFrom, measurementsFrom } from "../../src/taskpane/forms/status-form";
import { instrumentsFrom } from "../../src/taskpane/forms/setup";
import { danishDate } from "../../src/domain/dates";
import { messages } from "../../src/taskpane/messages";
import { TABLES } from "../../src/workbook/contract";
import { startPreviewHarness, type PreviewHarness } from "../support/browser";
import { field, readBack, records, saveCount } from "./forms-support";

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

async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await field(page, label).focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}

async function submit(page: Page): Promise<void> {
  await page.getByRole("button", { name: messages.forms.save }).focus();
  await page.keyboard.press("Enter");
}

/** A day and a citizen with goals, measured with Værkstedsmål, and the instrument's dimensions. */
async function citizenWithGoals(page: Page) {
  const cases = casesFrom(await readBack(page, TABLES.sager));
  const measurements = measurementsFrom(await readBack(page, TABLES.statusmaalinger));
  const goals = goalsFrom(await readBack(page, TABLES.maal));
  const dims = dimensionsOf(instrumentsFrom(await readBack(page, TABLES.instrumenter)), INSTRUMENT);
  for (const c of cases) {
    const own = measurements.filter((x) => x.sagsId === c.sagsId && x.instrument === INSTRUMENT);
    if (own.length === 0 || !c.navn) continue;
    const day = Math.max(...own.map((x) => x.dato)) + 30;
    if (isActiveOn(c, day) && goals.some((g) => g.sagsId === c.sagsId)) return { c, day, dims };
  }
  throw new Error("Eksemplet har ingen målt borger med mål og en aktiv sag bagefter");
}

/** Two citizens active on a day with the same first name: the query of the first name picks A; a longer query only B. */
async function namesakes(page: Page) {
  const cases = casesFrom(await readBack(page, TABLES.sager));
  for (const c of cases) {
    if (c.indskrevet === null) continue;
    const day = c.indskrevet + 10;
    const active = activeCasesOn(cases, day);
    for (const b of active) {
      const [first, last] = (b.navn ?? "").toLowerCase().split(" ");
      if (!first || !last) continue;
      const a = searchCases(active, first)[0];
      const narrow = `${first} ${last[0]}`;
      if (a && a.sagsId !== b.sagsId && !(a.navn ?? "").toLowerCase().includes(narrow)) return { a, b, day, first, narrow };
    }
  }
  throw new Error("Eksemplet har ikke to aktive borgere med samme fornavn");
}

test("narrowing the search keeps the chosen citizen and the typed scores, and asks before switching", async () => {
  const page = await openForm();
  const { a, b, day, first, narrow } = await namesakes(page);
  await typeInto(page, m.dato, danishDate(day));
  await typeInto(page, m.search, first);
  expect(await field(page, m.citizen).inputValue()).toBe(a.sagsId);
  const instrument = await field(page, m.instrument).inputValue();
  const dim = (await page.locator("fieldset input[inputmode=numeric]").first().getAttribute("id"))!;
  await page.locator(`[id="${dim}"]`).fill("3");
  await typeInto(page, m.search, narrow);
  expect(await field(page, m.citizen).inputValue()).toBe(a.sagsId);
  expect(await field(page, m.instrument).inputValue()).toBe(instrument);
  expect(await page.locator(`[id="${dim}"]`).inputValue()).toBe("3");
  // The switch is asked, naming whom; answering it switches and discards.
  const question = page.getByTestId("switch-question").filter({ hasText: b.navn! });
  await question.waitFor();
  await question.getByRole("button", { name: m.switchConfirm }).click();
  expect(await field(page, m.citizen).inputValue()).toBe(b.sagsId);
  await page.close();
});

test("a decimal on a whole-number scale is refused beside its field", async () => {
  const page = await openForm();
  const { c, day, dims } = await citizenWithGoals(page);
  const saves = await saveCount(page);
  await typeInto(page, m.dato, danishDate(day));
  await typeInto(page, m.search, c.sagsId);
  await field(page, m.instrument).selectOption(INSTRUMENT);
  for (const d of dims) await typeInto(page, d.dimension, "5");
  await typeInto(page, dims[0].dimension, "5,5");
  await submit(page);
  await page.getByTestId("form-feedback").filter({ hasText: messages.forms.fixErrors }).waitFor();
  expect(await field(page, dims[0].dimension).getAttribute("aria-invalid")).toBe("true");
  expect(await saveCount(page)).toBe(saves);
  await page.close();
});

test("a partly filled measurement names the empty dimensions before anything is saved", async () => {
  const page = await openForm();
  const { c, day, dims } = await citizenWithGoals(page);
  const saves = await saveCount(page);
  await typeInto(page, m.dato, danishDate(day));
  await typeInto(page, m.search, c.sagsId);
  await field(page, m.instrument).selectOption(INSTRUMENT);
  await typeInto(page, dims[0].dimension, "5");
  await submit(page);
  await page.waitForTimeout(300);
  expect(await saveCount(page)).toBe(saves);
  await page.getByTestId("form-feedback").filter({ hasText: dims[1].dimension }).waitFor();
  await page.close();
});

test("goal scores are saved without a dimension score", async () => {
  const page = await openForm();
  const { c, day } = await citizenWithGoals(page);
  const before = records(await readBack(page, TABLES.maal)).filter((g) => g["Sags-ID"] === c.sagsId);
  await typeInto(page, m.dato, danishDate(day));
  await typeInto(page, m.search, c.sagsId);
  const score = before[0]["GAS-score"] === 2 ? "1" : "2";
  await field(page, m.goalScore(1)).selectOption(score);
  await submit(page);
  await page.getByTestId("form-feedback").filter({ hasText: "er gemt i Mål" }).waitFor();
  const after = records(await readBack(page, TABLES.maal)).filter((g) => g["Sags-ID"] === c.sagsId);
  expect(after[0]["GAS-score"]).toBe(Number(score));
  await page.close();
});

test("Enter in the search field does not save", async () => {
  const page = await openForm();
  const { c, day, dims } = await citizenWithGoals(page);
  const saves = await saveCount(page);
  await typeInto(page, m.dato, danishDate(day));
  await typeInto(page, m.search, c.sagsId);
  await field(page, m.instrument).selectOption(INSTRUMENT);
  for (const d of dims) await typeInto(page, d.dimension, "5");
  await field(page, m.search).focus();
  await page.keyboard.press("Enter");
  await page.waitForTimeout(300);
  expect(await saveCount(page)).toBe(saves);
  await page.close();
});
