/**
 * Signing the plan in the family portal (issue 10, ADR 0026; ZTM-DEC-SIGN): per plan the
 * version that is being written (the concept) with its goals, who signed it and who still must,
 * and a button for the logged-in person to sign it themselves, after one confirmation. The
 * fixed version shows who signed it. Plain Dutch: "u" to a parent, "je" to a young person.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiFailure } from '../api.js';
import { formatDate } from '../format.js';
import { Alert, Button, Heading, Paragraph } from '../nl/index.js';
import { portalApi, type PortalRole } from './portal-api.js';

interface Signing {
  regel: string;
  plannen: {
    id: string;
    soort: string;
    versies: {
      versie: number;
      status: 'concept' | 'vastgesteld';
      handtekeningen: { naam: string; op: string; methode: string; geldig: boolean }[];
      nogNodig: string[];
      doelen: string[];
    }[];
    jij: { magTekenen: boolean; getekend: boolean; moetNogTekenen: boolean; reden: string | null };
  }[];
}

const PLAN_TITLE: Record<string, string> = {
  ondersteuningsplan: 'Ons plan',
  gezinsplan: 'Ons gezinsplan',
  hulpverleningsplan: 'Plan van de hulpverlener',
  toekomstplan: 'Plan voor later',
  veiligheidsplan: 'Afspraken over veiligheid',
  familiegroepsplan: 'Plan van de familie en het netwerk',
};

const METHOD: Record<string, string> = {
  'op-scherm': 'op het scherm bij de hulpverlener',
  'papier-gescand': 'op papier',
  gezinsportaal: 'in het gezinsportaal',
};

type Plan = Signing['plannen'][number];

function SignPlan({ plan, caseId, young }: { plan: Plan; caseId: string; young: boolean }) {
  const client = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const concept = plan.versies.find((v) => v.status === 'concept');
  const fixed = plan.versies.find((v) => v.status === 'vastgesteld');
  const you = (u: string, je: string) => (young ? je : u);
  const headingId = `ondertekenen-${plan.id}`;

  async function sign() {
    setBusy(true);
    setError(null);
    try {
      await portalApi(
        'POST',
        `/casussen/${encodeURIComponent(caseId)}/plannen/${plan.id}/ondertekenen`,
      );
      setAsking(false);
      setDone(true);
      await client.invalidateQueries({ queryKey: ['portaal'] });
    } catch (e) {
      setError(
        e instanceof ApiFailure ? e.message : 'Ondertekenen lukte niet. Probeer het opnieuw.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="portaal-kaart">
      <Heading level={3} id={headingId}>
        {PLAN_TITLE[plan.soort] ?? plan.soort}
        {concept ? `, versie ${concept.versie}` : ''}
      </Heading>
      {concept ? (
        <>
          <Paragraph>
            Dit plan is nog niet klaar. Als iedereen die moet tekenen heeft getekend, kan het plan
            worden vastgesteld.
          </Paragraph>
          {concept.doelen.length > 0 ? (
            <>
              <p className="utrecht-paragraph portaal-naam">Wat er in het plan staat:</p>
              <ul className="portaal-opsomming">
                {concept.doelen.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </>
          ) : null}
          <dl className="portaal-gegevens">
            <dt>Getekend door</dt>
            <dd>
              {concept.handtekeningen.filter((h) => h.geldig).length === 0
                ? 'Nog niemand'
                : concept.handtekeningen
                    .filter((h) => h.geldig)
                    .map(
                      (h) => `${h.naam} (${formatDate(h.op)}, ${METHOD[h.methode] ?? h.methode})`,
                    )
                    .join(', ')}
            </dd>
            <dt>Moet nog tekenen</dt>
            <dd>{concept.nogNodig.length === 0 ? 'Niemand meer' : concept.nogNodig.join(', ')}</dd>
          </dl>
          {concept.handtekeningen.some((h) => !h.geldig) ? (
            <Paragraph>
              Het plan is veranderd nadat{' '}
              {concept.handtekeningen
                .filter((h) => !h.geldig)
                .map((h) => h.naam)
                .join(', ')}{' '}
              tekende. Die handtekening telt daarom niet meer.
            </Paragraph>
          ) : null}
          {done ? (
            <Alert type="ok" focusRef={doneRef}>
              {you(
                'U heeft het plan ondertekend. Dank u wel.',
                'Je hebt het plan ondertekend. Dank je wel.',
              )}
            </Alert>
          ) : plan.jij.getekend ? (
            <p className="utrecht-paragraph portaal-status portaal-status--gegeven">
              {you('U heeft deze versie ondertekend.', 'Je hebt deze versie ondertekend.')}
            </p>
          ) : plan.jij.moetNogTekenen ? (
            <p className="utrecht-paragraph portaal-status portaal-status--open">
              {you('U moet dit plan nog ondertekenen.', 'Jij moet dit plan nog ondertekenen.')}
            </p>
          ) : plan.jij.reden ? (
            <Paragraph>{plan.jij.reden}</Paragraph>
          ) : null}
          {error ? <Alert type="error">{error}</Alert> : null}
          {plan.jij.magTekenen && !done ? (
            asking ? (
              <div
                className="portaal-bevestig"
                ref={confirmRef}
                tabIndex={-1}
                aria-labelledby={`${headingId}-vraag`}
              >
                <p className="utrecht-paragraph portaal-naam" id={`${headingId}-vraag`}>
                  {you('Weet u het zeker?', 'Weet je het zeker?')}
                </p>
                <Paragraph>
                  {you(
                    'Met uw handtekening zegt u dat u het plan heeft gelezen en dat u het ermee eens bent. Verandert het plan daarna, dan vragen we u opnieuw te tekenen.',
                    'Met je handtekening zeg je dat je het plan hebt gelezen en dat je het ermee eens bent. Verandert het plan daarna, dan vragen we je opnieuw te tekenen.',
                  )}
                </Paragraph>
                <div className="portaal-knoppen">
                  <Button appearance="primary-action" disabled={busy} onClick={() => void sign()}>
                    Ja, ik onderteken het plan
                  </Button>
                  <Button disabled={busy} onClick={() => setAsking(false)}>
                    Nee, nog niet
                  </Button>
                </div>
              </div>
            ) : (
              <div className="portaal-knoppen">
                <Button appearance="primary-action" onClick={() => setAsking(true)}>
                  Plan ondertekenen
                </Button>
              </div>
            )
          ) : null}
        </>
      ) : null}
      {fixed ? (
        <Paragraph>
          {`Versie ${fixed.versie} is afgesproken. `}
          {fixed.handtekeningen.length > 0
            ? `Ondertekend door ${fixed.handtekeningen.map((h) => h.naam).join(', ')}.`
            : ''}
        </Paragraph>
      ) : null}
    </li>
  );
}

/** The "Ondertekenen" section of a case in the portal. */
export function PortalSignSection({ caseId, role }: { caseId: string; role: PortalRole }) {
  const query = useQuery({
    queryKey: ['portaal', 'ondertekenen', caseId],
    queryFn: () =>
      portalApi<Signing>('GET', `/casussen/${encodeURIComponent(caseId)}/ondertekenen`),
    retry: false,
  });
  const young = role !== 'vertegenwoordiger';
  return (
    <section className="portaal-sectie" aria-labelledby="ondertekenen">
      <Heading level={2} id="ondertekenen">
        Ondertekenen
      </Heading>
      {query.isPending ? (
        <p className="utrecht-paragraph">Even geduld…</p>
      ) : query.isError ? (
        <Alert type="error">{query.error.message}</Alert>
      ) : query.data.plannen.length === 0 ? (
        <p className="utrecht-paragraph portaal-leeg">Er is nog geen plan om te ondertekenen.</p>
      ) : (
        <>
          <Paragraph>
            {young
              ? 'Vanaf 12 jaar teken je het plan zelf mee, net als je ouders.'
              : 'Ouders en jongeren vanaf 12 jaar ondertekenen het plan.'}{' '}
            <span className="portaal-regel">Afspraak {query.data.regel}</span>
          </Paragraph>
          <ul className="portaal-kaarten">
            {query.data.plannen.map((p) => (
              <SignPlan key={p.id} plan={p} caseId={caseId} young={young} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
