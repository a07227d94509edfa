// The pane's states a new coordinator meets: in a workbook that has not been converted every page but
// Importér says so and leads to Importér with a button; Importér on a converted workbook says it is
// converted (not "empty"); Oversigt's result brings the new sheets to the front; every page fits 350 px
// without a sideways scroll; and a screenshot of every page in both workbooks at 350 px.
import { messages } from "../../src/taskpane/messages";
import { PAGES } from "../../src/taskpane/pages";
import { startPreviewHarness, type PreviewHarness } from "../support/browser";
import { screenshot } from "./forms-support";

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startPreviewHarness();
}, 600_000);

afterAll(async () => {
  await harness?.close();
});

const heading = (page: import("playwright-core").Page, name: string) => page.getByRole("heading", { level: 2, name });

test("in a workbook not yet converted, every page but Importér leads to Importér with a button", async () => {
  for (const p of PAGES.filter((x) => x.id !== "import")) {
    const page = await harness.open(`?arbejdsbog=raa&side=${p.id}`);
    const notice = page.getByTestId("not-converted");
    await notice.waitFor();
    expect(await notice.textContent()).toContain("Importér");
    // Kontrol shows no findings list of a workbook that has no tables yet.
    expect(await page.getByTestId("kontrol-resultat").count()).toBe(0);
    await page.setViewportSize({ width: 350, height: 720 });
    await screenshot(page, `side-${p.id}-ikke-konverteret`);
    await notice.getByRole("button", { name: messages.navigation.goToImport }).click();
    await heading(page, messages.pages.import.heading).waitFor();
    await page.getByRole("button", { name: messages.importPage.convert }).waitFor();
    await page.close();
  }
});

test("Importér on a converted workbook says it is converted, not that it is empty", async () => {
  const page = await harness.open("?side=import");
  await page.getByText(messages.importGuide.alreadyConverted).waitFor();
  expect(await page.getByText("Projektmappen er tom").count()).toBe(0);
  await page.close();
});

test("Oversigt's result brings each new sheet to the front with 'Gå til arket'", async () => {
  const page = await harness.open("?side=oversigt");
  await page.getByRole("button", { name: messages.overviewPage.build }).click();
  await page.getByTestId("oversigt-result").waitFor();
  const go = page.getByRole("button", { name: messages.navigation.goToSheet("Pladsregulering") });
  await go.click();
  await page.waitForFunction(() => window.__sagsliste!.port.activeSheet === "Pladsregulering");
  const active = await page.evaluate(() => {
    const wb = window.__sagsliste!.workbook;
    return wb.worksheets[wb.views[0].activeTab ?? 0].name;
  });
  expect(active).toBe("Pladsregulering");
  await page.close();
});

test("every page fits 350 px without a sideways scroll, in both workbooks (screenshots in test-output)", async () => {
  for (const raw of [false, true]) {
    for (const p of PAGES) {
      const page = await harness.open(`?side=${p.id}${raw ? "&arbejdsbog=raa" : ""}`);
      await page.setViewportSize({ width: 350, height: 720 });
      await heading(page, p.heading).waitFor();
      await page.waitForTimeout(500);
      await screenshot(page, `side-${p.id}${raw ? "-raa" : ""}-350`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect({ page: p.id, raw, overflow }).toEqual({ page: p.id, raw, overflow: 0 });
      await page.close();
    }
  }
});

test("Importér fits the pane: one mapping per column of same-shape sheets, the preview as cards", async () => {
  const page = await harness.open("?arbejdsbog=to-ark&side=import");
  await page.setViewportSize({ width: 350, height: 720 });
  await page.getByTestId("import-preview").waitFor();
  // Two sheets of four columns each: four drop-downs, each naming both sheets; the fifth proposes each
  // sheet's name (Kilen, Smedien) as its cases' unit, since the lists have no unit column.
  const boxes = page.getByRole("combobox");
  expect(await boxes.count()).toBe(5);
  expect(await page.getByRole("combobox", { name: /^Kolonne [A-D] '.*' på Kilen, Smedien$/ }).count()).toBe(4);
  expect(await page.getByRole("combobox", { name: messages.importPage.columnLabel("D", "Status", "Kilen, Smedien") }).count()).toBe(1);
  expect(await page.getByTestId("import-preview").locator("li").count()).toBe(4);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  await screenshot(page, "side-import-to-ark-350");
  await page.getByRole("button", { name: messages.importPage.convert }).click();
  await page.getByTestId("import-result").waitFor();
  await page.close();
});
