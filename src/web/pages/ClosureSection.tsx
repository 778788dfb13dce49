/**
 * "Afsluiting" on the case page (DOMAIN.md section 4 step 3): the casusregisseur's draft (reason,
 * final evaluation, aftercare, waakvlamcontact, re-assessment of family casusregie, 18-/18+
 * transition), each part saved on its own; the checklist of what closing needs, every point with
 * its rule and "geldt in elke regio"; the provider's closing report for provider staff; and, once
 * closed, the date and the reason. The server checks the same conditions and refuses with them.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type {
  ClosureReason,
  FamilyRegieAnswer,
  FollowUpLaw,
  OverallResult,
  SafetyAnswer,
} from '../../domain/closure/closure.js';
import { api, ApiFailure, type CaseView } from '../api.js';
import { useRevisionLock } from '../stale-write.js';
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

interface Draft {
  reden: ClosureReason | null;
  eindevaluatie: {
    datum: string;
    resultaat: OverallResult;
    samenvatting: string;
    veiligheidHersteld: SafetyAnswer;
  } | null;
  nazorg:
    | { nodig: true; afspraken: { wie: string; wat: string; wanneer: string }[] }
    | { nodig: false; reden: string }
    | null;
  waakvlam:
    | { nodig: true; wie: string; hoeVaak: string; tot: string }
    | { nodig: false; reden: string }
    | null;
  herbeoordeling: { gezinKanRegie: FamilyRegieAnswer; toelichting: string } | null;
  overgang18: { jeugdigeId: string; wat: string; wet: FollowUpLaw; toelichting: string }[];
}
interface Report {
  id: string;
  aanbiederId: string;
  aanbieder: string;
  toestemmingGezin: boolean;
  gegevenDoor: string;
  gegevenOp: string;
  inhoud: {
    resultaten: string;
    afspraken: string;
    waakvlam: { advies: 'nodig' | 'niet-nodig'; toelichting: string };
  } | null;
}
interface Closure {
  concept: Draft;
  /** The draft's revision, the basis of a save (ADR 0028). */
  revisie: number;
  afgeslotenOp: string | null;
  afgeslotenDoor: string | null;
  voorwaarden: { sleutel: string; omschrijving: string; regel: string; voldaan: boolean }[];
  problemen: { voorwaarde: string; pad: string; melding: string; regel: string }[];
  herinneringen: { pad: string; melding: string; regel: string }[];
  jeugdigen: { id: string; naam: string; geboortedatum: string | null; overgangNodig: boolean }[];
  eindverslagen: Report[];
  magBewerken: boolean;
  magEindverslagGeven: boolean;
}

const REASONS: [ClosureReason, string][] = [
  ['doelen-bereikt', 'Doelen bereikt'],
  ['geen-hulpvraag', 'Geen hulpvraag meer'],
  ['gestopt-door-gezin', 'Gestopt door het gezin'],
  ['gestopt-door-aanbieder', 'Gestopt door de aanbieder (na de beëindigingsprocedure)'],
  ['niet-meer-jeugdwet', 'Valt niet meer onder de Jeugdwet (18+)'],
  ['einde-maatregel', 'Einde van de jeugdbeschermingsmaatregel'],
];
const RESULTS: [OverallResult, string][] = [
  ['behaald', 'Behaald'],
  ['deels', 'Deels behaald'],
  ['niet-behaald', 'Niet behaald'],
];
const SAFETY: [SafetyAnswer, string][] = [
  ['ja', 'Ja'],
  ['nee', 'Nee'],
  ['niet-van-toepassing', 'Niet van toepassing'],
];
const FAMILY: [FamilyRegieAnswer, string][] = [
  ['ja', 'Ja'],
  ['deels', 'Deels'],
  ['nee', 'Nee'],
];
const LAWS: [FollowUpLaw, string][] = [
  ['wmo', 'Wmo'],
  ['wlz', 'Wlz'],
  ['zvw', 'Zorgverzekeringswet'],
  ['participatiewet', 'Participatiewet'],
  ['onderwijs', 'Onderwijs'],
  ['geen', 'Niets loopt door'],
];
const labelFrom = (list: readonly (readonly [string, string])[], key: string | null | undefined) =>
  list.find(([k]) => k === key)?.[1] ?? '';

