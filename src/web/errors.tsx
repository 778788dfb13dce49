/**
 * Form errors the way people can fix them: one summary at the top that names every problem and
 * links to its field, and the same message next to the field. Server problems arrive with a
 * dotted path (`body.jeugdigen.0.bsn`); the form gives each path a label and an input id.
 */
import { useEffect, useRef } from 'react';
import type { FieldProblem } from './api.js';

export type FieldErrors = Record<string, string>;

/** The input id for a field path, e.g. `body.jeugdigen.0.bsn` → `veld-jeugdigen-0-bsn`. */
export function fieldId(path: string): string {
  return `veld-${path.replace(/^body\./, '').replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

export function toFieldErrors(fields: readonly FieldProblem[]): FieldErrors {
  const out: FieldErrors = {};
  for (const f of fields) {
    const key = f.path.replace(/^body\./, '');
    out[key] = out[key] ? `${out[key]}; ${f.message}` : f.message;
  }
  return out;
}

export function ErrorSummary({
  errors,
  general,
  labelOf,
  onlyFields,
  scope,
}: {
  errors: FieldErrors;
  /** The form's id scope (see `useSubmission`). */
  scope?: string | undefined;
  general: string | null;
  labelOf: (path: string) => string;
  /** Paths that have a visible field; others are listed without a link. */
  onlyFields?: (path: string) => boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const shown = entries.length > 0 || general !== null;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, errors, general]);
  if (!shown) return null;
  return (
    <div
      className="utrecht-alert utrecht-alert--error foutoverzicht"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="foutoverzicht-titel"
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 className="utrecht-heading-3" id="foutoverzicht-titel">
            {entries.length > 0 ? 'Controleer de invoer' : 'Dat lukte niet'}
          </h2>
          {general && <p className="utrecht-paragraph">{general}</p>}
          {entries.length > 0 && (
            <ul className="utrecht-unordered-list">
              {entries.map(([path, message]) => (
                <li key={path} className="utrecht-unordered-list__item">
                  {!onlyFields || onlyFields(path) ? (
                    <a
                      className="utrecht-link"
                      href={`#${fieldId(scope ? `${scope}.${path}` : path)}`}
                      onClick={(event) => {
                        const target = document.getElementById(
                          fieldId(scope ? `${scope}.${path}` : path),
                        );
                        if (!target) return;
                        event.preventDefault();
                        target.focus();
                      }}
                    >
                      {labelOf(path)}: {message}
                    </a>
                  ) : (
                    <span>
                      {labelOf(path)}: {message}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
