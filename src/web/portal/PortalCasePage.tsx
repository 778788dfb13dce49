/**
 * The family portal's case page (issue 10, ADR 0026): who is who, the plan with its goals and
 * progress, what comes next, decisions and letters, and what was shared with whom — as the
 * logged-in family member may see it (the server filters; see domain/portal/visibility.ts).
 * Mobile first: one column, cards instead of tables, large touch targets. Plain Dutch (B1):
 * short sentences, a professional word only with its meaning.
 */
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { RECIPIENT_NL, type RecipientKind } from '../../domain/privacy/consent.js';
import { ApiFailure } from '../api.js';
import { formatDate, formatDateTime, formatDue } from '../format.js';
import { Alert, Heading, Link, Paragraph } from '../nl/index.js';
import { PageHeading } from '../page.js';
import { portalApi, type PortalRole } from './portal-api.js';
import { PortalConsentSection } from './PortalConsentSection.js';
import { PortalEvaluationSection } from './PortalEvaluationSection.js';
import { PortalSignSection } from './PortalSignSection.js';
import { PortalFamilyPlanSection } from './PortalFamilyPlanSection.js';
import { PortalRequestsSection } from './PortalRequestsSection.js';
import { PortalNotesSection } from './PortalNotesSection.js';
import { PortalReadAlongSection } from './PortalReadAlongSection.js';

interface PortalCase {
  id: string;
  titel: string;
  gezin: string;
  lezer: { naam: string; rol: PortalRole };
  wieIsWie: {
    rol: string;
    titel: string;
    uitleg: string;
    naam: string | null;
    organisatie: string | null;
    email: string | null;
    telefoon: string | null;
  }[];
  plannen: {
    id: string;
    soort: string;
    versie: number;
    status: 'concept' | 'vastgesteld';
    startdatum: string;
    doelen: {
      id: string;
      omschrijving: string;
      meetbaarResultaat: string;
      eigenaar: string;
      streefdatum: string;
      voortgang: string;
      voortgangVan: string | null;
      betreft: string[];
    }[];
  }[];
  evaluaties: { soort: string; gepland: string }[];
  termijnen: {
    regel: string;
    titel: string;
    uiterlijk: string;
    verlopen: boolean;
    jeugdige: string | null;
  }[];
  toewijzingen: {
    nummer: string;
    product: string;
    aanbieder: string;
    jeugdige: string | null;
    startdatum: string;
    einddatum: string | null;
    status: string;
  }[];
  brieven: { soort: string; gehouden: string; verstuurd: string }[];
  toestemmingen: {
    persoon: string;
    ontvangerSoort: RecipientKind;
    organisatie: string | null;
    doel: string;
    status: 'gegeven' | 'ingetrokken';
    datum: string;
  }[];
  gedeeld: { wat: string; ontvanger: string; grondslag: string; besloten: string }[];
}

const PLAN_NAMES: Record<string, string> = {
  ondersteuningsplan: 'Ons plan (ondersteuningsplan)',
  gezinsplan: 'Ons gezinsplan',
  hulpverleningsplan: 'Plan van de hulpverlener (hulpverleningsplan)',
  toekomstplan: 'Plan voor later (toekomstplan)',
  veiligheidsplan: 'Afspraken over veiligheid (veiligheidsplan)',
  familiegroepsplan: 'Plan van de familie en het netwerk (familiegroepsplan)',
};

const PROGRESS: Record<string, { text: string; tone: string }> = {
  'niet-gestart': { text: 'Nog niet begonnen', tone: 'neutraal' },
  loopt: { text: 'Bezig', tone: 'bezig' },
  bereikt: { text: 'Gelukt', tone: 'gelukt' },
  'niet-bereikt': { text: 'Niet gelukt', tone: 'niet-gelukt' },
};

const EVALUATION_NAMES: Record<string, string> = {
  tussen: 'Gesprek over hoe het gaat (tussenevaluatie)',
  eind: 'Gesprek aan het einde van de hulp (eindevaluatie)',
  gezinsplan: 'Gesprek over het gezinsplan (evaluatie)',
};

