/**
 * "Ons familiegroepsplan" on the family portal's case page (issue 10, ADR 0026): what a
 * familiegroepsplan is, in plain words; an editor for the family's goals, network and
 * agreements (a parent or a young person of 16+; a 12-15-year-old reads along); and the
 * checklist of agreements, which the family ticks off while it holds casusregie. The server
 * decides who may do what and says why not. Mobile first: one column, one card per row, large
 * buttons; every error is shown at its own field. "u" to parents, "je" to young people.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ApiFailure, type StaleWrite } from '../api.js';
import { formatDate } from '../format.js';
import {
  Alert,
  Button,
  ChoiceGroup,
  Fieldset,
  FormField,
  Heading,
  Paragraph,
  Textarea,
  Textbox,
} from '../nl/index.js';
import { StaleWriteAlert, staleWriteOf } from '../stale-write.js';
import { portalApi, type PortalRole } from './portal-api.js';

interface Tracked {
  id: string;
  wie: string;
  wat: string;
  wanneer: string;
  status: { gedaan: boolean; op: string; toelichting: string; door: string } | null;
}

interface FamilyPlan {
  gezinHeeftCasusregie: boolean;
  magSchrijven: boolean;
  waaromNietSchrijven: string | null;
  magBijhouden: boolean;
  waaromNietBijhouden: string | null;
  plan: {
    id: string;
    /** The plan's revision: a save sends it back as `basisRevisie` (ADR 0028). */
    revisie: number;
    versie: number;
    status: 'concept' | 'vastgesteld';
    eerderVastgesteld: boolean;
    opgesteldDoor: string;
    perspectief: string;
    gewensteHulp: string;
    doelen: {
      id: string;
      omschrijving: string;
      meetbaarResultaat: string;
      wie: string;
      streefdatum: string;
    }[];
    netwerk: { naam: string; steun: string }[];
    afspraken: { id: string; wie: string; wat: string; wanneer: string }[];
    bijhouden: Tracked[];
  } | null;
}

type Plan = NonNullable<FamilyPlan['plan']>;

/** A row being edited: `key` only for React, `id` as the server knows it (null: new). */
interface GoalRow {
  key: string;
  id: string | null;
  omschrijving: string;
  meetbaarResultaat: string;
  wie: string;
  streefdatum: string;
}
interface MemberRow {
  key: string;
  naam: string;
  steun: string;
}
interface AgreementRow {
  key: string;
  id: string | null;
  wie: string;
  wat: string;
  wanneer: string;
}

let counter = 0;
const rowKey = () => `rij-${++counter}`;

/** The id of a form field for a server path: `body.afspraken.0.wie` → `fgp-afspraken-0-wie`. */
const fieldIdOf = (path: string) => `fgp-${path.replace(/^body\./, '').replace(/\./g, '-')}`;

const queryKey = (caseId: string) => ['portaal', 'familiegroepsplan', caseId] as const;

export function PortalFamilyPlanSection({ caseId, role }: { caseId: string; role: PortalRole }) {
  const parent = role === 'vertegenwoordiger';
  const query = useQuery({
    queryKey: queryKey(caseId),
    queryFn: () =>
      portalApi<FamilyPlan>('GET', `/casussen/${encodeURIComponent(caseId)}/familiegroepsplan`),
    retry: false,
  });
  return (
    <section className="portaal-sectie portaal-fgp" aria-labelledby="familiegroepsplan">
      <Heading level={2} id="familiegroepsplan">
        Ons familiegroepsplan
      </Heading>
      <Paragraph>
        {parent
          ? 'In een familiegroepsplan schrijft u zelf op wat uw gezin wil bereiken. U doet dat samen met mensen om u heen: familie, vrienden of buren. U schrijft op wie helpt en wat u met elkaar afspreekt. De hulpverleners lezen het plan en helpen waar het nodig is.'
          : 'In een familiegroepsplan schrijft je gezin zelf op wat jullie willen bereiken. Dat doen jullie samen met mensen om jullie heen: familie, vrienden of buren. Jullie schrijven op wie helpt en wat jullie afspreken. De hulpverleners lezen het plan en helpen waar het nodig is.'}
      </Paragraph>
      {query.isPending ? (
        <p className="utrecht-paragraph" role="status">
          Even geduld…
        </p>
      ) : query.isError ? (
        <Alert type="error">{query.error.message}</Alert>
      ) : (
        <Body caseId={caseId} parent={parent} view={query.data} />
      )}
    </section>
  );
}

