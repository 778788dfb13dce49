/**
 * Escalations on the case page (DOMAIN.md section 9): start one on a ladder of the region,
 * see per level who must act, by when and what was recorded, record the current level with what
 * the ladder asks of it, keep the young person informed and weigh bridging care, preview the
 * anonymised overview before the team lead shares it with the contract manager, and close with
 * the outcome.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type CaseView } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateField, RuleLink, useSubmission } from '../forms.js';
import { formatDate, formatDateTime, formatDue, parseDutchDate } from '../format.js';
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
  Textbox,
} from '../nl/index.js';

interface Ladder {
  id: string;
  titel: string;
  bron: string;
  soort: 'proces' | 'inhoud' | 'beide';
  criteria: { code: string; tekst: string }[];
  plichten: { wie: string; wat: string }[];
}
interface Action {
  wie: string;
  wat: string;
}
interface LevelView {
  niveau: number;
  stap: number;
  wie: string;
  wat: string;
  vastleggen: string[];
  alleenVoor: string[];
  afsluiting: boolean;
  status: 'klaar' | 'huidig' | 'later';
  klaarOp: string | null;
  termijn: { uiterlijk: string; status: string; regel: string } | null;
  vastgelegd: {
    door: string;
    organisatie: string;
    notitie: string;
    feiten: string | null;
    acties: Action[];
    terugkoppeldatum: string | null;
  } | null;
}
export interface Overview {
  kenmerk: string;
  regio: string;
  gemeente: string;
  ladder: string;
  soort: string;
  aanleiding: string;
  gestartOp: string;
  route: string;
  segment: string;
  leeftijden: number[];
  producten: string[];
  omschrijving: string;
  feiten: string;
  stappen: { niveau: number; wie: string; wat: string; op: string }[];
  standpuntLokaalTeam: string;
  standpuntAanbieder: string;
  gevraagdBesluit: string;
  acties: Action[];
  terugkoppeldatum: string;
}
interface Escalation {
  id: string;
  kenmerk: string;
  ladder: Ladder;
  soort: string;
  aanleiding: string;
  toewijzing: { nummer: string; product: string } | null;
  omschrijving: string;
  gestartOp: string;
  gestartDoor: string;
  niveaus: LevelView[];
  huidigNiveau: { niveau: number; magVastleggen: boolean } | null;
  plichten: {
    jeugdigeGeinformeerdOp: string | null;
    jeugdigeGeinformeerdHoe: string | null;
    overbruggingszorgNodig: boolean | null;
    overbruggingszorgToelichting: string | null;
  };
  overzicht: Overview | null;
  gedeeldOp: string | null;
  afgeslotenOp: string | null;
  uitkomst: string | null;
  afspraken: Action[];
}
interface Data {
  escalaties: Escalation[];
  ladders: Ladder[];
  toewijzingen: { id: string; nummer: string; product: string; aanbieder: string }[];
}

const SUBJECTS: Record<string, string> = {
  toewijzing: 'De aanbieder is het niet eens met een toewijzing',
  'casusregisseur-nodig': 'Verschil van inzicht over de vraag of een casusregisseur nodig is',
  voortgang: 'De hulp komt niet verder en de zorgen blijven',
  anders: 'Iets anders',
};
const TYPES: Record<string, string> = {
  proces: 'Procesescalatie: professionals worden het niet eens',
  inhoud: 'Inhoudelijke escalatie: de casus loopt vast',
};
const DEADLINE_STATUS: Record<string, string> = {
  open: 'open',
  overdue: 'verlopen',
  met: 'gehaald',
  'met-late': 'te laat gehaald',
};
const LABELS: Record<string, string> = {
  ladder: 'Ladder',
  soort: 'Soort escalatie',
  aanleiding: 'Aanleiding',
  toewijzingId: 'Toewijzing',
  omschrijving: 'Waar gaat het om',
  criteria: 'Criteria',
  notitie: 'Wat is gedaan',
  feiten: 'Feiten en gezette stappen',
  acties: 'Afgesproken actie',
  terugkoppeldatum: 'Terugkoppeldatum',
  overzicht: 'Overzicht voor de contractmanager',
  jeugdigeGeinformeerdOp: 'Jeugdige geïnformeerd op',
  jeugdigeGeinformeerdHoe: 'Hoe is de jeugdige geïnformeerd',
  overbruggingszorgNodig: 'Overbruggingszorg nodig',
  overbruggingszorgToelichting: 'Welke overbruggingszorg',
  uitkomst: 'Uitkomst',
  afspraken: 'Nieuwe afspraak',
  niveau: 'Niveau',
};
const labelOf = (p: string) => LABELS[p.split('.')[0] ?? p] ?? p;

export function EscalationSection({ casus }: { casus: CaseView }) {
  const data = useQuery({
    queryKey: ['escalaties', casus.id],
    queryFn: () => api<Data>('GET', `/casussen/${casus.id}/escalaties`),
  });
  if (!data.data) return null;
  const { escalaties, ladders, toewijzingen } = data.data;
  return (
    <section aria-labelledby="kop-escalaties">
      <Heading level={2} id="kop-escalaties">
        Escalaties
      </Heading>
      {ladders.length === 0 ? (
        <Paragraph>Het profiel van regio {casus.regio} beschrijft geen escalatieladder.</Paragraph>
      ) : escalaties.length === 0 ? (
        <Paragraph>Er loopt geen escalatie.</Paragraph>
      ) : null}
      {escalaties.map((e) => (
        <EscalationCard key={e.id} casus={casus} escalation={e} />
      ))}
      {ladders.length > 0 && (
        <OpenForm casus={casus} ladders={ladders} allocations={toewijzingen} />
      )}
    </section>
  );
}

function useRefresh(casus: CaseView) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['escalaties', casus.id] }),
      client.invalidateQueries({ queryKey: ['casus', casus.id] }),
    ]);
}

function EscalationCard({ casus, escalation: e }: { casus: CaseView; escalation: Escalation }) {
  const headingId = `kop-escalatie-${e.id}`;
  const current = e.niveaus.find((l) => l.niveau === e.huidigNiveau?.niveau) ?? null;
  // Kept here, not in the level form: the next level may not be this user's to record.
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <article aria-labelledby={headingId} className="kaart">
      <Heading level={3} id={headingId}>
        Escalatie {e.kenmerk}
      </Heading>
      <Paragraph>
        <StatusBadge status={e.afgeslotenOp ? 'ok' : 'warning'}>
          {e.afgeslotenOp ? `afgesloten op ${formatDate(e.afgeslotenOp)}` : 'loopt'}
        </StatusBadge>{' '}
        {e.ladder.titel} (<RuleLink id={e.ladder.id} />, {e.ladder.bron})
      </Paragraph>
      <DataList
        items={[
          ['Soort', TYPES[e.soort] ?? e.soort],
          ['Aanleiding', SUBJECTS[e.aanleiding] ?? e.aanleiding],
          ...(e.toewijzing
            ? ([['Toewijzing', `${e.toewijzing.nummer} (${e.toewijzing.product})`]] as [
                string,
                string,
              ][])
            : []),
          ['Omschrijving', e.omschrijving],
          ['Gestart', `${formatDateTime(e.gestartOp)} door ${e.gestartDoor}`],
        ]}
      />
      <Heading level={4}>Niveaus</Heading>
      <ol className="niveaus">
        {e.niveaus.map((l) => (
          <li key={l.niveau}>
            <strong>
              Niveau {l.niveau} – {l.wie}:
            </strong>{' '}
            {l.wat}{' '}
            <StatusBadge
              status={l.status === 'klaar' ? 'ok' : l.status === 'huidig' ? 'warning' : 'neutral'}
            >
              {l.status === 'klaar'
                ? `klaar${l.klaarOp ? ` op ${formatDate(l.klaarOp)}` : ''}`
                : l.status === 'huidig'
                  ? 'nu aan de beurt'
                  : 'later'}
            </StatusBadge>
            {l.termijn && (
              <>
                {' '}
                Termijn: uiterlijk {formatDue(l.termijn.uiterlijk)},{' '}
                {DEADLINE_STATUS[l.termijn.status] ?? l.termijn.status} (
                <RuleLink id={l.termijn.regel} />)
              </>
            )}
            {l.vastgelegd && (
              <div className="toelichting">
                Vastgelegd door {l.vastgelegd.door} ({l.vastgelegd.organisatie}):{' '}
                {l.vastgelegd.notitie}
                {l.vastgelegd.feiten && <> Feiten: {l.vastgelegd.feiten}</>}
                {l.vastgelegd.acties.length > 0 && (
                  <> Acties: {l.vastgelegd.acties.map((a) => `${a.wie}: ${a.wat}`).join('; ')}</>
                )}
                {l.vastgelegd.terugkoppeldatum && (
                  <> Terugkoppeling op {formatDate(l.vastgelegd.terugkoppeldatum)}.</>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
      <Duties casus={casus} escalation={e} />
      {e.overzicht && (
        <Paragraph>
          Het geanonimiseerde overzicht is op {formatDateTime(e.gedeeldOp)} gedeeld met de
          contractmanager.
        </Paragraph>
      )}
      {e.afgeslotenOp ? (
        <DataList
          items={[
            ['Uitkomst', e.uitkomst ?? ''],
            ['Nieuwe afspraken', e.afspraken.map((a) => `${a.wie}: ${a.wat}`).join('; ')],
          ]}
        />
      ) : (
        <>
          {notice && <Alert type="ok">{notice}</Alert>}
          {current && !current.afsluiting && e.huidigNiveau?.magVastleggen && (
            <LevelForm
              key={current.niveau}
              casus={casus}
              escalation={e}
              level={current}
              onRecorded={setNotice}
            />
          )}
          {current && !current.afsluiting && e.huidigNiveau && !e.huidigNiveau.magVastleggen && (
            <Paragraph>
              Niveau {current.niveau} legt alleen een {current.alleenVoor.join(' of ')} vast.
            </Paragraph>
          )}
          <CloseForm casus={casus} escalation={e} />
        </>
      )}
    </article>
  );
}

function Duties({ casus, escalation: e }: { casus: CaseView; escalation: Escalation }) {
  const refresh = useRefresh(casus);
  const p = e.plichten;
  const [date, setDate] = useState(
    p.jeugdigeGeinformeerdOp ? formatDate(p.jeugdigeGeinformeerdOp) : '',
  );
  const [how, setHow] = useState(p.jeugdigeGeinformeerdHoe ?? '');
  const [needed, setNeeded] = useState<string>(
    p.overbruggingszorgNodig === null ? '' : p.overbruggingszorgNodig ? 'ja' : 'nee',
  );
  const [note, setNote] = useState(p.overbruggingszorgToelichting ?? '');
  const s = useSubmission('Vastleggen lukte niet. Probeer het opnieuw.', `plichten-${e.id}`);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const iso = date.trim() ? parseDutchDate(date) : null;
    if (date.trim() && !iso) found['jeugdigeGeinformeerdOp'] = 'vul een datum in als dd-mm-jjjj';
    await s.run(found, async () => {
      await api('PUT', `/escalaties/${e.id}/plichten`, {
        jeugdigeGeinformeerdOp: iso,
        jeugdigeGeinformeerdHoe: how.trim() || null,
        overbruggingszorgNodig: needed === '' ? null : needed === 'ja',
        overbruggingszorgToelichting: note.trim() || null,
      });
      await refresh();
      return 'Vastgelegd.';
    });
  }
  return (
    <div className="plichten">
      <Heading level={4}>Tijdens de hele escalatie</Heading>
      <ul>
        {(e.ladder.plichten.length > 0
          ? e.ladder.plichten
          : [
              {
                wie: 'lokaal team',
                wat: 'Houdt de jeugdige op de hoogte en weegt overbruggingszorg.',
              },
            ]
        ).map((d) => (
          <li key={d.wat}>
            {d.wie}: {d.wat}
          </li>
        ))}
      </ul>
      <Paragraph>
        Jeugdige geïnformeerd:{' '}
        {p.jeugdigeGeinformeerdOp
          ? `op ${formatDate(p.jeugdigeGeinformeerdOp)} (${p.jeugdigeGeinformeerdHoe ?? ''})`
          : 'nog niet vastgelegd'}
        . Overbruggingszorg:{' '}
        {p.overbruggingszorgNodig === null
          ? 'nog niet gewogen'
          : p.overbruggingszorgNodig
            ? `nodig: ${p.overbruggingszorgToelichting ?? ''}`
            : 'niet nodig'}
        .
      </Paragraph>
      {!e.afgeslotenOp && (
        <form onSubmit={(ev) => void submit(ev)} noValidate className="formulier">
          <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
          {s.done && <Alert type="ok">{s.done}</Alert>}
          <DateField
            label="Jeugdige geïnformeerd op"
            value={date}
            onChange={setDate}
            required={false}
            {...s.field('jeugdigeGeinformeerdOp')}
          />
          <FormField
            label="Hoe is de jeugdige geïnformeerd"
            required={false}
            {...s.field('jeugdigeGeinformeerdHoe')}
          >
            {(w) => <Textbox {...w} value={how} onChange={(ev) => setHow(ev.target.value)} />}
          </FormField>
          <FormField
            label="Overbruggingszorg nodig"
            required={false}
            {...s.field('overbruggingszorgNodig')}
          >
            {(w) => (
              <Select {...w} value={needed} onChange={(ev) => setNeeded(ev.target.value)}>
                <option value="">nog niet gewogen</option>
                <option value="nee">nee</option>
                <option value="ja">ja</option>
              </Select>
            )}
          </FormField>
          {needed === 'ja' && (
            <FormField label="Welke overbruggingszorg" {...s.field('overbruggingszorgToelichting')}>
              {(w) => <Textarea {...w} value={note} onChange={(ev) => setNote(ev.target.value)} />}
            </FormField>
          )}
          <Button type="submit" disabled={s.busy}>
            Jeugdige en overbruggingszorg vastleggen
          </Button>
        </form>
      )}
    </div>
  );
}

function LevelForm({
  casus,
  escalation: e,
  level,
  onRecorded,
}: {
  casus: CaseView;
  escalation: Escalation;
  level: LevelView;
  onRecorded: (message: string) => void;
}) {
  const refresh = useRefresh(casus);
  const wants = (a: string) => level.vastleggen.includes(a);
  const [note, setNote] = useState('');
  const [facts, setFacts] = useState('');
  const [who, setWho] = useState('');
  const [what, setWhat] = useState('');
  const [feedback, setFeedback] = useState('');
  const [team, setTeam] = useState('');
  const [provider, setProvider] = useState('');
  const [decision, setDecision] = useState('');
  const [preview, setPreview] = useState<Overview | null>(null);
  const s = useSubmission('Vastleggen lukte niet. Probeer het opnieuw.', `niveau-${e.id}`);

  function body(found: FieldErrors) {
    const iso = feedback.trim() ? parseDutchDate(feedback) : null;
    if (feedback.trim() && !iso) found['terugkoppeldatum'] = 'vul een datum in als dd-mm-jjjj';
    return {
      niveau: level.niveau,
      notitie: note,
      feiten: wants('feiten') ? facts : null,
      acties: who.trim() || what.trim() ? [{ wie: who, wat: what }] : [],
      terugkoppeldatum: wants('terugkoppeldatum') ? iso : null,
      overzicht: wants('overzicht')
        ? { standpuntLokaalTeam: team, standpuntAanbieder: provider, gevraagdBesluit: decision }
        : null,
    };
  }
  async function showPreview() {
    const found: FieldErrors = {};
    const b = body(found);
    await s.run(found, async () => {
      setPreview(await api<Overview>('POST', `/escalaties/${e.id}/overzicht-voorbeeld`, b));
      return null;
    });
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const b = body(found);
    if (wants('overzicht') && !preview)
      found['overzicht'] = 'bekijk eerst het overzicht zoals de contractmanager het krijgt';
    await s.run(found, async () => {
      await api('POST', `/escalaties/${e.id}/niveaus`, b);
      onRecorded(`Niveau ${level.niveau} is vastgelegd.`);
      await refresh();
      return null;
    });
  }
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate className="formulier">
      <Heading level={4}>
        Niveau {level.niveau} vastleggen: {level.wie}
      </Heading>
      <Paragraph>{level.wat}</Paragraph>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField label="Wat is gedaan" {...s.field('notitie')} required>
        {(w) => <Textarea {...w} value={note} onChange={(ev) => setNote(ev.target.value)} />}
      </FormField>
      {wants('feiten') && (
        <FormField
          label="Feiten en gezette stappen"
          description="Wat is er gebeurd en wat is al geprobeerd?"
          {...s.field('feiten')}
          required
        >
          {(w) => <Textarea {...w} value={facts} onChange={(ev) => setFacts(ev.target.value)} />}
        </FormField>
      )}
      <div className="naast-elkaar">
        <FormField label="Actie: wie" required={wants('acties')} {...s.field('acties.0.wie')}>
          {(w) => <Textbox {...w} value={who} onChange={(ev) => setWho(ev.target.value)} />}
        </FormField>
        <FormField label="Actie: wat" required={wants('acties')} {...s.field('acties.0.wat')}>
          {(w) => <Textbox {...w} value={what} onChange={(ev) => setWhat(ev.target.value)} />}
        </FormField>
      </div>
      {wants('terugkoppeldatum') && (
        <DateField
          label="Terugkoppeldatum"
          value={feedback}
          onChange={setFeedback}
          {...s.field('terugkoppeldatum')}
        />
      )}
      {wants('overzicht') && (
        <fieldset
          className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
          id={s.field('overzicht').inputId}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            Overzicht voor de contractmanager (geanonimiseerd)
          </legend>
          <FormField
            label="Standpunt van het lokale team"
            {...s.field('overzicht.standpuntLokaalTeam')}
            required
          >
            {(w) => <Textarea {...w} value={team} onChange={(ev) => setTeam(ev.target.value)} />}
          </FormField>
          <FormField
            label="Standpunt van de aanbieder"
            {...s.field('overzicht.standpuntAanbieder')}
            required
          >
            {(w) => (
              <Textarea {...w} value={provider} onChange={(ev) => setProvider(ev.target.value)} />
            )}
          </FormField>
          <FormField
            label="Wat vraagt u de contractmanager"
            {...s.field('overzicht.gevraagdBesluit')}
            required
          >
            {(w) => (
              <Textarea {...w} value={decision} onChange={(ev) => setDecision(ev.target.value)} />
            )}
          </FormField>
          <Button onClick={() => void showPreview()} disabled={s.busy}>
            Overzicht bekijken
          </Button>
          {preview && <OverviewView overview={preview} headingLevel={5} />}
        </fieldset>
      )}
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        {wants('overzicht') ? 'Niveau vastleggen en overzicht delen' : 'Niveau vastleggen'}
      </Button>
    </form>
  );
}

/** The anonymised overview in its fixed format (also the contract manager's page). */
export function OverviewView({
  overview: o,
  headingLevel,
}: {
  overview: Overview;
  headingLevel: 2 | 3 | 4 | 5;
}) {
  return (
    <div className="overzicht" aria-label={`Geanonimiseerd overzicht ${o.kenmerk}`} role="group">
      <Heading level={headingLevel}>Geanonimiseerd overzicht {o.kenmerk}</Heading>
      <DataList
        items={[
          ['Regio en gemeente', `${o.regio}, ${o.gemeente}`],
          ['Ladder', <RuleLink key="l" id={o.ladder} />],
          ['Soort', TYPES[o.soort] ?? o.soort],
          ['Aanleiding', SUBJECTS[o.aanleiding] ?? o.aanleiding],
          ['Gestart op', formatDate(o.gestartOp)],
          ['Route en segment', `${o.route}, ${o.segment}`],
          ['Leeftijd jeugdige(n)', o.leeftijden.map((a) => `${a} jaar`).join(', ') || 'onbekend'],
          ['Producten', o.producten.join(', ') || 'geen'],
          ['Omschrijving', o.omschrijving],
          ['Feiten en gezette stappen', o.feiten || 'geen'],
          [
            'Niveaus',
            o.stappen
              .map((s) => `${s.niveau}. ${s.wie} (${formatDate(s.op)}): ${s.wat}`)
              .join(' | '),
          ],
          ['Standpunt lokaal team', o.standpuntLokaalTeam],
          ['Standpunt aanbieder', o.standpuntAanbieder],
          ['Gevraagd besluit', o.gevraagdBesluit],
          ['Afgesproken acties', o.acties.map((a) => `${a.wie}: ${a.wat}`).join('; ')],
          ['Terugkoppeldatum', o.terugkoppeldatum ? formatDate(o.terugkoppeldatum) : ''],
        ]}
      />
    </div>
  );
}

