// The status-measurement page: choose an active citizen, a date and an instrument, score each dimension
// beside its previous score, and score the GAS goals with the T-score shown as they change. The rules and
// the rows it writes live in forms/status-form.ts.
import { Body1, Button, Checkbox, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { danishDate } from "../../domain/dates";
import { GAS_SCORES } from "../../domain/gas";
import { TABLES } from "../../workbook/contract";
import { DateField, SelectField, TextField, TextAreaField } from "../components/fields";
import { FormFeedback, type Feedback } from "../components/FormFeedback";
import { focusFirstError } from "../components/focus-first-error";
import { preventEnterSubmit } from "../components/enter-guard";
import { useFormStyles } from "../components/form-styles";
import { FormPage } from "../components/FormPage";
import { activeCasesOn, caseLabel, casesFrom, findCase, searchCases } from "../forms/cases";
import type { FormSetup } from "../forms/setup";
import {
  defaultInstrument,
  dimensionsOf,
  draftHasInput,
  draftTScore,
  emptyDimensions,
  goalDrafts,
  goalField,
  goalsFrom,
  instrumentNames,
  measurementDates,
  measurementsFrom,
  previousScore,
  scaleText,
  scoreField,
  scoresOn,
  signed,
  statusChanges,
  statusSavedText,
  validateStatusDraft,
  type StatusDraft,
  type StatusErrors,
} from "../forms/status-form";
import { dateFieldSerial, dateFieldValue, parseNumberField, todayFieldValue } from "../forms/field-values";
import { messages } from "../messages";
import type { PageProps } from "../page-props";
import type { TableContents, WorkbookWriter } from "../../ports/workbook-port";

const TABLE_NAMES = [TABLES.sager, TABLES.statusmaalinger, TABLES.maal];

const useStyles = makeStyles({
  dimension: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS },
  goal: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalS },
});

export default function StatusmaalingPage(props: PageProps) {
  return (
    <FormPage {...props} heading={messages.pages.statusmaaling.heading} tables={TABLE_NAMES}>
      {(form) => (
        <StatusForm
          setup={form.setup}
          sager={form.table(TABLES.sager)}
          maalinger={form.table(TABLES.statusmaalinger)}
          maal={form.table(TABLES.maal)}
          writer={form.writer}
          onSaved={form.onSaved}
        />
      )}
    </FormPage>
  );
}

interface FormProps {
  setup: FormSetup;
  sager: TableContents | null;
  maalinger: TableContents | null;
  maal: TableContents | null;
  writer: WorkbookWriter;
  onSaved: () => Promise<void>;
}

function emptyDraft(dato: string): StatusDraft {
  return { sagsId: "", dato, instrument: "", editingDate: null, scores: {}, notRelevant: {}, bemaerkning: "", registreretAf: "", goals: [] };
}

