// A form's data: the setup tables and the data tables it needs, read through the port when the form
// opens and again after each save (so what the form shows is what the workbook holds).
import { useCallback, useEffect, useState } from "react";
import type { TableContents, WorkbookPort } from "../../ports/workbook-port";
import { loadSetup, type FormSetup } from "./setup";

export type TablesState =
  { kind: "loading" } | { kind: "failed"; reason: string } | { kind: "ready"; setup: FormSetup; tables: Record<string, TableContents | null> };

export function useTables(port: WorkbookPort, names: readonly string[]): { state: TablesState; reload: () => Promise<void> } {
  const [state, setState] = useState<TablesState>({ kind: "loading" });
  const key = names.join("|");

  const read = useCallback(async (): Promise<TablesState> => {
    try {
      const wanted = key.split("|");
      const [setup, ...contents] = await Promise.all([loadSetup(port), ...wanted.map((n) => port.readTable(n))]);
      return { kind: "ready", setup, tables: Object.fromEntries(wanted.map((n, i) => [n, contents[i]])) };
    } catch (e) {
      return { kind: "failed", reason: e instanceof Error ? e.message : String(e) };
    }
  }, [port, key]);

  useEffect(() => {
    // A read that finishes after the form closed (or after a newer read started) must not win.
    let live = true;
    void read().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [read]);

  const reload = useCallback(async () => setState(await read()), [read]);
  return { state, reload };
}
