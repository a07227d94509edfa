// What the Office.js adapter needs from its host, injectable so tests can run it against a fake:
// the `Excel.run` entry point and the requirement-set check.

/** The shape of `Excel.run` we use: one batch, one request context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeHost {
  isSetSupported(name: string, version: string): boolean;
}

/** `Excel.run`, looked up when called so that importing this module outside Excel is harmless. */
export const excelRun: ExcelRun = (batch) => Excel.run(batch);

/** The running Office host; outside Office (no global `Office`) nothing is supported. */
export const officeHost: OfficeHost = {
  isSetSupported(name, version) {
    if (typeof Office === "undefined" || !Office.context?.requirements) return false;
    return Office.context.requirements.isSetSupported(name, version);
  },
};

/** The manifest's minimum (manifest.xml): data validation and everything older are used without a check. */
export const BASE_API = "1.8";

/** Where the task pane stands once Office.js has started (or could not load at all). */
export type OfficeStart = "ready" | "notLoaded" | "notInExcel" | "unsupported";

/**
 * Wait for Office.js and check that this is Excel with the manifest's minimum requirement set. Office.js
 * comes from Microsoft's CDN; when it could not load (no network, a proxy that blocks the address) there
 * is no Office object, and the caller says why instead of staying blank. Office.js may still be on its
 * way when this is called (a page that draws itself first): then the page's load event, which waits for
 * every script of the page, settles whether it came.
 */
export function startOffice(): Promise<OfficeStart> {
  return officeLoaded().then((loaded) => {
    if (!loaded) return "notLoaded";
    return new Promise<OfficeStart>((resolve) => {
      void Office.onReady((info) => {
        if (info.host !== Office.HostType.Excel) resolve("notInExcel");
        else if (!Office.context.requirements.isSetSupported("ExcelApi", BASE_API)) resolve("unsupported");
        else resolve("ready");
      });
    });
  });
}

function officeLoaded(): Promise<boolean> {
  const present = () => typeof Office !== "undefined";
  if (present() || typeof document === "undefined" || document.readyState === "complete") return Promise.resolve(present());
  return new Promise((resolve) => window.addEventListener("load", () => resolve(present()), { once: true }));
}

/**
 * `Excel.run` held back until `started` says Excel is ready, so that a pane drawn before Office.onReady
 * makes no Excel call before it; when Excel never becomes ready, the call fails with the reason.
 */
export function excelRunWhenReady(started: Promise<OfficeStart>, run: ExcelRun = excelRun): ExcelRun {
  return (batch) =>
    started.then((start) => {
      if (start !== "ready") throw new Error(`Excel er ikke klar (${start})`);
      return run(batch);
    });
}
