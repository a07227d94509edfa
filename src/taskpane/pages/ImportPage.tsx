// The import (Importér) page: choose the sheets, confirm the mapping with a live preview, convert with
// progress shown, then the result and the findings (a click selects the cell). The logic lives in
// ../import/import-model.ts and ../import/import-flow.ts, the state's transitions in the reducer of
// ../import/import-state.ts; this component renders the state and dispatches.
import { useEffect, useMemo, useReducer } from "react";
import {
  Body1,
  Button,
  Checkbox,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { INSTRUMENT_PRESETS } from "../../domain/instruments";
import { PageFrame } from "../components/PageFrame";
import { readImportSource, runImport, surveySource, type ImportStep } from "../import/import-flow";
import { analysisOf, importReducer, initialImportState } from "../import/import-state";
import {
  KEEP_VALUE,
  findingItems,
  importSummary,
  mappingRows,
  fillRows,
  codeRows,
  codeOptions,
  fillOptions,
  offerMerge,
  previewTable,
  regionChoices,
  targetOptions,
  type FindingItem,
  type TargetOption,
} from "../import/import-model";
import { ImportError } from "../../import/errors";
import { PreviewCards } from "../components/PreviewCards";
import { groupMappingRows } from "../import/mapping-groups";
import { messages } from "../messages";
import type { PageProps } from "../page-props";
import { asPlanPort, isWorkbookWriter } from "../../ports/workbook-port";

const m = messages.importPage;
const STEPS: ImportStep[] = ["read", "convert", "write"];

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  findings: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  finding: { justifyContent: "flex-start", textAlign: "start", height: "auto", fontWeight: tokens.fontWeightRegular },
});

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export default function ImportPage({ port, onWorkbookChanged }: PageProps) {
  const styles = useStyles();
  const planPort = asPlanPort(port);
  const [state, dispatch] = useReducer(importReducer, initialImportState);
  const { source, survey, choice, loadError, nothingNew, step, result, failure, selectError, revision } = state;

  useEffect(() => {
    if (!planPort) return;
    let live = true;
    readImportSource(planPort)
      .then((s) => {
        try {
          return { s, all: surveySource(s) };
        } catch (e) {
          if (s.rerun && e instanceof ImportError && e.code === "TOM_PROJEKTMAPPE") return { s, all: null };
          throw e;
        }
      })
      .then(
        ({ s, all }) => live && dispatch({ type: "loaded", source: s, survey: all }),
        (e: unknown) => live && dispatch({ type: "loadFailed", message: errorText(e) })
      );
    return () => {
      live = false;
    };
  }, [planPort, revision]);

  const analysis = useMemo(() => analysisOf(source, choice, m.noSheetChosen), [source, choice]);

  if (!planPort) return <Notice text={m.noPort} />;
  if (loadError) return <Notice text={loadError} intent="error" />;
  if (nothingNew) return <Notice text={messages.importGuide.alreadyConverted} />;
  if (!source || !survey || !choice) return <Notice text={m.loading} />;

  const convert = async () => {
    dispatch({ type: "convertStarted" });
    try {
      const done = await runImport(planPort, choice, (s) => dispatch({ type: "step", step: s }));
      const listed = findingItems(done.output.problems);
      dispatch({ type: "converted", result: { summary: importSummary(done), findings: listed.items, more: listed.more } });
      onWorkbookChanged();
    } catch (e) {
      dispatch({ type: "convertFailed", message: m.failed(errorText(e)) });
    } finally {
      dispatch({ type: "convertEnded" });
    }
  };

  const select = async (f: FindingItem) => {
    dispatch({ type: "selectStarted" });
    if (!isWorkbookWriter(port)) return;
    try {
      await port.selectCell(f.sheet, f.cell);
    } catch (e) {
      dispatch({ type: "selectFailed", message: m.selectFailed(errorText(e)) });
    }
  };

  const regions = regionChoices(survey);
  const preview = analysis.value ? previewTable(analysis.value.preview) : null;
  const options = targetOptions();

  return (
    <PageFrame heading={messages.pages.import.heading}>
      <Body1 as="p">{m.intro}</Body1>
      {source.rerun && (
        <MessageBar intent="info">
          <MessageBarBody>{m.rerunNote}</MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby="import-omraader">
        <Subtitle2 as="h3" id="import-omraader">
          {m.regionsHeading}
        </Subtitle2>
        {regions.map((r, i) => (
          <Checkbox
            key={`${r.sheet}-${i}`}
            label={r.label}
            aria-label={m.includeSheet(r.sheet)}
            checked={choice.sheets.includes(r.sheet)}
            onChange={(_, d) => dispatch({ type: "toggleSheet", sheet: r.sheet, on: d.checked === true })}
          />
        ))}
        {survey.sameShape.map((group) => (
          <Body1 key={group.join("|")}>{m.sameShape(group.join(", "))}</Body1>
        ))}
        {offerMerge(survey, choice.sheets) && (
          <Checkbox label={m.merge} checked={choice.merge} onChange={(_, d) => dispatch({ type: "setMerge", on: d.checked === true })} />
        )}
      </section>

      {!source.rerun && (
        <section className={styles.section} aria-labelledby="import-instrumenter">
          <Subtitle2 as="h3" id="import-instrumenter">
            {m.presetsHeading}
          </Subtitle2>
          <Body1>{m.presetsHint}</Body1>
          {Object.keys(INSTRUMENT_PRESETS).map((preset) => (
            <Checkbox
              key={preset}
              label={preset}
              checked={choice.presets.includes(preset)}
              onChange={(_, d) => dispatch({ type: "togglePreset", preset, on: d.checked === true })}
            />
          ))}
          {choice.presets.length === 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>{m.noPresetChosen}</MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}

      {analysis.error && (
        <MessageBar intent="warning">
          <MessageBarBody>{analysis.error}</MessageBarBody>
        </MessageBar>
      )}

      {analysis.value && (
        <section className={styles.section} aria-labelledby="import-kolonner">
          <Subtitle2 as="h3" id="import-kolonner">
            {m.mappingHeading}
          </Subtitle2>
          <Body1>{m.mappingHint}</Body1>
          {groupMappingRows(
            mappingRows(analysis.value.mapping),
            new Map(analysis.value.mapping.columns.map((c) => [`${c.sheet}!${c.letter}`, c.header])),
            survey.sameShape,
            choice.sheets
          ).map((row) => {
            const value = row.target ?? KEEP_VALUE;
            const label = options.find((o) => o.value === value)?.label ?? value;
            return (
              <Field key={row.key} label={row.label} hint={`${m.confidence(row.confidence)}. ${row.reason}`}>
                <Dropdown
                  data-kolonne={row.key}
                  value={label}
                  selectedOptions={[value]}
                  onOptionSelect={(_, d) => d.optionValue !== undefined && dispatch({ type: "chooseTarget", keys: row.keys, value: d.optionValue })}
                >
                  {options.map((o) => (
                    <Option key={o.value} value={o.value} text={o.label}>
                      {o.label}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            );
          })}
          {fillRows(analysis.value.mapping).map((row) => (
            <ChoiceField
              key={row.key}
              label={row.label}
              hint={`${m.confidence(row.confidence)}. ${row.reason}`}
              data={{ "data-farve": row.key }}
              value={row.value}
              options={fillOptions()}
              onChoose={(value) => dispatch({ type: "chooseFill", key: row.key, value })}
            />
          ))}
        </section>
      )}

      {analysis.value && analysis.value.attendanceCodes.length > 0 && (
        <section className={styles.section} aria-labelledby="import-koder">
          <Subtitle2 as="h3" id="import-koder">
            {m.codesHeading}
          </Subtitle2>
          <Body1>{m.codesHint}</Body1>
          {codeRows(analysis.value.attendanceCodes, choice.attendanceCodes).map((row) => (
            <ChoiceField
              key={row.value}
              label={row.label}
              hint={`${m.confidence(row.confidence)}. ${row.reason}`}
              data={{ "data-kode": row.value }}
              value={row.chosen}
              options={codeOptions()}
              onChoose={(status) => dispatch({ type: "chooseCode", value: row.value, status })}
            />
          ))}
        </section>
      )}

      {preview && (
        <section className={styles.section} aria-labelledby="import-forhaand">
          <Subtitle2 as="h3" id="import-forhaand">
            {m.previewHeading}
          </Subtitle2>
          {preview.rows.length === 0 ? <Body1>{m.previewEmpty}</Body1> : <PreviewCards headers={preview.headers} rows={preview.rows} />}
        </section>
      )}

      <Button appearance="primary" disabled={step !== null || !analysis.value || (!source.rerun && choice.presets.length === 0)} onClick={() => void convert()}>
        {source.rerun ? m.reconvert : m.convert}
      </Button>
      {step && (
        <Field label={m.steps[step]} validationState="none">
          <ProgressBar value={(STEPS.indexOf(step) + 1) / (STEPS.length + 1)} aria-label={m.steps[step]} />
        </Field>
      )}
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}

      {result && (
        <section className={styles.section} aria-labelledby="import-resultat">
          <Subtitle2 as="h3" id="import-resultat">
            {m.resultHeading}
          </Subtitle2>
          <MessageBar intent={result.summary.errors > 0 ? "warning" : "success"} role="status" data-testid="import-result">
            <MessageBarBody>
              {result.summary.lines.map((l) => (
                <div key={l}>{l}</div>
              ))}
            </MessageBarBody>
          </MessageBar>
          {result.findings.length > 0 && (
            <>
              <Subtitle2 as="h3" id="import-fund">
                {m.findingsHeading}
              </Subtitle2>
              <Body1>{m.findingsHint}</Body1>
              <ul className={styles.findings} aria-labelledby="import-fund">
                {result.findings.map((f) => (
                  <li key={f.id}>
                    <Button appearance="subtle" size="small" className={styles.finding} onClick={() => void select(f)}>
                      {f.text}
                    </Button>
                  </li>
                ))}
              </ul>
              {result.more > 0 && <Body1>{m.moreFindings(result.more)}</Body1>}
            </>
          )}
          {selectError && (
            <MessageBar intent="error">
              <MessageBarBody>{selectError}</MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}
    </PageFrame>
  );
}

/** A proposed reading (a colour's meaning, an attendance code's status) that the user confirms or changes. */
function ChoiceField(props: {
  label: string;
  hint: string;
  /** The field's data attribute, by which tests and styles find it. */
  data: Record<string, string>;
  value: string;
  options: readonly TargetOption[];
  onChoose: (value: string) => void;
}) {
  const { label, hint, data, value, options, onChoose } = props;
  return (
    <Field label={label} hint={hint}>
      <Dropdown
        {...data}
        value={options.find((o) => o.value === value)?.label ?? value}
        selectedOptions={[value]}
        onOptionSelect={(_, d) => d.optionValue !== undefined && onChoose(d.optionValue)}
      >
        {options.map((o) => (
          <Option key={o.value} value={o.value} text={o.label}>
            {o.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

function Notice({ text, intent = "info" }: { text: string; intent?: "info" | "error" }) {
  return (
    <PageFrame heading={messages.pages.import.heading}>
      <MessageBar intent={intent}>
        <MessageBarBody>{text}</MessageBarBody>
      </MessageBar>
    </PageFrame>
  );
}
