import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, ApiFailure, type RuleView } from '../api.js';
import { Alert, DataList, Link, Paragraph } from '../nl/index.js';
import { PageHeading } from '../page.js';
import { NotFoundPage } from './NotFoundPage.js';

const KIND_LABELS: Record<string, string> = {
  deadline: 'Termijn',
  age: 'Termijn op leeftijd',
  before: 'Termijn vóór een datum',
  cadence: 'Ritme (terugkerend)',
  requirement: 'Eis',
  decision: 'Beslisregel',
  norm: 'Norm',
  procedure: 'Werkwijze',
  escalation: 'Escalatieladder',
  checklist: 'Checklist',
};

export function RulePage() {
  const { id = '' } = useParams();
  const rule = useQuery({
    queryKey: ['regel', id],
    queryFn: () => api<RuleView>('GET', `/regels/${encodeURIComponent(id)}`),
  });
  if (rule.isError && rule.error instanceof ApiFailure && rule.error.status === 404)
    return (
      <NotFoundPage>
        <Paragraph>Er is geen regel met ID {id}.</Paragraph>
      </NotFoundPage>
    );
  if (rule.isError)
    return (
      <>
        <PageHeading title={`Regel ${id}`} />
        <Alert type="error">{rule.error.message}</Alert>
      </>
    );
  if (!rule.data)
    return (
      <>
        <PageHeading title={`Regel ${id}`} />
        <p className="utrecht-paragraph" role="status">
          Regel laden…
        </p>
      </>
    );
  const r = rule.data;
  return (
    <>
      <PageHeading title={`${r.id}: ${r.titel}`}>
        <span className="regel-id">{r.id}</span> {r.titel}
      </PageHeading>
      <Paragraph lead>{r.uitleg}</Paragraph>
      <DataList
        items={[
          ['Soort', KIND_LABELS[r.soort] ?? r.soort],
          ['Bron', r.bron],
          ['Geldt in', r.profielen.join(', ')],
          ...(r.keuze ? ([['Keuze bij het uitwerken', r.keuze]] as [string, string][]) : []),
        ]}
      />
      <Paragraph>
        <Link to="/">Naar de werkvoorraad</Link>
      </Paragraph>
    </>
  );
}
