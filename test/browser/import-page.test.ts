// The Import page in headless Chromium, from a raw case list: one column's mapping changed with the
// keyboard (the preview follows), the conversion with its result, the Sager table and Problemer read
// back from the workbook, a finding clicked to select its cell, and the page again as a re-run.
import { mkdirSync } from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { messages } from "../../src/taskpane/messages";
import { TABLES } from "../../src/workbook/contract";
import { SCREENSHOTS, startPreviewHarness, type PreviewHarness } from "../support/browser";

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startPreviewHarness();
}, 600_000);

afterAll(async () => {
  await harness?.close();
});

const m = messages.importPage;

type Table = { headers: string[]; rows: (string | number | boolean | null)[][] } | null;
const readTable = (page: Page, name: string) => page.evaluate((n) => window.__sagsliste!.port.readTable(n), name) as Promise<Table>;
const column = (t: Table, header: string) => t!.rows.map((r) => r[t!.headers.indexOf(header)]);

test("map a column by keyboard, convert, read Sager and Problemer back, click a finding", async () => {
  const page = await harness.open("?arbejdsbog=raa&side=import");
  const status = page.getByRole("combobox", { name: m.columnLabel("D", "Status", "Ark1") });
  await status.waitFor();
  expect(await status.textContent()).toBe(m.keep);

  // Keyboard only: open the list, go to the end ("Behold som den er"), one up (Bemærkninger), choose.
  await status.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await page
    .getByRole("combobox", { name: m.columnLabel("D", "Status", "Ark1") })
    .filter({ hasText: "Bemærkninger" })
    .waitFor();
  const preview = page.getByTestId("import-preview");
  // The preview is one card per row: each filled column's name beside its value.
  await preview.locator("dt").filter({ hasText: "Bemærkninger" }).first().waitFor();
  expect(await preview.locator("li").first().locator("dt").allInnerTexts()).toEqual(expect.arrayContaining(["Navn", "Indskrevet", "Bemærkninger"]));

  // The list has no unit column; its title "Sagsliste 2024 – Kilen" is proposed as the unit, with its
  // reason and confidence, and refused here like any column: the unit is then missing, as a finding says.
  const titleLabel = m.shapeLabel("Titelrækken 'Sagsliste 2024 – Kilen'", "Ark1");
  const title = page.getByRole("combobox", { name: titleLabel });
  expect(await title.textContent()).toBe("Enhed");
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, "import-page-title-unit.png"), fullPage: true, animations: "disabled" });
  await title.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.getByRole("combobox", { name: titleLabel }).filter({ hasText: m.keep }).waitFor();

  // Measure with the workshop goals only: untick the other presets by keyboard.
  for (const preset of ["Forandringskompas", "Funktionsniveau", "Selvvurdering"]) {
    await page.getByRole("checkbox", { name: preset }).focus();
    await page.keyboard.press("Space");
  }
  expect(await page.getByRole("checkbox", { name: "Værkstedsmål" }).isChecked()).toBe(true);

  await page.getByRole("button", { name: m.convert }).click();
  const result = page.getByTestId("import-result");
  await result.waitFor();
  const text = await result.innerText();
  expect(text).toContain(m.rowsInOut(2, 1, 2));
  expect(text).toMatch(/\d+ fejl og \d+ advars(?:el|ler) står på arket Problemer\./);

  const sager = await readTable(page, TABLES.sager);
  expect(column(sager, "Navn")).toEqual(["Anna Eksempel", "Bo Prøvesen"]);
  expect(column(sager, "Bemærkninger")).toEqual(["aktiv", "aktiv"]);
  expect(column(sager, "Indskrevet").every((v) => typeof v === "number")).toBe(true);
  expect(new Set(column(await readTable(page, TABLES.instrumenter), "Instrument"))).toEqual(new Set(["Værkstedsmål"]));
  const problemer = await readTable(page, TABLES.problemer);
  expect(problemer!.rows.length).toBeGreaterThan(0);
  expect(column(problemer, "Kode")).toContain("KOLONNE_MANGLER");
  // The original sheet is untouched.
  const original = await page.evaluate(() => window.__sagsliste!.workbook.getWorksheet("Ark1")!.getRow(3).values);
  expect(original).toEqual([undefined, "Anna Eksempel", undefined, "1/2-23", "aktiv"]);

  // The findings: a click selects the cell through the port.
  const findings = page.getByRole("list", { name: m.findingsHeading }).getByRole("button");
  expect(await findings.count()).toBe(problemer!.rows.length);
  const first = await findings.first().innerText();
  await findings.first().click();
  const selection = await page.evaluate(() => window.__sagsliste!.port.selection);
  expect(first).toContain(`${selection!.sheet}!${selection!.address}`);

  // The page now offers a re-run with the saved mapping: Status stays Bemærkninger.
  await page.getByRole("button", { name: m.reconvert }).waitFor();
  expect(await page.getByRole("combobox", { name: m.columnLabel("D", "Status", "Ark1") }).textContent()).toBe("Bemærkninger");
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, "import-page.png"), fullPage: true, animations: "disabled" });

  await page.getByRole("button", { name: m.reconvert }).click();
  await page
    .getByTestId("import-result")
    .filter({ hasText: m.rerunCounts(0, 0) })
    .waitFor();
  expect((await readTable(page, TABLES.sager))!.rows).toHaveLength(2);
  expect(harness.foreignRequests()).toEqual([]);
  await page.close();
});
