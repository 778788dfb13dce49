/**
 * The FTE of the team's professionals on the team page (issue 9, ADR 0024): the caseload
 * dashboard holds each casusregisseur's families against the norm per FTE (ZTM-NORM-CASELOAD),
 * so the team lead keeps the FTE right here. One small form per professional: type the FTE
 * (0,8 or 0.8), press Enter or "Opslaan"; a problem is shown at that field and focused.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.js';
import { RuleLink } from '../forms.js';
import { Alert, Button, FormField, Heading, Paragraph, Table, Textbox } from '../nl/index.js';

interface Member {
  id: string;
  naam: string;
  rollen: string[];
  fte: number;
}

const KEY = ['team-fte'] as const;

/** `0.8` → `0,8`, `1` → `1,0`: as Dutch readers write an FTE. */
export const formatFte = (fte: number) =>
  fte.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 2 });

/** The FTE typed, or the problem with it (the same limits as the API: 0 < FTE ≤ 1,5). */
export function parseFte(text: string): { fte: number } | { problem: string } {
  const t = text.trim();
  if (t === '') return { problem: 'vul de FTE in, bijvoorbeeld 0,8' };
  if (!/^\d+([.,]\d+)?$/.test(t)) return { problem: 'vul een getal in, bijvoorbeeld 0,8' };
  if (/[.,]\d{3,}$/.test(t)) return { problem: 'de FTE heeft hoogstens twee decimalen' };
  const fte = Number(t.replace(',', '.'));
  if (fte <= 0) return { problem: 'de FTE is groter dan 0' };
  if (fte > 1.5) return { problem: 'de FTE is hoogstens 1,5' };
  return { fte };
}

export function TeamFte() {
  const view = useQuery({
    queryKey: KEY,
    queryFn: () => api<{ medewerkers: Member[] }>('GET', '/team/fte'),
  });
  const [done, setDone] = useState<string | null>(null);
  const members = view.data?.medewerkers;
  return (
    <section aria-labelledby="kop-fte" className="kaart">
      <Heading level={2} id="kop-fte">
        FTE per professional
      </Heading>
      <Paragraph>
        De caseload van een casusregisseur wordt gemeten tegen de norm in gezinnen per FTE (
        <RuleLink id="ZTM-NORM-CASELOAD" />, geldt in elke regio). Een FTE ligt tussen 0 en 1,5, met
        hoogstens twee decimalen.
      </Paragraph>
      <div aria-live="polite">{done && <Alert type="ok">{done}</Alert>}</div>
      {view.isError ? (
        <Alert type="error">De FTE van het team kon niet worden geladen.</Alert>
      ) : !members ? (
        <p className="utrecht-paragraph">Laden…</p>
      ) : (
        <Table caption="FTE van de professionals van het team">
          <thead>
            <tr>
              <th scope="col">Professional</th>
              <th scope="col">FTE nu</th>
              <th scope="col">FTE wijzigen</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.naam}</th>
                <td data-testid={`fte-${m.id}`}>{formatFte(m.fte)}</td>
                <td>
                  <FteForm member={m} onSaved={setDone} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

function FteForm({ member, onSaved }: { member: Member; onSaved: (message: string) => void }) {
  const client = useQueryClient();
  const [value, setValue] = useState(formatFte(member.fte));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const inputId = `veld-fte-${member.id}`;
  const fail = (message: string) => {
    setError(message);
    document.getElementById(inputId)?.focus();
  };
  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseFte(value);
    if ('problem' in parsed) return fail(parsed.problem);
    setError(undefined);
    setBusy(true);
    try {
      const saved = await api<Member>('PUT', `/medewerkers/${member.id}/fte`, { fte: parsed.fte });
      setValue(formatFte(saved.fte));
      await client.invalidateQueries({ queryKey: KEY });
      // The caseload dashboard's norm follows the FTE.
      await client.invalidateQueries({ queryKey: ['dashboard'] });
      onSaved(`De FTE van ${member.naam} is nu ${formatFte(saved.fte)}.`);
    } catch (e) {
      const field = e instanceof ApiFailure ? e.fields.find((f) => f.path === 'body.fte') : null;
      fail(field?.message ?? (e instanceof Error ? e.message : 'Opslaan lukte niet.'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="filters">
      <FormField label={`FTE van ${member.naam}`} inputId={inputId} error={error} required>
        {(w) => (
          <Textbox
            {...w}
            inputMode="decimal"
            size={5}
            value={value}
            invalid={Boolean(error)}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </FormField>
      <Button type="submit" disabled={busy}>
        Opslaan
      </Button>
    </form>
  );
}
