/**
 * The family portal's start page: a welcome, and the open cases of the family (from
 * `GET /api/v1/portaal/casussen`), each a large link to its page.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link as RouterLink } from 'react-router';
import { ApiFailure } from '../api.js';
import { formatDate } from '../format.js';
import { Alert, Heading, Paragraph } from '../nl/index.js';
import { PageHeading } from '../page.js';
import { PORTAL_SESSION_KEY, portalApi, type PortalMe } from './portal-api.js';

interface PortalCaseItem {
  readonly id: string;
  readonly titel: string;
  readonly gezin: string;
  readonly sinds: string;
}

async function fetchCases(): Promise<readonly PortalCaseItem[]> {
  try {
    return (await portalApi<{ casussen?: PortalCaseItem[] }>('GET', '/casussen')).casussen ?? [];
  } catch (error) {
    // No list yet (404) counts as nothing to show.
    if (error instanceof ApiFailure && error.status === 404) return [];
    throw error;
  }
}

export function PortalHome({ me }: { me: PortalMe }) {
  const young = me.rol !== 'vertegenwoordiger';
  const cases = useQuery({ queryKey: ['portaal', 'casussen'], queryFn: fetchCases });
  const client = useQueryClient();
  // The session ended (logged out elsewhere, or access withdrawn): back to the login.
  useEffect(() => {
    if (cases.error instanceof ApiFailure && cases.error.status === 401)
      void client.invalidateQueries({ queryKey: PORTAL_SESSION_KEY });
  }, [cases.error, client]);
  return (
    <>
      <PageHeading title={`Welkom, ${me.naam}`} />
      <Paragraph lead>
        {young
          ? 'Hier zie je wat er gebeurt met de hulp voor jou en je gezin.'
          : 'Hier ziet u wat er gebeurt met de hulp voor uw gezin.'}
      </Paragraph>
      <section aria-labelledby="portaal-hulp">
        <Heading level={2} id="portaal-hulp">
          {young ? 'Jouw hulp' : 'Hulp voor uw gezin'}
        </Heading>
        {cases.isPending && (
          <p className="utrecht-paragraph" role="status">
            Even geduld…
          </p>
        )}
        {cases.isError && <Alert type="error">{cases.error.message}</Alert>}
        {cases.data && cases.data.length === 0 && (
          <Paragraph>
            {young
              ? 'Er is op dit moment geen hulp die je hier kunt bekijken.'
              : 'Er is op dit moment geen hulp die u hier kunt bekijken.'}
          </Paragraph>
        )}
        {cases.data && cases.data.length > 0 && (
          <ul className="portaal-lijst">
            {cases.data.map((c) => (
              <li key={c.id}>
                <RouterLink className="portaal-lijst__link" to={`/portaal/casussen/${c.id}`}>
                  <span className="portaal-lijst__titel">{c.titel}</span>
                  <span className="portaal-lijst__sinds">
                    {c.gezin} · sinds {formatDate(c.sinds)}
                  </span>
                </RouterLink>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
