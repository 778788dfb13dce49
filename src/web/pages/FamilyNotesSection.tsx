/**
 * "Gedeeld door het gezin" on the case page (issue 10, ADR 0026): the notes a family member
 * wrote in the family portal and chose to share with the casusregisseur. Read-only, for the
 * casusregie side only (the server answers 403 to other readers and the section stays away).
 * Notes the family kept to themselves never reach this page.
 */
import { useQuery } from '@tanstack/react-query';
import { api, type CaseView } from '../api.js';
import { formatDateTime } from '../format.js';
import { Heading, Paragraph } from '../nl/index.js';

interface SharedNotes {
  notities: {
    id: string;
    schrijver: string;
    schrijverSoort: string;
    tekst: string;
    gemaaktOp: string;
  }[];
}

export function FamilyNotesSection({ casus }: { casus: CaseView }) {
  const query = useQuery({
    queryKey: ['gezinsnotities', casus.id],
    queryFn: () => api<SharedNotes>('GET', `/casussen/${casus.id}/gezinsnotities`),
    retry: false,
  });
  if (query.isError || !query.data) return null;
  const notes = query.data.notities;
  return (
    <section aria-labelledby="kop-gezinsnotities">
      <Heading level={2} id="kop-gezinsnotities">
        Gedeeld door het gezin
      </Heading>
      <Paragraph>
        Notities die een gezinslid in het gezinsportaal schreef en met de casusregisseur deelde.
        Alleen te lezen; het gezin houdt de rest van zijn notities voor zichzelf.
      </Paragraph>
      {notes.length === 0 ? (
        <Paragraph>Het gezin heeft nog geen notities gedeeld.</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {notes.map((n) => (
            <li key={n.id} className="utrecht-unordered-list__item">
              <strong>
                {n.schrijver} ({n.schrijverSoort}), {formatDateTime(n.gemaaktOp)}:
              </strong>{' '}
              <span className="gezinsnotitie">{n.tekst}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
