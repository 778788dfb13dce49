import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocation, useParams } from 'react-router';
import { EVALUATION_KINDS, EVENT_TYPES, FLOW_EVENT_TYPES } from '../../domain/rules/types.js';
import { DateField, DateTimeFields, RuleLink, useSubmission } from '../forms.js';
import { api, ApiFailure, type CaseView } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import {
  formatDate,
  formatDateTime,
  formatDue,
  nowFields,
  parseDutchDate,
  toInstant,
} from '../format.js';
import {
  ACCESS_LABELS,
  EVALUATION_KIND_LABELS,
  EVENT_LABELS,
  HOLDER_LABELS,
  MEASURE_LABELS,
  PERSON_LABELS,
  ROLE_LABELS,
  SEGMENT_LABELS,
  STATUS_BADGE,
  STATUS_LABELS,
  STEP_LABELS,
} from '../labels.js';
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
  Table,
  Textarea,
} from '../nl/index.js';
import { PageHeading } from '../page.js';
import { NotFoundPage } from './NotFoundPage.js';
import { AdjustmentsSection } from './AdjustmentsSection.js';
import { AllocationSection } from './AllocationSection.js';
import { ClosureSection } from './ClosureSection.js';
import { CasusregisseurRequestSection } from './CasusregisseurRequestSection.js';
import { CaseAccessLogSection } from './CaseAccessLogSection.js';
import { RecordRequestSection } from './RecordRequestSection.js';
import { CrisisSection } from './CrisisSection.js';
import { HandoverSection } from './HandoverSection.js';
import { ConsentSection } from './ConsentSection.js';
import { BreakGlassBanner } from './BreakGlassPage.js';
import { SharingSection } from './SharingSection.js';
import { AnonymisedViewSection } from './AnonymisedViewSection.js';
import { WorkingNotesSection } from './WorkingNotesSection.js';
import { FamilyNotesSection } from './FamilyNotesSection.js';
import { PortalAccessSection } from './PortalAccessSection.js';
import { MeasureEndSection } from './MeasureEndSection.js';
import { MoveSection } from './MoveSection.js';
import { EscalationSection } from './EscalationSection.js';
import { EvaluationsSection } from './EvaluationsSection.js';
import { OptOutSection } from './OptOutSection.js';
import { PlansSection } from './PlansSection.js';
import { ProviderEndingSection } from './ProviderEndingSection.js';
import { ProviderReportsSection } from './ProviderReportsSection.js';
import { ProviderScoreSection } from './ProviderScoreSection.js';
import { RoleForm } from './RoleForm.js';

const label = (map: Record<string, string>, key: string | null | undefined): string =>
  key ? (map[key] ?? key) : '';

export function CasePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const notice = (location.state as { melding?: string } | null)?.melding ?? null;
  const casus = useQuery({
    queryKey: ['casus', id],
    queryFn: () => api<CaseView>('GET', `/casussen/${encodeURIComponent(id)}`),
  });

  if (casus.isError && casus.error instanceof ApiFailure && casus.error.status === 404)
    return <NotFoundPage />;
  if (casus.isError)
    return (
      <>
        <PageHeading title="Casus" />
        <Alert type="error">{casus.error.message}</Alert>
      </>
    );
  if (!casus.data)
    return (
      <>
        <PageHeading title="Casus" />
        <p className="utrecht-paragraph" role="status">
          Casus laden…
        </p>
      </>
    );
  return <CaseContent casus={casus.data} notice={notice} />;
}

