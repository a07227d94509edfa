// The task pane shell: title, a status line on whether the workbook is structured, and keyboard-accessible
// tabs between the pages, each loaded on demand. It reaches the workbook only through a WorkbookPort.
import { Component, Suspense, lazy, useCallback, useEffect, useState, type ErrorInfo, type ReactNode } from "react";
import {
  Body1,
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { NotConverted } from "./components/NotConverted";
import { messages } from "./messages";
import { PAGES, type PageId } from "./pages";
import type { SourceReader } from "./oversigt/consolidate-flow";
import { asPlanPort, type WorkbookPort } from "../ports/workbook-port";

/** Consolidation (and the report it builds) is loaded only where it is shown: Oversigt in an unconverted workbook. */
const ConsolidatePanel = lazy(() =>
  import(/* webpackChunkName: "consolidate-panel" */ "./oversigt/ConsolidatePanel").then((m) => ({ default: m.ConsolidatePanel }))
);

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  status: { color: tokens.colorNeutralForeground2 },
  tabs: { flexWrap: "wrap" },
});

type Status = { kind: "checking" } | { kind: "structured" } | { kind: "notStructured" } | { kind: "failed"; reason: string };

function statusText(s: Status): string {
  switch (s.kind) {
    case "checking":
      return messages.status.checking;
    case "structured":
      return messages.status.structured;
    case "notStructured":
      return messages.status.notStructured;
    case "failed":
      return messages.status.failed(s.reason);
  }
}

export interface AppProps {
  port: WorkbookPort;
  initialPage: PageId;
  /** The shell's reader of picked workbook files, for "Saml flere projektmapper". */
  readSource?: SourceReader;
  /** Drawn before Office.js is ready: the status line says so, and the port's calls wait for Excel. */
  connecting?: boolean;
}

export function App({ port, initialPage, readSource, connecting = false }: AppProps) {
  const styles = useStyles();
  const [page, setPage] = useState<PageId>(initialPage);
  const [status, setStatus] = useState<Status>({ kind: "checking" });
  // Bumped by a page after it changed the workbook; the effect below then re-reads the workbook.
  const [revision, setRevision] = useState(0);
  // The result of a consolidation made before the workbook was converted, shown on Oversigt afterwards.
  const [carried, setCarried] = useState<{ lines: string[]; sheets: string[] } | null>(null);
  const planPort = asPlanPort(port);

  useEffect(() => {
    // A describe() that resolves after a newer one started (or after unmount) must not win.
    let live = true;
    port.describe().then(
      (d) => live && setStatus({ kind: d.structured ? "structured" : "notStructured" }),
      (e: unknown) => live && setStatus({ kind: "failed", reason: e instanceof Error ? e.message : String(e) })
    );
    return () => {
      live = false;
    };
  }, [port, revision]);

  const workbookChanged = useCallback(() => setRevision((r) => r + 1), []);

  const select = (id: PageId) => {
    setCarried(null);
    setPage(id);
    // Keep ?side= in step so that a reload of the pane shows the same page.
    const url = new URL(window.location.href);
    url.searchParams.set("side", id);
    window.history.replaceState(null, "", url.toString());
  };

  const current = PAGES.find((p) => p.id === page) ?? PAGES[0];
  const PageComponent = current.component;

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Title2 as="h1" className={styles.title}>
            {messages.appTitle}
          </Title2>
          <Body1 as="p" role="status" aria-live="polite" className={styles.status} data-testid="workbook-status">
            {connecting ? messages.status.connecting : statusText(status)}
          </Body1>
        </header>
        <TabList
          className={styles.tabs}
          aria-label={messages.navigationLabel}
          selectedValue={page}
          onTabSelect={(_, data) => select(data.value as PageId)}
          size="small"
        >
          {PAGES.map((p) => (
            <Tab key={p.id} value={p.id} id={`fane-${p.id}`} aria-controls={`side-${p.id}`}>
              {p.tab}
            </Tab>
          ))}
        </TabList>
        <div role="tabpanel" id={`side-${current.id}`} aria-labelledby={`fane-${current.id}`}>
          <PageErrorBoundary key={current.id}>
            <Suspense fallback={<Spinner size="small" label={messages.loadingPage} />}>
              {status.kind === "notStructured" && current.id !== "import" ? (
                <NotConverted heading={current.heading} onGoToImport={() => select("import")}>
                  {current.id === "oversigt" && readSource && planPort && (
                    <ConsolidatePanel
                      port={planPort}
                      read={readSource}
                      onDone={(lines, sheets) => {
                        setCarried({ lines, sheets });
                        workbookChanged();
                      }}
                    />
                  )}
                </NotConverted>
              ) : (
                <PageComponent
                  port={port}
                  onWorkbookChanged={workbookChanged}
                  readSource={readSource}
                  carriedOutcome={current.id === "oversigt" ? (carried ?? undefined) : undefined}
                />
              )}
            </Suspense>
          </PageErrorBoundary>
        </div>
      </main>
    </FluentProvider>
  );
}

/** Shows a Danish message (and a retry) instead of a blank pane when a page fails to load or render. */
class PageErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error("Sagsliste: en side fejlede", error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          {messages.pageLoadFailed} ({this.state.error.message}){" "}
          <Button size="small" onClick={() => this.setState({ error: null })}>
            {messages.retry}
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
}
