/**
 * The end of a court measure on the case page (route C; RIJ-DEC-MEASURE-END, RIJ-TERM-RVDK-OTS):
 * the planned end and, for an OTS, the deadline for the review by the Raad voor de
 * Kinderbescherming as the case's evaluated deadlines give it (never computed here); the GI's
 * record with the closing teamtafel, the afsluitrapportage and where casusregie goes; and the
 * checklist of the four conditions with their rule IDs. Moving casusregie itself happens in the
 * warm handover or the role assignment further down the page; this section points there.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiFailure, type CaseView } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateField, RuleLink, useSubmission } from '../forms.js';
import { formatDate, formatDateTime, formatDue, parseDutchDate } from '../format.js';
import { MEASURE_LABELS, STATUS_BADGE, STATUS_LABELS } from '../labels.js';
import {
  Alert,
  Button,
  ChoiceGroup,
  DataList,
  FormField,
  Heading,
  Paragraph,
  StatusBadge,
  Textarea,
  Textbox,
} from '../nl/index.js';

const RULE = 'RIJ-DEC-MEASURE-END';
const RVDK_RULE = 'RIJ-TERM-RVDK-OTS';
const HANDOVER_RULE = 'ZTM-DEC-WARM-HANDOVER';

type Destination = 'lokaal-team' | 'gezin';
interface Goal {
  doel: string;
  wieSoort: 'gezin' | 'ketenpartner';
  wie: string;
  wat: string;
  wanneer: string;
}
interface Condition {
  voorwaarde: 'teamtafel' | 'afsluitrapportage' | 'rvdk-toetsing' | 'casusregie';
  regel: string;
  vanToepassing: boolean;
  voldaan: boolean;
  toelichting: string | null;
  geldtInElkeRegio: boolean;
}
interface MeasureEnding {
  vanToepassing: boolean;
  regio: string;
  maatregel: string | null;
  geplandEinde: string | null;
  casusregie: {
    houder: string;
    medewerker: string | null;
    organisatie: string | null;
    organisatieSoort: string | null;
  } | null;
  afsluiting: {
    id: string;
    status: 'open' | 'afgerond';
    casusregieNaar: Destination;
    gestartDoor: string;
    gestartOp: string;
    teamtafel: {
      gehoudenOp: string;
      gezinsleden: { id: string; naam: string }[];
      toekomstigeRegisseur: string;
      ketenpartners: string | null;
      afspraken: string;
      vastgelegdDoor: string;
    } | null;
    afsluitrapportage: {
      afgelopenPeriode: string;
      doelen: Goal[];
      toestemmingDelen: 'ja' | 'nee';
      vastgelegdDoor: string;
    } | null;
    afgerondDoor: string | null;
    afgerondOp: string | null;
  } | null;
  voorwaarden: Condition[];
  magBewerken: boolean;
}

const DESTINATIONS: readonly (readonly [Destination, string])[] = [
  ['lokaal-team', 'Naar een casusregisseur van het lokale team'],
  ['gezin', 'Naar het gezin zelf'],
];
const CONDITION_LABELS: Record<Condition['voorwaarde'], string> = {
  teamtafel: 'Afsluitende teamtafel met het gezin',
  afsluitrapportage: 'Afsluitrapportage met SMART-doelen',
  'rvdk-toetsing': 'Toetsing van de afsluiting door de Raad voor de Kinderbescherming',
  casusregie: 'Casusregie overgedragen',
};
const LABELS: Record<string, string> = {
  casusregieNaar: 'Casusregie gaat naar',
  gehoudenOp: 'Datum van de teamtafel',
  gezinsleden: 'Aanwezige gezinsleden',
  toekomstigeRegisseur: 'Toekomstige casusregisseur',
  ketenpartners: 'Andere ketenpartners',
  afspraken: 'Gemaakte afspraken',
  afgelopenPeriode: 'Inzet in de afgelopen periode',
  doelen: 'SMART-doelen',
  toestemmingDelen: 'Toestemming om te delen met het lokale team',
  ...CONDITION_LABELS,
};
const GOAL_LABELS: Record<string, string> = {
  doel: 'doel',
  wieSoort: 'gezin of ketenpartner',
  wie: 'wie',
  wat: 'wat',
  wanneer: 'wanneer',
};
function labelOf(path: string): string {
  const goal = /^doelen\.(\d+)\.(\w+)$/.exec(path);
  if (goal) return `Doel ${Number(goal[1]) + 1}, ${GOAL_LABELS[goal[2] ?? ''] ?? goal[2]}`;
  return LABELS[path] ?? path;
}

const emptyGoal = (): Goal => ({ doel: '', wieSoort: 'gezin', wie: '', wat: '', wanneer: '' });

function useRefresh(caseId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['einde-maatregel', caseId] }),
      client.invalidateQueries({ queryKey: ['casus', caseId] }),
    ]);
}

export function MeasureEndSection({ casus }: { casus: CaseView }) {
  const data = useQuery({
    // New events and role changes elsewhere on the page change the checklist: read it again.
    queryKey: ['einde-maatregel', casus.id, casus.tijdlijn.length, casus.rollen.length],
    queryFn: () => api<MeasureEnding>('GET', `/casussen/${casus.id}/einde-maatregel`),
    placeholderData: (previous) => previous,
  });
  if (!data.data || !data.data.vanToepassing) return null;
  const m = data.data;
  const ending = m.afsluiting;
  const everywhere = m.regio !== 'RIJ';
  const open = ending?.status === 'open';
  return (
    <section aria-labelledby="kop-einde-maatregel">
      <Heading level={2} id="kop-einde-maatregel">
        Einde maatregel
      </Heading>
      <Paragraph>
        Aan het einde van de maatregel bouwt de GI haar rol af: een afsluitende teamtafel met het
        gezin, een afsluitrapportage en een warme overdracht van de casusregie naar het lokale team
        of het gezin zelf (<RuleLink id={RULE} />
        ).{everywhere ? ' Dit geldt in elke regio.' : ''} De casus zelf blijft daarna open tot de
        afsluiting van de casus.
      </Paragraph>
      <Dates casus={casus} m={m} />
      {!ending && m.magBewerken && <Start casus={casus} />}
      {!ending && !m.magBewerken && (
        <Paragraph>De GI heeft de afsluiting van de maatregel nog niet gestart.</Paragraph>
      )}
      {ending && (
        <>
          <DataList
            items={[
              [
                'Status',
                <StatusBadge key="s" status={open ? 'warning' : 'safe'}>
                  {open ? 'loopt' : 'afgerond'}
                </StatusBadge>,
              ],
              ['Gestart', `${formatDateTime(ending.gestartOp)} door ${ending.gestartDoor}`],
              [
                'Casusregie gaat naar',
                ending.casusregieNaar === 'gezin' ? 'het gezin zelf' : 'het lokale team',
              ],
              ...(ending.afgerondOp
                ? ([
                    [
                      'Afgerond',
                      `${formatDateTime(ending.afgerondOp)} door ${ending.afgerondDoor ?? ''}`,
                    ],
                  ] as [string, string][])
                : []),
            ]}
          />
          {!open && (
            <Alert type="ok">
              <Paragraph>
                Het einde van de maatregel is afgerond (<RuleLink id={RULE} />
                ). De casusregie ligt niet meer bij de GI.
              </Paragraph>
            </Alert>
          )}
          <Checklist conditions={m.voorwaarden} />
          {open && <HandoverHint destination={ending.casusregieNaar} />}
          <TeamTableFacts ending={ending} />
          <ReportFacts ending={ending} />
          {open && m.magBewerken && (
            <>
              <DestinationForm casus={casus} current={ending.casusregieNaar} />
              <TeamTableForm casus={casus} current={ending.teamtafel} />
              <ReportForm casus={casus} current={ending.afsluitrapportage} />
              <Complete casus={casus} />
            </>
          )}
        </>
      )}
    </section>
  );
}

/** The planned end (from the timeline) and the RvdK deadline (from the evaluated deadlines). */
function Dates({ casus, m }: { casus: CaseView; m: MeasureEnding }) {
  const ots = m.maatregel === 'ots';
  const review = casus.termijnen.find((d) => d.rule === RVDK_RULE);
  return (
    <DataList
      items={[
        [
          'Maatregel',
          m.maatregel
            ? ((MEASURE_LABELS as Record<string, string>)[m.maatregel] ?? m.maatregel)
            : '',
        ],
        [
          'Gepland einde',
          m.geplandEinde
            ? formatDate(m.geplandEinde)
            : 'nog niet vastgelegd (gebeurtenis "Einde maatregel gepland")',
        ],
        ...(ots
          ? ([
              [
                'Toetsing door de Raad uiterlijk',
                review ? (
                  <span key="r" data-regel={RVDK_RULE}>
                    {formatDue(review.due)}{' '}
                    <StatusBadge status={STATUS_BADGE[review.status]}>
                      {STATUS_LABELS[review.status]}
                    </StatusBadge>{' '}
                    (<RuleLink id={RVDK_RULE} />)
                  </span>
                ) : (
                  <span key="r">
                    {m.geplandEinde
                      ? 'het profiel van deze regio rekent deze termijn niet uit; de toetsing is wel nodig'
                      : 'volgt zodra het geplande einde is vastgelegd'}{' '}
                    (<RuleLink id={RVDK_RULE} />
                    {m.regio !== 'RIJ' ? ', geldt in elke regio' : ''})
                  </span>
                ),
              ],
            ] as [string, ReactNode][])
          : []),
        [
          'Casusregie nu',
          m.casusregie
            ? m.casusregie.houder === 'gezin'
              ? 'het gezin zelf'
              : [m.casusregie.medewerker, m.casusregie.organisatie].filter(Boolean).join(', ')
            : 'niemand',
        ],
      ]}
    />
  );
}

