// The frame every form page shares: read the setup and the form's tables through the port, show the
// states before the form can open (FormGate), and re-read after a save so the form shows what the
// workbook holds. The page supplies only its form.
import type { ReactNode } from "react";
import type { FormSetup } from "../forms/setup";
import { useTables } from "../forms/use-tables";
import type { PageProps } from "../page-props";
import { isWorkbookWriter, type TableContents, type WorkbookWriter } from "../../ports/workbook-port";
import { FormGate } from "./FormGate";
import { PageFrame } from "./PageFrame";

export interface FormContext {
  setup: FormSetup;
  /** A table the page asked for, or null when the workbook lacks it. */
  table: (name: string) => TableContents | null;
  writer: WorkbookWriter;
  /** Re-read the tables and tell the shell the workbook changed. */
  onSaved: () => Promise<void>;
}

export function FormPage({
  port,
  onWorkbookChanged,
  heading,
  tables,
  children,
}: PageProps & { heading: string; tables: readonly string[]; children: (form: FormContext) => ReactNode }) {
  const { state, reload } = useTables(port, tables);
  return (
    <PageFrame heading={heading}>
      <FormGate state={state} canWrite={isWorkbookWriter(port)}>
        {() =>
          state.kind === "ready" &&
          isWorkbookWriter(port) &&
          children({
            setup: state.setup,
            table: (name) => state.tables[name] ?? null,
            writer: port,
            onSaved: async () => {
              await reload();
              onWorkbookChanged();
            },
          })
        }
      </FormGate>
    </PageFrame>
  );
}
