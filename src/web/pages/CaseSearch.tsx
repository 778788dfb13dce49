/**
 * Case search on the work list (issue 11): a part of a name, a complete BSN or a child's date of
 * birth. Enter submits; the count is announced in a status message; the results follow the
 * form, so Tab reaches them next. The term stays out of the page URL: a BSN must not end up
 * in the browser history.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.js';
import { STEP_LABELS } from '../labels.js';
import { Button, FormField, Link, StatusBadge, Textbox } from '../nl/index.js';

const MIN_LENGTH = 2;

interface CaseSearchHit {
  readonly id: string;
  readonly gezin: string;
  readonly regio: string;
  readonly route: string;
  readonly stap: string;
  readonly gesloten: boolean;
}

interface CaseSearchResult {
  readonly casussen: readonly CaseSearchHit[];
  readonly meer: boolean;
}

function countMessage(result: CaseSearchResult, term: string): string {
  const n = result.casussen.length;
  if (n === 0) return `Geen casussen gevonden voor “${term}”.`;
  if (result.meer)
    return `Meer dan ${n} casussen gevonden voor “${term}”; de eerste ${n} staan hieronder. Zoek preciezer om minder casussen te zien.`;
  return `${n} ${n === 1 ? 'casus' : 'casussen'} gevonden voor “${term}”.`;
}

export function CaseSearch() {
  const [draft, setDraft] = useState('');
  const [submitted, setSubmitted] = useState<{ term: string; n: number } | null>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  const search = useQuery({
    queryKey: ['casus-zoeken', submitted?.term, submitted?.n],
    queryFn: () =>
      api<CaseSearchResult>(
        'GET',
        `/casussen/zoeken?q=${encodeURIComponent(submitted?.term ?? '')}`,
      ),
    enabled: submitted !== null,
    retry: false,
    gcTime: 0,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const term = draft.trim();
    if (term.length < MIN_LENGTH) {
      setInputError(`Vul minstens ${MIN_LENGTH} tekens in om te zoeken.`);
      setSubmitted(null);
      return;
    }
    setInputError(null);
    setSubmitted({ term, n: (submitted?.n ?? 0) + 1 });
  }

  // The server names the problem with the query (a part of a BSN, an impossible date).
  const failure = search.error instanceof ApiFailure ? search.error : null;
  const serverFieldError = failure?.fields.find((f) => f.path === 'querystring.q')?.message;
  const fieldError =
    inputError ?? (serverFieldError ? `Zoekterm: ${serverFieldError}.` : undefined);
  let status = '';
  if (fieldError) status = `Er is niet gezocht. ${fieldError}`;
  else if (search.isError) status = `Zoeken lukte niet. ${search.error.message}`;
  else if (submitted && search.isFetching) status = 'Zoeken…';
  else if (submitted && search.data) status = countMessage(search.data, submitted.term);

  return (
    <section className="zoeken" aria-labelledby="zoeken-kop">
      <h2 id="zoeken-kop" className="utrecht-heading-2">
        Casus zoeken
      </h2>
      <form role="search" className="filters" onSubmit={submit} noValidate>
        <FormField
          label="Zoek een casus"
          required
          description="Op (een deel van) de naam van het gezin of een gezinslid, een volledig BSN of de geboortedatum van een jeugdige (DD-MM-JJJJ)."
          error={fieldError}
        >
          {(w) => (
            <Textbox
              {...w}
              type="search"
              name="q"
              autoComplete="off"
              value={draft}
              invalid={fieldError !== undefined}
              onChange={(e) => setDraft(e.target.value)}
            />
          )}
        </FormField>
        <div className="filters__knop">
          <Button type="submit">Zoeken</Button>
        </div>
      </form>
      <p className="utrecht-paragraph" role="status">
        {status}
      </p>
      {submitted && search.data && search.data.casussen.length > 0 && !search.isFetching && (
        <ul
          className="utrecht-unordered-list"
          aria-label={`Zoekresultaten voor “${submitted.term}”`}
        >
          {search.data.casussen.map((c) => (
            <li key={c.id} className="utrecht-unordered-list__item">
              <Link to={`/casussen/${c.id}`}>{c.gezin}</Link>{' '}
              <span>
                · regio {c.regio} · route {c.route} · {STEP_LABELS[c.stap] ?? c.stap}
              </span>{' '}
              <StatusBadge status={c.gesloten ? 'neutral' : 'safe'}>
                {c.gesloten ? 'Gesloten' : 'Open'}
              </StatusBadge>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
