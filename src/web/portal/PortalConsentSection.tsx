/**
 * Consent in the family portal (issue 10, ADR 0026; Jeugdwet 7.3.11): per kind of recipient the
 * logged-in person's own consent — given, withdrawn, or not asked yet — and the statements of
 * others they may see; giving it again is one tap, withdrawing asks first and says in plain
 * words what a withdrawal means. Each person states only for themselves: "u" to a parent, "je"
 * to a young person.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { RECIPIENT_NL, type RecipientKind } from '../../domain/privacy/consent.js';
import { ApiFailure } from '../api.js';
import { formatDate } from '../format.js';
import { Alert, Button, Heading, Paragraph } from '../nl/index.js';
import { portalApi, type PortalRole } from './portal-api.js';

type Status = 'gegeven' | 'ingetrokken' | 'nog-niet-gevraagd';

interface Line {
  status: Status;
  datum: string | null;
  doel: string | null;
  manier: string | null;
}

interface Consents {
  regel: string;
  persoonId: string;
  ontvangers: { soort: RecipientKind; eigen: Line; anderen: (Line & { naam: string })[] }[];
}

const STATUS_WORDS: Record<Status, string> = {
  gegeven: 'Gegeven',
  ingetrokken: 'Ingetrokken',
  'nog-niet-gevraagd': 'Nog niet gevraagd',
};

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function Recipient({
  item,
  caseId,
  young,
}: {
  item: Consents['ontvangers'][number];
  caseId: string;
  young: boolean;
}) {
  const client = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const you = (u: string, je: string) => (young ? je : u);
  const name = RECIPIENT_NL[item.soort];
  const id = `toestemming-${item.soort}`;

  async function state(status: 'gegeven' | 'ingetrokken') {
    setBusy(true);
    setError(null);
    try {
      await portalApi('POST', `/casussen/${encodeURIComponent(caseId)}/toestemmingen`, {
        ontvangerSoort: item.soort,
        status,
      });
      setAsking(false);
      setDone(
        status === 'ingetrokken'
          ? you(
              `U heeft uw toestemming voor ${name} ingetrokken.`,
              `Je hebt je toestemming voor ${name} ingetrokken.`,
            )
          : you(
              `U heeft toestemming gegeven voor ${name}.`,
              `Je hebt toestemming gegeven voor ${name}.`,
            ),
      );
      await client.invalidateQueries({ queryKey: ['portaal'] });
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : 'Dat lukte niet. Probeer het opnieuw.');
    } finally {
      setBusy(false);
    }
  }

  const own = item.eigen;
  return (
    <li className="portaal-kaart">
      <Heading level={3} id={id}>
        {capital(name)}
      </Heading>
      <p className="utrecht-paragraph">
        {you('Uw toestemming: ', 'Jouw toestemming: ')}
        <span className={`portaal-status portaal-status--${own.status}`}>
          {STATUS_WORDS[own.status]}
        </span>
        {own.datum ? ` (sinds ${formatDate(own.datum)})` : ''}
      </p>
      {own.doel ? <Paragraph>Waarvoor: {own.doel}.</Paragraph> : null}
      {item.anderen.length > 0 ? (
        <dl className="portaal-gegevens">
          {item.anderen.map((o) => (
            <div key={o.naam}>
              <dt>{o.naam}</dt>
              <dd>
                {STATUS_WORDS[o.status]}
                {o.datum ? ` (sinds ${formatDate(o.datum)})` : ''}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {done ? (
        <Alert type="ok" focusRef={doneRef}>
          {done}
        </Alert>
      ) : null}
      {error ? <Alert type="error">{error}</Alert> : null}
      {own.status === 'gegeven' ? (
        asking ? (
          <div
            className="portaal-bevestig"
            ref={confirmRef}
            tabIndex={-1}
            aria-labelledby={`${id}-vraag`}
          >
            <p className="utrecht-paragraph portaal-naam" id={`${id}-vraag`}>
              {you(
                `Wilt u uw toestemming voor ${name} intrekken?`,
                `Wil je je toestemming voor ${name} intrekken?`,
              )}
            </p>
            <Paragraph>
              {you(
                `Dan delen de hulpverleners vanaf vandaag geen gegevens meer met ${name} op grond van uw toestemming. Wat al gedeeld is, kan niet worden teruggehaald. Alleen als de wet het toestaat, of bij een ernstige zorg over de veiligheid, mag het soms toch. U kunt later opnieuw toestemming geven.`,
                `Dan delen de hulpverleners vanaf vandaag geen gegevens meer met ${name} op grond van jouw toestemming. Wat al gedeeld is, kan niet worden teruggehaald. Alleen als de wet het toestaat, of bij een ernstige zorg over de veiligheid, mag het soms toch. Je kunt later opnieuw toestemming geven.`,
              )}
            </Paragraph>
            <div className="portaal-knoppen">
              <Button
                appearance="primary-action"
                disabled={busy}
                onClick={() => void state('ingetrokken')}
              >
                Ja, toestemming intrekken
              </Button>
              <Button disabled={busy} onClick={() => setAsking(false)}>
                Nee, niet intrekken
              </Button>
            </div>
          </div>
        ) : (
          <div className="portaal-knoppen">
            <Button
              onClick={() => {
                setDone(null);
                setAsking(true);
              }}
            >
              Toestemming intrekken<span className="visueel-verborgen"> voor {name}</span>
            </Button>
          </div>
        )
      ) : (
        <div className="portaal-knoppen">
          <Button disabled={busy} onClick={() => void state('gegeven')}>
            Toestemming geven<span className="visueel-verborgen"> voor {name}</span>
          </Button>
        </div>
      )}
    </li>
  );
}

/** The "Toestemming" section of a case in the portal. */
export function PortalConsentSection({ caseId, role }: { caseId: string; role: PortalRole }) {
  const query = useQuery({
    queryKey: ['portaal', 'toestemmingen', caseId],
    queryFn: () =>
      portalApi<Consents>('GET', `/casussen/${encodeURIComponent(caseId)}/toestemmingen`),
    retry: false,
  });
  const young = role !== 'vertegenwoordiger';
  return (
    <section className="portaal-sectie" aria-labelledby="toestemming">
      <Heading level={2} id="toestemming">
        Toestemming
      </Heading>
      <Paragraph>
        {young
          ? 'Hulpverleners delen alleen gegevens over jou en je gezin met anderen als jij (en vanaf 12 tot 16 jaar ook je ouders) dat goed vinden. Hier zie je wat je hebt afgesproken. Je kunt je toestemming altijd intrekken.'
          : 'Hulpverleners delen alleen gegevens over uw gezin met anderen als u dat goed vindt. Hier ziet u wat u heeft afgesproken. U kunt uw toestemming altijd intrekken. Een jongere vanaf 16 jaar beslist zelf.'}{' '}
        {query.data ? <span className="portaal-regel">({query.data.regel})</span> : null}
      </Paragraph>
      {query.isPending ? (
        <p className="utrecht-paragraph">Even geduld…</p>
      ) : query.isError ? (
        <Alert type="error">{query.error.message}</Alert>
      ) : (
        <ul className="portaal-kaarten">
          {query.data.ontvangers.map((o) => (
            <Recipient key={o.soort} item={o} caseId={caseId} young={young} />
          ))}
        </ul>
      )}
    </section>
  );
}
