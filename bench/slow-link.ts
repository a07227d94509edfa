// Measure 6 over a slow municipal link: the production task pane served as a web host serves it (gzip),
// Office.js replaced by a stand-in of the real loader's size on the wire, and Chromium's network
// emulation (DevTools protocol Network.emulateNetworkConditions) at 1.6 Mbit/s down, 150 ms round trip.
// Timed: the shell's heading, and the first usable page (the page's own heading, after its chunk loaded).
import { randomBytes } from "crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "fs";
import { createServer } from "http";
import type { AddressInfo } from "net";
import path from "path";
import { brotliCompressSync, gzipSync } from "zlib";
import { launchChromium } from "../test/support/browser";

export const SLOW_LINK = { downloadKbit: 1600, uploadKbit: 750, latencyMs: 150 };

/**
 * The bytes on the wire of the Office.js the pane waits for: the hosted loader office.js, about 120 KB
 * compressed (an assumption: the CDN's copy could not be fetched here; @types/office-js describes the
 * API, not the file). Filled with random text so that compression cannot shrink it.
 */
export const OFFICE_JS_WIRE_BYTES = 120 * 1024;

const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };

/** How the pane is loaded for one timing; the defaults are measure 6 itself, the rest are alternatives measured beside it. */
export interface SlowLinkVariant {
  /** Bytes of the Office.js stand-in on the wire (default OFFICE_JS_WIRE_BYTES). */
  officeBytes?: number;
  /** The Office.js script tag as built ("as-built"), or with `async` added (not Microsoft's documented way). */
  officeScript?: "as-built" | "async";
  /** Content-Encoding of the pane's own files (default gzip, as the add-in's web host serves them). */
  encoding?: "gzip" | "br";
  /** Files of the build hinted with <link rel="preload" as="script"> at the top of <head>. */
  preload?: readonly string[];
}

/** Serve a folder compressed (gzip by default), as the add-in's web host does. */
async function serveGzipped(dir: string, encoding: "gzip" | "br" = "gzip"): Promise<{ origin: string; close: () => Promise<void> }> {
  const cache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname).replace(/^\/+/, "");
    const file = path.resolve(dir, rel);
    if (!file.startsWith(dir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    // Compressed once per file, as a web host serves static files (Brotli at its default level takes seconds).
    const body = cache.get(file) ?? (encoding === "br" ? brotliCompressSync(readFileSync(file)) : gzipSync(readFileSync(file)));
    cache.set(file, body);
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Content-Encoding": encoding, "Cache-Control": "no-store" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Records when the shell's heading (h1) and the page's heading (h2) first exist, in ms since navigation. */
const MARKS = `(() => {
  const has = (sel) => Array.from(document.querySelectorAll(sel)).some((h) => (h.textContent || "").trim() !== "");
  new MutationObserver((_, obs) => {
    if (window.__shell === undefined && has("h1")) window.__shell = performance.now();
    if (window.__page === undefined && has("h2")) { window.__page = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
})();`;

export interface SlowLinkTiming {
  shellMs: number;
  pageMs: number;
  officeBytes: number;
  /** The lazily loaded chunks (*.chunk.js) the page requested, by file name. */
  chunks: string[];
}

/**
 * The best of `rounds` first openings of taskpane.html over the slow link. `officeStub` is the script the
 * stand-in runs (the bench's Office and Excel fakes); it is padded to OFFICE_JS_WIRE_BYTES.
 */
export async function firstRenderOverSlowLink(dir: string, officeStub: string, rounds: number, variant: SlowLinkVariant = {}): Promise<SlowLinkTiming> {
  const html = readFileSync(path.join(dir, "taskpane.html"), "utf8");
  if (!html.includes(OFFICE_CDN)) throw new Error(`taskpane.html henter ikke Office.js fra ${OFFICE_CDN}`);
  const padding = variant.officeBytes ?? OFFICE_JS_WIRE_BYTES;
  // The stand-in is served from the pane's own origin (the CSP allows 'self'), so the emulated link carries it.
  writeFileSync(path.join(dir, "office-standin.js"), `${officeStub}\n/*${randomBytes(padding).toString("base64").slice(0, padding)}*/\n`);
  let slow = html.split(OFFICE_CDN).join("office-standin.js");
  if (variant.officeScript === "async") slow = slow.replace(/<script src=("?)office-standin\.js/, "<script async src=$1office-standin.js");
  if (variant.preload?.length) {
    slow = slow.replace("<title>", `${variant.preload.map((f) => `<link rel="preload" as="script" href="${f}">`).join("")}<title>`);
  }
  writeFileSync(path.join(dir, "taskpane-slow.html"), slow);
  const server = await serveGzipped(dir, variant.encoding);
  const browser = await launchChromium();
  let best: SlowLinkTiming = { shellMs: Infinity, pageMs: Infinity, officeBytes: 0, chunks: [] };
  try {
    for (let i = 0; i < rounds; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 720 }, locale: "da-DK" });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: SLOW_LINK.latencyMs,
        downloadThroughput: (SLOW_LINK.downloadKbit * 1000) / 8,
        uploadThroughput: (SLOW_LINK.uploadKbit * 1000) / 8,
      });
      let officeBytes = 0;
      const chunks: string[] = [];
      page.on("request", (r) => {
        if (r.url().endsWith(".chunk.js")) chunks.push(path.basename(new URL(r.url()).pathname));
      });
      page.on("response", (r) => {
        if (r.url().endsWith("office-standin.js"))
          void r.body().then(
            (b) => (officeBytes = b.length),
            () => undefined
          );
      });
      await page.addInitScript(MARKS);
      await page.goto(`${server.origin}/taskpane-slow.html?side=visitation`);
      await page.getByRole("heading", { level: 2 }).waitFor({ timeout: 60_000 });
      const t = await page.evaluate(() => {
        const w = window as unknown as { __shell?: number; __page?: number };
        return { shellMs: w.__shell ?? NaN, pageMs: w.__page ?? NaN };
      });
      if (t.pageMs < best.pageMs) best = { ...t, officeBytes, chunks };
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return best;
}