const LABELS: Record<string, string> = {
  reden: 'Reden van afsluiten',
  eindevaluatie: 'Eindevaluatie',
  'eindevaluatie.datum': 'Datum van de eindevaluatie',
  'eindevaluatie.resultaat': 'Resultaat',
  'eindevaluatie.samenvatting': 'Samenvatting',
  'eindevaluatie.veiligheidHersteld': 'Veiligheid voldoende hersteld',
  nazorg: 'Nazorg',
  'nazorg.afspraken': 'Nazorgafspraken',
  'nazorg.reden': 'Waarom geen nazorg nodig is',
  waakvlam: 'Waakvlamcontact',
  'waakvlam.wie': 'Wie houdt het contact',
  'waakvlam.hoeVaak': 'Hoe vaak',
  'waakvlam.tot': 'Tot wanneer',
  'waakvlam.reden': 'Waarom geen waakvlamcontact nodig is',
  herbeoordeling: 'Casusregie door het gezin',
  'herbeoordeling.gezinKanRegie': 'Kan het gezin de casusregie zelf voeren',
  'herbeoordeling.toelichting': 'Toelichting',
  toewijzingen: 'Lopende zorg',
  eindverslagen: 'Eindverslag van de aanbieder',
  overgang18: 'Overgang 18-/18+',
  maatregel: 'Einde van de maatregel',
  resultaten: 'Behaalde resultaten',
  afspraken: 'Afspraken over afschaling en nazorg',
  'waakvlam.advies': 'Is een waakvlamcontact nodig',
  'waakvlam.toelichting': 'Toelichting op het waakvlamcontact',
};
function labelOf(path: string): string {
  const agreement = /^nazorg\.afspraken\.(\d+)\.(wie|wat|wanneer)$/.exec(path);
  if (agreement) return `Nazorgafspraak ${Number(agreement[1]) + 1}, ${agreement[2]}`;
  const transition = /^overgang18\.(\d+)\.(\w+)$/.exec(path);
  if (transition) return `Overgang 18-/18+ (${Number(transition[1]) + 1}), ${transition[2]}`;
  return LABELS[path] ?? LABELS[path.split('.')[0] ?? ''] ?? path;
}

const EVERY_REGION = 'geldt in elke regio';

function useRefresh(caseId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['afsluiting', caseId] }),
      client.invalidateQueries({ queryKey: ['casus', caseId] }),
    ]);
}

export function ClosureSection({ casus }: { casus: CaseView }) {
  const data = useQuery({
    queryKey: ['afsluiting', casus.id],
    queryFn: () => api<Closure>('GET', `/casussen/${casus.id}/afsluiting`),
  });
  if (!data.data) return null;
  const c = data.data;
  return (
    <section aria-labelledby="kop-afsluiting">
      <Heading level={2} id="kop-afsluiting">
        Afsluiting
      </Heading>
      {c.afgeslotenOp ? (
        <Closed c={c} />
      ) : (
        <>
          <Paragraph>
            Een casus wordt pas afgesloten als het eindresultaat beoordeeld is, duidelijk is wat er
            daarna gebeurt en alle zorg is beëindigd. Deze voorwaarden gelden in elke regio.
          </Paragraph>
          <Checklist c={c} />
          {c.magBewerken && <DraftForms casus={casus} c={c} />}
          {c.magBewerken && <CloseForm casus={casus} c={c} />}
        </>
      )}
      <Reports c={c} />
      {c.magEindverslagGeven && <ReportForm casus={casus} c={c} />}
    </section>
  );
}

function Closed({ c }: { c: Closure }) {
  const d = c.concept;
  return (
    <>
      <Alert type="ok">
        <Paragraph>
          Afgesloten op {formatDateTime(c.afgeslotenOp)}
          {c.afgeslotenDoor ? ` door ${c.afgeslotenDoor}` : ''}.
          {d.reden ? ` Reden: ${labelFrom(REASONS, d.reden).toLowerCase()}.` : ''}
        </Paragraph>
      </Alert>
      {d.reden && (
        <DataList
          items={[
            [
              'Eindevaluatie',
              d.eindevaluatie
                ? `${formatDate(d.eindevaluatie.datum)}: ${labelFrom(RESULTS, d.eindevaluatie.resultaat).toLowerCase()}. ${d.eindevaluatie.samenvatting}`
                : '',
            ],
            [
              'Nazorg',
              d.nazorg
                ? d.nazorg.nodig
                  ? d.nazorg.afspraken
                      .map((a) => `${a.wie}: ${a.wat} (${formatDate(a.wanneer)})`)
                      .join('; ')
                  : `Geen nazorg nodig: ${d.nazorg.reden}`
                : '',
            ],
            [
              'Waakvlamcontact',
              d.waakvlam
                ? d.waakvlam.nodig
                  ? `${d.waakvlam.wie}, ${d.waakvlam.hoeVaak}, tot ${formatDate(d.waakvlam.tot)}`
                  : `Niet nodig: ${d.waakvlam.reden}`
                : '',
            ],
            [
              'Casusregie door het gezin',
              d.herbeoordeling
                ? `${labelFrom(FAMILY, d.herbeoordeling.gezinKanRegie)}: ${d.herbeoordeling.toelichting}`
                : '',
            ],
          ]}
        />
      )}
    </>
  );
}

