// The Import page with a list whose red rows mean discharged: the colour offered with its meaning
// beside the columns, the conversion's findings, then the colour confirmed as no meaning and converted again.
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
const codes = async (page: Page) => {
  const t = (await page.evaluate((n) => window.__sagsliste!.port.readTable(n), TABLES.problemer)) as Table;
  return t!.rows.map((r) => r[t!.headers.indexOf("Kode")] as string);
};

test("a red row colour offered as Udskrevet, converted, then confirmed as no meaning", async () => {
  const page = await harness.open("?arbejdsbog=farver&side=import");
  const colour = page.getByRole("combobox", { name: m.fillLabel("FF0000", 20, "Borgere") });
  await colour.waitFor();
  expect(await colour.textContent()).toBe(m.fillMeanings.udskrevet);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, "import-fills.png"), fullPage: true, animations: "disabled" });

  await page.getByRole("button", { name: m.convert }).click();
  await page.getByTestId("import-result").waitFor();
  const first = await codes(page);
  expect(first.filter((c) => c === "UDSKREVET_UDEN_DATO")).toHaveLength(10);
  expect(first.filter((c) => c === "FARVE_TOLKET")).toHaveLength(1);

  await colour.click();
  await page.getByRole("option", { name: m.fillMeanings.ingen }).click();
  await page
    .getByRole("combobox", { name: m.fillLabel("FF0000", 20, "Borgere") })
    .filter({ hasText: m.fillMeanings.ingen })
    .waitFor();
  await page.getByRole("button", { name: m.reconvert }).click();
  await page
    .getByTestId("import-result")
    .filter({ hasText: m.rerunCounts(0, 0) })
    .waitFor();
  const second = await codes(page);
  expect(second.filter((c) => c === "UDSKREVET_UDEN_DATO" || c === "FARVE_TOLKET")).toHaveLength(0);
  expect(harness.foreignRequests()).toEqual([]);
  await page.close();
});
