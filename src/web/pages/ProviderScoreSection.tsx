/**
 * "Aanbieder beoordelen" on the case page (DOMAIN.md section 4 step 3): when a provider's help
 * on the case has ended, the casusregisseur scores it on the national KPIs and the seven points
 * of the RIJ handreiking ("Beoordelen prestatie aanbieder"), once. The waiting time is computed
 * by the server from the allocation and the start, never typed. Only the casusregie side sees
 * this section; for everyone else the server answers 403 and the section stays away.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type CaseView } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { useSubmission } from '../forms.js';
import { formatDate, formatDateTime } from '../format.js';
import {
  Button,
  ChoiceGroup,
  DataList,
  FormField,
  Heading,
  Paragraph,
  Select,
  StatusBadge,
  Table,
  Textarea,
} from '../nl/index.js';

interface Waiting {
  dagen: number;
  van: string;
  tot: string;
}
interface Provider {
  id: string;
  naam: string;
  afgesloten: boolean;
  grondslag: string | null;
  nogNiet: string | null;
  wachttijd: Waiting | null;
  beoordeeld: boolean;
}
interface Score {
  id: string;
  aanbiederId: string;
  grondslag: string;
  clienttevredenheid: number | 'niet-gevraagd';
  doelen: { doelId: string; omschrijving: string; resultaat: string }[];
  uitval: boolean;
  wachttijd: Waiting | null;
  criteria: { criterium: string; naam: string; oordeel: string; toelichting: string | null }[];
  beoordeeldDoor: string;
  beoordeeldOp: string;
}
interface Data {
  aanbieders: Provider[];
  doelen: { id: string; omschrijving: string; plan: string }[];
  criteria: { criterium: string; naam: string }[];
  scores: Score[];
}

const RATINGS: [string, string][] = [
  ['goed', 'Goed'],
  ['voldoende', 'Voldoende'],
  ['onvoldoende', 'Onvoldoende'],
  ['niet-te-beoordelen', 'Niet te beoordelen'],
];
const RATING_TEXT = Object.fromEntries(RATINGS);
const GOAL_RESULTS: [string, string][] = [
  ['bereikt', 'Bereikt'],
  ['deels', 'Deels bereikt'],
  ['niet-bereikt', 'Niet bereikt'],
];
const GOAL_TEXT = Object.fromEntries(GOAL_RESULTS);
const BASIS: Record<string, string> = {
  'casus-afgesloten': 'de casus is afgesloten',
  'toewijzingen-beeindigd': 'alle toewijzingen van deze aanbieder zijn beëindigd',
  'behandelregie-beeindigd': 'de behandelregie van deze aanbieder is beëindigd',
};
const LABELS: Record<string, string> = {
  aanbiederId: 'Aanbieder',
  clienttevredenheid: 'Cliënttevredenheid',
  doelen: 'Doelrealisatie',
  uitval: 'Uitval',
  criteria: 'Beoordeling op de zeven punten',
};

function waitingText(w: Waiting | null): string {
  if (!w) return 'onbekend: er is geen start van de hulp bekend';
  return `${w.dagen} ${w.dagen === 1 ? 'dag' : 'dagen'} (toewijzing ${formatDate(w.van)}, start ${formatDate(w.tot)})`;
}

export function ProviderScoreSection({ casus }: { casus: CaseView }) {
  const query = useQuery({
    queryKey: ['aanbiederscores', casus.id],
    queryFn: () => api<Data>('GET', `/casussen/${casus.id}/aanbiederscores`),
    retry: false,
  });
  // Only the casusregie side scores; others get 403 and do not see this section.
  if (query.isError) return null;
  const data = query.data;
  return (
    <section aria-labelledby="kop-aanbieder-beoordelen">
      <Heading level={2} id="kop-aanbieder-beoordelen">
        Aanbieder beoordelen
      </Heading>
      <Paragraph>
        Als de hulp van een aanbieder is afgesloten, beoordeelt u de aanbieder één keer: de
        landelijke KPI&apos;s (cliënttevredenheid, doelrealisatie, uitval, wachttijd) en de zeven
        punten uit de handreiking van Rijnmond. De contractmanager van de gemeente en de aanbieder
        zelf zien alleen de optelsom over alle casussen, zonder toelichtingen.
      </Paragraph>
      {!data ? (
        <p className="utrecht-paragraph" role="status">
          Laden…
        </p>
      ) : data.aanbieders.length === 0 ? (
        <Paragraph>Er is op deze casus nog geen aanbieder betrokken.</Paragraph>
      ) : (
        data.aanbieders.map((p) => (
          <ProviderCard
            key={p.id}
            casus={casus}
            provider={p}
            data={data}
            score={data.scores.find((s) => s.aanbiederId === p.id) ?? null}
          />
        ))
      )}
    </section>
  );
}

function ProviderCard({
  casus,
  provider: p,
  data,
  score,
}: {
  casus: CaseView;
  provider: Provider;
  data: Data;
  score: Score | null;
}) {
  const headingId = `kop-beoordeling-${p.id}`;
  return (
    <article aria-labelledby={headingId} className="kaart">
      <Heading level={3} id={headingId}>
        {p.naam}
      </Heading>
      <Paragraph>
        <StatusBadge status={score ? 'ok' : p.afgesloten ? 'warning' : 'neutral'}>
          {score ? 'beoordeeld' : p.afgesloten ? 'te beoordelen' : 'hulp loopt nog'}
        </StatusBadge>{' '}
        {p.afgesloten ? `De hulp is afgesloten: ${BASIS[p.grondslag ?? ''] ?? ''}.` : p.nogNiet}
      </Paragraph>
      <Paragraph>Wachttijd (berekend): {waitingText(p.wachttijd)}</Paragraph>
      {score ? (
        <ScoreView score={score} />
      ) : p.afgesloten ? (
        <ScoreForm casus={casus} provider={p} data={data} />
      ) : null}
    </article>
  );
}

function ScoreView({ score }: { score: Score }) {
  return (
    <>
      <DataList
        items={[
          [
            'Cliënttevredenheid',
            score.clienttevredenheid === 'niet-gevraagd'
              ? 'niet gevraagd'
              : `${score.clienttevredenheid} (van 10)`,
          ],
          [
            'Doelrealisatie',
            score.doelen.length === 0
              ? 'geen doelen beoordeeld'
              : score.doelen
                  .map((g) => `${g.omschrijving}: ${GOAL_TEXT[g.resultaat] ?? g.resultaat}`)
                  .join('; '),
          ],
          ['Uitval', score.uitval ? 'ja, voortijdig beëindigd zonder overeenstemming' : 'nee'],
          ['Wachttijd', waitingText(score.wachttijd)],
          ['Beoordeeld', `${formatDateTime(score.beoordeeldOp)} door ${score.beoordeeldDoor}`],
        ]}
      />
      <Table caption="Beoordeling op de zeven punten (RIJ, Beoordelen prestatie aanbieder)">
        <thead>
          <tr>
            <th scope="col">Punt</th>
            <th scope="col">Oordeel</th>
            <th scope="col">Toelichting</th>
          </tr>
        </thead>
        <tbody>
          {score.criteria.map((c) => (
            <tr key={c.criterium}>
              <th scope="row">{c.naam}</th>
              <td>{RATING_TEXT[c.oordeel] ?? c.oordeel}</td>
              <td>{c.toelichting ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

function ScoreForm({ casus, provider, data }: { casus: CaseView; provider: Provider; data: Data }) {
  const client = useQueryClient();
  const scope = `score-${provider.id}`;
  const s = useSubmission('Vastleggen lukte niet. Probeer het opnieuw.', scope);
  const [satisfaction, setSatisfaction] = useState('');
  const [goals, setGoals] = useState<Record<string, string>>({});
  const [dropOut, setDropOut] = useState<string[]>([]);
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [remarks, setRemarks] = useState<Record<string, string>>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!satisfaction) found['clienttevredenheid'] = 'kies een cijfer of "niet gevraagd"';
    if (dropOut.length === 0) found['uitval'] = 'kies ja of nee';
    data.criteria.forEach((c, i) => {
      if (!ratings[c.criterium])
        found[`criteria.${i}.oordeel`] = `beoordeel ${c.naam.toLowerCase()}`;
    });
    await s.run(found, async () => {
      await api('POST', `/casussen/${casus.id}/aanbiederscores`, {
        aanbiederId: provider.id,
        clienttevredenheid:
          satisfaction === 'niet-gevraagd' ? 'niet-gevraagd' : Number(satisfaction),
        doelen: data.doelen
          .filter((g) => goals[g.id])
          .map((g) => ({ doelId: g.id, resultaat: goals[g.id] })),
        uitval: dropOut[0] === 'ja',
        criteria: data.criteria.map((c) => ({
          criterium: c.criterium,
          oordeel: ratings[c.criterium],
          toelichting: remarks[c.criterium]?.trim() || null,
        })),
      });
      await Promise.all([
        client.invalidateQueries({ queryKey: ['aanbiederscores', casus.id] }),
        client.invalidateQueries({ queryKey: ['casus', casus.id] }),
      ]);
      return 'De beoordeling is vastgelegd.';
    });
  }

  const labelOf = (path: string) => {
    const m = /^criteria\.(\d+)/.exec(path);
    if (m) return data.criteria[Number(m[1])]?.naam ?? LABELS['criteria'] ?? path;
    const g = /^doelen\.(\d+)/.exec(path);
    if (g) return `Doel ${Number(g[1]) + 1}`;
    return LABELS[path.split('.')[0] ?? path] ?? path;
  };
  const headingId = `kop-beoordelen-${provider.id}`;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Heading level={4} id={headingId}>
        {provider.naam} beoordelen
      </Heading>
      <ErrorSummary errors={s.errors} general={s.general} labelOf={labelOf} scope={scope} />
      <FormField
        label="Cliënttevredenheid"
        description="Het cijfer dat het gezin geeft (1 tot en met 10), of niet gevraagd"
        {...s.field('clienttevredenheid')}
        required
      >
        {(w) => (
          <Select {...w} value={satisfaction} onChange={(e) => setSatisfaction(e.target.value)}>
            <option value="">Kies…</option>
            {Array.from({ length: 10 }, (_, i) => String(i + 1)).map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
            <option value="niet-gevraagd">Niet gevraagd</option>
          </Select>
        )}
      </FormField>
      {data.doelen.length === 0 ? (
        <Paragraph>Er is geen vastgesteld plan met doelen: doelrealisatie blijft leeg.</Paragraph>
      ) : (
        data.doelen.map((g, i) => (
          <FormField
            key={g.id}
            label={`Doel: ${g.omschrijving}`}
            description={`Uit het ${g.plan}. Laat leeg als dit doel niet bij deze aanbieder hoorde.`}
            {...s.field(i === 0 ? 'doelen' : `doelen.${i}.doelId`)}
            required={false}
          >
            {(w) => (
              <Select
                {...w}
                value={goals[g.id] ?? ''}
                onChange={(e) => setGoals({ ...goals, [g.id]: e.target.value })}
              >
                <option value="">Niet beoordelen</option>
                {GOAL_RESULTS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        ))
      )}
      <ChoiceGroup
        legend="Uitval: is de hulp voortijdig beëindigd zonder overeenstemming?"
        type="radio"
        name={`${scope}.uitval`}
        options={[
          ['nee', 'Nee'],
          ['ja', 'Ja'],
        ]}
        selected={dropOut}
        onChange={setDropOut}
        error={s.errors['uitval']}
      />
      <Heading level={5}>De zeven punten (RIJ, Beoordelen prestatie aanbieder)</Heading>
      {s.errors['criteria'] && (
        <p className="utrecht-form-field__error-message">{s.errors['criteria']}</p>
      )}
      {data.criteria.map((c, i) => (
        <div key={c.criterium} className="criterium">
          <ChoiceGroup
            legend={c.naam}
            type="radio"
            name={`${scope}.criteria.${i}.oordeel`}
            options={RATINGS}
            selected={ratings[c.criterium] ? [ratings[c.criterium] as string] : []}
            onChange={(v) => setRatings({ ...ratings, [c.criterium]: v[0] ?? '' })}
            error={s.errors[`criteria.${i}.oordeel`]}
          />
          <FormField
            label={`Toelichting bij ${c.naam.toLowerCase()}`}
            {...s.field(`criteria.${i}.toelichting`)}
            required={false}
          >
            {(w) => (
              <Textarea
                {...w}
                rows={2}
                value={remarks[c.criterium] ?? ''}
                onChange={(e) => setRemarks({ ...remarks, [c.criterium]: e.target.value })}
              />
            )}
          </FormField>
        </div>
      ))}
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Beoordeling vastleggen
      </Button>
    </form>
  );
}
