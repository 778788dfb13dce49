/**
 * The region's product catalogue and contracts, and the municipality's budget: everyone reads
 * the catalogue and contracts; the municipality's back office replaces them by uploading the
 * spreadsheet (CSV). A rejected file lists every line and column to fix;
 * a change the protocol for product codes forbids (a product that running allocations use,
 * a change with retroactive effect) is named per product.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiFailure, type Me } from '../api.js';
import { formatDate } from '../format.js';
import { Alert, Button, DataList, FormField, Heading, Paragraph, Table } from '../nl/index.js';
import { RuleLink } from '../forms.js';
import { PageHeading } from '../page.js';

interface Catalogue {
  regio: string;
  producten: {
    code: string;
    categorieNaam: string;
    naam: string;
    segment: string;
    vrijToegankelijk: boolean;
    eenheidNaam: string;
    frequentieNaam: string;
    tariefCent: number;
    geldigVan: string;
    geldigTot: string | null;
  }[];
}

const euro = (cents: number) =>
  new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);

interface Contracts {
  contracten: {
    hoofdaannemerAgb: string;
    hoofdaannemer: string;
    aanbiederAgb: string;
    aanbieder: string;
    onderaannemer: boolean;
    producten: string[];
    geldigVan: string;
    geldigTot: string | null;
  }[];
}

interface Budget {
  jaar: number;
  budgetCent: number | null;
  toegewezenCent: number;
  resterendCent: number | null;
  waarschuwing: string | null;
  regel: string;
}

/** Replace a register by uploading its spreadsheet: all or nothing, every problem listed. */
function CsvUpload({
  id,
  title,
  explanation,
  url,
  queryKey,
  button,
  summary,
}: {
  id: string;
  title: string;
  explanation: string;
  url: string;
  queryKey: string;
  button: string;
  summary: (result: Record<string, unknown>) => string;
}) {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ message: string; lines: string[] } | null>(null);

  async function upload(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    setFailure(null);
    if (!file) {
      setFailure({ message: 'Kies eerst een CSV-bestand.', lines: [] });
      return;
    }
    setBusy(true);
    try {
      const result = await api<Record<string, unknown>>('PUT', url, await file.text(), 'text/csv');
      await client.invalidateQueries({ queryKey: [queryKey] });
      setDone(summary(result));
    } catch (error) {
      setFailure(
        error instanceof ApiFailure
          ? { message: error.message, lines: error.fields.map((f) => `${f.path}: ${f.message}`) }
          : { message: 'Inlezen lukte niet. Probeer het opnieuw.', lines: [] },
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`kop-${id}`}>
      <Heading level={2} id={`kop-${id}`}>
        {title}
      </Heading>
      <Paragraph>{explanation}</Paragraph>
      {done && <Alert type="ok">{done}</Alert>}
      {failure && (
        <div className="utrecht-alert utrecht-alert--error" role="alert">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph">{failure.message}</p>
            {failure.lines.length > 0 && (
              <ul className="utrecht-unordered-list">
                {failure.lines.map((l) => (
                  <li key={l} className="utrecht-unordered-list__item">
                    {l}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
      <form onSubmit={(e) => void upload(e)} noValidate className="formulier">
        <FormField label={`CSV-bestand ${title.toLowerCase()}`} required>
          {(w) => (
            <input
              {...w}
              className="utrecht-textbox"
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </FormField>
        <Button type="submit" appearance="primary-action" disabled={busy}>
          {button}
        </Button>
      </form>
    </section>
  );
}

export function CataloguePage({ me }: { me: Me }) {
  const catalogue = useQuery({
    queryKey: ['catalogus'],
    queryFn: () => api<Catalogue>('GET', '/catalogus'),
  });
  const contracts = useQuery({
    queryKey: ['contracten'],
    queryFn: () => api<Contracts>('GET', '/contracten'),
  });
  const municipality = me.medewerker.organisatieSoort === 'gemeente';
  const mayReplace =
    municipality && me.medewerker.rollen.some((r) => r === 'backoffice' || r === 'beheerder');
  const budget = useQuery({
    queryKey: ['budget'],
    queryFn: () => api<Budget>('GET', '/budget'),
    enabled:
      municipality &&
      me.medewerker.rollen.some((r) => ['backoffice', 'beheerder', 'management'].includes(r)),
  });

  return (
    <>
      <PageHeading title="Productcatalogus" />
      <Paragraph>
        De producten die de regio {catalogue.data?.regio ?? me.medewerker.regio} inkoopt, met
        iJw-productcode, eenheid, frequentie, tarief en geldigheid.{' '}
        <a className="utrecht-link" href="/api/v1/catalogus.csv" download>
          Download als CSV
        </a>
      </Paragraph>
      {budget.data && (
        <section aria-labelledby="kop-budget">
          <Heading level={2} id="kop-budget">
            Budget {budget.data.jaar}
          </Heading>
          {budget.data.waarschuwing && <Alert type="warning">{budget.data.waarschuwing}</Alert>}
          <DataList
            items={[
              [
                'Budget',
                budget.data.budgetCent === null ? 'niet vastgelegd' : euro(budget.data.budgetCent),
              ],
              ['Toegewezen', euro(budget.data.toegewezenCent)],
              [
                'Resterend',
                budget.data.resterendCent === null ? '—' : euro(budget.data.resterendCent),
              ],
              ['Regel', <RuleLink key="r" id={budget.data.regel} />],
            ]}
          />
        </section>
      )}
      {catalogue.isError && <Alert type="error">{catalogue.error.message}</Alert>}
      {catalogue.data && (
        <Table caption={`Producten (${catalogue.data.producten.length})`}>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Naam</th>
              <th scope="col">Categorie</th>
              <th scope="col">Vrij toegankelijk</th>
              <th scope="col">Eenheid</th>
              <th scope="col">Tarief</th>
              <th scope="col">Geldig</th>
            </tr>
          </thead>
          <tbody>
            {catalogue.data.producten.map((p) => (
              <tr key={p.code}>
                <td>{p.code}</td>
                <td>{p.naam}</td>
                <td>{p.categorieNaam}</td>
                <td>{p.vrijToegankelijk ? 'ja' : 'nee (advies expertpool nodig)'}</td>
                <td>
                  {p.eenheidNaam}, {p.frequentieNaam.toLowerCase()}
                </td>
                <td>{euro(p.tariefCent)}</td>
                <td>
                  {formatDate(p.geldigVan)} – {p.geldigTot ? formatDate(p.geldigTot) : 'open'}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {mayReplace && (
        <CsvUpload
          id="catalogus-vervangen"
          title="Catalogus vervangen"
          explanation="Lever het hele spreadsheet aan (puntkomma's, bedragen met komma, datums als dd-mm-jjjj). Producten met lopende toewijzingen verwijdert u niet: geef ze een einddatum. Wijzigingen met terugwerkende kracht kunnen niet."
          url="/catalogus"
          queryKey="catalogus"
          button="Catalogus inlezen"
          summary={(r) =>
            `De catalogus is bijgewerkt: ${(r['toegevoegd'] as string[]).length} toegevoegd, ${(r['gewijzigd'] as string[]).length} gewijzigd, ${(r['verwijderd'] as string[]).length} verwijderd.`
          }
        />
      )}
      <section aria-labelledby="kop-contracten">
        <Heading level={2} id="kop-contracten">
          Contracten
        </Heading>
        <Paragraph>
          Hoofdaannemers en de aanbieders die onder hen leveren, met de producten waarvoor ze
          gecontracteerd zijn. Alleen aan hen wordt toegewezen.{' '}
          <a className="utrecht-link" href="/api/v1/contracten.csv" download>
            Download als CSV
          </a>
        </Paragraph>
        {contracts.isError && <Alert type="error">{contracts.error.message}</Alert>}
        {contracts.data && (
          <Table caption={`Contractregels (${contracts.data.contracten.length})`}>
            <thead>
              <tr>
                <th scope="col">Hoofdaannemer</th>
                <th scope="col">Aanbieder</th>
                <th scope="col">Producten</th>
                <th scope="col">Geldig</th>
              </tr>
            </thead>
            <tbody>
              {contracts.data.contracten.map((c) => (
                <tr key={`${c.hoofdaannemerAgb}-${c.aanbiederAgb}`}>
                  <td>
                    {c.hoofdaannemer} ({c.hoofdaannemerAgb})
                  </td>
                  <td>
                    {c.onderaannemer ? `${c.aanbieder} (${c.aanbiederAgb}), onderaannemer` : 'zelf'}
                  </td>
                  <td>{c.producten.join(', ')}</td>
                  <td>
                    {formatDate(c.geldigVan)} – {c.geldigTot ? formatDate(c.geldigTot) : 'open'}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      {mayReplace && (
        <CsvUpload
          id="contracten-vervangen"
          title="Contracten vervangen"
          explanation="Eén regel per aanbieder onder een hoofdaannemer: kolommen hoofdaannemer_agb, hoofdaannemer, aanbieder_agb, aanbieder, producten (gescheiden door spaties), geldig_van, geldig_tot. De hoofdaannemer staat er zelf ook in, met zijn eigen AGB-code als aanbieder."
          url="/contracten"
          queryKey="contracten"
          button="Contracten inlezen"
          summary={(r) =>
            `De contracten zijn bijgewerkt: ${String(r['regels'])} regels, ${String(r['hoofdaannemers'])} hoofdaannemers, ${String(r['aanbieders'])} aanbieders.`
          }
        />
      )}
    </>
  );
}
