/** Labelled form fields for the register's forms: every input has a visible label and keeps what was typed after an error. */
import type { SafeHtml } from '#jsx/jsx-runtime';

export type FormValues = Record<string, string>;

export interface FieldProps {
  form: string;
  name: string;
  label: string;
  values: FormValues;
  type?: 'text' | 'date' | 'number' | 'textarea';
  required?: boolean;
  hint?: string;
  max?: string;
  step?: string;
}

export function Field(props: FieldProps): SafeHtml {
  const id = `${props.form}-${props.name}`;
  const value = props.values[props.name] ?? '';
  const hintId = props.hint ? `${id}-hint` : undefined;
  return (
    <>
      <label for={id}>{props.label}{props.required ? <span class="required" aria-hidden="true"> *</span> : null}</label>
      {props.type === 'textarea' ? (
        <textarea id={id} name={props.name} rows="3" required={props.required === true} aria-describedby={hintId}>{value}</textarea>
      ) : (
        <input id={id} name={props.name} type={props.type === 'number' ? 'text' : (props.type ?? 'text')} inputmode={props.type === 'number' ? 'decimal' : undefined} required={props.required === true} value={value} max={props.max} aria-describedby={hintId} />
      )}
      {props.hint ? <span id={hintId} class="field-hint">{props.hint}</span> : null}
    </>
  );
}

export function SelectField(props: { form: string; name: string; label: string; values: FormValues; options: readonly { value: string; label: string }[]; required?: boolean }): SafeHtml {
  const id = `${props.form}-${props.name}`;
  const selected = props.values[props.name] ?? '';
  return (
    <>
      <label for={id}>{props.label}{props.required ? <span class="required" aria-hidden="true"> *</span> : null}</label>
      <select id={id} name={props.name} required={props.required === true}>
        {props.options.map((o) => <option value={o.value} selected={o.value === selected}>{o.label}</option>)}
      </select>
    </>
  );
}

export function FormMessage(props: { form: string; error?: { form: string; message: string } | undefined }): SafeHtml {
  return props.error && props.error.form === props.form ? <p class="form-error" role="alert" id={`${props.form}-error`}>{props.error.message}</p> : <></>;
}
