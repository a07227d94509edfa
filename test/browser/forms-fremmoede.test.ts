// The attendance form in headless Chromium: a unit's day registered by keyboard alone within a keystroke
// budget and read back from the workbook, a second registration of the same day replacing the first after
// a confirmation (no duplicates), and holidays and closure days marked.
import type { Page } from "playwright-core";
import { danishDate, isoWeekday } from "../../src/domain/dates";
import { activeCasesOn, casesFrom, caseLabel, unitKey } from "../../src/taskpane/forms/cases";
import { holidaysFrom, unitsFrom } from "../../src/taskpane/forms/setup";
import { messages } from "../../src/taskpane/messages";
import { TABLES } from "../../src/workbook/contract";
import { startPreviewHarness, type PreviewHarness } from "../support/browser";
import { CountingKeyboard, dateKeys, readBack, records, saveCount, screenshot } from "./forms-support";

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startPreviewHarness();
}, 600_000);

afterAll(async () => {
  await harness?.close();
});

const m = messages.attendanceForm;

async function openForm(): Promise<Page> {
  const page = await harness.open("?side=fremmoede");
  await page.getByLabel(m.unit).waitFor();
  return page;
}

/** A working day on which one unit has at least 30 citizens and none of them is registered yet. */
async function busyDay(page: Page) {
  const cases = casesFrom(await readBack(page, TABLES.sager));
  const units = unitsFrom(await readBack(page, TABLES.enheder));
  const holidays = new Set(holidaysFrom(await readBack(page, TABLES.helligdage)).map((h) => h.dato));
  const registered = new Set(records(await readBack(page, TABLES.fremmoede)).map((r) => `${String(r["Sags-ID"]).toLowerCase()}|${String(r.Dato)}`));
  const first = Math.min(...cases.map((c) => c.indskrevet ?? Infinity));
  const last = Math.max(...cases.map((c) => c.udskrevet ?? c.indskrevet ?? 0));
  for (let day = first; day <= last; day++) {
    if (isoWeekday(day) > 5 || holidays.has(day)) continue;
    for (const unit of units) {
      const active = activeCasesOn(cases, day, unit);
      if (active.length >= 30 && active.every((c) => !registered.has(`${c.sagsId.toLowerCase()}|${day}`))) return { unit, day, active, units };
    }
  }
  throw new Error("Forhåndsvisningens eksempel har ingen enhed med 30 borgere på en hverdag");
}

/** The shortest start of the unit's name that picks it alone in the unit list (native select type-ahead). */
function typeAhead(unit: string, units: string[]): string {
  const others = [messages.forms.choose, ...units.filter((u) => u !== unit)].map(unitKey);
  for (let n = 1; n <= unit.length; n++) {
    const prefix = unitKey(unit.slice(0, n));
    if (!others.some((o) => o.startsWith(prefix))) return unit.slice(0, n);
  }
  return unit;
}