const ALLOCATION_STATUS: Record<string, string> = {
  toegewezen: 'De hulp is toegekend.',
  gestart: 'De hulp is begonnen.',
  opgeschort: 'De hulp staat even stil.',
  gestopt: 'De hulp is gestopt.',
  ingetrokken: 'De toekenning is ingetrokken.',
  vervallen: 'De toekenning is vervallen.',
};

const BASIS: Record<string, string> = {
  toestemming: 'Met toestemming van het gezin.',
  afweging: 'Zonder toestemming. De hulpverlener heeft dit zorgvuldig afgewogen.',
  'wettelijke-uitzondering': 'Zonder toestemming, omdat de wet dat in dit geval toestaat.',
};

function Intro({ role }: { role: PortalRole }) {
  if (role === 'vertegenwoordiger')
    return (
      <Paragraph>
        Hier ziet u wie u helpt, wat er in het plan staat en wat er binnenkort gebeurt. Wat alleen
        over een jongere van 16 jaar of ouder gaat, ziet u alleen als die jongere dat goed vindt.
      </Paragraph>
    );
  return (
    <Paragraph>
      Hier zie je wie je helpt, wat er in het plan staat en wat er binnenkort gebeurt. Je ziet je
      eigen doelen en de doelen van het hele gezin. Wat alleen over een ander gaat, zie je niet.
    </Paragraph>
  );
}

function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <section className="portaal-sectie" aria-labelledby={id}>
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="utrecht-paragraph portaal-leeg">{children}</p>;
}

