/**
 * The contract manager's escalations: the anonymised overviews that a local team's manager shared
 * at the contract-manager level of the ladder (RIJ-ESC-LADDER level 5). Nothing here leads to a
 * case or a family.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.js';
import { RuleLink } from '../forms.js';
import { formatDateTime } from '../format.js';
import { Heading, Paragraph, StatusBadge } from '../nl/index.js';
import { PageHeading } from '../page.js';
import { OverviewView, type Overview } from './EscalationSection.js';

interface Shared {
  id: string;
  kenmerk: string;
  gedeeldOp: string;
  afgesloten: boolean;
  overzicht: Overview;
}

export function EscalationsPage() {
  const list = useQuery({
    queryKey: ['escalatie-overzichten'],
    queryFn: () => api<Shared[]>('GET', '/escalaties'),
  });
  const items = list.data ?? [];
  return (
    <>
      <PageHeading title="Escalaties" />
      <Paragraph>
        Overzichten van meningsverschillen tussen lokaal team en aanbieder die op uw niveau zijn
        beland (<RuleLink id="RIJ-ESC-LADDER" />
        ). Ze zijn geanonimiseerd: u ziet geen namen, BSN of adressen en geen casus.
      </Paragraph>
      {!list.data ? (
        <p className="utrecht-paragraph" role="status">
          Laden…
        </p>
      ) : items.length === 0 ? (
        <Paragraph>Er zijn geen escalaties met u gedeeld.</Paragraph>
      ) : (
        items.map((e) => (
          <section key={e.id} aria-labelledby={`kop-${e.id}`} className="kaart">
            <Heading level={2} id={`kop-${e.id}`}>
              {e.kenmerk}
            </Heading>
            <Paragraph>
              <StatusBadge status={e.afgesloten ? 'ok' : 'warning'}>
                {e.afgesloten ? 'afgesloten' : 'loopt'}
              </StatusBadge>{' '}
              Gedeeld op {formatDateTime(e.gedeeldOp)}
            </Paragraph>
            <OverviewView overview={e.overzicht} headingLevel={3} />
          </section>
        ))
      )}
    </>
  );
}
