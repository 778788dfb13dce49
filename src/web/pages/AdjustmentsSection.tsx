/**
 * Hulp aanpassen (op- en afschalen) on the case page. The casusregisseur side and the treating
 * provider propose to change a running allocation — end it earlier, less or more of the same
 * product from a date, another product beside it, or other help instead — with the reasons and
 * the plan goals it serves. The procesregisseur approves or refuses (with a reason). Every
 * proposal stays visible with its decision and what followed: the changed allocation (same
 * number, earlier end, reden wijziging) or the allocation proposal for the new help.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FREQUENCIES, UNITS } from '../../domain/catalogue/codes.js';
import { api, type CaseView } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { DateField, useSubmission } from '../forms.js';
import { formatDate, formatDateTime, parseDutchDate } from '../format.js';
import {
  Alert,
  Button,
  ChoiceGroup,
  DataList,
  Fieldset,
  FormField,
  Heading,
  Paragraph,
  Select,
  StatusBadge,
  Table,
  Textarea,
  Textbox,
} from '../nl/index.js';
import { useSession } from '../session.js';

type Direction = 'op' | 'af' | 'anders';
type State = 'voorgesteld' | 'goedgekeurd' | 'afgewezen' | 'uitgevoerd' | 'niet-toegewezen';

interface Allocation {
  id: string;
  nummer: string;
  productcode: string;
  aanbieder: { naam: string; agb: string };
  volume: number | null;
  eenheid: string | null;
  frequentie: string | null;
  ingangsdatum: string;
  einddatum: string | null;
  status: string;
  lopendVoorstel: boolean;
  magAanpassen: boolean;
}

interface Help {
  productcode: string;
  volume: number;
  ingangsdatum: string;
  einddatum: string | null;
}

interface Adjustment {
  id: string;
  richting: Direction;
  status: State;
  toewijzing: {
    id: string;
    nummer: string;
    productcode: string;
    aanbieder: string;
    volume: number | null;
    ingangsdatum: string;
    einddatum: string | null;
  };
  einddatum: string | null;
  nieuweHulp: Help | null;
  aanbieder: string | null;
  redenen: string;
  doelen: { id: string; omschrijving: string }[];
  overlegAanbieder: string | null;
  voorgesteldDoor: string;
  voorgesteldOp: string;
  besluit: {
    door: string | null;
    op: string;
    reden: string | null;
    toelichting: string | null;
  } | null;
  uitvoering: {
    op: string | null;
    gewijzigdeToewijzing: {
      nummer: string;
      vorigeEinddatum: string | null;
      einddatum: string;
      redenWijziging: string;
    } | null;
    nieuweToewijzingen: string[];
    toewijzingsvoorstel: { id: string; status: string } | null;
    afwijzingGemeente: string | null;
  };
  geschiedenis: { op: string; wat: string; door: string | null; toelichting: string | null }[];
  magBesluiten: boolean;
}

interface Overview {
  magVoorstellen: boolean;
  heeftProcesregisseur: boolean;
  toewijzingen: Allocation[];
  doelen: { id: string; omschrijving: string }[];
  aanpassingen: Adjustment[];
}

interface Basis {
  aanbieders: { agb: string; naam: string; producten: string[] }[];
  producten: {
    code: string;
    naam: string;
    vrijToegankelijk: boolean;
    eenheid: string;
    frequentie: string;
  }[];
}

const DIRECTIONS: Record<Direction, string> = {
  op: 'Opschalen: meer hulp',
  af: 'Afschalen: minder of korter',
  anders: 'Andere hulp in de plaats',
};

const STATES: Record<State, { label: string; badge: string }> = {
  voorgesteld: { label: 'Voorgesteld, wacht op besluit van de procesregisseur', badge: 'neutral' },
  goedgekeurd: { label: 'Goedgekeurd, wacht op de toewijzing door de gemeente', badge: 'warning' },
  afgewezen: { label: 'Afgewezen door de procesregisseur', badge: 'danger' },
  uitgevoerd: { label: 'Uitgevoerd: de toewijzing is aangepast', badge: 'safe' },
  'niet-toegewezen': {
    label: 'Goedgekeurd, maar de gemeente wees de nieuwe toewijzing af',
    badge: 'danger',
  },
};

/** JZ002 codes this product sends. */
const CHANGE_REASONS: Record<string, string> = {
  '05': 'herbeoordeling, verkorting',
  '09': 'overstap naar een andere aanbieder',
};

