/**
 * Changing one's own password (ASVS 2.1.5, 3.3.3; ADR 0016). The server checks the current
 * password like a login and the new one against the policy (length, common or leaked words,
 * the e-mail address); its field problems are shown here by field name. On success the server
 * ends every session of this person and starts a new one: the UI takes the new CSRF token from
 * the answer and refreshes the session, so it keeps working without logging in again.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, setCsrfToken } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { useSubmission } from '../forms.js';
import { Alert, Button, FormField, Paragraph, Textbox } from '../nl/index.js';
import { PageHeading } from '../page.js';
import { SESSION_KEY } from '../session.js';

/** The policy's bounds (server/security/password-policy.ts); the server has the last word. */
const MIN_LENGTH = 12;
const MAX_LENGTH = 128;

const LABELS: Record<string, string> = {
  huidigWachtwoord: 'Huidig wachtwoord',
  nieuwWachtwoord: 'Nieuw wachtwoord',
  herhaling: 'Herhaal het nieuwe wachtwoord',
};
const labelOf = (path: string) => LABELS[path] ?? path;

export function PasswordPage() {
  const client = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const s = useSubmission('Het wachtwoord wijzigen lukte niet. Probeer het opnieuw.', 'wachtwoord');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const length = [...next].length;
    if (current === '') found['huidigWachtwoord'] = 'vul uw huidige wachtwoord in';
    if (length < MIN_LENGTH)
      found['nieuwWachtwoord'] = `het wachtwoord is te kort: minstens ${MIN_LENGTH} tekens`;
    else if (length > MAX_LENGTH)
      found['nieuwWachtwoord'] = `het wachtwoord is te lang: hoogstens ${MAX_LENGTH} tekens`;
    else if (next === current)
      found['nieuwWachtwoord'] = 'kies een ander wachtwoord dan het huidige';
    if (repeat !== next) found['herhaling'] = 'dit is niet hetzelfde als het nieuwe wachtwoord';
    await s.run(found, async () => {
      const answer = await api<{ csrfToken: string }>('POST', '/wachtwoord', {
        huidigWachtwoord: current,
        nieuwWachtwoord: next,
      });
      // The old session (and its token) ended; carry on with the new one.
      setCsrfToken(answer.csrfToken);
      await client.invalidateQueries({ queryKey: SESSION_KEY });
      setCurrent('');
      setNext('');
      setRepeat('');
      return 'Uw wachtwoord is gewijzigd. U blijft hier ingelogd; op andere apparaten en in andere browsers moet u opnieuw inloggen.';
    });
  }

  return (
    <>
      <PageHeading title="Wachtwoord wijzigen" />
      <Paragraph>
        Kies een wachtwoord van minstens {MIN_LENGTH} tekens. Een zin van een paar woorden is
        makkelijk te onthouden en moeilijk te raden. Veelgebruikte of uitgelekte wachtwoorden en uw
        e-mailadres worden geweigerd.
      </Paragraph>
      <div aria-live="polite">{s.done && <Alert type="ok">{s.done}</Alert>}</div>
      <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
        <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
        <FormField label="Huidig wachtwoord" {...s.field('huidigWachtwoord')} required>
          {(w) => (
            <Textbox
              {...w}
              type="password"
              autoComplete="current-password"
              value={current}
              invalid={Boolean(s.errors['huidigWachtwoord'])}
              onChange={(e) => setCurrent(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          label="Nieuw wachtwoord"
          description={`Minstens ${MIN_LENGTH} en hoogstens ${MAX_LENGTH} tekens`}
          {...s.field('nieuwWachtwoord')}
          required
        >
          {(w) => (
            <Textbox
              {...w}
              type="password"
              autoComplete="new-password"
              value={next}
              invalid={Boolean(s.errors['nieuwWachtwoord'])}
              onChange={(e) => setNext(e.target.value)}
            />
          )}
        </FormField>
        <FormField label="Herhaal het nieuwe wachtwoord" {...s.field('herhaling')} required>
          {(w) => (
            <Textbox
              {...w}
              type="password"
              autoComplete="new-password"
              value={repeat}
              invalid={Boolean(s.errors['herhaling'])}
              onChange={(e) => setRepeat(e.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" appearance="primary-action" disabled={s.busy}>
          Wachtwoord wijzigen
        </Button>
      </form>
    </>
  );
}
