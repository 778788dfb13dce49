import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import {
  api,
  ApiFailure,
  type ApiGoal,
  type CaseView,
  type ApiPlanContent,
  type PlanVersionView,
  type PlanView,
  type StaleWrite,
} from '../api.js';
import { ErrorSummary, fieldId, type FieldErrors } from '../errors.js';
import { DateField, useSubmission } from '../forms.js';
import { formatDate, formatDateTime, parseDutchDate } from '../format.js';
import {
  GOAL_OWNER_LABELS,
  GOAL_PROGRESS_LABELS,
  PLAN_LABELS,
  PLAN_STATUS_LABELS,
  RESULT_AREA_LABELS,
} from '../labels.js';
import {
  Alert,
  Button,
  ChoiceGroup,
  DataList,
  Fieldset,
  FormField,
  Heading,
  Link,
  Paragraph,
  Select,
  Table,
  Textarea,
  Textbox,
} from '../nl/index.js';
import { SIGNING_METHOD_LABELS } from '../../documents/plan-words.js';
import { PageHeading } from '../page.js';
import { StaleWriteAlert, staleWriteOf } from '../stale-write.js';
import { FamilyPlanParts } from './FamilyPlanParts.js';
import { NotFoundPage } from './NotFoundPage.js';
import { AGREEMENTS, FUTURE_DOMAINS, SECTIONS, WITH_AGREEMENTS } from './plan-fields.js';

const planKey = (id: string) => ['plan', id] as const;

type Person = CaseView['personen'][number];

/** The family of the plan's case: whom a goal can be about (`betreft`). */
function useFamily(caseId: string): readonly Person[] {
  const casus = useQuery({
    queryKey: ['casus', caseId],
    queryFn: () => api<CaseView>('GET', `/casussen/${encodeURIComponent(caseId)}`),
  });
  return casus.data?.personen ?? [];
}

/** Whom a goal is about, in words: its people, else the plan's young person, else the family. */
function aboutWhom(goal: ApiGoal, plan: PlanView, family: readonly Person[]): string {
  const ids = goal.betreft?.length ? goal.betreft : plan.jeugdigeId ? [plan.jeugdigeId] : [];
  if (ids.length === 0) return 'Het hele gezin';
  return ids.map((id) => family.find((p) => p.id === id)?.naam ?? 'onbekend').join(', ');
}

