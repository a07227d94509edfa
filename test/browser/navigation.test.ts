// The task pane shell in headless Chromium through the browser preview: every page reached by mouse and by
// keyboard, the workbook status line, lazy page chunks, and not one request beyond the preview's own origin.
import { mkdirSync, readFileSync } from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { PREVIEW_DIST, SCREENSHOTS, startPreviewHarness, type PreviewHarness } from "../support/browser";
import { messages } from "../../src/taskpane/messages";
import { PAGES } from "../../src/taskpane/pages";

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startPreviewHarness();
}, 600_000);

afterAll(async () => {
  await harness?.close();
});

const heading = (page: Page) => page.getByRole("heading", { level: 2 });
const status = (page: Page) => page.getByRole("status");

async function expectOnPage(page: Page, id: string, headingText: string): Promise<void> {
  await heading(page).filter({ hasText: headingText }).waitFor();
  expect(await heading(page).textContent()).toBe(headingText);
  const tab = page.getByRole("tab", { name: PAGES.find((p) => p.id === id)!.tab, exact: true });
  expect(await tab.getAttribute("aria-selected")).toBe("true");
  expect(new URL(page.url()).searchParams.get("side")).toBe(id);
  const panel = page.getByRole("tabpanel");
  expect(await panel.getAttribute("aria-labelledby")).toBe(`fane-${id}`);
}

test("the status line says the sample workbook is structured, and the import page comes first", async () => {
  const page = await harness.open();
  await status(page).filter({ hasText: messages.status.structured }).waitFor();
  expect((await status(page).textContent())?.trim()).toBe("Projektmappen er struktureret (tabellen Sager findes)");
  expect(await heading(page).textContent()).toBe(messages.pages.import.heading);
  // Fluent keeps a hidden bold copy of each unselected label (against layout shift): compare what is shown.
  expect(await page.getByRole("tab").allInnerTexts()).toEqual(["Importér", "Visitation", "Statusmåling", "Fremmøde", "Oversigt", "Kontrol"]);
  const sheets = await page.evaluate(() => window.__sagsliste!.workbook.worksheets.map((ws) => ws.name));
  // The full structured sample (the forms need its setup tables); other sheets may follow.
  expect(sheets.slice(0, 6)).toEqual(["Sager", "Visitationer", "Statusmålinger", "Mål", "Fremmøde", "Opsætning"]);
  await page.close();
});

test("every page is reached with the mouse, each loaded as its own chunk", async () => {
  const page = await harness.open();
  const chunks = () => harness.requests.filter((u) => /\/side-[a-z]+\.chunk\.js$/.test(u)).map((u) => path.basename(u));
  // The first page's chunk is loaded with the shell; the others only when chosen.
  for (const p of [...PAGES.slice(1), PAGES[0]]) {
    await page.getByRole("tab", { name: p.tab, exact: true }).click();
    await expectOnPage(page, p.id, p.heading);
    expect(chunks()).toContain(`side-${p.id}.chunk.js`);
  }
  await page.close();
});

test("every page is reached with the keyboard alone", async () => {
  const page = await harness.open();
  await status(page).filter({ hasText: messages.status.structured }).waitFor();
  // Tab from the top of the page lands on the selected tab (one tab stop for the whole tab list).
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("tab");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Importér");
  for (const p of PAGES.slice(1)) {
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expectOnPage(page, p.id, p.heading);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(p.tab);
  }
  // Home goes back to the first tab, Space selects it.
  await page.keyboard.press("Home");
  await page.keyboard.press("Space");
  await expectOnPage(page, "import", messages.pages.import.heading);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, "navigation.png"), fullPage: true, animations: "disabled" });
  await page.close();
});

test("?side= chooses the first page, as the ribbon buttons do", async () => {
  for (const p of PAGES) {
    const page = await harness.open(`?side=${p.id}`);
    await expectOnPage(page, p.id, p.heading);
    await page.close();
  }
  const unknown = await harness.open("?side=findesikke");
  await heading(unknown).filter({ hasText: messages.pages.import.heading }).waitFor();
  await unknown.close();
});

test("a raw case list is reported as not structured yet", async () => {
  const page = await harness.open("?arbejdsbog=raa");
  await status(page).filter({ hasText: messages.status.notStructured }).waitFor();
  expect((await status(page).textContent())?.trim()).toBe("Projektmappen er ikke struktureret endnu – start under Importér");
  await page.close();
});

test("the preview's policy allows only its own origin, and no request ever left it", async () => {
  const html = readFileSync(path.join(PREVIEW_DIST, "preview.html"), "utf8");
  const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self';");
  expect(csp).not.toMatch(/https?:\/\//);
  expect(harness.requests.length).toBeGreaterThan(0);
  expect(harness.foreignRequests()).toEqual([]);
});
