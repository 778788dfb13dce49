import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { MEASURES, SEGMENTS } from '../../domain/rules/types.js';
import { DateField, DateTimeFields, useSubmission } from '../forms.js';
import { api, type Me } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { nowFields, parseDutchDate, toInstant } from '../format.js';
import {
  MEASURE_LABELS,
  PERSON_LABELS,
  ROUTE_LABELS,
  ROUTE_OF_ORGANISATION,
  SEGMENT_LABELS,
} from '../labels.js';
import { Button, Fieldset, FormField, Paragraph, Select, Textbox } from '../nl/index.js';
import { PageHeading } from '../page.js';
import { useRegions } from './WorkListPage.js';

interface Child {
  naam: string;
  geboortedatum: string;
  bsn: string;
}
interface Parent {
  naam: string;
  soort: 'ouder' | 'gezagsdrager' | 'voogd';
}

const REFERRERS = {
  huisarts: 'Huisarts',
  jeugdarts: 'Jeugdarts',
  'medisch-specialist': 'Medisch specialist',
} as const;

const STATIC_LABELS: Record<string, string> = {
  route: 'Route',
  regio: 'Regio',
  segment: 'Segment',
  maatregel: 'Maatregel',
  'gezin.naam': 'Naam van het gezin',
  jeugdigen: 'Jeugdigen',
  ouders: 'Ouders',
  aangemeldOp: 'Aangemeld op',
  verwijzer: 'Verwijzer',
  'verwijzer.soort': 'Soort verwijzer',
  'verwijzer.code': 'Code van de verwijzer',
  rechterlijkeOpdracht: 'Rechterlijke opdracht',
  'rechterlijkeOpdracht.datum': 'Datum van de rechterlijke opdracht',
};

function labelOf(path: string): string {
  const child = /^jeugdigen\.(\d+)\.(\w+)$/.exec(path);
  if (child) {
    const what = { naam: 'Naam', geboortedatum: 'Geboortedatum', bsn: 'BSN' }[child[2] ?? ''];
    return `${what ?? child[2]} (jeugdige ${Number(child[1]) + 1})`;
  }
  const parent = /^ouders\.(\d+)\.(\w+)$/.exec(path);
  if (parent) {
    const what = { naam: 'Naam', soort: 'Soort' }[parent[2] ?? ''];
    return `${what ?? parent[2]} (ouder ${Number(parent[1]) + 1})`;
  }
  return STATIC_LABELS[path] ?? path;
}

