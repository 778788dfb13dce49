/**
 * Evaluations on the case page: the agenda of the next evaluation (the region's purpose for
 * this moment and every goal of the fixed plan), the minutes of a held evaluation per goal, and
 * recording when the minutes went to the participants (ZTM-TERM-MINUTES counts to that moment).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type CaseView, type StaleWrite } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { StaleWriteAlert, staleWriteOf } from '../stale-write.js';
import { DateField, RuleLink, useSubmission } from '../forms.js';
import { formatDateTime, formatDue, nowFields, toInstant } from '../format.js';
import { GOAL_PROGRESS_LABELS } from '../labels.js';
import {
  Alert,
  Button,
  DataList,
  Fieldset,
  FormField,
  Heading,
  Paragraph,
  Select,
  Textarea,
  Textbox,
} from '../nl/index.js';

interface Evaluation {
  id: string;
  soort: string;
  gehoudenOp: string;
  plan: { soort: string; versie: number };
  deelnemers: { naam: string; rol: string; email: string | null }[];
  doelen: {
    doelId: string;
    omschrijving: string;
    voortgang: string;
    bevindingen: string;
    besluit: string;
    acties: { wie: string; wat: string }[];
  }[];
  algemeen: string;
  vastgelegdDoor: string;
  verspreidOp: string | null;
}

interface Invitee {
  naam: string;
  rol: string;
  email: string | null;
}

interface Planned {
  id: string;
  soort: string;
  geplandOp: string;
  genodigden: Invitee[];
  geplandDoor: string;
  plaats: string | null;
  onderwerpen: string[];
  inbrengGezin: { naam: string; tekst: string }[];
  /** The meeting's revision: minutes for it send it back as `basisRevisie` (ADR 0028). */
  revisie: number;
}

interface Overview {
  evaluatieRegels: string[];
  gepland: Planned[];
  evaluaties: Evaluation[];
  agenda: { doelId: string | null; onderwerp: string }[] | null;
  plan: {
    id: string;
    soort: string;
    versie: number;
    doelen: { id: string; omschrijving: string }[];
  } | null;
}

const KINDS: Record<string, string> = {
  tussen: 'Tussenevaluatie',
  eind: 'Eindevaluatie',
  gezinsplan: 'Evaluatie gezinsplan',
};

const ROLES: Record<string, string> = {
  jeugdige: 'Jeugdige',
  ouder: 'Ouder of verzorger',
  netwerk: 'Netwerk',
  professional: 'Professional',
  school: 'School',
  casusregisseur: 'Casusregisseur',
};

const LABELS: Record<string, string> = {
  gehoudenOp: 'Datum en tijd van de evaluatie',
  deelnemers: 'Deelnemers',
  plan: 'Vastgesteld plan',
  doelen: 'Doelen',
  algemeen: 'Overige afspraken',
  verspreidOp: 'Verslag verspreid op',
};

export function EvaluationsSection({ casus }: { casus: CaseView }) {
  const overview = useQuery({
    queryKey: ['evaluaties', casus.id],
    queryFn: () => api<Overview>('GET', `/casussen/${casus.id}/evaluaties`),
  });
  const data = overview.data;
  return (
    <section aria-labelledby="kop-evaluaties">
      <Heading level={2} id="kop-evaluaties">
        Evaluaties
      </Heading>
      {!data ? (
        <p className="utrecht-paragraph" role="status">
          Laden…
        </p>
      ) : (
        <>
          <NextEvaluation casus={casus} rules={data.evaluatieRegels} />
          {data.gepland.map((m) => (
            <div key={m.id}>
              <Paragraph>
                <strong>Gepland:</strong> {KINDS[m.soort] ?? m.soort} op{' '}
                {formatDateTime(m.geplandOp)} met{' '}
                {m.genodigden.map((p) => `${p.naam} (${ROLES[p.rol] ?? p.rol})`).join(', ')}.
              </Paragraph>
              <PlannedDetails planned={m} />
            </div>
          ))}
          {data.plan && <PlanningForm casus={casus} />}
          {data.evaluaties.length === 0 && <Paragraph>Er is nog niet geëvalueerd.</Paragraph>}
          {data.evaluaties.map((e) => (
            <EvaluationItem key={e.id} casus={casus} evaluation={e} />
          ))}
          {data.plan && data.agenda ? (
            <MinutesForm
              key={data.gepland[0]?.id ?? 'zonder-planning'}
              casus={casus}
              plan={data.plan}
              agenda={data.agenda}
              planned={data.gepland[0] ?? null}
            />
          ) : (
            <Paragraph>
              Evalueren kan zodra er een vastgesteld plan met doelen is: de doelen vormen de agenda.
            </Paragraph>
          )}
        </>
      )}
    </section>
  );
}

