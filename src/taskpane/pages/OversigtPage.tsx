// The overview (Oversigt) page: choose the year, build Nøgletal, Pladsregulering and Kvartalsoversigt
// (with charts in Excel), or the published overview as its own sheet. The steps live in
// ../oversigt/overview-flow.ts; this component only renders them.
import { useEffect, useState } from "react";
import { Body1, Button, Field, MessageBar, MessageBarBody, ProgressBar, Select, makeStyles, tokens } from "@fluentui/react-components";
import { PageFrame } from "../components/PageFrame";
import { GoToSheets } from "../components/GoToSheets";
import { messages } from "../messages";
import { buildOverview, defaultYear, overviewYears, publishOverview, readOverviewSource, type OverviewStep } from "../oversigt/overview-flow";
import type { PageProps } from "../page-props";
import { asPlanPort } from "../../ports/workbook-port";
import { PUBLISHED_SHEET } from "../../workbook/report/report-plan";

const m = messages.overviewPage;
const STEPS: OverviewStep[] = ["read", "plan", "write"];

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

type Loaded = { kind: "loading" } | { kind: "failed"; text: string } | { kind: "notStructured" } | { kind: "ready"; years: number[] };

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export default function OversigtPage({ port, onWorkbookChanged, carriedOutcome }: PageProps) {
  const styles = useStyles();
  const planPort = asPlanPort(port);
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });
  const [year, setYear] = useState<number | null>(null);
  const [step, setStep] = useState<OverviewStep | null>(null);
  // A consolidation made in the unconverted workbook's pane carries its result over to this page.
  const [outcome, setOutcome] = useState<{ intent: "success" | "error"; lines: string[]; sheets?: string[] } | null>(
    carriedOutcome ? { intent: "success", ...carriedOutcome } : null
  );

  useEffect(() => {
    if (!planPort) return;
    let live = true;
    readOverviewSource(planPort).then(
      (src) => {
        if (!live) return;
        if (!src) return setLoaded({ kind: "notStructured" });
        setLoaded({ kind: "ready", years: overviewYears(src.data) });
        setYear(defaultYear(src.data));
      },
      (e: unknown) => live && setLoaded({ kind: "failed", text: errorText(e) })
    );
    return () => {
      live = false;
    };
  }, [planPort]);

  if (!planPort) return <Notice text={m.noPort} />;
  if (loaded.kind === "loading") return <Notice text={m.loading} />;
  if (loaded.kind === "failed") return <Notice text={m.failed(loaded.text)} intent="error" />;
  if (loaded.kind === "notStructured" || year === null) return <Notice text={m.notStructured} />;

  const act = async (action: () => Promise<{ lines: string[]; sheets: string[] }>) => {
    setOutcome(null);
    try {
      const { lines, sheets } = await action();
      setOutcome({ intent: "success", lines, sheets });
      onWorkbookChanged();
    } catch (e) {
      setOutcome({ intent: "error", lines: [m.failed(errorText(e))] });
    } finally {
      setStep(null);
    }
  };
  const build = () =>
    act(async () => {
      const r = await buildOverview(planPort, year, setStep);
      return { lines: [m.built(year, r.sheets.join(", ")), r.charts > 0 ? m.charts(r.charts) : m.noCharts, ...r.warnings], sheets: r.sheets };
    });
  const publish = () =>
    act(async () => {
      const r = await publishOverview(planPort, year, setStep);
      return { lines: [m.published(year, r.sheet)], sheets: [r.sheet] };
    });

  return (
    <PageFrame heading={messages.pages.oversigt.heading}>
      <Body1 as="p">{m.intro}</Body1>
      <Field label={m.year}>
        <Select value={String(year)} onChange={(_, d) => setYear(Number(d.value))}>
          {(loaded.years.includes(year) ? loaded.years : [year, ...loaded.years]).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={step !== null} onClick={() => void build()}>
          {m.build}
        </Button>
        <Button disabled={step !== null} onClick={() => void publish()}>
          {m.publish}
        </Button>
      </div>
      <Body1>{m.publishHint(PUBLISHED_SHEET)}</Body1>
      <Body1>{messages.consolidate.elsewhere}</Body1>
      {step && (
        <Field label={m.steps[step]} validationState="none">
          <ProgressBar value={(STEPS.indexOf(step) + 1) / (STEPS.length + 1)} aria-label={m.steps[step]} />
        </Field>
      )}
      {outcome && (
        <MessageBar intent={outcome.intent} role="status" data-testid="oversigt-result">
          <MessageBarBody>
            {outcome.lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.intent === "success" && <GoToSheets port={port} sheets={outcome.sheets ?? []} />}
    </PageFrame>
  );
}

function Notice({ text, intent = "info" }: { text: string; intent?: "info" | "error" }) {
  return (
    <PageFrame heading={messages.pages.oversigt.heading}>
      <MessageBar intent={intent}>
        <MessageBarBody>{text}</MessageBarBody>
      </MessageBar>
    </PageFrame>
  );
}
