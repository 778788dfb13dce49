/**
 * The team view of staff registration (GRO-DEC-WERKTOEDELING, ADR 0023): for a team lead, every
 * member of the own organisation with their SKJ/BIG status (geldig, verloopt binnen 90 dagen,
 * geen), a form to record a registration, and the assignments of casusregie to someone without a
 * valid registration, with their explanation, of the last 12 months.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../api.js';
import { ErrorSummary } from '../errors.js';
import { RuleLink, useSubmission } from '../forms.js';
import { formatDate, parseDutchDate } from '../format.js';
import {
  Alert,
  Button,
  FormField,
  Heading,
  Paragraph,
  Select,
  StatusBadge,
  Table,
  Textbox,
} from '../nl/index.js';
import { PageHeading } from '../page.js';
import { TeamFte } from './TeamFte.js';

type Status = 'geldig' | 'verloopt' | 'geen';
interface Registration {
  id: string;
  register: 'skj' | 'big';
  nummer: string;
  geldigVanaf: string;
  geldigTot: string | null;
  geldigVandaag: boolean;
}
interface TeamView {
  organisatie: { id: string; naam: string };
  regel: string;
  bron: string;
  signaleringDagen: number;
  medewerkers: {
    id: string;
    naam: string;
    rollen: string[];
    status: Status;
    geldigTot: string | null;
    registraties: Registration[];
  }[];
  toedelingenMetUitleg: {
    id: string;
    casusId: string;
    medewerker: string;
    soort: 'rol' | 'overdracht';
    datum: string;
    uitleg: string;
    vastgelegdDoor: string;
  }[];
}

const KEY = ['team-registraties'] as const;
const REGISTER_LABELS = { skj: 'Kwaliteitsregister Jeugd (SKJ)', big: 'BIG-register' } as const;
const FIELD_LABELS: Record<string, string> = {
  medewerker: 'Professional',
  register: 'Register',
  nummer: 'Registratienummer',
  geldigVanaf: 'Geldig vanaf',
  geldigTot: 'Geldig tot en met',
};

function StatusText({ status, until }: { status: Status; until: string | null }) {
  if (status === 'geen') return <StatusBadge status="danger">Geen geldige registratie</StatusBadge>;
  if (status === 'verloopt')
    return <StatusBadge status="warning">Verloopt op {formatDate(until)}</StatusBadge>;
  return (
    <StatusBadge status="ok">Geldig{until ? ` tot en met ${formatDate(until)}` : ''}</StatusBadge>
  );
}

export function TeamPage() {
  const view = useQuery({
    queryKey: KEY,
    queryFn: () => api<TeamView>('GET', '/team/registraties'),
  });
  const v = view.data;
  return (
    <>
      <PageHeading title="Team en registraties" />
      <Paragraph>
        Toegangswerk hoort bij professionals met een geldige registratie in het Kwaliteitsregister
        Jeugd (SKJ) of het BIG-register. Wie de casusregie toch aan iemand zonder registratie geeft,
        legt uit waarom: pas toe of leg uit (<RuleLink id="GRO-DEC-WERKTOEDELING" />, geldt in elke
        regio).
      </Paragraph>
      {view.isError && (
        <Alert type="error">
          Het teamoverzicht kon niet worden geladen. Alleen teamleiders zien het.
        </Alert>
      )}
      {!v ? (
        !view.isError && (
          <p className="utrecht-paragraph" role="status">
            Laden…
          </p>
        )
      ) : (
        <>
          <Table caption={`Registraties van team ${v.organisatie.naam}`}>
            <thead>
              <tr>
                <th scope="col">Professional</th>
                <th scope="col">Status vandaag</th>
                <th scope="col">Registraties</th>
              </tr>
            </thead>
            <tbody>
              {v.medewerkers.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.naam}</th>
                  <td>
                    <StatusText status={m.status} until={m.geldigTot} />
                  </td>
                  <td>
                    {m.registraties.length === 0
                      ? 'Geen vastgelegd'
                      : m.registraties
                          .map(
                            (r) =>
                              `${r.register.toUpperCase()} ${r.nummer}, ${formatDate(r.geldigVanaf)} – ${r.geldigTot ? formatDate(r.geldigTot) : 'open'}${r.geldigVandaag ? '' : ' (telt vandaag niet)'}`,
                          )
                          .join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Paragraph>
            “Verloopt” betekent: de registratie eindigt binnen {v.signaleringDagen} dagen.
          </Paragraph>
          <RecordForm members={v.medewerkers} />
          <TeamFte />
          <Heading level={2} id="kop-uitleg">
            Toedelingen met uitleg (laatste 12 maanden)
          </Heading>
          {v.toedelingenMetUitleg.length === 0 ? (
            <Paragraph>
              Er is het afgelopen jaar geen casusregie toegedeeld zonder registratie.
            </Paragraph>
          ) : (
            <Table caption="Casusregie toegedeeld aan professionals zonder geldige registratie">
              <thead>
                <tr>
                  <th scope="col">Datum</th>
                  <th scope="col">Professional</th>
                  <th scope="col">Hoe</th>
                  <th scope="col">Uitleg</th>
                  <th scope="col">Vastgelegd door</th>
                  <th scope="col">Casus</th>
                </tr>
              </thead>
              <tbody>
                {v.toedelingenMetUitleg.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDate(e.datum)}</td>
                    <td>{e.medewerker}</td>
                    <td>{e.soort === 'rol' ? 'Roltoewijzing' : 'Warme overdracht'}</td>
                    <td>{e.uitleg}</td>
                    <td>{e.vastgelegdDoor}</td>
                    <td>
                      <Link to={`/casussen/${e.casusId}`}>Casus openen</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </>
      )}
    </>
  );
}

function RecordForm({ members }: { members: TeamView['medewerkers'] }) {
  const client = useQueryClient();
  const [member, setMember] = useState('');
  const [register, setRegister] = useState<'skj' | 'big'>('skj');
  const [number, setNumber] = useState('');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const s = useSubmission('De registratie vastleggen lukte niet.', 'registratie');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const fromIso = parseDutchDate(from);
    const untilIso = until.trim() === '' ? null : parseDutchDate(until);
    if (!member) found['medewerker'] = 'kies de professional';
    if (number.trim() === '') found['nummer'] = 'vul het registratienummer in';
    if (!fromIso) found['geldigVanaf'] = 'vul een datum in als dd-mm-jjjj';
    if (until.trim() !== '' && !untilIso) found['geldigTot'] = 'vul een datum in als dd-mm-jjjj';
    await s.run(found, async () => {
      await api('POST', `/medewerkers/${member}/registraties`, {
        register,
        nummer: number.trim(),
        geldigVanaf: fromIso,
        geldigTot: untilIso,
      });
      const name = members.find((m) => m.id === member)?.naam ?? '';
      setNumber('');
      setFrom('');
      setUntil('');
      await client.invalidateQueries({ queryKey: KEY });
      return `De registratie van ${name} is vastgelegd.`;
    });
  }
  return (
    <section aria-labelledby="kop-registratie" className="kaart">
      <Heading level={2} id="kop-registratie">
        Registratie vastleggen
      </Heading>
      <div aria-live="polite">{s.done && <Alert type="ok">{s.done}</Alert>}</div>
      <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
        <ErrorSummary
          errors={s.errors}
          general={s.general}
          scope={s.scope}
          labelOf={(p) => FIELD_LABELS[p] ?? p}
        />
        <FormField label="Professional" {...s.field('medewerker')} required>
          {(w) => (
            <Select {...w} value={member} onChange={(e) => setMember(e.target.value)}>
              <option value="">Kies…</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.naam}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Register" {...s.field('register')} required>
          {(w) => (
            <Select
              {...w}
              value={register}
              onChange={(e) => setRegister(e.target.value as 'skj' | 'big')}
            >
              <option value="skj">{REGISTER_LABELS.skj}</option>
              <option value="big">{REGISTER_LABELS.big}</option>
            </Select>
          )}
        </FormField>
        <FormField
          label="Registratienummer"
          description="SKJ: 4 tot 12 cijfers; BIG: 11 cijfers"
          {...s.field('nummer')}
          required
        >
          {(w) => (
            <Textbox
              {...w}
              value={number}
              invalid={Boolean(s.errors['nummer'])}
              onChange={(e) => setNumber(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          label="Geldig vanaf"
          description="dd-mm-jjjj"
          {...s.field('geldigVanaf')}
          required
        >
          {(w) => (
            <Textbox
              {...w}
              value={from}
              invalid={Boolean(s.errors['geldigVanaf'])}
              onChange={(e) => setFrom(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          label="Geldig tot en met"
          description="dd-mm-jjjj; leeg als er geen einddatum is"
          {...s.field('geldigTot')}
        >
          {(w) => (
            <Textbox
              {...w}
              value={until}
              invalid={Boolean(s.errors['geldigTot'])}
              onChange={(e) => setUntil(e.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" appearance="primary-action" disabled={s.busy}>
          Registratie vastleggen
        </Button>
      </form>
    </section>
  );
}
