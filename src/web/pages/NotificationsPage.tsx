/**
 * Meldingen: one's own notifications (a progress report, a calamity, a crisis, an escalation, an
 * adjustment), newest first, with the deadlines that are overdue or due within a few working
 * days on the cases one may see (overdue first, each with its rule ID). Notifications can be
 * marked as read one by one or all at once. The menu item shows the unread count as text.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { NavLink, useSearchParams } from 'react-router';
import {
  NOTIFICATION_KIND_LABELS,
  type NotificationKind,
} from '../../domain/notifications/kinds.js';
import { api } from '../api.js';
import { RuleLink } from '../forms.js';
import { formatDate, formatDateTime, formatDue } from '../format.js';
import { Alert, Button, Heading, Link, Paragraph, StatusBadge, Table } from '../nl/index.js';
import { PageHeading } from '../page.js';

interface NotificationRow {
  readonly id: string;
  readonly soort: NotificationKind;
  readonly titel: string;
  readonly casusId: string | null;
  readonly link: string | null;
  readonly regel: string | null;
  readonly op: string;
  readonly gelezenOp: string | null;
}

interface DeadlineRow {
  readonly casusId: string;
  readonly gezin: string;
  readonly regel: string;
  readonly titel: string | null;
  readonly uiterlijk: string;
  readonly status: 'verlopen' | 'binnenkort';
}

interface NotificationsView {
  readonly ongelezen: number;
  readonly totaal: number;
  readonly pagina: number;
  readonly perPagina: number;
  readonly meldingen: readonly NotificationRow[];
  readonly termijnen: {
    readonly werkdagen: number;
    readonly tot: string;
    readonly verlopen: number;
    readonly binnenkort: number;
    readonly items: readonly DeadlineRow[];
  };
}

const PER_PAGE = 25;
const UNREAD_KEY = ['meldingen-ongelezen'] as const;

/** The menu item, with the number of unread notifications in words (not only a colour). */
export function NotificationsNavLink() {
  const unread = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: () => api<{ ongelezen: number }>('GET', '/meldingen/ongelezen'),
    refetchInterval: 60_000,
  });
  const count = unread.data?.ongelezen ?? 0;
  return (
    <NavLink to="/meldingen" className="utrecht-link">
      Meldingen
      {count > 0 && (
        <>
          {' '}
          ({count}
          <span className="visueel-verborgen"> ongelezen</span>)
        </>
      )}
    </NavLink>
  );
}

