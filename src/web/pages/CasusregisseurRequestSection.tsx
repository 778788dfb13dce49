/**
 * The family's request for a casusregisseur on the case page (issue 10): while the family holds
 * casusregie and has asked in the portal, the local team sees when and why. Whoever may assign
 * roles answers it: by taking casusregie over (the role form under "Rollen"), or by declining
 * it with an explanation that the family reads in the portal; the family may then ask again.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DECLINE_REASON_MAX } from '../../domain/portal/requests.js';
import { api, ApiFailure, type CaseView } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { useSubmission } from '../forms.js';
import { formatDateTime } from '../format.js';
import { Alert, Button, FormField, Heading, Paragraph, Textarea } from '../nl/index.js';

interface RequestView {
  gezinHeeftCasusregie: boolean;
  open: { op: string; reden: string | null } | null;
  afgewezen: { op: string; toelichting: string } | null;
  magBeantwoorden: boolean;
}

const labelOf = (p: string) => (p === 'toelichting' ? 'Uitleg voor het gezin' : p);

/** Whether the family holds casusregie now, by the case's roles. */
function familyHoldsCasusregie(casus: CaseView, now = Date.now()): boolean {
  return casus.rollen.some(
    (r) =>
      r.rol === 'casusregie' &&
      r.houder === 'gezin' &&
      Date.parse(r.vanaf) <= now &&
      (r.tot === null || Date.parse(r.tot) > now),
  );
}

export function CasusregisseurRequestSection({ casus }: { casus: CaseView }) {
  const holds = familyHoldsCasusregie(casus);
  /** Said (and focused) after this user declined: the form they were in is gone then. */
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const request = useQuery({
    queryKey: ['casusregisseur-verzoek', casus.id],
    queryFn: () => api<RequestView>('GET', `/casussen/${casus.id}/casusregisseur-verzoek`),
    enabled: holds,
  });
  const data = request.data;
  if (!holds || !data || (!data.open && !data.afgewezen)) return null;
  return (
    <section aria-labelledby="kop-regieverzoek">
      <Heading level={2} id="kop-regieverzoek">
        Verzoek om een casusregisseur
      </Heading>
      {done && (
        <Alert type="ok" focusRef={doneRef}>
          {done}
        </Alert>
      )}
      {data.open ? (
        <>
          <Paragraph>
            Het gezin vroeg op {formatDateTime(data.open.op)} in het gezinsportaal om een
            casusregisseur.
            {data.open.reden ? ` Waarom: “${data.open.reden}”` : ' Het gaf geen reden op.'}
          </Paragraph>
          {data.magBeantwoorden && <Decline casus={casus} onDone={setDone} />}
        </>
      ) : (
        data.afgewezen && (
          <Paragraph>
            Het laatste verzoek is op {formatDateTime(data.afgewezen.op)} afgewezen. Uitleg aan het
            gezin: “{data.afgewezen.toelichting}”
          </Paragraph>
        )
      )}
    </section>
  );
}

function Decline({ casus, onDone }: { casus: CaseView; onDone: (said: string) => void }) {
  const client = useQueryClient();
  const [text, setText] = useState('');
  const s = useSubmission('Afwijzen lukte niet. Probeer het opnieuw.', 'regieverzoek');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!text.trim()) found['toelichting'] = 'schrijf voor het gezin waarom niet';
    else if (text.trim().length > DECLINE_REASON_MAX)
      found['toelichting'] = `hoogstens ${DECLINE_REASON_MAX} tekens`;
    const refresh = () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['casusregisseur-verzoek', casus.id] }),
        client.invalidateQueries({ queryKey: ['casus', casus.id] }),
      ]);
    await s.run(found, async () => {
      try {
        await api('POST', `/casussen/${casus.id}/casusregisseur-verzoek/afwijzing`, {
          toelichting: text,
        });
      } catch (error) {
        // Answered or closed meanwhile: show the case as it is now, with the refusal.
        if (error instanceof ApiFailure && error.status === 409) await refresh();
        throw error;
      }
      onDone('Het verzoek is afgewezen. Het gezin leest uw uitleg in het gezinsportaal.');
      await refresh();
      return null;
    });
  }
  return (
    <>
      <Paragraph>
        Neemt het team de casusregie over? Leg dat vast bij Rollen. Zo niet, wijs het verzoek dan af
        en leg het gezin uit waarom: het gezin leest uw uitleg in het gezinsportaal en kan daarna
        opnieuw vragen.
      </Paragraph>
      <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
        <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
        {s.done && <Alert type="ok">{s.done}</Alert>}
        <FormField
          label="Uitleg voor het gezin"
          description={`Het gezin leest dit. Hoogstens ${DECLINE_REASON_MAX} tekens.`}
          {...s.field('toelichting')}
          required
        >
          {(w) => <Textarea {...w} value={text} onChange={(e) => setText(e.target.value)} />}
        </FormField>
        <Button type="submit" disabled={s.busy}>
          Verzoek afwijzen
        </Button>
      </form>
    </>
  );
}
