/**
 * Warm handover of casusregie on the case page (ZTM-DEC-WARM-HANDOVER).
 * - Whoever may assign roles names the new casusregisseur (organisation and person) with a
 *   reason. From then on the new regisseur reads the case.
 * - The old and the new regisseur record their joint meeting with the family: when, who was
 *   there, what was handed over and agreed.
 * - Completing moves casusregie; until a meeting had both regisseurs and the family together the
 *   section says what is missing, and the server refuses with the same reason.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type CaseView, type OrganisationView, type StaffView } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateTimeFields, RuleLink, useSubmission } from '../forms.js';
import { formatDateTime, nowFields, toInstant } from '../format.js';
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

const RULE = 'ZTM-DEC-WARM-HANDOVER';

interface Meeting {
  id: string;
  gehoudenOp: string;
  aanwezig: {
    oudeRegisseur: boolean;
    nieuweRegisseur: boolean;
    gezinsleden: { id: string; naam: string }[];
    anderen: string | null;
  };
  verslag: string;
  vastgelegdDoor: string;
}
interface Handover {
  id: string;
  status: 'open' | 'afgerond' | 'geannuleerd';
  van: {
    houder: 'gezin' | 'professional' | 'organisatie';
    medewerker: string | null;
    organisatie: string | null;
  };
  naar: { medewerkerId: string; medewerker: string; organisatieId: string; organisatie: string };
  reden: string;
  gestartDoor: string;
  gestartOp: string;
  beeindigdOp: string | null;
  redenAnnulering: string | null;
  gesprekken: Meeting[];
  afronden: { mogelijk: boolean; ontbreekt: string[]; reden: string | null } | null;
  toestemming: { stand: string; melding: string | null } | null;
}
interface CaseHandovers {
  overdrachten: Handover[];
  magStarten: boolean;
  magGesprekVastleggen: boolean;
  magBeslissen: boolean;
}

const STATUS: Record<Handover['status'], string> = {
  open: 'loopt',
  afgerond: 'afgerond',
  geannuleerd: 'geannuleerd',
};
const LABELS: Record<string, string> = {
  'nieuweRegisseur.organisatieId': 'Organisatie',
  'nieuweRegisseur.medewerkerId': 'Nieuwe casusregisseur',
  reden: 'Reden',
  uitlegZonderRegistratie: 'Uitleg bij toedeling zonder registratie',
  casusregie: 'Casusregie',
  gehoudenOp: 'Datum en tijd van het gesprek',
  'aanwezig.gezinsleden': 'Aanwezige gezinsleden',
  verslag: 'Wat is overgedragen en afgesproken',
};
const labelOf = (p: string) => LABELS[p.replace(/\.\d+$/, '')] ?? p;
const REGISSEUR_ROLES = ['casusregisseur', 'teamleider', 'jeugdbeschermer', 'behandelaar'];

const fromText = (h: Handover) =>
  h.van.houder === 'gezin'
    ? 'het gezin zelf'
    : [h.van.medewerker, h.van.organisatie].filter(Boolean).join(', ');

function useRefresh(caseId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['regie-overdrachten', caseId] }),
      client.invalidateQueries({ queryKey: ['casus', caseId] }),
    ]);
}

export function HandoverSection({ casus }: { casus: CaseView }) {
  const data = useQuery({
    queryKey: ['regie-overdrachten', casus.id],
    queryFn: () => api<CaseHandovers>('GET', `/casussen/${casus.id}/overdrachten-regie`),
  });
  if (!data.data) return null;
  const { overdrachten, magStarten, magGesprekVastleggen, magBeslissen } = data.data;
  const open = overdrachten.find((h) => h.status === 'open') ?? null;
  const past = overdrachten.filter((h) => h.status !== 'open');
  return (
    <section aria-labelledby="kop-regie-overdracht">
      <Heading level={2} id="kop-regie-overdracht">
        Warme overdracht van de casusregie
      </Heading>
      <Paragraph>
        De casusregie gaat pas over als de oude en de nieuwe casusregisseur minstens één keer samen
        met het gezin hebben gesproken (<RuleLink id={RULE} />
        ). Dat geldt in elke regio.
      </Paragraph>
      {open ? (
        <OpenHandover
          casus={casus}
          handover={open}
          mayRecord={magGesprekVastleggen}
          mayDecide={magBeslissen}
        />
      ) : (
        <Paragraph>Er loopt geen overdracht van de casusregie.</Paragraph>
      )}
      {!open && magStarten && <StartHandover casus={casus} />}
      {past.length > 0 && (
        <>
          <Heading level={3}>Eerdere overdrachten</Heading>
          {past.map((h) => (
            <HandoverFacts key={h.id} h={h} />
          ))}
        </>
      )}
    </section>
  );
}

function HandoverFacts({ h }: { h: Handover }) {
  return (
    <DataList
      items={[
        [
          'Status',
          <StatusBadge key="s" status={h.status === 'open' ? 'warning' : 'neutral'}>
            {STATUS[h.status]}
          </StatusBadge>,
        ],
        ['Van', fromText(h)],
        ['Naar', `${h.naar.medewerker}, ${h.naar.organisatie}`],
        ['Reden', h.reden],
        ['Gestart', `${formatDateTime(h.gestartOp)} door ${h.gestartDoor}`],
        ...(h.beeindigdOp
          ? ([
              [h.status === 'afgerond' ? 'Afgerond' : 'Geannuleerd', formatDateTime(h.beeindigdOp)],
            ] as [string, string][])
          : []),
        ...(h.redenAnnulering
          ? ([['Reden annulering', h.redenAnnulering]] as [string, string][])
          : []),
      ]}
    />
  );
}

/** One line on the family's consent to share with the new organisation; nothing when none is asked. */
function ConsentLine({ consent }: { consent: Handover['toestemming'] }) {
  if (!consent?.melding) return null;
  return (
    <Alert type={consent.stand === 'gegeven' ? 'info' : 'warning'}>
      <Paragraph>{consent.melding}</Paragraph>
    </Alert>
  );
}

