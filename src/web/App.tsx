/** Routes of the web UI. Everything except the login page needs a session. */
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Layout } from './Layout.js';
import { Alert, Paragraph } from './nl/index.js';
import { PageHeading } from './page.js';
import { AccessLogPage } from './pages/AccessLogPage.js';
import { BreakGlassPage, BreakGlassReviewPage } from './pages/BreakGlassPage.js';
import { AnalysisPage } from './pages/AnalysisPage.js';
import { CasePage } from './pages/CasePage.js';
import { CataloguePage } from './pages/CataloguePage.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { MessagePage, MessagesPage } from './pages/MessagesPage.js';
import { NewCasePage } from './pages/NewCasePage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { NotificationsPage } from './pages/NotificationsPage.js';
import { CrisisPage } from './pages/CrisisSection.js';
import { EscalationsPage } from './pages/EscalationsPage.js';
import { PlanPage } from './pages/PlanPage.js';
import { ProviderEndingsPage } from './pages/ProviderEndingsPage.js';
import { ThermometerPage } from './pages/ThermometerPage.js';
import { TeamPage } from './pages/TeamPage.js';
import { ProviderPerformancePage } from './pages/ProviderPerformancePage.js';
import { ProposalPage, ProposalsPage } from './pages/ProposalsPage.js';
import { PasswordPage } from './pages/PasswordPage.js';
import { PortalApp } from './portal/PortalApp.js';
import { RetentionPage } from './pages/RetentionPage.js';
import { RulePage } from './pages/RulePage.js';
import { TeamQuestionsPage } from './pages/TeamQuestions.js';
import { WorkListPage } from './pages/WorkListPage.js';
import { useSession } from './session.js';
import type { Me } from './api.js';

function RequireSession({ children }: { children: (me: Me) => ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending)
    return (
      <Layout me={null}>
        <p className="utrecht-paragraph" role="status">
          Even geduld…
        </p>
      </Layout>
    );
  if (session.isError)
    return (
      <Layout me={null}>
        <PageHeading title="Geen verbinding" />
        <Alert type="error">{session.error.message}</Alert>
      </Layout>
    );
  if (!session.data) {
    const back = `${location.pathname}${location.search}`;
    return <Navigate to={`/inloggen?terug=${encodeURIComponent(back)}`} replace />;
  }
  return <Layout me={session.data}>{children(session.data)}</Layout>;
}

export function App() {
  return (
    <Routes>
      <Route path="/inloggen" element={<LoginPage />} />
      {/* The family portal (ADR 0026): its own frame and session, not the staff layout. */}
      <Route path="/portaal/*" element={<PortalApp />} />
      <Route
        path="/"
        element={<RequireSession>{(me) => <WorkListPage me={me} />}</RequireSession>}
      />
      <Route
        path="/casussen/nieuw"
        element={<RequireSession>{(me) => <NewCasePage me={me} />}</RequireSession>}
      />
      <Route path="/casussen/:id" element={<RequireSession>{() => <CasePage />}</RequireSession>} />
      <Route
        path="/casussen/:id/analyse"
        element={<RequireSession>{() => <AnalysisPage />}</RequireSession>}
      />
      <Route path="/plannen/:id" element={<RequireSession>{() => <PlanPage />}</RequireSession>} />
      <Route
        path="/berichten"
        element={<RequireSession>{() => <MessagesPage />}</RequireSession>}
      />
      <Route
        path="/berichten/:id"
        element={<RequireSession>{(me) => <MessagePage me={me} />}</RequireSession>}
      />
      <Route
        path="/catalogus"
        element={<RequireSession>{(me) => <CataloguePage me={me} />}</RequireSession>}
      />
      <Route
        path="/voorstellen"
        element={<RequireSession>{() => <ProposalsPage />}</RequireSession>}
      />
      <Route
        path="/voorstellen/:id"
        element={<RequireSession>{() => <ProposalPage />}</RequireSession>}
      />
      <Route
        path="/adviesvragen"
        element={<RequireSession>{() => <TeamQuestionsPage />}</RequireSession>}
      />
      <Route path="/crisis" element={<RequireSession>{() => <CrisisPage />}</RequireSession>} />
      <Route
        path="/toegangslog"
        element={<RequireSession>{() => <AccessLogPage />}</RequireSession>}
      />
      <Route
        path="/bewaartermijn"
        element={<RequireSession>{() => <RetentionPage />}</RequireSession>}
      />
      <Route
        path="/wachtwoord"
        element={<RequireSession>{() => <PasswordPage />}</RequireSession>}
      />
      <Route
        path="/noodtoegang"
        element={<RequireSession>{() => <BreakGlassPage />}</RequireSession>}
      />
      <Route
        path="/noodtoegang/beoordelen"
        element={<RequireSession>{() => <BreakGlassReviewPage />}</RequireSession>}
      />
      <Route
        path="/escalaties"
        element={<RequireSession>{() => <EscalationsPage />}</RequireSession>}
      />
      <Route
        path="/escalaties/:id"
        element={<RequireSession>{() => <EscalationsPage />}</RequireSession>}
      />
      <Route
        path="/dashboards"
        element={<RequireSession>{() => <DashboardPage />}</RequireSession>}
      />
      <Route
        path="/prestaties"
        element={<RequireSession>{() => <ProviderPerformancePage />}</RequireSession>}
      />
      <Route
        path="/beeindigingen"
        element={<RequireSession>{() => <ProviderEndingsPage />}</RequireSession>}
      />
      <Route
        path="/thermometer"
        element={<RequireSession>{() => <ThermometerPage />}</RequireSession>}
      />
      <Route path="/team" element={<RequireSession>{() => <TeamPage />}</RequireSession>} />
      <Route
        path="/meldingen"
        element={<RequireSession>{() => <NotificationsPage />}</RequireSession>}
      />
      <Route path="/regels/:id" element={<RequireSession>{() => <RulePage />}</RequireSession>} />
      <Route
        path="*"
        element={
          <RequireSession>
            {() => (
              <NotFoundPage>
                <Paragraph>Deze pagina bestaat niet.</Paragraph>
              </NotFoundPage>
            )}
          </RequireSession>
        }
      />
    </Routes>
  );
}
