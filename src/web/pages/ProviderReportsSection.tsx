/**
 * What the treating provider tells the casusregisseur, on the case page (DOMAIN.md section 4
 * step 2): the providers' contact persons, their progress reports and calamity or acute-risk
 * reports, and the subcontractors they bring in. The provider's staff name their contact person,
 * write reports and announce subcontractors; the casusregisseur side confirms it received a
 * report. A provider sees only its own organisation's reports and announcements. Calamities
 * stand out by their words, not by colour alone.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type CaseView } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateTimeFields, useSubmission } from '../forms.js';
import { formatDateTime, nowFields, toInstant } from '../format.js';
import { GOAL_PROGRESS_LABELS } from '../labels.js';
import {
  Alert,
  Button,
  ChoiceGroup,
  DataList,
  Fieldset,
  FormField,
  Heading,
  Paragraph,
  Select,
  StatusBadge,
  Table,
  Textarea,
  Textbox,
} from '../nl/index.js';
import { useSession } from '../session.js';

interface Report {
  id: string;
  soort: 'voortgang' | 'calamiteit' | 'acuut-risico';
  organisatie: { id: string; naam: string };
  auteur: string;
  ingediendOp: string;
  plan: { soort: string; versie: number } | null;
  moment: 'evaluatiemoment' | 'tussentijds' | null;
  doelen: { doelId: string; omschrijving: string; voortgang: string; toelichting: string }[];
  algemeen: string | null;
  watGebeurde: string | null;
  gebeurdOp: string | null;
  maatregelen: string | null;
  verzoek: string | null;
  ontvangen: { op: string; door: string } | null;
}

interface Overview {
  verslagen: Report[];
  bereik: 'alle' | 'eigen-organisatie';
  magIndienen: boolean;
  magOntvangen: boolean;
  plan: { soort: string; versie: number; doelen: { id: string; omschrijving: string }[] } | null;
}

interface Contact {
  id: string;
  organisatie: { id: string; naam: string };
  medewerker: { id: string; naam: string; email: string };
  telefoon: string | null;
  vanaf: string;
  tot: string | null;
}

interface Subcontractor {
  id: string;
  organisatie: { id: string; naam: string };
  naam: string;
  agbCode: string;
  onderdeel: string;
  naStartGemeld: boolean;
  contractWaarschuwing: string | null;
  gemeldDoor: string;
  gemeldOp: string;
}

const KIND_LABELS: Record<Report['soort'], string> = {
  voortgang: 'Voortgangsverslag',
  calamiteit: 'Calamiteit',
  'acuut-risico': 'Acuut risico',
};

const MOMENT_LABELS: Record<string, string> = {
  evaluatiemoment: 'Op een afgesproken evaluatiemoment',
  tussentijds: 'Tussentijds',
};

const LABELS: Record<string, string> = {
  soort: 'Soort melding',
  watGebeurde: 'Wat is er gebeurd',
  gebeurdOp: 'Wanneer',
  maatregelen: 'Wat is er direct gedaan',
  verzoek: 'Wat vraagt u van de casusregisseur',
  moment: 'Moment van het verslag',
  doelen: 'Doelen',
  algemeen: 'Algemeen beeld',
  medewerkerId: 'Contactpersoon',
  telefoon: 'Telefoonnummer',
  naam: 'Naam van de onderaannemer',
  agbCode: 'AGB-code',
  onderdeel: 'Deel van de hulp',
  ontvangen: 'Ontvangst',
};
const labelOf = (path: string) => {
  const [head, index, leaf] = path.split('.');
  if (head === 'doelen' && leaf) return `Doel ${Number(index) + 1}`;
  return LABELS[head ?? path] ?? path;
};

const urgent = (r: Report) => r.soort !== 'voortgang';

export function ProviderReportsSection({ casus }: { casus: CaseView }) {
  const overview = useQuery({
    queryKey: ['verslagen', casus.id],
    queryFn: () => api<Overview>('GET', `/casussen/${casus.id}/verslagen`),
    retry: false,
  });
  const data = overview.data;
  // Readers without any report role on the case see nothing of this section.
  if (overview.isError) return null;
  const open = data?.magOntvangen
    ? data.verslagen.filter((r) => urgent(r) && !r.ontvangen).length
    : 0;
  return (
    <section aria-labelledby="kop-verslagen">
      <Heading level={2} id="kop-verslagen">
        Voortgang en meldingen van de aanbieder
      </Heading>
      {!data ? (
        <p className="utrecht-paragraph" role="status">
          Laden…
        </p>
      ) : (
        <>
          <Paragraph>
            {data.bereik === 'alle'
              ? 'Verslagen en meldingen van alle aanbieders die deze jeugdige behandelen.'
              : 'U ziet alleen de verslagen en meldingen van uw eigen organisatie.'}
          </Paragraph>
          {open > 0 && (
            <Alert type="warning">
              <strong>
                {open === 1
                  ? 'Eén melding van een calamiteit of acuut risico is nog niet opgevolgd.'
                  : `${open} meldingen van een calamiteit of acuut risico zijn nog niet opgevolgd.`}
              </strong>{' '}
              Neem direct contact op met de aanbieder en bevestig daarna de ontvangst.
            </Alert>
          )}
          <Contacts casus={casus} mayName={data.magIndienen} />
          <Heading level={3} id="kop-verslagen-lijst">
            Verslagen en meldingen
          </Heading>
          {data.verslagen.length === 0 ? (
            <Paragraph>Er zijn nog geen verslagen of meldingen.</Paragraph>
          ) : (
            <ul className="utrecht-unordered-list verslagen" aria-labelledby="kop-verslagen-lijst">
              {data.verslagen.map((r) => (
                <li key={r.id} className="utrecht-unordered-list__item">
                  <ReportItem casus={casus} report={r} mayAcknowledge={data.magOntvangen} />
                </li>
              ))}
            </ul>
          )}
          {data.magIndienen && (
            <>
              <IncidentForm casus={casus} />
              <ProgressForm casus={casus} plan={data.plan} />
            </>
          )}
          <Subcontractors casus={casus} mayAnnounce={data.magIndienen} />
        </>
      )}
    </section>
  );
}

function ReportItem({
  casus,
  report: r,
  mayAcknowledge,
}: {
  casus: CaseView;
  report: Report;
  mayAcknowledge: boolean;
}) {
  const headingId = `verslag-${r.id}-kop`;
  const items: [string, string][] =
    r.soort === 'voortgang'
      ? [
          ['Moment', MOMENT_LABELS[r.moment ?? ''] ?? ''],
          [
            'Plan',
            r.plan ? `${r.plan.soort} versie ${r.plan.versie}` : 'nog geen vastgesteld plan',
          ],
          ...r.doelen.map(
            (d) =>
              [
                d.omschrijving || `Doel ${d.doelId}`,
                `${GOAL_PROGRESS_LABELS[d.voortgang] ?? d.voortgang}. ${d.toelichting}`,
              ] as [string, string],
          ),
          ...(r.algemeen ? ([['Algemeen beeld', r.algemeen]] as [string, string][]) : []),
        ]
      : [
          ['Wat is er gebeurd', r.watGebeurde ?? ''],
          ['Wanneer', formatDateTime(r.gebeurdOp)],
          ['Wat is er direct gedaan', r.maatregelen ?? ''],
          ...(r.verzoek
            ? ([['Gevraagd van de casusregisseur', r.verzoek]] as [string, string][])
            : []),
        ];
  return (
    <article
      id={`verslag-${r.id}`}
      aria-labelledby={headingId}
      className={urgent(r) ? 'utrecht-alert utrecht-alert--error melding-urgent' : undefined}
    >
      <h4 className="utrecht-heading-4" id={headingId}>
        {urgent(r) ? (
          <>
            <StatusBadge status={r.ontvangen ? 'neutral' : 'danger'}>
              {r.ontvangen ? 'Ontvangen' : 'Direct opvolgen'}
            </StatusBadge>{' '}
            {KIND_LABELS[r.soort]} gemeld door {r.organisatie.naam}
          </>
        ) : (
          <>
            {KIND_LABELS[r.soort]} van {r.organisatie.naam}
          </>
        )}
      </h4>
      <Paragraph>
        Ingediend op {formatDateTime(r.ingediendOp)} door {r.auteur}.{' '}
        {r.ontvangen
          ? `Ontvangen door ${r.ontvangen.door} op ${formatDateTime(r.ontvangen.op)}.`
          : 'Nog niet ontvangen door de casusregisseur.'}
      </Paragraph>
      <DataList items={items} />
      {mayAcknowledge && !r.ontvangen && <Acknowledge casus={casus} report={r} />}
    </article>
  );
}

function Acknowledge({ casus, report }: { casus: CaseView; report: Report }) {
  const client = useQueryClient();
  const s = useSubmission('Bevestigen lukte niet. Probeer het opnieuw.', `ontvangen-${report.id}`);
  async function acknowledge() {
    await s.run({}, async () => {
      await api('POST', `/casussen/${casus.id}/verslagen/${report.id}/ontvangen`);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['verslagen', casus.id] }),
        client.invalidateQueries({ queryKey: ['casus', casus.id] }),
      ]);
      return null;
    });
  }
  return (
    <>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      <Paragraph>
        <Button appearance="primary-action" onClick={() => void acknowledge()} disabled={s.busy}>
          Ontvangst bevestigen
          <span className="visueel-verborgen">
            : {KIND_LABELS[report.soort].toLowerCase()} van {report.organisatie.naam} van{' '}
            {formatDateTime(report.ingediendOp)}
          </span>
        </Button>
      </Paragraph>
    </>
  );
}

function Contacts({ casus, mayName }: { casus: CaseView; mayName: boolean }) {
  const contacts = useQuery({
    queryKey: ['contactpersonen', casus.id],
    queryFn: () =>
      api<{ contactpersonen: Contact[] }>('GET', `/casussen/${casus.id}/contactpersonen`),
    retry: false,
  });
  const list = contacts.data?.contactpersonen ?? [];
  const current = list.filter((c) => c.tot === null);
  const past = list.filter((c) => c.tot !== null);
  return (
    <>
      <Heading level={3} id="kop-contactpersonen">
        Contactpersonen van de aanbieders
      </Heading>
      {current.length === 0 ? (
        <Paragraph>Er is nog geen contactpersoon van een aanbieder aangewezen.</Paragraph>
      ) : (
        <DataList
          items={current.map((c) => [
            c.organisatie.naam,
            `${c.medewerker.naam} (${[c.telefoon, c.medewerker.email].filter(Boolean).join(', ')}), sinds ${formatDateTime(c.vanaf)}`,
          ])}
        />
      )}
      {past.length > 0 && (
        <details>
          <summary>Eerdere contactpersonen ({past.length})</summary>
          <ul className="utrecht-unordered-list">
            {past.map((c) => (
              <li key={c.id} className="utrecht-unordered-list__item">
                {c.organisatie.naam}: {c.medewerker.naam}, van {formatDateTime(c.vanaf)} tot{' '}
                {formatDateTime(c.tot)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {mayName && <ContactForm casus={casus} current={current} />}
    </>
  );
}

function ContactForm({ casus, current }: { casus: CaseView; current: Contact[] }) {
  const client = useQueryClient();
  const session = useSession();
  const organisationId = session.data?.medewerker.organisatieId ?? '';
  const colleagues = useQuery({
    queryKey: ['medewerkers', organisationId],
    queryFn: () =>
      api<{ id: string; naam: string }[]>('GET', `/organisaties/${organisationId}/medewerkers`),
    enabled: organisationId !== '',
  });
  const own = current.find((c) => c.organisatie.id === organisationId);
  const [staff, setStaff] = useState('');
  const [phone, setPhone] = useState('');
  const s = useSubmission('De contactpersoon vastleggen lukte niet.', 'contactpersoon');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!staff) found['medewerkerId'] = 'kies de contactpersoon';
    await s.run(found, async () => {
      await api('POST', `/casussen/${casus.id}/contactpersonen`, {
        medewerkerId: staff,
        ...(phone.trim() ? { telefoon: phone.trim() } : {}),
      });
      await Promise.all([
        client.invalidateQueries({ queryKey: ['contactpersonen', casus.id] }),
        client.invalidateQueries({ queryKey: ['casus', casus.id] }),
      ]);
      return 'De contactpersoon is vastgelegd.';
    });
  }
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="formulier"
      aria-labelledby="kop-contact-form"
    >
      <Heading level={3} id="kop-contact-form">
        {own ? 'Andere contactpersoon aanwijzen' : 'Contactpersoon aanwijzen'}
      </Heading>
      <Paragraph>
        Eén contactpersoon van uw organisatie onderhoudt het contact met de casusregisseur over de
        uitvoering van de hulp.
      </Paragraph>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField label="Contactpersoon" required {...s.field('medewerkerId')}>
        {(w) => (
          <Select {...w} value={staff} onChange={(e) => setStaff(e.target.value)}>
            <option value="">Kies een collega…</option>
            {(colleagues.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.naam}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Telefoonnummer" required={false} {...s.field('telefoon')}>
        {(w) => (
          <Textbox
            {...w}
            type="tel"
            autoComplete="off"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        )}
      </FormField>
      <Button type="submit" disabled={s.busy}>
        Contactpersoon vastleggen
      </Button>
    </form>
  );
}

interface Submitted {
  gewaarschuwd: { casusregisseurs: number; procesregisseurs: number };
}

function IncidentForm({ casus }: { casus: CaseView }) {
  const client = useQueryClient();
  const initial = nowFields();
  const [kind, setKind] = useState<string[]>([]);
  const [what, setWhat] = useState('');
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const [measures, setMeasures] = useState('');
  const [request, setRequest] = useState('');
  const [nobody, setNobody] = useState(false);
  const s = useSubmission('De melding versturen lukte niet. Probeer het opnieuw.', 'melding');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const op = toInstant(date, time);
    if (kind.length === 0) found['soort'] = 'kies calamiteit of acuut risico';
    if (!what.trim()) found['watGebeurde'] = 'beschrijf wat er is gebeurd';
    if (!op) found['gebeurdOp'] = 'vul datum (dd-mm-jjjj) en tijd (uu:mm) in';
    if (!measures.trim()) found['maatregelen'] = 'noem wat er direct is gedaan';
    setNobody(false);
    await s.run(found, async () => {
      const result = await api<Submitted>('POST', `/casussen/${casus.id}/verslagen`, {
        soort: kind[0],
        watGebeurde: what,
        gebeurdOp: op,
        maatregelen: measures,
        verzoek: request,
      });
      await Promise.all([
        client.invalidateQueries({ queryKey: ['verslagen', casus.id] }),
        client.invalidateQueries({ queryKey: ['casus', casus.id] }),
      ]);
      setWhat('');
      setMeasures('');
      setRequest('');
      setNobody(result.gewaarschuwd.casusregisseurs === 0);
      return result.gewaarschuwd.casusregisseurs > 0
        ? 'De melding is verstuurd en de casusregisseur is gewaarschuwd.'
        : 'De melding is vastgelegd.';
    });
  }
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="formulier"
      aria-labelledby="kop-melding"
    >
      <Heading level={3} id="kop-melding">
        Calamiteit of acuut risico melden
      </Heading>
      <Paragraph>
        Bij een calamiteit of als de jeugdige acuut risico loopt, waarschuwt u de casusregisseur
        direct. Bel daarnaast zelf als het niet kan wachten.
      </Paragraph>
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={labelOf}
        onlyFields={(p) => p !== 'verzoek'}
      />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      {nobody && (
        <Alert type="warning">
          Er is geen professionele casusregisseur of lokaal team om te waarschuwen. Neem zelf direct
          contact op met het gezin en met de gemeente.
        </Alert>
      )}
      <ChoiceGroup
        legend="Soort melding"
        type="radio"
        name="melding.soort"
        options={[
          ['calamiteit', 'Calamiteit'],
          ['acuut-risico', 'Acuut risico voor de jeugdige'],
        ]}
        selected={kind}
        onChange={setKind}
        error={s.errors['soort']}
      />
      <FormField label="Wat is er gebeurd" required {...s.field('watGebeurde')}>
        {(w) => <Textarea {...w} rows={3} value={what} onChange={(e) => setWhat(e.target.value)} />}
      </FormField>
      <DateTimeFields
        dateLabel="Wanneer gebeurde het (datum)"
        timeLabel="Tijd"
        date={date}
        time={time}
        onDate={setDate}
        onTime={setTime}
        {...s.field('gebeurdOp')}
      />
      <FormField
        label="Wat is er direct gedaan"
        description="Welke maatregelen zijn genomen om het veilig te maken"
        required
        {...s.field('maatregelen')}
      >
        {(w) => (
          <Textarea
            {...w}
            rows={3}
            value={measures}
            onChange={(e) => setMeasures(e.target.value)}
          />
        )}
      </FormField>
      <FormField label="Wat vraagt u van de casusregisseur" required={false}>
        {(w) => (
          <Textarea {...w} rows={2} value={request} onChange={(e) => setRequest(e.target.value)} />
        )}
      </FormField>
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Melding versturen
      </Button>
    </form>
  );
}

interface GoalDraft {
  voortgang: string;
  toelichting: string;
}

function ProgressForm({ casus, plan }: { casus: CaseView; plan: Overview['plan'] }) {
  const client = useQueryClient();
  const goals = plan?.doelen ?? [];
  const [moment, setMoment] = useState<string[]>(['tussentijds']);
  const [drafts, setDrafts] = useState<Record<string, GoalDraft>>({});
  const [general, setGeneral] = useState('');
  const s = useSubmission('Het verslag versturen lukte niet. Probeer het opnieuw.', 'voortgang');
  const draft = (id: string): GoalDraft => drafts[id] ?? { voortgang: 'loopt', toelichting: '' };
  const setDraft = (id: string, change: Partial<GoalDraft>) =>
    setDrafts({ ...drafts, [id]: { ...draft(id), ...change } });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    goals.forEach((g, i) => {
      if (!draft(g.id).toelichting.trim())
        found[`doelen.${i}.toelichting`] = `schrijf hoe het gaat met "${g.omschrijving}"`;
    });
    if (goals.length === 0 && !general.trim()) found['algemeen'] = 'beschrijf hoe de hulp verloopt';
    await s.run(found, async () => {
      await api('POST', `/casussen/${casus.id}/verslagen`, {
        soort: 'voortgang',
        moment: moment[0],
        doelen: goals.map((g) => ({
          doelId: g.id,
          voortgang: draft(g.id).voortgang,
          toelichting: draft(g.id).toelichting,
        })),
        algemeen: general,
      });
      await Promise.all([
        client.invalidateQueries({ queryKey: ['verslagen', casus.id] }),
        client.invalidateQueries({ queryKey: ['casus', casus.id] }),
      ]);
      setDrafts({});
      setGeneral('');
      return 'Het voortgangsverslag is naar de casusregisseur gestuurd.';
    });
  }

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="formulier"
      aria-labelledby="kop-voortgang"
    >
      <Heading level={3} id="kop-voortgang">
        Voortgangsverslag sturen
      </Heading>
      <Paragraph>
        {plan
          ? `Per doel uit ${plan.soort} versie ${plan.versie}: hoe gaat het en wat komt er nu?`
          : 'Er is nog geen vastgesteld plan met doelen; beschrijf hoe de hulp verloopt.'}
      </Paragraph>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <ChoiceGroup
        legend="Moment van het verslag"
        type="radio"
        name="voortgang.moment"
        options={Object.entries(MOMENT_LABELS)}
        selected={moment}
        onChange={setMoment}
        error={s.errors['moment']}
      />
      {goals.map((g, i) => (
        <Fieldset key={g.id} legend={`Doel: ${g.omschrijving}`}>
          <FormField label="Voortgang" required>
            {(w) => (
              <Select
                {...w}
                value={draft(g.id).voortgang}
                onChange={(e) => setDraft(g.id, { voortgang: e.target.value })}
              >
                {Object.entries(GOAL_PROGRESS_LABELS).map(([v, l]) => (
                  <option key={v} value={v}>
                    {l}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField label="Toelichting" required {...s.field(`doelen.${i}.toelichting`)}>
            {(w) => (
              <Textarea
                {...w}
                rows={2}
                value={draft(g.id).toelichting}
                onChange={(e) => setDraft(g.id, { toelichting: e.target.value })}
              />
            )}
          </FormField>
        </Fieldset>
      ))}
      <FormField label="Algemeen beeld" required={goals.length === 0} {...s.field('algemeen')}>
        {(w) => (
          <Textarea {...w} rows={3} value={general} onChange={(e) => setGeneral(e.target.value)} />
        )}
      </FormField>
      <Button type="submit" disabled={s.busy}>
        Verslag versturen
      </Button>
    </form>
  );
}

function Subcontractors({ casus, mayAnnounce }: { casus: CaseView; mayAnnounce: boolean }) {
  const list = useQuery({
    queryKey: ['onderaannemers', casus.id],
    queryFn: () =>
      api<{ onderaannemers: Subcontractor[] }>('GET', `/casussen/${casus.id}/onderaannemers`),
    retry: false,
  });
  const rows = list.data?.onderaannemers ?? [];
  return (
    <>
      <Heading level={3} id="kop-onderaannemers">
        Onderaannemers
      </Heading>
      {rows.length === 0 ? (
        <Paragraph>Er zijn geen onderaannemers gemeld.</Paragraph>
      ) : (
        <Table caption="Onderaannemers die de aanbieders inzetten">
          <thead>
            <tr>
              <th scope="col">Onderaannemer</th>
              <th scope="col">Deel van de hulp</th>
              <th scope="col">Aanbieder</th>
              <th scope="col">Gemeld</th>
              <th scope="col">Let op</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.naam} (AGB {r.agbCode})
                </td>
                <td>{r.onderdeel}</td>
                <td>{r.organisatie.naam}</td>
                <td>
                  {formatDateTime(r.gemeldOp)} door {r.gemeldDoor}
                </td>
                <td>
                  {r.naStartGemeld && (
                    <StatusBadge status="warning">Na de start van de hulp gemeld</StatusBadge>
                  )}{' '}
                  {r.contractWaarschuwing && (
                    <span>Niet gecontracteerd: {r.contractWaarschuwing}.</span>
                  )}
                  {!r.naStartGemeld && !r.contractWaarschuwing && 'Niets'}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {mayAnnounce && <SubcontractorForm casus={casus} />}
    </>
  );
}

function SubcontractorForm({ casus }: { casus: CaseView }) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [agb, setAgb] = useState('');
  const [part, setPart] = useState('');
  const [warnings, setWarnings] = useState<string[]>([]);
  const s = useSubmission(
    'De onderaannemer melden lukte niet. Probeer het opnieuw.',
    'onderaannemer',
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!name.trim()) found['naam'] = 'vul de naam in';
    if (!/^\d{8}$/.test(agb.trim())) found['agbCode'] = 'een AGB-code is 8 cijfers';
    if (!part.trim()) found['onderdeel'] = 'noem welk deel van de hulp';
    setWarnings([]);
    await s.run(found, async () => {
      const result = await api<{ naStartGemeld: boolean; contractWaarschuwing: string | null }>(
        'POST',
        `/casussen/${casus.id}/onderaannemers`,
        { naam: name, agbCode: agb.trim(), onderdeel: part },
      );
      await Promise.all([
        client.invalidateQueries({ queryKey: ['onderaannemers', casus.id] }),
        client.invalidateQueries({ queryKey: ['casus', casus.id] }),
      ]);
      setName('');
      setAgb('');
      setPart('');
      setWarnings([
        ...(result.naStartGemeld
          ? ['De hulp was al gestart; de melding staat als "na de start gemeld" bij de casus.']
          : []),
        ...(result.contractWaarschuwing ? [`Contract: ${result.contractWaarschuwing}.`] : []),
      ]);
      return 'De onderaannemer is gemeld aan de casusregisseur.';
    });
  }
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="formulier"
      aria-labelledby="kop-onderaannemer-form"
    >
      <Heading level={3} id="kop-onderaannemer-form">
        Onderaannemer melden
      </Heading>
      <Paragraph>Meld een onderaannemer vóórdat de hulp start.</Paragraph>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      {warnings.length > 0 && (
        <Alert type="warning">
          {warnings.map((w) => (
            <p key={w} className="utrecht-paragraph">
              {w}
            </p>
          ))}
        </Alert>
      )}
      <FormField label="Naam van de onderaannemer" required {...s.field('naam')}>
        {(w) => <Textbox {...w} value={name} onChange={(e) => setName(e.target.value)} />}
      </FormField>
      <FormField label="AGB-code" description="8 cijfers" required {...s.field('agbCode')}>
        {(w) => (
          <Textbox
            {...w}
            inputMode="numeric"
            value={agb}
            onChange={(e) => setAgb(e.target.value)}
          />
        )}
      </FormField>
      <FormField label="Deel van de hulp" required {...s.field('onderdeel')}>
        {(w) => <Textbox {...w} value={part} onChange={(e) => setPart(e.target.value)} />}
      </FormField>
      <Button type="submit" disabled={s.busy}>
        Onderaannemer melden
      </Button>
    </form>
  );
}
