/**
 * Allocation on the case page. Everyone who reads the case sees the proposals and
 * allocations with their handover (a provider only its own allocations). On route A the
 * local team's casusregisseur or team lead proposes: the arrangement comes from the fixed
 * plan, the provider and product from the region's contracts, and the handover holds what
 * the provider needs to start well (GRO-DEC-OVERDRACHT). The back office decides elsewhere.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type CaseView } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateField, RuleLink, useSubmission } from '../forms.js';
import { formatDate, formatDateTime, parseDutchDate } from '../format.js';
import {
  Alert,
  Button,
  DataList,
  Fieldset,
  FormField,
  Heading,
  Paragraph,
  Select,
  Textarea,
  Textbox,
} from '../nl/index.js';
import { useSession } from '../session.js';

export interface ProposalView {
  id: string;
  casusId: string;
  gezin: string;
  status: 'voorgesteld' | 'toegewezen' | 'afgewezen';
  aanbieder: { naam: string; agb: string };
  jeugdige: { id: string; naam: string };
  voorgesteldDoor: string;
  voorgesteldOp: string;
  besluitOp: string | null;
  reden: string | null;
  toewijzingen: string[];
  plan: { soort: string; versie: number };
  arrangement: {
    resultaatgebieden: string[];
    steunelementen: string[];
    intensiteit: string;
    duur: string;
    doelen: { id: string; resultaatgebied: string; omschrijving: string }[];
    overbrugging: { reden: string; wachtOp: string | null } | null;
  };
  producten: {
    productcode: string;
    volume: number;
    ingangsdatum: string;
    einddatum: string | null;
  }[];
  adviesExpertpool: { datum: string; samenvatting: string } | null;
  overdracht: {
    vraagverheldering: string;
    analyse: string;
    ondersteuningsbehoefte: string;
    onderbouwing: string;
    contacten: {
      rol: string;
      naam: string;
      telefoon: string | null;
      email: string | null;
      adres: { straat: string; huisnummer: string; postcode: string; plaats: string } | null;
    }[];
  };
}

export const PROPOSAL_STATUS: Record<ProposalView['status'], string> = {
  voorgesteld: 'Voorgesteld, wacht op besluit gemeente',
  toegewezen: 'Toegewezen',
  afgewezen: 'Afgewezen',
};

const ROLE: Record<string, string> = {
  jeugdige: 'Jeugdige',
  gezagsdrager: 'Gezagsdrager',
  casusregisseur: 'Casusregisseur',
};

/** What the provider (and the back office) reads: arrangement, products, handover. */
export function ProposalDetails({ p }: { p: ProposalView }) {
  const a = p.arrangement;
  return (
    <>
      <DataList
        items={[
          ['Jeugdige', p.jeugdige.naam],
          ['Aanbieder', `${p.aanbieder.naam} (AGB ${p.aanbieder.agb})`],
          [
            'Producten',
            p.producten
              .map(
                (l) =>
                  `${l.productcode}: ${l.volume} per eenheid, ${formatDate(l.ingangsdatum)} – ${l.einddatum ? formatDate(l.einddatum) : 'open'}`,
              )
              .join('; '),
          ],
          ...(p.toewijzingen.length > 0
            ? ([['Toewijzingsnummers', p.toewijzingen.join(', ')]] as [string, string][])
            : []),
          ['Resultaatgebieden', a.resultaatgebieden.join(', ')],
          ['Steunelementen', a.steunelementen.join(', ') || '—'],
          ['Intensiteit en duur', `${a.intensiteit}; ${a.duur}`],
          [
            'Uit plan',
            `${p.plan.soort} versie ${p.plan.versie}: ${a.doelen.map((d) => d.omschrijving).join('; ')}`,
          ],
          ...(a.overbrugging
            ? ([
                [
                  'Overbrugging',
                  `${a.overbrugging.reden}${a.overbrugging.wachtOp ? ` (wacht op ${a.overbrugging.wachtOp})` : ''}`,
                ],
              ] as [string, string][])
            : []),
          ...(p.adviesExpertpool
            ? ([
                [
                  'Advies expertpool',
                  `${formatDate(p.adviesExpertpool.datum)}: ${p.adviesExpertpool.samenvatting}`,
                ],
              ] as [string, string][])
            : []),
          ['Vraagverheldering', p.overdracht.vraagverheldering],
          ['Analyse', p.overdracht.analyse],
          ['Ondersteuningsbehoefte', p.overdracht.ondersteuningsbehoefte],
          ['Onderbouwing', p.overdracht.onderbouwing],
        ]}
      />
      <h4 className="utrecht-heading-4">Contactgegevens</h4>
      <ul className="utrecht-unordered-list">
        {p.overdracht.contacten.map((c) => (
          <li key={`${c.rol}-${c.naam}`} className="utrecht-unordered-list__item">
            {ROLE[c.rol] ?? c.rol}: {c.naam}
            {c.telefoon ? `, tel. ${c.telefoon}` : ''}
            {c.email ? `, ${c.email}` : ''}
            {c.adres
              ? `, ${c.adres.straat} ${c.adres.huisnummer}, ${c.adres.postcode} ${c.adres.plaats}`
              : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

interface Basis {
  route: string;
  gezin: { id: string; soort: string; naam: string; heeftBsn: boolean }[];
  aanbieders: { agb: string; naam: string; hoofdaannemer: string; producten: string[] }[];
  producten: {
    code: string;
    naam: string;
    vrijToegankelijk: boolean;
    eenheid: string;
    frequentie: string;
  }[];
}

const LABELS: Record<string, string> = {
  plan: 'Vastgesteld plan',
  jeugdigeId: 'Jeugdige',
  jeugdige: 'Jeugdige',
  aanbieder: 'Aanbieder',
  producten: 'Product',
  'producten.0.productcode': 'Product',
  'producten.0.volume': 'Volume',
  'producten.0.ingangsdatum': 'Ingangsdatum',
  'producten.0.einddatum': 'Einddatum',
  adviesExpertpool: 'Advies expertpool',
  'overbrugging.reden': 'Reden overbrugging',
  'overbrugging.wachtOp': 'Wacht op product',
  'overdracht.vraagverheldering': 'Uitkomst vraagverheldering',
  'overdracht.analyse': 'Samenvatting analyse',
  'overdracht.ondersteuningsbehoefte': 'Ingeschatte ondersteuningsbehoefte',
  'overdracht.onderbouwing': 'Onderbouwing',
  'overdracht.contacten': 'Contactgegevens',
  'overdracht.contacten.0.adres': 'Adres jeugdige',
  'overdracht.contacten.0.adres.straat': 'Straat',
  'overdracht.contacten.0.adres.huisnummer': 'Huisnummer',
  'overdracht.contacten.0.adres.postcode': 'Postcode',
  'overdracht.contacten.0.adres.plaats': 'Plaats',
};

interface ProviderConsent {
  stand: string;
  melding: string | null;
  regel: string;
}

/**
 * The family's consent to share with the chosen provider (Jeugdwet 7.3.11, ADR 0018): the
 * handover in the proposal goes to it once allocated, so after a withdrawal the server refuses.
 */
function ProviderConsentLine({ casus, agb }: { casus: CaseView; agb: string }) {
  const providers = useQuery({
    queryKey: ['organisaties', 'aanbieder'],
    queryFn: () =>
      api<{ id: string; regio: string; code: string | null }[]>(
        'GET',
        '/organisaties?soort=aanbieder',
      ),
    staleTime: 5 * 60_000,
  });
  const matches = (providers.data ?? []).filter((o) => o.code === agb);
  const organisationId = (matches.find((o) => o.regio === casus.regio) ?? matches[0])?.id ?? '';
  const consent = useQuery({
    queryKey: ['toestemming-overdracht', casus.id, organisationId],
    queryFn: () =>
      api<{ toestemming: ProviderConsent | null }>(
        'GET',
        `/casussen/${casus.id}/toestemmingen/overdracht?organisatieId=${organisationId}`,
      ),
    enabled: organisationId !== '',
  });
  const c = consent.data?.toestemming;
  if (!c) return null;
  if (c.stand === 'gegeven')
    return (
      <Alert type="info">
        <Paragraph>
          Het gezin heeft toestemming gegeven om gegevens met deze aanbieder te delen ({c.regel}).
        </Paragraph>
      </Alert>
    );
  if (c.stand === 'onbekend')
    return (
      <Alert type="warning">
        <Paragraph>
          Er is geen toestemming vastgelegd om gegevens met deze aanbieder te delen. Vraag het gezin
          erom en leg het antwoord vast bij Toestemming ({c.regel}).
        </Paragraph>
      </Alert>
    );
  if (c.stand === 'ingetrokken')
    return (
      <Alert type="warning">
        <Paragraph>
          Het gezin heeft de toestemming om gegevens met deze aanbieder te delen ingetrokken. Een
          voorstel aan deze aanbieder wordt geweigerd, want de overdracht zou dan zonder toestemming
          gedeeld worden; bespreek dit met het gezin ({c.regel}).
        </Paragraph>
      </Alert>
    );
  return c.melding ? (
    <Alert type="info">
      <Paragraph>{c.melding}</Paragraph>
    </Alert>
  ) : null;
}

function ProposalForm({ casus, basis }: { casus: CaseView; basis: Basis }) {
  const client = useQueryClient();
  const young = basis.gezin.filter((p) => p.soort === 'jeugdige');
  const custodians = basis.gezin.filter((p) => p.soort !== 'jeugdige');
  const [jeugdige, setJeugdige] = useState(young[0]?.id ?? '');
  const [aanbieder, setAanbieder] = useState('');
  const [product, setProduct] = useState('');
  const [volume, setVolume] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [steun, setSteun] = useState('');
  const [bridging, setBridging] = useState(false);
  const [bridgeReason, setBridgeReason] = useState('');
  const [waitFor, setWaitFor] = useState('');
  const [adviceDate, setAdviceDate] = useState('');
  const [advice, setAdvice] = useState('');
  const [texts, setTexts] = useState({
    vraagverheldering: '',
    analyse: '',
    ondersteuningsbehoefte: '',
    onderbouwing: '',
  });
  const [address, setAddress] = useState({ straat: '', huisnummer: '', postcode: '', plaats: '' });
  const [reach, setReach] = useState<Record<string, { telefoon: string; email: string }>>({});
  const [phone, setPhone] = useState('');
  const { errors, general, done, busy, run, field } = useSubmission(
    'Het voorstel versturen lukte niet. Probeer het opnieuw.',
    'voorstel',
  );
  const provider = basis.aanbieders.find((a) => a.agb === aanbieder);
  const chosen = basis.producten.find((p) => p.code === product);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const startIso = parseDutchDate(start);
    const endIso = end.trim() === '' ? null : parseDutchDate(end);
    const adviceIso = adviceDate.trim() === '' ? null : parseDutchDate(adviceDate);
    if (!jeugdige) found['jeugdigeId'] = 'kies de jeugdige';
    if (!aanbieder) found['aanbieder'] = 'kies een gecontracteerde aanbieder';
    if (!product) found['producten.0.productcode'] = 'kies een product';
    if (!/^\d+$/.test(volume.trim())) found['producten.0.volume'] = 'een heel getal, bijv. 4';
    if (!startIso) found['producten.0.ingangsdatum'] = 'vul een datum in als dd-mm-jjjj';
    if (end.trim() !== '' && !endIso)
      found['producten.0.einddatum'] = 'vul een datum in als dd-mm-jjjj';
    if (adviceDate.trim() !== '' && !adviceIso)
      found['adviesExpertpool'] = 'de datum van het advies is geen geldige datum';
    await run(found, async () => {
      await api('POST', `/casussen/${casus.id}/toewijzingsvoorstellen`, {
        jeugdigeId: jeugdige,
        aanbieder,
        producten: [
          {
            productcode: product,
            volume: Number(volume),
            ingangsdatum: startIso,
            einddatum: endIso,
          },
        ],
        steunelementen: steun
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        ...(bridging ? { overbrugging: { reden: bridgeReason, wachtOp: waitFor || null } } : {}),
        ...(adviceIso && advice.trim()
          ? { adviesExpertpool: { datum: adviceIso, samenvatting: advice } }
          : {}),
        overdracht: {
          ...texts,
          telefoonCasusregisseur: phone,
          contacten: [
            { persoonId: jeugdige, adres: address },
            ...custodians.map((c) => ({
              persoonId: c.id,
              telefoon: reach[c.id]?.telefoon ?? '',
              email: reach[c.id]?.email ?? '',
            })),
          ],
        },
      });
      await client.invalidateQueries({ queryKey: ['overdracht', casus.id] });
      await client.invalidateQueries({ queryKey: ['casus', casus.id] });
      return 'Het voorstel staat klaar bij de backoffice van de gemeente.';
    });
  }

  const text = (key: keyof typeof texts, label: string, description: string) => (
    <FormField label={label} description={description} {...field(`overdracht.${key}`)} required>
      {(w) => (
        <Textarea
          {...w}
          rows={3}
          value={texts[key]}
          onChange={(e) => setTexts({ ...texts, [key]: e.target.value })}
        />
      )}
    </FormField>
  );

  return (
    <section aria-labelledby="kop-voorstel">
      <Heading level={3} id="kop-voorstel">
        Toewijzing voorstellen
      </Heading>
      <Paragraph>
        Het arrangement (resultaatgebieden, intensiteit, duur) volgt uit het vastgestelde plan. De
        aanbieder krijgt bij de toewijzing deze overdracht te zien (
        <RuleLink id="GRO-DEC-OVERDRACHT" />
        ).
      </Paragraph>
      <ErrorSummary
        errors={errors}
        general={general}
        scope="voorstel"
        labelOf={(p) => LABELS[p] ?? p}
        onlyFields={(p) =>
          p in LABELS &&
          ![
            'plan',
            'jeugdige',
            'producten',
            'overdracht.contacten',
            'overdracht.contacten.0.adres',
          ].includes(p)
        }
      />
      {done && <Alert type="ok">{done}</Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
        <FormField label="Jeugdige" {...field('jeugdigeId')} required>
          {(w) => (
            <Select {...w} value={jeugdige} onChange={(e) => setJeugdige(e.target.value)}>
              {young.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.naam}
                  {p.heeftBsn ? '' : ' (geen BSN)'}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField
          label="Aanbieder"
          description="Alleen aanbieders met een contract (ook onderaannemers)"
          {...field('aanbieder')}
          required
        >
          {(w) => (
            <Select
              {...w}
              value={aanbieder}
              onChange={(e) => {
                setAanbieder(e.target.value);
                setProduct('');
              }}
            >
              <option value="">Kies…</option>
              {basis.aanbieders.map((a) => (
                <option key={a.agb} value={a.agb}>
                  {a.naam}
                  {a.hoofdaannemer && a.hoofdaannemer !== a.naam ? ` (via ${a.hoofdaannemer})` : ''}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        {aanbieder && <ProviderConsentLine casus={casus} agb={aanbieder} />}
        <FormField label="Product" {...field('producten.0.productcode')} required>
          {(w) => (
            <Select {...w} value={product} onChange={(e) => setProduct(e.target.value)}>
              <option value="">Kies…</option>
              {basis.producten
                .filter((p) => provider?.producten.includes(p.code))
                .map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.code} {p.naam}
                    {p.vrijToegankelijk ? '' : ' (niet vrij toegankelijk)'}
                  </option>
                ))}
            </Select>
          )}
        </FormField>
        <FormField
          label="Volume"
          description={
            chosen ? `${chosen.eenheid}, ${chosen.frequentie.toLowerCase()}` : 'aantal eenheden'
          }
          {...field('producten.0.volume')}
          required
        >
          {(w) => (
            <Textbox
              {...w}
              inputMode="numeric"
              value={volume}
              onChange={(e) => setVolume(e.target.value)}
            />
          )}
        </FormField>
        <div className="naast-elkaar">
          <DateField
            label="Ingangsdatum"
            value={start}
            onChange={setStart}
            {...field('producten.0.ingangsdatum')}
          />
          <DateField
            label="Einddatum"
            value={end}
            onChange={setEnd}
            required={false}
            {...field('producten.0.einddatum')}
          />
        </div>
        <FormField
          label="Steunelementen"
          description="Gescheiden door komma's, bijv. gezinscoach, vervoer"
          required={false}
        >
          {(w) => <Textbox {...w} value={steun} onChange={(e) => setSteun(e.target.value)} />}
        </FormField>
        <div className="utrecht-form-field utrecht-form-field--checkbox">
          <label className="utrecht-form-label utrecht-form-label--checkbox">
            <input
              type="checkbox"
              className="utrecht-checkbox"
              checked={bridging}
              onChange={(e) => setBridging(e.target.checked)}
            />{' '}
            Dit is een overbruggingsarrangement (tijdelijk, tijdens een wachttijd)
          </label>
        </div>
        {bridging && (
          <>
            <FormField label="Reden overbrugging" {...field('overbrugging.reden')} required>
              {(w) => (
                <Textbox
                  {...w}
                  value={bridgeReason}
                  onChange={(e) => setBridgeReason(e.target.value)}
                />
              )}
            </FormField>
            <FormField label="Wacht op product" {...field('overbrugging.wachtOp')} required={false}>
              {(w) => (
                <Select {...w} value={waitFor} onChange={(e) => setWaitFor(e.target.value)}>
                  <option value="">—</option>
                  {basis.producten.map((p) => (
                    <option key={p.code} value={p.code}>
                      {p.code} {p.naam}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          </>
        )}
        {chosen && !chosen.vrijToegankelijk && (
          <Fieldset legend="Advies van de expertpool (GRO-GATE-EXPERTPOOL)">
            <DateField
              label="Datum advies"
              value={adviceDate}
              onChange={setAdviceDate}
              {...field('adviesExpertpool')}
            />
            <FormField label="Samenvatting advies" required>
              {(w) => (
                <Textarea
                  {...w}
                  rows={2}
                  value={advice}
                  onChange={(e) => setAdvice(e.target.value)}
                />
              )}
            </FormField>
          </Fieldset>
        )}
        <Fieldset legend="Inhoudelijke overdracht">
          {text(
            'vraagverheldering',
            'Uitkomst vraagverheldering',
            'De hulpvraag zoals u die samen met het gezin hebt geformuleerd',
          )}
          {text('analyse', 'Samenvatting analyse', 'Krachten, zorgen en veiligheid')}
          {text(
            'ondersteuningsbehoefte',
            'Ingeschatte ondersteuningsbehoefte',
            'Van de jeugdige en het gezin met netwerk',
          )}
          {text('onderbouwing', 'Onderbouwing', 'Waarom deze hulp')}
        </Fieldset>
        <Fieldset legend="Adres van de jeugdige">
          {(['straat', 'huisnummer', 'postcode', 'plaats'] as const).map((k) => (
            <FormField
              key={k}
              label={LABELS[`overdracht.contacten.0.adres.${k}`] ?? k}
              {...field(`overdracht.contacten.0.adres.${k}`)}
              required
            >
              {(w) => (
                <Textbox
                  {...w}
                  value={address[k]}
                  onChange={(e) => setAddress({ ...address, [k]: e.target.value })}
                />
              )}
            </FormField>
          ))}
        </Fieldset>
        {custodians.map((c) => (
          <Fieldset key={c.id} legend={`Bereikbaarheid ${c.naam}`}>
            {(['telefoon', 'email'] as const).map((k) => (
              <FormField key={k} label={k === 'telefoon' ? 'Telefoon' : 'E-mail'} required={false}>
                {(w) => (
                  <Textbox
                    {...w}
                    value={reach[c.id]?.[k] ?? ''}
                    onChange={(e) =>
                      setReach({
                        ...reach,
                        [c.id]: { telefoon: '', email: '', ...reach[c.id], [k]: e.target.value },
                      })
                    }
                  />
                )}
              </FormField>
            ))}
          </Fieldset>
        ))}
        <FormField label="Uw telefoonnummer als casusregisseur" required={false}>
          {(w) => <Textbox {...w} value={phone} onChange={(e) => setPhone(e.target.value)} />}
        </FormField>
        <Button type="submit" appearance="primary-action" disabled={busy}>
          Voorstel naar de gemeente
        </Button>
      </form>
    </section>
  );
}

export function AllocationSection({ casus }: { casus: CaseView }) {
  const session = useSession();
  const me = session.data?.medewerker;
  const mayPropose =
    casus.route === 'A' &&
    me?.organisatieSoort === 'lokaal-team' &&
    me.rollen.some((r) => r === 'casusregisseur' || r === 'teamleider');
  const handovers = useQuery({
    queryKey: ['overdracht', casus.id],
    queryFn: () => api<{ voorstellen: ProposalView[] }>('GET', `/casussen/${casus.id}/overdracht`),
  });
  const basis = useQuery({
    queryKey: ['voorstel-basis', casus.id],
    queryFn: () => api<Basis>('GET', `/casussen/${casus.id}/toewijzingsvoorstel/basis`),
    enabled: mayPropose,
  });
  const list = handovers.data?.voorstellen ?? [];
  return (
    <section aria-labelledby="kop-toewijzing">
      <Heading level={2} id="kop-toewijzing">
        Toewijzing en overdracht
      </Heading>
      {handovers.isError && <Alert type="error">{handovers.error.message}</Alert>}
      {handovers.data && list.length === 0 && (
        <Paragraph>Er is nog geen toewijzing voorgesteld of gedaan.</Paragraph>
      )}
      {list.map((p) => (
        <article key={p.id} aria-labelledby={`kop-voorstel-${p.id}`}>
          <Heading level={3} id={`kop-voorstel-${p.id}`}>
            {p.aanbieder.naam}: {PROPOSAL_STATUS[p.status]}
          </Heading>
          <Paragraph>
            Voorgesteld door {p.voorgesteldDoor} op {formatDateTime(p.voorgesteldOp)}
            {p.besluitOp ? `; besluit op ${formatDateTime(p.besluitOp)}` : ''}
            {p.reden ? `. Reden: ${p.reden}` : ''}
          </Paragraph>
          <ProposalDetails p={p} />
        </article>
      ))}
      {mayPropose && basis.data && <ProposalForm casus={casus} basis={basis.data} />}
    </section>
  );
}
