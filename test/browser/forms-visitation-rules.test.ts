// The visitation form never loses or invents data: a name or CPR typed where no case is created is refused
// beside its field, a new case needs a name or a CPR and dates in order, Enter in a field never saves,
// new ids follow the workbook's own pattern, and the list of earlier visitations names the citizen.
import type { Locator, Page } from "playwright-core";
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

const m = messages.visitationForm;

async function openForm(): Promise<Page> {
  const page = await harness.open("?side=visitation");
  await field(page, m.henvendelsesdato).waitFor();
  return page;
}

async function typeInto(f: Locator, text: string): Promise<void> {
  await f.focus();
  await f.page().keyboard.type(text);
}

async function select(f: Locator, value: string): Promise<void> {
  await f.selectOption({ label: value });
}

async function submit(page: Page): Promise<void> {
  await page.getByRole("button", { name: messages.forms.save }).focus();
  await page.keyboard.press("Enter");
}

async function invalid(f: Locator): Promise<boolean> {
  return (await f.getAttribute("aria-invalid")) === "true";
}

test("a refusal with a name and a CPR typed is refused beside those fields, not saved without them", async () => {
  const page = await openForm();
  const saves = await saveCount(page);
  await typeInto(field(page, m.henvendelsesdato), "10-02-2025");
  await select(field(page, m.beslutning), "Afslag");
  await typeInto(field(page, m.beslutningsdato), "14-02-2025");
  await typeInto(field(page, m.begrundelse), "Målgruppen er ikke opfyldt");
  await field(page, m.klagevejledning).check();
  await typeInto(field(page, m.navn), "Kim Afslag");
  await typeInto(field(page, m.cpr), "0101901234");
  await submit(page);
  await page.getByTestId("form-feedback").filter({ hasText: messages.forms.fixErrors }).waitFor();
  expect(await invalid(field(page, m.navn))).toBe(true);
  expect(await invalid(field(page, m.cpr))).toBe(true);
  expect(await saveCount(page)).toBe(saves);
  await page.close();
});

test("a new case needs a name or a CPR, and a start on or after the enquiry and the decision", async () => {
  const page = await openForm();
  const saves = await saveCount(page);
  const unit = (await field(page, m.oensketEnhed).locator("option").allTextContents())[1];
  await typeInto(field(page, m.henvendelsesdato), "10-02-2025");
  await select(field(page, m.oensketEnhed), unit);
  await select(field(page, m.beslutning), "Bevilget");
  await typeInto(field(page, m.beslutningsdato), "14-02-2025");
  await typeInto(field(page, m.forventetStart), "01-02-2025");
  await submit(page);
  await page.getByTestId("form-feedback").filter({ hasText: messages.forms.fixErrors }).waitFor();
  expect(await invalid(field(page, m.navn))).toBe(true);
  expect(await invalid(field(page, m.forventetStart))).toBe(true);
  expect(await saveCount(page)).toBe(saves);
  await page.close();
});

test("Enter in a field does not save; only the save button does", async () => {
  const page = await openForm();
  const saves = await saveCount(page);
  const rows = (await readBack(page, TABLES.visitationer)).rows.length;
  for (const label of [m.henvendelsesdato, m.beslutningsdato, m.forventetStart, m.navn, m.cpr]) {
    if (label === m.henvendelsesdato) await typeInto(field(page, label), "10-02-2025");
    else await field(page, label).focus();
    await page.keyboard.press("Enter");
  }
  await page.waitForTimeout(300);
  expect(await saveCount(page)).toBe(saves);
  expect((await readBack(page, TABLES.visitationer)).rows.length).toBe(rows);
  await page.close();
});

test("new ids follow the workbook's own pattern", async () => {
  const page = await openForm();
  const vIds = records(await readBack(page, TABLES.visitationer)).map((v) => String(v["Visitations-ID"]));
  const sIds = records(await readBack(page, TABLES.sager)).map((c) => String(c["Sags-ID"]));
  expect(vIds.every((id) => /^V005-\d{3}$/.test(id))).toBe(true);
  const unit = (await field(page, m.oensketEnhed).locator("option").allTextContents())[1];
  await typeInto(field(page, m.henvendelsesdato), "03-02-2025");
  await select(field(page, m.oensketEnhed), unit);
  await select(field(page, m.beslutning), "Bevilget");
  await typeInto(field(page, m.beslutningsdato), "10-02-2025");
  await typeInto(field(page, m.forventetStart), "03-03-2025");
  await typeInto(field(page, m.navn), "Ny Borger");
  await submit(page);
  await page.getByTestId("form-feedback").filter({ hasText: "er oprettet i Sager" }).waitFor();
  const maxOf = (ids: string[]) => Math.max(...ids.map((id) => Number(id.slice(5))));
  const v = records(await readBack(page, TABLES.visitationer)).at(-1)!;
  const s = records(await readBack(page, TABLES.sager)).at(-1)!;
  expect(v["Visitations-ID"]).toBe(`V005-${String(maxOf(vIds) + 1).padStart(3, "0")}`);
  expect(s["Sags-ID"]).toBe(`S005-${String(maxOf(sIds) + 1).padStart(3, "0")}`);
  await page.close();
});

test("the list of earlier visitations names the citizen beside the id", async () => {
  const page = await openForm();
  const cases = records(await readBack(page, TABLES.sager));
  const v = records(await readBack(page, TABLES.visitationer)).find((x) => x["Sags-ID"])!;
  const name = String(cases.find((c) => c["Sags-ID"] === v["Sags-ID"])!.Navn);
  const options = await field(page, m.edit).locator("option").allTextContents();
  const option = options.find((o) => o.includes(String(v["Visitations-ID"])))!;
  expect(option).toContain(name);
  await page.close();
});
