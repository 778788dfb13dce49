/**
 * The iJw messages of the own organisation, for the back office and the provider's planning:
 * a list (received and sent, with their state), and one message with its validation report.
 * A received request for allocation (JW315) can be answered or allocated from here.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, ApiFailure, type Me } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { useSubmission } from '../forms.js';
import { formatDate, formatDateTime } from '../format.js';
import {
  Alert,
  Button,
  DataList,
  Fieldset,
  FormField,
  Heading,
  Link,
  Paragraph,
  Select,
  StatusBadge,
  Table,
  Textarea,
  Textbox,
} from '../nl/index.js';
import { PageHeading } from '../page.js';
import { NotFoundPage } from './NotFoundPage.js';
import { RequestTeamSection, type TeamQuestion } from './TeamQuestions.js';

interface MessageRow {
  id: string;
  richting: 'in' | 'uit';
  type: string;
  afzender: string;
  ontvanger: string;
  identificatie: string;
  goedgekeurd: boolean;
  status: string;
  retourcodes: string[];
  antwoordOp: string | null;
  op: string;
}

type Content = { [key: string]: string | Content | Content[] | string[] };

interface MessageDetail {
  id: string;
  richting: 'in' | 'uit';
  type: string;
  afzender: string;
  ontvanger: string;
  identificatie: string;
  dagtekening: string | null;
  status: string;
  goedgekeurd: boolean;
  retourcodes: string[];
  casusId: string | null;
  rapport: { issues: { code: string; line: number; xpath: string; message: string }[] };
  inhoud: Content | null;
  /** Only for the receiving municipality: the family's opt-out and the questions to a local team. */
  optOut?: { ondertekendOp: string; kenmerk: string } | null;
  vragenLokaalTeam?: TeamQuestion[];
  antwoorden: { id: string; type: string; status: string; op: string }[];
  xml: string;
}

export const MESSAGE_TITLES: Record<string, string> = {
  JW301: 'Toewijzing',
  JW302: 'Retour toewijzing',
  JW305: 'Start zorg',
  JW306: 'Retour start zorg',
  JW307: 'Stop zorg',
  JW308: 'Retour stop zorg',
  JW315: 'Verzoek om toewijzing',
  JW316: 'Retour verzoek om toewijzing',
  JW317: 'Verzoek om wijziging',
  JW318: 'Retour verzoek om wijziging',
  JW319: 'Antwoord op verzoek',
  JW320: 'Retour antwoord op verzoek',
  JW323: 'Declaratie',
  JW325: 'Declaratie-antwoord',
};

const STATUS: Record<string, [string, string]> = {
  verwerkt: ['Verwerkt', 'safe'],
  afgekeurd: ['Afgekeurd', 'danger'],
  klaar: ['Klaar om te versturen', 'neutral'],
  verstuurd: ['Verstuurd', 'safe'],
  geweigerd: ['Niet verstuurd (ongeldig)', 'danger'],
};

