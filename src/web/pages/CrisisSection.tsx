/**
 * Crisis on the case page and the crisis team's own page (DOMAIN.md section 4 step 2, RIJ).
 * - Anyone working on the case calls in the region's crisis team, saying what is going on.
 * - The crisis team finds the request under "Crisis", takes temporary crisiscasusregie with a
 *   planned end, asks the local team for a casusregisseur when the case has none (the family
 *   holding casusregie does not count in a crisis), and hands the regie back with a handover.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, type CaseView } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateField, RuleLink, useSubmission } from '../forms.js';
import { formatDate, formatDateTime, parseDutchDate } from '../format.js';
import {
  Alert,
  Button,
  DataList,
  FormField,
  Heading,
  Link,
  Paragraph,
  Select,
  StatusBadge,
  Textarea,
} from '../nl/index.js';
import { PageHeading } from '../page.js';

interface Crisis {
  id: string;
  status: 'aangevraagd' | 'actief' | 'teruggegeven';
  crisisteam: { id: string; naam: string };
  reden: string;
  aangevraagdDoor: string;
  aangevraagdOp: string;
  genomenDoor: string | null;
  genomenOp: string | null;
  eindeGepland: string | null;
  teamGevraagd: string | null;
  teamGevraagdOp: string | null;
  overdracht: string | null;
  teruggegevenOp: string | null;
}
interface CaseCrisis {
  crises: Crisis[];
  crisisteams: { id: string; naam: string }[];
  heeftCasusregisseur: boolean;
  magCoordineren: boolean;
}

const STATUS: Record<Crisis['status'], string> = {
  aangevraagd: 'crisisteam ingeschakeld, nog niet opgepakt',
  actief: 'crisisteam heeft de casusregie',
  teruggegeven: 'teruggegeven',
};
const LABELS: Record<string, string> = {
  crisisteamId: 'Crisisteam',
  reden: 'Wat is er aan de hand',
  eindeGepland: 'Gepland einde',
  teamId: 'Lokaal team',
  toelichting: 'Toelichting',
  overdracht: 'Overdracht',
  casusregie: 'Casusregisseur',
};
const labelOf = (p: string) => LABELS[p] ?? p;

function CrisisFacts({ c }: { c: Crisis }) {
  return (
    <DataList
      items={[
        [
          'Status',
          <StatusBadge key="s" status={c.status === 'actief' ? 'warning' : 'neutral'}>
            {STATUS[c.status]}
          </StatusBadge>,
        ],
        ['Crisisteam', c.crisisteam.naam],
        ['Aanleiding', c.reden],
        ['Ingeschakeld', `${formatDateTime(c.aangevraagdOp)} door ${c.aangevraagdDoor}`],
        ...(c.genomenOp
          ? ([
              [
                'Crisiscasusregie',
                `sinds ${formatDateTime(c.genomenOp)} (${c.genomenDoor ?? ''}), uiterlijk tot en met ${formatDate(c.eindeGepland)}`,
              ],
            ] as [string, string][])
          : []),
        ...(c.teamGevraagd
          ? ([
              [
                'Casusregisseur gevraagd aan',
                `${c.teamGevraagd} op ${formatDateTime(c.teamGevraagdOp)}`,
              ],
            ] as [string, string][])
          : []),
        ...(c.teruggegevenOp
          ? ([
              ['Teruggegeven', formatDateTime(c.teruggegevenOp)],
              ['Overdracht', c.overdracht ?? ''],
            ] as [string, string][])
          : []),
      ]}
    />
  );
}

export function CrisisSection({ casus }: { casus: CaseView }) {
  const data = useQuery({
    queryKey: ['crisis', casus.id],
    queryFn: () => api<CaseCrisis>('GET', `/casussen/${casus.id}/crisis`),
  });
  if (!data.data) return null;
  const { crises, crisisteams, heeftCasusregisseur, magCoordineren } = data.data;
  const open = crises.find((c) => c.status !== 'teruggegeven') ?? null;
  return (
    <section aria-labelledby="kop-crisis">
      <Heading level={2} id="kop-crisis">
        Crisis
      </Heading>
      {open ? (
        <Alert type="warning">
          <CrisisFacts c={open} />
          {open.status === 'actief' && !heeftCasusregisseur && (
            <Paragraph>
              Deze casus heeft geen casusregisseur om de regie aan terug te geven
              {open.teamGevraagd ? '; het lokale team is gevraagd er een aan te wijzen.' : '.'}
            </Paragraph>
          )}
        </Alert>
      ) : (
        <Paragraph>Er loopt geen crisis. Bij acuut gevaar schakelt u het crisisteam in.</Paragraph>
      )}
      {open && magCoordineren && (
        <>
          {!heeftCasusregisseur && !open.teamGevraagd && (
            <AskForRegisseur casus={casus} crisis={open} />
          )}
          <HandBack casus={casus} crisis={open} />
        </>
      )}
      {!open && crisisteams.length > 0 && <CallCrisisTeam casus={casus} teams={crisisteams} />}
      {crises.filter((c) => c.status === 'teruggegeven').length > 0 && (
        <>
          <Heading level={3}>Eerdere crises</Heading>
          {crises
            .filter((c) => c.status === 'teruggegeven')
            .map((c) => (
              <CrisisFacts key={c.id} c={c} />
            ))}
        </>
      )}
    </section>
  );
}

function useRefresh(caseId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['crisis', caseId] }),
      client.invalidateQueries({ queryKey: ['casus', caseId] }),
      client.invalidateQueries({ queryKey: ['crisisverzoeken'] }),
    ]);
}

function CallCrisisTeam({ casus, teams }: { casus: CaseView; teams: CaseCrisis['crisisteams'] }) {
  const refresh = useRefresh(casus.id);
  const [team, setTeam] = useState(teams[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const s = useSubmission('Het crisisteam inschakelen lukte niet. Probeer het opnieuw.', 'crisis');
  async function submit(event: FormEvent) {
    event.preventDefault();
    await s.run({}, async () => {
      await api('POST', `/casussen/${casus.id}/crisis`, { crisisteamId: team, reden: reason });
      await refresh();
      return 'Het crisisteam is ingeschakeld.';
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Crisisteam inschakelen</Heading>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField label="Crisisteam" {...s.field('crisisteamId')} required>
        {(w) => (
          <Select {...w} value={team} onChange={(e) => setTeam(e.target.value)}>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.naam}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Wat is er aan de hand" {...s.field('reden')} required>
        {(w) => <Textarea {...w} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FormField>
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Crisisteam inschakelen
      </Button>
    </form>
  );
}

function AskForRegisseur({ casus, crisis }: { casus: CaseView; crisis: Crisis }) {
  const refresh = useRefresh(casus.id);
  const [note, setNote] = useState('');
  const s = useSubmission('De vraag versturen lukte niet. Probeer het opnieuw.', 'crisis-vraag');
  async function submit(event: FormEvent) {
    event.preventDefault();
    await s.run({}, async () => {
      await api('POST', `/crisis/${crisis.id}/casusregisseur-vragen`, { toelichting: note });
      await refresh();
      return 'Het lokale team is gevraagd een casusregisseur aan te wijzen.';
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Lokaal team om een casusregisseur vragen</Heading>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField label="Toelichting" {...s.field('toelichting')} required>
        {(w) => <Textarea {...w} value={note} onChange={(e) => setNote(e.target.value)} />}
      </FormField>
      <Button type="submit" disabled={s.busy}>
        Casusregisseur vragen
      </Button>
    </form>
  );
}

function HandBack({ casus, crisis }: { casus: CaseView; crisis: Crisis }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [handover, setHandover] = useState('');
  const s = useSubmission('Teruggeven lukte niet. Probeer het opnieuw.', 'crisis-terug');
  async function submit(event: FormEvent) {
    event.preventDefault();
    await s.run({}, async () => {
      await api('POST', `/crisis/${crisis.id}/teruggeven`, { overdracht: handover });
      // With the role ended the crisis team no longer reads the case: back to its own list.
      client.removeQueries({ queryKey: ['casus', casus.id] });
      client.removeQueries({ queryKey: ['crisis', casus.id] });
      await client.invalidateQueries({ queryKey: ['crisisverzoeken'] });
      await navigate('/crisis', {
        state: { notice: `De casusregie van ${casus.gezin.naam} is teruggegeven.` },
      });
      return null;
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Casusregie teruggeven</Heading>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField
        label="Overdracht"
        description="Wat is er gebeurd en welke veiligheidsafspraken gelden nu?"
        {...s.field('overdracht')}
        required
      >
        {(w) => <Textarea {...w} value={handover} onChange={(e) => setHandover(e.target.value)} />}
      </FormField>
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Casusregie teruggeven
      </Button>
    </form>
  );
}

interface QueueItem extends Crisis {
  casusId: string;
  gezin: string;
  regio: string;
}

/** The crisis team's page: requests to take, and crises it coordinates now. */
export function CrisisPage() {
  const queue = useQuery({
    queryKey: ['crisisverzoeken'],
    queryFn: () => api<QueueItem[]>('GET', '/crisis'),
  });
  const items = queue.data ?? [];
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <>
      <PageHeading title="Crisis" />
      {notice && (
        <Alert type="ok">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      <Paragraph>
        Verzoeken aan uw crisisteam. Neem de crisiscasusregie tijdelijk en geef die terug aan de
        casusregisseur zodra het kan. Zolang u de regie hebt, geldt in de regio Lekstroom wekelijks
        contact (<RuleLink id="LEK-CAD-CONTACT-CRISISREGIE" />
        ).
      </Paragraph>
      {!queue.data ? (
        <p className="utrecht-paragraph" role="status">
          Laden…
        </p>
      ) : items.length === 0 ? (
        <Paragraph>Er staan geen crisisverzoeken open.</Paragraph>
      ) : (
        items.map((c) => <QueueCard key={c.id} c={c} />)
      )}
    </>
  );
}

function QueueCard({ c }: { c: QueueItem }) {
  const client = useQueryClient();
  const [end, setEnd] = useState('');
  const [needs, setNeeds] = useState<boolean | null>(null);
  const s = useSubmission('Overnemen lukte niet. Probeer het opnieuw.', `neem-${c.id}`);
  const headingId = `kop-crisis-${c.id}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const iso = parseDutchDate(end);
    if (!iso) found['eindeGepland'] = 'vul een datum in als dd-mm-jjjj';
    await s.run(found, async () => {
      const result = await api<{ casusregisseurNodig: boolean }>(
        'POST',
        `/crisis/${c.id}/overnemen`,
        { eindeGepland: iso },
      );
      setNeeds(result.casusregisseurNodig);
      await client.invalidateQueries({ queryKey: ['crisisverzoeken'] });
      return 'U hebt nu tijdelijk de crisiscasusregie.';
    });
  }
  return (
    <article aria-labelledby={headingId} className="kaart">
      <Heading level={2} id={headingId}>
        {c.gezin} ({c.regio})
      </Heading>
      <CrisisFacts c={c} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      {needs && (
        <Alert type="warning">
          <Paragraph>
            Deze casus heeft geen casusregisseur. Vraag op de casuspagina het lokale team er een aan
            te wijzen.
          </Paragraph>
        </Alert>
      )}
      {c.status === 'aangevraagd' ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
          <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
          <DateField
            label="Gepland einde van de crisiscasusregie"
            value={end}
            onChange={setEnd}
            {...s.field('eindeGepland')}
          />
          <Button type="submit" appearance="primary-action" disabled={s.busy}>
            Crisiscasusregie nemen
          </Button>
        </form>
      ) : (
        <Paragraph>
          <Link to={`/casussen/${c.casusId}`}>Naar de casus van {c.gezin}</Link>
        </Paragraph>
      )}
    </article>
  );
}
