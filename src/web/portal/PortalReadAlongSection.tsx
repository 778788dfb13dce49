/**
 * "Meelezen" on the family portal's case page (issue 10, ADR 0026): a young person of 16 or
 * older chooses whether the parents see what concerns only them (Jeugdwet 7.3.11, WGBO 7:457).
 * Shown only to a 16+ young person; the server refuses anyone else (403). The choice can be
 * changed at any time and works at once in what the parents see. Plain Dutch (B1), "je".
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiFailure } from '../api.js';
import { formatDateTime } from '../format.js';
import { Alert, Button, ChoiceGroup, Heading, Paragraph } from '../nl/index.js';
import { portalApi, type PortalRole } from './portal-api.js';

interface ReadAlong {
  meelezen: boolean;
  gewijzigdOp: string | null;
}

export function PortalReadAlongSection({ caseId, role }: { caseId: string; role: PortalRole }) {
  if (role !== 'jongere-16-plus') return null;
  return <ReadAlongChoice caseId={caseId} />;
}

function ReadAlongChoice({ caseId }: { caseId: string }) {
  const client = useQueryClient();
  const key = ['portaal', 'meelezen', caseId];
  const query = useQuery({
    queryKey: key,
    queryFn: () => portalApi<ReadAlong>('GET', `/casussen/${encodeURIComponent(caseId)}/meelezen`),
    retry: false,
  });
  /** The young person's pick before saving; null: the stored choice. */
  const [picked, setPicked] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = query.data?.meelezen;
  const choice = picked ?? (current === undefined ? [] : [current ? 'ja' : 'nee']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setSaved(null);
    setBusy(true);
    try {
      const answer = await portalApi<ReadAlong>(
        'PUT',
        `/casussen/${encodeURIComponent(caseId)}/meelezen`,
        { meelezen: choice[0] === 'ja' },
      );
      client.setQueryData(key, answer);
      await client.invalidateQueries({ queryKey: ['portaal'] });
      setSaved(
        answer.meelezen
          ? 'Bewaard. Je ouders kunnen nu ook zien wat alleen over jou gaat.'
          : 'Bewaard. Je ouders zien niet wat alleen over jou gaat.',
      );
    } catch (e) {
      setFailure(
        e instanceof ApiFailure || e instanceof Error
          ? e.message
          : 'Dat lukte niet. Probeer het opnieuw.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="portaal-sectie" aria-labelledby="meelezen">
      <Heading level={2} id="meelezen">
        Meelezen door je ouders
      </Heading>
      <Paragraph>
        Je bent 16 jaar of ouder. Dan beslis je zelf of je ouders zien wat alleen over jou gaat,
        zoals jouw eigen doelen in het plan. Je kunt dit altijd weer veranderen.
      </Paragraph>
      {query.isPending ? (
        <p className="utrecht-paragraph" role="status">
          Even geduld…
        </p>
      ) : query.isError ? (
        <Alert type="error">{query.error.message}</Alert>
      ) : (
        <>
          {failure && <Alert type="error">{failure}</Alert>}
          {saved && <Alert type="ok">{saved}</Alert>}
          <form onSubmit={(e) => void submit(e)} noValidate className="portaal-formulier">
            <ChoiceGroup
              legend="Mijn ouders mogen meelezen met wat over mij gaat"
              type="radio"
              name="meelezen"
              options={[
                ['ja', 'Ja, dat vind ik goed'],
                ['nee', 'Nee, liever niet'],
              ]}
              selected={choice}
              onChange={setPicked}
              {...(query.data.gewijzigdOp
                ? { description: `Je koos dit op ${formatDateTime(query.data.gewijzigdOp)}.` }
                : {})}
            />
            <Button type="submit" appearance="primary-action" disabled={busy}>
              Keuze bewaren
            </Button>
          </form>
        </>
      )}
    </section>
  );
}
