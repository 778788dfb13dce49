/**
 * The family portal (issue 10, ADR 0026): a separate entry at /portaal in the same web app, with
 * its own simple, mobile-first frame and its own session. Parents, custodians and young people
 * from 12 log in with a one-time code by e-mail; the staff layout and menus never show here.
 */
import type { ReactNode } from 'react';
import { Link as RouterLink, Route, Routes, useNavigate } from 'react-router';
import { Alert, Button, Paragraph } from '../nl/index.js';
import { PageHeading } from '../page.js';
import { PortalCasePage } from './PortalCasePage.js';
import { PortalHome } from './PortalHome.js';
import { PortalLoginPage } from './PortalLoginPage.js';
import { usePortalLogout, usePortalSession, type PortalMe } from './portal-api.js';

function PortalLayout({ me, children }: { me: PortalMe | null; children: ReactNode }) {
  const logout = usePortalLogout();
  const navigate = useNavigate();
  return (
    <div className="portaal-pagina">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
        Naar de inhoud
      </a>
      <header className="portaal-kop">
        <div className="portaal-kop__binnen">
          <RouterLink className="portaal-kop__naam" to="/portaal">
            Gezinsportaal
          </RouterLink>
          {me && (
            <Button
              appearance="subtle"
              className="portaal-kop__uit"
              onClick={() => {
                void logout().then(() => navigate('/portaal'));
              }}
            >
              Uitloggen
            </Button>
          )}
        </div>
      </header>
      <main id="inhoud" className="portaal-hoofd" tabIndex={-1}>
        {children}
      </main>
      <footer className="portaal-voet">
        <p className="utrecht-paragraph utrecht-paragraph--small">
          Gezinsportaal van Casusregie. Vragen? Neem contact op met uw casusregisseur.
        </p>
      </footer>
    </div>
  );
}

export function PortalApp() {
  const session = usePortalSession();
  let content: ReactNode;
  if (session.isPending)
    content = (
      <p className="utrecht-paragraph" role="status">
        Even geduld…
      </p>
    );
  else if (session.isError)
    content = (
      <>
        <PageHeading title="Geen verbinding" />
        <Alert type="error">{session.error.message}</Alert>
      </>
    );
  else if (!session.data) content = <PortalLoginPage />;
  else {
    const me = session.data;
    content = (
      <Routes>
        <Route index element={<PortalHome me={me} />} />
        <Route path="casussen/:id" element={<PortalCasePage />} />
        <Route
          path="*"
          element={
            <>
              <PageHeading title="Pagina niet gevonden" />
              <Paragraph>Deze pagina bestaat niet.</Paragraph>
              <p>
                <RouterLink className="utrecht-link portaal-terug" to="/portaal">
                  Naar de startpagina
                </RouterLink>
              </p>
            </>
          }
        />
      </Routes>
    );
  }
  return <PortalLayout me={session.data ?? null}>{content}</PortalLayout>;
}
