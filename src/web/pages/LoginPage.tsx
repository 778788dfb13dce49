import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiFailure } from '../api.js';
import { Layout } from '../Layout.js';
import { Alert, Button, FormField, Paragraph, Textbox } from '../nl/index.js';
import { PageHeading } from '../page.js';
import { useLogin } from '../session.js';

/** Only paths inside this app are followed after login (no open redirect). */
function safeReturn(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

/** Why a login at the municipality's identity provider came back refused (ADR 0017). */
const OIDC_FAILURES: Record<string, string> = {
  mislukt: 'Inloggen via uw gemeente is niet gelukt of duurde te lang. Probeer het opnieuw.',
  'niet-actief': 'Inloggen via deze identiteitsaanbieder is niet (meer) mogelijk.',
  email:
    'Uw identiteitsaanbieder gaf geen bevestigd e-mailadres door. Neem contact op met de beheerder van uw gemeente.',
  onbekend:
    'Er is in casusregie geen actief account met uw e-mailadres bij deze gemeente. Een beheerder van uw organisatie kan een account voor u aanmaken.',
};

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
  const providers = useQuery({
    queryKey: ['oidc-aanbieders'],
    queryFn: () => api<{ id: string; naam: string }[]>('GET', '/auth/oidc/aanbieders'),
  });
  const oidcFailure = OIDC_FAILURES[params.get('oidc') ?? ''];

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
        {oidcFailure && !failure && <Alert type="error">{oidcFailure}</Alert>}
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
        {providers.data && providers.data.length > 0 && (
          <section aria-labelledby="inloggen-gemeente" className="formulier">
            <h2 id="inloggen-gemeente" className="utrecht-heading-2">
              Inloggen via uw gemeente
            </h2>
            <Paragraph>Werkt uw gemeente met een eigen inlogdienst? Gebruik die dan.</Paragraph>
            {providers.data.map((p) => (
              <p key={p.id}>
                <a
                  className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
                  href={`/api/v1/auth/oidc/${encodeURIComponent(p.id)}/start`}
                >
                  Inloggen met {p.naam}
                </a>
              </p>
            ))}
          </section>
        )}
      </div>
    </Layout>
  );
}
