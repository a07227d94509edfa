// Measure 6: the task pane as users get it: the production build's main bundle (gzip), whether the
// pages are chunks of their own and load on demand, and the first render in headless Chromium.
import { existsSync, readdirSync, readFileSync } from "fs";
import path from "path";
import { gzipSync } from "zlib";
import { launchChromium, serveStatic } from "../test/support/browser";
import { NODE, runChild } from "./measure";
import { firstRenderOverSlowLink, SLOW_LINK } from "./slow-link";
import type { Row } from "./table";

const ROOT = path.resolve(__dirname, "..", "..");
const PAGES = 6;

/**
 * Office.js stand-in served at the CDN address: the host says Excel and supports everything, and the
 * workbook never answers, so what is timed is the shell alone (its status stays "checking").
 */
export const OFFICE_STUB = `window.Office = { HostType: { Excel: "Excel" }, context: { requirements: { isSetSupported: function () { return true; } } },
  onReady: function (cb) { var info = { host: "Excel" }; setTimeout(function () { cb && cb(info); }, 0); return Promise.resolve(info); } };
window.Excel = { run: function () { return new Promise(function () {}); } };`;

/** Records when the shell's heading first exists, in ms since navigation started. */
const MARK_FIRST_RENDER = `(() => {
  const seen = () => Array.from(document.querySelectorAll("h1")).some((h) => (h.textContent || "").includes("Sagsliste"));
  new MutationObserver((_, obs) => { if (seen()) { window.__firstRender = performance.now(); obs.disconnect(); } })
    .observe(document, { childList: true, subtree: true });
})();`;

export async function buildTaskpane(outDir: string): Promise<void> {
  const webpack = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
  await runChild(NODE, [webpack, "--mode", "production", "--env", `outputPath=${outDir}`, "--env", "sourceMaps=false"], { cwd: ROOT });
}

async function firstRender(dir: string, rounds: number): Promise<{ ms: number; requested: string[] }> {
  const server = await serveStatic(dir);
  const browser = await launchChromium();
  let best = Infinity;
  let requested: string[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      // A fresh context each time: nothing cached, as on the pane's first opening.
      const context = await browser.newContext({ viewport: { width: 360, height: 720 }, locale: "da-DK" });
      await context.route("https://appsforoffice.microsoft.com/**", (r) => r.fulfill({ contentType: "text/javascript", body: OFFICE_STUB }));
      const urls: string[] = [];
      context.on("request", (r) => urls.push(r.url()));
      const page = await context.newPage();
      await page.addInitScript(MARK_FIRST_RENDER);
      await page.goto(`${server.origin}/taskpane.html`);
      await page.getByRole("heading", { level: 1, name: "Sagsliste" }).waitFor({ timeout: 30_000 });
      const ms = await page.evaluate(() => (window as unknown as { __firstRender?: number }).__firstRender ?? NaN);
      if (ms < best) best = ms;
      requested = urls.map((u) => path.basename(new URL(u).pathname)).filter((f) => f.endsWith(".js"));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { ms: best, requested };
}

export async function taskpane(outDir: string, rounds: number, build: boolean): Promise<Row[]> {
  if (build || !existsSync(path.join(outDir, "taskpane.html"))) await buildTaskpane(outDir);
  const files = readdirSync(outDir);
  const main = files.find((f) => /^taskpane\.[0-9a-f]+\.js$/.test(f));
  if (!main) throw new Error(`Ingen taskpane-bundle i ${outDir}`);
  const gz = gzipSync(readFileSync(path.join(outDir, main))).length;
  const chunks = files.filter((f) => /^side-.*\.chunk\.js$/.test(f));
  const render = await firstRender(outDir, rounds);
  const pageChunksLoaded = render.requested.filter((f) => f.startsWith("side-"));
  const slow = await firstRenderOverSlowLink(outDir, OFFICE_STUB, rounds);
  const link = `${SLOW_LINK.downloadKbit / 1000} Mbit/s, ${SLOW_LINK.latencyMs} ms, Office.js ${(slow.officeBytes / 1024).toFixed(0)} KB`;
  return [
    {
      measure: "6. task pane: main bundle (gzip)",
      figure: `${(gz / 1024).toFixed(0)} KB (${main})`,
      target: "≤ 300 KB",
      pass: gz <= 300 * 1024,
    },
    {
      measure: "6. task pane: first render (headless Chromium)",
      figure: `${render.ms.toFixed(0)} ms to the shell's heading`,
      target: "< 1000 ms",
      pass: render.ms < 1000,
    },
    {
      measure: `6. task pane: first usable page over a slow link (${link})`,
      figure: `${slow.pageMs.toFixed(0)} ms to the page's heading (shell ${slow.shellMs.toFixed(0)} ms)`,
      target: "< 1500 ms",
      pass: slow.pageMs < 1500,
    },
    {
      measure: "6. task pane: pages loaded lazily",
      figure: `${chunks.length} page chunks; first render loaded ${pageChunksLoaded.length} (${pageChunksLoaded.join(", ")})`,
      target: `${PAGES} chunks, 1 loaded`,
      pass: chunks.length === PAGES && pageChunksLoaded.length <= 1,
    },
  ];
}
