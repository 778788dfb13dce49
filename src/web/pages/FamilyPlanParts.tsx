/**
 * The family's own parts of a familiegroepsplan on the professionals' plan page (issue 10,
 * ADR 0026): the network (people outside the household and how they help), the agreements of
 * the shown version, and how the family keeps track of the agreements (done or not, when,
 * with its note) — which it does in the portal while it holds casusregie.
 */
import { useQuery } from '@tanstack/react-query';
import { api, type ApiPlanContent } from '../api.js';
import { formatDate, formatDateTime } from '../format.js';
import { Alert, Heading, Paragraph, Table } from '../nl/index.js';

interface Progress {
  afspraken: {
    id: string;
    status: {
      gedaan: boolean;
      op: string;
      toelichting: string;
      door: string;
      vastgelegd: string;
    } | null;
  }[];
}

export function FamilyPlanParts({ planId, content }: { planId: string; content: ApiPlanContent }) {
  const progress = useQuery({
    queryKey: ['plan', planId, 'afspraken'],
    queryFn: () => api<Progress>('GET', `/plannen/${encodeURIComponent(planId)}/afspraken`),
  });
  const network = content.netwerk ?? [];
  const agreements = content.afspraken ?? [];
  const statusOf = (id: string) => progress.data?.afspraken.find((a) => a.id === id)?.status;
  return (
    <section aria-labelledby="kop-gezin-netwerk">
      <Heading level={2} id="kop-gezin-netwerk">
        Netwerk en afspraken van het gezin
      </Heading>
      <Paragraph>
        Het gezin schrijft dit deel in het gezinsportaal. Heeft het gezin de casusregie, dan houdt
        het daar ook bij welke afspraken gedaan zijn.
      </Paragraph>
      {network.length === 0 ? (
        <Paragraph>Nog geen netwerk opgeschreven.</Paragraph>
      ) : (
        <Table caption="Netwerk">
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">Hoe deze persoon helpt</th>
            </tr>
          </thead>
          <tbody>
            {network.map((m, i) => (
              <tr key={`${m.naam}-${i}`}>
                <td>{m.naam}</td>
                <td>{m.steun}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {progress.isError && <Alert type="error">{progress.error.message}</Alert>}
      {agreements.length === 0 ? (
        <Paragraph>Nog geen afspraken opgeschreven.</Paragraph>
      ) : (
        <Table caption="Afspraken">
          <thead>
            <tr>
              <th scope="col">Wat</th>
              <th scope="col">Wie</th>
              <th scope="col">Klaar op</th>
              <th scope="col">Bijgehouden door het gezin</th>
            </tr>
          </thead>
          <tbody>
            {agreements.map((a) => {
              const s = statusOf(a.id);
              return (
                <tr key={a.id}>
                  <td>{a.wat}</td>
                  <td>{a.wie}</td>
                  <td>{formatDate(a.wanneer)}</td>
                  <td>
                    {s
                      ? `${s.gedaan ? 'Gedaan' : 'Nog niet gedaan'} (${formatDate(s.op)})${
                          s.toelichting ? `: ${s.toelichting}` : ''
                        } — ${s.door}, ${formatDateTime(s.vastgelegd)}`
                      : 'Nog niet bijgehouden'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </section>
  );
}
