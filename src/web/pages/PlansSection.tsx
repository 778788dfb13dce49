import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, type CaseView, type PlanSummary } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateField, useSubmission } from '../forms.js';
import { formatDateTime, nowFields, parseDutchDate } from '../format.js';
import { PLAN_LABELS, PLAN_STATUS_LABELS } from '../labels.js';
import { Button, FormField, Heading, Link, Paragraph, Select } from '../nl/index.js';
import { PlanSignals } from './PlanSignals.js';

/** The case's plans, and starting a new one. */
export function PlansSection({ casus }: { casus: CaseView }) {
  const navigate = useNavigate();
  const plans = useQuery({
    queryKey: ['plannen', casus.id],
    queryFn: () => api<PlanSummary[]>('GET', `/casussen/${casus.id}/plannen`),
  });
  const [soort, setSoort] = useState('ondersteuningsplan');
  const [jeugdige, setJeugdige] = useState('');
  const [start, setStart] = useState(nowFields().date);
  const submission = useSubmission('Het plan beginnen lukte niet. Probeer het opnieuw.');
  const youngPersons = casus.personen.filter((p) => p.soort === 'jeugdige');
  const nameOf = (id: string | null) => casus.personen.find((p) => p.id === id)?.naam ?? '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const ingangsdatum = parseDutchDate(start);
    if (!ingangsdatum) found.ingangsdatum = 'vul een datum in als dd-mm-jjjj';
    if (soort === 'toekomstplan' && !jeugdige) found.jeugdigeId = 'kies de jeugdige';
    await submission.run(found, async () => {
      const { id } = await api<{ id: string }>('POST', `/casussen/${casus.id}/plannen`, {
        soort,
        jeugdigeId: soort === 'toekomstplan' ? jeugdige : null,
        ingangsdatum,
      });
      await navigate(`/plannen/${id}`);
      return null;
    });
  }

  return (
    <section aria-labelledby="kop-plannen">
      <Heading level={2} id="kop-plannen">
        Plannen
      </Heading>
      <PlanSignals caseId={casus.id} />
      {plans.data && plans.data.length === 0 && <Paragraph>Er is nog geen plan.</Paragraph>}
      {plans.data && plans.data.length > 0 && (
        <ul className="utrecht-unordered-list">
          {plans.data.map((p) => (
            <li key={p.id} className="utrecht-unordered-list__item">
              <Link to={`/plannen/${p.id}`}>
                {PLAN_LABELS[p.soort] ?? p.soort}
                {p.jeugdigeId ? ` van ${nameOf(p.jeugdigeId)}` : ''}
              </Link>{' '}
              – versie {p.versie}, {PLAN_STATUS_LABELS[p.status] ?? p.status}
              {p.vastgesteldOp ? ` (${formatDateTime(p.vastgesteldOp)})` : ''}
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary
        errors={submission.errors}
        general={submission.general}
        labelOf={(p) => ({ ingangsdatum: 'Ingangsdatum', jeugdigeId: 'Jeugdige' })[p] ?? p}
      />
      <form
        onSubmit={(e) => void submit(e)}
        noValidate
        className="formulier"
        aria-label="Plan beginnen"
      >
        <div className="naast-elkaar">
          <FormField label="Soort plan" {...submission.field('soort')} required>
            {(w) => (
              <Select {...w} value={soort} onChange={(e) => setSoort(e.target.value)}>
                {Object.entries(PLAN_LABELS).map(([value, text]) => (
                  <option key={value} value={value}>
                    {text}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          {soort === 'toekomstplan' && (
            <FormField label="Voor" {...submission.field('jeugdigeId')} required>
              {(w) => (
                <Select {...w} value={jeugdige} onChange={(e) => setJeugdige(e.target.value)}>
                  <option value="">Kies…</option>
                  {youngPersons.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.naam}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          )}
          <DateField
            label="Ingangsdatum"
            value={start}
            onChange={setStart}
            {...submission.field('ingangsdatum')}
          />
        </div>
        <Button type="submit" disabled={submission.busy}>
          Plan beginnen
        </Button>
      </form>
    </section>
  );
}
