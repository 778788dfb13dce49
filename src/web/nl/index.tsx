/**
 * Thin React wrappers around the NL Design System (Utrecht) CSS components: the markup and
 * class names the design system documents, with the accessibility wiring (labels,
 * descriptions, error messages, aria-invalid) done once here.
 */
import { useId, type ReactNode, type ComponentPropsWithoutRef } from 'react';
import { Link as RouterLink, type LinkProps } from 'react-router';

const cx = (...names: (string | false | null | undefined)[]): string =>
  names.filter(Boolean).join(' ');

export function Heading({
  level,
  children,
  id,
  tabIndex,
}: {
  level: 1 | 2 | 3 | 4 | 5;
  children: ReactNode;
  id?: string;
  tabIndex?: number;
}) {
  const Tag = `h${level}` as const;
  return (
    <Tag className={`utrecht-heading-${level}`} id={id} tabIndex={tabIndex}>
      {children}
    </Tag>
  );
}

export function Paragraph({ children, lead }: { children: ReactNode; lead?: boolean }) {
  return <p className={cx('utrecht-paragraph', lead && 'utrecht-paragraph--lead')}>{children}</p>;
}

export function Link(props: LinkProps) {
  return <RouterLink {...props} className={cx('utrecht-link', props.className)} />;
}

export function Button({
  appearance = 'secondary-action',
  className,
  ...props
}: ComponentPropsWithoutRef<'button'> & {
  appearance?: 'primary-action' | 'secondary-action' | 'subtle';
}) {
  return (
    <button
      type="button"
      {...props}
      className={cx('utrecht-button', `utrecht-button--${appearance}`, className)}
    />
  );
}

export function Alert({
  type,
  children,
  id,
  focusRef,
}: {
  type: 'info' | 'ok' | 'warning' | 'error';
  children: ReactNode;
  id?: string;
  focusRef?: React.Ref<HTMLDivElement>;
}) {
  return (
    <div
      className={`utrecht-alert utrecht-alert--${type}`}
      role={type === 'error' ? 'alert' : 'status'}
      id={id}
      ref={focusRef}
      tabIndex={focusRef ? -1 : undefined}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

export function StatusBadge({ status, children }: { status: string; children: ReactNode }) {
  return <span className={`utrecht-status-badge utrecht-status-badge--${status}`}>{children}</span>;
}

interface FieldProps {
  label: string;
  error?: string | undefined;
  description?: string | undefined;
  children: (wiring: {
    id: string;
    'aria-invalid': boolean | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
  /** Id for the input (error summary links target it); generated when absent. */
  inputId?: string | undefined;
  required?: boolean;
}

/** A labelled form field with its description and error message wired to the input. */
export function FormField({ label, error, description, children, inputId, required }: FieldProps) {
  const generated = useId();
  const id = inputId ?? `veld-${generated}`;
  const descriptionId = description ? `${id}-uitleg` : undefined;
  const errorId = error ? `${id}-fout` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('utrecht-form-field', error && 'utrecht-form-field--invalid')}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {required ? '' : ' (niet verplicht)'}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field__description" id={descriptionId}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field__error-message" id={errorId}>
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">
        {children({
          id,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy,
        })}
      </div>
    </div>
  );
}

export function Textbox({
  className,
  invalid,
  ...props
}: ComponentPropsWithoutRef<'input'> & { invalid?: boolean }) {
  return (
    <input
      type="text"
      {...props}
      className={cx(
        'utrecht-textbox',
        'utrecht-textbox--html-input',
        invalid && 'utrecht-textbox--invalid',
        className,
      )}
    />
  );
}

export function Select({ className, ...props }: ComponentPropsWithoutRef<'select'>) {
  return (
    <select {...props} className={cx('utrecht-select', 'utrecht-select--html-select', className)} />
  );
}

export function Textarea({ className, ...props }: ComponentPropsWithoutRef<'textarea'>) {
  return (
    <textarea
      {...props}
      className={cx('utrecht-textarea', 'utrecht-textarea--html-textarea', className)}
    />
  );
}

export function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {children}
    </fieldset>
  );
}

export function Table({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="tabel-houder">
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function DataList({ items }: { items: readonly [string, ReactNode][] }) {
  return (
    <dl className="utrecht-data-list gegevens">
      {items.map(([key, value]) => (
        <div className="utrecht-data-list__item" key={key}>
          <dt className="utrecht-data-list__item-key">{key}</dt>
          <dd className="utrecht-data-list__item-value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A group of checkboxes (several answers) or radio buttons (one answer) with a legend. */
export function ChoiceGroup({
  legend,
  type,
  name,
  options,
  selected,
  onChange,
  error,
  description,
}: {
  legend: string;
  type: 'checkbox' | 'radio';
  name: string;
  options: readonly (readonly [string, string])[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
  description?: string;
}) {
  const id = useId();
  const errorId = error ? `${id}-fout` : undefined;
  const descriptionId = description ? `${id}-uitleg` : undefined;
  return (
    <fieldset
      className={cx(
        'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset keuzes',
        error && 'utrecht-form-fieldset--invalid',
      )}
      aria-describedby={[errorId, descriptionId].filter(Boolean).join(' ') || undefined}
      id={`veld-${name.replace(/[^a-zA-Z0-9]+/g, '-')}`}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {description && (
        <div className="utrecht-form-field__description" id={descriptionId}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field__error-message" id={errorId}>
          {error}
        </div>
      )}
      {options.map(([value, label]) => {
        const optionId = `${id}-${value}`;
        const checked = selected.includes(value);
        return (
          <div
            key={value}
            className={`utrecht-form-field utrecht-form-field--${type === 'checkbox' ? 'checkbox' : 'radio'}`}
          >
            <input
              id={optionId}
              type={type}
              name={name}
              value={value}
              checked={checked}
              className={
                type === 'checkbox'
                  ? 'utrecht-checkbox utrecht-checkbox--html-input'
                  : 'utrecht-radio-button utrecht-radio-button--html-input'
              }
              onChange={(e) =>
                onChange(
                  type === 'radio'
                    ? [value]
                    : e.target.checked
                      ? [...selected, value]
                      : selected.filter((v) => v !== value),
                )
              }
            />
            <label className="utrecht-form-label keuzes__label" htmlFor={optionId}>
              {label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
