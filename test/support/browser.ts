// Browser harness for the task pane tests: builds the browser preview once (reused while the files it was
// built from are unchanged), serves it on 127.0.0.1, drives Debian's Chromium through playwright-core and records every
// network request, aborting any that leaves the preview's own origin (the privacy tests assert there are none).
import { createHash } from "crypto";
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import path from "path";
import webpack from "webpack";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "..", "..");
export const PREVIEW_DIST = path.join(ROOT, "test-output", "preview-dist");
export const TASKPANE_DIST = path.join(ROOT, "test-output", "taskpane-dist");
export const SCREENSHOTS = path.join(ROOT, "test-output", "screenshots");
const CHROMIUM = "/usr/bin/chromium";
const STAMP = ".sources-stamp.json";

/** A fingerprint of the files a build read (webpack's file dependencies) and of the build's configuration. */
function filesStamp(files: string[]): string {
  const hash = createHash("sha1");
  for (const f of [...files, path.join(ROOT, "webpack.config.js"), path.join(ROOT, "package-lock.json")].sort()) {
    hash.update(existsSync(f) ? `${f}:${statSync(f).size}:${statSync(f).mtimeMs}\n` : `${f}:missing\n`);
  }
  return hash.digest("hex");
}

/** Whether the build in `dir` still matches every source file it was built from. */
function buildIsCurrent(stampFile: string, dir = PREVIEW_DIST, page = "preview.html"): boolean {
  if (!existsSync(stampFile) || !existsSync(path.join(dir, page))) return false;
  try {
    const saved = JSON.parse(readFileSync(stampFile, "utf8")) as { files: string[]; stamp: string };
    return filesStamp(saved.files) === saved.stamp;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Hold a lock file while building so that parallel Jest workers do not build into the same folder at once. */
async function withLock<T>(lockPath: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      closeSync(openSync(lockPath, "wx"));
      break;
    } catch {
      // A lock older than ten minutes belongs to a build that died.
      if (existsSync(lockPath) && Date.now() - statSync(lockPath).mtimeMs > 600_000) rmSync(lockPath, { force: true });
      if (Date.now() - started > 900_000) throw new Error(`Ventede for længe på ${lockPath}`);
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

type ConfigFactory = (env: Record<string, string>, argv: { mode: string }) => Promise<webpack.Configuration>;

/** Build the preview in development mode into test-output/preview-dist, or reuse an up-to-date build. */
export async function buildPreview(): Promise<string> {
  return buildOnce(PREVIEW_DIST, "preview", "preview.html");
}

/**
 * Build taskpane.html as the add-in ships it (Office.js from Microsoft's CDN, its CSP) in development mode
 * into test-output/taskpane-dist, or reuse an up-to-date build; for the tests of the pane's start-up.
 */
export async function buildTaskpanePage(): Promise<string> {
  return buildOnce(TASKPANE_DIST, "taskpane", "taskpane.html");
}

async function buildOnce(dir: string, only: string, pageFile: string): Promise<string> {
  mkdirSync(path.dirname(dir), { recursive: true });
  return withLock(`${dir}.lock`, async () => {
    const stampFile = path.join(dir, STAMP);
    if (buildIsCurrent(stampFile, dir, pageFile)) return dir;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const factory = require(path.join(ROOT, "webpack.config.js")) as ConfigFactory;
    const config = await factory({ only, outputPath: dir, sourceMaps: "false" }, { mode: "development" });
    const stats = await new Promise<webpack.Stats>((resolve, reject) => {
      webpack({ ...config, context: ROOT }, (err, result) => (err || !result ? reject(err ?? new Error("webpack gav intet resultat")) : resolve(result)));
    });
    if (stats.hasErrors()) throw new Error(`${pageFile} kunne ikke bygges:\n${stats.toString({ all: false, errors: true })}`);
    // Only files of our own tree can change between runs; node_modules changes show in package-lock.json.
    const files = [...stats.compilation.fileDependencies].filter((f) => f.startsWith(ROOT) && !f.includes(`${path.sep}node_modules${path.sep}`));
    writeFileSync(stampFile, JSON.stringify({ files, stamp: filesStamp(files) }));
    return dir;
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
};

/** Serve a folder on 127.0.0.1 with a random port. */
export async function serveStatic(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, "") || "preview.html";
    const file = path.resolve(dir, rel);
    if (!file.startsWith(dir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Ikke fundet");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** Launch Debian's Chromium; a missing browser is a failure (never a skip), with how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    const how = "Installér den med: apt-get install chromium (Debian-pakken, ingen hentet browser).";
    throw new Error(
      process.env.CI === "true"
        ? `Chromium mangler på CI-maskinen (${CHROMIUM}); browsertestene skal køre. ${how}`
        : `Chromium mangler (${CHROMIUM}), så browsertestene kan ikke køre. ${how}`
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface PreviewHarness {
  origin: string;
  browser: Browser;
  context: BrowserContext;
  /** Every URL the pages requested, in order. */
  requests: string[];
  /** Requests that left the preview's own origin (aborted, but recorded). */
  foreignRequests(): string[];
  /** Open preview.html with an optional query string (e.g. "?side=fremmoede") and wait for the shell. */
  open(query?: string): Promise<Page>;
  close(): Promise<void>;
}

/** Build (or reuse) the preview, serve it, launch Chromium and record the network. */
export async function startPreviewHarness(): Promise<PreviewHarness> {
  const dir = await buildPreview();
  const server = await serveStatic(dir);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 360, height: 720 }, locale: "da-DK", serviceWorkers: "block" });
    const requests: string[] = [];
    const own = (u: string) => u.startsWith(`${server.origin}/`) || u.startsWith("data:") || u.startsWith("blob:");
    context.on("request", (r) => requests.push(r.url()));
    await context.route("**/*", (route) => (own(route.request().url()) ? route.continue() : route.abort("blockedbyclient")));
    const b = browser;
    return {
      origin: server.origin,
      browser: b,
      context,
      requests,
      foreignRequests: () => requests.filter((u) => !own(u)),
      async open(query = "") {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(`${server.origin}/preview.html${query}`);
        await page
          .getByRole("heading", { level: 1, name: "Sagsliste" })
          .waitFor({ timeout: 30_000 })
          .catch((e: unknown) => {
            throw new Error(`Forhåndsvisningen startede ikke${errors.length ? `: ${errors.join("; ")}` : ""} (${String(e)})`);
          });
        return page;
      },
      async close() {
        await b.close();
        await server.close();
      },
    };
  } catch (e) {
    if (browser) await browser.close();
    await server.close();
    throw e;
  }
}
