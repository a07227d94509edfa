// The visitation form in headless Chromium: a granted visitation typed by keyboard creates the case in
// Sager and its goals in Mål; a refusal without reasons or complaint guidance, dated before the enquiry,
// is refused beside its fields and writes nothing; an earlier visitation is corrected in place.
import type { Locator, Page } from "playwright-core";
import { messages } from "../../src/taskpane/messages";
import { TABLES } from "../../src/workbook/contract";
import { serial } from "../../src/domain/dates";
import { startPreviewHarness, type PreviewHarness } from "../support/browser";
import { field, readBack, records, saveCount, screenshot } from "./forms-support";

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

/** Focus a field and type into it, as a person tabbing through the form would. */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.page().keyboard.type(text);
}

/**
 * Choose an option of a native select with the keyboard: focus it and type the option's text; where the
 * text starts with a sign no key types (such as §), step down the list with the arrow key instead.
 */
async function choose(field: Locator, option: string): Promise<void> {
  const selected = () => field.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent);
  await field.focus();
  if (/^[\p{L}\d]/u.test(option)) await field.page().keyboard.type(option);
  for (let i = 0; i < 50 && (await selected()) !== option; i++) await field.page().keyboard.press("ArrowDown");
  expect(await selected()).toBe(option);
}

async function submit(page: Page): Promise<void> {
  await page.getByRole("button", { name: messages.forms.save }).focus();
  await page.keyboard.press("Enter");
}

test("a granted visitation with a start date creates the case and its goals, and shows the times", async () => {
  const page = await openForm();
  const before = {
    v: (await readBack(page, TABLES.visitationer)).rows.length,
    s: (await readBack(page, TABLES.sager)).rows.length,
    g: (await readBack(page, TABLES.maal)).rows.length,
  };
  const unit = (await field(page, m.oensketEnhed).locator("option").allTextContents())[1];

  await typeInto(field(page, m.henvendelsesdato), "3/2-25");
  await choose(field(page, m.henviser), "Jobcenter");
  await choose(field(page, m.lovgrundlag), "§103");
  await choose(field(page, m.oensketEnhed), unit);
  await choose(field(page, m.pladstype), "Deltid");
  await choose(field(page, m.beslutning), "Bevilget");
  await typeInto(field(page, m.beslutningsdato), "10022025");
  await typeInto(field(page, m.forventetStart), "03-03-2025");
  await typeInto(field(page, m.navn), "=Karen Formular");
  await typeInto(field(page, m.cpr), "0101901234");
  await typeInto(field(page, m.maal), "Møde til tiden\nTage bussen alene");
  await page
    .getByTestId("visitation-times")
    .filter({ hasText: `${m.sagsbehandlingstid}: 7 dage · ${m.ventetid}: 21 dage` })
    .waitFor();
  // Dates typed in any Danish way show as the sheet shows them once the user moves on.
  expect(await field(page, m.henvendelsesdato).inputValue()).toBe("03-02-2025");
  await screenshot(page, "form-visitation");
  await submit(page);
  await page
    .getByTestId("form-feedback")
    .filter({ hasText: /Sagen S005-\d{3} er oprettet i Sager/ })
    .waitFor();

  const cases0 = records(await readBack(page, TABLES.sager));
  const visitations = records(await readBack(page, TABLES.visitationer));
  expect(visitations).toHaveLength(before.v + 1);
  expect(visitations[visitations.length - 1]).toMatchObject({
    "Visitations-ID": expect.stringMatching(/^V005-\d{3}$/),
    "Sags-ID": cases0.at(-1)!["Sags-ID"],
    Henvendelsesdato: serial(2025, 2, 3),
    Henviser: "Jobcenter",
    Lovgrundlag: "§103",
    "Ønsket enhed": unit,
    Pladstype: "Deltid",
    Beslutning: "Bevilget",
    Beslutningsdato: serial(2025, 2, 10),
    "Forventet start": serial(2025, 3, 3),
  });
  const cases = records(await readBack(page, TABLES.sager));
  expect(cases).toHaveLength(before.s + 1);
  // A name that looks like a formula stays text; the CPR is stored in its canonical text form.
  expect(cases[cases.length - 1]).toMatchObject({
    "Sags-ID": expect.stringMatching(/^S005-\d{3}$/),
    Navn: "=Karen Formular",
    CPR: "010190-1234",
    Enhed: unit,
    Indskrevet: serial(2025, 3, 3),
    Visitationsdato: serial(2025, 2, 10),
    Pladstype: "Deltid",
  });
  const goals = records(await readBack(page, TABLES.maal));
  expect(goals).toHaveLength(before.g + 2);
  expect(goals.slice(-2).map((g) => [g["Sags-ID"], g["Mål"], g["Vægt"]])).toEqual([
    [cases0.at(-1)!["Sags-ID"], "Møde til tiden", 1],
    [cases0.at(-1)!["Sags-ID"], "Tage bussen alene", 1],
  ]);
  // The form is ready for the next visitation.
  expect(await field(page, m.henvendelsesdato).inputValue()).toBe("");
  await page.close();
});

