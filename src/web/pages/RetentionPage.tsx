/**
 * The privacy officer's list of records whose retention ran out (Jeugdwet 7.3.8 lid 3; ADR
 * 0019): case number and dates only, never content. Per case one decision: destroy (after a
 * confirmation that says it cannot be undone), or keep longer with a reason and a day on which
 * the case comes back on this list.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { REASON_MIN } from '../../domain/privacy/record.js';
import { api } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateField, useSubmission } from '../forms.js';
import { formatDate, formatDateTime, parseDutchDate } from '../format.js';
import {
  Alert,
  Button,
  ChoiceGroup,
  FormField,
  Heading,
  Paragraph,
  Table,
  Textarea,
} from '../nl/index.js';
import { PageHeading } from '../page.js';

interface DueRecord {
  casusId: string;
  route: string;
  laatsteWijziging: string;
  vernietigenVanaf: string;
  gesignaleerdOp: string;
  status: 'open' | 'bewaren';
  redenBewaren: string | null;
  bewarenTot: string | null;
}

interface DueList {
  regel: string;
  dossiers: DueRecord[];
}

const QUERY_KEY = ['bewaartermijn'] as const;

const LABELS: Record<string, string> = {
  besluit: 'Besluit',
  reden: 'Reden om langer te bewaren',
  bewarenTot: 'Bewaren tot',
};
const labelOf = (path: string) => LABELS[path] ?? path;

function statusText(r: DueRecord): string {
  if (r.status === 'open') return 'Wacht op uw besluit';
  return `Langer bewaren tot ${formatDate(r.bewarenTot)}: ${r.redenBewaren ?? ''}`;
}

export function RetentionPage() {
  const [decided, setDecided] = useState<string | null>(null);
  const data = useQuery({
    queryKey: QUERY_KEY,
    queryFn: () => api<DueList>('GET', '/bewaartermijn'),
  });
  const list = data.data?.dossiers ?? [];
  const open = list.filter((r) => r.status === 'open');
  return (
    <>
      <PageHeading title="Bewaartermijn verstreken" />
      <Paragraph>
        Een dossier wordt twintig jaar bewaard, gerekend vanaf de laatste wijziging (
        {data.data?.regel ?? 'Jeugdwet artikel 7.3.8 lid 3'}). Hieronder staan de casussen van uw
        regio waarvoor die termijn voorbij is. U ziet alleen het casusnummer en de data, geen
        inhoud. Besluit per casus: vernietigen, of langer bewaren omdat goede hulpverlening dat
        vraagt, met een reden en een datum waarop de casus terugkomt op deze lijst.
      </Paragraph>
      <div aria-live="polite">{decided && <Alert type="ok">{decided}</Alert>}</div>
      {data.isError && <Alert type="error">{data.error.message}</Alert>}
      {data.isPending && (
        <p className="utrecht-paragraph" role="status">
          Even geduld…
        </p>
      )}
      {data.data && list.length === 0 && (
        <Paragraph>Er zijn geen dossiers waarvan de bewaartermijn is verstreken.</Paragraph>
      )}
      {list.length > 0 && (
        <Table caption="Dossiers waarvan de bewaartermijn is verstreken">
          <thead>
            <tr>
              <th scope="col">Casusnummer</th>
              <th scope="col">Route</th>
              <th scope="col">Laatste wijziging</th>
              <th scope="col">Termijn verstreken op</th>
              <th scope="col">Gesignaleerd</th>
              <th scope="col">Stand</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.casusId}>
                <th scope="row">{r.casusId}</th>
                <td>{r.route}</td>
                <td>{formatDate(r.laatsteWijziging)}</td>
                <td>{formatDate(r.vernietigenVanaf)}</td>
                <td>{formatDateTime(r.gesignaleerdOp)}</td>
                <td>{statusText(r)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {open.map((r) => (
        <DecisionForm key={r.casusId} record={r} onDecided={setDecided} />
      ))}
    </>
  );
}

function DecisionForm({
  record,
  onDecided,
}: {
  record: DueRecord;
  onDecided: (message: string) => void;
}) {
  const client = useQueryClient();
  const [besluit, setBesluit] = useState<string[]>([]);
  const [reden, setReden] = useState('');
  const [tot, setTot] = useState('');
  const [confirming, setConfirming] = useState(false);
  const scope = `bewaartermijn-${record.casusId}`;
  const s = useSubmission('Het besluit vastleggen lukte niet. Probeer het opnieuw.', scope);
  const headingId = `kop-${scope}`;
  const warning = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) warning.current?.focus();
  }, [confirming]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const choice = besluit[0];
    if (!choice) found['besluit'] = 'kies vernietigen of langer bewaren';
    if (choice === 'vernietigen') {
      await s.run(found, () => {
        setConfirming(true);
        return Promise.resolve(null);
      });
      return;
    }
    const until = parseDutchDate(tot);
    if (choice === 'bewaren') {
      if (reden.trim().length < REASON_MIN)
        found['reden'] =
          `schrijf op waarom het dossier langer blijft (minstens ${REASON_MIN} tekens)`;
      if (!until) found['bewarenTot'] = 'vul een datum in als dd-mm-jjjj';
    }
    await s.run(found, async () => {
      await api('POST', `/bewaartermijn/${record.casusId}/besluit`, {
        besluit: 'bewaren',
        reden,
        bewarenTot: until,
      });
      onDecided(`Casus ${record.casusId} blijft bewaard tot ${formatDate(until)}.`);
      await client.invalidateQueries({ queryKey: QUERY_KEY });
      return null;
    });
  }

  async function destroy() {
    await s.run({}, async () => {
      await api('POST', `/bewaartermijn/${record.casusId}/besluit`, { besluit: 'vernietigen' });
      onDecided(`Het dossier van casus ${record.casusId} is vernietigd.`);
      await client.invalidateQueries({ queryKey: QUERY_KEY });
      return null;
    });
  }

  return (
    <section aria-labelledby={headingId} className="kaart">
      <Heading level={2} id={headingId}>
        Besluit over casus {record.casusId}
      </Heading>
      <Paragraph>
        Laatste wijziging {formatDate(record.laatsteWijziging)}; de bewaartermijn verstreek op{' '}
        {formatDate(record.vernietigenVanaf)}.
      </Paragraph>
      {confirming ? (
        <div className="formulier">
          <ErrorSummary errors={s.errors} general={s.general} scope={scope} labelOf={labelOf} />
          <Alert type="warning" focusRef={warning}>
            <Paragraph>
              Weet u het zeker? Vernietigen haalt het hele dossier van casus {record.casusId}{' '}
              definitief weg: plannen, tijdlijn, rollen en verslagen. Dit kan niet ongedaan worden
              gemaakt. In het toegangslog blijft alleen staan dat het dossier is vernietigd en door
              wie.
            </Paragraph>
          </Alert>
          <div className="naast-elkaar">
            <Button
              type="button"
              appearance="primary-action"
              disabled={s.busy}
              onClick={() => void destroy()}
            >
              Ja, definitief vernietigen
            </Button>
            <Button type="button" disabled={s.busy} onClick={() => setConfirming(false)}>
              Niet vernietigen
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
          <ErrorSummary errors={s.errors} general={s.general} scope={scope} labelOf={labelOf} />
          <ChoiceGroup
            legend="Besluit"
            type="radio"
            name={`${scope}.besluit`}
            options={[
              ['vernietigen', 'Vernietigen'],
              ['bewaren', 'Langer bewaren'],
            ]}
            selected={besluit}
            onChange={setBesluit}
            error={s.errors['besluit']}
          />
          {besluit[0] === 'bewaren' && (
            <>
              <FormField
                label="Reden om langer te bewaren"
                description="Waarom vraagt goede hulpverlening dat dit dossier blijft?"
                {...s.field('reden')}
                required
              >
                {(w) => (
                  <Textarea {...w} value={reden} onChange={(e) => setReden(e.target.value)} />
                )}
              </FormField>
              <DateField
                label="Bewaren tot"
                description="dd-mm-jjjj; op die dag komt de casus terug op deze lijst"
                value={tot}
                onChange={setTot}
                {...s.field('bewarenTot')}
              />
            </>
          )}
          <Button type="submit" appearance="primary-action" disabled={s.busy}>
            {besluit[0] === 'vernietigen' ? 'Verder naar vernietigen' : 'Besluit vastleggen'}
          </Button>
        </form>
      )}
    </section>
  );
}
