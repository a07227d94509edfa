// The attendance page: choose a unit and a day, set each citizen's status with one key or click (or
// "alle øvrige mødt"), and save. An earlier registration of the same citizen and day is replaced after
// the user confirms, never duplicated. The rules and rows live in forms/attendance-form.ts.
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { danishDate } from "../../domain/dates";
import { dateFieldSerial, todayFieldValue } from "../forms/field-values";
import { TABLES } from "../../workbook/contract";
import { AttendanceList, type AttendanceListRow } from "../components/AttendanceList";
import { DateField, SelectField } from "../components/fields";
import { FormFeedback, type Feedback } from "../components/FormFeedback";
import { useFormStyles } from "../components/form-styles";
import { FormPage } from "../components/FormPage";
import { dayKind, dayKindText, holidayRowsFor, markAllMet, metStatus, planAttendance, registrationsOn, type AttendancePlan } from "../forms/attendance-form";
import { activeCasesOn, caseLabel, casesFrom } from "../forms/cases";
import type { FormSetup } from "../forms/setup";
import { messages } from "../messages";
import type { PageProps } from "../page-props";
import type { TableContents, WorkbookWriter } from "../workbook-port";

const TABLE_NAMES = [TABLES.sager, TABLES.fremmoede];

export default function FremmoedePage(props: PageProps) {
  return (
    <FormPage {...props} heading={messages.pages.fremmoede.heading} tables={TABLE_NAMES}>
      {(form) => (
        <AttendanceForm
          setup={form.setup}
          sager={form.table(TABLES.sager)}
          fremmoede={form.table(TABLES.fremmoede)}
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
  fremmoede: TableContents | null;
  writer: WorkbookWriter;
  onSaved: () => Promise<void>;
}


function AttendanceForm({ setup, sager, fremmoede, writer, onSaved }: FormProps) {
  const m = messages.attendanceForm;
  const styles = useFormStyles();
  const cases = useMemo(() => casesFrom(sager), [sager]);
  const [unit, setUnit] = useState("");
  const [dato, setDato] = useState(todayFieldValue());
  /** Statuses set in this form, by Sags-ID; the day's earlier registrations show until changed. */
  const [entries, setEntries] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState<Feedback>({ kind: "none" });
  const [confirming, setConfirming] = useState<AttendancePlan | null>(null);

  const day = dateFieldSerial(dato);
  const existing = useMemo(() => (day === null ? new Map() : registrationsOn(fremmoede, day, setup.statuses)), [fremmoede, day, setup.statuses]);
  const dayCases = day === null || unit === "" ? [] : activeCasesOn(cases, day, unit);
  const rows: AttendanceListRow[] = dayCases.map((c) => {
    const before = existing.get(c.sagsId.toLowerCase());
    return { sagsId: c.sagsId, label: caseLabel(c), status: entries[c.sagsId] ?? before?.status ?? "", registered: before !== undefined };
  });
  const current = Object.fromEntries(rows.map((r) => [r.sagsId, r.status]));
  const note = day === null ? null : dayKindText(dayKind(day, setup.holidays));
  const met = metStatus(setup.statuses);
  const codes = setup.statuses.map((s) => s.kode).filter(Boolean).join(", ");

  const reset = (patch: () => void) => {
    patch();
    setEntries({});
    setFeedback({ kind: "none" });
  };

  const write = async (plan: AttendancePlan) => {
    setConfirming(null);
    if (!plan.change || day === null) return;
    setFeedback({ kind: "working", text: messages.forms.saving });
    try {
      // A day in a year Helligdage does not hold yet brings that year's holidays (and the next year's).
      const holidayRows = holidayRowsFor(day, setup.holidays);
      await writer.saveRows(holidayRows ? [plan.change, holidayRows] : [plan.change]);
      await onSaved();
      setEntries({});
      setFeedback({ kind: "saved", text: m.saved(plan.appended, plan.replaced.length, danishDate(day)) });
    } catch (err) {
      setFeedback({ kind: "error", text: messages.forms.saveFailed(err instanceof Error ? err.message : String(err)) });
    }
  };

  const save = async () => {
    if (day === null) {
      setFeedback({ kind: "error", text: messages.forms.invalidDate });
      return;
    }
    const plan = planAttendance(current, day, existing, setup.statuses);
    const problems = Object.values(plan.errors);
    if (problems.length > 0) {
      setFeedback({ kind: "error", text: `${messages.forms.fixErrors} ${problems[0]}` });
      return;
    }
    if (!plan.change) {
      setFeedback({ kind: "error", text: m.nothingToSave });
      return;
    }
    if (plan.replaced.length > 0) setConfirming(plan);
    else await write(plan);
  };

  const registeredCount = rows.filter((r) => r.status !== "").length;
  return (
    <div className={styles.form}>
      <SelectField label={m.unit} value={unit} options={setup.units} onChange={(v) => reset(() => setUnit(v))} />
      <DateField label={m.dato} required value={dato} error={day === null ? messages.forms.invalidDate : undefined} onChange={(v) => reset(() => setDato(v))} />
      {note && (
        <MessageBar intent="warning">
          <MessageBarBody data-testid="day-note">{note}</MessageBarBody>
        </MessageBar>
      )}
      {unit === "" ? (
        <Body1 as="p" className={styles.note}>
          {m.chooseUnit}
        </Body1>
      ) : rows.length === 0 ? (
        <Body1 as="p" className={styles.note}>
          {m.noCases}
        </Body1>
      ) : (
        <>
          <Body1 as="p" className={styles.note}>
            {m.keysHint(codes)}
          </Body1>
          <AttendanceList
            label={m.listLabel(unit, day === null ? dato : danishDate(day))}
            rows={rows}
            statuses={setup.statuses}
            onSet={(sagsId, status) => setEntries((e) => ({ ...e, [sagsId]: status }))}
          />
          <div className={styles.actions}>
            <Button disabled={met === null} onClick={() => met && setEntries((e) => markAllMet({ ...current, ...e }, rows.map((r) => r.sagsId), met))}>
              {m.allMet}
            </Button>
            <Body1 aria-live="polite" data-testid="attendance-count">
              {m.registered(registeredCount, rows.length)}
            </Body1>
          </div>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={feedback.kind === "working"} onClick={() => void save()}>
              {messages.forms.save}
            </Button>
          </div>
        </>
      )}
      <FormFeedback feedback={feedback} />
      <Dialog open={confirming !== null} onOpenChange={(_, d) => !d.open && setConfirming(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{m.confirmTitle}</DialogTitle>
            <DialogContent>{confirming && m.confirmText(confirming.replaced.length)}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => confirming && void write(confirming)}>
                {m.confirm}
              </Button>
              <Button onClick={() => setConfirming(null)}>{messages.forms.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