function DeadlinesSection({ data }: { data: NotificationsView['termijnen'] }) {
  const more = data.verlopen + data.binnenkort - data.items.length;
  return (
    <section aria-labelledby="termijnen-kop">
      <Heading level={2} id="termijnen-kop">
        Termijnen die aandacht vragen
      </Heading>
      <p className="utrecht-paragraph tellers">
        <strong>{data.verlopen}</strong> {data.verlopen === 1 ? 'termijn' : 'termijnen'} verlopen ·{' '}
        <strong>{data.binnenkort}</strong> {data.binnenkort === 1 ? 'loopt' : 'lopen'} af binnen{' '}
        {data.werkdagen} {data.werkdagen === 1 ? 'werkdag' : 'werkdagen'} (tot en met{' '}
        {formatDate(data.tot)})
      </p>
      {data.items.length === 0 ? (
        <Paragraph>Geen verlopen termijnen en geen termijnen die binnenkort aflopen.</Paragraph>
      ) : (
        <Table caption="Termijnen, verlopen eerst">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Uiterlijk</th>
              <th scope="col">Regel</th>
              <th scope="col">Casus</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((d) => (
              <tr key={`${d.casusId}-${d.regel}-${d.uiterlijk}`}>
                <td>
                  <StatusBadge status={d.status === 'verlopen' ? 'danger' : 'warning'}>
                    {d.status === 'verlopen' ? 'verlopen' : 'loopt binnenkort af'}
                  </StatusBadge>
                </td>
                <td>{formatDue(d.uiterlijk)}</td>
                <td>
                  <RuleLink id={d.regel} />
                  {d.titel && <> – {d.titel}</>}
                </td>
                <td>
                  <Link to={`/casussen/${d.casusId}`}>{d.gezin}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {more > 0 && (
        <Paragraph>
          En nog {more} {more === 1 ? 'termijn' : 'termijnen'}: de{' '}
          <Link to="/?status=verlopen">werkvoorraad</Link> toont ze allemaal.
        </Paragraph>
      )}
    </section>
  );
}

export function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('pagina') ?? '1') || 1);
  const client = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const list = useQuery({
    queryKey: ['meldingen', page],
    queryFn: () => api<NotificationsView>('GET', `/meldingen?pagina=${page}&perPagina=${PER_PAGE}`),
    placeholderData: keepPreviousData,
  });

  async function mark(path: string, done: string) {
    setBusy(true);
    setFailure(null);
    try {
      await api('POST', path);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['meldingen'] }),
        client.invalidateQueries({ queryKey: UNREAD_KEY }),
      ]);
      setMessage(done);
      // The button just used may be gone: keyboard users continue at the confirmation.
      requestAnimationFrame(() => statusRef.current?.focus());
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Markeren mislukt.');
    } finally {
      setBusy(false);
    }
  }

  function goTo(target: number) {
    const next = new URLSearchParams(params);
    if (target > 1) next.set('pagina', String(target));
    else next.delete('pagina');
    setParams(next);
  }

  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.totaal / data.perPagina)) : 1;
  return (
    <>
      <PageHeading title="Meldingen" />
      <Paragraph>
        Nieuws over uw casussen en de termijnen die verlopen zijn of binnenkort aflopen. Elke
        termijn noemt de regel waar hij uit volgt.
      </Paragraph>
      {list.isError && <Alert type="error">{list.error.message}</Alert>}
      {failure && <Alert type="error">{failure}</Alert>}
      <p className="utrecht-paragraph" role="status" tabIndex={-1} ref={statusRef}>
        {message ?? ''}
      </p>
      {!data && !list.isError && (
        <p className="utrecht-paragraph" role="status">
          Meldingen laden…
        </p>
      )}
      {data && (
        <>
          <DeadlinesSection data={data.termijnen} />
          <section aria-labelledby="meldingen-kop">
            <Heading level={2} id="meldingen-kop">
              Meldingen
            </Heading>
            <p className="utrecht-paragraph tellers">
              <strong>{data.ongelezen}</strong> ongelezen van <strong>{data.totaal}</strong>
            </p>
            {data.ongelezen > 0 && (
              <Button
                appearance="primary-action"
                disabled={busy}
                onClick={() => void mark('/meldingen/gelezen', 'Alle meldingen zijn gelezen.')}
              >
                Alles gelezen
              </Button>
            )}
            {data.meldingen.length === 0 ? (
              <Paragraph>U hebt geen meldingen.</Paragraph>
            ) : (
              <Table caption={`Meldingen, nieuwste eerst, pagina ${page} van ${pages}`}>
                <thead>
                  <tr>
                    <th scope="col">Soort</th>
                    <th scope="col">Melding</th>
                    <th scope="col">Regel</th>
                    <th scope="col">Tijdstip</th>
                    <th scope="col">Gelezen</th>
                  </tr>
                </thead>
                <tbody>
                  {data.meldingen.map((n) => (
                    <tr key={n.id}>
                      <td>{NOTIFICATION_KIND_LABELS[n.soort] ?? n.soort}</td>
                      <td>
                        {n.gelezenOp === null ? <strong>{n.titel}</strong> : n.titel}
                        {n.link && (
                          <>
                            {' '}
                            <Link to={n.link}>
                              {n.casusId ? 'Naar de casus' : 'Bekijken'}
                              <span className="visueel-verborgen"> ({n.titel})</span>
                            </Link>
                          </>
                        )}
                      </td>
                      <td>{n.regel ? <RuleLink id={n.regel} /> : '—'}</td>
                      <td>{formatDateTime(n.op)}</td>
                      <td>
                        {n.gelezenOp === null ? (
                          <>
                            <StatusBadge status="warning">ongelezen</StatusBadge>{' '}
                            <Button
                              disabled={busy}
                              onClick={() =>
                                void mark(
                                  `/meldingen/${n.id}/gelezen`,
                                  `Gemarkeerd als gelezen: ${n.titel}.`,
                                )
                              }
                            >
                              Markeer als gelezen
                              <span className="visueel-verborgen"> ({n.titel})</span>
                            </Button>
                          </>
                        ) : (
                          <>gelezen op {formatDateTime(n.gelezenOp)}</>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            {pages > 1 && (
              <nav aria-label="Pagina's met meldingen" className="bladeren">
                <Button disabled={page <= 1} onClick={() => goTo(page - 1)}>
                  Vorige pagina
                </Button>
                <span>
                  Pagina {page} van {pages}
                </span>
                <Button disabled={page >= pages} onClick={() => goTo(page + 1)}>
                  Volgende pagina
                </Button>
              </nav>
            )}
          </section>
        </>
      )}
    </>
  );
}