function StatusForm({ setup, sager, maalinger, maal, writer, onSaved }: FormProps) {
  const m = messages.statusForm;
  const styles = { ...useFormStyles(), ...useStyles() };
  const formRef = useRef<HTMLFormElement>(null);
  const cases = useMemo(() => casesFrom(sager), [sager]);
  const measurements = useMemo(() => measurementsFrom(maalinger), [maalinger]);
  const goals = useMemo(() => goalsFrom(maal), [maal]);
  const instruments = useMemo(() => instrumentNames(setup.instruments), [setup.instruments]);
  const [query, setQuery] = useState("");
  const [draft, setDraft] = useState<StatusDraft>(() => emptyDraft(todayFieldValue()));
  const [errors, setErrors] = useState<StatusErrors>({});
  const [feedback, setFeedback] = useState<Feedback>({ kind: "none" });
  /** A switch of citizen or instrument waiting for the user's answer, because it would discard typed input. */
  const [pending, setPending] = useState<{ kind: "case" | "instrument"; value: string } | null>(null);
  /** The empty dimensions the user was told about; saving again with the same ones saves without them. */
  const [askedEmpty, setAskedEmpty] = useState<string | null>(null);

  const day = dateFieldSerial(draft.dato);
  const active = day === null ? cases : activeCasesOn(cases, day);
  const matches = searchCases(active, query);
  const dims = dimensionsOf(setup.instruments, draft.instrument);
  const chosen = findCase(cases, draft.sagsId);

  const dirty = draftHasInput(draft, goals);

  const update = (patch: Partial<StatusDraft>, clear: string[] = []) => {
    setAskedEmpty(null);
    setDraft((d) => ({ ...d, ...patch }));
    if (clear.length) setErrors((e) => ({ ...e, ...Object.fromEntries(clear.map((k) => [k, undefined])) }));
  };

  /** A new citizen: their usual instrument, their goals from Mål, no scores yet. */
  const chooseCase = (sagsId: string) => {
    setDraft((d) => ({
      ...emptyDraft(d.dato),
      sagsId,
      instrument: sagsId ? defaultInstrument(measurements, sagsId, instruments) : "",
      goals: sagsId ? goalDrafts(goals, sagsId) : [],
      registreretAf: d.registreretAf,
    }));
    setErrors({});
    setPending(null);
    setAskedEmpty(null);
  };

  const chooseInstrument = (instrument: string) => {
    update({ instrument, editingDate: null, scores: {}, notRelevant: {} });
    setPending(null);
  };

  /** Switch citizen or instrument at once, or ask first when typed input would be lost. */
  const requestCase = (sagsId: string) => {
    if (sagsId === draft.sagsId) return;
    if (dirty) setPending({ kind: "case", value: sagsId });
    else chooseCase(sagsId);
  };
  const requestInstrument = (instrument: string) => {
    if (instrument === draft.instrument) return;
    if (Object.values(draft.scores).some((v) => v.trim() !== "") || Object.values(draft.notRelevant).some(Boolean))
      setPending({ kind: "instrument", value: instrument });
    else chooseInstrument(instrument);
  };

  // The search narrows the list; the chosen citizen stays while they still match, and typed input is never
  // discarded without asking.
  const search = (q: string) => {
    setQuery(q);
    const found = searchCases(active, q);
    if (found.some((c) => c.sagsId === draft.sagsId)) return;
    if (found[0]) requestCase(found[0].sagsId);
    else if (!dirty) chooseCase("");
  };

  const chooseEdit = (value: string) => {
    const dato = value === "" ? null : Number(value);
    if (dato === null) {
      update({ editingDate: null, scores: {}, notRelevant: {}, bemaerkning: "" });
      return;
    }
    const loaded = scoresOn(measurements, draft.sagsId, dims, dato);
    update({ editingDate: dato, dato: dateFieldValue(dato), ...loaded });
    setErrors({});
  };

  const tScore = draftTScore(draft.goals);

  const submit = async (e?: FormEvent, withoutEmpty = false) => {
    e?.preventDefault();
    const result = validateStatusDraft(draft, { dimensions: dims, measurements, goals });
    if (!result.ok) {
      setErrors(result.errors);
      setFeedback({ kind: "error", text: messages.forms.fixErrors });
      requestAnimationFrame(() => focusFirstError(formRef.current));
      return;
    }
    // A partly filled measurement: name the empty dimensions before saving without them.
    const empty = emptyDimensions(draft, dims);
    const scored = empty.length < dims.length;
    if (scored && empty.length > 0 && !withoutEmpty && askedEmpty !== empty.join("\n")) {
      setAskedEmpty(empty.join("\n"));
      setFeedback({ kind: "error", text: m.emptyDimensions(empty) });
      return;
    }
    setAskedEmpty(null);
    setFeedback({ kind: "working", text: messages.forms.saving });
    try {
      await writer.saveRows(statusChanges(result.save));
      const text = statusSavedText(result.save, chosen ? caseLabel(chosen) : draft.sagsId);
      await onSaved();
      setDraft((d) => ({ ...emptyDraft(d.dato), registreretAf: d.registreretAf }));
      setQuery("");
      setErrors({});
      setFeedback({ kind: "saved", text });
    } catch (err) {
      setFeedback({ kind: "error", text: messages.forms.saveFailed(err instanceof Error ? err.message : String(err)) });
    }
  };

  const editDates = draft.sagsId && draft.instrument ? measurementDates(measurements, draft.sagsId, draft.instrument) : [];
  const gasOptions = GAS_SCORES.map((s, i) => ({ value: String(s), label: m.gasLevels[i] }));

  return (
    <form ref={formRef} className={styles.form} onSubmit={submit} onKeyDown={preventEnterSubmit} noValidate aria-label={messages.pages.statusmaaling.heading}>
      <DateField label={m.dato} required value={draft.dato} error={errors.dato} onChange={(v) => update({ dato: v }, ["dato"])} />
      <TextField label={m.search} value={query} onChange={search} />
      <SelectField
        label={m.citizen}
        value={draft.sagsId}
        hint={matches.length === 0 ? m.noMatches : undefined}
        options={[...(chosen && !matches.includes(chosen) ? [chosen] : []), ...matches].map((c) => ({ value: c.sagsId, label: caseLabel(c) }))}
        error={errors.sagsId}
        onChange={requestCase}
      />
      <SelectField label={m.instrument} value={draft.instrument} options={instruments} onChange={requestInstrument} />
      {pending && (
        <MessageBar intent="warning" layout="multiline" data-testid="switch-question">
          <MessageBarBody>
            {pending.kind === "case"
              ? m.switchCase(
                  chosen ? caseLabel(chosen) : draft.sagsId,
                  (() => {
                    const to = findCase(cases, pending.value);
                    return to ? caseLabel(to) : pending.value;
                  })()
                )
              : m.switchInstrument(draft.instrument, pending.value)}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => (pending.kind === "case" ? chooseCase(pending.value) : chooseInstrument(pending.value))}>{m.switchConfirm}</Button>
            <Button appearance="primary" onClick={() => setPending(null)}>
              {m.switchKeep}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {editDates.length > 0 && (
        <SelectField
          label={m.edit}
          value={draft.editingDate === null ? "" : String(draft.editingDate)}
          placeholder={m.editNew}
          options={editDates.map((d) => ({ value: String(d), label: m.editOption(danishDate(d)) }))}
          onChange={chooseEdit}
        />
      )}

      {dims.length > 0 && (
        <fieldset className={styles.group}>
          <legend className={styles.legend}>{m.dimensionsHeading}</legend>
          {dims.map((d) => {
            const before = day === null || !draft.sagsId ? null : previousScore(measurements, draft.sagsId, d, draft.editingDate ?? day);
            const now = parseNumberField(draft.scores[d.dimension] ?? "");
            const notRelevant = draft.notRelevant[d.dimension] === true;
            const change = before && now.ok && now.value !== null && !notRelevant ? m.change(signed(now.value - before.score)) : "";
            const field = scoreField(d.dimension);
            return (
              <div key={d.dimension} className={styles.dimension}>
                <TextField
                  label={d.dimension}
                  hint={`${scaleText(d)}. ${before ? m.previous(String(before.score).replace(".", ","), danishDate(before.dato)) : m.noPrevious}${change ? `. ${change}` : ""}`}
                  inputMode="numeric"
                  value={notRelevant ? "" : (draft.scores[d.dimension] ?? "")}
                  error={errors[field]}
                  onChange={(v) => update({ scores: { ...draft.scores, [d.dimension]: v } }, [field])}
                />
                {d.ikkeRelevant !== null && (
                  <Checkbox
                    label={m.ikkeRelevant}
                    aria-label={`${d.dimension}: ${m.ikkeRelevant.toLowerCase()}`}
                    checked={notRelevant}
                    onChange={(_, c) => update({ notRelevant: { ...draft.notRelevant, [d.dimension]: c.checked === true } }, [field])}
                  />
                )}
              </div>
            );
          })}
        </fieldset>
      )}
      <TextAreaField label={m.bemaerkning} value={draft.bemaerkning} onChange={(v) => update({ bemaerkning: v })} />
      <TextField label={m.registreretAf} value={draft.registreretAf} onChange={(v) => update({ registreretAf: v })} />

      {draft.sagsId && (
        <fieldset className={styles.group}>
          <legend className={styles.legend}>{m.goalsHeading}</legend>
          {draft.goals.map((g, i) => {
            const setGoal = (patch: Partial<typeof g>, part: "maal" | "vaegt" | "score") =>
              update({ goals: draft.goals.map((x, j) => (j === i ? { ...x, ...patch } : x)) }, [goalField(i, part)]);
            return (
              <div key={i} className={styles.goal}>
                <TextField label={m.goalText(i + 1)} value={g.maal} error={errors[goalField(i, "maal")]} onChange={(v) => setGoal({ maal: v }, "maal")} />
                <div className={styles.row}>
                  <TextField
                    label={m.goalWeight(i + 1)}
                    inputMode="numeric"
                    value={g.vaegt}
                    error={errors[goalField(i, "vaegt")]}
                    onChange={(v) => setGoal({ vaegt: v }, "vaegt")}
                  />
                  <SelectField
                    label={m.goalScore(i + 1)}
                    value={g.score}
                    options={gasOptions}
                    placeholder={messages.forms.none}
                    error={errors[goalField(i, "score")]}
                    onChange={(v) => setGoal({ score: v }, "score")}
                  />
                </div>
              </div>
            );
          })}
          <div className={styles.actions}>
            <Button onClick={() => update({ goals: [...draft.goals, { index: null, maal: "", vaegt: "1", score: "" }] })}>{m.addGoal}</Button>
            <Body1 aria-live="polite" data-testid="gas-tscore">
              {tScore === null ? m.noTScore : m.tScore(tScore.toFixed(2).replace(".", ","))}
            </Body1>
          </div>
        </fieldset>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={feedback.kind === "working"}>
          {messages.forms.save}
        </Button>
      </div>
      <FormFeedback feedback={feedback} />
      {askedEmpty !== null && (
        <div className={styles.actions}>
          <Button onClick={() => void submit(undefined, true)}>{m.saveWithoutEmpty}</Button>
        </div>
      )}
    </form>
  );
}
