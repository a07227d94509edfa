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
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import { danishDate } from "../../domain/dates";
import { dateFieldSerial, todayFieldValue } from "../forms/field-values";
import { TABLES } from "../../workbook/contract";
import { AttendanceBar } from "../components/AttendanceBar";
import { AttendanceList, type AttendanceListRow } from "../components/AttendanceList";
import { jumpTarget } from "../forms/attendance-jump";
import { DateField, SelectField } from "../components/fields";
import { FormFeedback, type Feedback } from "../components/FormFeedback";
import { useFocusRing } from "../components/focus-ring";
import { useFormStyles } from "../components/form-styles";
import { FormPage } from "../components/FormPage";
import { dayKind, dayKindText, holidayRowsFor, markAllMet, metStatus, planAttendance, registrationsOn, type AttendancePlan } from "../forms/attendance-form";
import { activeCasesOn, caseLabel, casesFrom } from "../forms/cases";
import type { FormSetup } from "../forms/setup";
import { messages } from "../messages";
import type { PageProps } from "../page-props";
import type { TableContents, WorkbookWriter } from "../../ports/workbook-port";

const TABLE_NAMES = [TABLES.sager, TABLES.fremmoede];

const useStyles = makeStyles({
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
});

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
  const g = messages.attendanceGuide;
  const styles = { ...useFormStyles(), ...useStyles() };
  const focusRing = useFocusRing().ring;
  const listBox = useRef<HTMLDivElement>(null);
  const jumpRef = useRef<HTMLInputElement>(null);
  const [jump, setJump] = useState("");
  const [dateLeft, setDateLeft] = useState(false);
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
  const codes = setup.statuses
    .map((s) => s.kode)
    .filter(Boolean)
    .join(", ");

  const labels = rows.map((r) => r.label);
  const jumpIndex = jumpTarget(labels, jump);
  const rowAt = (i: number) => listBox.current?.querySelectorAll<HTMLElement>('[role="radiogroup"]')[i] ?? null;
  /** Bring the matching citizen into view while typing; Enter puts the focus on their statuses. */
  const onJumpChange = (q: string) => {
    setJump(q);
    const i = jumpTarget(labels, q);
    if (i >= 0) rowAt(i)?.scrollIntoView({ block: "center" });
  };
  const goToRow = () => {
    const row = jumpIndex >= 0 ? rowAt(jumpIndex) : null;
    if (!row) return;
    const target = row.querySelector<HTMLElement>('[aria-checked="true"]') ?? row.querySelector<HTMLElement>('[role="radio"]');
    target?.focus();
  };

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
      setFeedback({ kind: "error", text: rows.some((r) => r.status !== "") ? g.nothingChanged(danishDate(day)) : g.nothingSet });
      return;
    }
    if (plan.replaced.length > 0) setConfirming(plan);
    else await write(plan);
  };

  const registeredCount = rows.filter((r) => r.status !== "").length;
  return (
    <div className={styles.form}>
      <SelectField label={m.unit} value={unit} options={setup.units} onChange={(v) => reset(() => setUnit(v))} />
      <DateField
        label={m.dato}
        required
        hint={g.dateHint}
        value={dato}
        error={day === null && dateLeft ? messages.forms.invalidDate : undefined}
        onChange={(v) =>
          reset(() => {
            setDato(v);
            setDateLeft(false);
          })
        }
        onBlurred={() => setDateLeft(true)}
      />
      {note && (
        <MessageBar intent="warning">
          <MessageBarBody data-testid="day-note">{note}</MessageBarBody>
        </MessageBar>
      )}
      {unit === "" ? (
        <Body1 as="p" className={styles.note}>
          {m.chooseUnit}
        </Body1>
      ) : day === null ? (
        <Body1 as="p" className={styles.note}>
          {g.typingDate}
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
          <ul className={styles.legend} aria-label={g.legendLabel} data-testid="status-legend">
            {setup.statuses
              .filter((s) => s.kode !== "")
              .map((s) => (
                <li key={s.status}>
                  <Body1>{g.legendItem(s.kode, s.status)}</Body1>
                </li>
              ))}
          </ul>
          <Field
            label={g.jump}
            hint={g.jumpHint}
            validationState={jump.trim() !== "" && jumpIndex < 0 ? "warning" : "none"}
            validationMessage={jump.trim() !== "" && jumpIndex < 0 ? g.noJumpMatch : undefined}
          >
            <Input
              className={focusRing}
              ref={jumpRef}
              value={jump}
              autoComplete="off"
              onChange={(_, d) => onJumpChange(d.value)}
              onFocus={(e) => e.currentTarget.select()}
              onKeyDown={(e) => {
                if (e.key !== "Enter") return;
                e.preventDefault();
                goToRow();
              }}
            />
          </Field>
          <div ref={listBox}>
            <AttendanceList
              label={m.listLabel(unit, danishDate(day))}
              rows={rows}
              statuses={setup.statuses}
              onSet={(sagsId, status) => setEntries((e) => ({ ...e, [sagsId]: status }))}
              onJumpKey={() => jumpRef.current?.focus()}
            />
          </div>
          <AttendanceBar
            unit={unit}
            date={danishDate(day)}
            registered={registeredCount}
            total={rows.length}
            canMarkAll={met !== null}
            saving={feedback.kind === "working"}
            feedback={feedback}
            onAllMet={() =>
              met &&
              setEntries((e) =>
                markAllMet(
                  { ...current, ...e },
                  rows.map((r) => r.sagsId),
                  met
                )
              )
            }
            onSave={() => void save()}
          />
        </>
      )}
      {(unit === "" || day === null || rows.length === 0) && <FormFeedback feedback={feedback} />}
      <Dialog open={confirming !== null} onOpenChange={(_, d) => !d.open && setConfirming(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{m.confirmTitle}</DialogTitle>
            <DialogContent>
              {confirming &&
                day !== null &&
                g.confirmText(
                  confirming.replaced.map((id) => rows.find((r) => r.sagsId === id)?.label ?? id),
                  danishDate(day)
                )}
            </DialogContent>
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
