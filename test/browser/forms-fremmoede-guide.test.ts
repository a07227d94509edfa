// The attendance form explains itself and stays quick: a legend of the codes in words, a bar that keeps the
// date, the progress, "Alle øvrige mødt" and Gem in view, a jump to a name, short dates (ddmmåå, dd-mm,
// "i dag"), no "no citizens" while a date is being typed, a replace question that names whom and which day,
// a guiding message when nothing is set, and the keystrokes for 30 citizens with 3 exceptions counted.
import type { Page } from "playwright-core";
import { danishDate, isoWeekday } from "../../src/domain/dates";
import { jumpTarget } from "../../src/taskpane/forms/attendance-jump";
import { activeCasesOn, casesFrom, caseLabel, unitKey } from "../../src/taskpane/forms/cases";
import { holidaysFrom, unitsFrom } from "../../src/taskpane/forms/setup";
import { messages } from "../../src/taskpane/messages";
import { TABLES } from "../../src/workbook/contract";
import { startPreviewHarness, type PreviewHarness } from "../support/browser";
import { CountingKeyboard, readBack, records, screenshot } from "./forms-support";

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
async function busyDay(page: Page, exactly?: number) {
  const cases = casesFrom(await readBack(page, TABLES.sager));
  const units = unitsFrom(await readBack(page, TABLES.enheder));
  const holidays = new Set(holidaysFrom(await readBack(page, TABLES.helligdage)).map((h) => h.dato));
  const registered = new Set(records(await readBack(page, TABLES.fremmoede)).map((r) => `${String(r["Sags-ID"]).toLowerCase()}|${String(r.Dato)}`));
  const first = Math.min(...cases.map((c) => c.indskrevet ?? Infinity));
  const last = Math.max(...cases.map((c) => c.udskrevet ?? c.indskrevet ?? 0));
  for (const wanted of exactly === undefined ? [undefined] : [exactly, undefined]) {
    for (let day = last; day >= first; day--) {
      if (isoWeekday(day) > 5 || holidays.has(day)) continue;
      for (const unit of units) {
        const active = activeCasesOn(cases, day, unit);
        const size = wanted === undefined ? active.length >= 30 : active.length === wanted;
        if (size && active.every((c) => !registered.has(`${c.sagsId.toLowerCase()}|${day}`))) return { unit, day, active, units };
      }
    }
  }
  throw new Error("Forhåndsvisningens eksempel har ingen enhed med 30 borgere på en hverdag");
}

function typeAhead(unit: string, units: string[]): string {
  const others = [messages.forms.choose, ...units.filter((u) => u !== unit)].map(unitKey);
  for (let n = 1; n <= unit.length; n++) {
    const prefix = unitKey(unit.slice(0, n));
    if (!others.some((o) => o.startsWith(prefix))) return unit.slice(0, n);
  }
  return unit;
}

/** The shortest text that jumps to the row (as the page's jump rule reads it). */
function shortestJump(labels: string[], i: number): string {
  const name = labels[i].toLowerCase();
  for (let n = 1; n <= name.length; n++) if (jumpTarget(labels, name.slice(0, n)) === i) return name.slice(0, n);
  return name;
}

const ddmmyy = (day: number) =>
  danishDate(day)
    .replace(/-/g, "")
    .replace(/^(\d{4})\d{2}(\d{2})$/, "$1$2");

async function chooseDay(page: Page, unit: string, day: number) {
  await page.getByLabel(m.unit).selectOption(unit);
  await page.getByLabel(m.dato).fill(danishDate(day));
  await page.getByRole("radiogroup").first().waitFor();
}

test("a legend names every code in words", async () => {
  const page = await openForm();
  const { unit, day } = await busyDay(page);
  await chooseDay(page, unit, day);
  const legend = page.getByTestId("status-legend");
  for (const t of ["M = Mødt", "S = Syg", "F = Ferie"]) expect(await legend.textContent()).toContain(t);
  await page.close();
});