function Checklist({ conditions }: { conditions: Condition[] }) {
  return (
    <>
      <Heading level={3}>Voorwaarden om af te ronden</Heading>
      <ul className="utrecht-unordered-list kaartjes" aria-label="Voorwaarden om af te ronden">
        {conditions.map((c) => (
          <li
            key={c.voorwaarde}
            className="utrecht-unordered-list__item"
            data-voorwaarde={c.voorwaarde}
          >
            <StatusBadge status={!c.vanToepassing ? 'neutral' : c.voldaan ? 'safe' : 'warning'}>
              {!c.vanToepassing
                ? 'niet van toepassing'
                : c.voldaan
                  ? 'voldaan'
                  : 'nog niet voldaan'}
            </StatusBadge>{' '}
            {CONDITION_LABELS[c.voorwaarde]} (<RuleLink id={c.regel} />
            {c.geldtInElkeRegio ? ', geldt in elke regio' : ''})
            {c.toelichting && <span className="redenen">: {c.toelichting}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

function HandoverHint({ destination }: { destination: Destination }) {
  return destination === 'lokaal-team' ? (
    <Paragraph>
      De casusregie gaat naar het lokale team met een warme overdracht: gebruik{' '}
      <a className="utrecht-link" href="#kop-regie-overdracht">
        Warme overdracht van de casusregie
      </a>{' '}
      hieronder, met een gezamenlijk gesprek met het gezin (<RuleLink id={HANDOVER_RULE} />
      ). De GI houdt de procesregie en rondt daarna hier af.
    </Paragraph>
  ) : (
    <Paragraph>
      Het gezin voert na de maatregel zelf de regie: wijs de casusregie toe aan het gezin onder{' '}
      <a className="utrecht-link" href="#kop-toewijzen">
        Rol toewijzen
      </a>
      . Daarna rondt de GI hier af.
    </Paragraph>
  );
}

type Ending = NonNullable<MeasureEnding['afsluiting']>;

function TeamTableFacts({ ending }: { ending: Ending }) {
  const t = ending.teamtafel;
  if (!t) return null;
  return (
    <>
      <Heading level={3}>Afsluitende teamtafel</Heading>
      <DataList
        items={[
          ['Gehouden op', formatDate(t.gehoudenOp)],
          ['Gezinsleden', t.gezinsleden.map((p) => p.naam).join(', ')],
          ['Toekomstige casusregisseur', t.toekomstigeRegisseur],
          ['Andere ketenpartners', t.ketenpartners ?? ''],
          ['Afspraken', t.afspraken],
          ['Vastgelegd door', t.vastgelegdDoor],
        ]}
      />
    </>
  );
}

function ReportFacts({ ending }: { ending: Ending }) {
  const r = ending.afsluitrapportage;
  if (!r) return null;
  return (
    <>
      <Heading level={3}>Afsluitrapportage</Heading>
      <DataList
        items={[
          ['Inzet in de afgelopen periode', r.afgelopenPeriode],
          [
            'Toestemming om te delen met het lokale team',
            r.toestemmingDelen === 'ja' ? 'ja' : 'nee (nog niet gegeven)',
          ],
          ['Vastgelegd door', r.vastgelegdDoor],
        ]}
      />
      <ol className="utrecht-ordered-list">
        {r.doelen.map((g, i) => (
          <li key={i} className="utrecht-ordered-list__item">
            {g.doel}: {g.wie} ({g.wieSoort === 'gezin' ? 'gezin' : 'ketenpartner'}) {g.wat},
            uiterlijk {formatDate(g.wanneer)}
          </li>
        ))}
      </ol>
    </>
  );
}

function Start({ casus }: { casus: CaseView }) {
  const refresh = useRefresh(casus.id);
  const [to, setTo] = useState<string[]>([]);
  const s = useSubmission('Starten lukte niet. Probeer het opnieuw.', 'einde-start');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (to.length === 0) found['casusregieNaar'] = 'kies waar de casusregie heen gaat';
    await s.run(found, async () => {
      await api('POST', `/casussen/${casus.id}/einde-maatregel`, { casusregieNaar: to[0] });
      await refresh();
      return null;
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Afsluiting van de maatregel starten</Heading>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      <ChoiceGroup
        legend="Casusregie gaat naar"
        type="radio"
        name="einde-start.casusregieNaar"
        options={DESTINATIONS}
        selected={to}
        onChange={setTo}
        error={s.errors['casusregieNaar']}
      />
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Afsluiting starten
      </Button>
    </form>
  );
}

function DestinationForm({ casus, current }: { casus: CaseView; current: Destination }) {
  const refresh = useRefresh(casus.id);
  const [to, setTo] = useState<string[]>([current]);
  const s = useSubmission('Opslaan lukte niet. Probeer het opnieuw.', 'einde-bestemming');
  async function submit(event: FormEvent) {
    event.preventDefault();
    await s.run({}, async () => {
      await api('PUT', `/casussen/${casus.id}/einde-maatregel/bestemming`, {
        casusregieNaar: to[0],
      });
      await refresh();
      return 'Opgeslagen.';
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Waar gaat de casusregie heen?</Heading>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <ChoiceGroup
        legend="Casusregie gaat naar"
        type="radio"
        name="einde-bestemming.casusregieNaar"
        options={DESTINATIONS}
        selected={to}
        onChange={setTo}
        error={s.errors['casusregieNaar']}
      />
      <Button type="submit" disabled={s.busy}>
        Bestemming opslaan
      </Button>
    </form>
  );
}

function TeamTableForm({ casus, current }: { casus: CaseView; current: Ending['teamtafel'] }) {
  const refresh = useRefresh(casus.id);
  const [datum, setDatum] = useState(current ? formatDate(current.gehoudenOp) : '');
  const [gezin, setGezin] = useState<string[]>(current?.gezinsleden.map((p) => p.id) ?? []);
  const [regisseur, setRegisseur] = useState(current?.toekomstigeRegisseur ?? '');
  const [partners, setPartners] = useState(current?.ketenpartners ?? '');
  const [afspraken, setAfspraken] = useState(current?.afspraken ?? '');
  const s = useSubmission('De teamtafel vastleggen lukte niet. Probeer het opnieuw.', 'teamtafel');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const op = parseDutchDate(datum);
    if (!op) found['gehoudenOp'] = 'vul de datum in als dd-mm-jjjj';
    if (gezin.length === 0) found['gezinsleden'] = 'kies wie van het gezin erbij was';
    if (!regisseur.trim()) found['toekomstigeRegisseur'] = 'noem de toekomstige casusregisseur';
    if (!afspraken.trim()) found['afspraken'] = 'schrijf de afspraken op';
    await s.run(found, async () => {
      await api('PUT', `/casussen/${casus.id}/einde-maatregel/teamtafel`, {
        gehoudenOp: op,
        gezinsleden: gezin,
        toekomstigeRegisseur: regisseur,
        ketenpartners: partners.trim() || null,
        afspraken,
      });
      await refresh();
      return 'De afsluitende teamtafel is vastgelegd.';
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Afsluitende teamtafel vastleggen</Heading>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <DateField
        label="Datum van de teamtafel"
        value={datum}
        onChange={setDatum}
        {...s.field('gehoudenOp')}
      />
      <ChoiceGroup
        legend="Aanwezige gezinsleden"
        description="Minstens een ouder, voogd of de jeugdige"
        type="checkbox"
        name="teamtafel.gezinsleden"
        options={casus.personen.map((p) => [p.id, `${p.naam} (${p.soort})`] as const)}
        selected={gezin}
        onChange={setGezin}
        error={s.errors['gezinsleden']}
      />
      <FormField
        label="Toekomstige casusregisseur"
        description='Naam en organisatie, of "het gezin zelf"'
        {...s.field('toekomstigeRegisseur')}
        required
      >
        {(w) => <Textbox {...w} value={regisseur} onChange={(e) => setRegisseur(e.target.value)} />}
      </FormField>
      <FormField label="Andere ketenpartners" {...s.field('ketenpartners')}>
        {(w) => <Textbox {...w} value={partners} onChange={(e) => setPartners(e.target.value)} />}
      </FormField>
      <FormField label="Gemaakte afspraken" {...s.field('afspraken')} required>
        {(w) => (
          <Textarea {...w} value={afspraken} onChange={(e) => setAfspraken(e.target.value)} />
        )}
      </FormField>
      <Button type="submit" disabled={s.busy}>
        Teamtafel vastleggen
      </Button>
    </form>
  );
}

function ReportForm({ casus, current }: { casus: CaseView; current: Ending['afsluitrapportage'] }) {
  const refresh = useRefresh(casus.id);
  const [periode, setPeriode] = useState(current?.afgelopenPeriode ?? '');
  const [doelen, setDoelen] = useState<Goal[]>(
    current?.doelen.map((g) => ({ ...g, wanneer: formatDate(g.wanneer) })) ?? [emptyGoal()],
  );
  const [toestemming, setToestemming] = useState<string[]>(
    current ? [current.toestemmingDelen] : [],
  );
  const s = useSubmission(
    'De afsluitrapportage vastleggen lukte niet. Probeer het opnieuw.',
    'rapportage',
  );
  const change = (i: number, patch: Partial<Goal>) =>
    setDoelen((all) => all.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!periode.trim()) found['afgelopenPeriode'] = 'beschrijf de inzet van de afgelopen periode';
    if (doelen.length === 0) found['doelen'] = 'geef minstens één SMART-doel';
    const sent = doelen.map((g, i) => {
      const wanneer = parseDutchDate(g.wanneer);
      if (!g.doel.trim()) found[`doelen.${i}.doel`] = 'beschrijf het doel';
      if (!g.wie.trim()) found[`doelen.${i}.wie`] = 'noem wie het doet';
      if (!g.wat.trim()) found[`doelen.${i}.wat`] = 'beschrijf wat er gebeurt';
      if (!wanneer) found[`doelen.${i}.wanneer`] = 'vul de datum in als dd-mm-jjjj';
      return { ...g, wanneer };
    });
    if (toestemming.length === 0) found['toestemmingDelen'] = 'kies ja of nee';
    await s.run(found, async () => {
      await api('PUT', `/casussen/${casus.id}/einde-maatregel/afsluitrapportage`, {
        afgelopenPeriode: periode,
        doelen: sent,
        toestemmingDelen: toestemming[0],
      });
      await refresh();
      return 'De afsluitrapportage is vastgelegd.';
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Afsluitrapportage vastleggen</Heading>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField
        label="Inzet in de afgelopen periode"
        description="Wat is er gedaan en wat is bereikt, met de afspraken van de teamtafel"
        {...s.field('afgelopenPeriode')}
        required
      >
        {(w) => <Textarea {...w} value={periode} onChange={(e) => setPeriode(e.target.value)} />}
      </FormField>
      {doelen.map((g, i) => (
        <fieldset
          key={i}
          className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
          id={`veld-rapportage-doelen-${i}`}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            SMART-doel {i + 1}
          </legend>
          <FormField label={`Doel ${i + 1}`} {...s.field(`doelen.${i}.doel`)} required>
            {(w) => (
              <Textbox
                {...w}
                value={g.doel}
                onChange={(e) => change(i, { doel: e.target.value })}
              />
            )}
          </FormField>
          <ChoiceGroup
            legend={`Wie voert doel ${i + 1} uit`}
            type="radio"
            name={`rapportage.doelen.${i}.wieSoort`}
            options={[
              ['gezin', 'Het gezin'],
              ['ketenpartner', 'Een ketenpartner'],
            ]}
            selected={[g.wieSoort]}
            onChange={(v) =>
              change(i, { wieSoort: v[0] === 'ketenpartner' ? 'ketenpartner' : 'gezin' })
            }
          />
          <FormField
            label={`Wie (doel ${i + 1})`}
            description="Het gezinslid of de organisatie"
            {...s.field(`doelen.${i}.wie`)}
            required
          >
            {(w) => (
              <Textbox {...w} value={g.wie} onChange={(e) => change(i, { wie: e.target.value })} />
            )}
          </FormField>
          <FormField label={`Wat (doel ${i + 1})`} {...s.field(`doelen.${i}.wat`)} required>
            {(w) => (
              <Textbox {...w} value={g.wat} onChange={(e) => change(i, { wat: e.target.value })} />
            )}
          </FormField>
          <DateField
            label={`Uiterlijk op (doel ${i + 1})`}
            value={g.wanneer}
            onChange={(v) => change(i, { wanneer: v })}
            {...s.field(`doelen.${i}.wanneer`)}
          />
          {doelen.length > 1 && (
            <Button type="button" onClick={() => setDoelen((all) => all.filter((_, j) => j !== i))}>
              Doel {i + 1} verwijderen
            </Button>
          )}
        </fieldset>
      ))}
      <Button type="button" onClick={() => setDoelen((all) => [...all, emptyGoal()])}>
        Doel toevoegen
      </Button>
      <ChoiceGroup
        legend="Mag de afsluitrapportage gedeeld worden met het lokale team?"
        description="De cliënt beslist. Probeer als jeugdbeschermer instemming te krijgen: met de rapportage kan het lokale team de hulp goed voortzetten."
        type="radio"
        name="rapportage.toestemmingDelen"
        options={[
          ['ja', 'Ja, de cliënt stemt in'],
          ['nee', 'Nee, (nog) geen instemming'],
        ]}
        selected={toestemming}
        onChange={setToestemming}
        error={s.errors['toestemmingDelen']}
      />
      <Button type="submit" disabled={s.busy}>
        Afsluitrapportage vastleggen
      </Button>
    </form>
  );
}

function Complete({ casus }: { casus: CaseView }) {
  const refresh = useRefresh(casus.id);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setRefusal(null);
    setBusy(true);
    try {
      await api('POST', `/casussen/${casus.id}/einde-maatregel/afronden`);
      await refresh();
    } catch (error) {
      // The refusal names every missing condition with its rule ID.
      setRefusal(
        error instanceof ApiFailure ? error.message : 'Afronden lukte niet. Probeer het opnieuw.',
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Einde maatregel afronden</Heading>
      <ErrorSummary errors={{}} general={refusal} labelOf={labelOf} />
      <Paragraph>
        Afronden kan als aan alle voorwaarden hierboven is voldaan. De casus blijft open.
      </Paragraph>
      <Button type="submit" appearance="primary-action" disabled={busy}>
        Einde maatregel afronden
      </Button>
    </form>
  );
}