function OpenHandover({
  casus,
  handover,
  mayRecord,
  mayDecide,
}: {
  casus: CaseView;
  handover: Handover;
  mayRecord: boolean;
  mayDecide: boolean;
}) {
  return (
    <>
      <HandoverFacts h={handover} />
      <ConsentLine consent={handover.toestemming} />
      <Heading level={3}>Gezamenlijke gesprekken met het gezin</Heading>
      {handover.gesprekken.length === 0 ? (
        <Paragraph>Er is nog geen gesprek vastgelegd.</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {handover.gesprekken.map((m) => (
            <li key={m.id} className="utrecht-unordered-list__item">
              <strong>{formatDateTime(m.gehoudenOp)}</strong>, aanwezig:{' '}
              {[
                m.aanwezig.oudeRegisseur ? 'oude casusregisseur' : null,
                m.aanwezig.nieuweRegisseur ? 'nieuwe casusregisseur' : null,
                ...m.aanwezig.gezinsleden.map((p) => p.naam),
                m.aanwezig.anderen,
              ]
                .filter(Boolean)
                .join(', ')}
              . {m.verslag} <span className="bron">(vastgelegd door {m.vastgelegdDoor})</span>
            </li>
          ))}
        </ul>
      )}
      {handover.afronden &&
        (handover.afronden.mogelijk ? (
          <Alert type="ok">
            <Paragraph>
              Er is een gezamenlijk gesprek met het gezin vastgelegd: de overdracht kan worden
              afgerond (<RuleLink id={RULE} />
              ).
            </Paragraph>
          </Alert>
        ) : (
          <Alert type="warning">
            <Paragraph>{handover.afronden.reden}</Paragraph>
            <Paragraph>
              Regel: <RuleLink id={RULE} />
            </Paragraph>
          </Alert>
        ))}
      {mayRecord && <RecordMeeting casus={casus} handover={handover} />}
      {mayDecide && <Decide casus={casus} handover={handover} />}
    </>
  );
}

