/**
 * A family moves to another municipality, on the case page (ZOU-DEC-ENDING step 3, ADR 0013).
 * Whoever may assign roles names the new municipality (any region), its local team and the new
 * casusregisseur, with the moving day and a reason. That starts a warm handover of casusregie
 * (ZTM-DEC-WARM-HANDOVER): the joint meeting and completing happen in the handover section, and
 * completing moves the case — region, team, procesregie — with the new deadlines from that day.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type CaseView, type StaffView } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateField, RuleLink, useSubmission } from '../forms.js';
import { formatDate, formatDateTime, parseDutchDate } from '../format.js';
import {
  Alert,
  Button,
  DataList,
  FormField,
  Heading,
  Paragraph,
  Select,
  StatusBadge,
  Textarea,
} from '../nl/index.js';

const RULE = 'ZOU-DEC-ENDING';
const HANDOVER_RULE = 'ZTM-DEC-WARM-HANDOVER';

interface Move {
  id: string;
  status: 'open' | 'afgerond' | 'geannuleerd';
  overdrachtId: string;
  van: { regio: string; lokaalTeam: string };
  naar: { regio: string; gemeente: string; lokaalTeam: string; casusregisseur: string };
  verhuisdatum: string;
  reden: string;
  gestartDoor: string;
  gestartOp: string;
  afgerondOp: string | null;
}
interface CaseMoves {
  verhuizingen: Move[];
  magStarten: boolean;
}
interface Destination {
  id: string;
  naam: string;
  regio: string;
  lokaleTeams: { id: string; naam: string }[];
}

const STATUS: Record<Move['status'], string> = {
  open: 'loopt',
  afgerond: 'afgerond',
  geannuleerd: 'geannuleerd',
};
const LABELS: Record<string, string> = {
  gemeenteId: 'Nieuwe gemeente',
  lokaalTeamId: 'Lokaal team van de nieuwe gemeente',
  'nieuweRegisseur.medewerkerId': 'Nieuwe casusregisseur',
  verhuisdatum: 'Verhuisdatum',
  reden: 'Reden en nieuwe woonplaats',
  uitlegZonderRegistratie: 'Uitleg bij toedeling zonder registratie',
};
const labelOf = (p: string) => LABELS[p] ?? p;
const REGISSEUR_ROLES = ['casusregisseur', 'teamleider'];

export function MoveSection({ casus }: { casus: CaseView }) {
  const data = useQuery({
    queryKey: ['verhuizingen', casus.id],
    queryFn: () => api<CaseMoves>('GET', `/casussen/${casus.id}/verhuizingen`),
  });
  if (!data.data) return null;
  const { verhuizingen, magStarten } = data.data;
  const open = verhuizingen.find((m) => m.status === 'open') ?? null;
  const done = verhuizingen.filter((m) => m.status === 'afgerond');
  const cancelled = verhuizingen.filter((m) => m.status === 'geannuleerd');
  return (
    <section aria-labelledby="kop-verhuizing">
      <Heading level={2} id="kop-verhuizing">
        Verhuizing naar een andere gemeente
      </Heading>
      <Paragraph>
        Verhuist het gezin, dan gaat de casus met een warme overdracht naar het lokale team van de
        nieuwe gemeente (<RuleLink id={RULE} />, <RuleLink id={HANDOVER_RULE} />
        ). Dat geldt in elke regio. Vanaf de overdracht gelden de termijnen van de nieuwe regio.
      </Paragraph>
      {done.map((m) => (
        <Alert key={m.id} type="info">
          <Paragraph>
            Verhuisd naar {m.naar.gemeente} ({m.naar.regio}) op {formatDateTime(m.afgerondOp)}.
            Verantwoordelijk nu: {m.naar.lokaalTeam}. De termijnen lopen vanaf die dag.
          </Paragraph>
        </Alert>
      ))}
      {open && <OpenMove move={open} />}
      {!open && magStarten && <StartMove casus={casus} />}
      {!open && !magStarten && done.length === 0 && (
        <Paragraph>Er loopt geen verhuizing.</Paragraph>
      )}
      {cancelled.length > 0 && (
        <>
          <Heading level={3}>Geannuleerde verhuizingen</Heading>
          {cancelled.map((m) => (
            <MoveFacts key={m.id} move={m} />
          ))}
        </>
      )}
    </section>
  );
}

function MoveFacts({ move }: { move: Move }) {
  return (
    <DataList
      items={[
        [
          'Status',
          <StatusBadge key="s" status={move.status === 'open' ? 'warning' : 'neutral'}>
            {STATUS[move.status]}
          </StatusBadge>,
        ],
        ['Van', `${move.van.lokaalTeam} (${move.van.regio})`],
        ['Naar', `${move.naar.lokaalTeam}, ${move.naar.gemeente} (${move.naar.regio})`],
        ['Nieuwe casusregisseur', move.naar.casusregisseur],
        ['Verhuisdatum', formatDate(move.verhuisdatum)],
        ['Reden', move.reden],
        ['Gestart', `${formatDateTime(move.gestartOp)} door ${move.gestartDoor}`],
      ]}
    />
  );
}

function OpenMove({ move }: { move: Move }) {
  return (
    <>
      <MoveFacts move={move} />
      <Alert type="warning">
        <Paragraph>
          De verhuizing wordt afgerond met de warme overdracht van de casusregie: leg het
          gezamenlijke gesprek met het gezin vast en rond de overdracht af in{' '}
          <a className="utrecht-link" href="#kop-regie-overdracht">
            Warme overdracht van de casusregie
          </a>
          . Bij afronden gaan de casus, de procesregie en de casusregie naar {move.naar.lokaalTeam};
          het huidige team kan de casus daarna niet meer inzien.
        </Paragraph>
      </Alert>
    </>
  );
}

function StartMove({ casus }: { casus: CaseView }) {
  const client = useQueryClient();
  const [gemeente, setGemeente] = useState('');
  const [team, setTeam] = useState('');
  const [medewerker, setMedewerker] = useState('');
  const [datum, setDatum] = useState('');
  const [reden, setReden] = useState('');
  const [uitleg, setUitleg] = useState('');
  const s = useSubmission('De verhuizing starten lukte niet. Probeer het opnieuw.', 'verhuizing');
  const destinations = useQuery({
    queryKey: ['verhuizing-bestemmingen'],
    queryFn: () => api<Destination[]>('GET', '/verhuizing/bestemmingen'),
    staleTime: 5 * 60_000,
  });
  const staff = useQuery({
    queryKey: ['medewerkers', team],
    queryFn: () => api<StaffView[]>('GET', `/organisaties/${team}/medewerkers`),
    enabled: team !== '',
    staleTime: 5 * 60_000,
  });
  const teams = (destinations.data ?? []).find((d) => d.id === gemeente)?.lokaleTeams ?? [];
  const candidates = (staff.data ?? []).filter((p) =>
    p.rollen.some((r) => REGISSEUR_ROLES.includes(r)),
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!gemeente) found['gemeenteId'] = 'kies de nieuwe gemeente';
    if (!team) found['lokaalTeamId'] = 'kies het lokale team';
    if (!medewerker) found['nieuweRegisseur.medewerkerId'] = 'kies de nieuwe casusregisseur';
    const day = parseDutchDate(datum);
    if (!day) found['verhuisdatum'] = 'vul de verhuisdatum in als dd-mm-jjjj';
    if (!reden.trim()) found['reden'] = 'geef de reden en de nieuwe woonplaats';
    await s.run(found, async () => {
      await api('POST', `/casussen/${casus.id}/verhuizingen`, {
        gemeenteId: gemeente,
        lokaalTeamId: team,
        nieuweRegisseur: { medewerkerId: medewerker },
        verhuisdatum: day,
        reden,
        uitlegZonderRegistratie: uitleg.trim() || null,
      });
      await Promise.all([
        client.invalidateQueries({ queryKey: ['verhuizingen', casus.id] }),
        client.invalidateQueries({ queryKey: ['regie-overdrachten', casus.id] }),
        client.invalidateQueries({ queryKey: ['casus', casus.id] }),
      ]);
      return 'De verhuizing is gestart. De nieuwe casusregisseur kan de casus nu inzien.';
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Verhuizing starten</Heading>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField label="Nieuwe gemeente" {...s.field('gemeenteId')} required>
        {(w) => (
          <Select
            {...w}
            value={gemeente}
            onChange={(e) => {
              setGemeente(e.target.value);
              setTeam('');
              setMedewerker('');
            }}
          >
            <option value="">Kies een gemeente</option>
            {(destinations.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {`${d.naam} (${d.regio})`}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Lokaal team van de nieuwe gemeente" {...s.field('lokaalTeamId')} required>
        {(w) => (
          <Select
            {...w}
            value={team}
            disabled={gemeente === ''}
            onChange={(e) => {
              setTeam(e.target.value);
              setMedewerker('');
            }}
          >
            <option value="">Kies een team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.naam}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField
        label="Nieuwe casusregisseur"
        description="Een casusregisseur of teamleider van het nieuwe team"
        {...s.field('nieuweRegisseur.medewerkerId')}
        required
      >
        {(w) => (
          <Select
            {...w}
            value={medewerker}
            disabled={team === ''}
            onChange={(e) => setMedewerker(e.target.value)}
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
      <DateField
        label="Verhuisdatum"
        description="dd-mm-jjjj; de dag waarop het gezin verhuist (of verhuisd is)"
        value={datum}
        onChange={setDatum}
        {...s.field('verhuisdatum')}
      />
      <FormField label="Reden en nieuwe woonplaats" {...s.field('reden')} required>
        {(w) => <Textarea {...w} value={reden} onChange={(e) => setReden(e.target.value)} />}
      </FormField>
      <FormField
        label="Uitleg bij toedeling zonder registratie"
        description="Alleen nodig als de nieuwe casusregisseur geen geldige SKJ- of BIG-registratie heeft (GRO-DEC-WERKTOEDELING, minstens 20 tekens)"
        {...s.field('uitlegZonderRegistratie')}
      >
        {(w) => <Textarea {...w} value={uitleg} onChange={(e) => setUitleg(e.target.value)} />}
      </FormField>
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Verhuizing starten
      </Button>
    </form>
  );
}
