/**
 * "Dashboards" (issue 9, ADR 0024): caseload against the norm, inflow, waiting time to the start
 * of help and deadline compliance, each table drawn as a chart with the table itself beneath it
 * (the accessible view, the same numbers) and a CSV download. A team lead sees the own team;
 * management and the contract manager see the region with small numbers hidden ("< 5", and "x"
 * where a total would give one away). Nothing here leads to a case or a family.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.js';
import { Alert, Button, FormField, Heading, Link, Paragraph, Table, Textbox } from '../nl/index.js';
import { PageHeading } from '../page.js';
import {
  FilterProblems,
  filterErrors,
  filterQuery,
  NO_FILTERS,
  PeriodReportLink,
  placeLabel,
  PlaceFilters,
  useFilterOptions,
  type DashboardFilters,
} from './DashboardFilters.js';
import { BarChart, type Series } from './charts/BarChart.js';

type CellValue = number | string | null;
interface DashboardTable {
  id: string;
  titel: string;
  kolommen: string[];
  rijen: { label: string; cellen: CellValue[] }[];
  totaalrij: boolean;
}
interface Dashboard {
  naam: string;
  titel: string;
  niveau: 'team' | 'regio';
  regio: string;
  onderdrukt: boolean;
  drempel: number;
  periode: { van: string; tot: string };
  regels: { regel: string; opmerking: string | null }[];
  tabellen: DashboardTable[];
}

const DASHBOARDS = [
  'caseload',
  'instroom',
  'wachttijden',
  'termijnen',
  'uitkomsten',
  'aanbieders',
  'budget',
] as const;

/** Which columns a table's chart draws, and how. */
const CHARTS: Record<string, { columns: number[]; stacked?: boolean; horizontal?: boolean }> = {
  'caseload-team': { columns: [0, 2] },
  'caseload-casusregisseur': { columns: [0, 2] },
  'instroom-route': { columns: [0, 1, 2], stacked: true },
  'instroom-verwijzer': { columns: [0, 1, 2, 3], stacked: true },
  'wachttijd-route': { columns: [2, 3] },
  'wachttijd-termijn': { columns: [0, 1, 2, 3], stacked: true, horizontal: true },
  'termijnen-regel': { columns: [0, 1, 2, 3], stacked: true, horizontal: true },
  'uitkomsten-maand': { columns: [1, 2, 3], stacked: true },
  'uitkomsten-route': { columns: [0, 4] },
  'aanbieders-prestaties': { columns: [1, 2], horizontal: true },
  'termijnen-maand': { columns: [0, 1, 2, 3], stacked: true },
  'budget-gemeente': { columns: [0, 1, 4] },
  'budget-maand': { columns: [0, 1, 2] },
};

const show = (v: CellValue) =>
  v === null ? '—' : typeof v === 'number' ? v.toLocaleString('nl-NL') : v;

/** One dashboard's request; the page asks the first one too, for the filter errors. */
const dashboardQuery = (name: string, q: string) => ({
  queryKey: ['dashboard', name, q],
  queryFn: () => api<Dashboard>('GET', `/dashboards/${name}${q ? `?${q}` : ''}`),
  retry: false,
});

export function DashboardPage() {
  const [van, setVan] = useState('');
  const [tot, setTot] = useState('');
  const [place, setPlace] = useState({ gemeente: '', team: '' });
  const [period, setPeriod] = useState<DashboardFilters>(NO_FILTERS);
  const options = useFilterOptions();
  // The same request as the first section's (cached once): its refusal names the filter.
  const first = useQuery(dashboardQuery(DASHBOARDS[0], filterQuery(period)));
  const errors = filterErrors(first.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPeriod({ van, tot, ...place });
  };
  return (
    <>
      <PageHeading title="Dashboards" />
      <Paragraph>
        Cijfers over caseload, instroom, wachttijden en termijnen, uit de actuele gegevens. Elke
        grafiek heeft de tabel met dezelfde getallen eronder, en een CSV-bestand om verder te
        rekenen. Zonder periode ziet u de laatste twaalf maanden.
      </Paragraph>
      <form onSubmit={submit} className="filters" aria-label="Periode en filters">
        <FormField label="Van" error={errors['van']}>
          {(w) => (
            <Textbox {...w} type="date" value={van} onChange={(e) => setVan(e.target.value)} />
          )}
        </FormField>
        <FormField label="Tot en met" error={errors['tot']}>
          {(w) => (
            <Textbox {...w} type="date" value={tot} onChange={(e) => setTot(e.target.value)} />
          )}
        </FormField>
        <PlaceFilters
          options={options.data}
          gemeente={place.gemeente}
          team={place.team}
          onChange={setPlace}
          errors={errors}
        />
        <Button type="submit" appearance="primary-action">
          Toon cijfers
        </Button>
      </form>
      <FilterProblems error={first.error} />
      <PeriodReportLink options={options.data} filters={period} />
      {DASHBOARDS.map((name) => (
        <DashboardSection key={name} name={name} period={period} />
      ))}
    </>
  );
}