export function MessagesPage() {
  const [direction, setDirection] = useState<'in' | 'uit' | ''>('');
  const messages = useQuery({
    queryKey: ['berichten', direction],
    queryFn: () =>
      api<MessageRow[]>('GET', `/ijw/berichten${direction ? `?richting=${direction}` : ''}`),
  });
  return (
    <>
      <PageHeading title="Berichten (iJw)" />
      <Paragraph>
        Ontvangen en verzonden berichten van uw organisatie, de nieuwste bovenaan. Een afgekeurd
        bericht blijft hier staan met de reden.
      </Paragraph>
      <FormField label="Toon">
        {(w) => (
          <Select
            {...w}
            value={direction}
            onChange={(e) => setDirection(e.target.value as 'in' | 'uit' | '')}
          >
            <option value="">Alle berichten</option>
            <option value="in">Ontvangen</option>
            <option value="uit">Verzonden</option>
          </Select>
        )}
      </FormField>
      {messages.isError && <Alert type="error">{messages.error.message}</Alert>}
      {messages.data && messages.data.length === 0 && <Paragraph>Geen berichten.</Paragraph>}
      {messages.data && messages.data.length > 0 && (
        <Table caption="Berichten">
          <thead>
            <tr>
              <th scope="col">Tijdstip</th>
              <th scope="col">Bericht</th>
              <th scope="col">Van → aan</th>
              <th scope="col">Status</th>
              <th scope="col">Retourcodes</th>
            </tr>
          </thead>
          <tbody>
            {messages.data.map((m) => {
              const [label, badge] = STATUS[m.status] ?? [m.status, 'neutral'];
              return (
                <tr key={m.id}>
                  <td>{formatDateTime(m.op)}</td>
                  <td>
                    <Link to={`/berichten/${m.id}`}>
                      {m.type} {MESSAGE_TITLES[m.type] ?? ''}
                    </Link>{' '}
                    ({m.richting === 'in' ? 'ontvangen' : 'verzonden'})
                  </td>
                  <td>
                    {m.afzender} → {m.ontvanger}
                  </td>
                  <td>
                    <StatusBadge status={badge}>{label}</StatusBadge>
                  </td>
                  <td>{m.retourcodes.join(', ')}</td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </>
  );
}

const text = (c: unknown, ...path: string[]): string => {
  let v: unknown = c;
  for (const p of path) v = v && typeof v === 'object' ? (v as Content)[p] : undefined;
  return typeof v === 'string' ? v : '';
};

const REFUSAL_REASONS: readonly (readonly [string, string])[] = [
  ['2', 'Past niet binnen budget'],
  ['3', 'Geen contract'],
  ['4', 'Past niet binnen contract'],
  ['5', 'Andere gemeente'],
  ['6', 'Stapeling'],
  ['7', 'Zorginhoudelijke afkeur'],
  ['8', 'Woonplaatsbeginsel'],
  ['9', 'Leeftijdsgrens is bereikt'],
];

export function MessagePage({ me }: { me: Me }) {
  const municipality = me.medewerker.organisatieSoort === 'gemeente';
  const { id = '' } = useParams();
  const message = useQuery({
    queryKey: ['bericht', id],
    queryFn: () => api<MessageDetail>('GET', `/ijw/berichten/${encodeURIComponent(id)}`),
  });
  if (message.isError && message.error instanceof ApiFailure && message.error.status === 404)
    return <NotFoundPage />;
  if (!message.data)
    return (
      <>
        <PageHeading title="Bericht" />
        <p className="utrecht-paragraph" role="status">
          Laden…
        </p>
      </>
    );
  const m = message.data;
  const [label] = STATUS[m.status] ?? [m.status];
  const isOpenRequest = municipality && m.type === 'JW315' && m.richting === 'in' && m.goedgekeurd;
  return (
    <>
      <PageHeading title={`${m.type} ${MESSAGE_TITLES[m.type] ?? ''}`} />
      <Paragraph>
        <Link to="/berichten">Terug naar de berichten</Link>
        {m.casusId && (
          <>
            {' · '}
            <Link to={`/casussen/${m.casusId}`}>Naar de casus</Link>
          </>
        )}
      </Paragraph>
      <DataList
        items={[
          ['Richting', m.richting === 'in' ? 'Ontvangen' : 'Verzonden'],
          ['Afzender', m.afzender],
          ['Ontvanger', m.ontvanger],
          ['Identificatie', m.identificatie],
          ['Dagtekening', formatDate(m.dagtekening)],
          ['Status', label],
          ['Retourcodes', m.retourcodes.join(', ') || '—'],
        ]}
      />
      <section aria-labelledby="kop-controle">
        <Heading level={2} id="kop-controle">
          Controle
        </Heading>
        {m.rapport.issues.length === 0 ? (
          <Alert type="ok">Het bericht voldoet aan het XSD en aan de regels van iJw 3.2.</Alert>
        ) : (
          <Table caption="Gevonden problemen">
            <thead>
              <tr>
                <th scope="col">Regel</th>
                <th scope="col">Plaats</th>
                <th scope="col">Wat er mis is</th>
              </tr>
            </thead>
            <tbody>
              {m.rapport.issues.map((i, n) => (
                <tr key={`${i.code}-${n}`}>
                  <td>{i.code}</td>
                  <td>
                    {i.line > 0 ? `regel ${i.line}: ` : ''}
                    <code>{i.xpath}</code>
                  </td>
                  <td>{i.message}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      {m.type === 'JW315' && m.inhoud && <RequestedProducts content={m.inhoud} />}
      {municipality && m.type === 'JW301' && m.richting === 'uit' && m.inhoud && (
        <DecisionLetters content={m.inhoud} />
      )}
      {m.antwoorden.length > 0 && (
        <section aria-labelledby="kop-antwoorden">
          <Heading level={2} id="kop-antwoorden">
            Verstuurd als antwoord
          </Heading>
          <ul className="utrecht-unordered-list">
            {m.antwoorden.map((a) => (
              <li key={a.id} className="utrecht-unordered-list__item">
                <Link to={`/berichten/${a.id}`}>
                  {a.type} {MESSAGE_TITLES[a.type] ?? ''}
                </Link>{' '}
                – {formatDateTime(a.op)}, {(STATUS[a.status] ?? [a.status])[0]}
              </li>
            ))}
          </ul>
        </section>
      )}
      {isOpenRequest && m.casusId && (
        <RequestTeamSection
          messageId={m.id}
          me={me}
          optOut={m.optOut ?? null}
          questions={m.vragenLokaalTeam ?? []}
        />
      )}
      {isOpenRequest && <Decide message={m} />}
    </>
  );
}

function RequestedProducts({ content }: { content: Content }) {
  const client = content['Client'] as Content;
  const lines = ((client['AangevraagdeProducten'] as Content)['AangevraagdProduct'] ??
    []) as Content[];
  return (
    <section aria-labelledby="kop-aangevraagd">
      <Heading level={2} id="kop-aangevraagd">
        Aangevraagd
      </Heading>
      <Paragraph>
        Voor {text(client, 'Naam', 'Voorletters')}{' '}
        {text(client, 'Naam', 'Geslachtsnaam', 'Voorvoegsel')}{' '}
        {text(client, 'Naam', 'Geslachtsnaam', 'Achternaam')}, geboren{' '}
        {formatDate(text(client, 'Geboortedatum', 'Datum'))}.
      </Paragraph>
      <Table caption="Aangevraagde producten">
        <thead>
          <tr>
            <th scope="col">Referentie</th>
            <th scope="col">Product</th>
            <th scope="col">Periode</th>
            <th scope="col">Omvang</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((p) => (
            <tr key={text(p, 'ReferentieAanbieder')}>
              <td>{text(p, 'ReferentieAanbieder')}</td>
              <td>
                {text(p, 'Product', 'Code') || `categorie ${text(p, 'Product', 'Categorie')}`}
              </td>
              <td>
                {formatDate(text(p, 'ToewijzingIngangsdatum'))} tot{' '}
                {formatDate(text(p, 'ToewijzingEinddatum')) || 'open'}
              </td>
              <td>
                {text(p, 'Omvang', 'Volume')} × eenheid {text(p, 'Omvang', 'Eenheid')}, frequentie{' '}
                {text(p, 'Omvang', 'Frequentie')}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}

/** GRO-DEC-BESCHIKKING: a decision letter on disagreement, a personal budget or request. */
function DecisionLetters({ content }: { content: Content }) {
  const client = content['Client'] as Content;
  const lines = ((client['ToegewezenProducten'] as Content)['ToegewezenProduct'] ??
    []) as Content[];
  return (
    <section aria-labelledby="kop-beschikking">
      <Heading level={2} id="kop-beschikking">
        Beschikking
      </Heading>
      <Paragraph>
        Meestal volstaat de toewijzing. Een beschikking met bezwaarmogelijkheid maakt u als gezin en
        professional het oneens zijn, bij een pgb, of als het gezin erom vraagt
        (GRO-DEC-BESCHIKKING).
      </Paragraph>
      <ul className="utrecht-unordered-list">
        {lines.flatMap((l) =>
          (
            [
              ['verzoek', 'op verzoek van het gezin'],
              ['oneens', 'bij onenigheid'],
              ['pgb', 'bij een pgb'],
            ] as const
          ).map(([reason, label]) => (
            <li
              key={`${text(l, 'ToewijzingNummer')}-${reason}`}
              className="utrecht-unordered-list__item"
            >
              <a
                className="utrecht-link"
                href={`/api/v1/toewijzingen/${text(l, 'ToewijzingNummer')}/beschikking?reden=${reason}`}
              >
                Beschikking voor toewijzing {text(l, 'ToewijzingNummer')} {label} (PDF)
              </a>
            </li>
          )),
        )}
      </ul>
    </section>
  );
}

const ADDRESS_LABELS: Record<string, string> = {
  'adres.straat': 'Straat',
  'adres.huisnummer': 'Huisnummer',
  'adres.postcode': 'Postcode',
  'adres.plaats': 'Plaats',
  'adviesExpertpool.datum': 'Datum van het advies',
  'adviesExpertpool.samenvatting': 'Advies van de expertpool',
  adviesExpertpool: 'Advies van de expertpool',
  reden: 'Reden van afwijzing',
  antwoord: 'Antwoord (JW319)',
};

function Decide({ message }: { message: MessageDetail }) {
  const client = useQueryClient();
  const [address, setAddress] = useState({ straat: '', huisnummer: '', postcode: '', plaats: '' });
  const [adviceDate, setAdviceDate] = useState('');
  const [advice, setAdvice] = useState('');
  const [reason, setReason] = useState('');
  const s = useSubmission('Dat lukte niet. Probeer het opnieuw.', 'besluit');
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['bericht', message.id] }),
      client.invalidateQueries({ queryKey: ['berichten'] }),
    ]);

  async function inProgress() {
    await s.run({}, async () => {
      await api('POST', `/ijw/berichten/${message.id}/antwoord`, { antwoord: '2' });
      await refresh();
      return 'JW319 "aanvraag in onderzoek" staat klaar om te versturen.';
    });
  }

  async function refuse() {
    const found: FieldErrors = {};
    if (!reason) found.reden = 'kies de reden van afwijzing';
    await s.run(found, async () => {
      await api('POST', `/ijw/berichten/${message.id}/antwoord`, { antwoord: '1', reden: reason });
      await refresh();
      return 'JW319 met de afwijzing staat klaar om te versturen.';
    });
  }

  async function allocate(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    for (const [key, value] of Object.entries(address))
      if (!value.trim()) found[`adres.${key}`] = 'vul dit in';
    if ((adviceDate || advice) && !(adviceDate && advice))
      found.adviesExpertpool = 'vul datum (jjjj-mm-dd) en advies allebei in, of geen van beide';
    await s.run(found, async () => {
      await api('POST', `/ijw/berichten/${message.id}/toewijzing`, {
        adres: address,
        ...(advice ? { adviesExpertpool: { datum: adviceDate, samenvatting: advice } } : {}),
      });
      await refresh();
      return 'De toewijzing (JW301) staat klaar om te versturen.';
    });
  }

  const field = (key: keyof typeof address, label: string) => (
    <FormField label={label} {...s.field(`adres.${key}`)} required>
      {(w) => (
        <Textbox
          {...w}
          value={address[key]}
          onChange={(e) => setAddress({ ...address, [key]: e.target.value })}
        />
      )}
    </FormField>
  );

  return (
    <section aria-labelledby="kop-besluit">
      <Heading level={2} id="kop-besluit">
        Besluiten over dit verzoek
      </Heading>
      <ErrorSummary
        errors={s.errors}
        general={s.general}
        scope={s.scope}
        labelOf={(p) => ADDRESS_LABELS[p] ?? p}
        onlyFields={(p) => p !== 'antwoord'}
      />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <Paragraph>
        <Button onClick={() => void inProgress()} disabled={s.busy}>
          In onderzoek nemen (JW319)
        </Button>
      </Paragraph>
      <form onSubmit={(e) => void allocate(e)} noValidate className="formulier">
        <Fieldset legend="Woonadres van de jeugdige (voor de toewijzing)">
          {field('straat', 'Straat')}
          {field('huisnummer', 'Huisnummer')}
          {field('postcode', 'Postcode')}
          {field('plaats', 'Plaats')}
        </Fieldset>
        <Fieldset legend="Advies van de expertpool (bij producten die niet vrij toegankelijk zijn)">
          <FormField
            label="Datum van het advies"
            description="jjjj-mm-dd"
            {...s.field('adviesExpertpool.datum')}
          >
            {(w) => (
              <Textbox {...w} value={adviceDate} onChange={(e) => setAdviceDate(e.target.value)} />
            )}
          </FormField>
          <FormField label="Advies van de expertpool" {...s.field('adviesExpertpool')}>
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
        <Button type="submit" appearance="primary-action" disabled={s.busy}>
          Toewijzen (JW301)
        </Button>
      </form>
      <div className="formulier">
        <FormField label="Reden van afwijzing" {...s.field('reden')}>
          {(w) => (
            <Select {...w} value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">Kies…</option>
              {REFUSAL_REASONS.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <Button onClick={() => void refuse()} disabled={s.busy}>
          Afwijzen (JW319)
        </Button>
      </div>
    </section>
  );
}