test("30 citizens' attendance registered by keyboard in at most 30 keystrokes, then read back", async () => {
  const page = await openForm();
  const { unit, day, active, units } = await busyDay(page);
  const before = (await readBack(page, TABLES.fremmoede)).rows.length;
  const kb = new CountingKeyboard(page);

  await kb.press("Tab"); // the selected tab
  await kb.press("Tab"); // Enhed
  await kb.type(typeAhead(unit, units));
  expect(await page.getByLabel(m.unit).inputValue()).toBe(unit);
  await kb.press("Tab"); // Dato
  await kb.type(dateKeys(day));
  expect(await page.getByLabel(m.dato).inputValue()).toBe(dateKeys(day));
  await page.getByRole("radiogroup").first().waitFor();
  expect(await page.getByRole("radiogroup").count()).toBe(active.length);

  await kb.press("Tab"); // Gå til borger
  await kb.press("Tab"); // the first citizen
  await kb.press("s"); // citizen 1: Syg, on to citizen 2
  await kb.press("u"); // citizen 2: Udeblevet, on to citizen 3
  await kb.press("ArrowDown"); // citizen 3 stays open for "alle mødt", on to citizen 4
  await kb.press("f"); // citizen 4: Ferie
  await kb.press("Tab"); // "Alle øvrige mødt"
  await kb.press("Enter");
  await page
    .getByTestId("attendance-count")
    .filter({ hasText: m.registered(active.length, active.length) })
    .waitFor();
  await screenshot(page, "form-fremmoede");
  await kb.press("Tab"); // Gem
  await kb.press("Enter");
  await page.getByTestId("form-feedback").filter({ hasText: "er gemt" }).waitFor();

  expect(active.length).toBeGreaterThanOrEqual(30);
  expect(kb.count).toBeLessThanOrEqual(30);
  console.log(`Fremmøde for ${active.length} borgere registreret med ${kb.count} tastetryk`);

  const after = records(await readBack(page, TABLES.fremmoede));
  expect(after.length).toBe(before + active.length);
  const ids = new Set(active.map((c) => c.sagsId));
  const saved = after.filter((r) => r.Dato === day && ids.has(String(r["Sags-ID"])));
  const byCase = new Map(saved.map((r) => [String(r["Sags-ID"]), r.Status]));
  expect(byCase.size).toBe(active.length);
  expect(byCase.get(active[0].sagsId)).toBe("Syg");
  expect(byCase.get(active[1].sagsId)).toBe("Udeblevet (ulovligt fravær)");
  expect(byCase.get(active[2].sagsId)).toBe("Mødt");
  expect(byCase.get(active[3].sagsId)).toBe("Ferie");
  expect(active.slice(4).every((c) => byCase.get(c.sagsId) === "Mødt")).toBe(true);

  // The same day again: earlier registrations show, and changing one replaces it after a confirmation.
  const first = page.getByRole("radiogroup", { name: caseLabel(active[0]) });
  expect(await first.getByRole("radio", { name: "Syg", exact: true }).getAttribute("aria-checked")).toBe("true");
  await first.getByRole("radio", { name: "Mødt", exact: true }).click();
  await page.getByRole("button", { name: messages.forms.save }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText(messages.attendanceGuide.confirmText([caseLabel(active[0])], danishDate(day))).waitFor();
  await screenshot(page, "form-fremmoede-erstat");
  await dialog.getByRole("button", { name: m.confirm }).click();
  await page.getByTestId("form-feedback").filter({ hasText: "1 erstattet" }).waitFor();
  const replaced = records(await readBack(page, TABLES.fremmoede));
  expect(replaced.length).toBe(before + active.length);
  const rowsOfFirst = replaced.filter((r) => r.Dato === day && r["Sags-ID"] === active[0].sagsId);
  expect(rowsOfFirst).toHaveLength(1);
  expect(rowsOfFirst[0].Status).toBe("Mødt");
  await page.close();
});

test("cancelling the confirmation writes nothing", async () => {
  const page = await openForm();
  const { unit, day, active } = await busyDay(page);
  await page.getByLabel(m.unit).selectOption(unit);
  await page.getByLabel(m.dato).fill(danishDate(day));
  await page.getByRole("button", { name: m.allMet }).click();
  await page.getByRole("button", { name: messages.forms.save }).click();
  await page.getByTestId("form-feedback").filter({ hasText: "er gemt" }).waitFor();
  const saves = await saveCount(page);
  const rows = (await readBack(page, TABLES.fremmoede)).rows.length;
  await page
    .getByRole("radiogroup", { name: caseLabel(active[1]) })
    .getByRole("radio", { name: "Syg", exact: true })
    .click();
  await page.getByRole("button", { name: messages.forms.save }).click();
  await page.getByRole("dialog").getByRole("button", { name: messages.forms.cancel }).click();
  await page.getByRole("dialog").waitFor({ state: "detached" });
  expect(await saveCount(page)).toBe(saves);
  expect((await readBack(page, TABLES.fremmoede)).rows.length).toBe(rows);
  await page.close();
});

test("holidays, closure days and weekends are marked", async () => {
  const page = await openForm();
  const holidays = holidaysFrom(await readBack(page, TABLES.helligdage));
  const juledag = holidays.find((h) => h.navn === "Juledag")!;
  const lukkedag = holidays.find((h) => h.type === "Lukkedag")!;
  const date = page.getByLabel(m.dato);
  await date.fill(danishDate(juledag.dato));
  await page
    .getByTestId("day-note")
    .filter({ hasText: m.holiday("Juledag", "Helligdag") })
    .waitFor();
  await date.fill(danishDate(lukkedag.dato));
  await page
    .getByTestId("day-note")
    .filter({ hasText: m.holiday(lukkedag.navn, "Lukkedag") })
    .waitFor();
  let saturday = juledag.dato;
  while (isoWeekday(saturday) !== 6 || holidays.some((h) => h.dato === saturday)) saturday++;
  await date.fill(danishDate(saturday));
  await page.getByTestId("day-note").filter({ hasText: m.weekend }).waitFor();
  await page.close();
});
