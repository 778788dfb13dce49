import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiFailure, type CaseView } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateTimeFields, RuleLink, useSubmission } from '../forms.js';
import { formatDateTime, nowFields, toInstant } from '../format.js';
import { RESULT_AREA_LABELS } from '../labels.js';
import {
  Alert,
  Button,
  ChoiceGroup,
  Fieldset,
  FormField,
  Heading,
  Link,
  Paragraph,
  Select,
  Textarea,
  Textbox,
} from '../nl/index.js';
import { PageHeading } from '../page.js';
import { NotFoundPage } from './NotFoundPage.js';
import {
  CO_SIGNAL_LABELS,
  DEVELOPMENT_AREAS,
  INFORMATION_SOURCES,
  REGIE_CRITERIA,
  RISK_OUTCOMES,
  SAFETY_OUTCOMES,
  TRIAGE_FIELD_LABELS,
  TRIAGE_OUTCOME_LABELS,
} from '../../documents/analysis-words.js';
import {
  Recorded,
  useRefresh,
  useSectionLock,
  type AssessmentView,
  type Assessments,
  type TriageView,
} from './analysis-shared.js';
import { CaseConsultation, ChildContact, Meldcode } from './SafetySections.js';

/** The answer to a yes-or-no question, as radio buttons. */
const YES_NO: readonly (readonly [string, string])[] = [
  ['true', 'Ja'],
  ['false', 'Nee'],
];

/** The sections in the order of step 1, for the table of contents. */
const SECTIONS: readonly (readonly [string, string])[] = [
  ['kop-veiligheidscheck', 'Veiligheid direct bij de start'],
  ['kop-kindcontact', 'Contact met de kinderen'],
  ['kop-vraaganalyse', 'Vraaganalyse'],
  ['kop-co-overleg', 'Casuïstiekoverleg'],
  ['kop-risicotaxatie', 'Risicotaxatie'],
  ['kop-meldcode', 'Meldcode'],
  ['kop-criteria', 'Zwaarte van de regie: criteria'],
  ['kop-triage', 'Triage'],
];

