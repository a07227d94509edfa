// Labelled form controls with their error beside them: Fluent's Field gives each control its label (for
// screen readers and getByLabel) and shows the validation message under it, marked aria-invalid.
import { Field, Input, Select, Textarea, makeStyles, mergeClasses } from "@fluentui/react-components";
import { dateFieldSerial, dateFieldValue } from "../forms/field-values";
import { messages } from "../messages";
import { useFocusRing } from "./focus-ring";

// A long option (an earlier visitation) must not widen the narrow task pane.
const useStyles = makeStyles({ select: { width: "100%", minWidth: 0, maxWidth: "100%" } });

interface Common {
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
}

function fieldProps({ label, error, hint, required }: Common) {
  return { label, hint, required, validationMessage: error, validationState: error ? ("error" as const) : ("none" as const) };
}

export function TextField(props: Common & { value: string; onChange: (v: string) => void; inputMode?: "numeric" | "text" }) {
  return (
    <Field {...fieldProps(props)}>
      <Input className={useFocusRing().ring} value={props.value} inputMode={props.inputMode} onChange={(_, d) => props.onChange(d.value)} />
    </Field>
  );
}

/** A date typed the Danish way (see parseDateField); the hint shows the expected form. */
export function DateField(props: Common & { value: string; onChange: (v: string) => void; onBlurred?: () => void }) {
  return (
    <Field {...fieldProps({ ...props, hint: props.hint ?? messages.forms.dateHint })}>
      <Input
        className={useFocusRing().ring}
        value={props.value}
        inputMode="numeric"
        autoComplete="off"
        onChange={(_, d) => props.onChange(d.value)}
        // Show a date typed as "1/2-25" or "01022025" the way the sheet shows it, once the user moves on.
        onBlur={() => {
          const serial = dateFieldSerial(props.value);
          if (serial !== null && dateFieldValue(serial) !== props.value) props.onChange(dateFieldValue(serial));
          props.onBlurred?.();
        }}
      />
    </Field>
  );
}

export function TextAreaField(props: Common & { value: string; onChange: (v: string) => void }) {
  return (
    <Field {...fieldProps(props)}>
      <Textarea className={useFocusRing().ring} value={props.value} resize="vertical" onChange={(_, d) => props.onChange(d.value)} />
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A native select: keyboard users type the first letters of an option to choose it. */
export function SelectField(
  props: Common & { value: string; options: readonly (Option | string)[]; onChange: (v: string) => void; placeholder?: string | false }
) {
  const styles = useStyles();
  const ring = useFocusRing().ring;
  const options = props.options.map((o) => (typeof o === "string" ? { value: o, label: o } : o));
  // A value the lists no longer hold (e.g. an old entry being edited) stays visible and kept.
  if (props.value !== "" && !options.some((o) => o.value === props.value)) options.push({ value: props.value, label: props.value });
  return (
    <Field {...fieldProps(props)}>
      <Select className={mergeClasses(styles.select, ring)} value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        {props.placeholder !== false && <option value="">{props.placeholder ?? messages.forms.choose}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
