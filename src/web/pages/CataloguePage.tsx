/**
 * The region's product catalogue: everyone reads it; the municipality's back office replaces
 * it by uploading the spreadsheet (CSV). A rejected file lists every line and column to fix;
 * a change the protocol for product codes forbids (a product that running allocations use,
 * a change with retroactive effect) is named per product.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiFailure, type Me } from '../api.js';
import { formatDate } from '../format.js';
import { Alert, Button, FormField, Heading, Paragraph, Table } from '../nl/index.js';
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

export function CataloguePage({ me }: { me: Me }) {
  const client = useQueryClient();
  const catalogue = useQuery({
    queryKey: ['catalogus'],
    queryFn: () => api<Catalogue>('GET', '/catalogus'),
  });
  const mayReplace =
    me.medewerker.organisatieSoort === 'gemeente' &&
    me.medewerker.rollen.some((r) => r === 'backoffice' || r === 'beheerder');
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
      const result = await api<{ toegevoegd: string[]; gewijzigd: string[]; verwijderd: string[] }>(
        'PUT',
        '/catalogus',
        await file.text(),
        'text/csv',
      );
      await client.invalidateQueries({ queryKey: ['catalogus'] });
      setDone(
        `De catalogus is bijgewerkt: ${result.toegevoegd.length} toegevoegd, ${result.gewijzigd.length} gewijzigd, ${result.verwijderd.length} verwijderd.`,
      );
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
    <>
      <PageHeading title="Productcatalogus" />
      <Paragraph>
        De producten die de regio {catalogue.data?.regio ?? me.medewerker.regio} inkoopt, met
        iJw-productcode, eenheid, frequentie, tarief en geldigheid.{' '}
        <a className="utrecht-link" href="/api/v1/catalogus.csv" download>
          Download als CSV
        </a>
      </Paragraph>
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
        <section aria-labelledby="kop-vervangen">
          <Heading level={2} id="kop-vervangen">
            Catalogus vervangen
          </Heading>
          <Paragraph>
            Lever het hele spreadsheet aan (puntkomma&apos;s, bedragen met komma, datums als
            dd-mm-jjjj). Producten met lopende toewijzingen verwijdert u niet: geef ze een
            einddatum. Wijzigingen met terugwerkende kracht kunnen niet.
          </Paragraph>
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
            <FormField label="CSV-bestand" required>
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
              Catalogus inlezen
            </Button>
          </form>
        </section>
      )}
    </>
  );
}