/** What a family holding casusregie added when planning, and the family's own views. */
function PlannedDetails({ planned: m }: { planned: Planned }) {
  const items: [string, React.ReactNode][] = [['Gepland door', m.geplandDoor]];
  if (m.plaats) items.push(['Waar', m.plaats]);
  if (m.onderwerpen.length > 0) items.push(['Onderwerpen', m.onderwerpen.join('; ')]);
  for (const i of m.inbrengGezin) items.push([`Inbreng van ${i.naam}`, i.tekst]);
  return <DataList items={items} />;
}

function EvaluationItem({ casus, evaluation: e }: { casus: CaseView; evaluation: Evaluation }) {
  const headingId = `evaluatie-${e.id}`;
  return (
    <article aria-labelledby={headingId} className="kaart">
      <Heading level={3} id={headingId}>
        {KINDS[e.soort] ?? e.soort} van {formatDateTime(e.gehoudenOp)}
      </Heading>
      <DataList
        items={[
          ['Plan', `${e.plan.soort} versie ${e.plan.versie}`],
          [
            'Deelnemers',
            e.deelnemers.map((p) => `${p.naam} (${ROLES[p.rol] ?? p.rol})`).join(', '),
          ],
          ...e.doelen.map(
            (d) =>
              [
                d.omschrijving,
                `${GOAL_PROGRESS_LABELS[d.voortgang] ?? d.voortgang}. ${d.bevindingen} Besluit: ${d.besluit || '—'}.${d.acties.length > 0 ? ` Acties: ${d.acties.map((a) => `${a.wie}: ${a.wat}`).join('; ')}.` : ''}`,
              ] as [string, string],
          ),
          ['Overige afspraken', e.algemeen || '—'],
          [
            'Verslag',
            e.verspreidOp ? `verspreid op ${formatDateTime(e.verspreidOp)}` : 'nog niet verspreid',
          ],
        ]}
      />
      {!e.verspreidOp && <Distribute casus={casus} evaluation={e} />}
    </article>
  );
}

