/**
 * "Mijn notities" on the family portal's case page (issue 10, ADR 0026): a family member's own
 * notes on the case. Only the writer reads them — not the other parent, not the children —
 * unless the writer shares a note with the casusregisseur, who then reads it on the case page.
 * Plain Dutch (B1): "u" to parents, "je" to young people.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiFailure } from '../api.js';
import { formatDateTime } from '../format.js';
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

interface Notes {
  notities: { id: string; tekst: string; gedeeld: boolean; gemaaktOp: string }[];
}

const NOTE_MAX = 2000;
const TEXT_ID = 'notitie-tekst';

export function PortalNotesSection({ caseId, role }: { caseId: string; role: PortalRole }) {
  const parent = role === 'vertegenwoordiger';
  const query = useQuery({
    queryKey: ['portaal', 'notities', caseId],
    queryFn: () => portalApi<Notes>('GET', `/casussen/${encodeURIComponent(caseId)}/notities`),
    retry: false,
  });
  return (
    <section className="portaal-sectie portaal-notities" aria-labelledby="mijn-notities">
      <Heading level={2} id="mijn-notities">
        Mijn notities
      </Heading>
      <Paragraph>
        {parent
          ? 'Schrijf hier op wat u wilt onthouden of wilt bespreken. Alleen u leest uw notities. Wilt u dat de casusregisseur een notitie ook leest? Kies dan "Ik en de casusregisseur".'
          : 'Schrijf hier op wat je wilt onthouden of wilt bespreken. Alleen jij leest je notities. Wil je dat de casusregisseur een notitie ook leest? Kies dan "Ik en de casusregisseur".'}
      </Paragraph>
      <NoteForm caseId={caseId} parent={parent} />
      {query.isPending ? (
        <p className="utrecht-paragraph" role="status">
          Even geduld…
        </p>
      ) : query.isError ? (
        <Alert type="error">{query.error.message}</Alert>
      ) : query.data.notities.length === 0 ? (
        <p className="utrecht-paragraph portaal-leeg">
          {parent ? 'U heeft' : 'Je hebt'} nog geen notities.
        </p>
      ) : (
        <ul className="portaal-kaarten">
          {query.data.notities.map((n) => (
            <li key={n.id} className="portaal-kaart portaal-notitie">
              <p className="utrecht-paragraph portaal-notitie__datum">
                {formatDateTime(n.gemaaktOp)}
              </p>
              <p className="utrecht-paragraph portaal-notitie__tekst">{n.tekst}</p>
              <p className="utrecht-paragraph">
                <span className="portaal-status">
                  {n.gedeeld
                    ? 'Gedeeld met de casusregisseur'
                    : parent
                      ? 'Alleen voor u'
                      : 'Alleen voor jou'}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NoteForm({ caseId, parent }: { caseId: string; parent: boolean }) {
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [share, setShare] = useState<string[]>(['alleen-ik']);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setSaved(false);
    const problem =
      text.trim().length === 0
        ? parent
          ? 'Schrijf eerst uw notitie.'
          : 'Schrijf eerst je notitie.'
        : text.trim().length > NOTE_MAX
          ? `Schrijf hoogstens ${NOTE_MAX} tekens.`
          : undefined;
    setError(problem);
    if (problem) {
      document.getElementById(TEXT_ID)?.focus();
      return;
    }
    setBusy(true);
    try {
      await portalApi('POST', `/casussen/${encodeURIComponent(caseId)}/notities`, {
        tekst: text,
        gedeeld: share[0] === 'casusregisseur',
      });
      setText('');
      setShare(['alleen-ik']);
      setSaved(true);
      await client.invalidateQueries({ queryKey: ['portaal', 'notities', caseId] });
    } catch (e) {
      const field =
        e instanceof ApiFailure ? e.fields.find((f) => f.path === 'body.tekst') : undefined;
      if (field) setError(field.message);
      else setFailure(e instanceof Error ? e.message : 'Dat lukte niet. Probeer het opnieuw.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {failure && <Alert type="error">{failure}</Alert>}
      {saved && <Alert type="ok">De notitie is bewaard.</Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="portaal-formulier">
        <FormField
          label="Notitie"
          inputId={TEXT_ID}
          description={`Hoogstens ${NOTE_MAX} tekens.`}
          error={error}
          required
        >
          {(wiring) => (
            <Textarea
              {...wiring}
              name="tekst"
              rows={4}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </FormField>
        <ChoiceGroup
          legend="Wie mag deze notitie lezen?"
          type="radio"
          name="notitie-delen"
          options={[
            ['alleen-ik', 'Alleen ik'],
            ['casusregisseur', 'Ik en de casusregisseur'],
          ]}
          selected={share}
          onChange={setShare}
        />
        <Button type="submit" appearance="primary-action" disabled={busy}>
          Notitie bewaren
        </Button>
      </form>
    </>
  );
}
