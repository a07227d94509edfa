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
 * is no Office object, and the caller says why instead of staying blank.
 */
export function startOffice(): Promise<OfficeStart> {
  if (typeof Office === "undefined") return Promise.resolve("notLoaded");
  return new Promise((resolve) => {
    void Office.onReady((info) => {
      if (info.host !== Office.HostType.Excel) resolve("notInExcel");
      else if (!Office.context.requirements.isSetSupported("ExcelApi", BASE_API)) resolve("unsupported");
      else resolve("ready");
    });
  });
}
