/**
 * Three sections of the analysis page about the child and safety: contact with each child by
 * age (ZTM-DEC-CHILD-CONTACT), the case consultation the CO signals ask for
 * (ZTM-DEC-CO-SIGNALS), and the meldcode as five steps, each with its date and consideration.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateTimeFields, RuleLink, useSubmission } from '../forms.js';
import { formatDateTime, nowFields, toInstant } from '../format.js';
import {
  Alert,
  Button,
  ChoiceGroup,
  FormField,
  Heading,
  Paragraph,
  Select,
  StatusBadge,
  Table,
  Textarea,
  Textbox,
} from '../nl/index.js';
import {
  CO_SIGNAL_LABELS,
  CONTACT_LABELS,
  MELDCODE_DECISIONS,
  MELDCODE_STEPS,
} from '../../documents/analysis-words.js';
import { useRefresh, type AssessmentView, type TriageView } from './analysis-shared.js';

interface ChildContactView {
  jeugdigeId: string;
  naam: string;
  vereist: string | null;
  regel: string;
  redenen: string[];
  bron: string;
  contacten: AssessmentView[];
  voldaan: boolean;
}

export function ChildContact({ caseId }: { caseId: string }) {
  const refresh = useRefresh(caseId);
  const contact = useQuery({
    queryKey: ['kindcontact', caseId],
    queryFn: () => api<ChildContactView[]>('GET', `/casussen/${caseId}/kindcontact`),
  });
  const now = nowFields();
  const [child, setChild] = useState('');
  const [form, setForm] = useState('');
  const [date, setDate] = useState(now.date);
  const [time, setTime] = useState(now.time);
  const [note, setNote] = useState('');
  const s = useSubmission('Vastleggen lukte niet. Probeer het opnieuw.', 'kindcontact');
  if (!contact.data) return null;
  const children = contact.data;
  const chosen = child || children[0]?.jeugdigeId || '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!form) found.vorm = 'kies zien, zien en spreken, of spreken';
    const at = toInstant(date, time);
    if (!at) found.op = 'vul datum (dd-mm-jjjj) en tijd (uu:mm) in';
    await s.run(found, async () => {
      await api('POST', `/casussen/${caseId}/kindcontact`, {
        jeugdigeId: chosen,
        vorm: form,
        op: at,
        ...(note.trim() ? { toelichting: note.trim() } : {}),
      });
      await refresh();
      setNote('');
      setForm('');
      const name = children.find((c) => c.jeugdigeId === chosen)?.naam ?? 'het kind';
      return `Het contact met ${name} is vastgelegd.`;
    });
  }

  return (
    <section aria-labelledby="kop-kindcontact">
      <Heading level={2} id="kop-kindcontact">
        Contact met de kinderen
      </Heading>
      <Paragraph>
        Hoe u elk kind spreekt hangt af van de leeftijd (<RuleLink id="ZTM-DEC-CHILD-CONTACT" />
        {children[0]?.bron ? `, bron ${children[0].bron}` : ''}).
      </Paragraph>
      <Table caption="Per kind: wat nodig is en wat er gebeurde">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Nodig</th>
            <th scope="col">Gebeurd</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {children.map((c) => (
            <tr key={c.jeugdigeId}>
              <th scope="row">{c.naam}</th>
              <td>
                {c.vereist ? (CONTACT_LABELS[c.vereist] ?? c.vereist) : 'Onbekend'}
                {c.redenen.length > 0 && <div className="klein">{c.redenen.join('; ')}</div>}
              </td>
              <td>
                {c.contacten.length === 0
                  ? 'Nog niets vastgelegd'
                  : c.contacten
                      .map(
                        (r) =>
                          `${CONTACT_LABELS[String(r.inhoud['vorm'])] ?? ''} op ${formatDateTime(String(r.inhoud['op']))}`,
                      )
                      .join('; ')}
              </td>
              <td>
                <StatusBadge status={c.voldaan ? 'safe' : 'warning'}>
                  {c.voldaan ? 'Gedaan' : 'Nog doen'}
                </StatusBadge>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => CONTACT_FIELD_LABELS[p] ?? p}
      />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
        <FormField label="Kind" {...s.field('jeugdigeId')} required>
          {(w) => (
            <Select {...w} value={chosen} onChange={(e) => setChild(e.target.value)}>
              {children.map((c) => (
                <option key={c.jeugdigeId} value={c.jeugdigeId}>
                  {c.naam}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <ChoiceGroup
          legend="Wat is er gebeurd?"
          type="radio"
          name="kindcontact.vorm"
          options={[
            ['zien', 'Gezien'],
            ['zien-en-spreken', 'Gezien en gesproken'],
            ['spreken', 'Gesproken'],
          ]}
          selected={[form]}
          onChange={(v) => setForm(v[0] ?? '')}
          error={s.errors['vorm']}
        />
        <DateTimeFields
          dateLabel="Datum van het contact"
          timeLabel="Tijd van het contact"
          date={date}
          time={time}
          onDate={setDate}
          onTime={setTime}
          {...s.field('op')}
        />
        <FormField label="Toelichting bij het contact" {...s.field('toelichting')}>
          {(w) => (
            <Textarea {...w} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </FormField>
        <Button type="submit" appearance="primary-action" disabled={s.busy}>
          Contact vastleggen
        </Button>
      </form>
    </section>
  );
}

const CONTACT_FIELD_LABELS: Record<string, string> = {
  jeugdigeId: 'Kind',
  vorm: 'Wat is er gebeurd?',
  op: 'Datum van het contact',
  toelichting: 'Toelichting bij het contact',
};

const CO_FIELD_LABELS: Record<string, string> = {
  signalen: 'Besproken signalen',
  gedragswetenschapper: 'Gedragswetenschapper',
  besluit: 'Besluit van het overleg',
  overwegingen: 'Overwegingen',
  nietHandelen: 'Besluit om niet te handelen',
};

export function CaseConsultation({
  caseId,
  signals,
  history,
}: {
  caseId: string;
  /** The CO signals of the latest needs analysis. */
  signals: readonly string[];
  history: readonly AssessmentView[];
}) {
  const refresh = useRefresh(caseId);
  const triage = useQuery({
    queryKey: ['triage', caseId],
    queryFn: () => api<TriageView>('GET', `/casussen/${caseId}/triage`),
  });
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [expert, setExpert] = useState('');
  const [decision, setDecision] = useState('');
  const [considerations, setConsiderations] = useState('');
  const [noAction, setNoAction] = useState('');
  const s = useSubmission('Vastleggen lukte niet. Probeer het opnieuw.', 'co');
  const selected = chosen ?? [...signals];
  const needed = triage.data?.coOverleg;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (selected.length === 0) found.signalen = 'kies minstens één besproken signaal';
    if (!expert.trim()) found.gedragswetenschapper = 'vul de naam van de gedragswetenschapper in';
    if (!decision.trim()) found.besluit = 'vul het besluit in';
    if (!considerations.trim()) found.overwegingen = 'vul de overwegingen in';
    if (!noAction) found.nietHandelen = 'kies ja of nee';
    await s.run(found, async () => {
      await api('POST', `/casussen/${caseId}/co-overleg`, {
        signalen: selected,
        gedragswetenschapper: expert.trim(),
        besluit: decision.trim(),
        overwegingen: considerations.trim(),
        nietHandelen: noAction === 'true',
      });
      await refresh();
      setDecision('');
      setConsiderations('');
      setNoAction('');
      return 'Het casuïstiekoverleg is vastgelegd.';
    });
  }

  return (
    <section aria-labelledby="kop-co-overleg">
      <Heading level={2} id="kop-co-overleg">
        Casuïstiekoverleg
      </Heading>
      {needed && !needed.gehouden && (
        <Alert type="warning">
          Weeg deze casus in het casuïstiekoverleg met de gedragswetenschapper (
          <RuleLink id={needed.regel} />, bron {needed.bron}): {needed.redenen.join('; ')}.
        </Alert>
      )}
      {needed?.gehouden && (
        <Paragraph>
          Het casuïstiekoverleg over de signalen van de laatste vraaganalyse is gehouden (
          <RuleLink id={needed.regel} />
          ).
        </Paragraph>
      )}
      {!needed && (
        <Paragraph>
          De vraaganalyse noemt geen signaal dat om weging vraagt. U kunt de casus toch inbrengen.
        </Paragraph>
      )}
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => CO_FIELD_LABELS[p] ?? p}
      />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
        <ChoiceGroup
          legend="Besproken signalen"
          type="checkbox"
          name="co.signalen"
          options={CO_SIGNAL_LABELS}
          selected={selected}
          onChange={setChosen}
          error={s.errors['signalen']}
        />
        <FormField label="Gedragswetenschapper" {...s.field('gedragswetenschapper')} required>
          {(w) => <Textbox {...w} value={expert} onChange={(e) => setExpert(e.target.value)} />}
        </FormField>
        <FormField label="Besluit van het overleg" {...s.field('besluit')} required>
          {(w) => (
            <Textarea
              {...w}
              rows={2}
              value={decision}
              onChange={(e) => setDecision(e.target.value)}
            />
          )}
        </FormField>
        <FormField label="Overwegingen" {...s.field('overwegingen')} required>
          {(w) => (
            <Textarea
              {...w}
              rows={3}
              value={considerations}
              onChange={(e) => setConsiderations(e.target.value)}
            />
          )}
        </FormField>
        <ChoiceGroup
          legend="Besluit om (nu) niet te handelen"
          description="Ook een besluit om niets te doen wordt met de overwegingen vastgelegd."
          type="radio"
          name="co.nietHandelen"
          options={[
            ['true', 'Ja, we handelen nu niet'],
            ['false', 'Nee, er volgt actie'],
          ]}
          selected={[noAction]}
          onChange={(v) => setNoAction(v[0] ?? '')}
          error={s.errors['nietHandelen']}
        />
        <Button type="submit" appearance="primary-action" disabled={s.busy}>
          Overleg vastleggen
        </Button>
      </form>
      {history.length > 0 && (
        <>
          <Heading level={3}>Eerdere overleggen</Heading>
          <ol className="tijdlijn" reversed>
            {[...history].reverse().map((r) => (
              <li key={r.id}>
                {formatDateTime(r.op)} met {String(r.inhoud['gedragswetenschapper'])}:{' '}
                {String(r.inhoud['besluit'])}
                {r.inhoud['nietHandelen'] === true ? ' (besluit om niet te handelen)' : ''} –{' '}
                {String(r.inhoud['overwegingen'])}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

const MELDCODE_FIELD_LABELS: Record<string, string> = {
  stap: 'Stap',
  op: 'Datum van de stap',
  overweging: 'Overweging',
  besluit: 'Besluit',
};

export function Meldcode({
  caseId,
  history,
}: {
  caseId: string;
  history: readonly AssessmentView[];
}) {
  const refresh = useRefresh(caseId);
  const now = nowFields();
  const lastDone = (step: string) => history.filter((r) => r.inhoud['stap'] === step).at(-1);
  const next = MELDCODE_STEPS.find(([key]) => !lastDone(key))?.[0] ?? 'beslissen';
  const [step, setStep] = useState<string | null>(null);
  const [date, setDate] = useState(now.date);
  const [time, setTime] = useState(now.time);
  const [consideration, setConsideration] = useState('');
  const [decision, setDecision] = useState('');
  const s = useSubmission('Vastleggen lukte niet. Probeer het opnieuw.', 'meldcode');
  const current = step ?? next;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const at = toInstant(date, time);
    if (!at) found.op = 'vul datum (dd-mm-jjjj) en tijd (uu:mm) in';
    if (!consideration.trim()) found.overweging = 'vul de overweging van deze stap in';
    if (current === 'beslissen' && !decision)
      found.besluit = 'kies: hulp, melden bij Veilig Thuis, of allebei';
    await s.run(found, async () => {
      await api('POST', `/casussen/${caseId}/meldcode`, {
        stap: current,
        op: at,
        overweging: consideration.trim(),
        ...(current === 'beslissen' ? { besluit: decision } : {}),
      });
      await refresh();
      setStep(null);
      setConsideration('');
      setDecision('');
      return current === 'beslissen' && decision !== 'hulp'
        ? 'Het besluit is vastgelegd; de melding bij Veilig Thuis staat in de tijdlijn van de casus.'
        : 'De stap is vastgelegd.';
    });
  }

  return (
    <section aria-labelledby="kop-meldcode">
      <Heading level={2} id="kop-meldcode">
        Meldcode huiselijk geweld en kindermishandeling
      </Heading>
      <Paragraph>
        Bij signalen van geweld of mishandeling doorloopt u de vijf stappen; leg bij elke stap de
        datum en uw overweging vast.
      </Paragraph>
      <ol className="utrecht-ordered-list stappen">
        {MELDCODE_STEPS.map(([key, label]) => {
          const done = lastDone(key);
          return (
            <li key={key} className="utrecht-ordered-list__item">
              <strong>{label.replace(/^\d\. /, '')}</strong>:{' '}
              {done
                ? `${formatDateTime(String(done.inhoud['op']))} – ${String(done.inhoud['overweging'])}${
                    done.inhoud['besluit']
                      ? ` (besluit: ${MELDCODE_DECISIONS.find(([v]) => v === done.inhoud['besluit'])?.[1] ?? ''})`
                      : ''
                  }`
                : 'nog niet gedaan'}
            </li>
          );
        })}
      </ol>
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => MELDCODE_FIELD_LABELS[p] ?? p}
      />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
        <FormField label="Stap" {...s.field('stap')} required>
          {(w) => (
            <Select {...w} value={current} onChange={(e) => setStep(e.target.value)}>
              {MELDCODE_STEPS.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <DateTimeFields
          dateLabel="Datum van de stap"
          timeLabel="Tijd van de stap"
          date={date}
          time={time}
          onDate={setDate}
          onTime={setTime}
          {...s.field('op')}
        />
        <FormField label="Overweging" {...s.field('overweging')} required>
          {(w) => (
            <Textarea
              {...w}
              rows={3}
              value={consideration}
              onChange={(e) => setConsideration(e.target.value)}
            />
          )}
        </FormField>
        {current === 'beslissen' && (
          <ChoiceGroup
            legend="Besluit"
            type="radio"
            name="meldcode.besluit"
            options={MELDCODE_DECISIONS}
            selected={[decision]}
            onChange={(v) => setDecision(v[0] ?? '')}
            error={s.errors['besluit']}
          />
        )}
        <Button type="submit" appearance="primary-action" disabled={s.busy}>
          Stap vastleggen
        </Button>
      </form>
    </section>
  );
}