function Checklist({ c }: { c: Closure }) {
  return (
    <>
      <Heading level={3}>Voorwaarden om af te sluiten</Heading>
      <ul className="utrecht-unordered-list">
        {c.voorwaarden.map((v) => (
          <li key={v.sleutel} className="utrecht-unordered-list__item">
            <StatusBadge status={v.voldaan ? 'safe' : 'warning'}>
              {v.voldaan ? 'voldaan' : 'nog niet voldaan'}
            </StatusBadge>{' '}
            {v.omschrijving} (<RuleLink id={v.regel} />, {EVERY_REGION})
            {!v.voldaan && (
              <ul className="utrecht-unordered-list">
                {c.problemen
                  .filter((p) => p.voorwaarde === v.sleutel)
                  .map((p) => (
                    <li key={p.pad} className="utrecht-unordered-list__item">
                      {p.melding}
                    </li>
                  ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {c.herinneringen.length > 0 && (
        <Alert type="info">
          <Paragraph>Herinnering (geen voorwaarde om af te sluiten):</Paragraph>
          <ul className="utrecht-unordered-list">
            {c.herinneringen.map((h) => (
              <li key={h.pad} className="utrecht-unordered-list__item">
                {h.melding} (<RuleLink id={h.regel} />, {EVERY_REGION})
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}

/** What every part shares: the case, and the draft's revision its form started from. */
interface PartLock {
  caseId: string;
  revision: number;
}

/**
 * One draft part: a form that saves its own section of the draft. It sends the revision its
 * text is based on (ADR 0028); when someone else changed this section meanwhile, the save is
 * refused, the user's text stays and "Nieuwste versie laden" puts the newest text of this
 * section in (`reset`), leaving what the user typed in the other sections alone.
 */
function Part({
  title,
  scope,
  children,
  build,
  caseId,
  revision,
  reset,
  rule,
}: PartLock & {
  /** Puts this section's fields back to what the newest draft holds. */
  reset: (newest: Closure) => void;
  title: string;
  scope: string;
  rule: string;
  children: (field: ReturnType<typeof useSubmission>['field']) => ReactNode;
  /** The body to send, or the problems found in the browser. */
  build: () => { body: Partial<Draft> } | { errors: FieldErrors };
}) {
  const refresh = useRefresh(caseId);
  const s = useSubmission(`${title} opslaan lukte niet. Probeer het opnieuw.`, scope);
  const client = useQueryClient();
  const lock = useRevisionLock(
    revision,
    async () => {
      await refresh();
      const newest = client.getQueryData<Closure>(['afsluiting', caseId]);
      if (!newest) return undefined;
      reset(newest);
      return newest.revisie;
    },
    () => undefined,
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    const built = build();
    await s.run('errors' in built ? built.errors : {}, async () => {
      if (!('body' in built)) return null;
      if (!(await lock.save('PATCH', `/casussen/${caseId}/afsluiting`, built.body))) return null;
      await refresh();
      return `${title}: opgeslagen.`;
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={4}>{title}</Heading>
      <Paragraph>
        Regel: <RuleLink id={rule} /> ({EVERY_REGION})
      </Paragraph>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {lock.alert}
      {s.done && <Alert type="ok">{s.done}</Alert>}
      {children(s.field)}
      <Button type="submit" disabled={s.busy}>
        {title} opslaan
      </Button>
    </form>
  );
}

const isoOr = (text: string, path: string, errors: FieldErrors) => {
  const iso = parseDutchDate(text);
  if (!iso) errors[path] = 'vul een datum in als dd-mm-jjjj';
  return iso ?? '';
};
const result = (body: Partial<Draft>, errors: FieldErrors) =>
  Object.keys(errors).length > 0 ? { errors } : { body };

/** The form fields of every draft part, as a closure's draft fills them. */
function fieldsOf(c: Closure) {
  const d = c.concept;
  return {
    reden: d.reden ?? '',
    evDatum: d.eindevaluatie ? formatDate(d.eindevaluatie.datum) : '',
    evResultaat: d.eindevaluatie?.resultaat ?? '',
    evSamenvatting: d.eindevaluatie?.samenvatting ?? '',
    evVeilig: d.eindevaluatie?.veiligheidHersteld ?? '',
    nazorgNodig: d.nazorg ? (d.nazorg.nodig ? 'ja' : 'nee') : '',
    afspraken: d.nazorg?.nodig
      ? d.nazorg.afspraken.map((a) => ({ ...a, wanneer: formatDate(a.wanneer) }))
      : [{ wie: '', wat: '', wanneer: '' }],
    nazorgReden: d.nazorg && !d.nazorg.nodig ? d.nazorg.reden : '',
    wvNodig: d.waakvlam ? (d.waakvlam.nodig ? 'ja' : 'nee') : '',
    wvWie: d.waakvlam?.nodig ? d.waakvlam.wie : '',
    wvHoeVaak: d.waakvlam?.nodig ? d.waakvlam.hoeVaak : '',
    wvTot: d.waakvlam?.nodig ? formatDate(d.waakvlam.tot) : '',
    wvReden: d.waakvlam && !d.waakvlam.nodig ? d.waakvlam.reden : '',
    regie: d.herbeoordeling?.gezinKanRegie ?? '',
    regieToelichting: d.herbeoordeling?.toelichting ?? '',
    overgang: c.jeugdigen
      .filter((j) => j.overgangNodig || d.overgang18.some((t) => t.jeugdigeId === j.id))
      .map((j) => {
        const t = d.overgang18.find((x) => x.jeugdigeId === j.id);
        return {
          jeugdigeId: j.id,
          wat: t?.wat ?? '',
          wet: t?.wet ?? '',
          toelichting: t?.toelichting ?? '',
        };
      }),
  };
}

function DraftForms({ casus, c }: { casus: CaseView; c: Closure }) {
  const lock: PartLock = { caseId: casus.id, revision: c.revisie };
  const [start] = useState(() => fieldsOf(c));
  const [reden, setReden] = useState<string>(start.reden);
  const [evDatum, setEvDatum] = useState(start.evDatum);
  const [evResultaat, setEvResultaat] = useState<string>(start.evResultaat);
  const [evSamenvatting, setEvSamenvatting] = useState(start.evSamenvatting);
  const [evVeilig, setEvVeilig] = useState<string>(start.evVeilig);
  const [nazorgNodig, setNazorgNodig] = useState<string>(start.nazorgNodig);
  const [afspraken, setAfspraken] = useState(start.afspraken);
  const [nazorgReden, setNazorgReden] = useState(start.nazorgReden);
  const [wvNodig, setWvNodig] = useState<string>(start.wvNodig);
  const [wvWie, setWvWie] = useState(start.wvWie);
  const [wvHoeVaak, setWvHoeVaak] = useState(start.wvHoeVaak);
  const [wvTot, setWvTot] = useState(start.wvTot);
  const [wvReden, setWvReden] = useState(start.wvReden);
  const [regie, setRegie] = useState<string>(start.regie);
  const [regieToelichting, setRegieToelichting] = useState(start.regieToelichting);
  const [overgang, setOvergang] = useState(start.overgang);
  /** Each part's "Nieuwste versie laden": its own fields from the newest draft. */
  const resets = {
    reden: (n: Closure) => setReden(fieldsOf(n).reden),
    eindevaluatie: (n: Closure) => {
      const f = fieldsOf(n);
      setEvDatum(f.evDatum);
      setEvResultaat(f.evResultaat);
      setEvSamenvatting(f.evSamenvatting);
      setEvVeilig(f.evVeilig);
    },
    nazorg: (n: Closure) => {
      const f = fieldsOf(n);
      setNazorgNodig(f.nazorgNodig);
      setAfspraken(f.afspraken);
      setNazorgReden(f.nazorgReden);
    },
    waakvlam: (n: Closure) => {
      const f = fieldsOf(n);
      setWvNodig(f.wvNodig);
      setWvWie(f.wvWie);
      setWvHoeVaak(f.wvHoeVaak);
      setWvTot(f.wvTot);
      setWvReden(f.wvReden);
    },
    herbeoordeling: (n: Closure) => {
      const f = fieldsOf(n);
      setRegie(f.regie);
      setRegieToelichting(f.regieToelichting);
    },
    overgang: (n: Closure) => setOvergang(fieldsOf(n).overgang),
  };

  return (
    <>
      <Heading level={3}>Vastleggen voor de afsluiting</Heading>
      <Part
        title="Reden"
        reset={resets.reden}
        scope="afsluiting-reden"
        rule="ZOU-DEC-ENDING"
        {...lock}
        build={() => {
          const errors: FieldErrors = {};
          if (!reden) errors['reden'] = 'kies een reden';
          return result({ reden: reden as ClosureReason }, errors);
        }}
      >
        {(field) => (
          <ChoiceGroup
            legend="Reden van afsluiten"
            type="radio"
            name="afsluiting-reden.reden"
            options={REASONS}
            selected={reden ? [reden] : []}
            onChange={(v) => setReden(v[0] ?? '')}
            error={field('reden').error}
          />
        )}
      </Part>

      <Part
        title="Eindevaluatie"
        reset={resets.eindevaluatie}
        scope="afsluiting-eindevaluatie"
        rule="LEK-DEC-WAAKVLAM"
        {...lock}
        build={() => {
          const errors: FieldErrors = {};
          const datum = isoOr(evDatum, 'eindevaluatie.datum', errors);
          if (!evResultaat) errors['eindevaluatie.resultaat'] = 'kies het resultaat';
          if (!evSamenvatting.trim()) errors['eindevaluatie.samenvatting'] = 'vat de hulp samen';
          if (!evVeilig) errors['eindevaluatie.veiligheidHersteld'] = 'kies een antwoord';
          return result(
            {
              eindevaluatie: {
                datum,
                resultaat: evResultaat as OverallResult,
                samenvatting: evSamenvatting,
                veiligheidHersteld: evVeilig as SafetyAnswer,
              },
            },
            errors,
          );
        }}
      >
        {(field) => (
          <>
            <DateField
              label="Datum van de eindevaluatie"
              value={evDatum}
              onChange={setEvDatum}
              {...field('eindevaluatie.datum')}
            />
            <ChoiceGroup
              legend="Resultaat"
              type="radio"
              name="afsluiting-eindevaluatie.eindevaluatie.resultaat"
              options={RESULTS}
              selected={evResultaat ? [evResultaat] : []}
              onChange={(v) => setEvResultaat(v[0] ?? '')}
              error={field('eindevaluatie.resultaat').error}
            />
            <FormField label="Samenvatting" {...field('eindevaluatie.samenvatting')} required>
              {(w) => (
                <Textarea
                  {...w}
                  value={evSamenvatting}
                  onChange={(e) => setEvSamenvatting(e.target.value)}
                />
              )}
            </FormField>
            <ChoiceGroup
              legend="Is de veiligheid voldoende hersteld?"
              type="radio"
              name="afsluiting-eindevaluatie.eindevaluatie.veiligheidHersteld"
              options={SAFETY}
              selected={evVeilig ? [evVeilig] : []}
              onChange={(v) => setEvVeilig(v[0] ?? '')}
              error={field('eindevaluatie.veiligheidHersteld').error}
            />
          </>
        )}
      </Part>

      <Part
        title="Nazorg"
        reset={resets.nazorg}
        scope="afsluiting-nazorg"
        rule="ZOU-DEC-ENDING"
        {...lock}
        build={() => {
          const errors: FieldErrors = {};
          if (!nazorgNodig) errors['nazorg'] = 'kies of nazorg nodig is';
          if (nazorgNodig === 'nee')
            return result({ nazorg: { nodig: false, reden: nazorgReden } }, errors);
          const list = afspraken.map((a, i) => ({
            wie: a.wie,
            wat: a.wat,
            wanneer: isoOr(a.wanneer, `nazorg.afspraken.${i}.wanneer`, errors),
          }));
          return result({ nazorg: { nodig: true, afspraken: list } }, errors);
        }}
      >
        {(field) => (
          <>
            <ChoiceGroup
              legend="Is nazorg nodig?"
              type="radio"
              name="afsluiting-nazorg.nazorg"
              options={[
                ['ja', 'Ja, met afspraken: wie doet wat en wanneer'],
                ['nee', 'Geen nazorg nodig'],
              ]}
              selected={nazorgNodig ? [nazorgNodig] : []}
              onChange={(v) => setNazorgNodig(v[0] ?? '')}
              error={field('nazorg').error}
            />
            {nazorgNodig === 'ja' &&
              afspraken.map((a, i) => {
                const set = (key: 'wie' | 'wat' | 'wanneer', value: string) =>
                  setAfspraken(afspraken.map((x, j) => (j === i ? { ...x, [key]: value } : x)));
                return (
                  <div key={i} className="naast-elkaar">
                    <FormField
                      label={`Afspraak ${i + 1}: wie`}
                      {...field(`nazorg.afspraken.${i}.wie`)}
                      required
                    >
                      {(w) => (
                        <Textbox
                          {...w}
                          value={a.wie}
                          onChange={(e) => set('wie', e.target.value)}
                        />
                      )}
                    </FormField>
                    <FormField
                      label={`Afspraak ${i + 1}: wat`}
                      {...field(`nazorg.afspraken.${i}.wat`)}
                      required
                    >
                      {(w) => (
                        <Textbox
                          {...w}
                          value={a.wat}
                          onChange={(e) => set('wat', e.target.value)}
                        />
                      )}
                    </FormField>
                    <DateField
                      label={`Afspraak ${i + 1}: wanneer`}
                      value={a.wanneer}
                      onChange={(v) => set('wanneer', v)}
                      {...field(`nazorg.afspraken.${i}.wanneer`)}
                    />
                  </div>
                );
              })}
            {nazorgNodig === 'ja' && (
              <Button
                type="button"
                appearance="subtle"
                onClick={() => setAfspraken([...afspraken, { wie: '', wat: '', wanneer: '' }])}
              >
                Nog een afspraak
              </Button>
            )}
            {nazorgNodig === 'nee' && (
              <FormField label="Waarom geen nazorg nodig is" {...field('nazorg.reden')} required>
                {(w) => (
                  <Textarea
                    {...w}
                    value={nazorgReden}
                    onChange={(e) => setNazorgReden(e.target.value)}
                  />
                )}
              </FormField>
            )}
          </>
        )}
      </Part>

      <Part
        title="Waakvlamcontact"
        reset={resets.waakvlam}
        scope="afsluiting-waakvlam"
        rule="LEK-DEC-WAAKVLAM"
        {...lock}
        build={() => {
          const errors: FieldErrors = {};
          if (!wvNodig) errors['waakvlam'] = 'kies of een waakvlamcontact nodig is';
          if (wvNodig === 'nee')
            return result({ waakvlam: { nodig: false, reden: wvReden } }, errors);
          const tot = isoOr(wvTot, 'waakvlam.tot', errors);
          return result({ waakvlam: { nodig: true, wie: wvWie, hoeVaak: wvHoeVaak, tot } }, errors);
        }}
      >
        {(field) => (
          <>
            <ChoiceGroup
              legend="Is een waakvlamcontact nodig?"
              type="radio"
              name="afsluiting-waakvlam.waakvlam"
              options={[
                ['ja', 'Ja'],
                ['nee', 'Nee'],
              ]}
              selected={wvNodig ? [wvNodig] : []}
              onChange={(v) => setWvNodig(v[0] ?? '')}
              error={field('waakvlam').error}
            />
            {wvNodig === 'ja' && (
              <>
                <FormField label="Wie houdt het contact" {...field('waakvlam.wie')} required>
                  {(w) => (
                    <Textbox {...w} value={wvWie} onChange={(e) => setWvWie(e.target.value)} />
                  )}
                </FormField>
                <FormField label="Hoe vaak" {...field('waakvlam.hoeVaak')} required>
                  {(w) => (
                    <Textbox
                      {...w}
                      value={wvHoeVaak}
                      onChange={(e) => setWvHoeVaak(e.target.value)}
                    />
                  )}
                </FormField>
                <DateField
                  label="Tot wanneer"
                  value={wvTot}
                  onChange={setWvTot}
                  {...field('waakvlam.tot')}
                />
              </>
            )}
            {wvNodig === 'nee' && (
              <FormField
                label="Waarom geen waakvlamcontact nodig is"
                {...field('waakvlam.reden')}
                required
              >
                {(w) => (
                  <Textarea {...w} value={wvReden} onChange={(e) => setWvReden(e.target.value)} />
                )}
              </FormField>
            )}
          </>
        )}
      </Part>

      <Part
        title="Casusregie door het gezin"
        reset={resets.herbeoordeling}
        scope="afsluiting-herbeoordeling"
        rule="RIJ-DEC-CLOSURE"
        {...lock}
        build={() => {
          const errors: FieldErrors = {};
          if (!regie) errors['herbeoordeling.gezinKanRegie'] = 'kies een antwoord';
          return result(
            {
              herbeoordeling: {
                gezinKanRegie: regie as FamilyRegieAnswer,
                toelichting: regieToelichting,
              },
            },
            errors,
          );
        }}
      >
        {(field) => (
          <>
            <ChoiceGroup
              legend="Kan het gezin de casusregie weer zelf voeren?"
              type="radio"
              name="afsluiting-herbeoordeling.herbeoordeling.gezinKanRegie"
              options={FAMILY}
              selected={regie ? [regie] : []}
              onChange={(v) => setRegie(v[0] ?? '')}
              error={field('herbeoordeling.gezinKanRegie').error}
            />
            <FormField label="Toelichting" {...field('herbeoordeling.toelichting')} required>
              {(w) => (
                <Textarea
                  {...w}
                  value={regieToelichting}
                  onChange={(e) => setRegieToelichting(e.target.value)}
                />
              )}
            </FormField>
          </>
        )}
      </Part>

      {overgang.length > 0 && (
        <Part
          title="Overgang 18-/18+"
          reset={resets.overgang}
          scope="afsluiting-overgang"
          rule="RIJ-DEC-MEASURE-END"
          {...lock}
          build={() => {
            const errors: FieldErrors = {};
            overgang.forEach((t, i) => {
              if (!t.wet) errors[`overgang18.${i}.wet`] = 'kies de wet';
            });
            return result(
              { overgang18: overgang.map((t) => ({ ...t, wet: t.wet as FollowUpLaw })) },
              errors,
            );
          }}
        >
          {(field) =>
            overgang.map((t, i) => {
              const name = c.jeugdigen.find((j) => j.id === t.jeugdigeId)?.naam ?? '';
              const set = (key: 'wat' | 'wet' | 'toelichting', value: string) =>
                setOvergang(overgang.map((x, j) => (j === i ? { ...x, [key]: value } : x)));
              return (
                <div key={t.jeugdigeId}>
                  <Paragraph>
                    <strong>{name}</strong>
                  </Paragraph>
                  <FormField
                    label={`${name}: wat loopt door na 18`}
                    {...field(`overgang18.${i}.wat`)}
                    required
                  >
                    {(w) => (
                      <Textbox {...w} value={t.wat} onChange={(e) => set('wat', e.target.value)} />
                    )}
                  </FormField>
                  <FormField
                    label={`${name}: onder welke wet`}
                    {...field(`overgang18.${i}.wet`)}
                    required
                  >
                    {(w) => (
                      <Select {...w} value={t.wet} onChange={(e) => set('wet', e.target.value)}>
                        <option value="">Kies een wet</option>
                        {LAWS.map(([k, l]) => (
                          <option key={k} value={k}>
                            {l}
                          </option>
                        ))}
                      </Select>
                    )}
                  </FormField>
                  <FormField
                    label={`${name}: toelichting`}
                    {...field(`overgang18.${i}.toelichting`)}
                    required
                  >
                    {(w) => (
                      <Textarea
                        {...w}
                        value={t.toelichting}
                        onChange={(e) => set('toelichting', e.target.value)}
                      />
                    )}
                  </FormField>
                </div>
              );
            })
          }
        </Part>
      )}
    </>
  );
}

function CloseForm({ casus, c }: { casus: CaseView; c: Closure }) {
  const refresh = useRefresh(casus.id);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; items: string[] } | null>(null);
  const focus = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refusal) focus.current?.focus();
  }, [refusal]);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setRefusal(null);
    try {
      await api('POST', `/casussen/${casus.id}/afsluiting/afsluiten`, {
        basisRevisie: c.revisie,
      });
      await refresh();
    } catch (error) {
      // Someone saved the draft meanwhile: show it as it is now, with the refusal.
      if (error instanceof ApiFailure && error.status === 409) await refresh();
      setRefusal(
        error instanceof ApiFailure
          ? {
              message: error.message,
              items: error.fields.map(
                (f) => `${labelOf(f.path.replace(/^body\./, ''))}: ${f.message}`,
              ),
            }
          : { message: 'Afsluiten lukte niet. Probeer het opnieuw.', items: [] },
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Casus afsluiten</Heading>
      {refusal && (
        <Alert type="error" focusRef={focus}>
          <Paragraph>{refusal.message}</Paragraph>
          {refusal.items.length > 0 && (
            <ul className="utrecht-unordered-list">
              {refusal.items.map((item) => (
                <li key={item} className="utrecht-unordered-list__item">
                  {item}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <Paragraph>
        {c.problemen.length === 0
          ? 'Alle voorwaarden zijn voldaan: de casus kan worden afgesloten.'
          : `Er ${c.problemen.length === 1 ? 'ontbreekt nog één punt' : `ontbreken nog ${c.problemen.length} punten`}; afsluiten wordt dan geweigerd.`}
      </Paragraph>
      <Button type="submit" appearance="primary-action" disabled={busy}>
        Casus afsluiten
      </Button>
    </form>
  );
}

function Reports({ c }: { c: Closure }) {
  if (c.eindverslagen.length === 0 && !c.magEindverslagGeven) return null;
  return (
    <>
      <Heading level={3}>Eindverslagen van aanbieders</Heading>
      {c.eindverslagen.length === 0 ? (
        <Paragraph>Er is nog geen eindverslag gegeven.</Paragraph>
      ) : (
        c.eindverslagen.map((r) => (
          <DataList
            key={r.id}
            items={[
              ['Aanbieder', r.aanbieder],
              ['Gegeven', `${formatDateTime(r.gegevenOp)} door ${r.gegevenDoor}`],
              ['Toestemming gezin om te delen', r.toestemmingGezin ? 'ja' : 'nee'],
              ...((r.inhoud
                ? [
                    ['Resultaten', r.inhoud.resultaten],
                    ['Afspraken over afschaling en nazorg', r.inhoud.afspraken],
                    [
                      'Waakvlamcontact volgens de aanbieder',
                      `${r.inhoud.waakvlam.advies === 'nodig' ? 'nodig' : 'niet nodig'}: ${r.inhoud.waakvlam.toelichting}`,
                    ],
                  ]
                : [
                    [
                      'Inhoud',
                      'Het eindverslag is gegeven, maar het gezin heeft geen toestemming gegeven om de inhoud te delen (LEK-DEC-WAAKVLAM).',
                    ],
                  ]) as [string, string][]),
            ]}
          />
        ))
      )}
    </>
  );
}

function ReportForm({ casus, c }: { casus: CaseView; c: Closure }) {
  const refresh = useRefresh(casus.id);
  const own = c.eindverslagen[0]?.inhoud;
  const [resultaten, setResultaten] = useState(own?.resultaten ?? '');
  const [afspraken, setAfspraken] = useState(own?.afspraken ?? '');
  const [advies, setAdvies] = useState<string>(own?.waakvlam.advies ?? '');
  const [toelichting, setToelichting] = useState(own?.waakvlam.toelichting ?? '');
  const [toestemming, setToestemming] = useState<string[]>(
    c.eindverslagen[0]?.toestemmingGezin ? ['ja'] : [],
  );
  const s = useSubmission(
    'Het eindverslag opslaan lukte niet. Probeer het opnieuw.',
    'eindverslag',
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!resultaten.trim()) found['resultaten'] = 'beschrijf de resultaten';
    if (!afspraken.trim()) found['afspraken'] = 'beschrijf de afspraken';
    if (!advies) found['waakvlam.advies'] = 'kies een antwoord';
    await s.run(found, async () => {
      await api('PUT', `/casussen/${casus.id}/afsluiting/eindverslag`, {
        resultaten,
        afspraken,
        waakvlam: { advies, toelichting },
        toestemmingGezin: toestemming.includes('ja'),
      });
      await refresh();
      return 'Het eindverslag is opgeslagen.';
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Eindverslag van uw organisatie</Heading>
      <Paragraph>
        Rapporteer de resultaten en de afspraken over afschaling en nazorg (
        <RuleLink id="RIJ-DEC-CLOSURE" />
        ), en geef uw oordeel over een waakvlamcontact (<RuleLink id="LEK-DEC-WAAKVLAM" />
        ). Beide gelden in elke regio. Zonder toestemming van het gezin ziet de casusregisseur
        alleen dat het verslag er is.
      </Paragraph>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField label="Behaalde resultaten" {...s.field('resultaten')} required>
        {(w) => (
          <Textarea {...w} value={resultaten} onChange={(e) => setResultaten(e.target.value)} />
        )}
      </FormField>
      <FormField label="Afspraken over afschaling en nazorg" {...s.field('afspraken')} required>
        {(w) => (
          <Textarea {...w} value={afspraken} onChange={(e) => setAfspraken(e.target.value)} />
        )}
      </FormField>
      <ChoiceGroup
        legend="Is een waakvlamcontact nodig?"
        type="radio"
        name="eindverslag.waakvlam.advies"
        options={[
          ['nodig', 'Ja, nodig'],
          ['niet-nodig', 'Niet nodig'],
        ]}
        selected={advies ? [advies] : []}
        onChange={(v) => setAdvies(v[0] ?? '')}
        error={s.errors['waakvlam.advies']}
      />
      <FormField
        label="Toelichting op het waakvlamcontact"
        {...s.field('waakvlam.toelichting')}
        required
      >
        {(w) => (
          <Textarea {...w} value={toelichting} onChange={(e) => setToelichting(e.target.value)} />
        )}
      </FormField>
      <ChoiceGroup
        legend="Toestemming van het gezin"
        type="checkbox"
        name="eindverslag.toestemmingGezin"
        options={[
          ['ja', 'Het gezin geeft toestemming om dit verslag met de casusregisseur te delen'],
        ]}
        selected={toestemming}
        onChange={setToestemming}
      />
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Eindverslag opslaan
      </Button>
    </form>
  );
}
