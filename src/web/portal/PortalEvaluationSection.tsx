/**
 * Evaluations in the family portal (issue 10, ADR 0026): what an evaluation is, in plain words;
 * the planned evaluations of the case with who is invited; each family member's own view for
 * an upcoming one; and, when the family holds casusregie, the form to plan one and invite the
 * organisations that help (a parent or a young person of 16+; the server decides and says why
 * not). "u" to parents, "je" to young people, as on the rest of the case page.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useRef, useState, type FormEvent } from 'react';
import { ApiFailure } from '../api.js';
import { formatDateTime, toInstant } from '../format.js';
import {
  Alert,
  Button,
  ChoiceGroup,
  FormField,
  Heading,
  Paragraph,
  Textarea,
  Textbox,
} from '../nl/index.js';
import { portalApi, type PortalRole } from './portal-api.js';

interface Planned {
  id: string;
  soort: string;
  geplandOp: string;
  komtNog: boolean;
  plaats: string | null;
  onderwerpen: string[];
  geplandDoorGezin: string | null;
  genodigden: { naam: string; rol: string }[];
  eigenInbreng: string | null;
  inbrengAnderen: { naam: string; tekst: string }[];
}

interface Overview {
  gezinHeeftCasusregie: boolean;
  magPlannen: boolean;
  waaromNiet: string | null;
  kunUitnodigen: { id: string; naam: string; betrokken: string[] }[];
  gepland: Planned[];
}

const ROLE_WORDS: Record<string, string> = {
  jeugdige: 'jongere',
  ouder: 'ouder of verzorger',
  netwerk: 'familie of vrienden',
  professional: 'hulpverlener',
  school: 'school',
  casusregisseur: 'casusregisseur',
};

const INVOLVEMENT_WORDS: Record<string, string> = {
  rol: 'helpt bij uw gezin',
  toewijzing: 'geeft hulp',
  'lokaal-team': 'lokaal team',
};

/** The server's field names (`body.geplandOp`) → the form's fields. */
const FIELD_OF: Record<string, keyof Problems> = {
  geplandOp: 'datum',
  plaats: 'plaats',
  onderwerpen: 'onderwerpen',
  genodigden: 'genodigden',
};

interface Problems {
  datum?: string;
  tijd?: string;
  plaats?: string;
  onderwerpen?: string;
  genodigden?: string;
}

const FIELD_MESSAGES: Required<Problems> = {
  datum: 'Kies een dag in de toekomst.',
  tijd: 'Vul een tijd in, bijvoorbeeld 10:00.',
  plaats: 'Vul in waar het gesprek is, of de link voor een videogesprek.',
  onderwerpen: 'Schrijf minstens één onderwerp op. Eén onderwerp per regel.',
  genodigden: 'Kies uit de lijst: alleen wie nu bij het gezin helpt, kan worden uitgenodigd.',
};

export function PortalEvaluationSection({ caseId, role }: { caseId: string; role: PortalRole }) {
  const young = role !== 'vertegenwoordiger';
  const query = useQuery({
    queryKey: ['portaal', 'evaluaties', caseId],
    queryFn: () => portalApi<Overview>('GET', `/casussen/${encodeURIComponent(caseId)}/evaluaties`),
    retry: false,
  });
  return (
    <section className="portaal-sectie" aria-labelledby="portaal-evaluaties">
      <Heading level={2} id="portaal-evaluaties">
        Evaluaties
      </Heading>
      <Paragraph>
        {young
          ? 'Een evaluatie is een gesprek over hoe het gaat. Je bespreekt met je gezin en de hulpverleners wat al gelukt is, wat nog niet, en wat er anders moet.'
          : 'Een evaluatie is een gesprek over hoe het gaat. U bespreekt met uw gezin en de hulpverleners wat al gelukt is, wat nog niet, en wat er anders moet.'}
      </Paragraph>
      {query.isPending ? (
        <p className="utrecht-paragraph" role="status">
          Even geduld…
        </p>
      ) : query.isError ? (
        <Alert type="error">{query.error.message}</Alert>
      ) : (
        <>
          {query.data.gepland.length === 0 ? (
            <p className="utrecht-paragraph portaal-leeg">Er is nog geen evaluatie gepland.</p>
          ) : (
            <ul className="portaal-kaarten">
              {query.data.gepland.map((m) => (
                <PlannedCard key={m.id} caseId={caseId} meeting={m} young={young} />
              ))}
            </ul>
          )}
          {query.data.magPlannen ? (
            <PlanningForm caseId={caseId} overview={query.data} young={young} />
          ) : query.data.waaromNiet ? (
            <Paragraph>{query.data.waaromNiet}</Paragraph>
          ) : null}
        </>
      )}
    </section>
  );
}