function DashboardSection({ name, period }: { name: string; period: DashboardFilters }) {
  const q = filterQuery(period);
  const result = useQuery(dashboardQuery(name, q));
  const options = useFilterOptions();
  const headingId = `dashboard-${name}`;
  const d = result.data;
  return (
    <section aria-labelledby={headingId} data-testid={`dashboard-${name}`}>
      <Heading level={2} id={headingId}>
        {d?.titel ?? name}
      </Heading>
      {result.isError ? (
        <Alert type="error">
          {result.error instanceof ApiFailure && result.error.status === 403
            ? 'De dashboards zijn voor de teamleider van een lokaal team en voor management en contractmanagers van de gemeente.'
            : result.error.message}
        </Alert>
      ) : !d ? (
        <p className="utrecht-paragraph" role="status">
          Laden…
        </p>
      ) : (
        <>
          <Paragraph>
            {d.niveau === 'team'
              ? 'Uw eigen team'
              : `Regio ${d.regio}${placeLabel(options.data, period)}`}
            , {d.periode.van} tot en met {d.periode.tot}.
            {d.onderdrukt &&
              ` Aantallen onder de ${d.drempel} staan er als "< ${d.drempel}"; een "x" is verborgen omdat een klein aantal anders uit de totalen volgt.`}
          </Paragraph>
          {d.regels.length > 0 && (
            <Paragraph>
              Getoetst aan:{' '}
              {d.regels.map((r, i) => (
                <span key={r.regel}>
                  {i > 0 && ', '}
                  <Link to={`/regels/${r.regel}`}>{r.regel}</Link>
                  {r.opmerking && ` (${r.opmerking})`}
                </span>
              ))}
            </Paragraph>
          )}
          {d.tabellen.map((t) => (
            <DashboardFigure key={t.id} dashboard={d} table={t} period={q} />
          ))}
        </>
      )}
    </section>
  );
}

function DashboardFigure({
  dashboard,
  table,
  period,
}: {
  dashboard: Dashboard;
  table: DashboardTable;
  period: string;
}) {
  const spec = CHARTS[table.id] ?? { columns: [0] };
  const rows = table.totaalrij ? table.rijen.slice(0, -1) : table.rijen;
  const labels = useMemo(() => rows.map((r) => r.label), [rows]);
  const series: Series[] = useMemo(
    () =>
      spec.columns.map((c) => ({
        label: table.kolommen[c + 1] ?? '',
        values: rows.map((r) => {
          const v = r.cellen[c];
          return typeof v === 'number' ? v : null;
        }),
      })),
    [rows, spec.columns, table.kolommen],
  );
  const tableId = `tabel-${table.id}`;
  const csv = `/api/v1/dashboards/${dashboard.naam}?${period ? `${period}&` : ''}formaat=csv&tabel=${table.id}`;
  return (
    <figure className="dashboard-figuur" data-testid={`figuur-${table.id}`}>
      <Heading level={3}>{table.titel}</Heading>
      {rows.length === 0 ? (
        <Paragraph>Geen gegevens in deze periode.</Paragraph>
      ) : (
        <BarChart
          labels={labels}
          series={series}
          stacked={spec.stacked}
          horizontal={spec.horizontal}
          description={`Staafdiagram: ${table.titel}. De getallen staan in de tabel hieronder.`}
          tableId={tableId}
          testId={`grafiek-${table.id}`}
        />
      )}
      <div id={tableId}>
        <Table caption={`${table.titel} (tabel bij de grafiek)`}>
          <thead>
            <tr>
              {table.kolommen.map((k) => (
                <th scope="col" key={k}>
                  {k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rijen.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {r.cellen.map((c, i) => (
                  <td key={i}>{show(c)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <Paragraph>
        <a className="utrecht-link" href={csv} download>
          {`Download "${table.titel}" als CSV`}
        </a>
      </Paragraph>
    </figure>
  );
}
