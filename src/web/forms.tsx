/**
 * Form pieces the pages share: date (dd-mm-jjjj) and time (uu:mm) fields, turning an API
 * failure into field errors, and the link from a rule ID to its explanation.
 */
import { useState } from 'react';
import { ApiFailure } from './api.js';
import { fieldId, toFieldErrors, type FieldErrors } from './errors.js';
import { FormField, Link, Textbox } from './nl/index.js';

interface DateFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  inputId?: string | undefined;
  error?: string | undefined;
  description?: string;
  required?: boolean;
}

/** A date typed as dd-mm-jjjj (or a time as uu:mm, with that description). */
export function DateField({
  label,
  value,
  onChange,
  inputId,
  error,
  description = 'dd-mm-jjjj',
  required = true,
}: DateFieldProps) {
  return (
    <FormField
      label={label}
      description={description}
      inputId={inputId}
      error={error}
      required={required}
    >
      {(w) => (
        <Textbox
          {...w}
          value={value}
          inputMode="numeric"
          invalid={Boolean(error)}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}

/** A moment on the Amsterdam clock: date and time side by side; errors sit on the date. */
export function DateTimeFields(props: {
  dateLabel: string;
  timeLabel: string;
  date: string;
  time: string;
  onDate: (value: string) => void;
  onTime: (value: string) => void;
  inputId?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <div className="naast-elkaar">
      <DateField
        label={props.dateLabel}
        value={props.date}
        onChange={props.onDate}
        inputId={props.inputId}
        error={props.error}
      />
      <DateField
        label={props.timeLabel}
        description="uu:mm"
        value={props.time}
        onChange={props.onTime}
      />
    </div>
  );
}

/** What a failed request means for a form: problems per field, or one general message. */
export function formFailure(
  error: unknown,
  fallback: string,
): { errors: FieldErrors; general: string | null } {
  if (!(error instanceof ApiFailure)) return { errors: {}, general: fallback };
  const errors = toFieldErrors(error.fields);
  return { errors, general: Object.keys(errors).length > 0 ? null : error.message };
}

/**
 * The life of a form submission: problems found in the browser are shown without a request;
 * otherwise `send` runs, and its confirmation (or the server's problems) is shown.
 */
export function useSubmission(fallback: string, scope?: string) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(found: FieldErrors, send: () => Promise<string | null>): Promise<void> {
    setErrors(found);
    setGeneral(null);
    setDone(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      setDone(await send());
    } catch (error) {
      const failure = formFailure(error, fallback);
      setErrors(failure.errors);
      setGeneral(failure.general);
    } finally {
      setBusy(false);
    }
  }

  /** Input id and error of a field, by its API path (ids carry the scope: one page, many forms). */
  const field = (path: string) => ({
    inputId: fieldId(scope ? `${scope}.${path}` : path),
    error: errors[path],
  });
  return { errors, general, done, busy, run, field, scope };
}

/** A rule ID that links to the rule's explanation. */
export function RuleLink({ id }: { id: string }) {
  return (
    <Link to={`/regels/${id}`} className="regel-id">
      {id}
    </Link>
  );
}
