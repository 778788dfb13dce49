/**
 * Ending by the provider on the case page (RIJ-DEC-PROVIDER-END): the six steps of the region's
 * procedure, where each procedure stands, and the form for the party whose turn it is — the
 * provider starts, records the talks and reports; the casusregisseur weighs criteria a-d and
 * decides; after an agreement the handover completes it. A region whose profile has no such
 * procedure says so.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { CRITERION_DIRECTION } from '../../domain/allocation/provider-ending.js';
import { api, type CaseView } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateField, RuleLink, useSubmission } from '../forms.js';
import { formatDate, formatDateTime, parseDutchDate } from '../format.js';
import {
  Alert,
  Button,
  ChoiceGroup,
  DataList,
  FormField,
  Heading,
  Paragraph,
  Select,
  StatusBadge,
  Textarea,
  Textbox,
} from '../nl/index.js';

interface Procedure {
  id: string;
  titel: string;
  bron: string;
  stappen: string[];
  criteria: { code: string; tekst: string }[];
}
interface Talk {
  id: string;
  datum: string;
  metJeugdige: boolean;
  metOuders: boolean;
  deelnemers: string;
  verslag: string;
  afspraken: string;
  vastgelegdDoor: string;
}
interface Ending {
  id: string;
  kenmerk: string;
  regel: string;
  status: 'gestart' | 'gemeld' | 'ingestemd' | 'geweigerd' | 'overgedragen';
  aanZet: 'aanbieder' | 'casusregisseur' | null;
  stappen: { nummer: number; tekst: string; wie: string; status: string }[];
  toewijzing: { nummer: string; product: string };
  aanbieder: { naam: string };
  aanbiederVerantwoordelijk: boolean;
  leeftijdJeugdige: number | null;
  gesprekOudersNodig: boolean;
  aanleiding: string;
  gestartOp: string;
  gestartDoor: string;
  gesprekken: Talk[];
  melding: {
    redenen: string;
    voorstelVervolg: string;
    gezinGeinformeerdOp: string;
    gemeldOp: string;
    gemeldDoor: string;
  } | null;
  besluit: {
    besluit: 'instemmen' | 'weigeren';
    criteria: {
      code: string;
      tekst: string;
      antwoord: 'ja' | 'nee' | null;
      weegt: 'voor' | 'tegen' | null;
      blokkeert: boolean;
      motivering: string;
    }[];
    reden: string | null;
    beslotenOp: string;
    beslotenDoor: string;
  } | null;
  overdracht: {
    vervolg: string;
    laatsteDag: string;
    warmeOverdracht: string;
    vastgelegdOp: string;
    vastgelegdDoor: string;
  } | null;
  magAlsAanbieder: boolean;
  magBesluiten: boolean;
}
interface Data {
  regio: string;
  procedure: Procedure | null;
  beeindigingen: Ending[];
  startbaar: { id: string; nummer: string; product: string }[];
}

const STATUS: Record<Ending['status'], [string, string]> = {
  gestart: ['gestart: gesprekken en melding door de aanbieder', 'warning'],
  gemeld: ['gemeld: de casusregisseur besluit', 'warning'],
  ingestemd: ['ingestemd: overdracht volgt', 'warning'],
  geweigerd: ['geweigerd: de hulp loopt door', 'ok'],
  overgedragen: ['afgerond met overdracht', 'ok'],
};
const STEP_STATUS: Record<string, [string, string]> = {
  klaar: ['klaar', 'ok'],
  huidig: ['nu aan de beurt', 'warning'],
  later: ['later', 'neutral'],
  vervallen: ['vervalt', 'neutral'],
};
const LABELS: Record<string, string> = {
  toewijzingId: 'Toewijzing',
  aanleiding: 'Aanleiding',
  datum: 'Datum van het gesprek',
  metJeugdige: 'Met wie',
  metOuders: 'Met wie',
  deelnemers: 'Deelnemers',
  verslag: 'Verslag',
  afspraken: 'Gemaakte afspraken',
  gesprekken: 'Gesprekken',
  redenen: 'Redenen',
  voorstelVervolg: 'Voorstel voor het vervolg',
  gezinGeinformeerdOp: 'Jeugdige en gezin geïnformeerd op',
  criteria: 'Criterium',
  besluit: 'Besluit',
  reden: 'Reden van de weigering',
  vervolg: 'Wie neemt over',
  laatsteDag: 'Laatste dag van de hulp',
  warmeOverdracht: 'Warme overdracht',
};
function labelOf(path: string): string {
  const m = /^criteria\.(\w+)\.(antwoord|motivering)$/.exec(path);
  if (m) return `Criterium (${m[1]}) ${m[2] === 'antwoord' ? 'antwoord' : 'motivering'}`;
  return LABELS[path.split('.')[0] ?? path] ?? path;
}
const withWhom = (t: { metJeugdige: boolean; metOuders: boolean }) =>
  [t.metJeugdige ? 'de jeugdige' : null, t.metOuders ? 'ouders of voogd' : null]
    .filter(Boolean)
    .join(' en ');

export function ProviderEndingSection({ casus }: { casus: CaseView }) {
  const data = useQuery({
    queryKey: ['beeindigingen', casus.id],
    queryFn: () => api<Data>('GET', `/casussen/${casus.id}/beeindigingen`),
  });
  if (!data.data) return null;
  const { procedure, beeindigingen, startbaar } = data.data;
  return (
    <section aria-labelledby="kop-beeindiging-aanbieder">
      <Heading level={2} id="kop-beeindiging-aanbieder">
        Beëindiging door de aanbieder
      </Heading>
      {!procedure ? (
        <Paragraph>
          Het profiel van regio {data.data.regio} beschrijft geen procedure voor beëindiging door de
          aanbieder.
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            Een aanbieder stopt de hulp alleen om zwaarwegende redenen en met instemming van de
            casusregisseur, na zes stappen (<RuleLink id={procedure.id} />, {procedure.bron}). Tot
            het besluit en de overdracht blijft de aanbieder verantwoordelijk voor de hulp.
          </Paragraph>
          {beeindigingen.length === 0 && startbaar.length === 0 && (
            <Paragraph>Er loopt geen beëindiging door de aanbieder.</Paragraph>
          )}
          {beeindigingen.map((e) => (
            <EndingCard key={e.id} casus={casus} procedure={procedure} ending={e} />
          ))}
          {startbaar.length > 0 && (
            <StartForm casus={casus} procedure={procedure} allocations={startbaar} />
          )}
        </>
      )}
    </section>
  );
}

function useRefresh(casus: CaseView) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['beeindigingen', casus.id] }),
      client.invalidateQueries({ queryKey: ['casus', casus.id] }),
    ]);
}

function EndingCard({
  casus,
  procedure,
  ending: e,
}: {
  casus: CaseView;
  procedure: Procedure;
  ending: Ending;
}) {
  const headingId = `kop-beeindiging-${e.id}`;
  const [status, badge] = STATUS[e.status];
  return (
    <article aria-labelledby={headingId} className="kaart">
      <Heading level={3} id={headingId}>
        Beëindiging {e.kenmerk}
      </Heading>
      <Paragraph>
        <StatusBadge status={badge}>{status}</StatusBadge> Toewijzing {e.toewijzing.nummer} (
        {e.toewijzing.product}) bij {e.aanbieder.naam}
      </Paragraph>
      {e.status !== 'overgedragen' && e.status !== 'geweigerd' && (
        <Paragraph>
          {e.aanbieder.naam} blijft de hulp bieden en houdt de behandelregie tot de overdracht is
          vastgelegd (<RuleLink id={e.regel} />
          ).
        </Paragraph>
      )}
      <Heading level={4}>De zes stappen</Heading>
      <ol className="niveaus">
        {e.stappen.map((s) => {
          const [label, kind] = STEP_STATUS[s.status] ?? [s.status, 'neutral'];
          return (
            <li key={s.nummer}>
              <strong>
                Stap {s.nummer} ({s.wie}):
              </strong>{' '}
              {s.tekst} <StatusBadge status={kind}>{label}</StatusBadge>
            </li>
          );
        })}
      </ol>
      <DataList
        items={[
          ['Aanleiding', e.aanleiding],
          ['Gestart', `${formatDateTime(e.gestartOp)} door ${e.gestartDoor}`],
        ]}
      />
      <Heading level={4}>Gesprekken (stap 2 en 3)</Heading>
      {e.gesprekken.length === 0 ? (
        <Paragraph>Nog geen gesprekken vastgelegd.</Paragraph>
      ) : (
        <ul>
          {e.gesprekken.map((t) => (
            <li key={t.id}>
              {formatDate(t.datum)}, met {withWhom(t)} ({t.deelnemers}): {t.verslag} Afspraken:{' '}
              {t.afspraken}
            </li>
          ))}
        </ul>
      )}
      {e.melding && (
        <>
          <Heading level={4}>Melding (stap 4)</Heading>
          <DataList
            items={[
              ['Redenen', e.melding.redenen],
              ['Voorstel voor het vervolg', e.melding.voorstelVervolg],
              ['Jeugdige en gezin geïnformeerd op', formatDate(e.melding.gezinGeinformeerdOp)],
              ['Gemeld', `${formatDateTime(e.melding.gemeldOp)} door ${e.melding.gemeldDoor}`],
              ['Kopie', 'Geanonimiseerd gedeeld met de contractmanager van de regio'],
            ]}
          />
        </>
      )}
      {e.besluit && <DecisionView decision={e.besluit} />}
      {e.overdracht && (
        <>
          <Heading level={4}>Overdracht (stap 6)</Heading>
          <DataList
            items={[
              ['Vervolg', e.overdracht.vervolg],
              ['Laatste dag van de hulp', formatDate(e.overdracht.laatsteDag)],
              ['Warme overdracht', e.overdracht.warmeOverdracht],
              [
                'Vastgelegd',
                `${formatDateTime(e.overdracht.vastgelegdOp)} door ${e.overdracht.vastgelegdDoor}`,
              ],
            ]}
          />
        </>
      )}
      {e.status === 'gestart' && e.magAlsAanbieder && (
        <>
          <TalkForm casus={casus} ending={e} />
          <ReportForm casus={casus} ending={e} />
        </>
      )}
      {e.status === 'gestart' && !e.magAlsAanbieder && (
        <Paragraph>De aanbieder voert nu de gesprekken en doet daarna de melding.</Paragraph>
      )}
      {e.status === 'gemeld' &&
        (e.magBesluiten ? (
          <DecisionForm casus={casus} procedure={procedure} ending={e} />
        ) : (
          <Paragraph>
            De casusregisseur besluit nu, na weging van de criteria a tot en met d.
          </Paragraph>
        ))}
      {e.status === 'ingestemd' &&
        (e.magAlsAanbieder || e.magBesluiten ? (
          <HandoverForm casus={casus} ending={e} />
        ) : (
          <Paragraph>De overdracht aan het vervolg wordt nog vastgelegd.</Paragraph>
        ))}
    </article>
  );
}

function DecisionView({ decision: d }: { decision: NonNullable<Ending['besluit']> }) {
  return (
    <>
      <Heading level={4}>Besluit van de casusregisseur (stap 5)</Heading>
      <Paragraph>
        <StatusBadge status={d.besluit === 'instemmen' ? 'warning' : 'ok'}>
          {d.besluit === 'instemmen' ? 'ingestemd' : 'geweigerd'}
        </StatusBadge>{' '}
        op {formatDateTime(d.beslotenOp)} door {d.beslotenDoor}
      </Paragraph>
      <ul>
        {d.criteria.map((c) => (
          <li key={c.code}>
            ({c.code}) {c.tekst} <strong>{c.antwoord}</strong>
            {c.weegt && ` (weegt ${c.weegt === 'voor' ? 'voor' : 'tegen'} beëindiging)`}
            {c.blokkeert && ', instemmen was daardoor niet mogelijk'}: {c.motivering}
          </li>
        ))}
      </ul>
      {d.reden && <DataList items={[['Reden van de weigering', d.reden]]} />}
    </>
  );
}

function StartForm({
  casus,
  procedure,
  allocations,
}: {
  casus: CaseView;
  procedure: Procedure;
  allocations: Data['startbaar'];
}) {
  const refresh = useRefresh(casus);
  const [allocationId, setAllocationId] = useState(allocations[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const s = useSubmission('Starten lukte niet. Probeer het opnieuw.', 'beeindiging-start');
  async function submit(event: FormEvent) {
    event.preventDefault();
    await s.run({}, async () => {
      const result = await api<{ kenmerk: string }>('POST', `/casussen/${casus.id}/beeindigingen`, {
        toewijzingId: allocationId,
        aanleiding: reason,
      });
      await refresh();
      return `Beëindiging ${result.kenmerk} is gestart; de casusregisseur is geïnformeerd.`;
    });
  }
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate className="formulier">
      <Heading level={3}>Mogelijke beëindiging melden (stap 1)</Heading>
      <Paragraph>{procedure.stappen[0]}</Paragraph>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField label="Toewijzing" {...s.field('toewijzingId')} required>
        {(w) => (
          <Select {...w} value={allocationId} onChange={(ev) => setAllocationId(ev.target.value)}>
            {allocations.map((a) => (
              <option key={a.id} value={a.id}>
                {a.nummer}: {a.product}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField
        label="Aanleiding"
        description="Waarom kan beëindiging van de hulp nodig worden?"
        {...s.field('aanleiding')}
        required
      >
        {(w) => <Textarea {...w} value={reason} onChange={(ev) => setReason(ev.target.value)} />}
      </FormField>
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Casusregisseur informeren
      </Button>
    </form>
  );
}

function TalkForm({ casus, ending: e }: { casus: CaseView; ending: Ending }) {
  const refresh = useRefresh(casus);
  const [date, setDate] = useState('');
  const [whom, setWhom] = useState<string[]>([]);
  const [participants, setParticipants] = useState('');
  const [report, setReport] = useState('');
  const [agreements, setAgreements] = useState('');
  const scope = `beeindiging-gesprek-${e.id}`;
  const s = useSubmission('Vastleggen lukte niet. Probeer het opnieuw.', scope);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const iso = parseDutchDate(date);
    if (!iso) found['datum'] = 'vul een datum in als dd-mm-jjjj';
    await s.run(found, async () => {
      await api('POST', `/beeindigingen/${e.id}/gesprekken`, {
        datum: iso,
        metJeugdige: whom.includes('jeugdige'),
        metOuders: whom.includes('ouders'),
        deelnemers: participants,
        verslag: report,
        afspraken: agreements,
      });
      setDate('');
      setWhom([]);
      setParticipants('');
      setReport('');
      setAgreements('');
      await refresh();
      return 'Het gesprek is vastgelegd.';
    });
  }
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate className="formulier">
      <Heading level={4}>Gesprek vastleggen (stap 2 en 3)</Heading>
      <Paragraph>
        Nodig vóór de melding: een gesprek met de jeugdige
        {e.gesprekOudersNodig
          ? ' en een gesprek met de ouders of de voogd (de jeugdige is jonger dan 16 of de leeftijd is onbekend)'
          : '; met de ouders of voogd mag, de jeugdige is 16 of ouder'}
        .
      </Paragraph>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <DateField
        label="Datum van het gesprek"
        value={date}
        onChange={setDate}
        {...s.field('datum')}
      />
      <ChoiceGroup
        legend="Met wie"
        type="checkbox"
        name={`${scope}.metJeugdige`}
        options={[
          ['jeugdige', 'de jeugdige'],
          ['ouders', 'de ouders of de voogd'],
        ]}
        selected={whom}
        onChange={setWhom}
        error={s.errors['metJeugdige']}
      />
      <FormField label="Deelnemers" {...s.field('deelnemers')} required>
        {(w) => (
          <Textbox
            {...w}
            value={participants}
            onChange={(ev) => setParticipants(ev.target.value)}
          />
        )}
      </FormField>
      <FormField label="Verslag" {...s.field('verslag')} required>
        {(w) => <Textarea {...w} value={report} onChange={(ev) => setReport(ev.target.value)} />}
      </FormField>
      <FormField label="Gemaakte afspraken" {...s.field('afspraken')} required>
        {(w) => (
          <Textarea {...w} value={agreements} onChange={(ev) => setAgreements(ev.target.value)} />
        )}
      </FormField>
      <Button type="submit" disabled={s.busy}>
        Gesprek vastleggen
      </Button>
    </form>
  );
}

function ReportForm({ casus, ending: e }: { casus: CaseView; ending: Ending }) {
  const refresh = useRefresh(casus);
  const [reasons, setReasons] = useState('');
  const [proposal, setProposal] = useState('');
  const [informed, setInformed] = useState('');
  const s = useSubmission('Melden lukte niet. Probeer het opnieuw.', `beeindiging-melding-${e.id}`);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const iso = parseDutchDate(informed);
    if (!iso) found['gezinGeinformeerdOp'] = 'vul een datum in als dd-mm-jjjj';
    await s.run(found, async () => {
      await api('POST', `/beeindigingen/${e.id}/melding`, {
        redenen: reasons,
        voorstelVervolg: proposal,
        gezinGeinformeerdOp: iso,
      });
      await refresh();
      return null;
    });
  }
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate className="formulier">
      <Heading level={4}>Onvermijdelijke beëindiging melden (stap 4)</Heading>
      <Paragraph>
        De melding gaat naar de casusregisseur, met de {e.gesprekken.length} vastgelegde
        gespreksverslag(en). Een geanonimiseerde kopie gaat naar de contractmanager van de regio.
      </Paragraph>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      <FormField label="Redenen" {...s.field('redenen')} required>
        {(w) => <Textarea {...w} value={reasons} onChange={(ev) => setReasons(ev.target.value)} />}
      </FormField>
      <FormField label="Voorstel voor het vervolg" {...s.field('voorstelVervolg')} required>
        {(w) => (
          <Textarea {...w} value={proposal} onChange={(ev) => setProposal(ev.target.value)} />
        )}
      </FormField>
      <DateField
        label="Jeugdige en gezin geïnformeerd op"
        value={informed}
        onChange={setInformed}
        {...s.field('gezinGeinformeerdOp')}
      />
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Beëindiging melden
      </Button>
    </form>
  );
}

function DecisionForm({
  casus,
  procedure,
  ending: e,
}: {
  casus: CaseView;
  procedure: Procedure;
  ending: Ending;
}) {
  const refresh = useRefresh(casus);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [motivations, setMotivations] = useState<Record<string, string>>({});
  const [decision, setDecision] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const scope = `beeindiging-besluit-${e.id}`;
  const s = useSubmission('Besluiten lukte niet. Probeer het opnieuw.', scope);
  // The criteria whose answer makes agreeing impossible (criterion d answered no).
  const blocking = procedure.criteria.filter((c) => {
    const direction = CRITERION_DIRECTION[c.code];
    const given = answers[c.code];
    return (
      direction?.blocksAgreement === true &&
      given !== undefined &&
      (given === 'ja') !== direction.favours
    );
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (decision.length === 0) found['besluit'] = 'kies instemmen of weigeren';
    await s.run(found, async () => {
      await api('POST', `/beeindigingen/${e.id}/besluit`, {
        besluit: decision[0],
        criteria: Object.fromEntries(
          procedure.criteria
            .filter((c) => answers[c.code] !== undefined)
            .map((c) => [
              c.code,
              { antwoord: answers[c.code], motivering: motivations[c.code] ?? '' },
            ]),
        ),
        reden: decision[0] === 'weigeren' ? reason : null,
      });
      await refresh();
      return null;
    });
  }
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate className="formulier">
      <Heading level={4}>Besluiten (stap 5)</Heading>
      <Paragraph>
        {procedure.stappen[4]} Beantwoord elk criterium en motiveer het antwoord.
      </Paragraph>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {procedure.criteria.map((c) => {
        const direction = CRITERION_DIRECTION[c.code];
        const given = answers[c.code];
        const weighs =
          given === undefined || !direction
            ? null
            : (given === 'ja') === direction.favours
              ? 'Dit antwoord weegt voor beëindiging.'
              : 'Dit antwoord weegt tegen beëindiging.';
        return (
          <div key={c.code} className="criterium">
            <ChoiceGroup
              legend={`(${c.code}) ${c.tekst}`}
              type="radio"
              name={`${scope}.criteria.${c.code}.antwoord`}
              options={[
                ['ja', 'ja'],
                ['nee', 'nee'],
              ]}
              selected={given ? [given] : []}
              onChange={(v) => setAnswers({ ...answers, [c.code]: v[0] ?? '' })}
              error={s.errors[`criteria.${c.code}.antwoord`]}
              {...(weighs ? { description: weighs } : {})}
            />
            <FormField
              label={`Motivering bij criterium (${c.code})`}
              {...s.field(`criteria.${c.code}.motivering`)}
              required
            >
              {(w) => (
                <Textarea
                  {...w}
                  value={motivations[c.code] ?? ''}
                  onChange={(ev) => setMotivations({ ...motivations, [c.code]: ev.target.value })}
                />
              )}
            </FormField>
          </div>
        );
      })}
      {blocking.length > 0 && (
        <Alert type="warning">
          Instemmen is niet mogelijk: criterium ({blocking.map((c) => c.code).join(', ')}) is met
          nee beantwoord, de aanbieder heeft niet voor een vervolg gezorgd (
          <RuleLink id={procedure.id} />
          ). U kunt de beëindiging weigeren.
        </Alert>
      )}
      <ChoiceGroup
        legend="Besluit"
        type="radio"
        name={`${scope}.besluit`}
        options={
          blocking.length > 0
            ? [['weigeren', 'Weigeren: de hulp loopt door']]
            : [
                ['instemmen', 'Instemmen: de aanbieder draagt de hulp over'],
                ['weigeren', 'Weigeren: de hulp loopt door'],
              ]
        }
        selected={blocking.length > 0 ? decision.filter((d) => d === 'weigeren') : decision}
        onChange={setDecision}
        error={s.errors['besluit']}
      />
      {decision[0] === 'weigeren' && (
        <FormField label="Reden van de weigering" {...s.field('reden')} required>
          {(w) => <Textarea {...w} value={reason} onChange={(ev) => setReason(ev.target.value)} />}
        </FormField>
      )}
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Besluit vastleggen
      </Button>
    </form>
  );
}

function HandoverForm({ casus, ending: e }: { casus: CaseView; ending: Ending }) {
  const refresh = useRefresh(casus);
  const [followUp, setFollowUp] = useState('');
  const [lastDay, setLastDay] = useState('');
  const [warm, setWarm] = useState('');
  const s = useSubmission(
    'Vastleggen lukte niet. Probeer het opnieuw.',
    `beeindiging-overdracht-${e.id}`,
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const iso = parseDutchDate(lastDay);
    if (!iso) found['laatsteDag'] = 'vul een datum in als dd-mm-jjjj';
    await s.run(found, async () => {
      await api('POST', `/beeindigingen/${e.id}/overdracht`, {
        vervolg: followUp,
        laatsteDag: iso,
        warmeOverdracht: warm,
      });
      await refresh();
      return null;
    });
  }
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate className="formulier">
      <Heading level={4}>Overdracht vastleggen (stap 6)</Heading>
      <Paragraph>
        Pas met de overdracht is de beëindiging klaar. De behandelregie van de aanbieder eindigt na
        de laatste dag van de hulp.
      </Paragraph>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      <FormField label="Wie neemt over" {...s.field('vervolg')} required>
        {(w) => <Textbox {...w} value={followUp} onChange={(ev) => setFollowUp(ev.target.value)} />}
      </FormField>
      <DateField
        label="Laatste dag van de hulp"
        value={lastDay}
        onChange={setLastDay}
        {...s.field('laatsteDag')}
      />
      <FormField
        label="Warme overdracht"
        description="Wie spraken elkaar met het gezin, en wat is overgedragen?"
        {...s.field('warmeOverdracht')}
        required
      >
        {(w) => <Textarea {...w} value={warm} onChange={(ev) => setWarm(ev.target.value)} />}
      </FormField>
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Overdracht vastleggen
      </Button>
    </form>
  );
}