const HISTORY: Record<string, string> = {
  voorgesteld: 'Voorgesteld',
  goedgekeurd: 'Goedgekeurd',
  afgewezen: 'Afgewezen',
  uitgevoerd: 'Uitgevoerd',
  'niet-toegewezen': 'Nieuwe toewijzing afgewezen door de gemeente',
};

const LABELS: Record<string, string> = {
  richting: 'Soort aanpassing',
  toewijzingId: 'Toewijzing',
  einddatum: 'Nieuwe einddatum',
  nieuweHulp: 'Nieuwe hulp',
  'nieuweHulp.productcode': 'Product',
  'nieuweHulp.volume': 'Volume',
  'nieuweHulp.ingangsdatum': 'Ingangsdatum nieuwe hulp',
  'nieuweHulp.einddatum': 'Einddatum nieuwe hulp',
  aanbieder: 'Aanbieder',
  redenen: 'Redenen',
  doelen: 'Doelen uit het plan',
  overlegAanbieder: 'Overleg met de aanbieder',
  adviesExpertpool: 'Advies expertpool',
  plan: 'Vastgesteld plan',
  reden: 'Reden van de afwijzing',
  besluit: 'Besluit',
};
const labelOf = (path: string) =>
  LABELS[path] ?? LABELS[path.replace(/\.\d+$/, '')] ?? LABELS[path.split('.')[0] ?? ''] ?? path;

const period = (start: string, end: string | null) =>
  `${formatDate(start)} – ${end ? formatDate(end) : 'open'}`;

const extent = (a: Allocation) =>
  a.volume === null
    ? '—'
    : `${a.volume} × ${UNITS[a.eenheid ?? ''] ?? a.eenheid ?? ''} ${(FREQUENCIES[a.frequentie ?? ''] ?? '').toLowerCase()}`.trim();

function helpText(h: Help) {
  return `${h.productcode}, volume ${h.volume}, ${period(h.ingangsdatum, h.einddatum)}`;
}

