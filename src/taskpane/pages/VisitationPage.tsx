// The visitation page: register an enquiry and its decision, or correct an earlier one. The rules and the
// rows it writes live in forms/visitation-form.ts; this component holds the draft and shows it.
import { Body1, Button, Checkbox, Field } from "@fluentui/react-components";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { DateField, SelectField, TextAreaField, TextField } from "../components/fields";
import { FormFeedback, type Feedback } from "../components/FormFeedback";
import { useFormStyles } from "../components/form-styles";
import { focusFirstError } from "../components/focus-first-error";
import { preventEnterSubmit } from "../components/enter-guard";
import { FormPage } from "../components/FormPage";
import { caseLabel, casesFrom } from "../forms/cases";
import {
  EMPTY_VISITATION,
  draftOf,
  draftTimes,
  validateVisitationDraft,
  visitationChanges,
  visitationOption,
  visitationSavedText,
  visitationsFrom,
  type VisitationDraft,
  type VisitationErrors,
} from "../forms/visitation-form";
import type { FormSetup } from "../forms/setup";
import { messages } from "../messages";
import type { PageProps } from "../page-props";
import type { TableContents, WorkbookWriter } from "../../ports/workbook-port";
import { TABLES } from "../../workbook/contract";

const TABLE_NAMES = [TABLES.visitationer, TABLES.sager];

export default function VisitationPage(props: PageProps) {
  return (
    <FormPage {...props} heading={messages.pages.visitation.heading} tables={TABLE_NAMES}>
      {(form) => (
        <VisitationForm
          setup={form.setup}
          visitationer={form.table(TABLES.visitationer)}
          sager={form.table(TABLES.sager)}
          writer={form.writer}
          onSaved={form.onSaved}
        />
      )}
    </FormPage>
  );
}

interface FormProps {
  setup: FormSetup;
  visitationer: TableContents | null;
  sager: TableContents | null;
  writer: WorkbookWriter;
  onSaved: () => Promise<void>;
}

