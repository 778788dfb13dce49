import { useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiFailure } from '../api.js';
import { Layout } from '../Layout.js';
import { Alert, Button, FormField, Paragraph, Textbox } from '../nl/index.js';
import { PageHeading } from '../page.js';
import { useLogin } from '../session.js';

/** Only paths inside this app are followed after login (no open redirect). */
function safeReturn(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function LoginPage() {
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; wachtwoord?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: { email?: string; wachtwoord?: string } = {};
    if (!email.trim()) found.email = 'Vul uw e-mailadres in.';
    if (!password) found.wachtwoord = 'Vul uw wachtwoord in.';
    setErrors(found);
    setFailure(null);
    if (found.email || found.wachtwoord) return;
    setBusy(true);
    try {
      await login(email.trim(), password);
      await navigate(safeReturn(params.get('terug')), { replace: true });
    } catch (error) {
      setFailure(
        error instanceof ApiFailure ? error.message : 'Inloggen lukte niet. Probeer het opnieuw.',
      );
      setBusy(false);
      requestAnimationFrame(() => alertRef.current?.focus());
    }
  }

  return (
    <Layout me={null}>
      <div className="smal">
        <PageHeading title="Inloggen" />
        <Paragraph>Log in met het e-mailadres en wachtwoord van uw organisatie.</Paragraph>
        {failure && (
          <Alert type="error" focusRef={alertRef}>
            {failure}
          </Alert>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
          <FormField label="E-mailadres" error={errors.email} required>
            {(wiring) => (
              <Textbox
                {...wiring}
                type="email"
                name="email"
                autoComplete="username"
                value={email}
                invalid={Boolean(errors.email)}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </FormField>
          <FormField label="Wachtwoord" error={errors.wachtwoord} required>
            {(wiring) => (
              <Textbox
                {...wiring}
                type="password"
                name="wachtwoord"
                autoComplete="current-password"
                value={password}
                invalid={Boolean(errors.wachtwoord)}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </FormField>
          <Button type="submit" appearance="primary-action" disabled={busy}>
            Inloggen
          </Button>
        </form>
      </div>
    </Layout>
  );
}
