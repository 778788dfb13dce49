/**
 * "Gezinsportaal" on the case page (issue 10, ADR 0026): per person of the household the e-mail
 * address the login code goes to, whether a parent's authority was removed, and whether they
 * can use the portal now (and why not). Only for the casusregie side: the server answers 403 to
 * other readers of the case and the section stays away. Clearing an address or recording a
 * removal of authority ends the person's running portal sessions at once.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type CaseView } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { useSubmission } from '../forms.js';
import { formatDateTime } from '../format.js';
import { Alert, Button, FormField, Heading, Paragraph, Textarea, Textbox } from '../nl/index.js';

interface AccessPerson {
  id: string;
  naam: string;
  soort: 'jeugdige' | 'ouder' | 'gezagsdrager' | 'voogd';
  geboortedatum: string | null;
  email: string | null;
  gezagOntnomen: boolean;
  gezagToelichting: string | null;
  gezagGewijzigdOp: string | null;
  portaal: {
    kan: boolean;
    rol: 'vertegenwoordiger' | 'jongere-12-15' | 'jongere-16-plus' | null;
    reden: string | null;
    uitleg: string | null;
  };
  meelezen: boolean | null;
}

const KIND: Record<AccessPerson['soort'], string> = {
  jeugdige: 'jeugdige',
  ouder: 'ouder',
  gezagsdrager: 'gezagsdrager',
  voogd: 'voogd',
};

const ROLE: Record<string, string> = {
  vertegenwoordiger: 'als ouder of vertegenwoordiger',
  'jongere-12-15': 'als jongere van 12 tot 16 jaar',
  'jongere-16-plus': 'als jongere van 16 jaar of ouder',
};

const labelOf = (p: string) =>
  p === 'email'
    ? 'E-mailadres'
    : p === 'toelichting'
      ? 'Toelichting'
      : p === 'gezagOntnomen'
        ? 'Gezag'
        : p;

export function PortalAccessSection({ casus }: { casus: CaseView }) {
  const query = useQuery({
    queryKey: ['gezinsportaal', casus.id],
    queryFn: () => api<{ personen: AccessPerson[] }>('GET', `/casussen/${casus.id}/gezinsportaal`),
    retry: false,
  });
  if (query.isError || !query.data) return null;
  return (
    <section aria-labelledby="kop-gezinsportaal">
      <Heading level={2} id="kop-gezinsportaal">
        Gezinsportaal
      </Heading>
      <Paragraph>
        Wie van het gezin het gezinsportaal kan gebruiken. Een inlogcode gaat naar het e-mailadres
        dat u hier vastlegt. Ouders, gezagsdragers en voogden loggen in, jongeren vanaf 12 jaar; een
        ouder van wie het gezag is ontnomen niet. Wist u een adres of legt u vast dat het gezag is
        ontnomen, dan stopt een lopende sessie van die persoon meteen.
      </Paragraph>
      <ul className="utrecht-unordered-list">
        {query.data.personen.map((p) => (
          <li key={p.id} className="utrecht-unordered-list__item">
            <OnePerson caseId={casus.id} person={p} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function useRefresh(caseId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['gezinsportaal', caseId] });
}

function OnePerson({ caseId, person }: { caseId: string; person: AccessPerson }) {
  const headingId = `gezinsportaal-${person.id}`;
  return (
    <article aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {person.naam} ({KIND[person.soort]})
      </Heading>
      <Paragraph>
        {person.portaal.kan
          ? `Kan het gezinsportaal gebruiken ${ROLE[person.portaal.rol ?? ''] ?? ''}.`
          : `Kan het gezinsportaal niet gebruiken: ${person.portaal.uitleg ?? ''}`}
      </Paragraph>
      {person.meelezen !== null && person.portaal.rol === 'jongere-16-plus' && (
        <Paragraph>
          {person.meelezen
            ? 'Deze jongere vindt het goed dat de ouders meelezen met wat over hem of haar gaat.'
            : 'Deze jongere wil niet dat de ouders meelezen met wat alleen over hem of haar gaat.'}
        </Paragraph>
      )}
      <EmailForm caseId={caseId} person={person} />
      {person.soort === 'ouder' && <AuthorityForm caseId={caseId} person={person} />}
    </article>
  );
}

function EmailForm({ caseId, person }: { caseId: string; person: AccessPerson }) {
  const refresh = useRefresh(caseId);
  const [email, setEmail] = useState(person.email ?? '');
  const s = useSubmission('Opslaan lukte niet. Probeer het opnieuw.', `portaal-${person.id}`);

  async function save(value: string | null) {
    const found: FieldErrors = {};
    if (value !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()))
      found['email'] = 'vul een geldig e-mailadres in';
    await s.run(found, async () => {
      await api('PUT', `/casussen/${caseId}/personen/${person.id}/portaal`, { email: value });
      await refresh();
      if (value === null) setEmail('');
      return value === null
        ? `Het e-mailadres van ${person.naam} is gewist.`
        : `Het e-mailadres van ${person.naam} is opgeslagen.`;
    });
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    void save(email);
  }
  return (
    <form onSubmit={submit} noValidate className="formulier">
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField
        label={`E-mailadres van ${person.naam} voor het gezinsportaal`}
        description="Hier komt de inlogcode. Het adres mag bij niemand anders in gebruik zijn."
        {...s.field('email')}
        required
      >
        {(w) => (
          <Textbox
            {...w}
            type="email"
            autoComplete="off"
            value={email}
            invalid={Boolean(s.errors['email'])}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </FormField>
      <Button type="submit" disabled={s.busy}>
        E-mailadres opslaan
      </Button>
      {person.email !== null && (
        <>
          {' '}
          <Button type="button" disabled={s.busy} onClick={() => void save(null)}>
            E-mailadres wissen
          </Button>
        </>
      )}
    </form>
  );
}

function AuthorityForm({ caseId, person }: { caseId: string; person: AccessPerson }) {
  const refresh = useRefresh(caseId);
  const [note, setNote] = useState('');
  const s = useSubmission('Opslaan lukte niet. Probeer het opnieuw.', `gezag-${person.id}`);

  async function record(removed: boolean) {
    const found: FieldErrors = {};
    if (removed && !note.trim())
      found['toelichting'] = 'schrijf kort op op welke beslissing van de rechter dit berust';
    await s.run(found, async () => {
      await api('PUT', `/casussen/${caseId}/personen/${person.id}/gezag`, {
        gezagOntnomen: removed,
        toelichting: note.trim() || null,
      });
      await refresh();
      setNote('');
      return removed
        ? `Vastgelegd: het gezag van ${person.naam} is ontnomen. ${person.naam} kan het gezinsportaal niet meer gebruiken.`
        : `Vastgelegd: ${person.naam} heeft weer gezag.`;
    });
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    void record(!person.gezagOntnomen);
  }
  return (
    <form onSubmit={submit} noValidate className="formulier">
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      {person.gezagOntnomen ? (
        <Paragraph>
          Het gezag van {person.naam} is ontnomen
          {person.gezagGewijzigdOp
            ? ` (vastgelegd ${formatDateTime(person.gezagGewijzigdOp)})`
            : ''}
          {person.gezagToelichting ? `: ${person.gezagToelichting}` : '.'}
        </Paragraph>
      ) : (
        <Paragraph>{person.naam} heeft gezag.</Paragraph>
      )}
      <FormField
        label={
          person.gezagOntnomen
            ? `Toelichting bij het herstel van het gezag van ${person.naam}`
            : `Toelichting: beslissing van de rechter over het gezag van ${person.naam}`
        }
        description="Bijvoorbeeld: beschikking van de rechtbank, met datum."
        {...s.field('toelichting')}
        required={!person.gezagOntnomen}
      >
        {(w) => <Textarea {...w} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </FormField>
      <Button type="submit" disabled={s.busy}>
        {person.gezagOntnomen ? 'Gezag weer vastleggen' : 'Gezag ontnomen vastleggen'}
      </Button>
    </form>
  );
}