function CloseForm({ casus, escalation: e }: { casus: CaseView; escalation: Escalation }) {
  const refresh = useRefresh(casus);
  const [outcome, setOutcome] = useState('');
  const [who, setWho] = useState('');
  const [what, setWhat] = useState('');
  const s = useSubmission('Afsluiten lukte niet. Probeer het opnieuw.', `afsluiten-${e.id}`);
  async function submit(event: FormEvent) {
    event.preventDefault();
    await s.run({}, async () => {
      await api('POST', `/escalaties/${e.id}/afsluiten`, {
        uitkomst: outcome,
        afspraken: who.trim() || what.trim() ? [{ wie: who, wat: what }] : [],
      });
      await refresh();
      return 'De escalatie is afgesloten.';
    });
  }
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate className="formulier">
      <Heading level={4}>Afsluiten met afspraken</Heading>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField label="Uitkomst (commitment)" {...s.field('uitkomst')} required>
        {(w) => <Textarea {...w} value={outcome} onChange={(ev) => setOutcome(ev.target.value)} />}
      </FormField>
      <div className="naast-elkaar">
        <FormField label="Nieuwe afspraak: wie" {...s.field('afspraken.0.wie')} required>
          {(w) => <Textbox {...w} value={who} onChange={(ev) => setWho(ev.target.value)} />}
        </FormField>
        <FormField label="Nieuwe afspraak: wat" {...s.field('afspraken.0.wat')} required>
          {(w) => <Textbox {...w} value={what} onChange={(ev) => setWhat(ev.target.value)} />}
        </FormField>
      </div>
      <Button type="submit" disabled={s.busy}>
        Escalatie afsluiten
      </Button>
    </form>
  );
}

