/**
 * The consent register on the case page (Jeugdwet 7.3.11; ADR 0018): today's state per kind of
 * recipient with whose consent counts, the full history (a withdrawal is a new line, nothing is
 * overwritten), and for the casusregisseur and whoever assigns roles a form to record consent or
 * its withdrawal. A withdrawal stops a handover of casusregie to another organisation.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  CONSENT_RULE,
  RECIPIENT_KINDS,
  RECIPIENT_NL,
  type ConsentManner,
  type ConsentStatus,
  type RecipientKind,
} from '../../domain/privacy/consent.js';
import { api, type CaseView, type OrganisationView } from '../api.js';
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
  Select,
  StatusBadge,
  Table,
  Textarea,
} from '../nl/index.js';

interface Entry {
  id: string;
  persoon: string;
  ontvanger: RecipientKind;
  organisatie: string | null;
  doel: string;
  stand: ConsentStatus;
  datum: string;
  wijze: ConsentManner;
  vastgelegdDoor: string;
  vastgelegdOp: string;
}
interface Register {
  verklaringen: Entry[];
  standen: { ontvanger: RecipientKind; stand: string; redenen: string[] }[];
  magVastleggen: boolean;
}

const STATE_NL: Record<string, string> = {
  gegeven: 'gegeven',
  ingetrokken: 'ingetrokken',
  onbekend: 'niet vastgelegd',
};
const BADGE: Record<string, string> = {
  gegeven: 'safe',
  ingetrokken: 'danger',
  onbekend: 'neutral',
};
const ORGANISATION_KIND: Record<RecipientKind, string | null> = {
  'lokaal-team': 'lokaal-team',
  'gemeente-backoffice': 'gemeente',
  school: null,
  huisarts: 'huisartsenpraktijk',
  gi: 'gi',
  aanbieder: 'aanbieder',
};
const LABELS: Record<string, string> = {
  persoonId: 'Gezinslid',
  ontvanger: 'Ontvanger',
  organisatieId: 'Organisatie',
  doel: 'Doel',
  stand: 'Toestemming',
  datum: 'Datum',
  wijze: 'Hoe',
};

export function ConsentSection({ casus }: { casus: CaseView }) {
  const data = useQuery({
    queryKey: ['toestemmingen', casus.id],
    queryFn: () => api<Register>('GET', `/casussen/${casus.id}/toestemmingen`),
  });
  if (!data.data) return null;
  const { verklaringen, standen, magVastleggen } = data.data;
  return (
    <section aria-labelledby="kop-toestemming">
      <Heading level={2} id="kop-toestemming">
        Toestemming om gegevens te delen
      </Heading>
      <Paragraph>
        Gegevens van het gezin gaan alleen naar anderen met toestemming ({CONSENT_RULE}). Vanaf 16
        jaar beslist de jeugdige zelf; van 12 tot 16 beslissen de jeugdige en de ouders met gezag of
        de voogd samen; onder de 12 beslissen de ouders met gezag of de voogd.
      </Paragraph>
      <Table caption="Stand van de toestemming per ontvanger">
        <thead>
          <tr>
            <th scope="col">Ontvanger</th>
            <th scope="col">Stand</th>
            <th scope="col">Toelichting</th>
          </tr>
        </thead>
        <tbody>
          {standen.map((s) => (
            <tr key={s.ontvanger}>
              <th scope="row">{RECIPIENT_NL[s.ontvanger]}</th>
              <td>
                <StatusBadge status={BADGE[s.stand] ?? 'neutral'}>
                  {STATE_NL[s.stand] ?? s.stand}
                </StatusBadge>
              </td>
              <td>{s.redenen.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {verklaringen.length === 0 ? (
        <Paragraph>Er is nog geen toestemming vastgelegd.</Paragraph>
      ) : (
        <Table caption="Geschiedenis van de toestemming (nieuwste eerst)">
          <thead>
            <tr>
              <th scope="col">Datum</th>
              <th scope="col">Gezinslid</th>
              <th scope="col">Ontvanger</th>
              <th scope="col">Doel</th>
              <th scope="col">Toestemming</th>
              <th scope="col">Hoe</th>
              <th scope="col">Vastgelegd</th>
            </tr>
          </thead>
          <tbody>
            {verklaringen.map((v) => (
              <tr key={v.id}>
                <td>{formatDate(v.datum)}</td>
                <td>{v.persoon}</td>
                <td>
                  {RECIPIENT_NL[v.ontvanger]}
                  {v.organisatie ? ` (${v.organisatie})` : ''}
                </td>
                <td>{v.doel}</td>
                <td>{v.stand}</td>
                <td>{v.wijze}</td>
                <td>
                  {v.vastgelegdDoor}, {formatDateTime(v.vastgelegdOp)}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {magVastleggen && <RecordConsent casus={casus} />}
    </section>
  );
}

function RecordConsent({ casus }: { casus: CaseView }) {
  const client = useQueryClient();
  const [persoon, setPersoon] = useState('');
  const [ontvanger, setOntvanger] = useState<RecipientKind | ''>('');
  const [organisatie, setOrganisatie] = useState('');
  const [doel, setDoel] = useState('');
  const [stand, setStand] = useState<string[]>([]);
  const [datum, setDatum] = useState('');
  const [wijze, setWijze] = useState<string[]>([]);
  const s = useSubmission(
    'De toestemming vastleggen lukte niet. Probeer het opnieuw.',
    'toestemming',
  );
  const organisations = useQuery({
    queryKey: ['organisaties', casus.regio],
    queryFn: () =>
      api<OrganisationView[]>('GET', `/organisaties?regio=${encodeURIComponent(casus.regio)}`),
    staleTime: 5 * 60_000,
  });
  const orgKind = ontvanger === '' ? null : ORGANISATION_KIND[ontvanger];
  const choices = (organisations.data ?? []).filter((o) => o.soort === orgKind);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const iso = parseDutchDate(datum);
    if (!persoon) found['persoonId'] = 'kies het gezinslid';
    if (!ontvanger) found['ontvanger'] = 'kies de ontvanger';
    if (!doel.trim()) found['doel'] = 'schrijf waarvoor de gegevens worden gedeeld';
    if (stand.length === 0) found['stand'] = 'kies gegeven of ingetrokken';
    if (!iso) found['datum'] = 'vul een datum in als dd-mm-jjjj';
    if (wijze.length === 0) found['wijze'] = 'kies hoe het gezinslid het liet weten';
    await s.run(found, async () => {
      await api('POST', `/casussen/${casus.id}/toestemmingen`, {
        persoonId: persoon,
        ontvanger,
        organisatieId: organisatie || null,
        doel,
        stand: stand[0],
        datum: iso,
        wijze: wijze[0],
      });
      await Promise.all([
        client.invalidateQueries({ queryKey: ['toestemmingen', casus.id] }),
        client.invalidateQueries({ queryKey: ['regie-overdrachten', casus.id] }),
        client.invalidateQueries({ queryKey: ['toestemming-overdracht', casus.id] }),
      ]);
      setDoel('');
      return stand[0] === 'ingetrokken'
        ? 'De intrekking is vastgelegd.'
        : 'De toestemming is vastgelegd.';
    });
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Toestemming of intrekking vastleggen</Heading>
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => LABELS[p] ?? p}
      />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField label="Gezinslid" {...s.field('persoonId')} required>
        {(w) => (
          <Select {...w} value={persoon} onChange={(e) => setPersoon(e.target.value)}>
            <option value="">Kies een gezinslid</option>
            {casus.personen.map((p) => (
              <option key={p.id} value={p.id}>
                {p.naam} ({p.soort})
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Ontvanger" {...s.field('ontvanger')} required>
        {(w) => (
          <Select
            {...w}
            value={ontvanger}
            onChange={(e) => {
              setOntvanger(e.target.value as RecipientKind | '');
              setOrganisatie('');
            }}
          >
            <option value="">Kies een soort ontvanger</option>
            {RECIPIENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {RECIPIENT_NL[k]}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField
        label="Organisatie"
        description="Leeg laten: geldt voor elke organisatie van deze soort"
        {...s.field('organisatieId')}
      >
        {(w) => (
          <Select
            {...w}
            value={organisatie}
            onChange={(e) => setOrganisatie(e.target.value)}
            disabled={choices.length === 0}
          >
            <option value="">Elke organisatie van deze soort</option>
            {choices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.naam}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Doel" {...s.field('doel')} required>
        {(w) => <Textarea {...w} value={doel} onChange={(e) => setDoel(e.target.value)} />}
      </FormField>
      <ChoiceGroup
        legend="Toestemming"
        type="radio"
        name="toestemming-stand"
        options={[
          ['gegeven', 'Gegeven'],
          ['ingetrokken', 'Ingetrokken of geweigerd'],
        ]}
        selected={stand}
        onChange={setStand}
        error={s.errors['stand']}
      />
      <DateField label="Datum" value={datum} onChange={setDatum} {...s.field('datum')} />
      <ChoiceGroup
        legend="Hoe"
        type="radio"
        name="toestemming-wijze"
        options={[
          ['mondeling', 'Mondeling'],
          ['schriftelijk', 'Schriftelijk'],
          ['digitaal', 'Digitaal'],
        ]}
        selected={wijze}
        onChange={setWijze}
        error={s.errors['wijze']}
      />
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Vastleggen
      </Button>
    </form>
  );
}
