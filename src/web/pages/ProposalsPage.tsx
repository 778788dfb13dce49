/**
 * The back office's list of route A allocation proposals, and one proposal to decide on:
 * arrangement, products and handover as the provider will see them, what the allocation does
 * to the municipality's budget (GRO-DEC-BUDGET), and the decision: allocate (the JW301 goes
 * out) or refuse with a reason the local team reads on the case.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateField, RuleLink, useSubmission } from '../forms.js';
import { formatDateTime, parseDutchDate } from '../format.js';
import {
  Alert,
  Button,
  DataList,
  Fieldset,
  FormField,
  Link,
  Paragraph,
  Table,
  Textarea,
} from '../nl/index.js';
import { PageHeading } from '../page.js';
import { PROPOSAL_STATUS, ProposalDetails, type ProposalView } from './AllocationSection.js';

interface Budget {
  jaar: number;
  budgetCent: number | null;
  toegewezenCent: number;
  ditVoorstelCent: number;
  resterendCent: number | null;
  resterendNaCent: number | null;
  waarschuwing: string | null;
  regel: string;
}

const euro = (cents: number | null) =>
  cents === null
    ? 'onbekend'
    : new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);

export function ProposalsPage() {
  const [status, setStatus] = useState<'voorgesteld' | ''>('voorgesteld');
  const list = useQuery({
    queryKey: ['voorstellen', status],
    queryFn: () =>
      api<{ voorstellen: ProposalView[] }>(
        'GET',
        `/toewijzingsvoorstellen${status ? `?status=${status}` : ''}`,
      ),
  });
  return (
    <>
      <PageHeading title="Toewijzingsvoorstellen" />
      <Paragraph>
        Voorstellen van de lokale teams (route A).{' '}
        <Button appearance="subtle" onClick={() => setStatus(status ? '' : 'voorgesteld')}>
          {status ? 'Toon ook afgehandelde voorstellen' : 'Toon alleen open voorstellen'}
        </Button>
      </Paragraph>
      {list.isError && <Alert type="error">{list.error.message}</Alert>}
      {list.data && (
        <Table caption={`Voorstellen (${list.data.voorstellen.length})`}>
          <thead>
            <tr>
              <th scope="col">Gezin</th>
              <th scope="col">Jeugdige</th>
              <th scope="col">Aanbieder</th>
              <th scope="col">Producten</th>
              <th scope="col">Voorgesteld</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {list.data.voorstellen.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/voorstellen/${p.id}`}>{p.gezin}</Link>
                </td>
                <td>{p.jeugdige.naam}</td>
                <td>{p.aanbieder.naam}</td>
                <td>{p.producten.map((l) => l.productcode).join(', ')}</td>
                <td>{formatDateTime(p.voorgesteldOp)}</td>
                <td>{PROPOSAL_STATUS[p.status]}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

function Decide({ p }: { p: ProposalView }) {
  const open = p.status === 'voorgesteld';
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [adviceDate, setAdviceDate] = useState('');
  const [advice, setAdvice] = useState('');
  const { errors, general, done, busy, run, field } = useSubmission(
    'Het besluit vastleggen lukte niet. Probeer het opnieuw.',
  );
  async function decide(event: FormEvent, besluit: 'toewijzen' | 'afwijzen') {
    event.preventDefault();
    const found: FieldErrors = {};
    const adviceIso = adviceDate.trim() === '' ? null : parseDutchDate(adviceDate);
    if (besluit === 'afwijzen' && !reason.trim()) found['reden'] = 'geef de reden van afwijzen';
    if (adviceDate.trim() !== '' && !adviceIso)
      found['adviesExpertpool'] = 'vul een datum in als dd-mm-jjjj';
    await run(found, async () => {
      const result = await api<{ toewijzingen: string[] }>(
        'POST',
        `/toewijzingsvoorstellen/${p.id}/besluit`,
        besluit === 'afwijzen'
          ? { besluit, reden: reason }
          : {
              besluit,
              ...(adviceIso && advice.trim()
                ? { adviesExpertpool: { datum: adviceIso, samenvatting: advice } }
                : {}),
            },
      );
      await client.invalidateQueries({ queryKey: ['voorstel', p.id] });
      await client.invalidateQueries({ queryKey: ['voorstellen'] });
      return besluit === 'afwijzen'
        ? 'Het voorstel is afgewezen; het lokale team ziet de reden op de casus.'
        : `Toegewezen met nummer ${result.toewijzingen.join(', ')}; de toewijzing (JW301) staat in de uitbak.`;
    });
  }
  return (
    <section aria-labelledby="kop-besluit">
      <h2 className="utrecht-heading-2" id="kop-besluit">
        Besluit
      </h2>
      <ErrorSummary
        errors={errors}
        general={general}
        labelOf={(path) =>
          ({ reden: 'Reden', adviesExpertpool: 'Advies expertpool' })[path] ?? path
        }
        onlyFields={(path) => path === 'reden' || path === 'adviesExpertpool'}
      />
      {done && <Alert type="ok">{done}</Alert>}
      {!open && !done && <Paragraph>Over dit voorstel is besloten.</Paragraph>}
      {open && (
        <>
          <form onSubmit={(e) => void decide(e, 'toewijzen')} noValidate className="formulier">
            <Fieldset legend="Advies expertpool (alleen bij niet vrij toegankelijke hulp, als het nog ontbreekt)">
              <DateField
                label="Datum advies"
                value={adviceDate}
                onChange={setAdviceDate}
                required={false}
                {...field('adviesExpertpool')}
              />
              <FormField label="Samenvatting advies" required={false}>
                {(w) => (
                  <Textarea
                    {...w}
                    rows={2}
                    value={advice}
                    onChange={(e) => setAdvice(e.target.value)}
                  />
                )}
              </FormField>
            </Fieldset>
            <Button type="submit" appearance="primary-action" disabled={busy}>
              Toewijzen
            </Button>
          </form>
          <form onSubmit={(e) => void decide(e, 'afwijzen')} noValidate className="formulier">
            <FormField label="Reden van afwijzen" {...field('reden')} required>
              {(w) => (
                <Textarea
                  {...w}
                  rows={2}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              )}
            </FormField>
            <Button type="submit" appearance="secondary-action" disabled={busy}>
              Afwijzen
            </Button>
          </form>
        </>
      )}
    </section>
  );
}

export function ProposalPage() {
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: ['voorstel', id],
    queryFn: () => api<ProposalView & { budget: Budget }>('GET', `/toewijzingsvoorstellen/${id}`),
  });
  if (query.isError)
    return (
      <>
        <PageHeading title="Toewijzingsvoorstel" />
        <Alert type="error">{query.error.message}</Alert>
      </>
    );
  if (!query.data)
    return (
      <>
        <PageHeading title="Toewijzingsvoorstel" />
        <p className="utrecht-paragraph" role="status">
          Voorstel laden…
        </p>
      </>
    );
  const p = query.data;
  const b = p.budget;
  return (
    <>
      <PageHeading title={`Toewijzingsvoorstel ${p.gezin}`} />
      <Paragraph>
        {PROPOSAL_STATUS[p.status]}. Voorgesteld door {p.voorgesteldDoor} op{' '}
        {formatDateTime(p.voorgesteldOp)}
        {p.reden ? `. Reden: ${p.reden}` : ''}.
      </Paragraph>
      <section aria-labelledby="kop-budget">
        <h2 className="utrecht-heading-2" id="kop-budget">
          Budget {b.jaar}
        </h2>
        {b.waarschuwing && <Alert type="warning">{b.waarschuwing}</Alert>}
        <DataList
          items={[
            ['Budget gemeente', euro(b.budgetCent)],
            ['Al toegewezen', euro(b.toegewezenCent)],
            ['Dit voorstel', euro(b.ditVoorstelCent)],
            ['Resterend na toewijzen', euro(b.resterendNaCent)],
            ['Regel', <RuleLink key="r" id={b.regel} />],
          ]}
        />
      </section>
      <section aria-labelledby="kop-inhoud">
        <h2 className="utrecht-heading-2" id="kop-inhoud">
          Arrangement en overdracht
        </h2>
        <ProposalDetails p={p} />
      </section>
      <Decide p={p} />
    </>
  );
}
