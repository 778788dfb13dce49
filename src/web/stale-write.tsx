/**
 * A save that someone else beat (409 with `wijziging`, ADR 0028): the editor keeps the user's
 * own text in the form and shows who saved what and when, with a button to load the newest
 * version when the user is ready. Nothing is lost without the user choosing it.
 */
import { useState, type ReactNode } from 'react';
import { api, ApiFailure, type StaleWrite } from './api.js';
import { formatDateTime } from './format.js';
import { Alert, Button } from './nl/index.js';

/** The stale write behind a failed save, or null for any other failure. */
export function staleWriteOf(error: unknown): StaleWrite | null {
  return error instanceof ApiFailure && error.status === 409 ? error.staleWrite : null;
}

export function StaleWriteAlert({
  conflict,
  onReload,
  busy = false,
  you = 'u',
  focusRef,
}: {
  conflict: StaleWrite;
  onReload: () => void;
  busy?: boolean;
  /** How the reader is addressed: `u`, or `je` for a young person in the portal. */
  you?: 'u' | 'je';
  focusRef?: React.Ref<HTMLDivElement>;
}) {
  const labels = [...new Set(conflict.velden.map((v) => v.label))];
  const when = conflict.op ? ` op ${formatDateTime(conflict.op)}` : '';
  const your = you === 'u' ? 'uw' : 'je';
  const Your = you === 'u' ? 'Uw' : 'Je';
  return (
    <Alert type="error" {...(focusRef ? { focusRef } : {})}>
      <p className="utrecht-paragraph">
        <strong>{Your} wijzigingen zijn niet opgeslagen.</strong> {conflict.door ?? 'Iemand anders'}{' '}
        heeft dit{when} opgeslagen, nadat {you} het opende.
      </p>
      {labels.length > 0 && (
        <>
          <p className="utrecht-paragraph">Wat er sindsdien veranderd is:</p>
          <ul className="utrecht-unordered-list">
            {labels.map((label) => (
              <li key={label} className="utrecht-unordered-list__item">
                {label}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="utrecht-paragraph">
        {Your} eigen tekst staat nog in het formulier. Kopieer wat {you} wilt bewaren, laad dan de
        nieuwste versie en voeg {your} wijzigingen opnieuw toe.
      </p>
      <Button appearance="primary-action" onClick={onReload} disabled={busy}>
        Nieuwste versie laden
      </Button>
    </Alert>
  );
}

/**
 * An editor's side of optimistic locking: `save` sends the revision the form was based on
 * (`revision` when it mounted, then what each own save returned); when someone else saved first
 * it answers false and `alert` says who saved what and when, with a button that refreshes the
 * data (`refresh`) and then lets the editor start anew with it (`onReloaded`, e.g. a remount).
 * When `refresh` itself puts the newest data in the form, it answers the newest revision, which
 * becomes the basis of the next save.
 */
export function useRevisionLock(
  revision: number,
  refresh: () => Promise<unknown>,
  onReloaded: () => void,
): {
  save: (method: 'POST' | 'PATCH' | 'PUT', path: string, body: object) => Promise<boolean>;
  alert: ReactNode;
} {
  const [basis, setBasis] = useState(revision);
  const [conflict, setConflict] = useState<StaleWrite | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(method: 'POST' | 'PATCH' | 'PUT', path: string, body: object) {
    try {
      const saved = await api<{ revisie: number }>(method, path, { ...body, basisRevisie: basis });
      setBasis(saved.revisie);
      setConflict(null);
      return true;
    } catch (error) {
      const stale = staleWriteOf(error);
      if (!stale) throw error;
      setConflict(stale);
      return false;
    }
  }

  async function reload() {
    setBusy(true);
    try {
      const newest = await refresh();
      if (typeof newest === 'number') setBasis(newest);
      setConflict(null);
      onReloaded();
    } finally {
      setBusy(false);
    }
  }

  return {
    save,
    alert: conflict ? (
      <StaleWriteAlert conflict={conflict} busy={busy} onReload={() => void reload()} />
    ) : null,
  };
}
