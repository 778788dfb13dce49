/**
 * "Who looked at this family's record", on the case page (NEN 7513; ADR 0015): every logged
 * read or change about the family's household — who, from which organisation and in which
 * role, when, what kind of access, and the justification where one was needed. Only for who
 * may assign roles on the case: the casusregisseur goes through it with the family. The list
 * loads when the section is opened, and opening it is logged too.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type CaseView } from '../api.js';
import { Alert, Heading, Paragraph } from '../nl/index.js';
import { AccessLogTable, type AccessLogItem } from './AccessLogPage.js';

interface CaseAccessLog {
  items: AccessLogItem[];
  ingekort: boolean;
}

export function CaseAccessLogSection({ casus }: { casus: CaseView }) {
  const [open, setOpen] = useState(false);
  const log = useQuery({
    queryKey: ['toegangslog', casus.id],
    queryFn: () => api<CaseAccessLog>('GET', `/casussen/${casus.id}/toegangslog`),
    enabled: open && casus.magRollenToewijzen,
  });
  if (!casus.magRollenToewijzen) return null;
  return (
    <section aria-labelledby="kop-toegangslog">
      <Heading level={2} id="kop-toegangslog">
        Wie heeft het dossier van dit gezin ingezien
      </Heading>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>Toegangslog van dit gezin tonen</summary>
        <Paragraph>
          Elke inzage en wijziging van het dossier van dit gezin, door wie, namens welke organisatie
          en wanneer. U kunt dit met het gezin doornemen. Ook het openen van deze lijst wordt
          vastgelegd.
        </Paragraph>
        {log.isError ? (
          <Alert type="error">Het toegangslog kon niet worden geladen.</Alert>
        ) : !log.data ? (
          <p className="utrecht-paragraph" role="status">
            Laden…
          </p>
        ) : log.data.items.length === 0 ? (
          <Paragraph>Er is nog niets vastgelegd.</Paragraph>
        ) : (
          <>
            <AccessLogTable
              items={log.data.items}
              caption="Inzage en wijzigingen van het dossier"
            />
            {log.data.ingekort && (
              <Paragraph>
                Alleen de meest recente regels staan hier; de privacyfunctionaris kan de rest
                opzoeken.
              </Paragraph>
            )}
          </>
        )}
      </details>
    </section>
  );
}