function VisitationForm({ setup, visitationer, sager, writer, onSaved }: FormProps) {
  const m = messages.visitationForm;
  const styles = useFormStyles();
  const formRef = useRef<HTMLFormElement>(null);
  const visitations = useMemo(() => visitationsFrom(visitationer), [visitationer]);
  const cases = useMemo(() => casesFrom(sager), [sager]);
  const [editing, setEditing] = useState<string>("");
  const [draft, setDraft] = useState<VisitationDraft>(EMPTY_VISITATION);
  const [errors, setErrors] = useState<VisitationErrors>({});
  const [feedback, setFeedback] = useState<Feedback>({ kind: "none" });
  const edited = visitations.find((v) => v.visitationsId === editing) ?? null;

  const set =
    <K extends keyof VisitationDraft>(key: K) =>
    (value: VisitationDraft[K]) => {
      setDraft((d) => ({ ...d, [key]: value }));
      setErrors((e) => ({ ...e, [key]: undefined }));
    };

  const choose = (id: string) => {
    setEditing(id);
    const v = visitations.find((x) => x.visitationsId === id);
    setDraft(v ? draftOf(v) : EMPTY_VISITATION);
    setErrors({});
    setFeedback({ kind: "none" });
  };

  const times = draftTimes(draft, cases);
  const days = (n: number | null) => (n === null ? messages.forms.notYet : messages.forms.days(n));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = validateVisitationDraft(draft, { setup, cases, visitations, editing: edited });
    if (!result.ok) {
      setErrors(result.errors);
      setFeedback({ kind: "error", text: messages.forms.fixErrors });
      requestAnimationFrame(() => focusFirstError(formRef.current));
      return;
    }
    setFeedback({ kind: "working", text: messages.forms.saving });
    try {
      await writer.saveRows(visitationChanges(result.save, edited?.index ?? null, edited));
      const text = visitationSavedText(result.save, edited !== null);
      await onSaved();
      setEditing("");
      setDraft(EMPTY_VISITATION);
      setErrors({});
      setFeedback({ kind: "saved", text });
    } catch (err) {
      setFeedback({ kind: "error", text: messages.forms.saveFailed(err instanceof Error ? err.message : String(err)) });
    }
  };

  const linked = draft.sagsId !== "";
  const recent = [...visitations].sort((a, b) => b.henvendelsesdato - a.henvendelsesdato);
  return (
    <form ref={formRef} className={styles.form} onSubmit={submit} onKeyDown={preventEnterSubmit} noValidate aria-label={messages.pages.visitation.heading}>
      <SelectField
        label={m.edit}
        hint={m.editHint}
        value={editing}
        placeholder={messages.forms.newEntry}
        options={recent.map((v) => ({ value: v.visitationsId, label: visitationOption(v, cases) }))}
        onChange={choose}
      />
      <DateField label={m.henvendelsesdato} required value={draft.henvendelsesdato} error={errors.henvendelsesdato} onChange={set("henvendelsesdato")} />
      <SelectField label={m.henviser} value={draft.henviser} options={setup.lists.Henviser ?? []} error={errors.henviser} onChange={set("henviser")} />
      <SelectField
        label={m.lovgrundlag}
        value={draft.lovgrundlag}
        options={setup.lists.Lovgrundlag ?? []}
        error={errors.lovgrundlag}
        onChange={set("lovgrundlag")}
      />
      <SelectField label={m.oensketEnhed} value={draft.oensketEnhed} options={setup.units} error={errors.oensketEnhed} onChange={set("oensketEnhed")} />
      <SelectField label={m.pladstype} value={draft.pladstype} options={setup.lists.Pladstype ?? []} error={errors.pladstype} onChange={set("pladstype")} />
      <SelectField
        label={m.beslutning}
        value={draft.beslutning}
        options={setup.lists.Beslutning ?? []}
        error={errors.beslutning}
        onChange={set("beslutning")}
      />
      <DateField label={m.beslutningsdato} value={draft.beslutningsdato} error={errors.beslutningsdato} onChange={set("beslutningsdato")} />
      <TextAreaField label={m.begrundelse} hint={m.begrundelseHint} value={draft.begrundelse} error={errors.begrundelse} onChange={set("begrundelse")} />
      <Field validationMessage={errors.klagevejledningGivet} validationState={errors.klagevejledningGivet ? "error" : "none"}>
        <Checkbox label={m.klagevejledning} checked={draft.klagevejledningGivet} onChange={(_, d) => set("klagevejledningGivet")(d.checked === true)} />
      </Field>
      <DateField label={m.forventetStart} value={draft.forventetStart} error={errors.forventetStart} onChange={set("forventetStart")} />

      <fieldset className={styles.group}>
        <legend className={styles.legend}>{m.caseHeading}</legend>
        <SelectField
          label={m.sagsId}
          hint={m.sagsIdHint}
          value={draft.sagsId}
          placeholder={m.newCase}
          options={cases.map((c) => ({ value: c.sagsId, label: caseLabel(c) }))}
          error={errors.sagsId}
          onChange={set("sagsId")}
        />
        {(!linked || draft.navn !== "") && <TextField label={m.navn} value={draft.navn} error={errors.navn} onChange={set("navn")} />}
        {(!linked || draft.cpr !== "") && <TextField label={m.cpr} value={draft.cpr} error={errors.cpr} onChange={set("cpr")} />}
      </fieldset>
      <TextAreaField label={m.maal} value={draft.maal} error={errors.maal} onChange={set("maal")} />

      <Body1 as="p" aria-live="polite" data-testid="visitation-times">
        {m.sagsbehandlingstid}: {days(times.sagsbehandlingstid)} · {m.ventetid}: {days(times.ventetid)}
      </Body1>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={feedback.kind === "working"}>
          {messages.forms.save}
        </Button>
      </div>
      <FormFeedback feedback={feedback} />
    </form>
  );
}