export function AnalysisPage() {
  const { id = '' } = useParams();
  const [loaded, setLoaded] = useState<Record<string, number>>({});
  const casus = useQuery({
    queryKey: ['casus', id],
    queryFn: () => api<CaseView>('GET', `/casussen/${encodeURIComponent(id)}`),
  });
  const assessments = useQuery({
    queryKey: ['beoordelingen', id],
    queryFn: () => api<Assessments>('GET', `/casussen/${encodeURIComponent(id)}/beoordelingen`),
    enabled: casus.isSuccess,
  });
  if (casus.isError && casus.error instanceof ApiFailure && casus.error.status === 404)
    return <NotFoundPage />;
  if (!casus.data || !assessments.data)
    return (
      <>
        <PageHeading title="Analyse, veiligheid en triage" />
        {casus.isError || assessments.isError ? (
          <Alert type="error">{(casus.error ?? assessments.error)?.message}</Alert>
        ) : (
          <p className="utrecht-paragraph" role="status">
            Laden…
          </p>
        )}
      </>
    );
  const current = assessments.data.actueel;
  /** A section remounts with the newest stored version when its user asks for it. */
  const section = (kind: string) => ({
    key: `${kind}-${loaded[kind] ?? 0}`,
    onReloaded: () => setLoaded((l) => ({ ...l, [kind]: (l[kind] ?? 0) + 1 })),
  });
  return (
    <>
      <PageHeading title={`Analyse, veiligheid en triage – ${casus.data.gezin.naam}`} />
      <Paragraph>
        <Link to={`/casussen/${id}`}>Terug naar de casus</Link>
        {' · '}
        <a
          className="utrecht-link"
          href={`/api/v1/casussen/${encodeURIComponent(id)}/analyse/pdf`}
          download
        >
          Analyse als PDF
        </a>
      </Paragraph>
      <nav aria-label="Onderdelen van deze pagina">
        <ul className="utrecht-unordered-list paginainhoud">
          {SECTIONS.map(([anchor, title]) => (
            <li key={anchor} className="utrecht-unordered-list__item">
              <a className="utrecht-link" href={`#${anchor}`}>
                {title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <SafetyCheck
        caseId={id}
        latest={current['veiligheidscheck']}
        {...section('veiligheidscheck')}
      />
      <ChildContact caseId={id} />
      <NeedsAnalysis
        casus={casus.data}
        latest={current['vraaganalyse']}
        {...section('vraaganalyse')}
      />
      <CaseConsultation
        caseId={id}
        signals={(current['vraaganalyse']?.inhoud['coSignalen'] as string[] | undefined) ?? []}
        history={assessments.data.geschiedenis.filter((r) => r.soort === 'co-overleg')}
      />
      <RiskAssessment caseId={id} latest={current['risicotaxatie']} {...section('risicotaxatie')} />
      <Meldcode
        caseId={id}
        history={assessments.data.geschiedenis.filter((r) => r.soort === 'meldcode')}
      />
      <Criteria caseId={id} latest={current['regiecriteria']} {...section('regiecriteria')} />
      <Triage caseId={id} />
    </>
  );
}

/** A section of the page that colleagues edit too: reloads on request (ADR 0028). */
interface Locked {
  onReloaded: () => void;
}

function SafetyCheck({
  caseId,
  latest,
  onReloaded,
}: { caseId: string; latest: AssessmentView | undefined } & Locked) {
  const refresh = useRefresh(caseId);
  const lock = useSectionLock(caseId, latest, onReloaded);
  const now = nowFields();
  const [outcome, setOutcome] = useState(String(latest?.inhoud['uitkomst'] ?? ''));
  const [note, setNote] = useState('');
  const [date, setDate] = useState(now.date);
  const [time, setTime] = useState(now.time);
  const [who, setWho] = useState('');
  const s = useSubmission('Vastleggen lukte niet. Probeer het opnieuw.', 'veiligheidscheck');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!outcome) found.uitkomst = 'kies de uitkomst';
    if (!note.trim()) found.toelichting = 'licht de uitkomst toe';
    const calledAt = toInstant(date, time);
    if (outcome === 'acuut') {
      if (!calledAt) found['crisisteam.gebeldOp'] = 'vul datum (dd-mm-jjjj) en tijd (uu:mm) in';
      if (!who.trim()) found['crisisteam.met'] = 'met wie van het crisisteam';
    }
    await s.run(found, async () => {
      const saved = await lock.post(`/casussen/${caseId}/veiligheidscheck`, {
        uitkomst: outcome,
        toelichting: note.trim(),
        ...(outcome === 'acuut' ? { crisisteam: { gebeldOp: calledAt, met: who.trim() } } : {}),
      });
      if (!saved) return null;
      await refresh();
      return 'De veiligheidscheck is vastgelegd.';
    });
  }

  return (
    <section aria-labelledby="kop-veiligheidscheck">
      <Heading level={2} id="kop-veiligheidscheck">
        Veiligheid direct bij de start
      </Heading>
      <Recorded latest={latest} />
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={(p) => p} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      {lock.alert}
      <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
        <ChoiceGroup
          legend="Is het kind nu veilig?"
          type="radio"
          name="veiligheidscheck.uitkomst"
          options={Object.entries(SAFETY_OUTCOMES)}
          selected={[outcome]}
          onChange={(v) => setOutcome(v[0] ?? '')}
          error={s.errors['uitkomst']}
        />
        {outcome === 'acuut' && (
          <>
            <Alert type="error">
              Acuut gevaar: neem nu contact op met het crisisteam en leg vast wanneer en met wie.
            </Alert>
            <DateTimeFields
              dateLabel="Crisisteam gebeld op"
              timeLabel="Tijd"
              date={date}
              time={time}
              onDate={setDate}
              onTime={setTime}
              {...s.field('crisisteam.gebeldOp')}
            />
            <FormField label="Met wie" {...s.field('crisisteam.met')} required>
              {(w) => <Textbox {...w} value={who} onChange={(e) => setWho(e.target.value)} />}
            </FormField>
          </>
        )}
        <FormField label="Toelichting" {...s.field('toelichting')} required>
          {(w) => (
            <Textarea {...w} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </FormField>
        <Button type="submit" appearance="primary-action" disabled={s.busy}>
          Veiligheidscheck vastleggen
        </Button>
      </form>
    </section>
  );
}

type Sourced = { tekst: string; bron: string };
const SOURCED_SECTIONS: readonly (readonly [string, string])[] = [
  ['opvoedvaardigheden', 'Opvoedvaardigheden van de ouders'],
  ['gezinEnOmgeving', 'Gezin en omgeving'],
  ['krachten', 'Krachten'],
  ['zorgen', 'Zorgen'],
];

function NeedsAnalysis({
  casus,
  latest,
  onReloaded,
}: { casus: CaseView; latest: AssessmentView | undefined } & Locked) {
  const refresh = useRefresh(casus.id);
  const lock = useSectionLock(casus.id, latest, onReloaded);
  const prior = (latest?.inhoud ?? {}) as Record<string, unknown>;
  const children = casus.personen.filter((p) => p.soort === 'jeugdige');
  const priorDev =
    (prior['ontwikkeling'] as {
      jeugdigeId: string;
      gebied: string;
      tekst: string;
      bron: string;
    }[]) ?? [];
  const [development, setDevelopment] = useState<Record<string, string>>(
    Object.fromEntries(priorDev.map((d) => [`${d.jeugdigeId}:${d.gebied}`, d.tekst])),
  );
  const [devSource, setDevSource] = useState<Record<string, string>>(
    Object.fromEntries(priorDev.map((d) => [d.jeugdigeId, d.bron])),
  );
  const [sections, setSections] = useState<Record<string, Sourced>>(
    Object.fromEntries(
      SOURCED_SECTIONS.map(([key]) => [
        key,
        (prior[key] as Sourced | undefined) ?? { tekst: '', bron: 'ouder' },
      ]),
    ),
  );
  const [question, setQuestion] = useState(String(prior['vraagAchterDeVraag'] ?? ''));
  const [domains, setDomains] = useState<string[]>((prior['leefgebieden'] as string[]) ?? []);
  const [supports, setSupports] = useState(
    prior['gezinStaatAchterHulp'] === undefined ? '' : String(prior['gezinStaatAchterHulp']),
  );
  const [canCoordinate, setCanCoordinate] = useState(
    prior['gezinKanRegieVoeren'] === undefined ? '' : String(prior['gezinKanRegieVoeren']),
  );
  const [signals, setSignals] = useState<string[]>((prior['coSignalen'] as string[]) ?? []);
  const [network, setNetwork] = useState(
    (prior['netwerk'] as { naam: string; relatie: string; kanBijdragen: string }[]) ?? [],
  );
  const [history, setHistory] = useState(
    (prior['geschiedenis'] as {
      periode: string;
      wat: string;
      doel?: string;
      resultaat?: string;
    }[]) ?? [],
  );
  const s = useSubmission('Vastleggen lukte niet. Probeer het opnieuw.', 'vraaganalyse');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (supports === '') found.gezinStaatAchterHulp = 'kies ja of nee';
    if (canCoordinate === '') found.gezinKanRegieVoeren = 'kies ja of nee';
    await s.run(found, async () => {
      const ontwikkeling = children.flatMap((child) =>
        DEVELOPMENT_AREAS.flatMap(([area]) => {
          const tekst = (development[`${child.id}:${area}`] ?? '').trim();
          return tekst
            ? [{ jeugdigeId: child.id, gebied: area, tekst, bron: devSource[child.id] ?? 'ouder' }]
            : [];
        }),
      );
      const saved = await lock.post(`/casussen/${casus.id}/vraaganalyse`, {
        ontwikkeling,
        ...Object.fromEntries(
          Object.entries(sections)
            .filter(([, v]) => v.tekst.trim())
            .map(([k, v]) => [k, { tekst: v.tekst.trim(), bron: v.bron }]),
        ),
        netwerk: network.filter((n) => n.naam.trim()),
        geschiedenis: history.filter((h) => h.wat.trim()),
        ...(question.trim() ? { vraagAchterDeVraag: question.trim() } : {}),
        leefgebieden: domains,
        gezinStaatAchterHulp: supports === 'true',
        gezinKanRegieVoeren: canCoordinate === 'true',
        coSignalen: signals,
      });
      if (!saved) return null;
      await refresh();
      return 'De vraaganalyse is vastgelegd (nieuwe versie).';
    });
  }

  return (
    <section aria-labelledby="kop-vraaganalyse">
      <Heading level={2} id="kop-vraaganalyse">
        Vraaganalyse
      </Heading>
      <Recorded latest={latest} />
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) =>
          ({
            gezinStaatAchterHulp: 'Staat het gezin achter de hulp',
            gezinKanRegieVoeren: 'Kan het gezin de regie voeren',
          })[p] ?? p
        }
      />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      {lock.alert}
      <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
        {children.map((child) => (
          <Fieldset key={child.id} legend={`Ontwikkeling van ${child.naam}`}>
            {DEVELOPMENT_AREAS.map(([area, label]) => (
              <FormField key={area} label={label}>
                {(w) => (
                  <Textarea
                    {...w}
                    rows={2}
                    value={development[`${child.id}:${area}`] ?? ''}
                    onChange={(e) =>
                      setDevelopment({ ...development, [`${child.id}:${area}`]: e.target.value })
                    }
                  />
                )}
              </FormField>
            ))}
            <FormField label="Bron van deze informatie" required>
              {(w) => (
                <Select
                  {...w}
                  value={devSource[child.id] ?? 'ouder'}
                  onChange={(e) => setDevSource({ ...devSource, [child.id]: e.target.value })}
                >
                  {INFORMATION_SOURCES.map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          </Fieldset>
        ))}
        {SOURCED_SECTIONS.map(([key, label]) => (
          <div key={key} className="naast-elkaar">
            <FormField label={label}>
              {(w) => (
                <Textarea
                  {...w}
                  rows={2}
                  value={sections[key]?.tekst ?? ''}
                  onChange={(e) =>
                    setSections({
                      ...sections,
                      [key]: { bron: sections[key]?.bron ?? 'ouder', tekst: e.target.value },
                    })
                  }
                />
              )}
            </FormField>
            <FormField label={`Bron: ${label.toLowerCase()}`} required>
              {(w) => (
                <Select
                  {...w}
                  value={sections[key]?.bron ?? 'ouder'}
                  onChange={(e) =>
                    setSections({
                      ...sections,
                      [key]: { tekst: sections[key]?.tekst ?? '', bron: e.target.value },
                    })
                  }
                >
                  {INFORMATION_SOURCES.map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          </div>
        ))}
        <Fieldset legend="Netwerk: wie is wie en wat kan diegene doen">
          {network.map((n, i) => (
            <div key={`n${i}`} className="naast-elkaar">
              {(['naam', 'relatie', 'kanBijdragen'] as const).map((k) => (
                <FormField
                  key={k}
                  label={`${{ naam: 'Naam', relatie: 'Relatie', kanBijdragen: 'Kan bijdragen' }[k]} (persoon ${i + 1})`}
                >
                  {(w) => (
                    <Textbox
                      {...w}
                      value={n[k]}
                      onChange={(e) =>
                        setNetwork(
                          network.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)),
                        )
                      }
                    />
                  )}
                </FormField>
              ))}
            </div>
          ))}
          <Button
            onClick={() => setNetwork([...network, { naam: '', relatie: '', kanBijdragen: '' }])}
          >
            Persoon uit het netwerk toevoegen
          </Button>
        </Fieldset>
        <Fieldset legend="Geschiedenis en eerdere hulp">
          {history.map((h, i) => (
            <div key={`h${i}`} className="naast-elkaar">
              {(['periode', 'wat', 'doel', 'resultaat'] as const).map((k) => (
                <FormField
                  key={k}
                  label={`${{ periode: 'Periode', wat: 'Wat', doel: 'Doel', resultaat: 'Resultaat' }[k]} (${i + 1})`}
                >
                  {(w) => (
                    <Textbox
                      {...w}
                      value={h[k] ?? ''}
                      onChange={(e) =>
                        setHistory(
                          history.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)),
                        )
                      }
                    />
                  )}
                </FormField>
              ))}
            </div>
          ))}
          <Button onClick={() => setHistory([...history, { periode: '', wat: '' }])}>
            Gebeurtenis of eerdere hulp toevoegen
          </Button>
        </Fieldset>
        <FormField label="De vraag achter de vraag">
          {(w) => (
            <Textarea
              {...w}
              rows={2}
              value={question}
              onChange={(e) => setQuestion(e.target.value)}
            />
          )}
        </FormField>
        <ChoiceGroup
          legend="Leefgebieden waar een vraag ligt"
          type="checkbox"
          name="vraaganalyse.leefgebieden"
          options={Object.entries(RESULT_AREA_LABELS)}
          selected={domains}
          onChange={setDomains}
        />
        <ChoiceGroup
          legend="Staat het gezin achter de hulp die nodig is?"
          type="radio"
          name="vraaganalyse.gezinStaatAchterHulp"
          options={YES_NO}
          selected={[supports]}
          onChange={(v) => setSupports(v[0] ?? '')}
          error={s.errors['gezinStaatAchterHulp']}
        />
        <ChoiceGroup
          legend="Kan het gezin de casusregie zelf voeren?"
          type="radio"
          name="vraaganalyse.gezinKanRegieVoeren"
          options={YES_NO}
          selected={[canCoordinate]}
          onChange={(v) => setCanCoordinate(v[0] ?? '')}
          error={s.errors['gezinKanRegieVoeren']}
        />
        <ChoiceGroup
          legend="Signalen die om weging in het casuïstiekoverleg vragen"
          description="ZTM-DEC-CO-SIGNALS: elk van deze signalen vraagt om een casuïstiekoverleg"
          type="checkbox"
          name="vraaganalyse.coSignalen"
          options={CO_SIGNAL_LABELS}
          selected={signals}
          onChange={setSignals}
        />
        <Button type="submit" appearance="primary-action" disabled={s.busy}>
          Vraaganalyse vastleggen
        </Button>
      </form>
    </section>
  );
}

function RiskAssessment({
  caseId,
  latest,
  onReloaded,
}: {
  caseId: string;
  latest: AssessmentView | undefined;
} & Locked) {
  const refresh = useRefresh(caseId);
  const lock = useSectionLock(caseId, latest, onReloaded);
  const navigate = useNavigate();
  const [outcome, setOutcome] = useState(String(latest?.inhoud['uitkomst'] ?? ''));
  const [instrument, setInstrument] = useState(String(latest?.inhoud['instrument'] ?? ''));
  const [note, setNote] = useState('');
  const s = useSubmission('Vastleggen lukte niet. Probeer het opnieuw.', 'risicotaxatie');
  const [problem, setProblem] = useState<string | null>(null);
  const unsafe = latest?.inhoud['uitkomst'] === 'onveilig';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!outcome) found.uitkomst = 'kies de uitkomst';
    if (!instrument.trim()) found.instrument = 'noem het instrument of de methode';
    if (!note.trim()) found.toelichting = 'licht de uitkomst toe';
    await s.run(found, async () => {
      const saved = await lock.post(`/casussen/${caseId}/risicotaxatie`, {
        uitkomst: outcome,
        instrument: instrument.trim(),
        toelichting: note.trim(),
      });
      if (!saved) return null;
      await refresh();
      return 'De risicotaxatie is vastgelegd.';
    });
  }

  async function startSafetyPlan() {
    setProblem(null);
    try {
      const { id } = await api<{ id: string }>('POST', `/casussen/${caseId}/plannen`, {
        soort: 'veiligheidsplan',
        ingangsdatum: new Date().toISOString().slice(0, 10),
      });
      await navigate(`/plannen/${id}`);
    } catch (error) {
      setProblem(
        error instanceof ApiFailure ? error.message : 'Het veiligheidsplan beginnen lukte niet.',
      );
    }
  }

  return (
    <section aria-labelledby="kop-risicotaxatie">
      <Heading level={2} id="kop-risicotaxatie">
        Risicotaxatie
      </Heading>
      <Recorded latest={latest} />
      {unsafe && (
        <Alert type="warning">
          De risicotaxatie zegt onveilig: maak een veiligheidsplan met bodemeisen en wie wat doet.{' '}
          <Button onClick={() => void startSafetyPlan()}>Veiligheidsplan maken</Button>
        </Alert>
      )}
      {problem && <Alert type="error">{problem}</Alert>}
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={(p) => p} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      {lock.alert}
      <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
        <ChoiceGroup
          legend="Uitkomst"
          type="radio"
          name="risicotaxatie.uitkomst"
          options={Object.entries(RISK_OUTCOMES)}
          selected={[outcome]}
          onChange={(v) => setOutcome(v[0] ?? '')}
          error={s.errors['uitkomst']}
        />
        <FormField label="Instrument of methode" {...s.field('instrument')} required>
          {(w) => (
            <Textbox {...w} value={instrument} onChange={(e) => setInstrument(e.target.value)} />
          )}
        </FormField>
        <FormField label="Toelichting bij de risicotaxatie" {...s.field('toelichting')} required>
          {(w) => (
            <Textarea {...w} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </FormField>
        <Button type="submit" appearance="primary-action" disabled={s.busy}>
          Risicotaxatie vastleggen
        </Button>
      </form>
    </section>
  );
}

function Criteria({
  caseId,
  latest,
  onReloaded,
}: { caseId: string; latest: AssessmentView | undefined } & Locked) {
  const refresh = useRefresh(caseId);
  const lock = useSectionLock(caseId, latest, onReloaded);
  const prior = latest?.inhoud ?? {};
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(
      REGIE_CRITERIA.map((c) => [c.key, String(prior[c.key] ?? c.options[0]?.[0] ?? '')]),
    ),
  );
  const [stacking, setStacking] = useState(String(prior['stapeling'] ?? 'false'));
  const [providers, setProviders] = useState(String(prior['aanbieders'] ?? '1'));
  const s = useSubmission('Vastleggen lukte niet. Probeer het opnieuw.', 'criteria');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const count = Number(providers);
    const found: FieldErrors = {};
    if (!Number.isInteger(count) || count < 0 || count > 20)
      found.aanbieders = 'vul een aantal van 0 tot 20 in';
    await s.run(found, async () => {
      const saved = await lock.post(`/casussen/${caseId}/regiecriteria`, {
        ...values,
        stapeling: stacking === 'true',
        aanbieders: count,
      });
      if (!saved) return null;
      await refresh();
      return 'De criteria zijn vastgelegd; het voorstel voor de zwaarte is bijgewerkt.';
    });
  }

  return (
    <section aria-labelledby="kop-criteria">
      <Heading level={2} id="kop-criteria">
        Zwaarte van de regie: criteria
      </Heading>
      <Paragraph>
        De zwaarte is altijd opnieuw te beoordelen; eerdere beoordelingen blijven bewaard.
      </Paragraph>
      <Recorded latest={latest} />
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={(p) => p} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      {lock.alert}
      <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
        {REGIE_CRITERIA.map((c) => (
          <FormField key={c.key} label={c.label} required>
            {(w) => (
              <Select
                {...w}
                value={values[c.key]}
                onChange={(e) => setValues({ ...values, [c.key]: e.target.value })}
              >
                {c.options.map(([v, l]) => (
                  <option key={v} value={v}>
                    {l}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        ))}
        <ChoiceGroup
          legend="Stapeling van problemen of hulp"
          type="radio"
          name="criteria.stapeling"
          options={YES_NO}
          selected={[stacking]}
          onChange={(v) => setStacking(v[0] ?? 'false')}
        />
        <FormField label="Aantal betrokken aanbieders" {...s.field('aanbieders')} required>
          {(w) => (
            <Textbox
              {...w}
              inputMode="numeric"
              value={providers}
              onChange={(e) => setProviders(e.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" appearance="primary-action" disabled={s.busy}>
          Criteria vastleggen
        </Button>
      </form>
    </section>
  );
}

function Triage({ caseId }: { caseId: string }) {
  const refresh = useRefresh(caseId);
  const triage = useQuery({
    queryKey: ['triage', caseId],
    queryFn: () => api<TriageView>('GET', `/casussen/${caseId}/triage`),
  });
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [motivation, setMotivation] = useState('');
  const s = useSubmission('Vastleggen lukte niet. Probeer het opnieuw.', 'triage');
  if (!triage.data) return null;
  const proposals = triage.data.voorstellen;
  const value = (field: string) =>
    choices[field] ?? proposals.find((p) => p.veld === field)?.uitkomst ?? '';
  const deviating = proposals.filter(
    (p) => p.uitkomst !== 'ter-beoordeling' && value(p.veld) !== p.uitkomst,
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    await s.run({}, async () => {
      await api('POST', `/casussen/${caseId}/triage`, {
        domein: value('domein'),
        complexiteit: value('complexiteit'),
        casusregie: value('casusregie'),
        gewicht: value('gewicht'),
        motivatie: motivation.trim(),
      });
      await refresh();
      setChoices({});
      setMotivation('');
      return 'Het triagebesluit is vastgelegd.';
    });
  }

  const decisions = triage.data.besluiten;
  return (
    <section aria-labelledby="kop-triage">
      <Heading level={2} id="kop-triage">
        Triage
      </Heading>
      <Paragraph>
        Zo doen we het, tenzij: wijkt u af van een voorstel, leg dan uit waarom.
      </Paragraph>
      {proposals.map((p) => (
        <div key={p.veld} className="voorstel">
          <p className="utrecht-paragraph">
            <strong>{TRIAGE_FIELD_LABELS[p.veld]}</strong>: voorstel{' '}
            <strong>{TRIAGE_OUTCOME_LABELS[p.veld]?.[p.uitkomst] ?? p.uitkomst}</strong> (
            <RuleLink id={p.regel} />, bron {p.bron})
          </p>
          <ul className="utrecht-unordered-list redenen">
            {p.redenen.map((r) => (
              <li key={r} className="utrecht-unordered-list__item">
                {r}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => TRIAGE_FIELD_LABELS[p] ?? p}
      />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
        {Object.keys(TRIAGE_OUTCOME_LABELS).map((field) => (
          <FormField
            key={field}
            label={TRIAGE_FIELD_LABELS[field] ?? field}
            {...s.field(field)}
            required
          >
            {(w) => (
              <Select
                {...w}
                value={value(field)}
                onChange={(e) => setChoices({ ...choices, [field]: e.target.value })}
              >
                {Object.entries(TRIAGE_OUTCOME_LABELS[field] ?? {}).map(([v, l]) => (
                  <option key={v} value={v}>
                    {l}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        ))}
        <FormField
          label="Motivatie"
          description={
            deviating.length > 0
              ? `U wijkt af van ${deviating.map((d) => d.regel).join(', ')}: leg uit waarom.`
              : 'Alleen nodig als u afwijkt van een voorstel.'
          }
          {...s.field('motivatie')}
          required={deviating.length > 0}
        >
          {(w) => (
            <Textarea
              {...w}
              rows={2}
              value={motivation}
              onChange={(e) => setMotivation(e.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" appearance="primary-action" disabled={s.busy}>
          Triagebesluit vastleggen
        </Button>
      </form>
      {decisions.length > 0 && (
        <>
          <Heading level={3}>Eerdere besluiten</Heading>
          <ol className="tijdlijn" reversed>
            {[...decisions].reverse().map((d) => (
              <li key={d.id}>
                {formatDateTime(d.op)} ({d.door}):{' '}
                {Object.keys(TRIAGE_OUTCOME_LABELS)
                  .map(
                    (f) => TRIAGE_OUTCOME_LABELS[f]?.[String(d.inhoud[f])] ?? String(d.inhoud[f]),
                  )
                  .join(', ')}
                {d.inhoud['motivatie'] ? ` – ${String(d.inhoud['motivatie'])}` : ''}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