function PlannedCard({
  caseId,
  meeting: m,
  young,
}: {
  caseId: string;
  meeting: Planned;
  young: boolean;
}) {
  const headingId = `evaluatie-${m.id}`;
  return (
    <li className="portaal-kaart">
      <Heading level={3} id={headingId}>
        Evaluatie op {formatDateTime(m.geplandOp)}
      </Heading>
      <dl className="portaal-gegevens">
        {m.plaats ? (
          <>
            <dt>Waar</dt>
            <dd>{m.plaats}</dd>
          </>
        ) : null}
        <dt>Gepland door</dt>
        <dd>{m.geplandDoorGezin ?? (young ? 'Je casusregisseur' : 'Uw casusregisseur')}</dd>
        {m.onderwerpen.length > 0 ? (
          <>
            <dt>Waarover</dt>
            <dd>
              <ul>
                {m.onderwerpen.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>Wie zijn uitgenodigd</dt>
        <dd>
          <ul>
            {m.genodigden.map((p) => (
              <li key={p.naam}>
                {p.naam} ({ROLE_WORDS[p.rol] ?? p.rol})
              </li>
            ))}
          </ul>
        </dd>
        {m.inbrengAnderen.map((i) => (
          <Fragment key={i.naam}>
            <dt>Wat {i.naam} wil zeggen</dt>
            <dd>{i.tekst}</dd>
          </Fragment>
        ))}
      </dl>
      {m.komtNog ? <InputForm caseId={caseId} meeting={m} young={young} /> : null}
    </li>
  );
}

/** The family member's own words for this evaluation; the invited professionals read them. */
function InputForm({
  caseId,
  meeting,
  young,
}: {
  caseId: string;
  meeting: Planned;
  young: boolean;
}) {
  const client = useQueryClient();
  const [text, setText] = useState(meeting.eigenInbreng ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = `inbreng-${meeting.id}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    setProblem(null);
    try {
      const answer = await portalApi<{ opgeslagen: boolean }>(
        'PUT',
        `/casussen/${encodeURIComponent(caseId)}/evaluaties/${encodeURIComponent(meeting.id)}/inbreng`,
        { tekst: text },
      );
      setMessage(
        answer.opgeslagen
          ? 'Opgeslagen. De hulpverleners lezen dit voor het gesprek.'
          : 'Weggehaald.',
      );
      await client.invalidateQueries({ queryKey: ['portaal', 'evaluaties', caseId] });
    } catch (error) {
      setProblem(error instanceof ApiFailure ? error.message : 'Opslaan lukte niet.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate className="portaal-formulier portaal-inbreng">
      <FormField
        label={young ? 'Wat wil je zelf zeggen?' : 'Wat wilt u zelf zeggen?'}
        inputId={inputId}
        description={
          young
            ? 'In je eigen woorden. De hulpverleners die komen, lezen dit.'
            : 'In uw eigen woorden. De hulpverleners die komen, lezen dit.'
        }
        error={problem ?? undefined}
      >
        {(wiring) => (
          <Textarea
            {...wiring}
            name="inbreng"
            rows={4}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </FormField>
      <Button type="submit" disabled={busy}>
        Opslaan
      </Button>
      {message ? <Alert type="ok">{message}</Alert> : null}
    </form>
  );
}

function PlanningForm({
  caseId,
  overview,
  young,
}: {
  caseId: string;
  overview: Overview;
  young: boolean;
}) {
  const client = useQueryClient();
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [place, setPlace] = useState('');
  const [topics, setTopics] = useState('');
  const [invited, setInvited] = useState<string[]>([]);
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const ids = {
    datum: 'evaluatie-datum',
    tijd: 'evaluatie-tijd',
    plaats: 'evaluatie-plaats',
    onderwerpen: 'evaluatie-onderwerpen',
    genodigden: 'veld-genodigden',
  } as const;

  const show = (found: Problems) => {
    setProblems(found);
    const first = (Object.keys(ids) as (keyof Problems)[]).find((k) => found[k]);
    if (first)
      requestAnimationFrame(() => {
        const target = document.getElementById(ids[first]);
        (target?.querySelector('input') ?? target)?.focus();
      });
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setDone(null);
    const found: Problems = {};
    const dutchDate = /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`
      : '';
    if (!dutchDate) found.datum = 'Kies de dag van het gesprek.';
    if (!/^\d{1,2}:\d{2}$/.test(time)) found.tijd = FIELD_MESSAGES.tijd;
    const instant = dutchDate ? toInstant(dutchDate, time) : null;
    if (!place.trim()) found.plaats = FIELD_MESSAGES.plaats;
    const topicList = topics
      .split('\n')
      .map((t) => t.trim())
      .filter((t) => t !== '');
    if (topicList.length === 0) found.onderwerpen = FIELD_MESSAGES.onderwerpen;
    if (invited.length === 0) found.genodigden = 'Kies minstens één hulpverlener.';
    if (Object.keys(found).length > 0 || !instant) return show(found);
    setBusy(true);
    try {
      await portalApi('POST', `/casussen/${encodeURIComponent(caseId)}/evaluaties`, {
        geplandOp: instant,
        plaats: place.trim(),
        onderwerpen: topicList,
        genodigden: invited,
      });
      setProblems({});
      setDate('');
      setTime('');
      setPlace('');
      setTopics('');
      setInvited([]);
      setDone('De evaluatie is gepland. De hulpverleners krijgen een bericht.');
      await client.invalidateQueries({ queryKey: ['portaal'] });
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 400 && error.fields.length > 0) {
        const fromServer: Problems = {};
        for (const f of error.fields) {
          const key = FIELD_OF[f.path.replace(/^body\./, '').split('.')[0] ?? ''];
          if (key) fromServer[key] = FIELD_MESSAGES[key];
        }
        show(fromServer);
      } else {
        setFailure(error instanceof ApiFailure ? error.message : 'Plannen lukte niet.');
        requestAnimationFrame(() => alertRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="portaal-evaluatie-plannen">
      <Heading level={3}>Evaluatie plannen</Heading>
      <Paragraph>
        {young
          ? 'Je gezin houdt zelf het overzicht (casusregie). Daarom plan je zelf wanneer jullie met de hulpverleners praten.'
          : 'Uw gezin houdt zelf het overzicht (casusregie). Daarom plant u zelf wanneer u met de hulpverleners praat.'}
      </Paragraph>
      {failure ? (
        <Alert type="error" focusRef={alertRef}>
          {failure}
        </Alert>
      ) : null}
      {done ? <Alert type="ok">{done}</Alert> : null}
      <form
        onSubmit={(e) => void submit(e)}
        noValidate
        className="portaal-formulier"
        aria-label="Evaluatie plannen"
      >
        <FormField label="Dag" inputId={ids.datum} error={problems.datum} required>
          {(wiring) => (
            <Textbox
              {...wiring}
              type="date"
              name="datum"
              value={date}
              invalid={Boolean(problems.datum)}
              onChange={(e) => setDate(e.target.value)}
            />
          )}
        </FormField>
        <FormField label="Tijd" inputId={ids.tijd} error={problems.tijd} required>
          {(wiring) => (
            <Textbox
              {...wiring}
              type="time"
              name="tijd"
              value={time}
              invalid={Boolean(problems.tijd)}
              onChange={(e) => setTime(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          label="Waar is het gesprek?"
          inputId={ids.plaats}
          description="Een adres, of de link voor een videogesprek."
          error={problems.plaats}
          required
        >
          {(wiring) => (
            <Textbox
              {...wiring}
              name="plaats"
              maxLength={300}
              value={place}
              invalid={Boolean(problems.plaats)}
              onChange={(e) => setPlace(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          label={young ? 'Waarover wil je praten?' : 'Waarover wilt u praten?'}
          inputId={ids.onderwerpen}
          description="Eén onderwerp per regel."
          error={problems.onderwerpen}
          required
        >
          {(wiring) => (
            <Textarea
              {...wiring}
              name="onderwerpen"
              rows={4}
              value={topics}
              onChange={(e) => setTopics(e.target.value)}
            />
          )}
        </FormField>
        <ChoiceGroup
          legend={young ? 'Wie nodig je uit?' : 'Wie nodigt u uit?'}
          type="checkbox"
          name="genodigden"
          description={
            young
              ? 'Je kunt alleen hulpverleners uitnodigen die nu bij je gezin helpen.'
              : 'U kunt alleen hulpverleners uitnodigen die nu bij uw gezin helpen.'
          }
          options={overview.kunUitnodigen.map(
            (o) =>
              [
                o.id,
                `${o.naam} (${o.betrokken.map((b) => INVOLVEMENT_WORDS[b] ?? b).join(', ')})`,
              ] as const,
          )}
          selected={invited}
          onChange={setInvited}
          error={problems.genodigden}
        />
        <Button type="submit" appearance="primary-action" disabled={busy}>
          Evaluatie plannen
        </Button>
      </form>
    </div>
  );
}