function StartHandover({ casus }: { casus: CaseView }) {
  const refresh = useRefresh(casus.id);
  const [organisatie, setOrganisatie] = useState('');
  const [medewerker, setMedewerker] = useState('');
  const [reden, setReden] = useState('');
  const [uitleg, setUitleg] = useState('');
  const s = useSubmission('De overdracht starten lukte niet. Probeer het opnieuw.', 'overdracht');
  const organisations = useQuery({
    queryKey: ['organisaties', casus.regio],
    queryFn: () =>
      api<OrganisationView[]>('GET', `/organisaties?regio=${encodeURIComponent(casus.regio)}`),
    staleTime: 5 * 60_000,
  });
  const staff = useQuery({
    queryKey: ['medewerkers', organisatie],
    queryFn: () => api<StaffView[]>('GET', `/organisaties/${organisatie}/medewerkers`),
    enabled: organisatie !== '',
    staleTime: 5 * 60_000,
  });
  // The family's consent to share with the chosen organisation (Jeugdwet 7.3.11, ADR 0018).
  const consent = useQuery({
    queryKey: ['toestemming-overdracht', casus.id, organisatie],
    queryFn: () =>
      api<{ toestemming: Handover['toestemming'] }>(
        'GET',
        `/casussen/${casus.id}/toestemmingen/overdracht?organisatieId=${organisatie}`,
      ),
    enabled: organisatie !== '',
  });
  const candidates = (staff.data ?? []).filter((p) =>
    p.rollen.some((r) => REGISSEUR_ROLES.includes(r)),
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!organisatie) found['nieuweRegisseur.organisatieId'] = 'kies de organisatie';
    if (!medewerker) found['nieuweRegisseur.medewerkerId'] = 'kies de nieuwe casusregisseur';
    if (!reden.trim()) found['reden'] = 'geef de reden';
    await s.run(found, async () => {
      await api('POST', `/casussen/${casus.id}/overdrachten-regie`, {
        nieuweRegisseur: { medewerkerId: medewerker, organisatieId: organisatie },
        reden,
        uitlegZonderRegistratie: uitleg.trim() || null,
      });
      await refresh();
      return 'De overdracht is gestart. De nieuwe casusregisseur kan de casus nu inzien.';
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Overdracht starten</Heading>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField label="Organisatie" {...s.field('nieuweRegisseur.organisatieId')} required>
        {(w) => (
          <Select
            {...w}
            value={organisatie}
            onChange={(e) => {
              setOrganisatie(e.target.value);
              setMedewerker('');
            }}
          >
            <option value="">Kies een organisatie</option>
            {(organisations.data ?? [])
              .filter((o) => ['lokaal-team', 'gi', 'aanbieder'].includes(o.soort))
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.naam}
                </option>
              ))}
          </Select>
        )}
      </FormField>
      <FormField
        label="Nieuwe casusregisseur"
        {...s.field('nieuweRegisseur.medewerkerId')}
        required
      >
        {(w) => (
          <Select
            {...w}
            value={medewerker}
            onChange={(e) => setMedewerker(e.target.value)}
            disabled={organisatie === ''}
          >
            <option value="">Kies een medewerker</option>
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.naam}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <ConsentLine consent={consent.data?.toestemming ?? null} />
      <FormField label="Reden" {...s.field('reden')} required>
        {(w) => <Textarea {...w} value={reden} onChange={(e) => setReden(e.target.value)} />}
      </FormField>
      <FormField
        label="Uitleg bij toedeling zonder registratie"
        description="Alleen nodig als de nieuwe casusregisseur geen geldige SKJ- of BIG-registratie heeft: waarom toch deze professional? (GRO-DEC-WERKTOEDELING, minstens 20 tekens)"
        {...s.field('uitlegZonderRegistratie')}
      >
        {(w) => <Textarea {...w} value={uitleg} onChange={(e) => setUitleg(e.target.value)} />}
      </FormField>
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Overdracht starten
      </Button>
    </form>
  );
}

