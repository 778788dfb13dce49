/**
 * The contract manager's copies of provider-ending reports (RIJ-DEC-PROVIDER-END, step 4): the
 * anonymised copy of each report in the region, and where the procedure stands. Nothing here
 * leads to a case or a family.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.js';
import { RuleLink } from '../forms.js';
import { formatDate } from '../format.js';
import { DataList, Heading, Paragraph, StatusBadge } from '../nl/index.js';
import { PageHeading } from '../page.js';

interface Copy {
  id: string;
  kenmerk: string;
  gemeldOp: string;
  status: string;
  kopie: {
    regel: string;
    regio: string;
    gemeente: string;
    datumMelding: string;
    route: string;
    segment: string;
    leeftijden: number[];
    product: string;
    aanbieder: string;
    aanleiding: string;
    redenen: string;
    voorstelVervolg: string;
    gesprekken: {
      datum: string;
      metJeugdige: boolean;
      metOuders: boolean;
      verslag: string;
      afspraken: string;
    }[];
  };
}

const STATUS: Record<string, string> = {
  gemeld: 'wacht op het besluit van de casusregisseur',
  ingestemd: 'ingestemd, overdracht volgt',
  geweigerd: 'geweigerd, de hulp loopt door',
  overgedragen: 'afgerond met overdracht',
};

export function ProviderEndingsPage() {
  const list = useQuery({
    queryKey: ['beeindiging-kopieen'],
    queryFn: () => api<Copy[]>('GET', '/beeindigingen'),
  });
  const items = list.data ?? [];
  return (
    <>
      <PageHeading title="Beëindigingen door aanbieders" />
      <Paragraph>
        Kopieën van meldingen van aanbieders die de hulp aan een jeugdige willen beëindigen (
        <RuleLink id="RIJ-DEC-PROVIDER-END" />
        ). Ze zijn geanonimiseerd: u ziet geen namen, BSN of adressen en geen casus.
      </Paragraph>
      {!list.data ? (
        <p className="utrecht-paragraph" role="status">
          Laden…
        </p>
      ) : items.length === 0 ? (
        <Paragraph>Er zijn geen meldingen met u gedeeld.</Paragraph>
      ) : (
        items.map((c) => (
          <section key={c.id} aria-labelledby={`kop-${c.id}`} className="kaart">
            <Heading level={2} id={`kop-${c.id}`}>
              {c.kenmerk}
            </Heading>
            <Paragraph>
              <StatusBadge status={c.status === 'gemeld' ? 'warning' : 'ok'}>
                {STATUS[c.status] ?? c.status}
              </StatusBadge>{' '}
              Gemeld op {formatDate(c.kopie.datumMelding)}
            </Paragraph>
            <DataList
              items={[
                ['Regio en gemeente', `${c.kopie.regio}, ${c.kopie.gemeente}`],
                ['Regel', <RuleLink key="r" id={c.kopie.regel} />],
                ['Aanbieder', c.kopie.aanbieder],
                ['Product', c.kopie.product],
                ['Route en segment', `${c.kopie.route}, ${c.kopie.segment}`],
                [
                  'Leeftijd jeugdige(n)',
                  c.kopie.leeftijden.map((a) => `${a} jaar`).join(', ') || 'onbekend',
                ],
                ['Eerste aanleiding', c.kopie.aanleiding],
                ['Redenen', c.kopie.redenen],
                ['Voorstel voor het vervolg', c.kopie.voorstelVervolg],
                [
                  'Gesprekken',
                  c.kopie.gesprekken
                    .map(
                      (t) =>
                        `${formatDate(t.datum)} met ${[t.metJeugdige ? 'de jeugdige' : null, t.metOuders ? 'ouders of voogd' : null].filter(Boolean).join(' en ')}: ${t.verslag} Afspraken: ${t.afspraken}`,
                    )
                    .join(' | '),
                ],
              ]}
            />
          </section>
        ))
      )}
    </>
  );
}
