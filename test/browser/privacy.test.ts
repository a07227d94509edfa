// Privacy by construction, in headless Chromium: every network request of the task pane preview while a
// person visits every page and runs the integrity check and its repair goes to the preview's own host;
// the pages' Content-Security-Policy allows nothing else (the task pane: Office.js from Microsoft's CDN);
// the bundles load no external fonts, scripts or telemetry.
import { readdirSync, readFileSync } from "fs";
import path from "path";
import { PREVIEW_DIST, ROOT, startPreviewHarness, type PreviewHarness } from "../support/browser";
import { messages } from "../../src/taskpane/messages";
import { PAGES } from "../../src/taskpane/pages";

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startPreviewHarness();
}, 600_000);

afterAll(async () => {
  await harness?.close();
});

const OFFICE_CDN = "https://appsforoffice.microsoft.com";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values])
  );
}

test("visiting every page and checking and repairing the workbook requests nothing beyond the preview's own host", async () => {
  const page = await harness.open();
  for (const p of PAGES) {
    await page.getByRole("tab", { name: p.tab, exact: true }).click();
    await page.getByRole("heading", { level: 2, name: p.heading }).waitFor();
  }
  // The Kontrol page: a clean check, then an overwritten formula found and repaired.
  await page.getByRole("button", { name: messages.kontrol.check }).click();
  await page.getByTestId("kontrol-resultat").filter({ hasText: messages.kontrol.clean }).waitFor();
  await page.evaluate(() => {
    window.__sagsliste!.workbook.getWorksheet("Sager")!.getCell("P2").value = 1;
  });
  await page.getByRole("button", { name: messages.kontrol.check }).click();
  await page
    .getByTestId("kontrol-resultat")
    .filter({ hasText: messages.kontrol.found(1, 1) })
    .waitFor();
  await page.getByRole("button", { name: messages.kontrol.repair(1) }).click();
  await page.getByText(messages.kontrol.repaired(1, 0)).waitFor();
  const after = await page.evaluate(() => {
    const wb = window.__sagsliste!.workbook;
    const p2 = wb.getWorksheet("Sager")!.getCell("P2");
    const log = wb.getWorksheet("Log")!;
    return { formula: p2.formula ?? null, logRow: (log.getRow(2).values as unknown[]).slice(2) };
  });
  expect(after.formula).toMatch(/^IF\(/);
  expect(after.logRow).toEqual(["Reparation", "Sager", expect.any(String), "Pladsvægt", "overskrevet med en værdi", "kolonnens formel"]);

  const own = new URL(harness.origin).host;
  const hosts = new Set(harness.requests.filter((u) => /^https?:/.test(u)).map((u) => new URL(u).host));
  expect([...hosts]).toEqual([own]);
  expect(harness.foreignRequests()).toEqual([]);
  await page.close();
});

test("the preview page's policy allows only its own origin", () => {
  const html = readFileSync(path.join(PREVIEW_DIST, "preview.html"), "utf8");
  const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
  const d = directives(csp);
  expect(d.get("default-src")).toEqual(["'self'"]);
  expect(d.get("script-src")).toEqual(["'self'"]);
  expect(d.get("connect-src")).toEqual(["'self'"]);
  expect(d.get("font-src")).toEqual(["'self'"]);
  expect(d.get("object-src")).toEqual(["'none'"]);
  expect(csp).not.toContain("unsafe-eval");
  // The policy is the first element of <head>, before anything can load.
  expect(/<head>\s*<meta http-equiv="Content-Security-Policy"/.test(html)).toBe(true);
});

test("the task pane's policy (webpack.config.js) allows its own origin and Microsoft's Office.js CDN only", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { csp } = require(path.join(ROOT, "webpack.config.js")) as { csp: (o: { officeCdn: boolean }) => string };
  const d = directives(csp({ officeCdn: true }));
  expect(d.get("default-src")).toEqual(["'self'"]);
  expect(d.get("script-src")).toEqual(["'self'", OFFICE_CDN]);
  expect(d.get("connect-src")).toEqual(["'self'"]);
  expect(d.get("font-src")).toEqual(["'self'"]);
  expect(d.get("img-src")).toEqual(["'self'", "data:"]);
  expect(d.get("form-action")).toEqual(["'self'"]);
  const hosts = [...csp({ officeCdn: true }).matchAll(/https?:\/\/[^\s;']+/g)].map((m) => m[0]);
  expect(hosts).toEqual([OFFICE_CDN]);
  expect(csp({ officeCdn: false })).not.toMatch(/https?:\/\//);
});

test("the bundles load no external fonts, scripts or telemetry", () => {
  const files = readdirSync(PREVIEW_DIST).filter((f) => /\.(js|html|css)$/.test(f));
  expect(files.length).toBeGreaterThan(1);
  const forbidden = [
    /fonts\.(googleapis|gstatic)\.com/,
    /@import\s+url\(\s*["']?https?:/,
    /<script[^>]+src=["']https?:/,
    /<link[^>]+href=["']https?:/,
    /applicationinsights|google-analytics|googletagmanager|sentry\.io|segment\.io|mixpanel|hotjar/i,
    /navigator\.sendBeacon\(/,
  ];
  for (const f of files) {
    const text = readFileSync(path.join(PREVIEW_DIST, f), "utf8");
    for (const pattern of forbidden) expect({ file: f, hit: pattern.test(text) }).toEqual({ file: f, hit: false });
  }
  const template = readFileSync(path.join(ROOT, "src", "taskpane", "page.html"), "utf8");
  expect(template).not.toMatch(/https?:\/\//);
});
