/**
 * "Iets vragen" on the family portal's case page (issue 10, ADR 0026): ask the local team for a
 * casusregisseur while the family holds casusregie itself, and ask to look at the record or for
 * a copy of it (Jeugdwet 7.3.10), with the status of one's own requests. The server decides who
 * may (a young person of 12 to 15 goes through the parents) and says why not in plain words.
 * Plain Dutch (B1): "u" to parents, "je" to young people.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiFailure } from '../api.js';
import { formatDate, formatDateTime } from '../format.js';
import {
  Alert,
  Button,
  ChoiceGroup,
  FormField,
  Heading,
  Paragraph,
  Textarea,
} from '../nl/index.js';
import { portalApi, type PortalRole } from './portal-api.js';

interface Requests {
  gezinHeeftCasusregie: boolean;
  casusregisseurGevraagd: { op: string; reden: string | null } | null;
  /** The local team's "no" to the last request, with its explanation (until asked again). */
  casusregisseurAfgewezen: { op: string; toelichting: string } | null;
  casusregisseurVragenKanNiet: string | null;
  dossierverzoeken: {
    id: string;
    soort: 'inzage-afschrift' | 'vernietiging';
    vorm: 'inzage' | 'afschrift' | null;
    ontvangenOp: string;
    status: 'in-behandeling' | 'klaar' | 'geweigerd';
  }[];
  dossierVragenKanNiet: string | null;
}

const REASON_MAX = 500;

/** Words for "u" (a parent) or "je" (a young person). */
const wordsFor = (role: PortalRole) =>
  role === 'vertegenwoordiger'
    ? {
        family: 'uw gezin',
        again: 'U kunt het opnieuw vragen als u dat wilt.',
        holds: 'U houdt nu zelf het overzicht over de hulp (casusregie).',
        tooMuch:
          'Wordt dat te veel? Dan kunt u het lokaal team vragen om een casusregisseur. Die neemt het overzicht van u over.',
        record:
          'U mag lezen wat er over u en uw kinderen onder de 16 jaar is opgeschreven. U kunt het dossier komen inzien, of een kopie vragen (Jeugdwet artikel 7.3.10). Wat alleen over iemand anders gaat, blijft soms weg.',
      }
    : {
        family: 'jullie',
        again: 'Je kunt het opnieuw vragen als je dat wilt.',
        holds: 'Jullie houden nu zelf het overzicht over de hulp (casusregie).',
        tooMuch:
          'Wordt dat te veel? Dan kun je het lokaal team vragen om een casusregisseur. Die neemt het overzicht over.',
        record:
          'Je mag lezen wat er over jou is opgeschreven. Je kunt het dossier komen inzien, of een kopie vragen (Jeugdwet artikel 7.3.10). Wat alleen over iemand anders gaat, blijft soms weg.',
      };

const STATUS: Record<Requests['dossierverzoeken'][number]['status'], string> = {
  'in-behandeling': 'We zijn ermee bezig',
  klaar: 'Klaar: de casusregisseur neemt contact op',
  geweigerd: 'Afgewezen',
};

function requestTitle(r: Requests['dossierverzoeken'][number]): string {
  if (r.soort === 'vernietiging') return 'Verzoek om het dossier te vernietigen';
  if (r.vorm === 'inzage') return 'Het dossier inzien';
  if (r.vorm === 'afschrift') return 'Een kopie van het dossier';
  return 'Het dossier inzien en een kopie';
}