export function PlanPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const plan = useQuery({
    queryKey: planKey(id),
    queryFn: () => api<PlanView>('GET', `/plannen/${encodeURIComponent(id)}`),
  });
  if (plan.isError && plan.error instanceof ApiFailure && plan.error.status === 404)
    return <NotFoundPage />;
  if (plan.isError)
    return (
      <>
        <PageHeading title="Plan" />
        <Alert type="error">{plan.error.message}</Alert>
      </>
    );
  if (!plan.data)
    return (
      <>
        <PageHeading title="Plan" />
        <p className="utrecht-paragraph" role="status">
          Plan laden…
        </p>
      </>
    );
  const data = plan.data;
  const concept = data.versies.find((v) => v.status === 'concept');
  const latest = data.versies.at(-1);
  const chosen = Number(params.get('versie') ?? '');
  const shown = data.versies.find((v) => v.versie === chosen) ?? concept ?? latest;
  const title = `${PLAN_LABELS[data.soort] ?? data.soort} – ${data.gezin}`;
  return (
    <>
      <PageHeading title={title} />
      <Paragraph>
        <Link to={`/casussen/${data.casusId}`}>Terug naar de casus</Link>
      </Paragraph>
      <nav aria-label="Versies" className="versies">
        <ul>
          {data.versies.map((v) => (
            <li key={v.id}>
              <Link
                to={`?versie=${v.versie}`}
                aria-current={v.versie === shown?.versie ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  setParams({ versie: String(v.versie) });
                }}
              >
                Versie {v.versie} ({PLAN_STATUS_LABELS[v.status] ?? v.status})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {shown && (
        <Paragraph>
          <a
            className="utrecht-link"
            href={`/api/v1/plannen/${encodeURIComponent(data.id)}/pdf?versie=${shown.versie}`}
            download
          >
            Versie {shown.versie} als PDF (om te printen of mee te geven)
          </a>
        </Paragraph>
      )}
      {shown && shown.status === 'concept' && (
        <ConceptEditor key={`${shown.id}`} plan={data} version={shown} />
      )}
      {shown && shown.status !== 'concept' && (
        <FixedVersion plan={data} version={shown} canAdjust={!concept && shown === latest} />
      )}
      {shown && data.soort === 'familiegroepsplan' && (
        <FamilyPlanParts planId={data.id} content={shown.inhoud} />
      )}
    </>
  );
}

function Changes({ version }: { version: PlanVersionView }) {
  if (version.versie === 1) return null;
  return (
    <section aria-labelledby="kop-wijzigingen">
      <Heading level={2} id="kop-wijzigingen">
        Wat is er veranderd sinds versie {version.versie - 1}
      </Heading>
      {version.wijzigingen.length === 0 ? (
        <Paragraph>Nog niets veranderd.</Paragraph>
      ) : (
        <Table caption={`Wijzigingen in versie ${version.versie}`}>
          <thead>
            <tr>
              <th scope="col">Wat</th>
              <th scope="col">Soort</th>
              <th scope="col">Was</th>
              <th scope="col">Wordt</th>
            </tr>
          </thead>
          <tbody>
            {version.wijzigingen.map((c) => (
              <tr key={c.pad}>
                <td>{c.wat}</td>
                <td>{c.soort}</td>
                <td>{c.was ?? '—'}</td>
                <td>{c.wordt ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

function FixedVersion({
  plan,
  version,
  canAdjust,
}: {
  plan: PlanView;
  version: PlanVersionView;
  canAdjust: boolean;
}) {
  const client = useQueryClient();
  const [, setParams] = useSearchParams();
  const [problem, setProblem] = useState<string | null>(null);
  const content = version.inhoud;
  async function adjust() {
    setProblem(null);
    try {
      const { versie } = await api<{ versie: number }>('POST', `/plannen/${plan.id}/bijstellen`);
      await client.invalidateQueries({ queryKey: planKey(plan.id) });
      setParams({ versie: String(versie) });
    } catch (error) {
      setProblem(error instanceof ApiFailure ? error.message : 'Bijstellen lukte niet.');
    }
  }
  return (
    <>
      <Alert type={version.status === 'vastgesteld' ? 'ok' : 'info'}>
        Versie {version.versie} is {PLAN_STATUS_LABELS[version.status]}
        {version.vastgesteldOp ? ` (vastgesteld op ${formatDateTime(version.vastgesteldOp)})` : ''}.
        Een vastgestelde versie verandert niet meer.
      </Alert>
      {problem && <Alert type="error">{problem}</Alert>}
      {canAdjust && (
        <p className="utrecht-paragraph">
          <Button appearance="primary-action" onClick={() => void adjust()}>
            Plan bijstellen
          </Button>
        </p>
      )}
      <Changes version={version} />
      <section aria-labelledby="kop-inhoud">
        <Heading level={2} id="kop-inhoud">
          Inhoud
        </Heading>
        <DataList
          items={[
            ['Ingangsdatum', formatDate(version.ingangsdatum)],
            ...(SECTIONS[plan.soort] ?? []).map(
              (s) => [s.label, content[s.key] ?? '—'] as [string, string],
            ),
            ...(content.voorgesteldArrangement
              ? ([
                  [
                    'Voorgesteld arrangement',
                    `${content.voorgesteldArrangement.resultaatgebieden
                      .map((a) => RESULT_AREA_LABELS[a] ?? a)
                      .join(', ')}; ${content.voorgesteldArrangement.intensiteit}; ${
                      content.voorgesteldArrangement.duur
                    }`,
                  ],
                  ['Waarom dit arrangement past', content.voorgesteldArrangement.onderbouwing],
                ] as [string, string][])
              : []),
            ...(WITH_AGREEMENTS.includes(plan.soort)
              ? AGREEMENTS.filter((a) => content.afsprakenCasusregie?.[a.key]).map(
                  (a) => [a.label, content.afsprakenCasusregie?.[a.key] ?? ''] as [string, string],
                )
              : []),
          ]}
        />
        <GoalsTable goals={content.doelen ?? []} plan={plan} />
      </section>
      <section aria-labelledby="kop-getekend">
        <Heading level={2} id="kop-getekend">
          Ondertekend
        </Heading>
        <ul className="utrecht-unordered-list">
          {version.handtekeningen
            .filter((h) => h.geldig)
            .map((h) => (
              <li key={`${h.persoonId}-${h.op}`} className="utrecht-unordered-list__item">
                {h.naam}, {formatDateTime(h.op)} ({SIGNING_METHOD_LABELS[h.methode] ?? h.methode})
              </li>
            ))}
        </ul>
      </section>
    </>
  );
}

function GoalsTable({ goals, plan }: { goals: readonly ApiGoal[]; plan: PlanView }) {
  const family = useFamily(plan.casusId);
  if (goals.length === 0) return <Paragraph>Geen doelen.</Paragraph>;
  return (
    <Table caption="Doelen">
      <thead>
        <tr>
          <th scope="col">Resultaatgebied</th>
          <th scope="col">Doel</th>
          <th scope="col">Over wie</th>
          <th scope="col">Zo zien we dat het lukt</th>
          <th scope="col">Wie</th>
          <th scope="col">Wanneer</th>
          <th scope="col">Voortgang</th>
        </tr>
      </thead>
      <tbody>
        {goals.map((g) => (
          <tr key={g.id}>
            <td>{RESULT_AREA_LABELS[g.resultaatgebied] ?? g.resultaatgebied}</td>
            <td>{g.omschrijving}</td>
            <td>{aboutWhom(g, plan, family)}</td>
            <td>{g.meetbaarResultaat}</td>
            <td>
              {g.eigenaar.naam} ({GOAL_OWNER_LABELS[g.eigenaar.soort] ?? g.eigenaar.soort})
            </td>
            <td>{formatDate(g.streefdatum)}</td>
            <td>{GOAL_PROGRESS_LABELS[g.voortgang] ?? g.voortgang}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

interface DraftGoal extends Omit<ApiGoal, 'streefdatum'> {
  /** As typed: dd-mm-jjjj. */
  streefdatum: string;
}

const newGoalId = () => Math.random().toString(36).slice(2, 10);

function toDraftGoals(goals: readonly ApiGoal[]): DraftGoal[] {
  return goals.map((g) => ({ ...g, streefdatum: formatDate(g.streefdatum) }));
}

function ConceptEditor({ plan, version }: { plan: PlanView; version: PlanVersionView }) {
  const client = useQueryClient();
  const family = useFamily(plan.casusId);
  const [startDate, setStartDate] = useState(formatDate(version.ingangsdatum));
  const [texts, setTexts] = useState<ApiPlanContent>({ ...version.inhoud });
  const [goals, setGoals] = useState<DraftGoal[]>(toDraftGoals(version.inhoud.doelen ?? []));
  const [lines, setLines] = useState(version.inhoud.bodemeisen ?? []);
  const [dirty, setDirty] = useState(false);
  /** The plan revision this editor's content is based on; a save sends it (ADR 0028). */
  const [basis, setBasis] = useState(plan.revisie);
  const [conflict, setConflict] = useState<StaleWrite | null>(null);
  const [reloading, setReloading] = useState(false);
  const save = useSubmission('Opslaan lukte niet. Probeer het opnieuw.');
  const fix = useSubmission('Vaststellen lukte niet. Probeer het opnieuw.');
  const refresh = () => client.invalidateQueries({ queryKey: planKey(plan.id) });

  const change = (patch: Partial<ApiPlanContent>) => {
    setTexts({ ...texts, ...patch });
    setDirty(true);
  };
  const changeGoal = (index: number, patch: Partial<DraftGoal>) => {
    setGoals(goals.map((g, i) => (i === index ? { ...g, ...patch } : g)));
    setDirty(true);
  };

  async function submitSave(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const start = parseDutchDate(startDate);
    if (!start) found.ingangsdatum = 'vul een datum in als dd-mm-jjjj';
    await save.run(found, async () => {
      const inhoud: ApiPlanContent = {
        ...texts,
        doelen: goals.map((g) => ({
          ...g,
          streefdatum: parseDutchDate(g.streefdatum) ?? g.streefdatum.slice(0, 10),
        })),
        ...(plan.soort === 'veiligheidsplan' ? { bodemeisen: lines } : {}),
        voorgesteldArrangement: proposalOrNothing(texts.voorgesteldArrangement),
      };
      let saved: { revisie: number };
      try {
        saved = await api<{ revisie: number }>('PUT', `/plannen/${plan.id}/concept`, {
          ingangsdatum: start,
          inhoud,
          basisRevisie: basis,
        });
      } catch (error) {
        const stale = staleWriteOf(error);
        if (!stale) throw error;
        // The user's text stays in the form; the alert says who saved what, and when.
        setConflict(stale);
        return null;
      }
      setBasis(saved.revisie);
      setConflict(null);
      await refresh();
      setDirty(false);
      return 'Het concept is opgeslagen.';
    });
  }

  /** Replaces the form with the newest stored concept, at the user's request. */
  async function loadNewest() {
    setReloading(true);
    try {
      const fresh = await client.fetchQuery({
        queryKey: planKey(plan.id),
        queryFn: () => api<PlanView>('GET', `/plannen/${encodeURIComponent(plan.id)}`),
        staleTime: 0,
      });
      const newest = fresh.versies.find((v) => v.status === 'concept');
      if (newest) {
        setStartDate(formatDate(newest.ingangsdatum));
        setTexts({ ...newest.inhoud });
        setGoals(toDraftGoals(newest.inhoud.doelen ?? []));
        setLines(newest.inhoud.bodemeisen ?? []);
      }
      setBasis(fresh.revisie);
      setConflict(null);
      setDirty(false);
    } finally {
      setReloading(false);
    }
  }

  async function fixPlan() {
    await fix.run({}, async () => {
      await api('POST', `/plannen/${plan.id}/vaststellen`, { op: new Date().toISOString() });
      await refresh();
      void client.invalidateQueries({ queryKey: ['casus', plan.casusId] });
      return null;
    });
  }

  const contentField = (path: string) => save.field(`inhoud.${path}`);
  const missing = new Map(version.nogNodig.map((p) => [`inhoud.${p.pad}`, p.melding]));
  const hint = (path: string) => save.errors[`inhoud.${path}`] ?? missing.get(`inhoud.${path}`);

  return (
    <>
      <Alert type="info">
        Versie {version.versie} is een concept. Vul het samen met het gezin in, sla het op en laat
        het ondertekenen; daarna stelt u het vast.
      </Alert>
      <Changes version={version} />
      <ErrorSummary
        errors={save.errors}
        general={save.general}
        labelOf={(p) => (p === 'ingangsdatum' ? 'Ingangsdatum' : p)}
      />
      {save.done && <Alert type="ok">{save.done}</Alert>}
      {conflict && (
        <StaleWriteAlert conflict={conflict} busy={reloading} onReload={() => void loadNewest()} />
      )}
      <form onSubmit={(e) => void submitSave(e)} noValidate className="formulier plan-formulier">
        <DateField
          label="Ingangsdatum"
          value={startDate}
          onChange={(v) => {
            setStartDate(v);
            setDirty(true);
          }}
          {...save.field('ingangsdatum')}
        />
        {(SECTIONS[plan.soort] ?? []).map((s) => (
          <FormField
            key={s.key}
            label={s.label}
            description={s.hint}
            inputId={contentField(s.key).inputId}
            error={hint(s.key)}
          >
            {(w) => (
              <Textarea
                {...w}
                rows={3}
                value={texts[s.key] ?? ''}
                onChange={(e) => change({ [s.key]: e.target.value })}
              />
            )}
          </FormField>
        ))}
        {plan.soort === 'toekomstplan' && (
          <Fieldset legend="Toekomst na 18">
            {FUTURE_DOMAINS.map((d) => (
              <FormField
                key={d.key}
                label={d.label}
                inputId={contentField(`toekomstdomeinen.${d.key}`).inputId}
                error={hint(`toekomstdomeinen.${d.key}`)}
              >
                {(w) => (
                  <Textarea
                    {...w}
                    rows={2}
                    value={texts.toekomstdomeinen?.[d.key] ?? ''}
                    onChange={(e) =>
                      change({
                        toekomstdomeinen: { ...texts.toekomstdomeinen, [d.key]: e.target.value },
                      })
                    }
                  />
                )}
              </FormField>
            ))}
          </Fieldset>
        )}
        {plan.soort === 'hulpverleningsplan' && (
          <ProposalFields
            proposal={texts.voorgesteldArrangement}
            onChange={(voorgesteldArrangement) => change({ voorgesteldArrangement })}
            hint={hint}
            inputId={(path) => contentField(path).inputId}
          />
        )}
        {plan.soort === 'veiligheidsplan' && (
          <Fieldset legend="Bodemeisen">
            {lines.map((line, i) => (
              <div key={`b${i}`} className="naast-elkaar">
                <FormField
                  label={`Bodemeis ${i + 1}`}
                  inputId={contentField(`bodemeisen.${i}.eis`).inputId}
                  error={hint(`bodemeisen.${i}.eis`)}
                >
                  {(w) => (
                    <Textbox
                      {...w}
                      value={line.eis}
                      onChange={(e) => {
                        setLines(
                          lines.map((l, j) => (j === i ? { ...l, eis: e.target.value } : l)),
                        );
                        setDirty(true);
                      }}
                    />
                  )}
                </FormField>
                <FormField
                  label="Wie let erop"
                  inputId={contentField(`bodemeisen.${i}.wie`).inputId}
                  error={hint(`bodemeisen.${i}.wie`)}
                >
                  {(w) => (
                    <Textbox
                      {...w}
                      value={line.wie}
                      onChange={(e) => {
                        setLines(
                          lines.map((l, j) => (j === i ? { ...l, wie: e.target.value } : l)),
                        );
                        setDirty(true);
                      }}
                    />
                  )}
                </FormField>
              </div>
            ))}
            <p className="utrecht-paragraph">
              <Button
                onClick={() => {
                  setLines([...lines, { eis: '', wie: '' }]);
                  setDirty(true);
                }}
              >
                Bodemeis toevoegen
              </Button>
            </p>
          </Fieldset>
        )}
        <Heading level={2}>Doelen</Heading>
        {hint('doelen') && <Alert type="warning">{hint('doelen')}</Alert>}
        {goals.map((g, i) => (
          <Fieldset key={g.id} legend={`Doel ${i + 1}`}>
            <FormField
              label="Resultaatgebied"
              inputId={contentField(`doelen.${i}.resultaatgebied`).inputId}
              error={hint(`doelen.${i}.resultaatgebied`)}
              required
            >
              {(w) => (
                <Select
                  {...w}
                  value={g.resultaatgebied}
                  onChange={(e) => changeGoal(i, { resultaatgebied: e.target.value })}
                >
                  <option value="">Kies…</option>
                  {Object.entries(RESULT_AREA_LABELS).map(([value, text]) => (
                    <option key={value} value={value}>
                      {text}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
            <FormField
              label="Wat moet er veranderen"
              inputId={contentField(`doelen.${i}.omschrijving`).inputId}
              error={hint(`doelen.${i}.omschrijving`)}
              required
            >
              {(w) => (
                <Textarea
                  {...w}
                  rows={2}
                  value={g.omschrijving}
                  onChange={(e) => changeGoal(i, { omschrijving: e.target.value })}
                />
              )}
            </FormField>
            <FormField
              label="Zo zien we dat het gelukt is"
              description="Meetbaar: wat ziet of telt iedereen als het doel bereikt is?"
              inputId={contentField(`doelen.${i}.meetbaarResultaat`).inputId}
              error={hint(`doelen.${i}.meetbaarResultaat`)}
              required
            >
              {(w) => (
                <Textarea
                  {...w}
                  rows={2}
                  value={g.meetbaarResultaat}
                  onChange={(e) => changeGoal(i, { meetbaarResultaat: e.target.value })}
                />
              )}
            </FormField>
            <div className="naast-elkaar">
              <FormField
                label="Wie werkt eraan"
                inputId={contentField(`doelen.${i}.eigenaar.soort`).inputId}
                error={hint(`doelen.${i}.eigenaar.soort`)}
                required
              >
                {(w) => (
                  <Select
                    {...w}
                    value={g.eigenaar.soort}
                    onChange={(e) =>
                      changeGoal(i, { eigenaar: { ...g.eigenaar, soort: e.target.value } })
                    }
                  >
                    {Object.entries(GOAL_OWNER_LABELS).map(([value, text]) => (
                      <option key={value} value={value}>
                        {text}
                      </option>
                    ))}
                  </Select>
                )}
              </FormField>
              <FormField
                label="Naam"
                inputId={contentField(`doelen.${i}.eigenaar.naam`).inputId}
                error={hint(`doelen.${i}.eigenaar.naam`)}
                required
              >
                {(w) => (
                  <Textbox
                    {...w}
                    value={g.eigenaar.naam}
                    onChange={(e) =>
                      changeGoal(i, { eigenaar: { ...g.eigenaar, naam: e.target.value } })
                    }
                  />
                )}
              </FormField>
            </div>
            {family.length > 0 && (
              <ChoiceGroup
                legend={`Over wie gaat doel ${i + 1}?`}
                description={`Niets aangevinkt: ${
                  plan.jeugdigeId
                    ? `over ${aboutWhom({ ...g, betreft: [] }, plan, family)}`
                    : 'over het hele gezin'
                }. Dit bepaalt ook wie het doel in het gezinsportaal ziet.`}
                type="checkbox"
                name={`inhoud.doelen.${i}.betreft`}
                options={family.map((p) => [p.id, p.naam] as const)}
                selected={g.betreft ?? []}
                onChange={(betreft) => changeGoal(i, { betreft })}
                error={hint(`doelen.${i}.betreft`)}
              />
            )}
            <div className="naast-elkaar">
              <DateField
                label="Streefdatum"
                value={g.streefdatum}
                onChange={(v) => changeGoal(i, { streefdatum: v })}
                inputId={contentField(`doelen.${i}.streefdatum`).inputId}
                error={hint(`doelen.${i}.streefdatum`)}
              />
              <FormField
                label="Voortgang"
                inputId={contentField(`doelen.${i}.voortgang`).inputId}
                required
              >
                {(w) => (
                  <Select
                    {...w}
                    value={g.voortgang}
                    onChange={(e) => changeGoal(i, { voortgang: e.target.value })}
                  >
                    {Object.entries(GOAL_PROGRESS_LABELS).map(([value, text]) => (
                      <option key={value} value={value}>
                        {text}
                      </option>
                    ))}
                  </Select>
                )}
              </FormField>
            </div>
            <Button
              appearance="subtle"
              onClick={() => {
                setGoals(goals.filter((_, j) => j !== i));
                setDirty(true);
              }}
            >
              Doel {i + 1} verwijderen
            </Button>
          </Fieldset>
        ))}
        <p className="utrecht-paragraph">
          <Button
            onClick={() => {
              setGoals([
                ...goals,
                {
                  id: newGoalId(),
                  resultaatgebied: '',
                  omschrijving: '',
                  meetbaarResultaat: '',
                  eigenaar: { soort: 'gezin', naam: '' },
                  streefdatum: '',
                  voortgang: 'niet-gestart',
                },
              ]);
              setDirty(true);
            }}
          >
            Doel toevoegen
          </Button>
        </p>
        {WITH_AGREEMENTS.includes(plan.soort) && (
          <Fieldset legend="Afspraken over de casusregie">
            {AGREEMENTS.map((a) => (
              <FormField key={a.key} label={a.label}>
                {(w) => (
                  <Textarea
                    {...w}
                    rows={2}
                    value={texts.afsprakenCasusregie?.[a.key] ?? ''}
                    onChange={(e) =>
                      change({
                        afsprakenCasusregie: {
                          ...texts.afsprakenCasusregie,
                          [a.key]: e.target.value,
                        },
                      })
                    }
                  />
                )}
              </FormField>
            ))}
          </Fieldset>
        )}
        <Button type="submit" appearance="primary-action" disabled={save.busy}>
          Concept opslaan
        </Button>
      </form>

      <Signing plan={plan} version={version} dirty={dirty} />

      <section aria-labelledby="kop-vaststellen">
        <Heading level={2} id="kop-vaststellen">
          Vaststellen
        </Heading>
        {version.nogNodig.length > 0 && (
          <>
            <Paragraph>Nog nodig in het plan:</Paragraph>
            <ul className="utrecht-unordered-list">
              {version.nogNodig.map((p) => (
                <li key={p.pad} className="utrecht-unordered-list__item">
                  <a className="utrecht-link" href={`#${fieldId(`inhoud.${p.pad}`)}`}>
                    {p.melding}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
        <ErrorSummary
          errors={fix.errors}
          general={fix.general}
          labelOf={(p) => (p === 'handtekeningen' ? 'Handtekeningen' : 'Inhoud')}
          onlyFields={(p) => p !== 'handtekeningen'}
        />
        <Button
          appearance="primary-action"
          disabled={fix.busy || dirty}
          onClick={() => void fixPlan()}
        >
          Plan vaststellen
        </Button>
        {dirty && <Paragraph>Sla eerst de wijzigingen op.</Paragraph>}
      </section>
    </>
  );
}

function Signing({
  plan,
  version,
  dirty,
}: {
  plan: PlanView;
  version: PlanVersionView;
  dirty: boolean;
}) {
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const signing = version.ondertekening;
  if (!signing) return null;
  const signedAt = (personId: string) =>
    version.handtekeningen.filter((h) => h.persoonId === personId && h.geldig).at(-1);

  async function sign(personId: string, methode: 'op-scherm' | 'papier-gescand') {
    setProblem(null);
    try {
      await api('POST', `/plannen/${plan.id}/handtekeningen`, {
        persoonId: personId,
        methode,
        op: new Date().toISOString(),
      });
      await client.invalidateQueries({ queryKey: planKey(plan.id) });
    } catch (error) {
      setProblem(error instanceof ApiFailure ? error.message : 'Tekenen lukte niet.');
    }
  }

  return (
    <section aria-labelledby="kop-ondertekenen">
      <Heading level={2} id="kop-ondertekenen">
        Ondertekenen
      </Heading>
      <Paragraph>
        Ouders en gezagdragers tekenen, en jongeren vanaf 12 jaar tekenen zelf mee (
        <Link to={`/regels/${signing.regel}`} className="regel-id">
          {signing.regel}
        </Link>
        ). Wie tekent, tekent voor de opgeslagen tekst.
      </Paragraph>
      {problem && <Alert type="error">{problem}</Alert>}
      <ul className="ondertekenen">
        {signing.nodig.map((s) => {
          const done = signedAt(s.persoonId);
          return (
            <li key={s.persoonId}>
              <strong>{s.naam}</strong> <span className="redenen">{s.reden}</span>
              {done ? (
                <span className="ondertekenen__klaar"> Getekend op {formatDateTime(done.op)}</span>
              ) : (
                <span className="ondertekenen__knoppen">
                  <Button disabled={dirty} onClick={() => void sign(s.persoonId, 'op-scherm')}>
                    {s.naam} tekent op het scherm
                  </Button>
                  <Button
                    appearance="subtle"
                    disabled={dirty}
                    onClick={() => void sign(s.persoonId, 'papier-gescand')}
                  >
                    Papieren handtekening van {s.naam} is gescand
                  </Button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {signing.melding && <Alert type="warning">{signing.melding}</Alert>}
    </section>
  );
}

type Proposal = NonNullable<ApiPlanContent['voorgesteldArrangement']>;
const EMPTY_PROPOSAL: Proposal = {
  resultaatgebieden: [],
  intensiteit: '',
  duur: '',
  onderbouwing: '',
};

/** An untouched proposal is no proposal (it is optional outside route B). */
function proposalOrNothing(p: Proposal | undefined): Proposal | undefined {
  if (!p) return undefined;
  const touched =
    p.resultaatgebieden.length > 0 || [p.intensiteit, p.duur, p.onderbouwing].some((t) => t.trim());
  return touched ? p : undefined;
}

/** Route B: the provider proposes the arrangement in its hulpverleningsplan. */
function ProposalFields({
  proposal = EMPTY_PROPOSAL,
  onChange,
  hint,
  inputId,
}: {
  proposal: Proposal | undefined;
  onChange: (p: Proposal) => void;
  hint: (path: string) => string | undefined;
  inputId: (path: string) => string;
}) {
  const base = 'voorgesteldArrangement';
  const areaProblem = [
    hint(`${base}.resultaatgebieden`),
    ...proposal.resultaatgebieden.map((a, i) => {
      const h = hint(`${base}.resultaatgebieden.${i}`);
      return h ? `${RESULT_AREA_LABELS[a] ?? a}: ${h}` : undefined;
    }),
  ]
    .filter(Boolean)
    .join('; ');
  const text = (key: 'intensiteit' | 'duur' | 'onderbouwing', label: string, rows = 1) => (
    <FormField label={label} inputId={inputId(`${base}.${key}`)} error={hint(`${base}.${key}`)}>
      {(w) =>
        rows > 1 ? (
          <Textarea
            {...w}
            rows={rows}
            value={proposal[key]}
            onChange={(e) => onChange({ ...proposal, [key]: e.target.value })}
          />
        ) : (
          <Textbox
            {...w}
            value={proposal[key]}
            onChange={(e) => onChange({ ...proposal, [key]: e.target.value })}
          />
        )
      }
    </FormField>
  );
  return (
    <Fieldset legend="Voorgesteld arrangement">
      {hint(base) && <Alert type="warning">{hint(base)}</Alert>}
      <p className="utrecht-paragraph">
        Op route B stelt de aanbieder het arrangement voor: de resultaatgebieden van de doelen, de
        intensiteit en de duur. De gemeente beslist erover.
      </p>
      <ChoiceGroup
        legend="Resultaatgebieden"
        type="checkbox"
        name={`inhoud.${base}.resultaatgebieden`}
        options={Object.entries(RESULT_AREA_LABELS)}
        selected={proposal.resultaatgebieden}
        onChange={(resultaatgebieden) => onChange({ ...proposal, resultaatgebieden })}
        error={areaProblem || undefined}
      />
      {text('intensiteit', 'Intensiteit (trede)')}
      {text('duur', 'Duur van het arrangement')}
      {text('onderbouwing', 'Waarom dit arrangement past', 3)}
    </Fieldset>
  );
}
