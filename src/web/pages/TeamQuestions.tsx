/**
 * Asking the local team's advice on a request for allocation (route B), and answering it.
 *
 * - On a received JW315 the back office sees whether the family opted out (GRO-TOE-OPTOUT) and
 *   may ask a local team of the region: openly (the team then sees the case) or anonymously —
 *   with an opt-out only anonymously. Questions and answers are listed there.
 * - A local team finds its questions under "Adviesvragen": an anonymous one shows the young
 *   person's age, the municipality and the products asked for, nothing more.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type Me } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { RuleLink, useSubmission } from '../forms.js';
import { formatDate, formatDateTime } from '../format.js';
import {
  Alert,
  Button,
  DataList,
  FormField,
  Heading,
  Link,
  Paragraph,
  Select,
  Textarea,
} from '../nl/index.js';
import { PageHeading } from '../page.js';

export interface TeamQuestion {
  id: string;
  berichtId: string | null;
  casusId: string | null;
  gezin: string | null;
  team: { id: string; naam: string };
  anoniem: boolean;
  vraag: string;
  verzoek: {
    leeftijd: number | null;
    gemeente: string;
    producten: { code: string; naam: string; volume: number; eenheid: string }[];
  };
  gesteldOp: string;
  antwoord: string | null;
  beantwoordDoor: string | null;
  beantwoordOp: string | null;
}

const LABELS: Record<string, string> = {
  teamId: 'Lokaal team',
  vraag: 'Vraag aan het team',
  anoniem: 'Anoniem',
  advies: 'Advies',
};

const productsText = (q: TeamQuestion) =>
  q.verzoek.producten
    .map((p) => `${p.code} ${p.naam}`.trim() + `, ${p.volume} × ${p.eenheid.toLowerCase()}`)
    .join('; ') || '—';

/** The back office's part on a received request for allocation. */
export function RequestTeamSection({
  messageId,
  me,
  optOut,
  questions,
}: {
  messageId: string;
  me: Me;
  optOut: { ondertekendOp: string; kenmerk: string } | null;
  questions: TeamQuestion[];
}) {
  const client = useQueryClient();
  const teams = useQuery({
    queryKey: ['organisaties', 'lokaal-team', me.medewerker.regio],
    queryFn: () =>
      api<{ id: string; naam: string }[]>(
        'GET',
        `/organisaties?soort=lokaal-team&regio=${encodeURIComponent(me.medewerker.regio)}`,
      ),
  });
  const [team, setTeam] = useState('');
  const [question, setQuestion] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const s = useSubmission('De vraag stellen lukte niet. Probeer het opnieuw.', 'teamvraag');
  const mustBeAnonymous = optOut !== null;

  async function ask(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!team) found['teamId'] = 'kies een lokaal team';
    if (!question.trim()) found['vraag'] = 'stel de vraag aan het team';
    await s.run(found, async () => {
      await api('POST', `/ijw/berichten/${messageId}/lokaal-team`, {
        teamId: team,
        vraag: question,
        anoniem: mustBeAnonymous || anonymous,
      });
      await client.invalidateQueries({ queryKey: ['bericht', messageId] });
      setQuestion('');
      return mustBeAnonymous || anonymous
        ? 'De vraag staat anoniem bij het lokale team.'
        : 'De vraag staat bij het lokale team; het team kan de casus nu openen.';
    });
  }

  return (
    <section aria-labelledby="kop-lokaal-team">
      <Heading level={2} id="kop-lokaal-team">
        Lokaal team betrekken
      </Heading>
      {optOut ? (
        <Alert type="warning">
          <Paragraph>
            <strong>Opt-out:</strong> het gezin tekende op {formatDate(optOut.ondertekendOp)} dat
            het lokale team niet wordt geïnformeerd ({optOut.kenmerk}). Beoordeel het verzoek zelf,
            of stel het team een anonieme vraag (<RuleLink id="GRO-TOE-OPTOUT" />
            ).
          </Paragraph>
        </Alert>
      ) : (
        <Paragraph>
          Het gezin heeft geen opt-out getekend: u kunt het lokale team openlijk of anoniem om
          advies vragen (<RuleLink id="GRO-TOE-OPTOUT" />
          ).
        </Paragraph>
      )}
      {questions.length > 0 && (
        <ul className="utrecht-unordered-list">
          {questions.map((q) => (
            <li key={q.id} className="utrecht-unordered-list__item">
              {formatDateTime(q.gesteldOp)} aan {q.team.naam}
              {q.anoniem ? ' (anoniem)' : ''}: {q.vraag} —{' '}
              {q.antwoord
                ? `advies van ${q.beantwoordDoor ?? 'het team'}: ${q.antwoord}`
                : 'nog geen antwoord'}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void ask(e)} noValidate className="formulier">
        <ErrorSummary
          errors={s.errors}
          general={s.general}
          scope={s.scope}
          labelOf={(p) => LABELS[p] ?? p}
          onlyFields={(p) => p === 'teamId' || p === 'vraag'}
        />
        {s.done && <Alert type="ok">{s.done}</Alert>}
        <FormField label="Lokaal team" {...s.field('teamId')} required>
          {(w) => (
            <Select {...w} value={team} onChange={(e) => setTeam(e.target.value)}>
              <option value="">Kies…</option>
              {(teams.data ?? []).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.naam}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Vraag aan het team" {...s.field('vraag')} required>
          {(w) => (
            <Textarea
              {...w}
              rows={3}
              value={question}
              onChange={(e) => setQuestion(e.target.value)}
            />
          )}
        </FormField>
        <div className="utrecht-form-field utrecht-form-field--checkbox">
          <label className="utrecht-form-label utrecht-form-label--checkbox">
            <input
              type="checkbox"
              className="utrecht-checkbox"
              checked={mustBeAnonymous || anonymous}
              disabled={mustBeAnonymous}
              onChange={(e) => setAnonymous(e.target.checked)}
            />{' '}
            Anoniem: het team ziet alleen leeftijd, gemeente en producten
            {mustBeAnonymous ? ' (verplicht bij opt-out)' : ''}
          </label>
        </div>
        <Button type="submit" appearance="primary-action" disabled={s.busy}>
          Vraag stellen
        </Button>
      </form>
    </section>
  );
}

/** The local team's questions from the municipality, open ones first. */
export function TeamQuestionsPage() {
  const questions = useQuery({
    queryKey: ['adviesvragen'],
    queryFn: () => api<{ vragen: TeamQuestion[] }>('GET', '/adviesvragen'),
  });
  const all = questions.data?.vragen ?? [];
  const open = all.filter((q) => q.antwoord === null);
  const answered = all.filter((q) => q.antwoord !== null);
  return (
    <>
      <PageHeading title="Adviesvragen van de gemeente" />
      <Paragraph>
        De backoffice van de gemeente vraagt uw advies over een verzoek om toewijzing van een
        aanbieder. Bij een anonieme vraag heeft het gezin een opt-out getekend (
        <RuleLink id="GRO-TOE-OPTOUT" />
        ): u ziet dan niet om wie het gaat.
      </Paragraph>
      {!questions.data ? (
        <p className="utrecht-paragraph" role="status">
          Laden…
        </p>
      ) : (
        <>
          <section aria-labelledby="kop-open-vragen">
            <Heading level={2} id="kop-open-vragen">
              Open vragen ({open.length})
            </Heading>
            {open.length === 0 && <Paragraph>Er staan geen vragen open.</Paragraph>}
            {open.map((q) => (
              <Question key={q.id} q={q} />
            ))}
          </section>
          {answered.length > 0 && (
            <section aria-labelledby="kop-beantwoord">
              <Heading level={2} id="kop-beantwoord">
                Beantwoord
              </Heading>
              {answered.map((q) => (
                <Question key={q.id} q={q} />
              ))}
            </section>
          )}
        </>
      )}
    </>
  );
}

function Question({ q }: { q: TeamQuestion }) {
  const client = useQueryClient();
  const [advice, setAdvice] = useState('');
  const s = useSubmission(
    'Het advies versturen lukte niet. Probeer het opnieuw.',
    `advies-${q.id}`,
  );
  const headingId = `vraag-${q.id}`;

  async function answer(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!advice.trim()) found['advies'] = 'schrijf het advies';
    await s.run(found, async () => {
      await api('POST', `/adviesvragen/${q.id}/antwoord`, { advies: advice });
      await client.invalidateQueries({ queryKey: ['adviesvragen'] });
      return null;
    });
  }

  return (
    <article aria-labelledby={headingId} className="kaart">
      <Heading level={3} id={headingId}>
        {q.anoniem ? 'Anonieme vraag' : (q.gezin ?? 'Vraag')} van {formatDateTime(q.gesteldOp)}
      </Heading>
      <DataList
        items={[
          ['Vraag', q.vraag],
          [
            'Leeftijd jeugdige',
            q.verzoek.leeftijd === null ? 'onbekend' : `${q.verzoek.leeftijd} jaar`,
          ],
          ['Gemeente', q.verzoek.gemeente],
          ['Gevraagde producten', productsText(q)],
          ...(q.antwoord
            ? ([['Uw advies', `${q.antwoord} (${q.beantwoordDoor ?? ''})`]] as [string, string][])
            : []),
        ]}
      />
      {q.casusId && (
        <Paragraph>
          <Link to={`/casussen/${q.casusId}`}>Naar de casus</Link>
        </Paragraph>
      )}
      {q.antwoord === null && (
        <form onSubmit={(e) => void answer(e)} noValidate className="formulier">
          <ErrorSummary
            errors={s.errors}
            general={s.general}
            scope={s.scope}
            labelOf={(p) => LABELS[p] ?? p}
          />
          <FormField label="Advies" {...s.field('advies')} required>
            {(w) => (
              <Textarea
                {...w}
                rows={3}
                value={advice}
                onChange={(e) => setAdvice(e.target.value)}
              />
            )}
          </FormField>
          <Button type="submit" appearance="primary-action" disabled={s.busy}>
            Advies versturen
          </Button>
        </form>
      )}
    </article>
  );
}
