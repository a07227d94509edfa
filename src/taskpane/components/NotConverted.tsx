// What every page but Importér shows in a workbook that has not been converted: why the page has nothing
// to work with, and a button to Importér (instead of empty forms or a list of alarming findings).
import type { ReactNode } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { messages } from "../messages";
import { PageFrame } from "./PageFrame";

export function NotConverted({ heading, onGoToImport, children }: { heading: string; onGoToImport: () => void; children?: ReactNode }) {
  return (
    <PageFrame heading={heading}>
      <MessageBar intent="info" layout="multiline" data-testid="not-converted">
        <MessageBarBody>{messages.navigation.notConverted(heading)}</MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={onGoToImport}>
            {messages.navigation.goToImport}
          </Button>
        </MessageBarActions>
      </MessageBar>
      {children}
    </PageFrame>
  );
}