export function AdjustmentsSection({ casus }: { casus: CaseView }) {
  const overview = useQuery({
    queryKey: ['aanpassingen', casus.id],
    queryFn: () => api<Overview>('GET', `/casussen/${casus.id}/aanpassingen`),
  });
  const data = overview.data;
  const adjustable = data?.toewijzingen.filter((a) => a.magAanpassen) ?? [];
  // The form goes once nothing is left to adjust; its confirmation stays, and takes the focus.
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="kop-aanpassingen">
      <Heading level={2} id="kop-aanpassingen">
        Hulp aanpassen (op- en afschalen)
      </Heading>
      {overview.isError && <Alert type="error">{overview.error.message}</Alert>}
      {!data && !overview.isError && (
        <p className="utrecht-paragraph" role="status">
          Laden…
        </p>
      )}
      {data && (
        <>
          {data.toewijzingen.length === 0 ? (
            <Paragraph>Er is nog geen toewijzing om aan te passen.</Paragraph>
          ) : (
            <Table caption="Toewijzingen van deze casus">
              <thead>
                <tr>
                  <th scope="col">Nummer</th>
                  <th scope="col">Product</th>
                  <th scope="col">Aanbieder</th>
                  <th scope="col">Omvang</th>
                  <th scope="col">Periode</th>
                  <th scope="col">Aanpassing</th>
                </tr>
              </thead>
              <tbody>
                {data.toewijzingen.map((a) => (
                  <tr key={a.id}>
                    <td>{a.nummer}</td>
                    <td>{a.productcode}</td>
                    <td>{a.aanbieder.naam}</td>
                    <td>{extent(a)}</td>
                    <td>{period(a.ingangsdatum, a.einddatum)}</td>
                    <td>{a.lopendVoorstel ? 'voorstel loopt' : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {notice && <Notice text={notice} />}
          {data.aanpassingen.map((a) => (
            <AdjustmentItem key={a.id} casus={casus} adjustment={a} />
          ))}
          {data.magVoorstellen && !data.heeftProcesregisseur && (
            <Alert type="warning">
              Niemand heeft procesregie op deze casus. Wijs eerst procesregie toe; de
              procesregisseur besluit over aanpassingen.
            </Alert>
          )}
          {data.magVoorstellen && data.heeftProcesregisseur && adjustable.length > 0 && (
            <ProposalForm
              casus={casus}
              overview={data}
              allocations={adjustable}
              onProposed={setNotice}
            />
          )}
        </>
      )}
    </section>
  );
}

/** A confirmation that takes the focus, so keyboard users land on it when the form goes. */
function Notice({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [text]);
  return (
    <Alert type="ok" focusRef={ref}>
      {text}
    </Alert>
  );
}

function AdjustmentItem({ casus, adjustment: a }: { casus: CaseView; adjustment: Adjustment }) {
  const headingId = `aanpassing-${a.id}`;
  const [notice, setNotice] = useState<string | null>(null);
  const state = STATES[a.status];
  const done = a.uitvoering;
  return (
    <article aria-labelledby={headingId} className="kaart">
      <Heading level={3} id={headingId}>
        {DIRECTIONS[a.richting]}: toewijzing {a.toewijzing.nummer} ({a.toewijzing.productcode},{' '}
        {a.toewijzing.aanbieder})
      </Heading>
      <Paragraph>
        <StatusBadge status={state.badge}>{state.label}</StatusBadge>
      </Paragraph>
      <DataList
        items={[
          [
            'Nu',
            `${a.toewijzing.productcode}${a.toewijzing.volume !== null ? `, volume ${a.toewijzing.volume}` : ''}, ${period(a.toewijzing.ingangsdatum, a.toewijzing.einddatum)}`,
          ],
          ...(a.einddatum
            ? ([['Voorgesteld', `eindigt op ${formatDate(a.einddatum)}`]] as [string, string][])
            : []),
          ...(a.nieuweHulp
            ? ([
                [
                  'Voorgesteld',
                  `${helpText(a.nieuweHulp)}${a.aanbieder ? ` bij aanbieder ${a.aanbieder}` : ''}`,
                ],
              ] as [string, string][])
            : []),
          ['Redenen', a.redenen],
          ['Doelen uit het plan', a.doelen.map((d) => d.omschrijving).join('; ') || '—'],
          ...(a.overlegAanbieder
            ? ([['Overleg met de aanbieder', a.overlegAanbieder]] as [string, string][])
            : []),
          ...(done.gewijzigdeToewijzing
            ? ([
                [
                  'Gewijzigde toewijzing',
                  `${done.gewijzigdeToewijzing.nummer} eindigt op ${formatDate(done.gewijzigdeToewijzing.einddatum)} (was ${done.gewijzigdeToewijzing.vorigeEinddatum ? formatDate(done.gewijzigdeToewijzing.vorigeEinddatum) : 'open'}); reden wijziging ${done.gewijzigdeToewijzing.redenWijziging}, ${CHANGE_REASONS[done.gewijzigdeToewijzing.redenWijziging] ?? ''}`,
                ],
              ] as [string, string][])
            : []),
          ...(done.nieuweToewijzingen.length > 0
            ? ([['Nieuwe toewijzing', done.nieuweToewijzingen.join(', ')]] as [string, string][])
            : done.toewijzingsvoorstel && a.status === 'goedgekeurd'
              ? ([
                  [
                    'Toewijzingsvoorstel',
                    'ligt bij de backoffice van de gemeente, die over de nieuwe toewijzing besluit',
                  ],
                ] as [string, string][])
              : []),
        ]}
      />
      <h4 className="utrecht-heading-4">Geschiedenis</h4>
      <ol className="tijdlijn">
        {a.geschiedenis.map((h, i) => (
          <li key={`${h.wat}-${i}`}>
            <span className="tijdlijn__wanneer">{formatDateTime(h.op)}</span>{' '}
            <strong>{HISTORY[h.wat] ?? h.wat}</strong>
            {h.door ? ` door ${h.door}` : ''}
            {h.toelichting && h.wat !== 'voorgesteld' ? `: ${h.toelichting}` : ''}
          </li>
        ))}
      </ol>
      {notice && <Notice text={notice} />}
      {a.magBesluiten && <DecisionForm casus={casus} adjustment={a} onDecided={setNotice} />}
    </article>
  );
}

function DecisionForm({
  casus,
  adjustment,
  onDecided,
}: {
  casus: CaseView;
  adjustment: Adjustment;
  onDecided: (message: string) => void;
}) {
  const client = useQueryClient();
  const [choice, setChoice] = useState<'goedkeuren' | 'afwijzen' | ''>('');
  const [text, setText] = useState('');
  const s = useSubmission(
    'Het besluit vastleggen lukte niet. Probeer het opnieuw.',
    `besluit-${adjustment.id}`,
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!choice) found['besluit'] = 'kies goedkeuren of afwijzen';
    if (choice === 'afwijzen' && !text.trim()) found['reden'] = 'geef de reden van de afwijzing';
    await s.run(found, async () => {
      const result = await api<{ status: State }>(
        'POST',
        `/aanpassingen/${adjustment.id}/besluit`,
        {
          besluit: choice,
          ...(choice === 'afwijzen' ? { reden: text } : text.trim() ? { toelichting: text } : {}),
        },
      );
      onDecided(`Besluit vastgelegd. ${STATES[result.status].label}.`);
      await Promise.all(
        [['aanpassingen'], ['casus'], ['overdracht']].map((key) =>
          client.invalidateQueries({ queryKey: [...key, casus.id] }),
        ),
      );
      return null;
    });
  }
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="formulier"
      aria-label={`Besluit over de aanpassing van toewijzing ${adjustment.toewijzing.nummer}`}
    >
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      <ChoiceGroup
        legend="Uw besluit als procesregisseur"
        type="radio"
        name={`${s.scope ?? ''}.besluit`}
        options={[
          ['goedkeuren', 'Goedkeuren: de toewijzing wordt aangepast'],
          ['afwijzen', 'Afwijzen'],
        ]}
        selected={choice ? [choice] : []}
        onChange={(v) => setChoice((v[0] as 'goedkeuren' | 'afwijzen' | undefined) ?? '')}
        error={s.errors['besluit']}
      />
      <FormField
        label={choice === 'afwijzen' ? 'Reden van de afwijzing' : 'Toelichting'}
        description="Komt in de geschiedenis van de aanpassing en gaat naar wie het voorstelde"
        required={choice === 'afwijzen'}
        {...s.field('reden')}
      >
        {(w) => <Textarea {...w} rows={2} value={text} onChange={(e) => setText(e.target.value)} />}
      </FormField>
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Besluit vastleggen
      </Button>
    </form>
  );
}

function ProposalForm({
  casus,
  overview,
  allocations,
  onProposed,
}: {
  casus: CaseView;
  overview: Overview;
  allocations: Allocation[];
  onProposed: (message: string) => void;
}) {
  const client = useQueryClient();
  const session = useSession();
  const isProvider = session.data?.medewerker.organisatieSoort === 'aanbieder';
  const newHelpPossible = casus.route === 'A';
  const [allocationId, setAllocationId] = useState(allocations[0]?.id ?? '');
  const [direction, setDirection] = useState<Direction | ''>(newHelpPossible ? '' : 'af');
  const [how, setHow] = useState<'eerder' | 'minder'>('eerder');
  const [end, setEnd] = useState('');
  const [provider, setProvider] = useState('');
  const [product, setProduct] = useState('');
  const [volume, setVolume] = useState('');
  const [start, setStart] = useState('');
  const [helpEnd, setHelpEnd] = useState('');
  const [reasons, setReasons] = useState('');
  const [goals, setGoals] = useState<string[]>([]);
  const [consulted, setConsulted] = useState('');
  const [adviceDate, setAdviceDate] = useState('');
  const [advice, setAdvice] = useState('');
  const s = useSubmission('Het voorstel versturen lukte niet. Probeer het opnieuw.', 'aanpassing');
  const basis = useQuery({
    queryKey: ['voorstel-basis', casus.id],
    queryFn: () => api<Basis>('GET', `/casussen/${casus.id}/toewijzingsvoorstel/basis`),
    enabled: newHelpPossible,
  });
  const allocation = allocations.find((a) => a.id === allocationId);
  const withHelp = direction !== '' && (direction !== 'af' || how === 'minder');
  const providerAgb = direction === 'anders' && provider ? provider : allocation?.aanbieder.agb;
  const offered = basis.data?.aanbieders.find((a) => a.agb === providerAgb)?.producten ?? [];
  const products = (basis.data?.producten ?? []).filter((p) => offered.includes(p.code));
  const chosen = basis.data?.producten.find(
    (p) => p.code === (direction === 'af' ? allocation?.productcode : product),
  );
  const shortens = direction === 'af' || direction === 'anders';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!allocationId) found['toewijzingId'] = 'kies de toewijzing';
    if (!direction) found['richting'] = 'kies de soort aanpassing';
    const endIso = end.trim() ? parseDutchDate(end) : null;
    const startIso = start.trim() ? parseDutchDate(start) : null;
    const helpEndIso = helpEnd.trim() ? parseDutchDate(helpEnd) : null;
    const adviceIso = adviceDate.trim() ? parseDutchDate(adviceDate) : null;
    if (direction === 'af' && how === 'eerder' && !endIso)
      found['einddatum'] = 'vul de nieuwe einddatum in als dd-mm-jjjj';
    if (withHelp) {
      if (direction !== 'af' && !product) found['nieuweHulp.productcode'] = 'kies een product';
      if (!/^\d+$/.test(volume.trim())) found['nieuweHulp.volume'] = 'een heel getal, bijv. 2';
      if (!startIso) found['nieuweHulp.ingangsdatum'] = 'vul een datum in als dd-mm-jjjj';
      if (helpEnd.trim() && !helpEndIso)
        found['nieuweHulp.einddatum'] = 'vul een datum in als dd-mm-jjjj';
    }
    if (!reasons.trim()) found['redenen'] = 'geef de redenen voor de aanpassing';
    if (adviceDate.trim() && !adviceIso) found['adviesExpertpool'] = 'geen geldige datum';
    await s.run(found, async () => {
      await api('POST', `/casussen/${casus.id}/aanpassingen`, {
        richting: direction,
        toewijzingId: allocationId,
        einddatum: direction === 'af' && how === 'eerder' ? endIso : null,
        nieuweHulp: withHelp
          ? {
              productcode: direction === 'af' ? (allocation?.productcode ?? '') : product,
              volume: Number(volume),
              ingangsdatum: startIso,
              einddatum: helpEndIso,
            }
          : null,
        ...(direction === 'anders' && provider ? { aanbieder: provider } : {}),
        redenen: reasons,
        doelen: goals,
        ...(shortens && !isProvider ? { overlegAanbieder: consulted } : {}),
        ...(adviceIso && advice.trim()
          ? { adviesExpertpool: { datum: adviceIso, samenvatting: advice } }
          : {}),
      });
      setReasons('');
      setGoals([]);
      onProposed('Het voorstel staat klaar bij de procesregisseur, die erover besluit.');
      await Promise.all([
        client.invalidateQueries({ queryKey: ['aanpassingen', casus.id] }),
        client.invalidateQueries({ queryKey: ['casus', casus.id] }),
      ]);
      return null;
    });
  }

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="formulier"
      aria-labelledby="kop-aanpassing-voorstellen"
    >
      <Heading level={3} id="kop-aanpassing-voorstellen">
        Aanpassing voorstellen
      </Heading>
      <Paragraph>
        De procesregisseur besluit. Eerder stoppen gaat na goedkeuring meteen als gewijzigde
        toewijzing naar de aanbieder (zelfde toewijzingsnummer, nieuwe einddatum). Nieuwe hulp gaat
        als toewijzingsvoorstel naar de gemeente; de lopende toewijzing stopt pas als de nieuwe is
        gedaan.
        {!newHelpPossible &&
          ' Op deze route vraagt de aanbieder meer of andere hulp zelf aan bij de gemeente; hier kan de hulp alleen eerder stoppen.'}
      </Paragraph>
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={labelOf}
        onlyFields={(p) => p !== 'plan' && p !== 'nieuweHulp' && !p.startsWith('doelen')}
      />
      <FormField label="Toewijzing" {...s.field('toewijzingId')} required>
        {(w) => (
          <Select {...w} value={allocationId} onChange={(e) => setAllocationId(e.target.value)}>
            {allocations.map((a) => (
              <option key={a.id} value={a.id}>
                {a.nummer}: {a.productcode} bij {a.aanbieder.naam},{' '}
                {period(a.ingangsdatum, a.einddatum)}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <ChoiceGroup
        legend="Soort aanpassing"
        type="radio"
        name="aanpassing.richting"
        options={(newHelpPossible ? (['af', 'op', 'anders'] as const) : (['af'] as const)).map(
          (d) => [d, DIRECTIONS[d]] as const,
        )}
        selected={direction ? [direction] : []}
        onChange={(v) => setDirection((v[0] as Direction | undefined) ?? '')}
        error={s.errors['richting']}
      />
      {direction === 'af' && newHelpPossible && (
        <ChoiceGroup
          legend="Hoe afschalen?"
          type="radio"
          name="aanpassing.hoe"
          options={[
            ['eerder', 'Eerder stoppen: een nieuwe, vroegere einddatum'],
            ['minder', 'Minder van hetzelfde product vanaf een datum'],
          ]}
          selected={[how]}
          onChange={(v) => setHow(v[0] === 'minder' ? 'minder' : 'eerder')}
        />
      )}
      {direction === 'af' && how === 'eerder' && (
        <DateField
          label="Nieuwe einddatum"
          description={`dd-mm-jjjj; nu ${allocation?.einddatum ? formatDate(allocation.einddatum) : 'open'}`}
          value={end}
          onChange={setEnd}
          {...s.field('einddatum')}
        />
      )}
      {withHelp && (
        <Fieldset
          legend={
            direction === 'af'
              ? `Minder ${allocation?.productcode ?? ''}`
              : direction === 'op'
                ? 'De hulp die erbij komt'
                : 'De hulp die ervoor in de plaats komt'
          }
        >
          {direction === 'anders' && (
            <FormField
              label="Aanbieder"
              description="Leeg laten voor dezelfde aanbieder"
              {...s.field('aanbieder')}
              required={false}
            >
              {(w) => (
                <Select
                  {...w}
                  value={provider}
                  onChange={(e) => {
                    setProvider(e.target.value);
                    setProduct('');
                  }}
                >
                  <option value="">Dezelfde aanbieder</option>
                  {(basis.data?.aanbieders ?? [])
                    .filter((a) => a.agb !== allocation?.aanbieder.agb)
                    .map((a) => (
                      <option key={a.agb} value={a.agb}>
                        {a.naam}
                      </option>
                    ))}
                </Select>
              )}
            </FormField>
          )}
          {direction !== 'af' && (
            <FormField
              label="Product"
              description={
                direction === 'op'
                  ? `Hetzelfde product (${allocation?.productcode ?? ''}) met meer volume, of een ander product ernaast`
                  : 'Waarvoor de aanbieder een contract heeft'
              }
              {...s.field('nieuweHulp.productcode')}
              required
            >
              {(w) => (
                <Select {...w} value={product} onChange={(e) => setProduct(e.target.value)}>
                  <option value="">Kies…</option>
                  {products.map((p) => (
                    <option key={p.code} value={p.code}>
                      {p.code} {p.naam}
                      {p.vrijToegankelijk ? '' : ' (niet vrij toegankelijk)'}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          )}
          <FormField
            label="Volume"
            description={
              chosen
                ? `${chosen.eenheid}, ${chosen.frequentie.toLowerCase()}${allocation?.volume !== null && allocation?.volume !== undefined ? `; nu ${allocation.volume}` : ''}`
                : 'aantal eenheden'
            }
            {...s.field('nieuweHulp.volume')}
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
              {...s.field('nieuweHulp.ingangsdatum')}
            />
            <DateField
              label="Einddatum"
              value={helpEnd}
              onChange={setHelpEnd}
              required={false}
              {...s.field('nieuweHulp.einddatum')}
            />
          </div>
          {chosen && !chosen.vrijToegankelijk && (
            <Fieldset legend="Advies van de expertpool (GRO-GATE-EXPERTPOOL)">
              <DateField
                label="Datum advies"
                value={adviceDate}
                onChange={setAdviceDate}
                {...s.field('adviesExpertpool')}
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
        </Fieldset>
      )}
      <FormField
        label="Redenen"
        description="Waarom de hulp anders moet: wat u ziet bij de jeugdige en het gezin"
        {...s.field('redenen')}
        required
      >
        {(w) => (
          <Textarea {...w} rows={3} value={reasons} onChange={(e) => setReasons(e.target.value)} />
        )}
      </FormField>
      {overview.doelen.length > 0 && (
        <ChoiceGroup
          legend="Aan welke doelen uit het plan draagt de aanpassing bij?"
          type="checkbox"
          name="aanpassing.doelen"
          options={overview.doelen.map((g) => [g.id, g.omschrijving] as const)}
          selected={goals}
          onChange={setGoals}
          error={
            Object.entries(s.errors)
              .filter(([k]) => k.startsWith('doelen'))
              .map(([, v]) => v)
              .join('; ') || undefined
          }
        />
      )}
      {shortens && !isProvider && (
        <FormField
          label="Overleg met de aanbieder"
          description="Een toewijzing inkorten gebeurt in overleg met de aanbieder (iJw-regel OP033x1): wanneer en met wie?"
          {...s.field('overlegAanbieder')}
          required
        >
          {(w) => (
            <Textbox {...w} value={consulted} onChange={(e) => setConsulted(e.target.value)} />
          )}
        </FormField>
      )}
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Voorstel naar de procesregisseur
      </Button>
    </form>
  );
}
