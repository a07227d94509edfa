// The task pane's start-up as the add-in ships it (taskpane.html with Office.js from Microsoft's CDN and its
// CSP): when the CDN cannot be reached the pane says so in Danish and what to do, instead of staying blank;
// while Office.js starts, the shell is drawn ("Forbinder til Excel …") and no Excel call is made before
// Office.onReady. The CDN is played by playwright's routing: aborted, or answered with a stand-in.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { messages } from "../../src/taskpane/messages";
import { buildTaskpanePage, launchChromium, serveStatic } from "../support/browser";
import { screenshot } from "./forms-support";

const CDN = "https://appsforoffice.microsoft.com/**";

/**
 * An Office.js stand-in that is Excel with every requirement set, whose Office.onReady waits until the test
 * calls window.__officeReady(), and whose Excel.run counts its calls and never answers.
 */
const HELD_OFFICE = `(() => {
  let release;
  const ready = new Promise((r) => (release = r));
  window.__excelRuns = 0;
  window.__officeReady = () => release({ host: "Excel", platform: "PC" });
  window.Office = {
    HostType: { Excel: "Excel" },
    context: { requirements: { isSetSupported: () => true } },
    onReady: (cb) => ready.then((info) => { if (cb) cb(info); return info; }),
  };
  window.Excel = { run: () => { window.__excelRuns += 1; return new Promise(() => {}); } };
})();`;

let browser: Browser;
let server: { origin: string; close: () => Promise<void> };

beforeAll(async () => {
  server = await serveStatic(await buildTaskpanePage());
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPane(office: (context: BrowserContext) => Promise<unknown>, query = ""): Promise<{ page: Page; cdnRequests: string[] }> {
  const context = await browser.newContext({ viewport: { width: 350, height: 720 }, locale: "da-DK", serviceWorkers: "block" });
  const cdnRequests: string[] = [];
  context.on("request", (r) => {
    if (r.url().startsWith("https://appsforoffice.microsoft.com/")) cdnRequests.push(r.url());
  });
  await office(context);
  const page = await context.newPage();
  await page.goto(`${server.origin}/taskpane.html${query}`);
  return { page, cdnRequests };
}

test("when Microsoft's CDN cannot be reached, the pane says in Danish that Office.js did not load and what to do", async () => {
  const { page, cdnRequests } = await openPane((c) => c.route(CDN, (r) => r.abort("internetdisconnected")));
  const notice = page.getByText(messages.office.notLoaded);
  await notice.waitFor({ timeout: 30_000 });
  // The pane asked the CDN for Office.js, as in Excel, and the request failed.
  expect(cdnRequests).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  // Not blank: the notice is visible and readable, names the address and what the user does about it.
  const text = (await page.locator("#root").innerText()).trim();
  expect(text).toContain("kunne ikke hente Microsofts Office-bibliotek");
  expect(text).toContain("appsforoffice.microsoft.com");
  expect(text).toContain("spørg jeres IT-afdeling");
  expect(text).toContain("åbn den igen fra Hjem > Sagsliste");
  const box = await notice.boundingBox();
  expect(box && box.width > 200 && box.height > 40).toBe(true);
  // The shell is not left half-drawn behind the notice: no tabs that could not work without Excel.
  expect(await page.getByRole("tab").count()).toBe(0);
  await screenshot(page, "office-js-kan-ikke-hentes");
  await page.context().close();
});

test("while Office.js starts, the shell and the page are drawn and no Excel call is made before Office.onReady", async () => {
  const { page } = await openPane((c) => c.route(CDN, (r) => r.fulfill({ contentType: "text/javascript", body: HELD_OFFICE })), "?side=visitation");
  await page.getByRole("heading", { level: 1, name: messages.appTitle }).waitFor({ timeout: 30_000 });
  await page.getByRole("heading", { level: 2, name: messages.pages.visitation.heading }).waitFor({ timeout: 30_000 });
  const status = page.getByTestId("workbook-status");
  expect(await status.textContent()).toBe(messages.status.connecting);
  expect(await page.getByRole("tab").count()).toBe(6);
  await screenshot(page, "forbinder-til-excel");
  expect(await page.evaluate(() => (window as unknown as { __excelRuns: number }).__excelRuns)).toBe(0);

  await page.evaluate(() => (window as unknown as { __officeReady: () => void }).__officeReady());
  await page.waitForFunction((text) => document.querySelector('[data-testid="workbook-status"]')?.textContent === text, messages.status.checking);
  await page.waitForFunction(() => (window as unknown as { __excelRuns: number }).__excelRuns > 0);
  await page.context().close();
});