export function PortalRequestsSection({ caseId, role }: { caseId: string; role: PortalRole }) {
  const query = useQuery({
    queryKey: ['portaal', 'verzoeken', caseId],
    queryFn: () => portalApi<Requests>('GET', `/casussen/${encodeURIComponent(caseId)}/verzoeken`),
    retry: false,
  });
  const w = wordsFor(role);
  return (
    <section className="portaal-sectie portaal-verzoeken" aria-labelledby="iets-vragen">
      <Heading level={2} id="iets-vragen">
        Iets vragen
      </Heading>
      {query.isPending ? (
        <p className="utrecht-paragraph" role="status">
          Even geduld…
        </p>
      ) : query.isError ? (
        <Alert type="error">{query.error.message}</Alert>
      ) : (
        <>
          <Casusregisseur caseId={caseId} data={query.data} role={role} />
          <Heading level={3}>Het dossier inzien of een kopie krijgen</Heading>
          <Paragraph>{w.record}</Paragraph>
          {query.data.dossierVragenKanNiet ? (
            <Paragraph>{query.data.dossierVragenKanNiet}</Paragraph>
          ) : (
            <RecordRequestForm caseId={caseId} role={role} />
          )}
          {query.data.dossierverzoeken.length > 0 && (
            <>
              <Heading level={3}>{role === 'vertegenwoordiger' ? 'Uw' : 'Je'} verzoeken</Heading>
              <ul className="portaal-kaarten">
                {query.data.dossierverzoeken.map((r) => (
                  <li key={r.id} className="portaal-kaart">
                    <Heading level={4}>{requestTitle(r)}</Heading>
                    <Paragraph>Gevraagd op {formatDate(r.ontvangenOp)}.</Paragraph>
                    <p className="utrecht-paragraph">
                      <span className={`portaal-status portaal-status--${r.status}`}>
                        {STATUS[r.status]}
                      </span>
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

function Casusregisseur({
  caseId,
  data,
  role,
}: {
  caseId: string;
  data: Requests;
  role: PortalRole;
}) {
  const w = wordsFor(role);
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!data.gezinHeeftCasusregie) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (reason.trim().length > REASON_MAX) {
      setError(`Schrijf hoogstens ${REASON_MAX} tekens.`);
      document.getElementById('casusregisseur-reden')?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await portalApi('POST', `/casussen/${encodeURIComponent(caseId)}/casusregisseur-vragen`, {
        reden: reason.trim() || null,
      });
      setReason('');
      await client.invalidateQueries({ queryKey: ['portaal', 'verzoeken', caseId] });
    } catch (e) {
      const field =
        e instanceof ApiFailure ? e.fields.find((f) => f.path === 'body.reden') : undefined;
      if (field) setError(field.message);
      else setFailure(e instanceof Error ? e.message : 'Dat lukte niet. Probeer het opnieuw.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Heading level={3}>Een casusregisseur vragen</Heading>
      <Paragraph>{w.holds}</Paragraph>
      {data.casusregisseurGevraagd ? (
        <Alert type="info">
          Op {formatDateTime(data.casusregisseurGevraagd.op)} is voor {w.family} om een
          casusregisseur gevraagd. Het lokaal team neemt contact met {w.family} op.
        </Alert>
      ) : data.casusregisseurVragenKanNiet ? (
        <Paragraph>{data.casusregisseurVragenKanNiet}</Paragraph>
      ) : (
        <>
          {data.casusregisseurAfgewezen && (
            <Alert type="info">
              <Paragraph>
                Op {formatDateTime(data.casusregisseurAfgewezen.op)} heeft het lokaal team het
                verzoek om een casusregisseur niet toegekend. Dit is de uitleg van het team:
              </Paragraph>
              <Paragraph>{data.casusregisseurAfgewezen.toelichting}</Paragraph>
              <Paragraph>{w.again}</Paragraph>
            </Alert>
          )}
          <Paragraph>{w.tooMuch}</Paragraph>
          {failure && <Alert type="error">{failure}</Alert>}
          <form onSubmit={(e) => void submit(e)} noValidate className="portaal-formulier">
            <FormField
              label={`Waarom wil${role === 'vertegenwoordiger' ? 't u' : ' je'} een casusregisseur?`}
              inputId="casusregisseur-reden"
              description={`Hoogstens ${REASON_MAX} tekens.`}
              error={error ?? undefined}
            >
              {(wiring) => (
                <Textarea
                  {...wiring}
                  name="reden"
                  rows={3}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              )}
            </FormField>
            <Button type="submit" appearance="primary-action" disabled={busy}>
              Vraag een casusregisseur
            </Button>
          </form>
        </>
      )}
    </>
  );
}

function RecordRequestForm({ caseId, role }: { caseId: string; role: PortalRole }) {
  const client = useQueryClient();
  const [kind, setKind] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const you = role === 'vertegenwoordiger' ? 'u' : 'je';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setDone(null);
    if (kind.length === 0) {
      setError(`Kies wat ${you} wilt.`);
      document.querySelector<HTMLInputElement>('input[name="dossier-vorm"]')?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const answer = await portalApi<{ id: string; waarschuwingen: string[] }>(
        'POST',
        `/casussen/${encodeURIComponent(caseId)}/inzageverzoeken`,
        { soort: kind[0] },
      );
      setDone(answer.waarschuwingen);
      setKind([]);
      await client.invalidateQueries({ queryKey: ['portaal', 'verzoeken', caseId] });
    } catch (e) {
      const field =
        e instanceof ApiFailure ? e.fields.find((f) => f.path === 'body.soort') : undefined;
      if (field) setError(field.message);
      else setFailure(e instanceof Error ? e.message : 'Dat lukte niet. Probeer het opnieuw.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {failure && <Alert type="error">{failure}</Alert>}
      {done && (
        <Alert type="ok">
          {role === 'vertegenwoordiger' ? 'Uw' : 'Je'} verzoek is verstuurd. De casusregisseur neemt
          contact met {you} op.
          {done.map((warning) => (
            <span key={warning}> {warning}</span>
          ))}
        </Alert>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="portaal-formulier">
        <ChoiceGroup
          legend={`Wat wil${role === 'vertegenwoordiger' ? 't u' : ' je'}?`}
          type="radio"
          name="dossier-vorm"
          options={[
            ['inzage', 'Het dossier inzien (lezen)'],
            ['afschrift', 'Een kopie van het dossier (afschrift)'],
          ]}
          selected={kind}
          onChange={setKind}
          error={error}
        />
        <Button type="submit" appearance="primary-action" disabled={busy}>
          Verzoek versturen
        </Button>
      </form>
    </>
  );
}
