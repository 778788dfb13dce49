/**
 * Sharing decisions on the case page (ADR 0020; DOMAIN.md section 10): what was shared about the
 * family, with whom and on which basis — consent, a recorded weighing (ZTM "Privacy en ethiek")
 * or a legal exception (Jeugdwet 7.3.11; GRO "Privacy") — and whether the family sees it. Staff
 * who may change the case record a new decision; break-the-glass readers only read.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { RECIPIENT_KINDS, RECIPIENT_NL, type RecipientKind } from '../../domain/privacy/consent.js';
import {
  BASIS_NL,
  EXCEPTION_NL,
  LEGAL_EXCEPTIONS,
  SHARING_BASES,
  SHARING_SOURCES,
  WEIGHING_NL,
  WEIGHING_QUESTIONS,
  type LegalException,
  type SharingBasis,
  type WeighingQuestion,
} from '../../domain/privacy/sharing.js';
import { api, type CaseView } from '../api.js';
import { ErrorSummary } from '../errors.js';
import { useSubmission } from '../forms.js';
import { formatDateTime } from '../format.js';
import {
  Alert,
  Button,
  ChoiceGroup,
  FormField,
  Heading,
  Paragraph,
  Select,
  Table,
  Textarea,
  Textbox,
} from '../nl/index.js';

interface Decision {
  id: string;
  wat: string;
  ontvangerSoort: RecipientKind;
  ontvanger: string;
  grondslag: SharingBasis;
  toestemmingVerwijzing: string | null;
  afweging:
    | (Record<WeighingQuestion, { antwoord: string; motivering: string }> & {
        geinformeerd: boolean;
        redenNietGeinformeerd: string | null;
      })
    | null;
  uitzondering: { soort: LegalException; motivering: string } | null;
  zichtbaarVoorGezin: boolean;
  redenNietZichtbaar: string | null;
  vastgelegdDoor: string;
  vastgelegdOp: string;
}

const LABELS: Record<string, string> = {
  wat: 'Wat wordt gedeeld',
  ontvangerSoort: 'Soort ontvanger',
  ontvanger: 'Ontvanger',
  grondslag: 'Grondslag',
  toestemmingVerwijzing: 'Verwijzing naar de toestemming',
  'uitzondering.soort': 'Wettelijke uitzondering',
  'uitzondering.motivering': 'Motivering van de uitzondering',
  'afweging.geinformeerd': 'Wordt de betrokkene geïnformeerd?',
  'afweging.redenNietGeinformeerd': 'Waarom niet informeren',
  redenNietZichtbaar: 'Waarom het gezin dit niet ziet',
  ...Object.fromEntries(
    WEIGHING_QUESTIONS.flatMap((q) => [
      [`afweging.${q}.antwoord`, WEIGHING_NL[q]],
      [`afweging.${q}.motivering`, `Motivering: ${WEIGHING_NL[q]}`],
    ]),
  ),
};

function basisText(d: Decision): string {
  if (d.grondslag === 'toestemming') return `toestemming (${d.toestemmingVerwijzing ?? ''})`;
  if (d.grondslag === 'wettelijke-uitzondering' && d.uitzondering)
    return `${EXCEPTION_NL[d.uitzondering.soort]}: ${d.uitzondering.motivering}`;
  if (d.afweging) {
    const informed = d.afweging.geinformeerd
      ? 'betrokkene geïnformeerd'
      : `betrokkene niet geïnformeerd: ${d.afweging.redenNietGeinformeerd ?? ''}`;
    return `afweging zonder toestemming (${WEIGHING_QUESTIONS.map(
      (q) => `${q}: ${d.afweging?.[q].motivering ?? ''}`,
    ).join('; ')}); ${informed}`;
  }
  return BASIS_NL[d.grondslag];
}

export function SharingSection({ casus }: { casus: CaseView }) {
  const data = useQuery({
    queryKey: ['gegevensdeling', casus.id],
    queryFn: () =>
      api<{ besluiten: Decision[]; magVastleggen: boolean }>(
        'GET',
        `/casussen/${casus.id}/gegevensdeling`,
      ),
  });
  if (!data.data) return null;
  const { besluiten, magVastleggen } = data.data;
  return (
    <section aria-labelledby="kop-gegevensdeling">
      <Heading level={2} id="kop-gegevensdeling">
        Gegevens delen
      </Heading>
      <Paragraph>
        Delen gebeurt met toestemming; zonder toestemming alleen met rechtstreeks betrokken
        hulpverleners voor zover nodig, met de gecertificeerde instelling bij een maatregel of bij
        overmacht ({SHARING_SOURCES.wet}; {SHARING_SOURCES.overmacht}), of na een vastgelegde
        afweging waarin alle vijf vragen met ja worden beantwoord ({SHARING_SOURCES.afweging}).
      </Paragraph>
      {besluiten.length === 0 ? (
        <Paragraph>Er is nog geen besluit over delen vastgelegd.</Paragraph>
      ) : (
        <Table caption="Besluiten over het delen van gegevens (nieuwste eerst)">
          <thead>
            <tr>
              <th scope="col">Wat</th>
              <th scope="col">Met wie</th>
              <th scope="col">Grondslag</th>
              <th scope="col">Gezin ziet dit</th>
              <th scope="col">Vastgelegd</th>
            </tr>
          </thead>
          <tbody>
            {besluiten.map((d) => (
              <tr key={d.id}>
                <td>{d.wat}</td>
                <td>
                  {d.ontvanger} ({RECIPIENT_NL[d.ontvangerSoort]})
                </td>
                <td>{basisText(d)}</td>
                <td>{d.zichtbaarVoorGezin ? 'ja' : `nee: ${d.redenNietZichtbaar ?? ''}`}</td>
                <td>
                  {d.vastgelegdDoor}, {formatDateTime(d.vastgelegdOp)}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {magVastleggen && <RecordSharing casus={casus} />}
    </section>
  );
}

type Answers = Record<WeighingQuestion, { antwoord: string[]; motivering: string }>;
const emptyAnswers = (): Answers =>
  Object.fromEntries(
    WEIGHING_QUESTIONS.map((q) => [q, { antwoord: [], motivering: '' }]),
  ) as unknown as Answers;

function RecordSharing({ casus }: { casus: CaseView }) {
  const client = useQueryClient();
  const [wat, setWat] = useState('');
  const [soort, setSoort] = useState('');
  const [ontvanger, setOntvanger] = useState('');
  const [grondslag, setGrondslag] = useState<string[]>([]);
  const [verwijzing, setVerwijzing] = useState('');
  const [answers, setAnswers] = useState<Answers>(emptyAnswers);
  const [geinformeerd, setGeinformeerd] = useState<string[]>([]);
  const [redenNiet, setRedenNiet] = useState('');
  const [uitzondering, setUitzondering] = useState('');
  const [motivering, setMotivering] = useState('');
  const [zichtbaar, setZichtbaar] = useState<string[]>(['ja']);
  const [redenVerborgen, setRedenVerborgen] = useState('');
  const s = useSubmission('Het besluit vastleggen lukte niet.', 'gegevensdeling');
  const basis = grondslag[0];

  async function submit(event: FormEvent) {
    event.preventDefault();
    await s.run({}, async () => {
      await api('POST', `/casussen/${casus.id}/gegevensdeling`, {
        wat,
        ontvangerSoort: soort,
        ontvanger,
        grondslag: basis ?? '',
        toestemmingVerwijzing: basis === 'toestemming' ? verwijzing : null,
        afweging:
          basis === 'afweging'
            ? {
                ...Object.fromEntries(
                  WEIGHING_QUESTIONS.map((q) => [
                    q,
                    { antwoord: answers[q].antwoord[0] ?? null, motivering: answers[q].motivering },
                  ]),
                ),
                geinformeerd: geinformeerd.length === 0 ? null : geinformeerd[0] === 'ja',
                redenNietGeinformeerd: redenNiet,
              }
            : null,
        uitzondering:
          basis === 'wettelijke-uitzondering' ? { soort: uitzondering, motivering } : null,
        zichtbaarVoorGezin: zichtbaar[0] !== 'nee',
        redenNietZichtbaar: redenVerborgen,
      });
      await client.invalidateQueries({ queryKey: ['gegevensdeling', casus.id] });
      setWat('');
      setAnswers(emptyAnswers());
      return 'Het besluit over delen is vastgelegd.';
    });
  }

  const setAnswer = (q: WeighingQuestion, over: Partial<Answers[WeighingQuestion]>) =>
    setAnswers((a) => ({ ...a, [q]: { ...a[q], ...over } }));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Besluit over delen vastleggen</Heading>
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => LABELS[p] ?? p}
      />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField label="Wat wordt gedeeld" {...s.field('wat')} required>
        {(w) => <Textarea {...w} value={wat} onChange={(e) => setWat(e.target.value)} />}
      </FormField>
      <FormField label="Soort ontvanger" {...s.field('ontvangerSoort')} required>
        {(w) => (
          <Select {...w} value={soort} onChange={(e) => setSoort(e.target.value)}>
            <option value="">Kies een soort ontvanger</option>
            {RECIPIENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {RECIPIENT_NL[k]}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Ontvanger" {...s.field('ontvanger')} required>
        {(w) => <Textbox {...w} value={ontvanger} onChange={(e) => setOntvanger(e.target.value)} />}
      </FormField>
      <ChoiceGroup
        legend="Grondslag"
        type="radio"
        name="gegevensdeling-grondslag"
        options={SHARING_BASES.map((b) => [b, BASIS_NL[b]] as const)}
        selected={grondslag}
        onChange={setGrondslag}
        error={s.errors['grondslag']}
      />
      {basis === 'toestemming' && (
        <FormField
          label="Verwijzing naar de toestemming"
          description="Wie gaf toestemming en wanneer, zoals in het toestemmingsregister"
          {...s.field('toestemmingVerwijzing')}
          required
        >
          {(w) => (
            <Textbox {...w} value={verwijzing} onChange={(e) => setVerwijzing(e.target.value)} />
          )}
        </FormField>
      )}
      {basis === 'afweging' && (
        <>
          {WEIGHING_QUESTIONS.map((q) => (
            <div key={q}>
              <ChoiceGroup
                legend={WEIGHING_NL[q]}
                type="radio"
                name={`afweging-${q}`}
                options={[
                  ['ja', 'Ja'],
                  ['nee', 'Nee'],
                ]}
                selected={answers[q].antwoord}
                onChange={(v) => setAnswer(q, { antwoord: v })}
                error={s.errors[`afweging.${q}.antwoord`]}
              />
              <FormField
                label={`Motivering: ${WEIGHING_NL[q]}`}
                {...s.field(`afweging.${q}.motivering`)}
                required
              >
                {(w) => (
                  <Textarea
                    {...w}
                    value={answers[q].motivering}
                    onChange={(e) => setAnswer(q, { motivering: e.target.value })}
                  />
                )}
              </FormField>
            </div>
          ))}
          <ChoiceGroup
            legend="Wordt de betrokkene geïnformeerd?"
            type="radio"
            name="afweging-geinformeerd"
            options={[
              ['ja', 'Ja'],
              ['nee', 'Nee'],
            ]}
            selected={geinformeerd}
            onChange={setGeinformeerd}
            error={s.errors['afweging.geinformeerd']}
          />
          {geinformeerd[0] === 'nee' && (
            <FormField
              label="Waarom niet informeren"
              {...s.field('afweging.redenNietGeinformeerd')}
              required
            >
              {(w) => (
                <Textarea {...w} value={redenNiet} onChange={(e) => setRedenNiet(e.target.value)} />
              )}
            </FormField>
          )}
        </>
      )}
      {basis === 'wettelijke-uitzondering' && (
        <>
          <FormField label="Wettelijke uitzondering" {...s.field('uitzondering.soort')} required>
            {(w) => (
              <Select {...w} value={uitzondering} onChange={(e) => setUitzondering(e.target.value)}>
                <option value="">Kies een uitzondering</option>
                {LEGAL_EXCEPTIONS.map((k) => (
                  <option key={k} value={k}>
                    {EXCEPTION_NL[k]}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField
            label="Motivering van de uitzondering"
            {...s.field('uitzondering.motivering')}
            required
          >
            {(w) => (
              <Textarea {...w} value={motivering} onChange={(e) => setMotivering(e.target.value)} />
            )}
          </FormField>
        </>
      )}
      <ChoiceGroup
        legend="Mag het gezin dit besluit zien?"
        type="radio"
        name="gegevensdeling-zichtbaar"
        options={[
          ['ja', 'Ja'],
          ['nee', 'Nee, met reden'],
        ]}
        selected={zichtbaar}
        onChange={setZichtbaar}
      />
      {zichtbaar[0] === 'nee' && (
        <FormField
          label="Waarom het gezin dit niet ziet"
          {...s.field('redenNietZichtbaar')}
          required
        >
          {(w) => (
            <Textarea
              {...w}
              value={redenVerborgen}
              onChange={(e) => setRedenVerborgen(e.target.value)}
            />
          )}
        </FormField>
      )}
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Besluit vastleggen
      </Button>
    </form>
  );
}
