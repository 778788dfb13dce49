/**
 * Requests about the record on the case page (Jeugdwet 7.3.9 and 7.3.10; ADR 0019), for whoever
 * may assign roles on the case: record a request of the young person or a parent; for inspection
 * and copy, leave items out with a reason (another person's privacy) and download the record as
 * PDF or JSON; for destruction, decide — destroy for good, or refuse on a legal exception with a
 * written reason. Working notes are never part of the record.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  DESTRUCTION_RULE,
  INSPECTION_RULE,
  RECORD_REQUEST_LABELS,
  REFUSAL_GROUND_LABELS,
  REFUSAL_GROUNDS,
  WITHHOLDABLE_LABELS,
  type RecordRequestKind,
  type RefusalGround,
  type WithholdableKind,
} from '../../domain/privacy/record.js';
import { api, type CaseView } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateField, useSubmission } from '../forms.js';
import { formatDate, parseDutchDate } from '../format.js';
import {
  Alert,
  Button,
  ChoiceGroup,
  FormField,
  Heading,
  Paragraph,
  Select,
  Table,
  Textarea,
} from '../nl/index.js';

interface RequestView {
  id: string;
  soort: RecordRequestKind;
  persoon: string;
  persoonSoort: string;
  ontvangenOp: string;
  vastgelegdDoor: string;
  besluit: 'weigeren' | null;
  grondTekst: string | null;
  regel: string | null;
  reden: string | null;
  achtergehouden: { id: string; soort: WithholdableKind; itemId: string; reden: string }[];
}
interface Overview {
  personen: { id: string; naam: string; soort: string }[];
  verzoeken: RequestView[];
  onderdelen: { soort: WithholdableKind; id: string; omschrijving: string }[];
}

const LABELS: Record<string, string> = {
  soort: 'Soort verzoek',
  persoonId: 'Wie vraagt',
  ontvangenOp: 'Ontvangen op',
  itemId: 'Onderdeel',
  reden: 'Reden',
  besluit: 'Besluit',
  grond: 'Uitzondering',
  verzoek: 'Verzoek',
};

export function RecordRequestSection({ casus }: { casus: CaseView }) {
  const data = useQuery({
    queryKey: ['dossierverzoeken', casus.id],
    queryFn: () => api<Overview>('GET', `/casussen/${casus.id}/dossierverzoeken`),
    enabled: casus.magRollenToewijzen,
  });
  if (!casus.magRollenToewijzen || !data.data) return null;
  const { personen, verzoeken, onderdelen } = data.data;
  return (
    <section aria-labelledby="kop-dossierverzoeken">
      <Heading level={2} id="kop-dossierverzoeken">
        Inzage, afschrift en vernietiging van het dossier
      </Heading>
      <Paragraph>
        De jeugdige en de ouders of voogd mogen het dossier inzien en een afschrift krijgen (
        {INSPECTION_RULE}), en vragen het te vernietigen ({DESTRUCTION_RULE}). Werkaantekeningen
        horen niet bij het dossier en komen nooit in een afschrift.
      </Paragraph>
      {verzoeken.length === 0 ? (
        <Paragraph>Er zijn nog geen verzoeken vastgelegd.</Paragraph>
      ) : (
        verzoeken.map((v) => (
          <RequestItem key={v.id} casus={casus} request={v} items={onderdelen} />
        ))
      )}
      <NewRequest casus={casus} personen={personen} />
    </section>
  );
}

function RequestItem({
  casus,
  request: v,
  items,
}: {
  casus: CaseView;
  request: RequestView;
  items: Overview['onderdelen'];
}) {
  const base = `/api/v1/casussen/${casus.id}/dossierverzoeken/${v.id}`;
  const label = (kind: WithholdableKind, id: string) =>
    items.find((i) => i.soort === kind && i.id === id)?.omschrijving ?? id;
  return (
    <article className="kaart" aria-labelledby={`verzoek-${v.id}`}>
      <Heading level={3} id={`verzoek-${v.id}`}>
        {RECORD_REQUEST_LABELS[v.soort]}: {v.persoon} ({v.persoonSoort}), ontvangen op{' '}
        {formatDate(v.ontvangenOp)}
      </Heading>
      {v.soort === 'inzage-afschrift' ? (
        <>
          <Paragraph>
            <a className="utrecht-link" href={`${base}/dossier.pdf`} download>
              Dossier downloaden als PDF
            </a>{' '}
            ·{' '}
            <a className="utrecht-link" href={`${base}/dossier.json`} download>
              Dossier downloaden als JSON (machineleesbaar)
            </a>
          </Paragraph>
          {v.achtergehouden.length > 0 && (
            <Table caption="Niet in het afschrift">
              <thead>
                <tr>
                  <th scope="col">Onderdeel</th>
                  <th scope="col">Reden</th>
                </tr>
              </thead>
              <tbody>
                {v.achtergehouden.map((w) => (
                  <tr key={w.id}>
                    <td>
                      {WITHHOLDABLE_LABELS[w.soort]}: {label(w.soort, w.itemId)}
                    </td>
                    <td>{w.reden}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <Withhold casus={casus} requestId={v.id} items={items} />
        </>
      ) : v.besluit === 'weigeren' ? (
        <Alert type="info">
          Geweigerd: {v.grondTekst} ({v.regel}). {v.reden}
        </Alert>
      ) : (
        <Decide casus={casus} requestId={v.id} />
      )}
    </article>
  );
}

function NewRequest({ casus, personen }: { casus: CaseView; personen: Overview['personen'] }) {
  const client = useQueryClient();
  const [soort, setSoort] = useState<string[]>([]);
  const [persoon, setPersoon] = useState('');
  const [datum, setDatum] = useState('');
  const [warnings, setWarnings] = useState<string[]>([]);
  const s = useSubmission('Het verzoek vastleggen lukte niet. Probeer het opnieuw.', 'dossier');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const iso = parseDutchDate(datum);
    if (soort.length === 0) found['soort'] = 'kies de soort verzoek';
    if (!persoon) found['persoonId'] = 'kies wie het vraagt';
    if (!iso) found['ontvangenOp'] = 'vul een datum in als dd-mm-jjjj';
    await s.run(found, async () => {
      const result = await api<{ id: string; waarschuwingen: string[] }>(
        'POST',
        `/casussen/${casus.id}/dossierverzoeken`,
        { soort: soort[0], persoonId: persoon, ontvangenOp: iso },
      );
      setWarnings(result.waarschuwingen);
      await client.invalidateQueries({ queryKey: ['dossierverzoeken', casus.id] });
      return 'Het verzoek is vastgelegd.';
    });
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Verzoek vastleggen</Heading>
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => LABELS[p] ?? p}
      />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      {warnings.map((w) => (
        <Alert key={w} type="warning">
          {w}
        </Alert>
      ))}
      <ChoiceGroup
        legend="Soort verzoek"
        type="radio"
        name="dossier-soort"
        options={[
          ['inzage-afschrift', RECORD_REQUEST_LABELS['inzage-afschrift']],
          ['vernietiging', RECORD_REQUEST_LABELS.vernietiging],
        ]}
        selected={soort}
        onChange={setSoort}
        error={s.errors['soort']}
      />
      <FormField label="Wie vraagt" {...s.field('persoonId')} required>
        {(w) => (
          <Select {...w} value={persoon} onChange={(e) => setPersoon(e.target.value)}>
            <option value="">Kies een gezinslid</option>
            {personen.map((p) => (
              <option key={p.id} value={p.id}>
                {p.naam} ({p.soort})
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <DateField
        label="Ontvangen op"
        value={datum}
        onChange={setDatum}
        {...s.field('ontvangenOp')}
      />
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Verzoek vastleggen
      </Button>
    </form>
  );
}

function Withhold({
  casus,
  requestId,
  items,
}: {
  casus: CaseView;
  requestId: string;
  items: Overview['onderdelen'];
}) {
  const client = useQueryClient();
  const [item, setItem] = useState('');
  const [reden, setReden] = useState('');
  const s = useSubmission('Het onderdeel achterhouden lukte niet.', `achterhouden-${requestId}`);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const [kind, id] = item.split('|');
    if (!item) found['itemId'] = 'kies het onderdeel';
    if (reden.trim().length < 10) found['reden'] = 'schrijf de reden op (minstens 10 tekens)';
    await s.run(found, async () => {
      await api('POST', `/casussen/${casus.id}/dossierverzoeken/${requestId}/achterhouden`, {
        soort: kind,
        itemId: id,
        reden,
      });
      await client.invalidateQueries({ queryKey: ['dossierverzoeken', casus.id] });
      setItem('');
      setReden('');
      return 'Het onderdeel blijft buiten het afschrift; het afschrift meldt dat er iets is weggelaten.';
    });
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={4}>Een onderdeel buiten het afschrift laten</Heading>
      <Paragraph>
        Alleen als de privacy van een ander dat vraagt ({INSPECTION_RULE}). Het afschrift zegt dat
        er iets is weggelaten, niet wat.
      </Paragraph>
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => LABELS[p] ?? p}
      />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField label="Onderdeel" {...s.field('itemId')} required>
        {(w) => (
          <Select {...w} value={item} onChange={(e) => setItem(e.target.value)}>
            <option value="">Kies een onderdeel</option>
            {items.map((i) => (
              <option key={`${i.soort}|${i.id}`} value={`${i.soort}|${i.id}`}>
                {WITHHOLDABLE_LABELS[i.soort]}: {i.omschrijving}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Reden" {...s.field('reden')} required>
        {(w) => <Textarea {...w} value={reden} onChange={(e) => setReden(e.target.value)} />}
      </FormField>
      <Button type="submit" disabled={s.busy}>
        Achterhouden
      </Button>
    </form>
  );
}

function Decide({ casus, requestId }: { casus: CaseView; requestId: string }) {
  const client = useQueryClient();
  const [besluit, setBesluit] = useState<string[]>([]);
  const [grond, setGrond] = useState<RefusalGround | ''>('');
  const [reden, setReden] = useState('');
  const s = useSubmission('Het besluit vastleggen lukte niet.', `besluit-${requestId}`);
  const refuse = besluit[0] === 'weigeren';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (besluit.length === 0) found['besluit'] = 'kies vernietigen of weigeren';
    if (refuse && !grond) found['grond'] = 'kies de uitzondering';
    if (refuse && reden.trim().length < 10)
      found['reden'] = 'schrijf de reden op (minstens 10 tekens)';
    await s.run(found, async () => {
      const result = await api<{ vernietigd: boolean }>(
        'POST',
        `/casussen/${casus.id}/dossierverzoeken/${requestId}/besluit`,
        refuse ? { besluit: 'weigeren', grond, reden } : { besluit: 'vernietigen' },
      );
      if (result.vernietigd) {
        window.location.assign('/');
        return 'Het dossier is vernietigd.';
      }
      await client.invalidateQueries({ queryKey: ['dossierverzoeken', casus.id] });
      return 'De weigering is vastgelegd.';
    });
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={4}>Besluit over de vernietiging</Heading>
      <Paragraph>
        Vernietigen verwijdert de casus en, als het gezin geen andere casus heeft, het gezin en zijn
        leden voorgoed. Alleen één regel in het toegangslog blijft: dat het dossier is vernietigd en
        door wie.
      </Paragraph>
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => LABELS[p] ?? p}
      />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <ChoiceGroup
        legend="Besluit"
        type="radio"
        name={`besluit-${requestId}`}
        options={[
          ['vernietigen', 'Vernietigen'],
          ['weigeren', 'Weigeren op een wettelijke uitzondering'],
        ]}
        selected={besluit}
        onChange={setBesluit}
        error={s.errors['besluit']}
      />
      {refuse && (
        <>
          <FormField label="Uitzondering" {...s.field('grond')} required>
            {(w) => (
              <Select
                {...w}
                value={grond}
                onChange={(e) => setGrond(e.target.value as RefusalGround | '')}
              >
                <option value="">Kies een uitzondering</option>
                {REFUSAL_GROUNDS.map((g) => (
                  <option key={g} value={g}>
                    {REFUSAL_GROUND_LABELS[g].text} ({REFUSAL_GROUND_LABELS[g].rule})
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField label="Reden" {...s.field('reden')} required>
            {(w) => <Textarea {...w} value={reden} onChange={(e) => setReden(e.target.value)} />}
          </FormField>
        </>
      )}
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Besluit vastleggen
      </Button>
    </form>
  );
}
