/**
 * Break-the-glass in the web UI (ADR 0020; NEN 7513): the page to ask for emergency access to a
 * case (reason first; the case is named by its number or the young person's BSN, and the answer
 * is the case or "niet gevonden"), the banner on a case opened that way, and the privacy
 * officer's page to review grants on cases of the region.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import {
  BREAK_GLASS_RULE,
  DEFAULT_HOURS,
  MAX_HOURS,
  MIN_REASON_LENGTH,
} from '../../domain/privacy/break-glass.js';
import { api } from '../api.js';
import { ErrorSummary } from '../errors.js';
import { useSubmission } from '../forms.js';
import { formatDateTime } from '../format.js';
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
  Textbox,
} from '../nl/index.js';
import { PageHeading } from '../page.js';

const LABELS: Record<string, string> = {
  casusId: 'Casusnummer',
  bsn: 'BSN van de jeugdige',
  reden: 'Reden',
  uren: 'Duur',
  oordeel: 'Oordeel',
  toelichting: 'Toelichting',
};

export function BreakGlassPage() {
  const navigate = useNavigate();
  const [casusId, setCasusId] = useState('');
  const [bsn, setBsn] = useState('');
  const [reden, setReden] = useState('');
  const [uren, setUren] = useState(String(DEFAULT_HOURS));
  const s = useSubmission('Noodtoegang vragen lukte niet. Probeer het opnieuw.', 'noodtoegang');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (reden.trim().length < MIN_REASON_LENGTH)
      found['reden'] = `beschrijf de noodsituatie in minstens ${MIN_REASON_LENGTH} tekens`;
    if ((casusId.trim() === '') === (bsn.trim() === ''))
      found['casusId'] = 'vul het casusnummer of het BSN in (één van beide)';
    await s.run(found, async () => {
      const grant = await api<{ casusId: string }>('POST', '/noodtoegang', {
        casusId: casusId.trim() || null,
        bsn: bsn.trim() || null,
        reden,
        uren: Number(uren),
      });
      void navigate(`/casussen/${grant.casusId}`);
      return null;
    });
  }

  return (
    <>
      <PageHeading title="Noodtoegang tot een casus" />
      <Paragraph>
        Alleen in een noodsituatie: u opent een casus waar u geen rol op heeft. U kunt de casus dan
        inzien, niet wijzigen, en alleen zolang de gekozen duur loopt. Elke inzage wordt gelogd met
        uw reden, de privacyfunctionaris beoordeelt de noodtoegang achteraf en het gezin kan zien
        dat u de casus heeft ingezien ({BREAK_GLASS_RULE}).
      </Paragraph>
      <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
        <ErrorSummary
          errors={s.errors}
          general={s.general}
          scope={s.scope}
          labelOf={(p) => LABELS[p] ?? p}
        />
        <FormField
          label="Reden"
          description={`Waarom is inzage nu nodig? Minstens ${MIN_REASON_LENGTH} tekens.`}
          {...s.field('reden')}
          required
        >
          {(w) => <Textarea {...w} value={reden} onChange={(e) => setReden(e.target.value)} />}
        </FormField>
        <FormField
          label="Casusnummer"
          description="Of vul hieronder het BSN in"
          {...s.field('casusId')}
        >
          {(w) => <Textbox {...w} value={casusId} onChange={(e) => setCasusId(e.target.value)} />}
        </FormField>
        <FormField label="BSN van de jeugdige" {...s.field('bsn')}>
          {(w) => (
            <Textbox
              {...w}
              inputMode="numeric"
              autoComplete="off"
              value={bsn}
              onChange={(e) => setBsn(e.target.value)}
            />
          )}
        </FormField>
        <FormField label="Duur" {...s.field('uren')} required>
          {(w) => (
            <Select {...w} value={uren} onChange={(e) => setUren(e.target.value)}>
              {Array.from({ length: MAX_HOURS }, (_, i) => i + 1).map((h) => (
                <option key={h} value={h}>
                  {h} uur
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <Button type="submit" appearance="primary-action" disabled={s.busy}>
          Casus openen met noodtoegang
        </Button>
      </form>
    </>
  );
}

/** The banner on a case opened by break-the-glass: until when, and that it is read only. */
export function BreakGlassBanner({ caseId }: { caseId: string }) {
  const data = useQuery({
    queryKey: ['noodtoegang', caseId],
    queryFn: () =>
      api<{ noodtoegang: { reden: string; tot: string } | null }>(
        'GET',
        `/casussen/${caseId}/noodtoegang`,
      ),
  });
  const grant = data.data?.noodtoegang;
  if (!grant) return null;
  return (
    <Alert type="warning">
      <strong>Noodtoegang tot {formatDateTime(grant.tot)}</strong>: u kunt deze casus alleen inzien.
      Elke inzage wordt gelogd met uw reden: “{grant.reden}” ({BREAK_GLASS_RULE}).
    </Alert>
  );
}