function Distribute({ casus, evaluation }: { casus: CaseView; evaluation: Evaluation }) {
  const client = useQueryClient();
  const initial = nowFields();
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const s = useSubmission(
    'Vastleggen lukte niet. Probeer het opnieuw.',
    `verspreid-${evaluation.id}`,
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    const op = toInstant(date, time);
    const found: FieldErrors = {};
    if (!op) found['verspreidOp'] = 'vul datum (dd-mm-jjjj) en tijd (uu:mm) in';
    await s.run(found, async () => {
      await api('POST', `/evaluaties/${evaluation.id}/verspreiden`, { op });
      await Promise.all([
        client.invalidateQueries({ queryKey: ['evaluaties', casus.id] }),
        client.invalidateQueries({ queryKey: ['casus', casus.id] }),
      ]);
      return null;
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => LABELS[p] ?? p}
      />
      <div className="naast-elkaar">
        <DateField
          label="Verslag verspreid op"
          value={date}
          onChange={setDate}
          {...s.field('verspreidOp')}
        />
        <DateField label="Tijd" description="uu:mm" value={time} onChange={setTime} />
      </div>
      <Paragraph>
        Het verslag gaat naar alle deelnemers; bij ZTM binnen vijf werkdagen (
        <RuleLink id="ZTM-TERM-MINUTES" />
        ).
      </Paragraph>
      <Button type="submit" disabled={s.busy}>
        Verslag verspreid
      </Button>
    </form>
  );
}

interface GoalDraft {
  voortgang: string;
  bevindingen: string;
  besluit: string;
  wie: string;
  wat: string;
}

function MinutesForm({
  casus,
  plan,
  agenda,
  planned,
}: {
  casus: CaseView;
  plan: NonNullable<Overview['plan']>;
  agenda: NonNullable<Overview['agenda']>;
  /** The planned evaluation these minutes belong to: its kind and invitees are filled in. */
  planned: Planned | null;
}) {
  const client = useQueryClient();
  const initial = nowFields();
  const invited = planned?.genodigden ?? [];
  const family = (p: Invitee) => p.rol === 'jeugdige' || p.rol === 'ouder';
  const [kind, setKind] = useState(planned?.soort ?? 'tussen');
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const [present, setPresent] = useState<string[]>(
    casus.personen
      .filter((p) => invited.some((i) => family(i) && i.naam === p.naam))
      .map((p) => p.id),
  );
  const [others, setOthers] = useState(
    invited.some((i) => !family(i))
      ? invited
          .filter((i) => !family(i))
          .map((i) => ({ naam: i.naam, rol: i.rol, email: i.email ?? '' }))
      : [NEW_OTHER],
  );
  const [goals, setGoals] = useState<Record<string, GoalDraft>>(
    Object.fromEntries(
      plan.doelen.map((g) => [
        g.id,
        { voortgang: 'loopt', bevindingen: '', besluit: '', wie: '', wat: '' },
      ]),
    ),
  );
  const [general, setGeneral] = useState('');
  const s = useSubmission('Het verslag vastleggen lukte niet. Probeer het opnieuw.', 'evaluatie');
  /** The planned meeting as it was when this form opened; its minutes are based on it. */
  const [meeting] = useState(planned ? { id: planned.id, revisie: planned.revisie } : null);
  const [conflict, setConflict] = useState<StaleWrite | null>(null);
  const setGoal = (id: string, change: Partial<GoalDraft>) =>
    setGoals({ ...goals, [id]: { ...(goals[id] as GoalDraft), ...change } });
  const purpose = agenda.find((a) => a.doelId === null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const op = toInstant(date, time);
    if (!op) found['gehoudenOp'] = 'vul datum (dd-mm-jjjj) en tijd (uu:mm) in';
    await s.run(found, async () => {
      const saved = await api<{ voortgangInPlanversie: number }>(
        'POST',
        `/casussen/${casus.id}/evaluaties`,
        {
          geplandeEvaluatieId: meeting?.id ?? null,
          basisRevisie: meeting?.revisie ?? null,
          soort: kind,
          gehoudenOp: op,
          deelnemers: peopleBody(casus, present, others),
          doelen: plan.doelen.map((g) => {
            const d = goals[g.id] as GoalDraft;
            return {
              doelId: g.id,
              voortgang: d.voortgang,
              bevindingen: d.bevindingen,
              besluit: d.besluit,
              acties: d.wie.trim() || d.wat.trim() ? [{ wie: d.wie, wat: d.wat }] : [],
            };
          }),
          algemeen: general,
        },
      ).catch((error: unknown) => {
        const stale = staleWriteOf(error);
        if (!stale) throw error;
        // The minutes stay in the form; the alert says who recorded minutes for this meeting.
        setConflict(stale);
        return null;
      });
      if (!saved) return null;
      await Promise.all([
        client.invalidateQueries({ queryKey: ['evaluaties', casus.id] }),
        client.invalidateQueries({ queryKey: ['casus', casus.id] }),
      ]);
      return `Het verslag is vastgelegd. De voortgang per doel staat in conceptversie ${saved.voortgangInPlanversie} van het plan. Leg vast wanneer het verslag naar de deelnemers is gegaan.`;
    });
  }

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="formulier"
      aria-labelledby="kop-verslag"
    >
      <Heading level={3} id="kop-verslag">
        Verslag van een evaluatie
      </Heading>
      <Paragraph>
        Agenda uit {plan.soort} versie {plan.versie}
        {purpose ? `, met als doel van dit moment: ${purpose.onderwerp}` : ''}.
      </Paragraph>
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => LABELS[p.split('.')[0] ?? p] ?? p}
        onlyFields={(p) => p === 'gehoudenOp'}
      />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      {conflict && (
        <StaleWriteAlert
          conflict={conflict}
          onReload={() => void client.invalidateQueries({ queryKey: ['evaluaties', casus.id] })}
        />
      )}
      <FormField label="Soort evaluatie" required>
        {(w) => (
          <Select {...w} value={kind} onChange={(e) => setKind(e.target.value)}>
            {Object.entries(KINDS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <div className="naast-elkaar">
        <DateField label="Gehouden op" value={date} onChange={setDate} {...s.field('gehoudenOp')} />
        <DateField label="Tijd" description="uu:mm" value={time} onChange={setTime} />
      </div>
      <FamilyChoice
        legend="Aanwezig uit het gezin"
        casus={casus}
        selected={present}
        onChange={setPresent}
      />
      <OtherPeople noun="deelnemer" others={others} onChange={setOthers} />
      {plan.doelen.map((g) => {
        const d = goals[g.id] as GoalDraft;
        return (
          <Fieldset key={g.id} legend={`Doel: ${g.omschrijving}`}>
            <FormField label="Voortgang" required>
              {(w) => (
                <Select
                  {...w}
                  value={d.voortgang}
                  onChange={(e) => setGoal(g.id, { voortgang: e.target.value })}
                >
                  {Object.entries(GOAL_PROGRESS_LABELS).map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
            <FormField label="Bevindingen" required={false}>
              {(w) => (
                <Textarea
                  {...w}
                  rows={2}
                  value={d.bevindingen}
                  onChange={(e) => setGoal(g.id, { bevindingen: e.target.value })}
                />
              )}
            </FormField>
            <FormField label="Besluit" required={false}>
              {(w) => (
                <Textbox
                  {...w}
                  value={d.besluit}
                  onChange={(e) => setGoal(g.id, { besluit: e.target.value })}
                />
              )}
            </FormField>
            <div className="naast-elkaar">
              <FormField label="Wie doet wat: wie" required={false}>
                {(w) => (
                  <Textbox
                    {...w}
                    value={d.wie}
                    onChange={(e) => setGoal(g.id, { wie: e.target.value })}
                  />
                )}
              </FormField>
              <FormField label="Wie doet wat: wat" required={false}>
                {(w) => (
                  <Textbox
                    {...w}
                    value={d.wat}
                    onChange={(e) => setGoal(g.id, { wat: e.target.value })}
                  />
                )}
              </FormField>
            </div>
          </Fieldset>
        );
      })}
      <FormField label="Overige afspraken" required={false}>
        {(w) => (
          <Textarea {...w} rows={2} value={general} onChange={(e) => setGeneral(e.target.value)} />
        )}
      </FormField>
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Verslag vastleggen
      </Button>
    </form>
  );
}

/** The next evaluation the region's cadence asks for, with its rule (and purpose, in ZTM). */
function NextEvaluation({ casus, rules }: { casus: CaseView; rules: readonly string[] }) {
  const next = casus.termijnen
    .filter((t) => rules.includes(t.rule) && (t.status === 'open' || t.status === 'overdue'))
    .sort((a, b) => a.due.localeCompare(b.due))[0];
  if (!next) return null;
  return (
    <Paragraph>
      <strong>Volgende evaluatie:</strong> uiterlijk {formatDue(next.due)}
      {next.status === 'overdue' ? ' (verlopen)' : ''}
      {next.purpose ? `, over: ${next.purpose}` : ''} (<RuleLink id={next.rule} />
      ).
    </Paragraph>
  );
}

/** Planning the next evaluation: when, which kind, and whom to invite (the family always). */
function PlanningForm({ casus }: { casus: CaseView }) {
  const client = useQueryClient();
  const [kind, setKind] = useState('tussen');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('10:00');
  const [family, setFamily] = useState<string[]>([]);
  const [others, setOthers] = useState<Other[]>([NEW_OTHER]);
  const s = useSubmission('Plannen lukte niet. Probeer het opnieuw.', 'evaluatie-plannen');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const op = toInstant(date, time);
    if (!op) found['geplandOp'] = 'vul datum (dd-mm-jjjj) en tijd (uu:mm) in';
    await s.run(found, async () => {
      await api('POST', `/casussen/${casus.id}/evaluaties/gepland`, {
        soort: kind,
        geplandOp: op,
        genodigden: peopleBody(casus, family, others),
      });
      await Promise.all([
        client.invalidateQueries({ queryKey: ['evaluaties', casus.id] }),
        client.invalidateQueries({ queryKey: ['casus', casus.id] }),
      ]);
      return 'De evaluatie is gepland.';
    });
  }
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="formulier"
      aria-labelledby="kop-evaluatie-plannen"
    >
      <Heading level={3} id="kop-evaluatie-plannen">
        Evaluatie plannen
      </Heading>
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => PLANNING_LABELS[p.split('.')[0] ?? p] ?? p}
        onlyFields={(p) => p === 'geplandOp'}
      />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField label="Soort evaluatie" required>
        {(w) => (
          <Select {...w} value={kind} onChange={(e) => setKind(e.target.value)}>
            {Object.entries(KINDS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <div className="naast-elkaar">
        <DateField label="Gepland op" value={date} onChange={setDate} {...s.field('geplandOp')} />
        <DateField label="Tijd" description="uu:mm" value={time} onChange={setTime} />
      </div>
      <FamilyChoice
        legend="Uitnodigen uit het gezin"
        casus={casus}
        selected={family}
        onChange={setFamily}
        error={s.errors['genodigden']}
      />
      <OtherPeople noun="genodigde" others={others} onChange={setOthers} />
      <Button type="submit" disabled={s.busy}>
        Evaluatie plannen
      </Button>
    </form>
  );
}

const PLANNING_LABELS: Record<string, string> = {
  geplandOp: 'Gepland op',
  genodigden: 'Genodigden',
  soort: 'Soort evaluatie',
};

interface Other {
  naam: string;
  rol: string;
  email: string;
}
const NEW_OTHER: Other = { naam: '', rol: 'professional', email: '' };

/** The family members ticked, then the others with a name, as the API takes people. */
function peopleBody(casus: CaseView, family: readonly string[], others: readonly Other[]) {
  return [
    ...casus.personen
      .filter((p) => family.includes(p.id))
      .map((p) => ({ naam: p.naam, rol: p.soort === 'jeugdige' ? 'jeugdige' : 'ouder' })),
    ...others
      .filter((o) => o.naam.trim() !== '')
      .map((o) => ({ naam: o.naam, rol: o.rol, ...(o.email ? { email: o.email } : {}) })),
  ];
}

/** Ticking members of the household (present at, or invited to, an evaluation). */
function FamilyChoice({
  legend,
  casus,
  selected,
  onChange,
  error,
}: {
  legend: string;
  casus: CaseView;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  return (
    <Fieldset legend={legend}>
      {error && <p className="utrecht-form-field-error-message">{error}</p>}
      {casus.personen.map((p) => (
        <div key={p.id} className="utrecht-form-field utrecht-form-field--checkbox">
          <label className="utrecht-form-label utrecht-form-label--checkbox">
            <input
              type="checkbox"
              className="utrecht-checkbox"
              checked={selected.includes(p.id)}
              onChange={(e) =>
                onChange(
                  e.target.checked ? [...selected, p.id] : selected.filter((x) => x !== p.id),
                )
              }
            />{' '}
            {p.naam}
          </label>
        </div>
      ))}
    </Fieldset>
  );
}

/** Network, professionals and school: one group of fields per person, and a button for more. */
function OtherPeople({
  noun,
  others,
  onChange,
}: {
  noun: 'deelnemer' | 'genodigde';
  others: readonly Other[];
  onChange: (others: Other[]) => void;
}) {
  const set = (i: number, change: Partial<Other>) =>
    onChange(others.map((x, j) => (j === i ? { ...x, ...change } : x)));
  return (
    <>
      {others.map((o, i) => (
        <Fieldset key={i} legend={`Andere ${noun} ${i + 1}`}>
          <FormField label="Naam" required={false}>
            {(w) => (
              <Textbox {...w} value={o.naam} onChange={(e) => set(i, { naam: e.target.value })} />
            )}
          </FormField>
          <FormField label="Rol" required={false}>
            {(w) => (
              <Select {...w} value={o.rol} onChange={(e) => set(i, { rol: e.target.value })}>
                {Object.entries(ROLES)
                  .filter(([v]) => v !== 'jeugdige' && v !== 'ouder')
                  .map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
              </Select>
            )}
          </FormField>
          <FormField
            label={noun === 'deelnemer' ? 'E-mailadres (voor het verslag)' : 'E-mailadres'}
            required={false}
          >
            {(w) => (
              <Textbox
                {...w}
                type="email"
                value={o.email}
                onChange={(e) => set(i, { email: e.target.value })}
              />
            )}
          </FormField>
        </Fieldset>
      ))}
      <Paragraph>
        <Button onClick={() => onChange([...others, NEW_OTHER])}>
          {noun === 'deelnemer' ? 'Deelnemer toevoegen' : 'Genodigde toevoegen'}
        </Button>
      </Paragraph>
    </>
  );
}
