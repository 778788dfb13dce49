/**
 * "Prestaties aanbieders": the aggregate of the scores casusregisseurs gave at closure, per
 * provider. A municipality's contract manager sees every provider of the region; a provider's
 * staff see their own organisation. Every figure shows its n; small numbers are not hidden.
 * Nothing here leads to a case or a family.
 */
import { useQuery } from '@tanstack/react-query';
import { api, ApiFailure } from '../api.js';
import { Alert, Heading, Paragraph, Table } from '../nl/index.js';
import { PageHeading } from '../page.js';

interface Aggregate {
  id: string;
  naam: string;
  n: number;
  clienttevredenheid: {
    n: number;
    gemiddelde: number | null;
    mediaan: number | null;
    nietGevraagd: number;
  };
  doelrealisatie: {
    n: number;
    gemiddeldAandeel: number | null;
    doelen: number;
    bereikt: number;
    deels: number;
    nietBereikt: number;
  };
  uitval: { n: number; aantal: number; aandeel: number | null };
  wachttijd: {
    n: number;
    gemiddeldeDagen: number | null;
    mediaanDagen: number | null;
    onbekend: number;
  };
  criteria: {
    criterium: string;
    naam: string;
    n: number;
    goed: number;
    voldoende: number;
    onvoldoende: number;
    nietTeBeoordelen: number;
  }[];
}
interface Performance {
  bereik: 'regio' | 'eigen';
  regio: string | null;
  aanbieders: Aggregate[];
}

const number = (v: number | null, digits = 1) =>
  v === null ? '—' : v.toLocaleString('nl-NL', { maximumFractionDigits: digits });
const percent = (v: number | null) =>
  v === null ? '—' : `${(v * 100).toLocaleString('nl-NL', { maximumFractionDigits: 0 })}%`;

export function ProviderPerformancePage() {
  const query = useQuery({
    queryKey: ['prestaties-aanbieders'],
    queryFn: () => api<Performance>('GET', '/aanbieders/prestaties'),
  });
  const data = query.data;
  return (
    <>
      <PageHeading title="Prestaties aanbieders" />
      <Paragraph>
        Bij het afsluiten van de hulp beoordeelt de casusregisseur de aanbieder op de landelijke
        KPI&apos;s en op de zeven punten uit de handreiking van Rijnmond. Hier staat de optelsom per
        aanbieder; n is steeds het aantal beoordelingen waarop een cijfer rust. Kleine aantallen
        zijn niet verborgen: lees een cijfer met weinig beoordelingen voorzichtig.
      </Paragraph>
      {query.isError ? (
        <Alert type="error">
          {query.error instanceof ApiFailure && query.error.status === 403
            ? 'Deze cijfers zijn alleen voor de contractmanager van de gemeente en voor de aanbieder zelf.'
            : query.error.message}
        </Alert>
      ) : !data ? (
        <p className="utrecht-paragraph" role="status">
          Laden…
        </p>
      ) : (
        <>
          <Paragraph>
            {data.bereik === 'regio'
              ? `Alle aanbieders die in regio ${data.regio ?? ''} hulp gaven of er gevestigd zijn.`
              : 'De cijfers van uw eigen organisatie, over alle beoordelingen.'}
          </Paragraph>
          {data.aanbieders.length === 0 ? (
            <Paragraph>Er zijn nog geen aanbieders om te tonen.</Paragraph>
          ) : (
            <>
              <KpiTable providers={data.aanbieders} />
              {data.aanbieders
                .filter((a) => a.n > 0)
                .map((a) => (
                  <CriteriaTable key={a.id} provider={a} />
                ))}
            </>
          )}
        </>
      )}
    </>
  );
}

function KpiTable({ providers }: { providers: Aggregate[] }) {
  return (
    <Table caption="Landelijke KPI's per aanbieder">
      <thead>
        <tr>
          <th scope="col">Aanbieder</th>
          <th scope="col">Beoordelingen (n)</th>
          <th scope="col">Cliënttevredenheid: gemiddelde, mediaan (n)</th>
          <th scope="col">Doelrealisatie: gemiddeld aandeel (n)</th>
          <th scope="col">Uitval (n)</th>
          <th scope="col">Wachttijd in dagen: gemiddelde, mediaan (n)</th>
        </tr>
      </thead>
      <tbody>
        {providers.map((a) => (
          <tr key={a.id}>
            <th scope="row">{a.naam}</th>
            <td>{a.n}</td>
            <td>
              {number(a.clienttevredenheid.gemiddelde)}, {number(a.clienttevredenheid.mediaan)} (n ={' '}
              {a.clienttevredenheid.n}; niet gevraagd: {a.clienttevredenheid.nietGevraagd})
            </td>
            <td>
              {percent(a.doelrealisatie.gemiddeldAandeel)} (n = {a.doelrealisatie.n}; doelen:{' '}
              {a.doelrealisatie.bereikt} bereikt, {a.doelrealisatie.deels} deels,{' '}
              {a.doelrealisatie.nietBereikt} niet)
            </td>
            <td>
              {a.uitval.aantal} van {a.uitval.n} ({percent(a.uitval.aandeel)})
            </td>
            <td>
              {number(a.wachttijd.gemiddeldeDagen)}, {number(a.wachttijd.mediaanDagen)} (n ={' '}
              {a.wachttijd.n}; onbekend: {a.wachttijd.onbekend})
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function CriteriaTable({ provider: a }: { provider: Aggregate }) {
  const headingId = `kop-punten-${a.id}`;
  return (
    <section aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {a.naam}: de zeven punten
      </Heading>
      <Table caption={`Oordelen over ${a.naam} per punt (RIJ, Beoordelen prestatie aanbieder)`}>
        <thead>
          <tr>
            <th scope="col">Punt</th>
            <th scope="col">Goed</th>
            <th scope="col">Voldoende</th>
            <th scope="col">Onvoldoende</th>
            <th scope="col">Niet te beoordelen</th>
            <th scope="col">n (met oordeel)</th>
          </tr>
        </thead>
        <tbody>
          {a.criteria.map((c) => (
            <tr key={c.criterium}>
              <th scope="row">{c.naam}</th>
              <td>{c.goed}</td>
              <td>{c.voldoende}</td>
              <td>{c.onvoldoende}</td>
              <td>{c.nietTeBeoordelen}</td>
              <td>{c.n}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
