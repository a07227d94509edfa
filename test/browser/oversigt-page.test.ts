// The Oversigt page in headless Chromium: after importing a raw case list, the year is chosen by
// keyboard, "Lav oversigt" builds Nøgletal, Pladsregulering and Kvartalsoversigt in the workbook, and
// the published overview lands on its own sheet.
import { mkdirSync } from "fs";
import path from "path";
import { messages } from "../../src/taskpane/messages";
import { SHEETS, TABLES } from "../../src/workbook/contract";
import { PUBLISHED_SHEET } from "../../src/workbook/report/report-plan";
import { SCREENSHOTS, startPreviewHarness, type PreviewHarness } from "../support/browser";

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startPreviewHarness();
}, 600_000);

afterAll(async () => {
  await harness?.close();
});

const m = messages.overviewPage;

// The preview's structured sample carries the report's helper columns, as a conversion writes them:
// the year of Periodestart is offered and Enter on "Lav oversigt" builds the report sheets.
// (A workbook lacking those columns gets a message and no change: test/report/report-command.test.ts.)
test("the structured sample: the year of Periodestart offered, Enter builds the overview", async () => {
  const page = await harness.open("?side=oversigt");
  const year = page.getByRole("combobox", { name: m.year });
  await year.waitFor();
  const chosen = Number(await year.inputValue());
  expect(chosen).toBeGreaterThan(2000);
  await page.getByRole("button", { name: m.build }).focus();
  await page.keyboard.press("Enter");
  await page
    .getByTestId("oversigt-result")
    .filter({ hasText: String(chosen) })
    .waitFor();
  const sheets = await page.evaluate(() => window.__sagsliste!.workbook.worksheets.map((ws) => ws.name));
  expect(sheets).toEqual(expect.arrayContaining([SHEETS.noegletal, SHEETS.pladsregulering, SHEETS.kvartalsoversigt]));
  await page.close();
});

test("choose the year, build the overview, find Noegletal; then the published sheet", async () => {
  const page = await harness.open("?arbejdsbog=raa&side=import");
  await page.getByRole("button", { name: messages.importPage.convert }).click();
  await page.getByTestId("import-result").waitFor();
  await page.getByRole("tab", { name: messages.pages.oversigt.tab, exact: true }).click();

  const year = page.getByRole("combobox", { name: m.year });
  await year.waitFor();
  const years = await year.locator("option").allInnerTexts();
  expect(years).toContain("2023");
  // Keyboard: focus the year and type it.
  await year.focus();
  await page.keyboard.type("2023");
  expect(await year.inputValue()).toBe("2023");

  await page.getByRole("button", { name: m.build }).click();
  const result = page.getByTestId("oversigt-result");
  await result.filter({ hasText: m.built(2023, `${SHEETS.noegletal}, ${SHEETS.pladsregulering}, ${SHEETS.kvartalsoversigt}`) }).waitFor();
  expect(await result.innerText()).toContain(m.noCharts);
  const noegletal = await page.evaluate((n) => window.__sagsliste!.port.readTable(n), TABLES.noegletal);
  expect(noegletal!.headers.slice(0, 3)).toEqual(["Enhed", "Periode", "Nøgletal"]);
  expect(noegletal!.rows.some((r) => r[1] === "2023-K1")).toBe(true);

  await page.getByRole("button", { name: m.publish }).click();
  await result.filter({ hasText: m.published(2023, PUBLISHED_SHEET) }).waitFor();
  const sheets = await page.evaluate(() => window.__sagsliste!.workbook.worksheets.map((ws) => ws.name));
  expect(sheets).toEqual(expect.arrayContaining([SHEETS.noegletal, SHEETS.pladsregulering, SHEETS.kvartalsoversigt, PUBLISHED_SHEET]));
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, "oversigt-page.png"), fullPage: true, animations: "disabled" });
  expect(harness.foreignRequests()).toEqual([]);
  await page.close();
});

// The publish step scans what it is about to write: a unit named after a citizen would be a row label,
// so nothing is written and the page says where (the place and the case, never the name).
test("publish refuses a unit named after a citizen and says where", async () => {
  const page = await harness.open("?side=oversigt");
  await page.getByRole("combobox", { name: m.year }).waitFor();
  const renamed = await page.evaluate(() => {
    const wb = window.__sagsliste!.workbook;
    const sager = wb.getWorksheet("Sager")!;
    const headers = (sager.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
    const navn = String(sager.getRow(2).getCell(headers.indexOf("Navn")).value);
    const enhed = String(sager.getRow(2).getCell(headers.indexOf("Enhed")).value);
    const name = `Hold ${navn}`;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === enhed) cell.value = name;
        })
      )
    );
    return { navn, sheets: wb.worksheets.length };
  });
  await page.getByRole("button", { name: m.publish }).click();
  const result = page.getByTestId("oversigt-result");
  await result.filter({ hasText: "Offentliggørelsesudgaven er ikke skrevet" }).waitFor();
  const text = await result.innerText();
  expect(text).toMatch(/ark Kvartalsoversigt \(offentlig\): \d+ steder \(celle [A-Z]+\d+, .*, sag S/);
  expect(text).not.toContain(renamed.navn);
  const sheets = await page.evaluate(() => window.__sagsliste!.workbook.worksheets.map((ws) => ws.name));
  expect(sheets).not.toContain(PUBLISHED_SHEET);
  expect(sheets).toHaveLength(renamed.sheets);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, "oversigt-publish-refused.png"), fullPage: true, animations: "disabled" });
  await page.close();
});