function Body({ caseId, parent, view }: { caseId: string; parent: boolean; view: FamilyPlan }) {
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const plan = view.plan;

  async function start() {
    setFailure(null);
    setBusy(true);
    try {
      await portalApi('POST', `/casussen/${encodeURIComponent(caseId)}/familiegroepsplan`);
      await client.invalidateQueries({ queryKey: queryKey(caseId) });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Dat lukte niet. Probeer het opnieuw.');
    } finally {
      setBusy(false);
    }
  }

  if (!plan)
    return (
      <>
        <p className="utrecht-paragraph portaal-leeg">
          {parent ? 'Uw gezin heeft' : 'Jullie hebben'} nog geen familiegroepsplan.
        </p>
        {failure && <Alert type="error">{failure}</Alert>}
        {view.magSchrijven ? (
          <Button appearance="primary-action" disabled={busy} onClick={() => void start()}>
            Familiegroepsplan beginnen
          </Button>
        ) : (
          <Paragraph>{view.waaromNietSchrijven}</Paragraph>
        )}
      </>
    );

  return (
    <>
      <p className="utrecht-paragraph">
        <span className="portaal-status">
          {plan.status === 'concept'
            ? `Nog niet klaar: de hulpverleners stellen het plan samen met ${parent ? 'u' : 'jullie'} vast.`
            : 'Vastgesteld'}
        </span>
      </p>
      {view.magSchrijven ? (
        <Editor key={`${plan.id}-${plan.versie}`} caseId={caseId} parent={parent} plan={plan} />
      ) : (
        <ReadOnly plan={plan} reason={view.waaromNietSchrijven} />
      )}
      <Checklist caseId={caseId} parent={parent} view={view} plan={plan} />
    </>
  );
}

