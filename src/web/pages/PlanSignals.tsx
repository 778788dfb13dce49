/**
 * What the plans of a case still ask for: a toekomstplan for each young person from 16.5
 * (LEK-TERM-TOEKOMSTPLAN), and offering the family the chance to write a familiegroepsplan
 * first (Jeugdwet article 4.1.2), with the family's answer.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiFailure } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateTimeFields, RuleLink, useSubmission } from '../forms.js';
import { formatDate, formatDateTime, nowFields, toInstant } from '../format.js';
import {
  Alert,
  Button,
  ChoiceGroup,
  FormField,
  Heading,
  Paragraph,
  Textarea,
} from '../nl/index.js';

interface Signals {
  toekomstplan: {
    jeugdigeId: string;
    naam: string;
    vanaf: string;
    melding: string;
    regel: string;
    bron: string;
  }[];
  familiegroepsplan: {
    regel: string;
    bron: string;
    stand: string;
    melding: string;
    aanbiedingen: { id: string; op: string; antwoord: string; toelichting: string; door: string }[];
  } | null;
}

const ANSWERS: readonly (readonly [string, string])[] = [
  ['gezin-maakt-plan', 'Het gezin maakt een familiegroepsplan'],
  ['bedenktijd', 'Het gezin denkt erover na'],
  ['ouders-zien-af', 'De ouders willen het niet'],
  ['afgezien-bedreiging', 'Afgezien: concrete bedreiging van de ontwikkeling van het kind'],
  ['afgezien-belang-kind', 'Afgezien: het belang van het kind wordt anders geschaad'],
];

const FIELD_LABELS: Record<string, string> = {
  antwoord: 'Antwoord',
  op: 'Aangeboden op',
  toelichting: 'Toelichting bij het aanbod',
};

export function PlanSignals({ caseId }: { caseId: string }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const signals = useQuery({
    queryKey: ['plansignalen', caseId],
    queryFn: () => api<Signals>('GET', `/casussen/${caseId}/plansignalen`),
  });
  const now = nowFields();
  const [answer, setAnswer] = useState('');
  const [date, setDate] = useState(now.date);
  const [time, setTime] = useState(now.time);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const s = useSubmission('Vastleggen lukte niet. Probeer het opnieuw.', 'familiegroepsplan');
  if (!signals.data) return null;
  const { toekomstplan, familiegroepsplan } = signals.data;

  async function startFuturePlan(jeugdigeId: string) {
    setProblem(null);
    try {
      const { id } = await api<{ id: string }>('POST', `/casussen/${caseId}/plannen`, {
        soort: 'toekomstplan',
        jeugdigeId,
        ingangsdatum: new Date().toISOString().slice(0, 10),
      });
      await navigate(`/plannen/${id}`);
    } catch (error) {
      setProblem(
        error instanceof ApiFailure ? error.message : 'Het toekomstplan beginnen lukte niet.',
      );
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!answer) found.antwoord = 'kies het antwoord';
    const at = toInstant(date, time);
    if (!at) found.op = 'vul datum (dd-mm-jjjj) en tijd (uu:mm) in';
    await s.run(found, async () => {
      await api('POST', `/casussen/${caseId}/familiegroepsplan-aanbod`, {
        op: at,
        antwoord: answer,
        toelichting: note.trim(),
      });
      await Promise.all([
        client.invalidateQueries({ queryKey: ['plansignalen', caseId] }),
        client.invalidateQueries({ queryKey: ['casus', caseId] }),
      ]);
      setAnswer('');
      setNote('');
      return 'Het aanbod en het antwoord zijn vastgelegd.';
    });
  }

  return (
    <>
      {problem && <Alert type="error">{problem}</Alert>}
      {toekomstplan.map((p) => (
        <Alert key={p.jeugdigeId} type="warning">
          {p.melding} Vanaf {formatDate(p.vanaf)} (<RuleLink id={p.regel} />, bron {p.bron}).{' '}
          <Button onClick={() => void startFuturePlan(p.jeugdigeId)}>
            Toekomstplan beginnen voor {p.naam}
          </Button>
        </Alert>
      ))}
      {familiegroepsplan && (
        <section aria-labelledby="kop-familiegroepsplan">
          <Heading level={3} id="kop-familiegroepsplan">
            Familiegroepsplan
          </Heading>
          <Alert
            type={
              familiegroepsplan.stand === 'niet-aangeboden' ||
              familiegroepsplan.stand === 'bedenktijd'
                ? 'warning'
                : 'info'
            }
          >
            {familiegroepsplan.melding} ({familiegroepsplan.regel}, bron {familiegroepsplan.bron})
          </Alert>
          {familiegroepsplan.aanbiedingen.length > 0 && (
            <ol className="tijdlijn">
              {familiegroepsplan.aanbiedingen.map((a) => (
                <li key={a.id}>
                  {formatDateTime(a.op)}:{' '}
                  {ANSWERS.find(([v]) => v === a.antwoord)?.[1] ?? a.antwoord}
                  {a.toelichting ? ` – ${a.toelichting}` : ''} ({a.door})
                </li>
              ))}
            </ol>
          )}
          {familiegroepsplan.stand !== 'plan-gemaakt' && (
            <>
              <ErrorSummary
                errors={s.errors}
                general={s.general}
                scope={s.scope}
                labelOf={(p) => FIELD_LABELS[p] ?? p}
              />
              {s.done && <Alert type="ok">{s.done}</Alert>}
              <form
                onSubmit={(e) => void submit(e)}
                noValidate
                className="formulier"
                aria-label="Aanbod familiegroepsplan vastleggen"
              >
                <ChoiceGroup
                  legend="Antwoord"
                  type="radio"
                  name="familiegroepsplan.antwoord"
                  options={ANSWERS}
                  selected={[answer]}
                  onChange={(v) => setAnswer(v[0] ?? '')}
                  error={s.errors['antwoord']}
                />
                <DateTimeFields
                  dateLabel="Aangeboden op"
                  timeLabel="Tijd van het aanbod"
                  date={date}
                  time={time}
                  onDate={setDate}
                  onTime={setTime}
                  {...s.field('op')}
                />
                <FormField
                  label="Toelichting bij het aanbod"
                  description="Nodig als u afziet van een familiegroepsplan: waarom?"
                  {...s.field('toelichting')}
                >
                  {(w) => (
                    <Textarea
                      {...w}
                      rows={2}
                      value={note}
                      onChange={(e) => setNote(e.target.value)}
                    />
                  )}
                </FormField>
                <Button type="submit" disabled={s.busy}>
                  Aanbod vastleggen
                </Button>
              </form>
            </>
          )}
          <Paragraph>
            Het gezin kan het familiegroepsplan zelf schrijven; begin het hieronder als
            &lsquo;Familiegroepsplan&rsquo;.
          </Paragraph>
        </section>
      )}
    </>
  );
}
