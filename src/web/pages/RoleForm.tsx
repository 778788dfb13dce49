import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { DateTimeFields, useSubmission } from '../forms.js';
import { api, type CaseView, type OrganisationView, type StaffView } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { nowFields, toInstant } from '../format.js';
import { ROLE_LABELS } from '../labels.js';
import {
  Alert,
  Button,
  FormField,
  Heading,
  Paragraph,
  Select,
  Textarea,
  Textbox,
} from '../nl/index.js';

const ORGANISATION_KIND_LABELS: Record<string, string> = {
  'lokaal-team': 'lokaal team',
  aanbieder: 'aanbieder',
  gi: 'gecertificeerde instelling',
  gemeente: 'gemeente',
  huisartsenpraktijk: 'huisartsenpraktijk',
  expertteam: 'expertteam',
  crisisteam: 'crisisteam',
};

const FIELD_LABELS: Record<string, string> = {
  rol: 'Rol',
  houder: 'Wie krijgt de rol',
  organisatieId: 'Organisatie',
  medewerkerId: 'Professional',
  vanaf: 'Vanaf',
  reden: 'Reden',
  uitlegZonderRegistratie: 'Uitleg bij toedeling zonder registratie',
};

type Holder = 'gezin' | 'professional' | 'organisatie';

/**
 * Hand a regie role to the family, a professional or an organisation from a moment on. The
 * running holder's period ends then; the history stays on the case page.
 */
export function RoleForm({ casus }: { casus: CaseView }) {
  const client = useQueryClient();
  const initial = nowFields();
  const [rol, setRol] = useState('casusregie');
  const [houder, setHouder] = useState<Holder>('professional');
  const [organisatie, setOrganisatie] = useState('');
  const [medewerker, setMedewerker] = useState('');
  const [datum, setDatum] = useState(initial.date);
  const [tijd, setTijd] = useState(initial.time);
  const [reden, setReden] = useState('');
  const [uitleg, setUitleg] = useState('');
  const { errors, general, done, busy, run, field } = useSubmission(
    'Toewijzen lukte niet. Probeer het opnieuw.',
  );

  const organisations = useQuery({
    queryKey: ['organisaties', casus.regio],
    queryFn: () =>
      api<OrganisationView[]>('GET', `/organisaties?regio=${encodeURIComponent(casus.regio)}`),
    staleTime: 5 * 60_000,
  });
  const staff = useQuery({
    queryKey: ['medewerkers', organisatie],
    queryFn: () => api<StaffView[]>('GET', `/organisaties/${organisatie}/medewerkers`),
    enabled: houder === 'professional' && organisatie !== '',
    staleTime: 5 * 60_000,
  });

  const familyAllowed = rol === 'casusregie';
  const effectiveHolder: Holder = houder === 'gezin' && !familyAllowed ? 'professional' : houder;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const vanaf = toInstant(datum, tijd);
    if (!vanaf) found.vanaf = 'vul datum (dd-mm-jjjj) en tijd (uu:mm) in';
    if (effectiveHolder !== 'gezin' && !organisatie) found.organisatieId = 'kies de organisatie';
    if (effectiveHolder === 'professional' && !medewerker)
      found.medewerkerId = 'kies de professional';
    if (!reden.trim()) found.reden = 'geef de reden';
    await run(found, async () => {
      await api('POST', `/casussen/${casus.id}/rollen`, {
        rol,
        houder: effectiveHolder,
        medewerkerId: effectiveHolder === 'professional' ? medewerker : null,
        organisatieId: effectiveHolder === 'gezin' ? null : organisatie,
        vanaf,
        reden: reden.trim(),
        uitlegZonderRegistratie: uitleg.trim() || null,
      });
      await client.invalidateQueries({ queryKey: ['casus', casus.id] });
      void client.invalidateQueries({ queryKey: ['werkvoorraad'] });
      setReden('');
      setUitleg('');
      return `${ROLE_LABELS[rol] ?? rol} is toegewezen vanaf ${datum} ${tijd}.`;
    });
  }

  return (
    <section aria-labelledby="kop-toewijzen">
      <Heading level={2} id="kop-toewijzen">
        Regie toewijzen
      </Heading>
      <Paragraph>
        De huidige houder van dezelfde rol stopt op het gekozen moment; de geschiedenis blijft
        zichtbaar.
      </Paragraph>
      <ErrorSummary errors={errors} general={general} labelOf={(p) => FIELD_LABELS[p] ?? p} />
      {done && <Alert type="ok">{done}</Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
        <FormField label="Rol" {...field('rol')} required>
          {(w) => (
            <Select {...w} value={rol} onChange={(e) => setRol(e.target.value)}>
              {Object.entries(ROLE_LABELS).map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Wie krijgt de rol" {...field('houder')} required>
          {(w) => (
            <Select
              {...w}
              value={effectiveHolder}
              onChange={(e) => setHouder(e.target.value as Holder)}
            >
              {familyAllowed && <option value="gezin">Het gezin zelf</option>}
              <option value="professional">Een professional</option>
              <option value="organisatie">Een organisatie</option>
            </Select>
          )}
        </FormField>
        {effectiveHolder !== 'gezin' && (
          <FormField label="Organisatie" {...field('organisatieId')} required>
            {(w) => (
              <Select
                {...w}
                value={organisatie}
                onChange={(e) => {
                  setOrganisatie(e.target.value);
                  setMedewerker('');
                }}
              >
                <option value="">Kies…</option>
                {(organisations.data ?? []).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.naam} ({ORGANISATION_KIND_LABELS[o.soort] ?? o.soort})
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        )}
        {effectiveHolder === 'professional' && (
          <FormField label="Professional" {...field('medewerkerId')} required>
            {(w) => (
              <Select
                {...w}
                value={medewerker}
                disabled={!organisatie}
                onChange={(e) => setMedewerker(e.target.value)}
              >
                <option value="">{organisatie ? 'Kies…' : 'Kies eerst de organisatie'}</option>
                {(staff.data ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.naam} ({s.rollen.join(', ')})
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        )}
        <DateTimeFields
          dateLabel="Vanaf (datum)"
          timeLabel="Vanaf (tijd)"
          date={datum}
          time={tijd}
          onDate={setDatum}
          onTime={setTijd}
          {...field('vanaf')}
        />
        <FormField
          label="Reden"
          description="Bijvoorbeeld: triage, overdracht, crisis"
          {...field('reden')}
          required
        >
          {(w) => <Textbox {...w} value={reden} onChange={(e) => setReden(e.target.value)} />}
        </FormField>
        {rol === 'casusregie' && effectiveHolder === 'professional' && (
          <FormField
            label="Uitleg bij toedeling zonder registratie"
            description="Alleen nodig als de professional op die dag geen geldige SKJ- of BIG-registratie heeft: waarom krijgt deze professional toch de casusregie? (GRO-DEC-WERKTOEDELING, minstens 20 tekens)"
            {...field('uitlegZonderRegistratie')}
          >
            {(w) => (
              <Textarea
                {...w}
                rows={3}
                value={uitleg}
                onChange={(e) => setUitleg(e.target.value)}
              />
            )}
          </FormField>
        )}
        <Button type="submit" appearance="primary-action" disabled={busy}>
          Toewijzen
        </Button>
      </form>
    </section>
  );
}
