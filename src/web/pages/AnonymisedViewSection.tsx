/**
 * Anonymised views on the case page (issue 8; ADR 0021; DOMAIN.md section 10; RIJ route C item
 * c): who may assign roles makes a view for a consultation or an escalation, reads exactly what
 * would go out, adjusts the free texts (the server scrubs them again), confirms that nothing
 * leads back to the family, and records that it was shared. The product sends nothing: the text
 * is there to copy. Everyone who reads the case sees the earlier views.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  DEFAULT_TIMELINE_LENGTH,
  MAX_TIMELINE_LENGTH,
  VIEW_PURPOSES,
  type ViewPurpose,
  type ViewStatus,
} from '../../domain/privacy/anonymise.js';
import { api, type CaseView } from '../api.js';
import { ErrorSummary } from '../errors.js';
import { useSubmission } from '../forms.js';
import { formatDateTime } from '../format.js';
import { EVENT_LABELS, MEASURE_LABELS, ROUTE_LABELS, SEGMENT_LABELS } from '../labels.js';
import {
  Alert,
  Button,
  ChoiceGroup,
  DataList,
  FormField,
  Heading,
  Paragraph,
  Select,
  StatusBadge,
  Textarea,
  Textbox,
} from '../nl/index.js';

interface View {
  id: string;
  doel: ViewPurpose;
  ontvanger: string;
  status: ViewStatus;
  weergave: {
    regio: string;
    gemeente: string;
    route: string;
    segment: string;
    maatregel: string | null;
    stap: string;
    zwaarteRegie: string | null;
    leeftijden: (number | null)[];
    huishouden: string[];
    plansoort: string | null;
    doelen: {
      resultaatgebied: string;
      omschrijving: string;
      meetbaar: string;
      streefmaand: string;
      voortgang: string;
    }[];
    tijdlijn: { type: string; maand: string; notitie: string }[];
    vraag: string;
  };
  tekst: string;
  gemaaktDoor: string;
  gemaaktOp: string;
  bewerktDoor: string | null;
  bewerktOp: string | null;
  gecontroleerdDoor: string | null;
  gecontroleerdOp: string | null;
  gedeeldDoor: string | null;
  gedeeldOp: string | null;
}

const PURPOSE_NL: Record<ViewPurpose, string> = {
  consultatie: 'Consultatie (expertpool, teamoverleg, gedragswetenschapper)',
  escalatie: 'Escalatie',
};
const STATUS_NL: Record<ViewStatus, [string, string]> = {
  concept: ['concept, nog niet gecontroleerd', 'warning'],
  gecontroleerd: ['gecontroleerd, klaar om te delen', 'neutral'],
  gedeeld: ['gedeeld', 'safe'],
};
const RECIPIENT_SUGGESTIONS = [
  'Expertpool van de regio',
  'Multidisciplinair teamoverleg',
  'Gedragswetenschapper',
  'Contractmanager van de gemeente',
];
const LABELS: Record<string, string> = {
  doel: 'Doel',
  ontvanger: 'Ontvanger',
  vraag: 'Vraag aan de ontvanger',
  aantalGebeurtenissen: 'Aantal gebeurtenissen uit de tijdlijn',
  doelen: 'Doelen',
  tijdlijn: 'Tijdlijn',
  bevestiging: 'Controle',
};
const eventLabel = (type: string) => (EVENT_LABELS as Record<string, string>)[type] ?? type;

export function AnonymisedViewSection({ casus }: { casus: CaseView }) {
  const data = useQuery({
    queryKey: ['anonieme-weergaven', casus.id],
    queryFn: () =>
      api<{ bron: string; weergaven: View[]; magMaken: boolean }>(
        'GET',
        `/casussen/${casus.id}/anonieme-weergaven`,
      ),
  });
  if (!data.data) return null;
  const { bron, weergaven, magMaken } = data.data;
  return (
    <section aria-labelledby="kop-anonieme-weergave">
      <Heading level={2} id="kop-anonieme-weergave">
        Anonieme weergave voor consultatie of escalatie
      </Heading>
      <Paragraph>
        Een vaste samenvatting zonder namen, BSN, adressen, telefoonnummers of precieze datums:
        leeftijden in plaats van geboortedatums, maanden in plaats van dagen. Pas na uw controle
        kunt u vastleggen dat hij gedeeld is; het systeem verstuurt zelf niets ({bron}).
      </Paragraph>
      {magMaken && <GenerateView casus={casus} />}
      {weergaven.length === 0 ? (
        <Paragraph>Er is nog geen anonieme weergave gemaakt.</Paragraph>
      ) : (
        <>
          <Heading level={3}>Weergaven (nieuwste eerst)</Heading>
          {weergaven.map((v, i) => (
            <ViewItem key={v.id} casus={casus} view={v} open={i === 0} mayAct={magMaken} />
          ))}
        </>
      )}
    </section>
  );
}

function GenerateView({ casus }: { casus: CaseView }) {
  const client = useQueryClient();
  const [doel, setDoel] = useState<string[]>([]);
  const [ontvanger, setOntvanger] = useState('');
  const [vraag, setVraag] = useState('');
  const [aantal, setAantal] = useState(String(DEFAULT_TIMELINE_LENGTH));
  const s = useSubmission('De weergave maken lukte niet.', 'anonieme-weergave');

  async function submit(event: FormEvent) {
    event.preventDefault();
    await s.run({}, async () => {
      await api('POST', `/casussen/${casus.id}/anonieme-weergaven`, {
        doel: doel[0] ?? '',
        ontvanger,
        vraag,
        aantalGebeurtenissen: Number(aantal),
      });
      await client.invalidateQueries({ queryKey: ['anonieme-weergaven', casus.id] });
      setVraag('');
      return 'De weergave is gemaakt. Lees hem hieronder na voordat u hem controleert.';
    });
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Nieuwe anonieme weergave maken</Heading>
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => LABELS[p] ?? p}
      />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <ChoiceGroup
        legend="Doel"
        type="radio"
        name="anonieme-weergave-doel"
        options={VIEW_PURPOSES.map((p) => [p, PURPOSE_NL[p]] as const)}
        selected={doel}
        onChange={setDoel}
        error={s.errors['doel']}
      />
      <FormField
        label="Ontvanger"
        description="Organisatie, overleg of functie; kies een voorstel of typ zelf"
        {...s.field('ontvanger')}
        required
      >
        {(w) => (
          <>
            <Textbox
              {...w}
              list="anonieme-weergave-ontvangers"
              value={ontvanger}
              onChange={(e) => setOntvanger(e.target.value)}
            />
            <datalist id="anonieme-weergave-ontvangers">
              {RECIPIENT_SUGGESTIONS.map((r) => (
                <option key={r} value={r} />
              ))}
            </datalist>
          </>
        )}
      </FormField>
      <FormField
        label="Vraag aan de ontvanger"
        description="Namen en andere herleidbare gegevens worden eruit gehaald"
        {...s.field('vraag')}
        required
      >
        {(w) => <Textarea {...w} value={vraag} onChange={(e) => setVraag(e.target.value)} />}
      </FormField>
      <FormField label="Aantal gebeurtenissen uit de tijdlijn" {...s.field('aantalGebeurtenissen')}>
        {(w) => (
          <Select {...w} value={aantal} onChange={(e) => setAantal(e.target.value)}>
            {[5, 10, 20, MAX_TIMELINE_LENGTH].map((n) => (
              <option key={n} value={String(n)}>
                de laatste {n}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Weergave maken
      </Button>
    </form>
  );
}

function Preview({ view }: { view: View }) {
  const w = view.weergave;
  return (
    <>
      <DataList
        items={[
          ['Regio en gemeente', `${w.regio}, ${w.gemeente}`],
          ['Route', ROUTE_LABELS[w.route] ?? w.route],
          ['Segment', (SEGMENT_LABELS as Record<string, string>)[w.segment] ?? w.segment],
          [
            'Maatregel',
            w.maatregel
              ? ((MEASURE_LABELS as Record<string, string>)[w.maatregel] ?? w.maatregel)
              : 'geen',
          ],
          ['Stap', w.stap],
          ['Zwaarte van de regie', w.zwaarteRegie ?? 'niet beoordeeld'],
          ['Huishouden', w.huishouden.join(', ') || 'onbekend'],
        ]}
      />
      <Heading level={5}>Vraag</Heading>
      <Paragraph>{w.vraag}</Paragraph>
      <Heading level={5}>{w.plansoort ? `Doelen (${w.plansoort})` : 'Doelen'}</Heading>
      {w.doelen.length === 0 ? (
        <Paragraph>Er is nog geen plan met doelen.</Paragraph>
      ) : (
        <ol>
          {w.doelen.map((g, i) => (
            <li key={i}>
              {g.resultaatgebied && <strong>{g.resultaatgebied}: </strong>}
              {g.omschrijving}
              {g.meetbaar && <> — meetbaar: {g.meetbaar}</>}
              {g.streefmaand && <> — streven: {g.streefmaand}</>}
              {g.voortgang && <> — voortgang: {g.voortgang}</>}
            </li>
          ))}
        </ol>
      )}
      <Heading level={5}>Tijdlijn (laatste {w.tijdlijn.length})</Heading>
      <ul>
        {w.tijdlijn.map((e, i) => (
          <li key={i}>
            {e.maand}: {eventLabel(e.type)}
            {e.notitie && <> – {e.notitie}</>}
          </li>
        ))}
      </ul>
    </>
  );
}

function ViewItem({
  casus,
  view,
  open,
  mayAct,
}: {
  casus: CaseView;
  view: View;
  open: boolean;
  mayAct: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [label, badge] = STATUS_NL[view.status];
  const meta: [string, string][] = [
    ['Gemaakt', `${view.gemaaktDoor}, ${formatDateTime(view.gemaaktOp)}`],
  ];
  if (view.bewerktDoor && view.bewerktOp)
    meta.push(['Aangepast', `${view.bewerktDoor}, ${formatDateTime(view.bewerktOp)}`]);
  if (view.gecontroleerdDoor && view.gecontroleerdOp)
    meta.push([
      'Gecontroleerd',
      `${view.gecontroleerdDoor}, ${formatDateTime(view.gecontroleerdOp)}`,
    ]);
  if (view.gedeeldDoor && view.gedeeldOp)
    meta.push(['Gedeeld', `${view.gedeeldDoor}, ${formatDateTime(view.gedeeldOp)}`]);
  return (
    <details open={open} className="anonieme-weergave">
      <summary>
        {view.doel === 'consultatie' ? 'Consultatie' : 'Escalatie'} – {view.ontvanger} –{' '}
        <StatusBadge status={badge}>{label}</StatusBadge>
      </summary>
      <article aria-label={`Anonieme weergave voor ${view.ontvanger}`}>
        <Heading level={4}>Zo ziet de ontvanger de casus</Heading>
        <Preview view={view} />
        <FormField label="De tekst zoals hij gedeeld wordt (om te kopiëren)">
          {(w) => <Textarea {...w} readOnly rows={12} value={view.tekst} />}
        </FormField>
        <DataList items={meta} />
        {mayAct && view.status !== 'gedeeld' && (
          <>
            {editing ? (
              <EditView casus={casus} view={view} onClose={() => setEditing(false)} />
            ) : (
              <Button onClick={() => setEditing(true)}>Vrije teksten aanpassen</Button>
            )}
            {view.status === 'concept' && !editing && <ReviewView casus={casus} view={view} />}
            {view.status === 'gecontroleerd' && !editing && <ShareView casus={casus} view={view} />}
          </>
        )}
      </article>
    </details>
  );
}

function EditView({ casus, view, onClose }: { casus: CaseView; view: View; onClose: () => void }) {
  const client = useQueryClient();
  const [vraag, setVraag] = useState(view.weergave.vraag);
  const [doelen, setDoelen] = useState(
    view.weergave.doelen.map((g) => ({ omschrijving: g.omschrijving, meetbaar: g.meetbaar })),
  );
  const [notities, setNotities] = useState(view.weergave.tijdlijn.map((e) => e.notitie));
  const scope = `weergave-${view.id}`;
  const s = useSubmission('Het aanpassen lukte niet.', scope);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await s.run({}, async () => {
      await api('PUT', `/casussen/${casus.id}/anonieme-weergaven/${view.id}`, {
        vraag,
        doelen,
        tijdlijn: notities.map((notitie) => ({ notitie })),
      });
      await client.invalidateQueries({ queryKey: ['anonieme-weergaven', casus.id] });
      onClose();
      return null;
    });
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={5}>Vrije teksten aanpassen</Heading>
      <Paragraph>
        Na het opslaan worden de teksten opnieuw opgeschoond en moet de weergave opnieuw
        gecontroleerd worden.
      </Paragraph>
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => LABELS[p] ?? p}
      />
      <FormField label="Vraag aan de ontvanger" {...s.field('vraag')} required>
        {(w) => <Textarea {...w} value={vraag} onChange={(e) => setVraag(e.target.value)} />}
      </FormField>
      {doelen.map((g, i) => (
        <div key={i}>
          <FormField label={`Doel ${i + 1}: omschrijving`} {...s.field(`doelen.${i}.omschrijving`)}>
            {(w) => (
              <Textarea
                {...w}
                value={g.omschrijving}
                onChange={(e) =>
                  setDoelen((all) =>
                    all.map((d, j) => (j === i ? { ...d, omschrijving: e.target.value } : d)),
                  )
                }
              />
            )}
          </FormField>
          <FormField
            label={`Doel ${i + 1}: meetbaar resultaat`}
            {...s.field(`doelen.${i}.meetbaar`)}
          >
            {(w) => (
              <Textarea
                {...w}
                value={g.meetbaar}
                onChange={(e) =>
                  setDoelen((all) =>
                    all.map((d, j) => (j === i ? { ...d, meetbaar: e.target.value } : d)),
                  )
                }
              />
            )}
          </FormField>
        </div>
      ))}
      {notities.map((n, i) => {
        const entry = view.weergave.tijdlijn[i];
        return (
          <FormField
            key={i}
            label={`Tijdlijn ${i + 1} (${entry?.maand ?? ''}, ${eventLabel(entry?.type ?? '')}): notitie`}
            {...s.field(`tijdlijn.${i}.notitie`)}
          >
            {(w) => (
              <Textarea
                {...w}
                value={n}
                onChange={(e) =>
                  setNotities((all) => all.map((x, j) => (j === i ? e.target.value : x)))
                }
              />
            )}
          </FormField>
        );
      })}
      <div className="knoppen">
        <Button type="submit" appearance="primary-action" disabled={s.busy}>
          Aanpassingen opslaan
        </Button>
        <Button onClick={onClose}>Annuleren</Button>
      </div>
    </form>
  );
}

function ReviewView({ casus, view }: { casus: CaseView; view: View }) {
  const client = useQueryClient();
  const [checked, setChecked] = useState<string[]>([]);
  const s = useSubmission('Het vastleggen van de controle lukte niet.', `controle-${view.id}`);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await s.run({}, async () => {
      await api('POST', `/casussen/${casus.id}/anonieme-weergaven/${view.id}/controle`, {
        bevestiging: checked.includes('ja'),
      });
      await client.invalidateQueries({ queryKey: ['anonieme-weergaven', casus.id] });
      return null;
    });
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => LABELS[p] ?? p}
      />
      <ChoiceGroup
        legend="Controle voor het delen"
        type="checkbox"
        name={`controle-${view.id}`}
        options={[['ja', 'Ik heb gecontroleerd dat niets naar het gezin herleidbaar is']]}
        selected={checked}
        onChange={setChecked}
        error={s.errors['bevestiging']}
      />
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Controle vastleggen
      </Button>
    </form>
  );
}

function ShareView({ casus, view }: { casus: CaseView; view: View }) {
  const client = useQueryClient();
  const s = useSubmission('Het vastleggen van het delen lukte niet.', `delen-${view.id}`);

  async function share() {
    await s.run({}, async () => {
      await api('POST', `/casussen/${casus.id}/anonieme-weergaven/${view.id}/delen`);
      await client.invalidateQueries({ queryKey: ['anonieme-weergaven', casus.id] });
      await client.invalidateQueries({ queryKey: ['casus', casus.id] });
      return null;
    });
  }

  return (
    <div className="formulier">
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={(p) => p} />
      <Paragraph>
        Kopieer de tekst hierboven naar de ontvanger ({view.ontvanger}) en leg daarna vast dat hij
        gedeeld is.
      </Paragraph>
      <Button appearance="primary-action" disabled={s.busy} onClick={() => void share()}>
        Vastleggen als gedeeld
      </Button>
    </div>
  );
}