function ReadOnly({ plan, reason }: { plan: Plan; reason: string | null }) {
  return (
    <>
      {reason && <Paragraph>{reason}</Paragraph>}
      <Heading level={3}>Doelen</Heading>
      {plan.doelen.length === 0 ? (
        <p className="utrecht-paragraph portaal-leeg">Nog geen doelen.</p>
      ) : (
        <ul className="portaal-kaarten">
          {plan.doelen.map((d) => (
            <li key={d.id} className="portaal-kaart">
              <p className="utrecht-paragraph portaal-naam">{d.omschrijving}</p>
              {d.meetbaarResultaat && (
                <p className="utrecht-paragraph">Zo zien we dat het lukt: {d.meetbaarResultaat}</p>
              )}
              {d.wie && <p className="utrecht-paragraph">Wie: {d.wie}</p>}
              {d.streefdatum && (
                <p className="utrecht-paragraph">Klaar op: {formatDate(d.streefdatum)}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      <Heading level={3}>Wie helpt</Heading>
      {plan.netwerk.length === 0 ? (
        <p className="utrecht-paragraph portaal-leeg">Nog niemand opgeschreven.</p>
      ) : (
        <ul className="portaal-kaarten">
          {plan.netwerk.map((m, i) => (
            <li key={`${m.naam}-${i}`} className="portaal-kaart">
              <p className="utrecht-paragraph portaal-naam">{m.naam}</p>
              <p className="utrecht-paragraph">{m.steun}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Editor({ caseId, parent, plan }: { caseId: string; parent: boolean; plan: Plan }) {
  const client = useQueryClient();
  const [authors, setAuthors] = useState(plan.opgesteldDoor);
  const [perspective, setPerspective] = useState(plan.perspectief);
  const [helpWanted, setHelpWanted] = useState(plan.gewensteHulp);
  const [goals, setGoals] = useState<GoalRow[]>(plan.doelen.map((d) => ({ key: rowKey(), ...d })));
  const [members, setMembers] = useState<MemberRow[]>(
    plan.netwerk.map((m) => ({ key: rowKey(), ...m })),
  );
  const [agreements, setAgreements] = useState<AgreementRow[]>(
    plan.afspraken.map((a) => ({ key: rowKey(), ...a })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const you = parent ? 'u' : 'je';
  /** The revision this form is based on; someone else's save meanwhile is a conflict. */
  const [basis, setBasis] = useState(plan.revisie);
  const [conflict, setConflict] = useState<StaleWrite | null>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  /** Replaces the form with the newest stored plan, at the reader's request. */
  async function loadNewest() {
    setBusy(true);
    try {
      const fresh = await client.fetchQuery({
        queryKey: queryKey(caseId),
        queryFn: () =>
          portalApi<FamilyPlan>('GET', `/casussen/${encodeURIComponent(caseId)}/familiegroepsplan`),
        staleTime: 0,
      });
      const newest = fresh.plan;
      if (newest) {
        setAuthors(newest.opgesteldDoor);
        setPerspective(newest.perspectief);
        setHelpWanted(newest.gewensteHulp);
        setGoals(newest.doelen.map((d) => ({ key: rowKey(), ...d })));
        setMembers(newest.netwerk.map((m) => ({ key: rowKey(), ...m })));
        setAgreements(newest.afspraken.map((a) => ({ key: rowKey(), ...a })));
        setBasis(newest.revisie);
      }
      setConflict(null);
      setErrors({});
    } catch (e) {
      setFailure(e instanceof Error ? e.message : 'Laden lukte niet. Probeer het opnieuw.');
    } finally {
      setBusy(false);
    }
  }

  const error = (path: string) => errors[fieldIdOf(path)];
  const patch = <T extends { key: string }>(
    rows: T[],
    set: (rows: T[]) => void,
    key: string,
    change: Partial<T>,
  ) => set(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setSaved(null);
    setBusy(true);
    try {
      const result = await portalApi<{ versie: number; revisie: number }>(
        'PUT',
        `/casussen/${encodeURIComponent(caseId)}/familiegroepsplan`,
        {
          opgesteldDoor: authors,
          perspectief: perspective,
          gewensteHulp: helpWanted,
          doelen: goals.map(({ key: _key, ...g }) => g),
          netwerk: members.map(({ key: _key, ...m }) => m),
          afspraken: agreements.map(({ key: _key, ...a }) => a),
          basisRevisie: basis,
        },
      );
      setBasis(result.revisie);
      setConflict(null);
      setErrors({});
      setSaved(
        result.versie > plan.versie
          ? `Het plan is bewaard als nieuwe versie (${result.versie}). De hulpverleners stellen die samen met ${you} vast.`
          : 'Het plan is bewaard.',
      );
      await client.invalidateQueries({ queryKey: queryKey(caseId) });
    } catch (e) {
      const stale = staleWriteOf(e);
      if (stale) {
        // The reader's own text stays in the form; the alert says who saved what, and when.
        setConflict(stale);
        requestAnimationFrame(() => conflictRef.current?.focus());
      } else if (e instanceof ApiFailure && e.status === 400 && e.fields.length > 0) {
        const found: Record<string, string> = {};
        for (const f of e.fields) found[fieldIdOf(f.path)] ??= f.message;
        setErrors(found);
        setFailure(
          'Het plan is nog niet bewaard. Kijk bij de velden met een melding en probeer het opnieuw.',
        );
        const first = Object.keys(found)[0];
        requestAnimationFrame(() =>
          first ? document.getElementById(first)?.focus() : alertRef.current?.focus(),
        );
      } else {
        setFailure(e instanceof Error ? e.message : 'Bewaren lukte niet. Probeer het opnieuw.');
        requestAnimationFrame(() => alertRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  }

  const text = (
    path: string,
    label: string,
    value: string,
    set: (v: string) => void,
    options: { required?: boolean; area?: boolean; date?: boolean; description?: string } = {},
  ) => (
    <FormField
      label={label}
      inputId={fieldIdOf(path)}
      error={error(path)}
      required={options.required ?? false}
      {...(options.description ? { description: options.description } : {})}
    >
      {(wiring) =>
        options.area ? (
          <Textarea
            {...wiring}
            name={path}
            rows={3}
            maxLength={2000}
            value={value}
            onChange={(e) => set(e.target.value)}
          />
        ) : (
          <Textbox
            {...wiring}
            name={path}
            type={options.date ? 'date' : 'text'}
            maxLength={options.date ? undefined : 200}
            value={value}
            invalid={Boolean(error(path))}
            onChange={(e) => set(e.target.value)}
          />
        )
      }
    </FormField>
  );

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="portaal-formulier portaal-fgp-editor"
      aria-label="Familiegroepsplan schrijven"
    >
      {conflict && (
        <StaleWriteAlert
          conflict={conflict}
          busy={busy}
          you={you}
          focusRef={conflictRef}
          onReload={() => void loadNewest()}
        />
      )}
      {failure && (
        <Alert type="error" focusRef={alertRef}>
          {failure}
        </Alert>
      )}
      {saved && <Alert type="ok">{saved}</Alert>}
      {plan.status === 'vastgesteld' && (
        <Paragraph>
          Dit plan is vastgesteld. Verandert {you} iets, dan wordt het een nieuwe versie.
        </Paragraph>
      )}
      {text('opgesteldDoor', 'Wie schreven dit plan?', authors, setAuthors, {
        description: 'Bijvoorbeeld: wij als ouders, met oma en de buurvrouw.',
      })}
      {text(
        'perspectief',
        'Hoe ziet het er goed uit, over een tijdje?',
        perspective,
        setPerspective,
        { area: true },
      )}
      {text(
        'gewensteHulp',
        'Welke hulp van hulpverleners is er nog nodig?',
        helpWanted,
        setHelpWanted,
        { area: true },
      )}

      <Heading level={3}>Doelen</Heading>
      <Paragraph>Wat willen jullie bereiken? Schrijf elk doel apart op.</Paragraph>
      {goals.map((g, i) => (
        <div key={g.key} className="portaal-fgp-rij">
          <Fieldset legend={`Doel ${i + 1}`}>
            {text(
              `doelen.${i}.omschrijving`,
              'Wat willen jullie bereiken?',
              g.omschrijving,
              (v) => patch(goals, setGoals, g.key, { omschrijving: v }),
              { required: true, area: true },
            )}
            {text(
              `doelen.${i}.meetbaarResultaat`,
              'Waaraan zien jullie dat het gelukt is?',
              g.meetbaarResultaat,
              (v) => patch(goals, setGoals, g.key, { meetbaarResultaat: v }),
            )}
            {text(`doelen.${i}.wie`, 'Wie werkt eraan?', g.wie, (v) =>
              patch(goals, setGoals, g.key, { wie: v }),
            )}
            {text(
              `doelen.${i}.streefdatum`,
              'Wanneer is het gelukt?',
              g.streefdatum,
              (v) => patch(goals, setGoals, g.key, { streefdatum: v }),
              { date: true },
            )}
            <Button onClick={() => setGoals(goals.filter((r) => r.key !== g.key))}>
              Doel {i + 1} weghalen
            </Button>
          </Fieldset>
        </div>
      ))}
      <Button
        onClick={() =>
          setGoals([
            ...goals,
            {
              key: rowKey(),
              id: null,
              omschrijving: '',
              meetbaarResultaat: '',
              wie: '',
              streefdatum: '',
            },
          ])
        }
      >
        Doel toevoegen
      </Button>

      <Heading level={3}>Wie helpt</Heading>
      <Paragraph>
        Familie, vrienden, buren of anderen die {parent ? 'uw gezin' : 'jullie'} helpen.
      </Paragraph>
      {members.map((m, i) => (
        <div key={m.key} className="portaal-fgp-rij">
          <Fieldset legend={`Persoon ${i + 1}`}>
            {text(
              `netwerk.${i}.naam`,
              'Naam',
              m.naam,
              (v) => patch(members, setMembers, m.key, { naam: v }),
              { required: true },
            )}
            {text(
              `netwerk.${i}.steun`,
              'Hoe helpt deze persoon?',
              m.steun,
              (v) => patch(members, setMembers, m.key, { steun: v }),
              { required: true, area: true },
            )}
            <Button onClick={() => setMembers(members.filter((r) => r.key !== m.key))}>
              Persoon {i + 1} weghalen
            </Button>
          </Fieldset>
        </div>
      ))}
      <Button onClick={() => setMembers([...members, { key: rowKey(), naam: '', steun: '' }])}>
        Persoon toevoegen
      </Button>

      <Heading level={3}>Afspraken</Heading>
      <Paragraph>Wie doet wat, en wanneer is het klaar?</Paragraph>
      {agreements.map((a, i) => (
        <div key={a.key} className="portaal-fgp-rij">
          <Fieldset legend={`Afspraak ${i + 1}`}>
            {text(
              `afspraken.${i}.wat`,
              'Wat gebeurt er?',
              a.wat,
              (v) => patch(agreements, setAgreements, a.key, { wat: v }),
              { required: true, area: true },
            )}
            {text(
              `afspraken.${i}.wie`,
              'Wie doet het?',
              a.wie,
              (v) => patch(agreements, setAgreements, a.key, { wie: v }),
              { required: true },
            )}
            {text(
              `afspraken.${i}.wanneer`,
              'Wanneer is het klaar?',
              a.wanneer,
              (v) => patch(agreements, setAgreements, a.key, { wanneer: v }),
              { required: true, date: true },
            )}
            <Button onClick={() => setAgreements(agreements.filter((r) => r.key !== a.key))}>
              Afspraak {i + 1} weghalen
            </Button>
          </Fieldset>
        </div>
      ))}
      <Button
        onClick={() =>
          setAgreements([...agreements, { key: rowKey(), id: null, wie: '', wat: '', wanneer: '' }])
        }
      >
        Afspraak toevoegen
      </Button>

      <Button type="submit" appearance="primary-action" disabled={busy}>
        Plan bewaren
      </Button>
    </form>
  );
}

function Checklist({
  caseId,
  parent,
  view,
  plan,
}: {
  caseId: string;
  parent: boolean;
  view: FamilyPlan;
  plan: Plan;
}) {
  return (
    <div className="portaal-fgp-afspraken">
      <Heading level={3}>Afspraken bijhouden</Heading>
      {plan.bijhouden.length === 0 ? (
        <p className="utrecht-paragraph portaal-leeg">Er staan nog geen afspraken in het plan.</p>
      ) : (
        <>
          <Paragraph>
            {view.magBijhouden
              ? parent
                ? 'Uw gezin heeft zelf de casusregie. Houd hier bij welke afspraken gedaan zijn. De hulpverleners zien het ook.'
                : 'Je gezin heeft zelf de casusregie. Houd hier bij welke afspraken gedaan zijn. De hulpverleners zien het ook.'
              : view.waaromNietBijhouden}
          </Paragraph>
          <ul className="portaal-kaarten">
            {plan.bijhouden.map((a, i) => (
              <li key={a.id} className="portaal-kaart">
                <p className="utrecht-paragraph portaal-naam">{a.wat}</p>
                <p className="utrecht-paragraph">
                  {a.wie}, klaar op {formatDate(a.wanneer)}
                </p>
                <p className="utrecht-paragraph">
                  <span
                    className={`portaal-status portaal-status--${
                      a.status === null ? 'open' : a.status.gedaan ? 'gegeven' : 'ingetrokken'
                    }`}
                  >
                    {a.status === null
                      ? 'Nog niet bijgehouden'
                      : a.status.gedaan
                        ? `Gedaan (${formatDate(a.status.op)})`
                        : `Nog niet gedaan (${formatDate(a.status.op)})`}
                  </span>
                </p>
                {a.status?.toelichting && (
                  <p className="utrecht-paragraph">{a.status.toelichting}</p>
                )}
                {view.magBijhouden && (
                  <TrackForm key={a.id} caseId={caseId} index={i} agreement={a} />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function TrackForm({
  caseId,
  index,
  agreement,
}: {
  caseId: string;
  index: number;
  agreement: Tracked;
}) {
  const client = useQueryClient();
  const [done, setDone] = useState<string[]>(
    agreement.status ? [agreement.status.gedaan ? 'ja' : 'nee'] : [],
  );
  const [on, setOn] = useState(agreement.status?.op ?? today());
  const [note, setNote] = useState(agreement.status?.toelichting ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `fgp-afspraak-${index}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (done.length === 0) {
      setErrors({ gedaan: 'Kies of de afspraak gedaan is.' });
      requestAnimationFrame(() =>
        document.querySelector<HTMLInputElement>(`#veld-${base}-gedaan input`)?.focus(),
      );
      return;
    }
    setBusy(true);
    try {
      await portalApi(
        'PUT',
        `/casussen/${encodeURIComponent(caseId)}/familiegroepsplan/afspraken/${index}`,
        { gedaan: done[0] === 'ja', op: on, toelichting: note },
      );
      setErrors({});
      await client.invalidateQueries({ queryKey: queryKey(caseId) });
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 400 && e.fields.length > 0) {
        const found: Record<string, string> = {};
        for (const f of e.fields) found[f.path.replace(/^body\./, '')] ??= f.message;
        setErrors(found);
        requestAnimationFrame(() =>
          document.getElementById(found['op'] ? `${base}-op` : `${base}-toelichting`)?.focus(),
        );
      } else setFailure(e instanceof Error ? e.message : 'Dat lukte niet. Probeer het opnieuw.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="portaal-formulier portaal-fgp-bijhouden"
      aria-label={`Afspraak ${index + 1} bijhouden`}
    >
      {failure && <Alert type="error">{failure}</Alert>}
      <ChoiceGroup
        legend="Is het gedaan?"
        type="radio"
        name={`${base}-gedaan`}
        options={[
          ['ja', 'Ja, gedaan'],
          ['nee', 'Nee, nog niet'],
        ]}
        selected={done}
        onChange={setDone}
        error={errors['gedaan']}
      />
      <FormField label="Datum" inputId={`${base}-op`} error={errors['op']} required>
        {(wiring) => (
          <Textbox
            {...wiring}
            type="date"
            name="op"
            value={on}
            invalid={Boolean(errors['op'])}
            onChange={(e) => setOn(e.target.value)}
          />
        )}
      </FormField>
      <FormField
        label="Korte toelichting"
        inputId={`${base}-toelichting`}
        error={errors['toelichting']}
      >
        {(wiring) => (
          <Textbox
            {...wiring}
            name="toelichting"
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </FormField>
      <Button type="submit" disabled={busy}>
        Afspraak {index + 1} bijwerken
      </Button>
    </form>
  );
}