test("a refusal without reasons and complaint guidance, decided before the enquiry, writes nothing", async () => {
  const page = await openForm();
  const rows = (await readBack(page, TABLES.visitationer)).rows.length;
  const saves = await saveCount(page);
  await typeInto(field(page, m.henvendelsesdato), "10-02-2025");
  await choose(field(page, m.beslutning), "Afslag");
  await typeInto(field(page, m.beslutningsdato), "01-02-2025");
  await submit(page);
  await page.getByTestId("form-feedback").filter({ hasText: messages.forms.fixErrors }).waitFor();

  // Each message sits in its field, which is marked invalid; the first invalid field has the focus.
  const begrundelse = field(page, m.begrundelse);
  expect(await begrundelse.getAttribute("aria-invalid")).toBe("true");
  await page.getByText("Et afslag skal have en begrundelse.").waitFor();
  await page.getByText('Ved afslag skal det registreres, at der er givet klagevejledning ("Ja").').waitFor();
  await page.getByText("Beslutningsdatoen ligger før henvendelsesdatoen.").waitFor();
  expect(await field(page, m.beslutningsdato).getAttribute("aria-invalid")).toBe("true");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-invalid"))).toBe("true");
  await screenshot(page, "form-visitation-fejl");
  expect(await saveCount(page)).toBe(saves);
  expect((await readBack(page, TABLES.visitationer)).rows.length).toBe(rows);

  // With reasons, guidance and a later decision date the refusal is saved.
  await typeInto(field(page, m.begrundelse), "Målgruppen er ikke opfyldt");
  await field(page, m.klagevejledning).focus();
  await page.keyboard.press("Space");
  await field(page, m.beslutningsdato).fill("");
  await typeInto(field(page, m.beslutningsdato), "14-02-2025");
  await submit(page);
  await page.getByTestId("form-feedback").filter({ hasText: "er gemt i Visitationer" }).waitFor();
  const saved = records(await readBack(page, TABLES.visitationer));
  expect(saved).toHaveLength(rows + 1);
  expect(saved[saved.length - 1]).toMatchObject({
    Beslutning: "Afslag",
    Begrundelse: "Målgruppen er ikke opfyldt",
    "Klagevejledning givet": "Ja",
    "Sags-ID": null,
  });
  await page.close();
});

test("an earlier visitation is corrected in place, not added again", async () => {
  const page = await openForm();
  const before = records(await readBack(page, TABLES.visitationer));
  const target = before.find((v) => v.Beslutning === "Venteliste")!;
  const picker = field(page, m.edit);
  const option = (await picker.locator("option").allTextContents()).find((t) => t.startsWith(String(target["Visitations-ID"])))!;
  await choose(picker, option);
  expect(await field(page, m.beslutning).inputValue()).toBe("Venteliste");
  await choose(field(page, m.beslutning), "Trukket tilbage");
  await submit(page);
  await page
    .getByTestId("form-feedback")
    .filter({ hasText: m.saved(String(target["Visitations-ID"]), true) })
    .waitFor();
  const after = records(await readBack(page, TABLES.visitationer));
  expect(after).toHaveLength(before.length);
  const index = before.indexOf(target);
  expect(after[index]).toEqual({ ...target, Beslutning: "Trukket tilbage" });
  await page.close();
});