test("the date, the progress, 'Alle øvrige mødt' and Gem stay in view over a long list", async () => {
  const page = await openForm();
  const { unit, day, active } = await busyDay(page);
  await chooseDay(page, unit, day);
  const height = page.viewportSize()!.height;
  for (const scroll of [0, 1200]) {
    await page.evaluate((y) => window.scrollTo(0, y), scroll);
    const bar = page.getByTestId("attendance-bar");
    for (const target of [bar.getByRole("button", { name: messages.forms.save }), bar.getByRole("button", { name: m.allMet })]) {
      const box = (await target.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
    }
    expect(await bar.textContent()).toContain(danishDate(day));
    expect(await bar.textContent()).toContain(m.registered(0, active.length));
  }
  await page.close();
});

test("typing a name jumps to that citizen", async () => {
  const page = await openForm();
  const { unit, day, active } = await busyDay(page);
  await chooseDay(page, unit, day);
  const labels = active.map(caseLabel);
  await page.getByLabel(messages.attendanceGuide.jump).fill(shortestJump(labels, 20));
  await page.getByLabel(messages.attendanceGuide.jump).press("Enter");
  const focusedIn = await page.evaluate(() => document.activeElement?.closest('[role="radiogroup"]')?.getAttribute("aria-labelledby"));
  expect(await page.locator(`[id="${focusedIn}"]`).textContent()).toContain(labels[20]);
  await page.close();
});

test("short dates are read, and no 'no citizens' shows while a date is being typed", async () => {
  const page = await openForm();
  const { unit, day, active } = await busyDay(page);
  await page.getByLabel(m.unit).selectOption(unit);
  const date = page.getByLabel(m.dato);
  await date.fill("");
  await date.focus();
  await page.keyboard.type(ddmmyy(day).slice(0, 4));
  expect(await page.getByText(m.noCases).count()).toBe(0);
  await page.keyboard.type(ddmmyy(day).slice(4));
  await page.getByRole("radiogroup").first().waitFor();
  expect(await page.getByRole("radiogroup").count()).toBe(active.length);
  await date.fill("i dag");
  expect(await date.getAttribute("aria-invalid")).not.toBe("true");
  await date.fill(danishDate(day).slice(0, 5));
  expect(await date.getAttribute("aria-invalid")).not.toBe("true");
  await page.close();
});

test("the replace question names the citizen and the date; nothing set gets a guiding message", async () => {
  const page = await openForm();
  const { unit, day, active } = await busyDay(page);
  await chooseDay(page, unit, day);
  await page.getByRole("button", { name: messages.forms.save }).click();
  await page.getByTestId("form-feedback").filter({ hasText: m.allMet }).waitFor();
  const guide = await page.getByTestId("form-feedback").textContent();
  expect(guide).not.toContain("Sæt en status for mindst én borger.");
  expect(guide).toContain(m.allMet);
  await page.getByRole("button", { name: m.allMet }).click();
  await page.getByRole("button", { name: messages.forms.save }).click();
  await page.getByTestId("form-feedback").filter({ hasText: "er gemt" }).waitFor();
  await page
    .getByRole("radiogroup", { name: caseLabel(active[2]) })
    .getByRole("radio", { name: "Syg", exact: true })
    .click();
  await page.getByRole("button", { name: messages.forms.save }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain(caseLabel(active[2]));
  expect(await dialog.textContent()).toContain(danishDate(day));
  await screenshot(page, "form-fremmoede-erstat-navn");
  await dialog.getByRole("button", { name: messages.forms.cancel }).click();
  await page.close();
});

test("30 citizens with 3 exceptions by keyboard: the keystrokes counted", async () => {
  const page = await openForm();
  const { unit, day, active, units } = await busyDay(page, 30);
  const labels = active.map(caseLabel);
  const exceptions: [number, string][] = [
    [6, "s"],
    [15, "f"],
    [27, "u"],
  ];
  const kb = new CountingKeyboard(page);
  await kb.press("Tab"); // the selected tab
  await kb.press("Tab"); // Enhed
  await kb.type(typeAhead(unit, units));
  await kb.press("Tab"); // Dato
  await kb.type(ddmmyy(day));
  await page.getByRole("radiogroup").first().waitFor();
  await kb.press("Tab"); // Gå til borger
  for (let n = 0; n < exceptions.length; n++) {
    const [i, code] = exceptions[n];
    if (n > 0) await kb.press("/"); // back to Gå til borger from the list
    await kb.type(shortestJump(labels, i));
    await kb.press("Enter");
    await kb.press(code);
  }
  await kb.press("Tab"); // Alle øvrige mødt
  await kb.press("Enter");
  await page
    .getByTestId("attendance-bar")
    .filter({ hasText: m.registered(active.length, active.length) })
    .waitFor();
  await screenshot(page, "form-fremmoede-undtagelser");
  await kb.press("Tab"); // Gem
  await kb.press("Enter");
  await page.getByTestId("form-feedback").filter({ hasText: "er gemt" }).waitFor();
  const saved = new Map(
    records(await readBack(page, TABLES.fremmoede))
      .filter((r) => r.Dato === day)
      .map((r) => [String(r["Sags-ID"]), r.Status])
  );
  expect(saved.get(active[6].sagsId)).toBe("Syg");
  expect(saved.get(active[15].sagsId)).toBe("Ferie");
  expect(saved.get(active[27].sagsId)).toBe("Udeblevet (ulovligt fravær)");
  expect(active.every((c) => saved.has(c.sagsId))).toBe(true);
  console.log(`Fremmøde for ${active.length} borgere med 3 undtagelser registreret med ${kb.count} tastetryk`);
  expect(kb.count).toBeLessThanOrEqual(40);
  await page.close();
});
