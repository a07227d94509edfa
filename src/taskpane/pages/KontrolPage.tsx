// The check (Kontrol) page: runs the integrity check, lists each finding (a click selects its cell), and
// repairs computed columns' formulas and sorts tables out of case order, recording repairs in Log and what
// remains in Problemer. Errors from Excel show their Danish message, with "Prøv igen" where trying again
// can help.
import { useState } from "react";
import { Body1, Button, Link, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { PageFrame } from "../components/PageFrame";
import { messages } from "../messages";
import type { PageProps } from "../page-props";
import { checkWorkbook, isRetryable, repairWorkbook, writeFindings, type KontrolPort } from "../kontrol-actions";
import { isWorkbookInspector, isWorkbookWriter } from "../../ports/workbook-port";
import type { IntegrityReport } from "../../workbook/integrity";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

type State =
  | { kind: "idle" }
  | { kind: "busy"; label: string }
  | { kind: "done"; report: IntegrityReport; note?: string }
  | { kind: "failed"; message: string; retry: boolean; again: () => void };

export default function KontrolPage({ port, onWorkbookChanged }: PageProps) {
  const m = messages.pages.kontrol;
  const t = messages.kontrol;
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: "idle" });

  if (!isWorkbookWriter(port) || !isWorkbookInspector(port)) {
    return (
      <PageFrame heading={m.heading}>
        <Body1 as="p">{t.noWriter}</Body1>
      </PageFrame>
    );
  }
  const full: KontrolPort = port;

  const attempt = (label: string, action: () => Promise<State>) => {
    const run = () => {
      setState({ kind: "busy", label });
      action().then(setState, (e: unknown) =>
        setState({ kind: "failed", message: t.failed(e instanceof Error ? e.message : String(e)), retry: isRetryable(e), again: run })
      );
    };
    run();
  };

  const check = () => attempt(t.checking, async () => ({ kind: "done", report: await checkWorkbook(full) }));
  const repair = (report: IntegrityReport) =>
    attempt(t.repairing, async () => {
      const outcome = await repairWorkbook(full, report);
      onWorkbookChanged();
      const sorted = outcome.sorted.map((s) => s.sheet);
      return { kind: "done", report: outcome.remaining, note: t.repaired(outcome.cells, outcome.remaining.findings.length, sorted) };
    });
  const write = (report: IntegrityReport) =>
    attempt(t.repairing, async () => {
      const n = await writeFindings(full, report.findings);
      onWorkbookChanged();
      return { kind: "done", report, note: t.written(n) };
    });

  const busy = state.kind === "busy";
  const report = state.kind === "done" ? state.report : null;
  const repairable = report ? report.repairs.reduce((n, r) => n + r.cells.length, 0) : 0;
  const sortable = report ? report.sorts.map((s) => s.sheet) : [];
  const canRepair = repairable > 0 || sortable.length > 0;

  return (
    <PageFrame heading={m.heading}>
      <Body1 as="p">{t.intro}</Body1>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={check} disabled={busy}>
          {t.check}
        </Button>
        {report && canRepair && (
          <Button onClick={() => repair(report)} disabled={busy}>
            {t.repair(repairable, sortable)}
          </Button>
        )}
        {report && !canRepair && report.findings.length > 0 && (
          <Button onClick={() => write(report)} disabled={busy}>
            {t.writeFindings}
          </Button>
        )}
      </div>
      {state.kind === "busy" && <Spinner size="tiny" label={state.label} />}
      {state.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            {state.message}{" "}
            {state.retry && (
              <Button size="small" onClick={state.again}>
                {messages.retry}
              </Button>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "done" && state.note && (
        <MessageBar intent="success">
          <MessageBarBody>{state.note}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <Body1 as="p" role="status" data-testid="kontrol-resultat">
          {report.findings.length === 0 ? t.clean : t.found(report.findings.length, repairable, sortable.length)}
        </Body1>
      )}
      {report && report.findings.length > 0 && (
        <ul className={styles.list} aria-label={t.findingsLabel}>
          {report.findings.map((f, i) => (
            <li key={`${f.code}-${f.sheet}-${f.cell}-${i}`}>
              <Link
                as="button"
                onClick={() => attempt(t.checking, async () => (await full.selectCell(f.sheet, f.cell), state))}
                aria-label={t.goTo(`${f.sheet}!${f.cell}`)}
              >
                {f.sheet}!{f.cell}
              </Link>{" "}
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </PageFrame>
  );
}