function WhoIsWho({ contacts }: { contacts: PortalCase['wieIsWie'] }) {
  if (contacts.length === 0) return <Empty>Er is nog niemand aan het gezin gekoppeld.</Empty>;
  return (
    <ul className="portaal-kaarten">
      {contacts.map((c, i) => (
        <li key={`${c.rol}-${i}`} className="portaal-kaart">
          <Heading level={3}>{c.titel}</Heading>
          {c.naam || c.organisatie ? (
            <p className="utrecht-paragraph portaal-naam">
              {[c.naam, c.organisatie].filter(Boolean).join(', ')}
            </p>
          ) : null}
          <Paragraph>{c.uitleg}</Paragraph>
          {c.email || c.telefoon ? (
            <ul className="portaal-acties">
              {c.telefoon ? (
                <li>
                  <a className="utrecht-link portaal-actie" href={`tel:${c.telefoon}`}>
                    Bel {c.telefoon}
                  </a>
                </li>
              ) : null}
              {c.email ? (
                <li>
                  <a className="utrecht-link portaal-actie" href={`mailto:${c.email}`}>
                    Mail {c.email}
                  </a>
                </li>
              ) : null}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Plans({ plans }: { plans: PortalCase['plannen'] }) {
  if (plans.length === 0)
    return <Empty>Er is nog geen plan. Dit maakt u samen met uw contactpersoon.</Empty>;
  return (
    <>
      {plans.map((p) => (
        <div key={p.id} className="portaal-plan">
          <Heading level={3}>{PLAN_NAMES[p.soort] ?? p.soort}</Heading>
          <Paragraph>
            {p.status === 'vastgesteld'
              ? `Afgesproken en ondertekend. Geldt vanaf ${formatDate(p.startdatum)}.`
              : 'Dit plan is nog niet klaar. Het kan nog veranderen.'}
          </Paragraph>
          {p.doelen.length === 0 ? (
            <Empty>Er staan (nog) geen doelen in dit plan die u hier kunt zien.</Empty>
          ) : (
            <ul className="portaal-kaarten">
              {p.doelen.map((g) => {
                const progress = PROGRESS[g.voortgang] ?? { text: g.voortgang, tone: 'neutraal' };
                return (
                  <li key={g.id} className="portaal-kaart portaal-doel">
                    <Heading level={4}>{g.omschrijving}</Heading>
                    <p className="utrecht-paragraph">
                      <span className={`portaal-voortgang portaal-voortgang--${progress.tone}`}>
                        {progress.text}
                      </span>
                      {g.voortgangVan ? ` (besproken op ${formatDate(g.voortgangVan)})` : null}
                    </p>
                    <dl className="portaal-gegevens">
                      <dt>Wanneer is het gelukt?</dt>
                      <dd>{g.meetbaarResultaat}</dd>
                      <dt>Wie werkt eraan?</dt>
                      <dd>{g.eigenaar}</dd>
                      <dt>Klaar op</dt>
                      <dd>{formatDate(g.streefdatum)}</dd>
                      <dt>Over wie?</dt>
                      <dd>{g.betreft.length > 0 ? g.betreft.join(', ') : 'Het hele gezin'}</dd>
                    </dl>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
    </>
  );
}

function Coming({ view }: { view: PortalCase }) {
  if (view.evaluaties.length === 0 && view.termijnen.length === 0)
    return <Empty>Er staat nu niets op de planning.</Empty>;
  return (
    <ul className="portaal-kaarten">
      {view.evaluaties.map((e) => (
        <li key={`${e.soort}-${e.gepland}`} className="portaal-kaart">
          <Heading level={3}>{EVALUATION_NAMES[e.soort] ?? e.soort}</Heading>
          <Paragraph>Op {formatDateTime(e.gepland)}. U bent hierbij welkom.</Paragraph>
        </li>
      ))}
      {view.termijnen.map((t) => (
        <li key={`${t.regel}-${t.uiterlijk}-${t.jeugdige ?? ''}`} className="portaal-kaart">
          <Heading level={3}>{t.titel}</Heading>
          <Paragraph>
            {t.verlopen
              ? `Dit had klaar moeten zijn op ${formatDue(t.uiterlijk)}. Dat is later geworden dan afgesproken.`
              : `Dit moet klaar zijn op ${formatDue(t.uiterlijk)}.`}
            {t.jeugdige ? ` Dit gaat over ${t.jeugdige}.` : ''}
          </Paragraph>
          <p className="utrecht-paragraph portaal-regel">Afspraak {t.regel}</p>
        </li>
      ))}
    </ul>
  );
}

function Decisions({ view }: { view: PortalCase }) {
  if (view.toewijzingen.length === 0 && view.brieven.length === 0)
    return <Empty>Er zijn nog geen besluiten of brieven.</Empty>;
  return (
    <ul className="portaal-kaarten">
      {view.toewijzingen.map((a) => (
        <li key={a.nummer} className="portaal-kaart">
          <Heading level={3}>Besluit over hulp: {a.product}</Heading>
          <Paragraph>
            {ALLOCATION_STATUS[a.status] ?? a.status} De hulp komt van {a.aanbieder}.
            {a.jeugdige ? ` De hulp is voor ${a.jeugdige}.` : ''}
          </Paragraph>
          <Paragraph>
            {a.einddatum
              ? `Van ${formatDate(a.startdatum)} tot en met ${formatDate(a.einddatum)}.`
              : `Vanaf ${formatDate(a.startdatum)}.`}{' '}
            Nummer: {a.nummer}.
          </Paragraph>
        </li>
      ))}
      {view.brieven.map((b) => (
        <li key={b.gehouden} className="portaal-kaart">
          <Heading level={3}>Verslag van het gesprek over het plan</Heading>
          <Paragraph>
            Het gesprek was op {formatDate(b.gehouden)}. Het verslag is verstuurd op{' '}
            {formatDate(b.verstuurd)}.
          </Paragraph>
        </li>
      ))}
    </ul>
  );
}

function Shared({ view }: { view: PortalCase }) {
  if (view.toestemmingen.length === 0 && view.gedeeld.length === 0)
    return <Empty>Er is nog niets gedeeld en er is nog geen toestemming vastgelegd.</Empty>;
  return (
    <ul className="portaal-kaarten">
      {view.gedeeld.map((s) => (
        <li key={`${s.besloten}-${s.wat}`} className="portaal-kaart">
          <Heading level={3}>Gedeeld met {s.ontvanger}</Heading>
          <Paragraph>Wat: {s.wat}.</Paragraph>
          <Paragraph>
            {BASIS[s.grondslag] ?? s.grondslag} Besloten op {formatDate(s.besloten)}.
          </Paragraph>
        </li>
      ))}
      {view.toestemmingen.map((t, i) => (
        <li key={`${t.persoon}-${t.datum}-${i}`} className="portaal-kaart">
          <Heading level={3}>
            {t.status === 'gegeven' ? 'Toestemming gegeven' : 'Toestemming ingetrokken'} door{' '}
            {t.persoon}
          </Heading>
          <Paragraph>
            Voor: {t.organisatie ?? RECIPIENT_NL[t.ontvangerSoort]}. Waarvoor: {t.doel}. Op{' '}
            {formatDate(t.datum)}.
          </Paragraph>
        </li>
      ))}
    </ul>
  );
}

/** One case of the family; the id comes from the route (`/portaal/casussen/:id`) or a prop. */
export function PortalCasePage({ caseId }: { caseId?: string }) {
  const params = useParams();
  const id = caseId ?? params['id'] ?? '';
  const query = useQuery({
    queryKey: ['portaal', 'casus', id],
    queryFn: () => portalApi<PortalCase>('GET', `/casussen/${encodeURIComponent(id)}`),
    retry: false,
  });
  if (query.isPending)
    return (
      <p className="utrecht-paragraph" role="status">
        Even geduld…
      </p>
    );
  if (query.isError) {
    const missing = query.error instanceof ApiFailure && query.error.status === 404;
    return (
      <>
        <PageHeading title={missing ? 'Niet gevonden' : 'Dit lukt nu niet'} />
        {missing ? (
          <Paragraph>Deze pagina bestaat niet, of is niet voor u.</Paragraph>
        ) : (
          <Alert type="error">{query.error.message}</Alert>
        )}
        <p className="utrecht-paragraph">
          <Link className="portaal-actie" to="/portaal">
            Terug naar het overzicht
          </Link>
        </p>
      </>
    );
  }
  const view = query.data;
  return (
    <div className="portaal-casus">
      <PageHeading title={view.titel} />
      <Intro role={view.lezer.rol} />
      <nav aria-label="Op deze pagina" className="portaal-inhoud">
        <ul>
          <li>
            <a className="utrecht-link portaal-actie" href="#wie-is-wie">
              Wie is wie
            </a>
          </li>
          <li>
            <a className="utrecht-link portaal-actie" href="#ons-plan">
              Ons plan
            </a>
          </li>
          <li>
            <a className="utrecht-link portaal-actie" href="#wat-komt-eraan">
              Wat komt eraan
            </a>
          </li>
          <li>
            <a className="utrecht-link portaal-actie" href="#besluiten-en-brieven">
              Besluiten en brieven
            </a>
          </li>
          <li>
            <a className="utrecht-link portaal-actie" href="#gedeeld-met">
              Gedeeld met
            </a>
          </li>
        </ul>
      </nav>
      <Section id="wie-is-wie" title="Wie is wie">
        <WhoIsWho contacts={view.wieIsWie} />
      </Section>
      <Section id="ons-plan" title="Ons plan">
        <Plans plans={view.plannen} />
      </Section>
      <PortalSignSection caseId={view.id} role={view.lezer.rol} />
      <PortalFamilyPlanSection caseId={view.id} role={view.lezer.rol} />
      <Section id="wat-komt-eraan" title="Wat komt eraan">
        <Coming view={view} />
      </Section>
      <PortalEvaluationSection caseId={view.id} role={view.lezer.rol} />
      <Section id="besluiten-en-brieven" title="Besluiten en brieven">
        <Decisions view={view} />
      </Section>
      <Section id="gedeeld-met" title="Gedeeld met">
        <Shared view={view} />
      </Section>
      <PortalConsentSection caseId={view.id} role={view.lezer.rol} />
      <PortalReadAlongSection caseId={view.id} role={view.lezer.rol} />
      <PortalRequestsSection caseId={view.id} role={view.lezer.rol} />
      <PortalNotesSection caseId={view.id} role={view.lezer.rol} />
      <p className="utrecht-paragraph">
        <Link className="portaal-actie" to="/portaal">
          Terug naar het overzicht
        </Link>
      </p>
    </div>
  );
}
