import { useQuery } from '@tanstack/react-query';
import { api } from '../api.js';

/** `GET /termijnen/herberekening` (issue 11, ADR 0029). */
interface RecomputeView {
  herberekening: {
    reden: string;
    totaal: number;
    klaar: number;
    mislukt: number;
    gestartOp: string;
    klaarOp: string | null;
    bezig: boolean;
  } | null;
}

const count = new Intl.NumberFormat('nl-NL');
/** How often the progress is asked for while a run is busy. */
const POLL_MS = 5000;

/**
 * A status line while the deadlines are recomputed after a change in the region's agreements.
 * The list stays correct meanwhile (the server evaluates cases that are not recomputed yet), so
 * this only explains why the list may load a little slower. Nothing is shown otherwise, nor to
 * users who may not read the progress.
 */
export function DeadlineRecomputeStatus() {
  const status = useQuery({
    queryKey: ['termijnen-herberekening'],
    queryFn: () => api<RecomputeView>('GET', '/termijnen/herberekening'),
    retry: false,
    refetchInterval: (q) => (q.state.data?.herberekening?.bezig ? POLL_MS : false),
  });
  const run = status.data?.herberekening;
  return (
    <p className="utrecht-paragraph" role="status">
      {run?.bezig &&
        `${run.reden === 'profielwijziging' ? 'Termijnen worden opnieuw berekend na een wijziging in de werkafspraken' : 'Termijnen worden bijgewerkt'}: ${count.format(run.klaar)} van ${count.format(run.totaal)} casussen. De termijnen in de lijst kloppen al.`}
    </p>
  );
}
