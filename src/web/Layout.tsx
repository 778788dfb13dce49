/** The frame around every page after login: skip link, header with user and logout, nav. */
import type { ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import type { Me } from './api.js';
import { ROUTE_OF_ORGANISATION } from './labels.js';
import { Button } from './nl/index.js';
import { NotificationsNavLink } from './pages/NotificationsPage.js';
import { useLogout } from './session.js';

export function Layout({ me, children }: { me: Me | null; children: ReactNode }) {
  const logout = useLogout();
  const navigate = useNavigate();
  const registers = me ? me.medewerker.organisatieSoort in ROUTE_OF_ORGANISATION : false;
  // The iJw exchange: the municipality's back office and the provider's planning.
  const exchanges = me
    ? ['gemeente', 'aanbieder'].includes(me.medewerker.organisatieSoort) &&
      me.medewerker.rollen.some((r) => ['backoffice', 'beheerder', 'planner'].includes(r))
    : false;
  // Route A proposals are decided by the municipality's back office.
  const decides = me
    ? me.medewerker.organisatieSoort === 'gemeente' && me.medewerker.rollen.includes('backoffice')
    : false;
  // The local team answers the back office's questions on route B requests.
  const advises = me
    ? me.medewerker.organisatieSoort === 'lokaal-team' &&
      me.medewerker.rollen.some((r) => r === 'casusregisseur' || r === 'teamleider')
    : false;
  const crisisTeam = me ? me.medewerker.rollen.includes('crisismedewerker') : false;
  const contractManager = me
    ? me.medewerker.organisatieSoort === 'gemeente' &&
      me.medewerker.rollen.includes('contractmanager')
    : false;
  // The access log (NEN 7513): the privacy officer of the municipality.
  const privacyOfficer = me
    ? me.medewerker.organisatieSoort === 'gemeente' &&
      me.medewerker.rollen.includes('privacyfunctionaris')
    : false;
  // Break-the-glass (ADR 0020): staff who work with cases.
  const breaksGlass = me
    ? me.medewerker.rollen.some(
        (r) => !['beheerder', 'management', 'contractmanager', 'privacyfunctionaris'].includes(r),
      )
    : false;
  // Management dashboards (ADR 0024): a local team's lead, management and contract managers.
  const seesDashboards = me
    ? (me.medewerker.organisatieSoort === 'lokaal-team' &&
        me.medewerker.rollen.includes('teamleider')) ||
      (me.medewerker.organisatieSoort === 'gemeente' &&
        me.medewerker.rollen.some((r) => r === 'management' || r === 'contractmanager'))
    : false;
  // Provider performance: the contract manager (the region's providers) and a provider (its own).
  const seesPerformance = me
    ? contractManager || me.medewerker.organisatieSoort === 'aanbieder'
    : false;
  return (
    <div className="pagina">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
        Naar de inhoud
      </a>
      <header className="kop">
        <div className="kop__binnen">
          <a className="kop__naam" href="/">
            Casusregie
          </a>
          {me && (
            <nav aria-label="Hoofdmenu" className="kop__menu">
              <ul>
                <li>
                  <NavLink to="/" end className="utrecht-link">
                    Werkvoorraad
                  </NavLink>
                </li>
                <li>
                  <NotificationsNavLink />
                </li>
                {registers && (
                  <li>
                    <NavLink to="/casussen/nieuw" className="utrecht-link">
                      Nieuwe hulpvraag
                    </NavLink>
                  </li>
                )}
                {exchanges && (
                  <li>
                    <NavLink to="/berichten" className="utrecht-link">
                      Berichten
                    </NavLink>
                  </li>
                )}
                {decides && (
                  <li>
                    <NavLink to="/voorstellen" className="utrecht-link">
                      Voorstellen
                    </NavLink>
                  </li>
                )}
                {crisisTeam && (
                  <li>
                    <NavLink to="/crisis" className="utrecht-link">
                      Crisis
                    </NavLink>
                  </li>
                )}
                {contractManager && (
                  <li>
                    <NavLink to="/escalaties" className="utrecht-link">
                      Escalaties
                    </NavLink>
                  </li>
                )}
                {contractManager && (
                  <li>
                    <NavLink to="/beeindigingen" className="utrecht-link">
                      Beëindigingen
                    </NavLink>
                  </li>
                )}
                {advises && (
                  <li>
                    <NavLink to="/thermometer" className="utrecht-link">
                      Thermometer
                    </NavLink>
                  </li>
                )}
                {seesDashboards && (
                  <li>
                    <NavLink to="/dashboards" className="utrecht-link">
                      Dashboards
                    </NavLink>
                  </li>
                )}
                {me.medewerker.rollen.includes('teamleider') && (
                  <li>
                    <NavLink to="/team" className="utrecht-link">
                      Team
                    </NavLink>
                  </li>
                )}
                {privacyOfficer && (
                  <li>
                    <NavLink to="/toegangslog" className="utrecht-link">
                      Toegangslog
                    </NavLink>
                  </li>
                )}
                {privacyOfficer && (
                  <li>
                    <NavLink to="/bewaartermijn" className="utrecht-link">
                      Bewaartermijn
                    </NavLink>
                  </li>
                )}
                {privacyOfficer && (
                  <li>
                    <NavLink to="/noodtoegang/beoordelen" className="utrecht-link">
                      Noodtoegang beoordelen
                    </NavLink>
                  </li>
                )}
                {breaksGlass && (
                  <li>
                    <NavLink to="/noodtoegang" className="utrecht-link">
                      Noodtoegang
                    </NavLink>
                  </li>
                )}
                {seesPerformance && (
                  <li>
                    <NavLink to="/prestaties" className="utrecht-link">
                      Prestaties aanbieders
                    </NavLink>
                  </li>
                )}
                {advises && (
                  <li>
                    <NavLink to="/adviesvragen" className="utrecht-link">
                      Adviesvragen
                    </NavLink>
                  </li>
                )}
                {exchanges && (
                  <li>
                    <NavLink to="/catalogus" className="utrecht-link">
                      Catalogus
                    </NavLink>
                  </li>
                )}
              </ul>
            </nav>
          )}
          {me && (
            <div className="kop__gebruiker">
              <span>
                {me.medewerker.naam}
                <span className="kop__organisatie"> · {me.medewerker.organisatie}</span>
              </span>
              <NavLink to="/wachtwoord" className="utrecht-link">
                Wachtwoord wijzigen
              </NavLink>
              <Button
                appearance="subtle"
                onClick={() => {
                  void logout().then(() => navigate('/inloggen'));
                }}
              >
                Uitloggen
              </Button>
            </div>
          )}
        </div>
      </header>
      <main id="inhoud" className="inhoud" tabIndex={-1}>
        {children}
      </main>
      <footer className="voet">
        <p className="utrecht-paragraph utrecht-paragraph--small">
          Casusregie – termijnen en afspraken uit de regionale werkafspraken jeugdhulp. Elke termijn
          noemt zijn regel en bron.
        </p>
      </footer>
    </div>
  );
}
