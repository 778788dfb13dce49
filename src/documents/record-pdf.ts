/**
 * The record as a PDF for the family (Jeugdwet 7.3.10; ADR 0019): the same content as the JSON
 * export — household, roles over time, timeline, plan versions, assessments, evaluations,
 * reports, handovers, closure and who read the record — with the notice that something was
 * withheld when it was (never what). Working notes are not part of the record and not here.
 */
import type { RecordExport } from '../domain/privacy/record.js';
import { PLAN_LABELS } from './plan-words.js';
import { Document, dutchDate } from './pdf-layout.js';

const PERSON_KINDS: Readonly<Record<string, string>> = {
  jeugdige: 'jeugdige',
  ouder: 'ouder',
  gezagsdrager: 'gezagsdrager',
  voogd: 'voogd',
};

/** Structured content (JSON) as readable lines: "sleutel: waarde", nested with a path. */
function lines(value: unknown, prefix = ''): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value))
    return value.flatMap((v, i) => lines(v, prefix ? `${prefix} ${i + 1}` : `${i + 1}`));
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      lines(v, prefix ? `${prefix} – ${k}` : k),
    );
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return [prefix ? `${prefix}: ${text}` : text];
}

export function renderRecordPdf(record: RecordExport): Promise<Buffer> {
  const family = record.gezin.naam;
  const doc = new Document({
    title: `Dossier – ${family}`,
    subject: `Afschrift van het dossier van ${family}`,
    author: 'casusregie',
    footer: `Afschrift dossier – ${family}`,
  });

  doc.title('Afschrift van het dossier', family);
  doc.facts([
    ['Gevraagd door', `${record.verzoek.verzoeker.naam} (${record.verzoek.verzoeker.soort})`],
    ['Verzoek ontvangen op', dutchDate(record.verzoek.ontvangenOp)],
    ['Gemaakt op', dutchDate(record.gemaaktOp)],
    ['Casus', `${record.casus.id} – regio ${record.casus.regio}, route ${record.casus.route}`],
    ['Aangemeld op', dutchDate(record.casus.aangemeldOp)],
    [
      'Afgesloten op',
      record.casus.afgeslotenOp ? dutchDate(record.casus.afgeslotenOp) : 'nog open',
    ],
  ]);
  doc.note(
    `Inzage en afschrift op grond van Jeugdwet artikel 7.3.10. Hetzelfde dossier bestaat als machineleesbaar bestand (formaat ${record.formaat}, versie ${record.versie}).`,
  );
  if (record.achtergehouden.iets && record.achtergehouden.toelichting) {
    doc.heading('Niet opgenomen');
    doc.paragraph(record.achtergehouden.toelichting);
  }

  doc.heading('Het gezin');
  doc.list(
    record.gezin.personen.map(
      (p) =>
        `${p.naam} (${PERSON_KINDS[p.soort] ?? p.soort})${p.geboortedatum ? `, geboren ${dutchDate(p.geboortedatum)}` : ''}`,
    ),
  );

  doc.heading('Rollen');
  if (record.rollen.length === 0) doc.note('Er zijn geen rollen vastgelegd.');
  else
    doc.list(
      record.rollen.map(
        (r) =>
          `${r.rol}: ${r.medewerker ?? r.organisatie ?? r.houder}${r.medewerker && r.organisatie ? ` (${r.organisatie})` : ''}, van ${dutchDate(r.vanaf)}${r.tot ? ` tot ${dutchDate(r.tot)}` : ''}${r.reden ? ` – ${r.reden}` : ''}`,
      ),
    );

  doc.heading('Tijdlijn');
  if (record.tijdlijn.length === 0) doc.note('De tijdlijn is leeg.');
  else
    doc.list(
      record.tijdlijn.map(
        (e) =>
          `${dutchDate(e.op)} – ${e.type}${e.soort ? ` (${e.soort})` : ''}${e.datum ? `, ${dutchDate(e.datum)}` : ''}${e.notitie ? `: ${e.notitie}` : ''}`,
      ),
    );

  doc.heading('Plannen');
  if (record.plannen.length === 0) doc.note('Er zijn geen plannen.');
  for (const plan of record.plannen)
    for (const v of plan.versies) {
      doc.subheading(`${PLAN_LABELS[plan.soort] ?? plan.soort}, versie ${v.versie} (${v.status})`);
      doc.field('Ingangsdatum', dutchDate(v.ingangsdatum));
      const content = lines(v.inhoud);
      if (content.length > 0) doc.list(content);
    }

  const items = (title: string, empty: string, list: RecordExport['beoordelingen']) => {
    doc.heading(title);
    if (list.length === 0) doc.note(empty);
    for (const item of list) {
      doc.subheading(`${dutchDate(item.op)} – ${item.soort}`);
      const content = lines(item.inhoud);
      if (content.length > 0) doc.list(content);
    }
  };
  items('Beoordelingen', 'Er zijn geen beoordelingen.', record.beoordelingen);
  items('Evaluaties', 'Er zijn geen evaluaties.', record.evaluaties);
  items('Verslagen van aanbieders', 'Er zijn geen verslagen.', record.verslagen);

  doc.heading('Overdrachten van casusregie');
  if (record.overdrachten.length === 0) doc.note('Er zijn geen overdrachten.');
  for (const h of record.overdrachten) {
    doc.subheading(`${dutchDate(h.gestartOp)} – ${h.status}`);
    doc.field('Reden', h.reden);
    if (h.gesprekken.length > 0)
      doc.list(h.gesprekken.map((g) => `${dutchDate(g.gehoudenOp)}: ${g.samenvatting}`));
  }

  doc.heading('Afsluiting');
  const closure = lines(record.afsluiting);
  if (closure.length === 0) doc.note('De casus is niet afgesloten.');
  else doc.list(closure);

  doc.heading('Wie het dossier inzag of wijzigde');
  if (record.toegangslog.length === 0) doc.note('Er is niets vastgelegd.');
  else
    doc.list(
      record.toegangslog.map(
        (a) =>
          `${dutchDate(a.op)} – ${a.medewerker ?? 'systeem'}${a.organisatie ? ` (${a.organisatie})` : ''}: ${a.handeling}`,
      ),
    );

  return doc.finish();
}