export function NewCasePage({ me }: { me: Me }) {
  const route = ROUTE_OF_ORGANISATION[me.medewerker.organisatieSoort];
  const regions = useRegions();
  const navigate = useNavigate();
  const client = useQueryClient();
  const now = nowFields();
  const [regio, setRegio] = useState(me.medewerker.regio);
  const [segment, setSegment] = useState<string>('ambulant');
  const [maatregel, setMaatregel] = useState<string>(route === 'C' ? 'ots' : '');
  const [gezin, setGezin] = useState('');
  const [children, setChildren] = useState<Child[]>([{ naam: '', geboortedatum: '', bsn: '' }]);
  const [parents, setParents] = useState<Parent[]>([{ naam: '', soort: 'ouder' }]);
  const [datum, setDatum] = useState(now.date);
  const [tijd, setTijd] = useState(now.time);
  const [verwijzerSoort, setVerwijzerSoort] = useState<keyof typeof REFERRERS>('huisarts');
  const [verwijzerCode, setVerwijzerCode] = useState('');
  const [opdrachtDatum, setOpdrachtDatum] = useState('');
  const { errors, general, busy, run, field } = useSubmission(
    'Registreren lukte niet. Probeer het opnieuw.',
  );

  if (!route)
    return (
      <>
        <PageHeading title="Nieuwe hulpvraag" />
        <Paragraph>
          Hulpvragen worden geregistreerd door een lokaal team (route A), een aanbieder na een
          verwijzing (route B) of een gecertificeerde instelling (route C). Uw organisatie is geen
          van deze.
        </Paragraph>
      </>
    );

  function updateChild(index: number, patch: Partial<Child>) {
    setChildren(children.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  }
  function updateParent(index: number, patch: Partial<Parent>) {
    setParents(parents.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!gezin.trim()) found['gezin.naam'] = 'vul de naam van het gezin in';
    const jeugdigen = children.map((c, i) => {
      if (!c.naam.trim()) found[`jeugdigen.${i}.naam`] = 'vul de naam in';
      const iso = parseDutchDate(c.geboortedatum);
      if (!iso) found[`jeugdigen.${i}.geboortedatum`] = 'vul een datum in als dd-mm-jjjj';
      return {
        naam: c.naam.trim(),
        geboortedatum: iso ?? c.geboortedatum,
        bsn: c.bsn.trim() || null,
      };
    });
    const ouders = parents
      .filter((p) => p.naam.trim())
      .map((p) => ({ naam: p.naam.trim(), soort: p.soort }));
    const aangemeldOp = toInstant(datum, tijd);
    if (!aangemeldOp) found.aangemeldOp = 'vul datum (dd-mm-jjjj) en tijd (uu:mm) in';
    let opdracht: string | null = null;
    if (route === 'C') {
      opdracht = parseDutchDate(opdrachtDatum);
      if (!opdracht) found['rechterlijkeOpdracht.datum'] = 'vul een datum in als dd-mm-jjjj';
    }
    if (route === 'B' && !verwijzerCode.trim()) found['verwijzer.code'] = 'vul de code in';
    await run(found, async () => {
      const { id } = await api<{ id: string }>('POST', '/casussen', {
        route,
        regio,
        segment,
        maatregel: route === 'C' ? maatregel || null : null,
        gezin: { naam: gezin.trim() },
        jeugdigen,
        ouders,
        ...(aangemeldOp ? { aangemeldOp } : {}),
        ...(route === 'B'
          ? { verwijzer: { soort: verwijzerSoort, code: verwijzerCode.trim() } }
          : {}),
        ...(route === 'C' && opdracht ? { rechterlijkeOpdracht: { datum: opdracht } } : {}),
      });
      await client.invalidateQueries({ queryKey: ['werkvoorraad'] });
      await navigate(`/casussen/${id}`, { state: { melding: 'De hulpvraag is geregistreerd.' } });
      return null;
    });
  }

  return (
    <>
      <PageHeading title="Nieuwe hulpvraag" />
      <Paragraph>
        Route {ROUTE_LABELS[route]}. Na registratie ziet u meteen welke termijnen gaan lopen.
      </Paragraph>
      <ErrorSummary errors={errors} general={general} labelOf={labelOf} />
      <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
        <Fieldset legend="Casus">
          <FormField label="Regio" {...field('regio')} required>
            {(w) => (
              <Select {...w} value={regio} onChange={(e) => setRegio(e.target.value)}>
                {(regions.data ?? [{ id: regio, naam: regio }]).map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.id} – {r.naam}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField label="Segment" {...field('segment')} required>
            {(w) => (
              <Select {...w} value={segment} onChange={(e) => setSegment(e.target.value)}>
                {SEGMENTS.map((s) => (
                  <option key={s} value={s}>
                    {SEGMENT_LABELS[s]}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          {route === 'C' && (
            <FormField label="Maatregel" {...field('maatregel')} required>
              {(w) => (
                <Select {...w} value={maatregel} onChange={(e) => setMaatregel(e.target.value)}>
                  {MEASURES.map((m) => (
                    <option key={m} value={m}>
                      {MEASURE_LABELS[m]}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          )}
          <DateTimeFields
            dateLabel="Aangemeld op (datum)"
            timeLabel="Tijd"
            date={datum}
            time={tijd}
            onDate={setDatum}
            onTime={setTijd}
            {...field('aangemeldOp')}
          />
        </Fieldset>

        {route === 'B' && (
          <Fieldset legend="Verwijzer">
            <FormField label="Soort verwijzer" {...field('verwijzer.soort')} required>
              {(w) => (
                <Select
                  {...w}
                  value={verwijzerSoort}
                  onChange={(e) => setVerwijzerSoort(e.target.value as keyof typeof REFERRERS)}
                >
                  {Object.entries(REFERRERS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
            <FormField
              label="Code van de verwijzer"
              description="De AGB-code van de verwijzer"
              {...field('verwijzer.code')}
              required
            >
              {(w) => (
                <Textbox
                  {...w}
                  value={verwijzerCode}
                  onChange={(e) => setVerwijzerCode(e.target.value)}
                />
              )}
            </FormField>
          </Fieldset>
        )}

        {route === 'C' && (
          <Fieldset legend="Rechterlijke opdracht">
            <DateField
              label="Datum van de uitspraak"
              value={opdrachtDatum}
              onChange={setOpdrachtDatum}
              {...field('rechterlijkeOpdracht.datum')}
            />
          </Fieldset>
        )}

        <Fieldset legend="Gezin">
          <FormField
            label="Naam van het gezin"
            description="Bijvoorbeeld: Gezin Jansen"
            {...field('gezin.naam')}
            required
          >
            {(w) => <Textbox {...w} value={gezin} onChange={(e) => setGezin(e.target.value)} />}
          </FormField>
        </Fieldset>

        {children.map((c, i) => (
          <Fieldset key={`j${i}`} legend={`Jeugdige ${i + 1}`}>
            <FormField label="Naam" {...field(`jeugdigen.${i}.naam`)} required>
              {(w) => (
                <Textbox
                  {...w}
                  value={c.naam}
                  onChange={(e) => updateChild(i, { naam: e.target.value })}
                />
              )}
            </FormField>
            <DateField
              label="Geboortedatum"
              value={c.geboortedatum}
              onChange={(value) => updateChild(i, { geboortedatum: value })}
              {...field(`jeugdigen.${i}.geboortedatum`)}
            />
            <FormField
              label="BSN"
              description="9 cijfers; wordt gecontroleerd met de elfproef"
              {...field(`jeugdigen.${i}.bsn`)}
            >
              {(w) => (
                <Textbox
                  {...w}
                  value={c.bsn}
                  inputMode="numeric"
                  autoComplete="off"
                  onChange={(e) => updateChild(i, { bsn: e.target.value })}
                />
              )}
            </FormField>
            {children.length > 1 && (
              <Button
                appearance="subtle"
                onClick={() => setChildren(children.filter((_, j) => j !== i))}
              >
                Jeugdige {i + 1} verwijderen
              </Button>
            )}
          </Fieldset>
        ))}
        <p className="utrecht-paragraph">
          <Button
            onClick={() => setChildren([...children, { naam: '', geboortedatum: '', bsn: '' }])}
          >
            Nog een jeugdige toevoegen
          </Button>
        </p>

        {parents.map((p, i) => (
          <Fieldset key={`o${i}`} legend={`Ouder of gezagsdrager ${i + 1}`}>
            <FormField label="Naam" {...field(`ouders.${i}.naam`)}>
              {(w) => (
                <Textbox
                  {...w}
                  value={p.naam}
                  onChange={(e) => updateParent(i, { naam: e.target.value })}
                />
              )}
            </FormField>
            <FormField label="Soort" {...field(`ouders.${i}.soort`)} required>
              {(w) => (
                <Select
                  {...w}
                  value={p.soort}
                  onChange={(e) => updateParent(i, { soort: e.target.value as Parent['soort'] })}
                >
                  {(['ouder', 'gezagsdrager', 'voogd'] as const).map((s) => (
                    <option key={s} value={s}>
                      {PERSON_LABELS[s]}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
            <Button
              appearance="subtle"
              onClick={() => setParents(parents.filter((_, j) => j !== i))}
            >
              Ouder {i + 1} verwijderen
            </Button>
          </Fieldset>
        ))}
        <p className="utrecht-paragraph">
          <Button onClick={() => setParents([...parents, { naam: '', soort: 'ouder' }])}>
            Ouder of gezagsdrager toevoegen
          </Button>
        </p>

        <Button type="submit" appearance="primary-action" disabled={busy}>
          Registreren
        </Button>
      </form>
    </>
  );
}
