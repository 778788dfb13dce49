/**
 * Working notes on the case page (werkaantekeningen, ZTM; ADR 0018): the signed-in professional's
 * own notes. Clearly marked as private and outside the record: nobody else sees them, and they
 * appear in no timeline, PDF or export. The author writes, changes and deletes them here.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { WORKING_NOTE_LABEL } from '../../domain/privacy/working-notes.js';
import { api, type CaseView } from '../api.js';
import { ErrorSummary, type FieldErrors } from '../errors.js';
import { useSubmission } from '../forms.js';
import { formatDateTime } from '../format.js';
import { Alert, Button, FormField, Heading, Paragraph, Textarea } from '../nl/index.js';

interface Note {
  id: string;
  tekst: string;
  gemaaktOp: string;
  gewijzigdOp: string;
}

const labelOf = (p: string) => (p === 'tekst' ? 'Aantekening' : p);

function useRefresh(caseId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['werkaantekeningen', caseId] });
}

export function WorkingNotesSection({ casus }: { casus: CaseView }) {
  const notes = useQuery({
    queryKey: ['werkaantekeningen', casus.id],
    queryFn: () =>
      api<{ werkaantekeningen: Note[] }>('GET', `/casussen/${casus.id}/werkaantekeningen`),
  });
  if (!notes.data) return null;
  return (
    <section aria-labelledby="kop-werkaantekeningen">
      <Heading level={2} id="kop-werkaantekeningen">
        Mijn werkaantekeningen
      </Heading>
      <Alert type="info">
        <Paragraph>
          <strong>{WORKING_NOTE_LABEL}.</strong> Collega&apos;s, de teamleider en het gezin zien ze
          niet; ze staan niet in de tijdlijn, een PDF of een inzageverzoek.
        </Paragraph>
      </Alert>
      {notes.data.werkaantekeningen.length === 0 ? (
        <Paragraph>U heeft bij deze casus geen werkaantekeningen.</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {notes.data.werkaantekeningen.map((n) => (
            <li key={n.id} className="utrecht-unordered-list__item">
              <OneNote casus={casus} note={n} />
            </li>
          ))}
        </ul>
      )}
      <NewNote casus={casus} />
    </section>
  );
}

function OneNote({ casus, note }: { casus: CaseView; note: Note }) {
  const refresh = useRefresh(casus.id);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.tekst);
  const s = useSubmission('Opslaan lukte niet. Probeer het opnieuw.', `notitie-${note.id}`);
  async function save(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!text.trim()) found['tekst'] = 'schrijf de aantekening';
    await s.run(found, async () => {
      await api('PUT', `/werkaantekeningen/${note.id}`, { tekst: text });
      await refresh();
      setEditing(false);
      return null;
    });
  }
  async function remove() {
    await s.run({}, async () => {
      await api('DELETE', `/werkaantekeningen/${note.id}`);
      await refresh();
      return null;
    });
  }
  if (!editing)
    return (
      <>
        <Paragraph>{note.tekst}</Paragraph>
        <Paragraph>
          <span className="bron">
            {formatDateTime(note.gemaaktOp)}
            {note.gewijzigdOp !== note.gemaaktOp
              ? `, gewijzigd ${formatDateTime(note.gewijzigdOp)}`
              : ''}
          </span>{' '}
          <Button type="button" onClick={() => setEditing(true)}>
            Wijzigen
          </Button>{' '}
          <Button type="button" onClick={() => void remove()} disabled={s.busy}>
            Verwijderen
          </Button>
        </Paragraph>
      </>
    );
  return (
    <form onSubmit={(e) => void save(e)} noValidate className="formulier">
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      <FormField label="Aantekening wijzigen" {...s.field('tekst')} required>
        {(w) => <Textarea {...w} value={text} onChange={(e) => setText(e.target.value)} />}
      </FormField>
      <Button type="submit" disabled={s.busy}>
        Opslaan
      </Button>{' '}
      <Button type="button" onClick={() => setEditing(false)}>
        Annuleren
      </Button>
    </form>
  );
}

function NewNote({ casus }: { casus: CaseView }) {
  const refresh = useRefresh(casus.id);
  const [text, setText] = useState('');
  const s = useSubmission('Opslaan lukte niet. Probeer het opnieuw.', 'werkaantekening');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!text.trim()) found['tekst'] = 'schrijf de aantekening';
    await s.run(found, async () => {
      await api('POST', `/casussen/${casus.id}/werkaantekeningen`, { tekst: text });
      await refresh();
      setText('');
      return 'De werkaantekening is opgeslagen. Alleen u ziet haar.';
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="formulier">
      <Heading level={3}>Nieuwe werkaantekening</Heading>
      <ErrorSummary errors={s.errors} general={s.general} scope={s.scope} labelOf={labelOf} />
      {s.done && <Alert type="ok">{s.done}</Alert>}
      <FormField label="Aantekening" {...s.field('tekst')} required>
        {(w) => <Textarea {...w} value={text} onChange={(e) => setText(e.target.value)} />}
      </FormField>
      <Button type="submit" disabled={s.busy}>
        Opslaan
      </Button>
    </form>
  );
}
