/**
 * The privacy officer's access log (NEN 7513; ADR 0015): who in the region's organisations read
 * or changed which record, when, and on what justification; searched by period, organisation,
 * member of staff, case and action, a page at a time. The officer also runs the check of the
 * hash chain that makes changes to the log visible. Every search is itself logged.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateField, useSubmission } from '../forms.js';
import { formatDateTime, parseDutchDate } from '../format.js';
import {
  Alert,
  Button,
  FormField,
  Heading,
  Paragraph,
  Select,
  Table,
  Textbox,
} from '../nl/index.js';
import { PageHeading } from '../page.js';

export interface AccessLogItem {
  id: string;
  tijdstip: string;
  medewerker: { id: string; naam: string | null } | null;
  organisatie: { id: string; naam: string | null } | null;
  rol: string | null;
  casusId: string | null;
  actie: string;
  soort: string;
  soortTekst: string;
  rechtvaardiging: string | null;
  verzegeld: boolean;
}

interface AccessLogPageData {
  items: AccessLogItem[];
  totaal: number;
  pagina: number;
  perPagina: number;
}

interface Choice {
  id: string;
  naam: string;
  medewerkers: { id: string; naam: string }[];
}

type ChainCheck =
  | {
      intact: true;
      gecontroleerd: number;
      nietVerzegeld: number;
      gecontroleerdOp: string;
      laatsteSchakel: { volgnummer: number; hash: string };
    }
  | {
      intact: false;
      gecontroleerd: number;
      nietVerzegeld: number;
      gecontroleerdOp: string;
      breuk: { regelId: string; volgnummer: number; probleem: string; uitleg: string };
    };

const PER_PAGE = 25;

const LABELS: Record<string, string> = {
  'querystring.van': 'Van',
  'querystring.tot': 'Tot en met',
  'querystring.organisatie': 'Organisatie',
  'querystring.medewerker': 'Medewerker',
  'querystring.casus': 'Casus-id',
  'querystring.actie': 'Actie',
};
const labelOf = (path: string) => LABELS[path] ?? path;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function ChainCheckSection() {
  const [result, setResult] = useState<ChainCheck | null>(null);
  const s = useSubmission('De controle lukte niet. Probeer het opnieuw.', 'controle');
  return (
    <section aria-labelledby="kop-controle" className="kaart">
      <Heading level={2} id="kop-controle">
        Controle van de keten
      </Heading>
      <Paragraph>
        Elke regel van het log krijgt kort na het schrijven een vingerafdruk die aan de vorige regel
        vastzit. Verandert of verdwijnt er later een regel, dan breekt de keten op die plek.
      </Paragraph>
      {s.general && <Alert type="error">{s.general}</Alert>}
      <Button
        type="button"
        appearance="primary-action"
        disabled={s.busy}
        onClick={() =>
          void s.run({}, async () => {
            setResult(await api<ChainCheck>('POST', '/toegangslog/controle'));
            return null;
          })
        }
      >
        Keten controleren
      </Button>
      <div aria-live="polite">
        {result?.intact === true && (
          <Alert type="ok">
            De keten is intact: {result.gecontroleerd} regels gecontroleerd op{' '}
            {formatDateTime(result.gecontroleerdOp)}.
            {result.nietVerzegeld > 0 &&
              ` ${result.nietVerzegeld} recente regel(s) zijn nog niet verzegeld; die komen bij de volgende ronde mee.`}
          </Alert>
        )}
        {result?.intact === false && (
          <Alert type="error">
            De keten is verbroken bij regel {result.breuk.regelId} (volgnummer{' '}
            {result.breuk.volgnummer}): {result.breuk.uitleg}. {result.gecontroleerd} regels
            daarvoor zijn in orde.
          </Alert>
        )}
      </div>
    </section>
  );
}

export function AccessLogPage() {
  const choices = useQuery({
    queryKey: ['toegangslog-keuzes'],
    queryFn: () => api<Choice[]>('GET', '/toegangslog/keuzes'),
  });
  const [van, setVan] = useState('');
  const [tot, setTot] = useState('');
  const [organisatie, setOrganisatie] = useState('');
  const [medewerker, setMedewerker] = useState('');
  const [casus, setCasus] = useState('');
  const [actie, setActie] = useState('');
  const [query, setQuery] = useState<URLSearchParams | null>(null);
  const [data, setData] = useState<AccessLogPageData | null>(null);
  const s = useSubmission('Zoeken in het toegangslog lukte niet.', 'zoeken');

  const organisations = choices.data ?? [];
  const staff = organisatie
    ? (organisations.find((o) => o.id === organisatie)?.medewerkers ?? [])
    : organisations.flatMap((o) => o.medewerkers);

  async function load(params: URLSearchParams, page: number, found: FieldErrors = {}) {
    await s.run(found, async () => {
      const withPage = new URLSearchParams(params);
      withPage.set('pagina', String(page));
      withPage.set('perPagina', String(PER_PAGE));
      setData(await api<AccessLogPageData>('GET', `/toegangslog?${withPage.toString()}`));
      setQuery(params);
      return null;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const params = new URLSearchParams();
    const from = van.trim() ? parseDutchDate(van) : null;
    const until = tot.trim() ? parseDutchDate(tot) : null;
    if (van.trim() && !from) found['querystring.van'] = 'vul een datum in als dd-mm-jjjj';
    if (tot.trim() && !until) found['querystring.tot'] = 'vul een datum in als dd-mm-jjjj';
    if (from && until && until < from)
      found['querystring.tot'] = 'de einddatum ligt vóór de begindatum';
    if (casus.trim() && !UUID.test(casus.trim()))
      found['querystring.casus'] = 'vul het volledige casus-id in';
    if (from) params.set('van', from);
    if (until) params.set('tot', until);
    if (organisatie) params.set('organisatie', organisatie);
    if (medewerker) params.set('medewerker', medewerker);
    if (casus.trim()) params.set('casus', casus.trim());
    if (actie.trim()) params.set('actie', actie.trim());
    await load(params, 1, found);
  }

  const pages = data ? Math.max(1, Math.ceil(data.totaal / data.perPagina)) : 1;
  return (
    <>
      <PageHeading title="Toegangslog" />
      <Paragraph>
        Wie bij de organisaties van uw regio welk dossier heeft ingezien of gewijzigd, wanneer, in
        welke rol en met welke rechtvaardiging (NEN 7513). U ziet hier geen inhoud van dossiers. Ook
        uw eigen zoekopdrachten komen in het log.
      </Paragraph>

      <ChainCheckSection />

      <section aria-labelledby="kop-zoeken" className="kaart">
        <Heading level={2} id="kop-zoeken">
          Zoeken
        </Heading>
        <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
          <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
          <div className="naast-elkaar">
            <DateField
              label="Van"
              value={van}
              onChange={setVan}
              required={false}
              {...s.field('querystring.van')}
            />
            <DateField
              label="Tot en met"
              value={tot}
              onChange={setTot}
              required={false}
              {...s.field('querystring.tot')}
            />
          </div>
          <FormField label="Organisatie" {...s.field('querystring.organisatie')}>
            {(w) => (
              <Select
                {...w}
                value={organisatie}
                onChange={(e) => {
                  setOrganisatie(e.target.value);
                  setMedewerker('');
                }}
              >
                <option value="">Alle organisaties van de regio</option>
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.naam}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField label="Medewerker" {...s.field('querystring.medewerker')}>
            {(w) => (
              <Select {...w} value={medewerker} onChange={(e) => setMedewerker(e.target.value)}>
                <option value="">Alle medewerkers</option>
                {staff.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.naam}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField
            label="Casus-id"
            description="het volledige id uit de adresbalk van de casus"
            {...s.field('querystring.casus')}
          >
            {(w) => <Textbox {...w} value={casus} onChange={(e) => setCasus(e.target.value)} />}
          </FormField>
          <FormField
            label="Actie"
            description="bijvoorbeeld casus.lezen, of casus. voor alles over casussen"
            {...s.field('querystring.actie')}
          >
            {(w) => <Textbox {...w} value={actie} onChange={(e) => setActie(e.target.value)} />}
          </FormField>
          <Button type="submit" appearance="primary-action" disabled={s.busy}>
            Zoeken
          </Button>
        </form>
      </section>

      {data && query && (
        <section aria-labelledby="kop-resultaten">
          <Heading level={2} id="kop-resultaten">
            Resultaten
          </Heading>
          <p className="utrecht-paragraph" role="status">
            {data.totaal === 0
              ? 'Geen regels gevonden.'
              : `${data.totaal} regel(s) gevonden; pagina ${data.pagina} van ${pages}.`}
          </p>
          {data.items.length > 0 && (
            <AccessLogTable items={data.items} caption="Toegangslog" showCase />
          )}
          {pages > 1 && (
            <nav aria-label="Pagina's" className="naast-elkaar">
              <Button
                type="button"
                disabled={data.pagina <= 1 || s.busy}
                onClick={() => void load(query, data.pagina - 1)}
              >
                Vorige pagina
              </Button>
              <Button
                type="button"
                disabled={data.pagina >= pages || s.busy}
                onClick={() => void load(query, data.pagina + 1)}
              >
                Volgende pagina
              </Button>
            </nav>
          )}
        </section>
      )}
    </>
  );
}

/** The log's records as a table; shared with the case page's list. */
export function AccessLogTable({
  items,
  caption,
  showCase,
}: {
  items: readonly AccessLogItem[];
  caption: string;
  showCase?: boolean;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col">Wanneer</th>
          <th scope="col">Wie</th>
          <th scope="col">Organisatie</th>
          <th scope="col">Rol</th>
          {showCase && <th scope="col">Casus</th>}
          <th scope="col">Wat</th>
          <th scope="col">Rechtvaardiging</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr key={e.id}>
            <td>{formatDateTime(e.tijdstip)}</td>
            <td>{e.medewerker?.naam ?? 'systeem'}</td>
            <td>{e.organisatie?.naam ?? '—'}</td>
            <td>{e.rol ?? '—'}</td>
            {showCase && <td>{e.casusId ? e.casusId.slice(0, 8) : '—'}</td>}
            <td>
              {e.soortTekst} <span className="regel-id">({e.actie})</span>
            </td>
            <td>{e.rechtvaardiging ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