function RecordMeeting({ casus, handover }: { casus: CaseView; handover: Handover }) {
  const refresh = useRefresh(casus.id);
  const initial = nowFields();
  const [datum, setDatum] = useState(initial.date);
  const [tijd, setTijd] = useState(initial.time);
  const [regisseurs, setRegisseurs] = useState<string[]>([]);
  const [gezin, setGezin] = useState<string[]>([]);
  const [anderen, setAnderen] = useState('');
  const [verslag, setVerslag] = useState('');
  const s = useSubmission('Het gesprek vastleggen lukte niet. Probeer het opnieuw.', 'gesprek');
  const fromFamily = handover.van.houder === 'gezin';
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const op = toInstant(datum, tijd);
    if (!op) found['gehoudenOp'] = 'vul datum (dd-mm-jjjj) en tijd (uu:mm) in';
    if (verslag.trim().length === 0) found['verslag'] = 'schrijf wat is overgedragen';
    await s.run(found, async () => {
      const result = await api<{ afrondenMogelijk: boolean }>(
        'POST',
        `/regie-overdrachten/${handover.id}/gesprekken`,
        {
          gehoudenOp: op,
          aanwezig: {
            oudeRegisseur: fromFamily || regisseurs.includes('oud'),
            nieuweRegisseur: regisseurs.includes('nieuw'),
            gezinsleden: gezin,
            anderen: anderen.trim() || null,
          },
          verslag,
        },
      );
      await refresh();
      setVerslag('');
      return result.afrondenMogelijk
        ? 'Het gesprek is vastgelegd. De overdracht kan nu worden afgerond.'
        : 'Het gesprek is vastgelegd, maar niet iedereen was erbij: de overdracht kan nog niet worden afgerond.';
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Gezamenlijk gesprek vastleggen</Heading>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <DateTimeFields
        dateLabel="Datum van het gesprek"
        timeLabel="Tijd"
        date={datum}
        time={tijd}
        onDate={setDatum}
        onTime={setTijd}
        {...s.field('gehoudenOp')}
      />
      <ChoiceGroup
        legend="Aanwezige casusregisseurs"
        type="checkbox"
        name="gesprek-regisseurs"
        options={[
          ...(fromFamily
            ? []
            : ([['oud', `Oude casusregisseur (${fromText(handover)})`]] as const)),
          ['nieuw', `Nieuwe casusregisseur (${handover.naar.medewerker})`],
        ]}
        selected={regisseurs}
        onChange={setRegisseurs}
      />
      <ChoiceGroup
        legend="Aanwezige gezinsleden"
        description="Minstens één jeugdige of ouder uit het gezin"
        type="checkbox"
        name="gesprek-gezinsleden"
        options={casus.personen.map((p) => [p.id, `${p.naam} (${p.soort})`] as const)}
        selected={gezin}
        onChange={setGezin}
        error={s.errors['aanwezig.gezinsleden']}
      />
      <FormField label="Andere aanwezigen" {...s.field('aanwezig.anderen')}>
        {(w) => <Textbox {...w} value={anderen} onChange={(e) => setAnderen(e.target.value)} />}
      </FormField>
      <FormField
        label="Wat is overgedragen en afgesproken"
        description="Achtergrond, het plan, lopende hulp, de huidige stand van zaken en de afspraken"
        {...s.field('verslag')}
        required
      >
        {(w) => <Textarea {...w} value={verslag} onChange={(e) => setVerslag(e.target.value)} />}
      </FormField>
      <Button type="submit" disabled={s.busy}>
        Gesprek vastleggen
      </Button>
    </form>
  );
}

function Decide({ casus, handover }: { casus: CaseView; handover: Handover }) {
  const refresh = useRefresh(casus.id);
  const [reden, setReden] = useState('');
  const complete = useSubmission('Afronden lukte niet. Probeer het opnieuw.', 'afronden');
  const cancel = useSubmission('Annuleren lukte niet. Probeer het opnieuw.', 'annuleren');
  async function completeNow(event: FormEvent) {
    event.preventDefault();
    await complete.run({}, async () => {
      await api('POST', `/regie-overdrachten/${handover.id}/afronden`);
      await refresh();
      return null;
    });
  }
  async function cancelNow(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!reden.trim()) found['reden'] = 'geef de reden';
    await cancel.run(found, async () => {
      await api('POST', `/regie-overdrachten/${handover.id}/annuleren`, { reden });
      await refresh();
      return null;
    });
  }
  return (
    <>
      <form onSubmit={(e) => void completeNow(e)} noValidate className="formulier">
        <Heading level={3}>Overdracht afronden</Heading>
        <ErrorSummary
          errors={complete.errors}
          general={complete.general}
          scope={complete.scope}
          labelOf={labelOf}
        />
        <Paragraph>
          Bij afronden eindigt de casusregie van {fromText(handover)} en begint die van{' '}
          {handover.naar.medewerker}. De geschiedenis blijft bewaard.
        </Paragraph>
        <Button type="submit" appearance="primary-action" disabled={complete.busy}>
          Overdracht afronden
        </Button>
      </form>
      <form onSubmit={(e) => void cancelNow(e)} noValidate className="formulier">
        <Heading level={3}>Overdracht annuleren</Heading>
        <ErrorSummary
          errors={cancel.errors}
          general={cancel.general}
          scope={cancel.scope}
          labelOf={labelOf}
        />
        <FormField label="Reden van annuleren" {...cancel.field('reden')} required>
          {(w) => <Textarea {...w} value={reden} onChange={(e) => setReden(e.target.value)} />}
        </FormField>
        <Button type="submit" disabled={cancel.busy}>
          Overdracht annuleren
        </Button>
      </form>
    </>
  );
}
