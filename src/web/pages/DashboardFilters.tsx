/**
 * The place filters of the dashboards (issue 9, ADR 0024): management and contract managers
 * narrow their region to a municipality and a local team (the team choices follow the chosen
 * municipality); a team lead has no choice, it is the own team. Also the API's refusals of a
 * filter in Dutch next to the form, and the link to the municipality's period report (PDF).
 */
import { useQuery } from '@tanstack/react-query';
import { api, ApiFailure } from '../api.js';
import { Alert, FormField, Paragraph, Select } from '../nl/index.js';

/** What the reader has chosen; an empty string is "not chosen" (all, or the default period). */
export interface DashboardFilters {
  van: string;
  tot: string;
  gemeente: string;
  team: string;
}

export const NO_FILTERS: DashboardFilters = { van: '', tot: '', gemeente: '', team: '' };

export interface FilterOptions {
  niveau: 'team' | 'regio';
  regio: string;
  gemeenten: { id: string; naam: string }[];
  teams: { id: string; naam: string; gemeenteId: string | null }[];
}

/** The filters as the query string of every dashboard request and CSV link. */
export function filterQuery(filters: DashboardFilters): string {
  const q = new URLSearchParams();
  if (filters.van) q.set('van', filters.van);
  if (filters.tot) q.set('tot', filters.tot);
  if (filters.gemeente) q.set('gemeente', filters.gemeente);
  if (filters.team) q.set('team', filters.team);
  return q.toString();
}

export function useFilterOptions() {
  return useQuery({
    queryKey: ['dashboard-filters'],
    queryFn: () => api<FilterOptions>('GET', '/dashboards/filters'),
    retry: false,
    staleTime: 5 * 60_000,
  });
}

const FIELD_LABELS: Record<string, string> = {
  van: 'Van',
  tot: 'Tot en met',
  regio: 'Regio',
  gemeente: 'Gemeente',
  team: 'Team',
};

/** The API's problems per filter field (`querystring.gemeente` → `gemeente`). */
export function filterErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiFailure)) return out;
  for (const f of error.fields) {
    const key = f.path.replace(/^querystring\./, '');
    out[key] = out[key] ? `${out[key]}; ${f.message}` : f.message;
  }
  return out;
}

/**
 * A refusal of the chosen filters (400, or 403 naming a field), in Dutch beside the form. A
 * refusal of the reader as such (403 without a field) is shown by the dashboards themselves.
 */
export function FilterProblems({ error }: { error: unknown }) {
  if (!(error instanceof ApiFailure)) return null;
  const fields = Object.entries(filterErrors(error));
  if (fields.length === 0 && error.status !== 400) return null;
  return (
    <Alert type="error">
      <p className="utrecht-paragraph">
        {error.status === 403
          ? 'Deze keuze valt buiten uw bereik.'
          : 'De cijfers konden niet worden opgehaald met deze keuze.'}{' '}
        {error.message}
      </p>
      {fields.length > 0 && (
        <ul className="utrecht-unordered-list">
          {fields.map(([path, message]) => (
            <li key={path} className="utrecht-unordered-list__item">
              {FIELD_LABELS[path] ?? path}: {message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** The municipality and team selects of a region reader; a team lead's own team as text. */
export function PlaceFilters({
  options,
  gemeente,
  team,
  onChange,
  errors,
}: {
  options: FilterOptions | undefined;
  gemeente: string;
  team: string;
  onChange: (next: { gemeente: string; team: string }) => void;
  errors: Record<string, string>;
}) {
  if (!options) return null;
  if (options.niveau === 'team')
    return (
      <Paragraph>
        Team: {options.teams.map((t) => t.naam).join(', ') || 'uw eigen team'} (uw eigen team)
      </Paragraph>
    );
  const teams = gemeente ? options.teams.filter((t) => t.gemeenteId === gemeente) : options.teams;
  return (
    <>
      <FormField label="Gemeente" error={errors['gemeente']}>
        {(w) => (
          <Select
            {...w}
            value={gemeente}
            onChange={(e) => {
              const next = e.target.value;
              // A team of another municipality no longer fits the choice.
              const keep = options.teams.some((t) => t.id === team && t.gemeenteId === next);
              onChange({ gemeente: next, team: next && !keep ? '' : team });
            }}
          >
            <option value="">Alle gemeenten van regio {options.regio}</option>
            {options.gemeenten.map((g) => (
              <option key={g.id} value={g.id}>
                {g.naam}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Team" error={errors['team']}>
        {(w) => (
          <Select
            {...w}
            value={team}
            onChange={(e) => onChange({ gemeente, team: e.target.value })}
          >
            <option value="">Alle teams</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.naam}
              </option>
            ))}
          </Select>
        )}
      </FormField>
    </>
  );
}

/**
 * The period report of the chosen municipality (PDF), for a region reader. Without a period the
 * report takes the same default as the dashboards (the twelve months up to today).
 */
export function PeriodReportLink({
  options,
  filters,
}: {
  options: FilterOptions | undefined;
  filters: DashboardFilters;
}) {
  if (options?.niveau !== 'regio' || !filters.gemeente) return null;
  const q = new URLSearchParams({ gemeente: filters.gemeente });
  if (filters.van) q.set('van', filters.van);
  if (filters.tot) q.set('tot', filters.tot);
  return (
    <Paragraph>
      <a className="utrecht-link" href={`/api/v1/rapportages/periode?${q.toString()}`}>
        Periodeverslag gemeente (PDF)
      </a>
    </Paragraph>
  );
}

/** The chosen municipality and team as words after the region, e.g. ", gemeente X, Team Y". */
export function placeLabel(options: FilterOptions | undefined, filters: DashboardFilters): string {
  const gemeente = options?.gemeenten.find((g) => g.id === filters.gemeente)?.naam;
  const team = options?.teams.find((t) => t.id === filters.team)?.naam;
  return `${gemeente ? `, ${gemeente}` : ''}${team ? `, ${team}` : ''}`;
}