interface Grant {
  id: string;
  casusId: string;
  medewerker: string;
  organisatie: string;
  rollen: string[];
  reden: string;
  vanaf: string;
  tot: string;
  oordeel: string | null;
  toelichting: string | null;
  beoordeeldDoor: string | null;
}

export function BreakGlassReviewPage() {
  const data = useQuery({
    queryKey: ['noodtoegang-beoordelingen'],
    queryFn: () => api<{ noodtoegangen: Grant[] }>('GET', '/noodtoegang/beoordelingen'),
  });
  return (
    <>
      <PageHeading title="Noodtoegang beoordelen" />
      <Paragraph>
        Medewerkers die een casus van uw regio met noodtoegang openden. Beoordeel per keer of de
        noodtoegang terecht was; bij onterecht stopt een noodtoegang die nog loopt (
        {BREAK_GLASS_RULE}). U ziet alleen het casusnummer, geen inhoud van de casus.
      </Paragraph>
      {data.isError && <Alert type="error">{data.error.message}</Alert>}
      {data.data && data.data.noodtoegangen.length === 0 && (
        <Paragraph>Er is geen noodtoegang die nog beoordeeld moet worden.</Paragraph>
      )}
      {data.data && data.data.noodtoegangen.length > 0 && (
        <Table caption="Noodtoegang die nog beoordeeld moet worden">
          <thead>
            <tr>
              <th scope="col">Wie</th>
              <th scope="col">Casus</th>
              <th scope="col">Van – tot</th>
              <th scope="col">Reden</th>
            </tr>
          </thead>
          <tbody>
            {data.data.noodtoegangen.map((g) => (
              <tr key={g.id}>
                <td>
                  {g.medewerker} ({g.rollen.join(', ')}, {g.organisatie})
                </td>
                <td>{g.casusId}</td>
                <td>
                  {formatDateTime(g.vanaf)} – {formatDateTime(g.tot)}
                </td>
                <td>{g.reden}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {data.data?.noodtoegangen.map((g) => (
        <ReviewForm key={g.id} grant={g} />
      ))}
    </>
  );
}

function ReviewForm({ grant }: { grant: Grant }) {
  const client = useQueryClient();
  const [oordeel, setOordeel] = useState<string[]>([]);
  const [toelichting, setToelichting] = useState('');
  const s = useSubmission('Het oordeel vastleggen lukte niet.', `beoordeling-${grant.id}`);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (oordeel.length === 0) found['oordeel'] = 'kies terecht of onterecht';
    if (oordeel[0] === 'onterecht' && toelichting.trim() === '')
      found['toelichting'] = 'schrijf waarom de noodtoegang onterecht was';
    await s.run(found, async () => {
      await api('POST', `/noodtoegang/${grant.id}/beoordeling`, {
        oordeel: oordeel[0],
        toelichting,
      });
      await client.invalidateQueries({ queryKey: ['noodtoegang-beoordelingen'] });
      return 'Het oordeel is vastgelegd.';
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={2}>
        Beoordeling: {grant.medewerker}, {formatDateTime(grant.vanaf)}
      </Heading>
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => LABELS[p] ?? p}
      />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <ChoiceGroup
        legend="Oordeel"
        type="radio"
        name={`oordeel-${grant.id}`}
        options={[
          ['terecht', 'Terecht'],
          ['onterecht', 'Onterecht'],
        ]}
        selected={oordeel}
        onChange={setOordeel}
        error={s.errors['oordeel']}
      />
      <FormField label="Toelichting" {...s.field('toelichting')}>
        {(w) => (
          <Textarea {...w} value={toelichting} onChange={(e) => setToelichting(e.target.value)} />
        )}
      </FormField>
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Oordeel vastleggen
      </Button>
    </form>
  );
}
