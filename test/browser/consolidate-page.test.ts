// "Saml flere projektmapper" in headless Chromium at pane width: an unconverted workbook's Oversigt page
// offers it; three units' workbooks picked with the file picker are read in the browser (no request leaves
// the preview's origin) and the combined overview lands in the open workbook.
import { mkdirSync } from "fs";
import path from "path";
import { generateStructuredData } from "../../src/sample/structured-data";
import { splitByUnits } from "../../src/sample/unit-workbooks";
import { messages } from "../../src/taskpane/messages";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";
import { SCREENSHOTS, startPreviewHarness, type PreviewHarness } from "../support/browser";
import { tempDir, writePlan } from "../support/recalc-helpers";

let harness: PreviewHarness;
let files: string[];

beforeAll(async () => {
  harness = await startPreviewHarness();
  const data = generateStructuredData(21, { cases: 40 });
  const units = splitByUnits(data, [["Kilen", "Smedien"], ["Café Æblet", "Cykelværkstedet"], ["Jobværkstedet"]]);
  const dir = await tempDir("saml-browser");
  files = units.map((_, i) => path.join(dir, `enhed-${i + 1}.xlsx`));
  await Promise.all(units.map((u, i) => writePlan(buildStructuredPlan(u), files[i])));
}, 600_000);

afterAll(async () => {
  await harness?.close();
});

const m = messages.consolidate;

test("an empty workbook's Oversigt combines three picked workbooks into Kilder and the overview", async () => {
  const page = await harness.open("?arbejdsbog=raa&side=oversigt");
  await page.getByRole("heading", { name: m.heading }).waitFor();
  await page.getByLabel(m.pick).setInputFiles(files);
  await page.getByText(m.picked(3)).waitFor();
  expect(await page.getByRole("button", { name: m.choose }).isVisible()).toBe(true);
  await page.getByRole("textbox", { name: messages.overviewPage.year }).fill("2021");
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, "oversigt-saml-valgt.png"), fullPage: true });
  await page.getByRole("button", { name: m.start }).click();
  // Once combined, the workbook is structured: the page shows the overview's controls and the result.
  const result = page.getByTestId("oversigt-result");
  await result.waitFor({ timeout: 240_000 });
  expect(await result.innerText()).toContain(m.done(3, 2021, 0));
  await page.getByRole("button", { name: messages.overviewPage.build }).waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, "oversigt-saml-faerdig.png"), fullPage: true });

  const sheets = await page.evaluate(() => window.__sagsliste!.workbook.worksheets.map((ws) => ws.name));
  expect(sheets).toEqual(expect.arrayContaining(["Kilder", "Sager", "Nøgletal", "Pladsregulering", "Kvartalsoversigt"]));
  const kilder = await page.evaluate(() => window.__sagsliste!.port.readTable("Kilder"));
  expect(kilder!.rows.map((r) => r[1])).toEqual(["enhed-1.xlsx", "enhed-2.xlsx", "enhed-3.xlsx"]);
  expect(harness.foreignRequests()).toEqual([]);
  await page.close();
}, 300_000);

test("a converted workbook's Oversigt says where consolidation is done instead", async () => {
  const page = await harness.open("?side=oversigt");
  await page.getByText(m.elsewhere).waitFor();
  expect(await page.getByRole("heading", { name: m.heading }).count()).toBe(0);
  await page.close();
});
