// The states a form page passes before it can show its fields: reading the workbook, a failed read, a
// workbook that is not structured yet, or a port that cannot write. Children render only when ready.
import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { messages } from "../messages";
import type { TablesState } from "../forms/use-tables";

export function FormGate({ state, canWrite, children }: { state: TablesState; canWrite: boolean; children: () => ReactNode }) {
  if (state.kind === "loading") return <Spinner size="small" label={messages.forms.loading} />;
  const problem =
    state.kind === "failed"
      ? messages.status.failed(state.reason)
      : !canWrite
        ? messages.forms.readOnly
        : Object.values(state.tables).some((t) => t === null)
          ? messages.forms.notStructured
          : null;
  if (problem) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{problem}</MessageBarBody>
      </MessageBar>
    );
  }
  return <>{children()}</>;
}
