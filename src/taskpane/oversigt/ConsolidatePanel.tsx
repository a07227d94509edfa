// "Saml flere projektmapper" on the Oversigt page: the leader picks the units' converted workbooks, which
// are read here in the browser (nothing is uploaded), and the combined overview is written into the open
// workbook. The steps live in consolidate-flow.ts; this component only renders them.
import { useId, useRef, useState } from "react";
import { Body1, Button, Field, Input, MessageBar, MessageBarBody, ProgressBar, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { messages } from "../messages";
import type { PlanPort } from "../../ports/workbook-port";
import { consolidateIntoWorkbook, type ConsolidateStep, type PickedFile, type SourceReader } from "./consolidate-flow";

const m = messages.consolidate;

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalL },
  // Visually hidden, still in the accessibility tree and reachable by its label.
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

function stepText(s: ConsolidateStep): string {
  if (s.kind === "file") return m.steps.files(s.index, s.of);
  if (s.kind === "combine") return m.steps.combine;
  if (s.kind === "tables") return m.steps.tables;
  return messages.overviewPage.steps[s.step];
}

export interface ConsolidatePanelProps {
  port: PlanPort;
  read: SourceReader;
  /** Called after the workbook changed, with the result's lines and the sheets written. */
  onDone: (lines: string[], sheets: string[]) => void;
}

export function ConsolidatePanel({ port, read, onDone }: ConsolidatePanelProps) {
  const styles = useStyles();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [year, setYear] = useState("");
  const [step, setStep] = useState<ConsolidateStep | null>(null);
  const [outcome, setOutcome] = useState<{ intent: "success" | "error"; lines: string[] } | null>(null);

  const yearValue = /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : null;
  const start = async () => {
    setOutcome(null);
    const picked: PickedFile[] = files.map((f) => ({ name: f.name, bytes: () => f.arrayBuffer() }));
    try {
      const r = await consolidateIntoWorkbook(port, picked, yearValue, read, setStep);
      onDone([m.done(r.sources, r.year, r.conflicts), ...r.warnings], r.sheets);
    } catch (e) {
      setOutcome({ intent: "error", lines: [messages.overviewPage.failed(e instanceof Error ? e.message : String(e))] });
    } finally {
      setStep(null);
    }
  };

  return (
    <section className={styles.panel} aria-labelledby={`${fileId}-heading`}>
      <Subtitle2 as="h2" id={`${fileId}-heading`}>
        {m.heading}
      </Subtitle2>
      <Body1 as="p">{m.intro}</Body1>
      <Field label={m.pick} hint={files.length > 0 ? m.picked(files.length) : m.none}>
        {(fieldProps) => (
          <div>
            {/* The browser's own file button speaks the browser's language; ours speaks Danish and opens it. */}
            <input
              {...fieldProps}
              ref={input}
              className={styles.hidden}
              tabIndex={-1}
              type="file"
              multiple
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFiles(Array.from(e.currentTarget.files ?? []))}
            />
            <Button icon={undefined} onClick={() => input.current?.click()} aria-describedby={fieldProps["aria-describedby"]}>
              {m.choose}
            </Button>
          </div>
        )}
      </Field>
      <Field label={messages.overviewPage.year} hint={m.yearHint}>
        <Input value={year} inputMode="numeric" onChange={(_, d) => setYear(d.value)} />
      </Field>
      <div>
        <Button appearance="primary" disabled={step !== null || files.length === 0} onClick={() => void start()}>
          {m.start}
        </Button>
      </div>
      {step && (
        <Field label={stepText(step)} validationState="none">
          <ProgressBar aria-label={stepText(step)} />
        </Field>
      )}
      {outcome && (
        <MessageBar intent={outcome.intent} role="status" data-testid="saml-result">
          <MessageBarBody>
            {outcome.lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
