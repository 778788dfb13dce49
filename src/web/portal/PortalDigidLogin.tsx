/**
 * "Inloggen met DigiD" on the portal's login page (ADR 0026): one button per identity provider
 * the municipality set up for citizens, above the code by e-mail; and, after a refused DigiD
 * login, the reason in plain Dutch (`/portaal?digid=<code>`). The button is a plain link: the
 * server sends the browser on to the provider.
 */
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { DIGID_FAILURE_TEXTS, isDigidFailure } from '../../domain/portal/digid.js';
import { Alert, Paragraph } from '../nl/index.js';
import { portalApi } from './portal-api.js';

interface LoginMethods {
  readonly digid: readonly { readonly id: string; readonly naam: string }[];
}

export function PortalDigidLogin() {
  const [params] = useSearchParams();
  const code = params.get('digid');
  const failure = isDigidFailure(code) ? DIGID_FAILURE_TEXTS[code] : null;
  const methods = useQuery({
    queryKey: ['portaal-inlogmethoden'],
    queryFn: () => portalApi<LoginMethods>('GET', '/inlogmethoden'),
    staleTime: 300_000,
  });
  const providers = methods.data?.digid ?? [];
  return (
    <>
      {failure && <Alert type="error">{failure}</Alert>}
      {providers.length > 0 && (
        <section aria-labelledby="portaal-digid-kop" className="portaal-digid">
          <h2 id="portaal-digid-kop" className="utrecht-heading-2">
            Met DigiD
          </h2>
          <Paragraph>Log in met uw DigiD. Dan heeft u geen code nodig.</Paragraph>
          {providers.map((p) => (
            <p key={p.id}>
              <a
                className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action portaal-digid__knop"
                href={`/api/v1/portaal/digid/${encodeURIComponent(p.id)}/start`}
              >
                {providers.length === 1 ? 'Inloggen met DigiD' : `Inloggen met DigiD (${p.naam})`}
              </a>
            </p>
          ))}
        </section>
      )}
      {providers.length > 0 && (
        <h2 className="utrecht-heading-2 portaal-digid__of">Of met een code per e-mail</h2>
      )}
    </>
  );
}
