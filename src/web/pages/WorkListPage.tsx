import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { RuleLink } from '../forms.js';
import { api, type Me, type RegionView, type WorkList } from '../api.js';
import { formatDue } from '../format.js';
import { STATUS_BADGE, STATUS_LABELS, STEP_LABELS } from '../labels.js';
import {
  Alert,
  Button,
  FormField,
  Link,
  Paragraph,
  Select,
  StatusBadge,
  Table,
} from '../nl/index.js';
import { PageHeading } from '../page.js';
import { CaseSearch } from './CaseSearch.js';
import { NON_CASE_ROLES } from '../../domain/access/case-access.js';
import { DeadlineRecomputeStatus } from './DeadlineRecomputeStatus.js';

const PER_PAGE = 50;
const FILTERS = ['bereik', 'route', 'regio', 'stap', 'status'] as const;
type Filter = (typeof FILTERS)[number];

export function useRegions() {
  return useQuery({
    queryKey: ['regios'],
    queryFn: () => api<RegionView[]>('GET', '/regios'),
    staleTime: Infinity,
  });
}

export function WorkListPage({ me }: { me: Me }) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('pagina') ?? '1') || 1);
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<
    Filter,
    string
  >;
  const [draft, setDraft] = useState(filters);
  // Management and beheer see no case content, so they get no case search (issue 11).
  const worksWithCases = me.medewerker.rollen.some(
    (r) => !(NON_CASE_ROLES as readonly string[]).includes(r),
  );
  const regions = useRegions();

  const query = new URLSearchParams();
  for (const f of FILTERS) if (filters[f]) query.set(f, filters[f]);
  if (page > 1) {
    query.set('pagina', String(page));
    query.set('perPagina', String(PER_PAGE));
  }
  const list = useQuery({
    queryKey: ['werkvoorraad', query.toString()],
    queryFn: () => api<WorkList>('GET', `/werkvoorraad?${query.toString()}`),
    placeholderData: keepPreviousData,
  });

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const f of FILTERS) if (draft[f]) next.set(f, draft[f]);
    setParams(next);
  }

  function goTo(target: number) {
    const next = new URLSearchParams(params);
    if (target > 1) next.set('pagina', String(target));
    else next.delete('pagina');
    setParams(next);
  }

  const set = (f: Filter) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [f]: e.target.value });

  const data = list.data;
  const perPage = data?.perPagina ?? PER_PAGE;
  const pages = data ? Math.max(1, Math.ceil(data.aantallen.casussen / perPage)) : 1;

  return (
    <>
      <PageHeading title="Werkvoorraad" />
      <Paragraph>
        Casussen van {filters.bereik === 'eigen' ? 'u zelf' : me.medewerker.organisatie}, de meest
        dringende eerst: eerst verlopen termijnen, dan de eerstvolgende.
      </Paragraph>
      {worksWithCases && <CaseSearch />}
      <DeadlineRecomputeStatus />
      <form className="filters" onSubmit={apply} aria-label="Filters">
        <FormField label="Bereik" required>
          {(w) => (
            <Select {...w} value={draft.bereik} onChange={set('bereik')}>
              <option value="">Mijn team</option>
              <option value="eigen">Alleen mijn casussen</option>
            </Select>
          )}
        </FormField>
        <FormField label="Route" required>
          {(w) => (
            <Select {...w} value={draft.route} onChange={set('route')}>
              <option value="">Alle routes</option>
              <option value="A">Route A</option>
              <option value="B">Route B</option>
              <option value="C">Route C</option>
            </Select>
          )}
        </FormField>
        <FormField label="Regio" required>
          {(w) => (
            <Select {...w} value={draft.regio} onChange={set('regio')}>
              <option value="">Alle regio's</option>
              {(regions.data ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id} – {r.naam}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Stap" required>
          {(w) => (
            <Select {...w} value={draft.stap} onChange={set('stap')}>
              <option value="">Alle stappen</option>
              {Object.entries(STEP_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Termijnen" required>
          {(w) => (
            <Select {...w} value={draft.status} onChange={set('status')}>
              <option value="">Alle casussen</option>
              <option value="verlopen">Met verlopen termijnen</option>
              <option value="open">Met openstaande termijnen</option>
            </Select>
          )}
        </FormField>
        <div className="filters__knop">
          <Button type="submit">Filteren</Button>
        </div>
      </form>

      {list.isError && <Alert type="error">{list.error.message}</Alert>}
      {!data && !list.isError && (
        <p className="utrecht-paragraph" role="status">
          Werkvoorraad laden…
        </p>
      )}
      {data && (
        <>
          <p className="utrecht-paragraph tellers" role="status">
            <strong>{data.aantallen.casussen}</strong>{' '}
            {data.aantallen.casussen === 1 ? 'casus' : 'casussen'} ·{' '}
            <strong>{data.aantallen.verlopen}</strong> verlopen termijnen ·{' '}
            <strong>{data.aantallen.open}</strong> openstaande termijnen
          </p>
          {data.casussen.length === 0 ? (
            <Paragraph>Geen casussen met deze filters.</Paragraph>
          ) : (
            <Table caption={`Casussen, pagina ${page} van ${pages}`}>
              <thead>
                <tr>
                  <th scope="col">Gezin</th>
                  <th scope="col">Regio</th>
                  <th scope="col">Route</th>
                  <th scope="col">Stap</th>
                  <th scope="col">Eerstvolgende termijn</th>
                  <th scope="col">Verlopen</th>
                  <th scope="col">Open</th>
                </tr>
              </thead>
              <tbody>
                {data.casussen.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/casussen/${c.id}`}>{c.gezin}</Link>
                    </td>
                    <td>{c.regio}</td>
                    <td>{c.route}</td>
                    <td>{STEP_LABELS[c.stap] ?? c.stap}</td>
                    <td>
                      {c.volgende ? (
                        <span className="termijn-kort">
                          <StatusBadge status={STATUS_BADGE[c.volgende.status]}>
                            {STATUS_LABELS[c.volgende.status]}
                          </StatusBadge>{' '}
                          {formatDue(c.volgende.due)} <RuleLink id={c.volgende.rule} />
                        </span>
                      ) : (
                        'geen'
                      )}
                    </td>
                    <td className="getal">{c.verlopen}</td>
                    <td className="getal">{c.open}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {pages > 1 && (
            <nav aria-label="Pagina's" className="bladeren">
              <Button disabled={page <= 1} onClick={() => goTo(page - 1)}>
                Vorige pagina
              </Button>
              <span>
                Pagina {page} van {pages}
              </span>
              <Button disabled={page >= pages} onClick={() => goTo(page + 1)}>
                Volgende pagina
              </Button>
            </nav>
          )}
        </>
      )}
    </>
  );
}
