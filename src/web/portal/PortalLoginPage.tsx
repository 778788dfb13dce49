/**
 * Logging in to the family portal in two steps: the e-mail address, then the six-digit code
 * from the mail. Problems are named at the field they are about, in plain Dutch; a refusal
 * (e.g. no authority) is shown as the server words it.
 */
import { useRef, useState, type FormEvent } from 'react';
import { ApiFailure } from '../api.js';
import { Alert, Button, FormField, Paragraph, Textbox } from '../nl/index.js';
import { PageHeading } from '../page.js';
import { portalApi, usePortalLogin } from './portal-api.js';
import { PortalDigidLogin } from './PortalDigidLogin.js';

const EMAIL_ID = 'portaal-email';
const CODE_ID = 'portaal-code';

interface Problems {
  email?: string;
  code?: string;
}

/** The server's problem with a field (`body.email`, `body.code`), if it named one. */
function fieldProblem(error: ApiFailure, field: 'email' | 'code'): string | undefined {
  const found = error.fields.find((f) => f.path === `body.${field}`);
  if (!found) return undefined;
  return field === 'email'
    ? 'Dit is geen goed e-mailadres. Bijvoorbeeld: naam@voorbeeld.nl'
    : 'De code is 6 cijfers. Kijk in de e-mail.';
}

export function PortalLoginPage() {
  const login = usePortalLogin();
  const [step, setStep] = useState<'email' | 'code'>('email');
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const focus = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const fail = (message: string) => {
    setFailure(message);
    requestAnimationFrame(() => alertRef.current?.focus());
  };

  async function askCode(event?: FormEvent) {
    event?.preventDefault();
    const address = email.trim();
    const found: Problems = {};
    if (!address) found.email = 'Vul uw e-mailadres in.';
    else if (!/^[^\s@]+@[^\s@]+$/.test(address))
      found.email = 'Dit is geen goed e-mailadres. Bijvoorbeeld: naam@voorbeeld.nl';
    setProblems(found);
    setFailure(null);
    if (found.email) {
      focus(EMAIL_ID);
      return;
    }
    setBusy(true);
    try {
      const answer = await portalApi<{ bericht: string }>('POST', '/code', { email: address });
      setNotice(answer.bericht);
      setCode('');
      setStep('code');
      focus(CODE_ID);
    } catch (error) {
      if (error instanceof ApiFailure && fieldProblem(error, 'email'))
        setProblems({ email: fieldProblem(error, 'email') });
      else
        fail(error instanceof ApiFailure ? error.message : 'Dat lukte niet. Probeer het opnieuw.');
    } finally {
      setBusy(false);
    }
  }

  async function logIn(event: FormEvent) {
    event.preventDefault();
    const digits = code.replace(/\s+/g, '');
    const found: Problems = {};
    if (!digits) found.code = 'Vul de code uit de e-mail in.';
    else if (!/^\d{6}$/.test(digits)) found.code = 'De code is 6 cijfers. Kijk in de e-mail.';
    setProblems(found);
    setFailure(null);
    if (found.code) {
      focus(CODE_ID);
      return;
    }
    setBusy(true);
    try {
      await login(email.trim(), digits);
    } catch (error) {
      setBusy(false);
      if (!(error instanceof ApiFailure)) return fail('Inloggen lukte niet. Probeer het opnieuw.');
      if (error.status === 401) {
        setProblems({ code: error.message });
        focus(CODE_ID);
      } else if (fieldProblem(error, 'code')) setProblems({ code: fieldProblem(error, 'code') });
      else fail(error.message);
    }
  }

  return (
    <div className="portaal-smal">
      <PageHeading title="Inloggen" />
      {failure && (
        <Alert type="error" focusRef={alertRef}>
          {failure}
        </Alert>
      )}
      {step === 'email' ? (
        <>
          <PortalDigidLogin />
          <Paragraph>
            Vul uw e-mailadres in. U krijgt dan een e-mail met een code. Met die code logt u in.
          </Paragraph>
          <form onSubmit={(e) => void askCode(e)} noValidate className="portaal-formulier">
            <FormField label="E-mailadres" inputId={EMAIL_ID} error={problems.email} required>
              {(wiring) => (
                <Textbox
                  {...wiring}
                  type="email"
                  name="email"
                  autoComplete="email"
                  inputMode="email"
                  value={email}
                  invalid={Boolean(problems.email)}
                  onChange={(e) => setEmail(e.target.value)}
                />
              )}
            </FormField>
            <Button type="submit" appearance="primary-action" disabled={busy}>
              Stuur mij een code
            </Button>
          </form>
        </>
      ) : (
        <>
          {notice && <Alert type="info">{notice}</Alert>}
          <Paragraph>
            De code werkt 10 minuten. Geen e-mail gekregen? Kijk ook bij ongewenste e-mail (spam).
          </Paragraph>
          <form onSubmit={(e) => void logIn(e)} noValidate className="portaal-formulier">
            <FormField
              label="Code uit de e-mail"
              inputId={CODE_ID}
              description="6 cijfers"
              error={problems.code}
              required
            >
              {(wiring) => (
                <Textbox
                  {...wiring}
                  name="code"
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  maxLength={8}
                  value={code}
                  invalid={Boolean(problems.code)}
                  onChange={(e) => setCode(e.target.value)}
                />
              )}
            </FormField>
            <Button type="submit" appearance="primary-action" disabled={busy}>
              Inloggen
            </Button>
          </form>
          <div className="portaal-knoppen">
            <Button disabled={busy} onClick={() => void askCode()}>
              Stuur een nieuwe code
            </Button>
            <Button
              appearance="subtle"
              onClick={() => {
                setStep('email');
                setNotice(null);
                setProblems({});
                setFailure(null);
              }}
            >
              Ander e-mailadres
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
