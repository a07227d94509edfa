// "Gå til arket …": one button per sheet a page has just made, bringing it to the front in Excel (the
// port's activateSheet). Without that capability (a read-only host) no buttons show.
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { messages } from "../messages";
import { canActivateSheet, type WorkbookPort } from "../../ports/workbook-port";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export function GoToSheets({ port, sheets }: { port: WorkbookPort; sheets: readonly string[] }) {
  const styles = useStyles();
  const [error, setError] = useState<string | null>(null);
  if (!canActivateSheet(port) || sheets.length === 0) return null;
  const go = (sheet: string) => {
    setError(null);
    port.activateSheet(sheet).catch((e: unknown) => setError(messages.navigation.goToFailed(e instanceof Error ? e.message : String(e))));
  };
  return (
    <>
      <div className={styles.actions} data-testid="go-to-sheets">
        {sheets.map((s) => (
          <Button key={s} onClick={() => go(s)}>
            {messages.navigation.goToSheet(s)}
          </Button>
        ))}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