function OpenForm({
  casus,
  ladders,
  allocations,
}: {
  casus: CaseView;
  ladders: Ladder[];
  allocations: Data['toewijzingen'];
}) {
  const refresh = useRefresh(casus);
  const [ladderId, setLadderId] = useState(ladders[0]?.id ?? '');
  const ladder = ladders.find((l) => l.id === ladderId) ?? ladders[0];
  const [type, setType] = useState<string>(ladder?.soort === 'inhoud' ? 'inhoud' : 'proces');
  const [subject, setSubject] = useState('toewijzing');
  const [allocationId, setAllocationId] = useState('');
  const [description, setDescription] = useState('');
  const [criteria, setCriteria] = useState<Record<string, boolean>>({});
  const s = useSubmission('Starten lukte niet. Probeer het opnieuw.', 'escalatie-start');
  async function submit(event: FormEvent) {
    event.preventDefault();
    await s.run({}, async () => {
      const result = await api<{ kenmerk: string }>('POST', `/casussen/${casus.id}/escalaties`, {
        ladder: ladderId,
        soort: type,
        aanleiding: subject,
        toewijzingId: subject === 'toewijzing' && allocationId ? allocationId : null,
        omschrijving: description,
        // Every criterion is answered: an unticked box is a considered "no".
        criteria: Object.fromEntries(
          (ladder?.criteria ?? []).map((c) => [c.code, criteria[c.code] === true]),
        ),
      });
      await refresh();
      return `Escalatie ${result.kenmerk} is gestart.`;
    });
  }
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate className="formulier">
      <Heading level={3}>Escalatie starten</Heading>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField label="Ladder" {...s.field('ladder')} required>
        {(w) => (
          <Select {...w} value={ladderId} onChange={(ev) => setLadderId(ev.target.value)}>
            {ladders.map((l) => (
              <option key={l.id} value={l.id}>
                {l.titel} ({l.id})
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Soort escalatie" {...s.field('soort')} required>
        {(w) => (
          <Select {...w} value={type} onChange={(ev) => setType(ev.target.value)}>
            {Object.entries(TYPES).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Aanleiding" {...s.field('aanleiding')} required>
        {(w) => (
          <Select {...w} value={subject} onChange={(ev) => setSubject(ev.target.value)}>
            {Object.entries(SUBJECTS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      {subject === 'toewijzing' && (
        <FormField label="Toewijzing" {...s.field('toewijzingId')} required>
          {(w) => (
            <Select {...w} value={allocationId} onChange={(ev) => setAllocationId(ev.target.value)}>
              <option value="">kies een toewijzing</option>
              {allocations.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.nummer}: {a.product} bij {a.aanbieder}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      )}
      <FormField label="Waar gaat het om" {...s.field('omschrijving')} required>
        {(w) => (
          <Textarea {...w} value={description} onChange={(ev) => setDescription(ev.target.value)} />
        )}
      </FormField>
      {ladder && ladder.criteria.length > 0 && (
        <fieldset
          className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
          id={s.field('criteria').inputId}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            Criteria van {ladder.id}: geldt dit?
          </legend>
          {ladder.criteria.map((c) => (
            <div key={c.code} className="utrecht-form-field utrecht-form-field--checkbox">
              <label className="utrecht-form-label utrecht-form-label--checkbox">
                <input
                  type="checkbox"
                  className="utrecht-checkbox"
                  checked={criteria[c.code] === true}
                  onChange={(ev) => setCriteria({ ...criteria, [c.code]: ev.target.checked })}
                />{' '}
                ({c.code}) {c.tekst}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <Button type="submit" disabled={s.busy}>
        Escalatie starten
      </Button>
    </form>
  );
}