function CaseContent({ casus, notice }: { casus: CaseView; notice: string | null }) {
  const nameOf = (personId: string | null | undefined) =>
    casus.personen.find((p) => p.id === personId)?.naam ?? '';
  const now = new Date().toISOString();
  const currentRoles = casus.rollen.filter((r) => r.vanaf <= now && (!r.tot || r.tot > now));
  const pastRoles = casus.rollen.filter((r) => !currentRoles.includes(r));
  const overdue = casus.termijnen.filter((d) => d.status === 'overdue').length;

  return (
    <>
      <PageHeading title={casus.gezin.naam} />
      {casus.toegang === 'noodtoegang' && <BreakGlassBanner caseId={casus.id} />}
      {notice && <Alert type="ok">{notice}</Alert>}
      <DataList
        items={[
          ['Regio', casus.regio],
          ['Route', casus.route],
          ['Stap', label(STEP_LABELS, casus.stap)],
          ['Segment', label(SEGMENT_LABELS, casus.segment)],
          ...(casus.maatregel
            ? ([['Maatregel', label(MEASURE_LABELS, casus.maatregel)]] as [string, string][])
            : []),
          ['Geregistreerd', formatDateTime(casus.geregistreerdOp)],
          ['Uw toegang', label(ACCESS_LABELS, casus.toegang)],
        ]}
      />

      <section aria-labelledby="kop-termijnen">
        <Heading level={2} id="kop-termijnen">
          Termijnen
        </Heading>
        {overdue > 0 && (
          <Alert type="warning">
            {overdue === 1 ? 'Eén termijn is verlopen.' : `${overdue} termijnen zijn verlopen.`}
          </Alert>
        )}
        {casus.termijnen.length === 0 ? (
          <Paragraph>Er lopen (nog) geen termijnen.</Paragraph>
        ) : (
          <Table caption="Termijnen uit de werkafspraken van de regio, met regel en bron">
            <thead>
              <tr>
                <th scope="col">Regel</th>
                <th scope="col">Termijn</th>
                <th scope="col">Uiterlijk</th>
                <th scope="col">Status</th>
                <th scope="col">Gehaald op</th>
                <th scope="col">Bron</th>
              </tr>
            </thead>
            <tbody>
              {casus.termijnen.map((d, i) => (
                <tr key={`${d.rule}-${d.child ?? ''}-${d.sequence ?? 0}-${i}`} data-regel={d.rule}>
                  <td>
                    <RuleLink id={d.rule} />
                  </td>
                  <td>
                    {d.titel ?? ''}
                    {d.child ? ` – ${nameOf(d.child)}` : ''}
                    {d.purpose ? ` (${d.purpose})` : ''}
                    {d.effect && (d.status === 'overdue' || d.status === 'met-late') && (
                      <span className="gevolg"> Gevolg: {d.effect}</span>
                    )}
                    {d.override && (
                      <span className="afwijking">
                        {' '}
                        Lokale afwijking ({d.override.by}): {d.override.reason}
                      </span>
                    )}
                  </td>
                  <td>{formatDue(d.due)}</td>
                  <td>
                    <StatusBadge status={STATUS_BADGE[d.status]}>
                      {STATUS_LABELS[d.status]}
                    </StatusBadge>
                  </td>
                  <td>{d.metAt ? formatDue(d.metAt) : ''}</td>
                  <td className="bron">{d.source}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      {(casus.beslissingen.length > 0 || casus.eisen.length > 0) && (
        <section aria-labelledby="kop-beslissingen">
          <Heading level={2} id="kop-beslissingen">
            Beslissingen en eisen
          </Heading>
          <ul className="utrecht-unordered-list kaartjes">
            {casus.beslissingen.map((d, i) => (
              <li key={`b-${d.rule}-${i}`} className="utrecht-unordered-list__item">
                <RuleLink id={d.rule} /> {d.titel}
                {d.child ? ` – ${nameOf(d.child)}` : ''}: <strong>{d.outcome}</strong>
                {d.reasons.length > 0 && <span className="redenen"> ({d.reasons.join('; ')})</span>}
                <span className="bron"> Bron: {d.source}</span>
              </li>
            ))}
            {casus.eisen.map((r, i) => (
              <li key={`e-${r.rule}-${i}`} className="utrecht-unordered-list__item">
                <RuleLink id={r.rule} /> {r.titel}:{' '}
                <StatusBadge status={r.outcome === 'voldaan' ? 'safe' : 'warning'}>
                  {r.outcome === 'voldaan' ? 'voldaan' : 'nog niet voldaan'}
                </StatusBadge>
                {r.reasons.length > 0 && <span className="redenen"> ({r.reasons.join('; ')})</span>}
                <span className="bron"> Bron: {r.source}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="kop-analyse">
        <Heading level={2} id="kop-analyse">
          Analyse, veiligheid en triage
        </Heading>
        <Paragraph>
          <Link to={`/casussen/${casus.id}/analyse`}>
            Veiligheidscheck, vraaganalyse, risicotaxatie en triage
          </Link>
        </Paragraph>
      </section>

      <PlansSection casus={casus} />

      <EvaluationsSection casus={casus} />

      <ProviderReportsSection casus={casus} />

      <OptOutSection casus={casus} />

      <ConsentSection casus={casus} />

      <SharingSection casus={casus} />

      <AnonymisedViewSection casus={casus} />

      <AllocationSection casus={casus} />

      <AdjustmentsSection casus={casus} />

      <ProviderScoreSection casus={casus} />

      <ProviderEndingSection casus={casus} />

      <EscalationSection casus={casus} />

      <CrisisSection casus={casus} />

      {casus.route === 'C' && <MeasureEndSection casus={casus} />}

      <HandoverSection casus={casus} />

      <MoveSection casus={casus} />

      <ClosureSection casus={casus} />

      <CaseAccessLogSection casus={casus} />

      <RecordRequestSection casus={casus} />

      <WorkingNotesSection casus={casus} />

      <FamilyNotesSection casus={casus} />

      <CasusregisseurRequestSection casus={casus} />

      <PortalAccessSection casus={casus} />

      {casus.checklist && <Checklist casus={casus} />}

      <section aria-labelledby="kop-gezin">
        <Heading level={2} id="kop-gezin">
          Gezin
        </Heading>
        <Table caption="Leden van het gezin">
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">Soort</th>
              <th scope="col">Geboortedatum</th>
              <th scope="col">BSN</th>
            </tr>
          </thead>
          <tbody>
            {casus.personen.map((p) => (
              <tr key={p.id}>
                <td>{p.naam}</td>
                <td>{label(PERSON_LABELS, p.soort)}</td>
                <td>{formatDate(p.geboortedatum)}</td>
                <td>{p.bsn ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>

      <section aria-labelledby="kop-regie">
        <Heading level={2} id="kop-regie">
          Regie
        </Heading>
        <Table caption="Wie heeft welke regie, nu en eerder">
          <thead>
            <tr>
              <th scope="col">Rol</th>
              <th scope="col">Houder</th>
              <th scope="col">Vanaf</th>
              <th scope="col">Tot</th>
              <th scope="col">Reden</th>
            </tr>
          </thead>
          <tbody>
            {[...currentRoles, ...pastRoles].map((r) => (
              <tr key={r.id} className={currentRoles.includes(r) ? undefined : 'verleden'}>
                <td>
                  {label(ROLE_LABELS, r.rol)}
                  {!currentRoles.includes(r) && <span className="verleden__label"> (eerder)</span>}
                </td>
                <td>
                  {r.houder === 'gezin'
                    ? 'Het gezin zelf'
                    : [r.medewerker, r.organisatie].filter(Boolean).join(', ') ||
                      label(HOLDER_LABELS, r.houder)}
                </td>
                <td>{formatDateTime(r.vanaf)}</td>
                <td>{r.tot ? formatDateTime(r.tot) : 'nu'}</td>
                <td>{r.reden ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>

      {casus.magRollenToewijzen && <RoleForm casus={casus} />}

      <EventForm casus={casus} />

      <section aria-labelledby="kop-tijdlijn">
        <Heading level={2} id="kop-tijdlijn">
          Tijdlijn
        </Heading>
        <ol className="tijdlijn" reversed>
          {[...casus.tijdlijn].reverse().map((e) => (
            <li key={e.id}>
              <span className="tijdlijn__wanneer">{formatDateTime(e.op)}</span>{' '}
              <strong>{label(EVENT_LABELS as Record<string, string>, e.type)}</strong>
              {e.soort ? ` (${label(EVALUATION_KIND_LABELS, e.soort)})` : ''}
              {e.jeugdigeId ? ` – ${nameOf(e.jeugdigeId)}` : ''}
              {e.datum ? ` – ${formatDate(e.datum)}` : ''}
              {e.notitie && e.type === 'stap-afgevinkt'
                ? `: ${checklistLabel(casus, e.notitie)}`
                : e.notitie
                  ? `: ${e.notitie}`
                  : ''}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function checklistLabel(casus: CaseView, key: string): string {
  return casus.checklist?.items.find((i) => i.key === key)?.label ?? key;
}

function Checklist({ casus }: { casus: CaseView }) {
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const checklist = casus.checklist;
  if (!checklist) return null;
  const missing = checklist.items.filter((i) => !i.done).length;

  async function tick(key: string) {
    setProblem(null);
    try {
      await api('POST', `/casussen/${casus.id}/gebeurtenissen`, {
        type: 'stap-afgevinkt',
        op: new Date().toISOString(),
        notitie: key,
      });
      await client.invalidateQueries({ queryKey: ['casus', casus.id] });
    } catch (error) {
      setProblem(error instanceof ApiFailure ? error.message : 'Afvinken lukte niet.');
    }
  }

  return (
    <section aria-labelledby="kop-checklist">
      <Heading level={2} id="kop-checklist">
        Klaar met {checklist.titel.charAt(0).toLowerCase() + checklist.titel.slice(1)}?
      </Heading>
      <Paragraph>
        {missing === 0
          ? 'Alles van deze stap is gedaan.'
          : `Nog ${missing} van ${checklist.items.length} punten open.`}
      </Paragraph>
      {problem && <Alert type="error">{problem}</Alert>}
      <ul className="checklist">
        {checklist.items.map((item) => (
          <li
            key={item.key}
            className={item.done ? 'checklist__punt--klaar' : 'checklist__punt--open'}
          >
            <span className="checklist__status">{item.done ? 'Gedaan' : 'Open'}</span>
            <span>
              {item.label}
              {item.done && item.by && item.by !== 'afgevinkt' && (
                <span className="redenen">
                  {' '}
                  (via {label(EVENT_LABELS as Record<string, string>, item.by)})
                </span>
              )}
            </span>
            {!item.done && (
              <Button appearance="subtle" onClick={() => void tick(item.key)}>
                Afvinken<span className="visueel-verborgen">: {item.label}</span>
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Event types a professional records by hand (registration and ticking off have their own place). */
const RECORDABLE = [
  ...EVENT_TYPES.filter((t) => t !== 'aanmelding' && !FLOW_EVENT_TYPES.includes(t)),
  'notitie',
] as const;

const EVENT_FIELD_LABELS: Record<string, string> = {
  type: 'Wat is er gebeurd',
  op: 'Wanneer',
  jeugdigeId: 'Jeugdige',
  soort: 'Soort evaluatie',
  datum: 'Geplande einddatum',
  notitie: 'Toelichting',
};

function EventForm({ casus }: { casus: CaseView }) {
  const client = useQueryClient();
  const initial = nowFields();
  const [type, setType] = useState<string>('eerste-contact');
  const [datum, setDatum] = useState(initial.date);
  const [tijd, setTijd] = useState(initial.time);
  const [jeugdige, setJeugdige] = useState('');
  const [soort, setSoort] = useState('');
  const [einde, setEinde] = useState('');
  const [notitie, setNotitie] = useState('');
  const { errors, general, done, busy, run, field } = useSubmission(
    'Vastleggen lukte niet. Probeer het opnieuw.',
  );
  const youngPersons = casus.personen.filter((p) => p.soort === 'jeugdige');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const op = toInstant(datum, tijd);
    if (!op) found.op = 'vul datum (dd-mm-jjjj) en tijd (uu:mm) in';
    let eindDatum: string | null = null;
    if (type === 'maatregel-einde') {
      eindDatum = parseDutchDate(einde);
      if (!eindDatum) found.datum = 'vul een datum in als dd-mm-jjjj';
    }
    if (type === 'evaluatie' && !soort) found.soort = 'kies de soort evaluatie';
    if (type === 'toekomstplan' && !jeugdige)
      found.jeugdigeId = 'kies over welke jeugdige het gaat';
    if (type === 'notitie' && !notitie.trim()) found.notitie = 'schrijf de notitie';
    await run(found, async () => {
      await api('POST', `/casussen/${casus.id}/gebeurtenissen`, {
        type,
        op,
        ...(jeugdige ? { jeugdigeId: jeugdige } : {}),
        ...(type === 'evaluatie' ? { soort } : {}),
        ...(eindDatum ? { datum: eindDatum } : {}),
        ...(notitie.trim() ? { notitie: notitie.trim() } : {}),
      });
      await client.invalidateQueries({ queryKey: ['casus', casus.id] });
      void client.invalidateQueries({ queryKey: ['werkvoorraad'] });
      setNotitie('');
      setEinde('');
      return `Vastgelegd: ${label(EVENT_LABELS as Record<string, string>, type)} op ${datum} ${tijd}.`;
    });
  }

  return (
    <section aria-labelledby="kop-vastleggen">
      <Heading level={2} id="kop-vastleggen">
        Gebeurtenis vastleggen
      </Heading>
      <ErrorSummary errors={errors} general={general} labelOf={(p) => EVENT_FIELD_LABELS[p] ?? p} />
      {done && <Alert type="ok">{done}</Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
        <FormField label="Wat is er gebeurd" {...field('type')} required>
          {(w) => (
            <Select {...w} value={type} onChange={(e) => setType(e.target.value)}>
              {RECORDABLE.map((t) => (
                <option key={t} value={t}>
                  {EVENT_LABELS[t]}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <DateTimeFields
          dateLabel="Datum"
          timeLabel="Tijd"
          date={datum}
          time={tijd}
          onDate={setDatum}
          onTime={setTijd}
          {...field('op')}
        />
        {youngPersons.length > 0 && (
          <FormField
            label="Jeugdige"
            description="Alleen als het over één jeugdige gaat (bij een toekomstplan verplicht)"
            {...field('jeugdigeId')}
          >
            {(w) => (
              <Select {...w} value={jeugdige} onChange={(e) => setJeugdige(e.target.value)}>
                <option value="">Het hele gezin</option>
                {youngPersons.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.naam}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        )}
        {type === 'evaluatie' && (
          <FormField label="Soort evaluatie" {...field('soort')} required>
            {(w) => (
              <Select {...w} value={soort} onChange={(e) => setSoort(e.target.value)}>
                <option value="">Kies…</option>
                {EVALUATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {EVALUATION_KIND_LABELS[k]}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        )}
        {type === 'maatregel-einde' && (
          <DateField
            label="Geplande einddatum"
            value={einde}
            onChange={setEinde}
            {...field('datum')}
          />
        )}
        <FormField label="Toelichting" {...field('notitie')} required={type === 'notitie'}>
          {(w) => (
            <Textarea
              {...w}
              rows={3}
              value={notitie}
              onChange={(e) => setNotitie(e.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" appearance="primary-action" disabled={busy}>
          Vastleggen
        </Button>
      </form>
    </section>
  );
}
