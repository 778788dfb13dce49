/**
 * The family's opt-out on the case page (route B, GRO-TOE-OPTOUT). Everyone who reads the case
 * sees whether the family signed a statement that the local team is not to be informed. The
 * treating provider (planner or practitioner of the organisation holding behandelregie) files
 * the statement, and records it when the family withdraws it.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type CaseView, type Me } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateField, RuleLink, useSubmission } from '../forms.js';
import { formatDate, parseDutchDate } from '../format.js';
import { Alert, Button, FormField, Heading, Paragraph, Textbox } from '../nl/index.js';
import { useSession } from '../session.js';

interface OptOut {
  id: string;
  ondertekendOp: string;
  ondertekendDoor: { id: string; naam: string }[];
  kenmerk: string;
  vastgelegdDoor: string;
  vastgelegdOp: string;
}

const LABELS: Record<string, string> = {
  ondertekendOp: 'Getekend op',
  ondertekendDoor: 'Getekend door',
  kenmerk: 'Plaats in het dossier',
  lokaalTeam: 'Lokaal team',
  optOut: 'Opt-out',
  route: 'Route',
};

/** Whether this user files opt-outs on this case: the treating provider's staff. */
function filesOptOut(me: Me | null | undefined, casus: CaseView): boolean {
  if (!me) return false;
  const treats = casus.rollen.some(
    (r) =>
      r.rol === 'behandelregie' &&
      r.tot === null &&
      r.organisatieId === me.medewerker.organisatieId,
  );
  return treats && me.medewerker.rollen.some((r) => r === 'planner' || r === 'behandelaar');
}

export function OptOutSection({ casus }: { casus: CaseView }) {
  const session = useSession();
  const optOut = useQuery({
    queryKey: ['opt-out', casus.id],
    queryFn: () => api<{ optOut: OptOut | null }>('GET', `/casussen/${casus.id}/opt-out`),
    enabled: casus.route === 'B',
  });
  if (casus.route !== 'B' || !optOut.data) return null;
  const current = optOut.data.optOut;
  const files = filesOptOut(session.data, casus);
  return (
    <section aria-labelledby="kop-opt-out">
      <Heading level={2} id="kop-opt-out">
        Lokaal team informeren
      </Heading>
      {current ? (
        <Alert type="warning">
          <Paragraph>
            <strong>Opt-out:</strong> het gezin wil niet dat het lokale team wordt geïnformeerd. De
            gemeente beoordeelt verzoeken zonder het team, of stelt het team alleen een anonieme
            vraag (<RuleLink id="GRO-TOE-OPTOUT" />
            ).
          </Paragraph>
          <Paragraph>
            Getekend op {formatDate(current.ondertekendOp)} door{' '}
            {current.ondertekendDoor.map((p) => p.naam).join(' en ')}; verklaring: {current.kenmerk}
            . Vastgelegd door {current.vastgelegdDoor}.
          </Paragraph>
        </Alert>
      ) : (
        <Paragraph>
          Er is geen opt-out: met toestemming van het gezin kan het lokale team worden betrokken (
          <RuleLink id="GRO-TOE-OPTOUT" />
          ).
        </Paragraph>
      )}
      {files && (current ? <Withdraw casus={casus} /> : <RecordOptOut casus={casus} />)}
    </section>
  );
}

function RecordOptOut({ casus }: { casus: CaseView }) {
  const client = useQueryClient();
  const [date, setDate] = useState('');
  const [signers, setSigners] = useState<string[]>([]);
  const [reference, setReference] = useState('');
  const s = useSubmission('De opt-out vastleggen lukte niet. Probeer het opnieuw.', 'optout');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const iso = parseDutchDate(date);
    if (!iso) found['ondertekendOp'] = 'vul een datum in als dd-mm-jjjj';
    if (signers.length === 0) found['ondertekendDoor'] = 'kies wie de verklaring tekende';
    if (!reference.trim())
      found['kenmerk'] = 'noem waar de getekende verklaring in het dossier staat';
    await s.run(found, async () => {
      await api('POST', `/casussen/${casus.id}/opt-out`, {
        ondertekendOp: iso,
        ondertekendDoor: signers,
        kenmerk: reference,
      });
      await Promise.all([
        client.invalidateQueries({ queryKey: ['opt-out', casus.id] }),
        client.invalidateQueries({ queryKey: ['casus', casus.id] }),
      ]);
      return 'De opt-out is vastgelegd.';
    });
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Opt-out vastleggen</Heading>
      <Paragraph>
        Wil het gezin niet dat het lokale team wordt geïnformeerd? Leg de getekende verklaring vast.
      </Paragraph>
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => LABELS[p.split('.')[0] ?? p] ?? p}
        onlyFields={(p) => p === 'ondertekendOp' || p === 'kenmerk'}
      />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <DateField
        label="Getekend op"
        value={date}
        onChange={setDate}
        {...s.field('ondertekendOp')}
      />
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          Getekend door
        </legend>
        {s.errors['ondertekendDoor'] && (
          <p className="utrecht-form-field-error-message">{s.errors['ondertekendDoor']}</p>
        )}
        {casus.personen.map((p) => (
          <div key={p.id} className="utrecht-form-field utrecht-form-field--checkbox">
            <label className="utrecht-form-label utrecht-form-label--checkbox">
              <input
                type="checkbox"
                className="utrecht-checkbox"
                checked={signers.includes(p.id)}
                onChange={(e) =>
                  setSigners(
                    e.target.checked ? [...signers, p.id] : signers.filter((id) => id !== p.id),
                  )
                }
              />{' '}
              {p.naam}
            </label>
          </div>
        ))}
      </fieldset>
      <FormField
        label="Plaats in het dossier"
        description="Kenmerk of naam van het document met de handtekeningen"
        {...s.field('kenmerk')}
        required
      >
        {(w) => <Textbox {...w} value={reference} onChange={(e) => setReference(e.target.value)} />}
      </FormField>
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Opt-out vastleggen
      </Button>
    </form>
  );
}

function Withdraw({ casus }: { casus: CaseView }) {
  const client = useQueryClient();
  const s = useSubmission('Het intrekken lukte niet. Probeer het opnieuw.', 'optout-in');
  async function withdraw() {
    await s.run({}, async () => {
      await api('POST', `/casussen/${casus.id}/opt-out/intrekken`);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['opt-out', casus.id] }),
        client.invalidateQueries({ queryKey: ['casus', casus.id] }),
      ]);
      return 'De opt-out is ingetrokken.';
    });
  }
  return (
    <>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={(p) => p} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <Paragraph>
        <Button onClick={() => void withdraw()} disabled={s.busy}>
          Het gezin trekt de opt-out in
        </Button>
      </Paragraph>
    </>
  );
}
