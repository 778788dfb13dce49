/**
 * The quality thermometer of the own local team (GRO-CHK-REFERENTIEKADER, bruikbaar in elke
 * regio; ADR 0022). The team lead opens and closes a round; every casusregisseur and team lead
 * scores the 70 points green, orange or red, theme by theme. The team view shows counts only —
 * never who scored what — a summary per theme, suggestions for points someone scored red, and
 * the trend over closed rounds, all as tables.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { CHECKLIST_THEMES, type ChecklistTheme } from '../../domain/quality/checklist-items.js';
import { api } from '../api.js';
import { ErrorSummary } from '../errors.js';
import { RuleLink, useSubmission } from '../forms.js';
import { formatDate } from '../format.js';
import {
  Alert,
  Button,
  ChoiceGroup,
  FormField,
  Heading,
  Paragraph,
  Select,
  Table,
  Textbox,
} from '../nl/index.js';
import { PageHeading } from '../page.js';

type Colour = 'groen' | 'oranje' | 'rood';
type Counts = Record<Colour, number>;
interface Round {
  id: string;
  naam: string;
  periode: string | null;
  geopendOp: string;
  geslotenOp: string | null;
}
interface View {
  regel: string;
  team: { naam: string; teamleider: boolean; leden: number };
  rondes: Round[];
  ronde:
    | (Round & {
        deelnemers: number;
        spreiding: ({ punt: string; gescoord: number } & Counts)[];
        themas: ({
          thema: number;
          aandelen: Counts | null;
          puntenMetRood: number;
          stand: Colour | null;
        } & Counts)[];
        suggesties: { punt: string; tekst: string; rood: number; suggesties: string[] }[];
        eigen: { punt: string; kleur: Colour; opmerking: string | null }[];
      })
    | null;
  verloop: {
    rondeId: string;
    naam: string;
    themas: { thema: number; aandelen: Counts | null }[];
  }[];
}

const RULE = 'GRO-CHK-REFERENTIEKADER';
const KEY = ['thermometer'] as const;
const COLOUR_OPTIONS: readonly (readonly [string, string])[] = [
  ['groen', 'Groen: gaat goed'],
  ['oranje', 'Oranje: voldoende'],
  ['rood', 'Rood: vraagt actie'],
];
const themeTitle = (n: number) => CHECKLIST_THEMES.find((t) => t.number === n)?.title ?? '';
const sharesText = (s: Counts | null) =>
  s ? `groen ${s.groen}%, oranje ${s.oranje}%, rood ${s.rood}%` : 'geen scores';
const roundLabel = (r: Round) =>
  `${r.naam}${r.periode ? ` (${r.periode})` : ''}${r.geslotenOp ? '' : ' — loopt'}`;

export function ThermometerPage() {
  const [chosen, setChosen] = useState<string | null>(null);
  const view = useQuery({
    queryKey: [...KEY, chosen],
    queryFn: () =>
      api<View>('GET', `/thermometer${chosen ? `?ronde=${encodeURIComponent(chosen)}` : ''}`),
  });
  const v = view.data;
  const openRound = v?.rondes.find((r) => r.geslotenOp === null) ?? null;
  return (
    <>
      <PageHeading title="Kwaliteitsthermometer" />
      <Paragraph>
        Uw team scoort zichzelf op de zes checklists van het referentiekader toegang (
        <RuleLink id={RULE} />, bruikbaar in elke regio): per punt groen (gaat goed), oranje
        (voldoende) of rood (vraagt actie). Het team ziet alleen aantallen, nooit wie wat scoorde;
        uw eigen antwoorden en opmerkingen ziet alleen u.
      </Paragraph>
      {view.isError && <Alert type="error">De thermometer kon niet worden geladen.</Alert>}
      {!v ? (
        !view.isError && (
          <p className="utrecht-paragraph" role="status">
            Laden…
          </p>
        )
      ) : (
        <>
          <Paragraph>
            Team {v.team.naam}: {v.team.leden} teamleden scoren mee.
          </Paragraph>
          {v.team.teamleider && <LeadActions openRound={openRound} />}
          {v.rondes.length > 1 && (
            <FormField label="Ronde bekijken" inputId="veld-ronde-kiezen" required>
              {(w) => (
                <Select
                  {...w}
                  value={v.ronde?.id ?? ''}
                  onChange={(e) => setChosen(e.target.value)}
                >
                  {v.rondes.map((r) => (
                    <option key={r.id} value={r.id}>
                      {roundLabel(r)}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          )}
          {!v.ronde ? (
            <Paragraph>
              Er is nog geen ronde.{' '}
              {v.team.teamleider ? 'Open hierboven de eerste.' : 'De teamleider opent een ronde.'}
            </Paragraph>
          ) : (
            <RoundSection view={v} round={v.ronde} />
          )}
          <TrendSection trend={v.verloop} />
        </>
      )}
    </>
  );
}

function LeadActions({ openRound }: { openRound: Round | null }) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [period, setPeriod] = useState('');
  const s = useSubmission('De ronde openen lukte niet.', 'ronde');
  const c = useSubmission('De ronde sluiten lukte niet.', 'sluiten');
  async function open(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (name.trim() === '') found['naam'] = 'Naam van de ronde: vul een naam in.';
    await s.run(found, async () => {
      await api('POST', '/thermometer/rondes', { naam: name, periode: period });
      setName('');
      setPeriod('');
      await client.invalidateQueries({ queryKey: KEY });
      return 'De ronde is geopend. Het team kan nu scoren.';
    });
  }
  async function close() {
    if (!openRound) return;
    await c.run({}, async () => {
      await api('POST', '/thermometer/ronde-sluiten', { rondeId: openRound.id });
      await client.invalidateQueries({ queryKey: KEY });
      return `De ronde ${openRound.naam} is gesloten; de uitkomst telt mee in het verloop.`;
    });
  }
  return (
    <section aria-labelledby="kop-rondebeheer" className="kaart">
      <Heading level={2} id="kop-rondebeheer">
        Ronde openen of sluiten
      </Heading>
      <div aria-live="polite">
        {s.done && <Alert type="ok">{s.done}</Alert>}
        {c.done && <Alert type="ok">{c.done}</Alert>}
      </div>
      {openRound ? (
        <>
          <ErrorSummary errors={c.errors} general={c.general} scope={c.scope} labelOf={(p) => p} />
          <Paragraph>
            De ronde {roundLabel(openRound)} loopt sinds {formatDate(openRound.geopendOp)}. Na het
            sluiten kan niemand meer scoren in deze ronde.
          </Paragraph>
          <Button disabled={c.busy} onClick={() => void close()}>
            Ronde {openRound.naam} sluiten
          </Button>
        </>
      ) : (
        <form onSubmit={(e) => void open(e)} noValidate className="formulier">
          <ErrorSummary
            errors={s.errors}
            general={s.general}
            scope={s.scope}
            labelOf={(p) => (p === 'naam' ? 'Naam van de ronde' : 'Periode')}
          />
          <FormField label="Naam van de ronde" {...s.field('naam')} required>
            {(w) => (
              <Textbox
                {...w}
                value={name}
                invalid={Boolean(s.errors['naam'])}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </FormField>
          <FormField
            label="Periode"
            description="Bijvoorbeeld: september tot december 2026"
            {...s.field('periode')}
          >
            {(w) => <Textbox {...w} value={period} onChange={(e) => setPeriod(e.target.value)} />}
          </FormField>
          <Button type="submit" appearance="primary-action" disabled={s.busy}>
            Ronde openen
          </Button>
        </form>
      )}
    </section>
  );
}

function RoundSection({ view, round }: { view: View; round: NonNullable<View['ronde']> }) {
  const open = round.geslotenOp === null;
  const countOf = (punt: string) => round.spreiding.find((x) => x.punt === punt);
  return (
    <>
      <section aria-labelledby="kop-ronde" className="kaart">
        <Heading level={2} id="kop-ronde">
          {roundLabel(round)}
        </Heading>
        <Paragraph>
          {round.deelnemers} van {view.team.leden} teamleden hebben gescoord.{' '}
          {open
            ? 'De ronde loopt: scores kunnen nog worden aangevuld of gewijzigd.'
            : `Gesloten op ${formatDate(round.geslotenOp ?? '')}.`}
        </Paragraph>
        <Table caption="Samenvatting per thema">
          <thead>
            <tr>
              <th scope="col">Thema</th>
              <th scope="col">Groen</th>
              <th scope="col">Oranje</th>
              <th scope="col">Rood</th>
              <th scope="col">Aandelen</th>
              <th scope="col">Punten met rood</th>
              <th scope="col">Stand</th>
            </tr>
          </thead>
          <tbody>
            {round.themas.map((t) => (
              <tr key={t.thema}>
                <th scope="row">
                  {t.thema}. {themeTitle(t.thema)}
                </th>
                <td>{t.groen}</td>
                <td>{t.oranje}</td>
                <td>{t.rood}</td>
                <td>{sharesText(t.aandelen)}</td>
                <td>{t.puntenMetRood}</td>
                <td>{t.stand ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
      <section aria-labelledby="kop-suggesties" className="kaart">
        <Heading level={2} id="kop-suggesties">
          Verbetersuggesties bij rood
        </Heading>
        {round.suggesties.length === 0 ? (
          <Paragraph>Niemand heeft in deze ronde een punt rood gescoord.</Paragraph>
        ) : (
          <ul className="utrecht-unordered-list">
            {round.suggesties.map((x) => (
              <li key={x.punt}>
                <strong>
                  {x.punt} ({x.rood}× rood)
                </strong>{' '}
                {x.tekst}
                {x.suggesties.length > 0 ? (
                  <ul className="utrecht-unordered-list">
                    {x.suggesties.map((t) => (
                      <li key={t}>Suggestie: {t}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="utrecht-paragraph">
                    De checklist geeft hier geen suggestie; bespreek in het team wat nodig is.
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {CHECKLIST_THEMES.map((theme) => (
        <section key={theme.number} aria-labelledby={`kop-thema-${theme.number}`} className="kaart">
          <Heading level={2} id={`kop-thema-${theme.number}`}>
            Thema {theme.number}: {theme.title}
          </Heading>
          <Table caption={`Spreiding per punt, thema ${theme.number} (${theme.subject} …)`}>
            <thead>
              <tr>
                <th scope="col">Punt</th>
                <th scope="col">Omschrijving</th>
                <th scope="col">Groen</th>
                <th scope="col">Oranje</th>
                <th scope="col">Rood</th>
              </tr>
            </thead>
            <tbody>
              {theme.items.map((i) => {
                const n = countOf(i.number);
                return (
                  <tr key={i.number}>
                    <th scope="row">{i.number}</th>
                    <td>{i.text}</td>
                    <td>{n?.groen ?? 0}</td>
                    <td>{n?.oranje ?? 0}</td>
                    <td>{n?.rood ?? 0}</td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          {open && <ScoreForm key={round.id} theme={theme} roundId={round.id} own={round.eigen} />}
        </section>
      ))}
    </>
  );
}

function ScoreForm({
  theme,
  roundId,
  own,
}: {
  theme: ChecklistTheme;
  roundId: string;
  own: NonNullable<View['ronde']>['eigen'];
}) {
  const client = useQueryClient();
  const initial = () =>
    Object.fromEntries(
      own.map((o) => [o.punt, { kleur: o.kleur as string, opmerking: o.opmerking ?? '' }]),
    );
  const [answers, setAnswers] =
    useState<Record<string, { kleur: string; opmerking: string }>>(initial);
  const sent = useRef<string[]>([]);
  const s = useSubmission('De scores opslaan lukte niet.', `thema-${theme.number}`);
  const labelOf = (path: string) => {
    const [, index, field] = path.split('.');
    const punt = sent.current[Number(index)] ?? '';
    return field === 'opmerking' ? `Opmerking bij ${punt}` : `Kleur bij ${punt}`;
  };
  async function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = theme.items.filter((i) => answers[i.number]?.kleur);
    const found: Record<string, string> = {};
    if (chosen.length === 0) found['scores'] = 'Kies bij ten minste één punt een kleur.';
    sent.current = chosen.map((i) => i.number);
    await s.run(found, async () => {
      await api('PUT', '/thermometer/scores', {
        rondeId: roundId,
        scores: chosen.map((i) => ({
          punt: i.number,
          kleur: answers[i.number]?.kleur,
          opmerking: answers[i.number]?.opmerking ?? '',
        })),
      });
      await client.invalidateQueries({ queryKey: KEY });
      return `Uw scores voor thema ${theme.number} zijn opgeslagen.`;
    });
  }
  const set = (punt: string, change: Partial<{ kleur: string; opmerking: string }>) =>
    setAnswers((a) => ({
      ...a,
      [punt]: { kleur: a[punt]?.kleur ?? '', opmerking: a[punt]?.opmerking ?? '', ...change },
    }));
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Uw scores voor thema {theme.number}</Heading>
      <div aria-live="polite">{s.done && <Alert type="ok">{s.done}</Alert>}</div>
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={labelOf}
        onlyFields={() => false}
      />
      {theme.items.map((i) => (
        <div key={i.number} className="thermometer-punt">
          <ChoiceGroup
            legend={`${i.number} ${theme.subject} ${i.text}`}
            type="radio"
            name={`kleur-${i.number}`}
            options={COLOUR_OPTIONS}
            selected={answers[i.number]?.kleur ? [answers[i.number]?.kleur ?? ''] : []}
            onChange={(values) => set(i.number, { kleur: values[0] ?? '' })}
          />
          <FormField
            label={`Opmerking bij ${i.number}`}
            inputId={`veld-opmerking-${i.number.replace('.', '-')}`}
          >
            {(w) => (
              <Textbox
                {...w}
                value={answers[i.number]?.opmerking ?? ''}
                onChange={(e) => set(i.number, { opmerking: e.target.value })}
              />
            )}
          </FormField>
        </div>
      ))}
      <Button type="submit" appearance="primary-action" disabled={s.busy}>
        Scores voor thema {theme.number} opslaan
      </Button>
    </form>
  );
}

function TrendSection({ trend }: { trend: View['verloop'] }) {
  return (
    <section aria-labelledby="kop-verloop" className="kaart">
      <Heading level={2} id="kop-verloop">
        Verloop over gesloten rondes
      </Heading>
      {trend.length === 0 ? (
        <Paragraph>Het verloop verschijnt zodra een ronde is gesloten.</Paragraph>
      ) : (
        <Table caption="Aandeel groen, oranje en rood per thema, per gesloten ronde">
          <thead>
            <tr>
              <th scope="col">Thema</th>
              {trend.map((p) => (
                <th scope="col" key={p.rondeId}>
                  {p.naam}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CHECKLIST_THEMES.map((t) => (
              <tr key={t.number}>
                <th scope="row">
                  {t.number}. {t.title}
                </th>
                {trend.map((p) => (
                  <td key={p.rondeId}>
                    {sharesText(p.themas.find((x) => x.thema === t.number)?.aandelen ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
