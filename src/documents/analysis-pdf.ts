/**
 * The analysis of a case as a PDF (issue 4 "Documents"): the immediate safety check, contact
 * with each child, the needs analysis with where each piece came from, the case
 * consultations, the risk assessment, the meldcode steps, the regie criteria and the triage
 * decision with any deviation from the rules' suggestion. The latest record of each kind, with
 * who recorded it and when; input is what the API presents.
 */
import {
  CO_SIGNAL_LABELS,
  CONTACT_LABELS,
  DEVELOPMENT_AREAS,
  MELDCODE_DECISIONS,
  MELDCODE_STEPS,
  REGIE_CRITERIA,
  RISK_OUTCOMES,
  SAFETY_OUTCOMES,
  TRIAGE_FIELD_LABELS,
  TRIAGE_OUTCOME_LABELS,
} from './analysis-words.js';
import { Document, dutchDate } from './pdf-layout.js';
import { RESULT_AREA_LABELS } from './plan-words.js';

export interface AnalysisRecord {
  readonly soort: string;
  readonly inhoud: Readonly<Record<string, unknown>>;
  readonly op: string;
  readonly door: string;
}

export interface AnalysisDocument {
  readonly gezin: string;
  readonly regio: string;
  readonly route: string;
  readonly personen: readonly {
    readonly id: string;
    readonly naam: string;
    readonly soort: string;
    readonly geboortedatum: string | null;
  }[];
  /** Every record, oldest first. */
  readonly geschiedenis: readonly AnalysisRecord[];
  /** Per child what contact its age asks for (ZTM-DEC-CHILD-CONTACT) and whether it happened. */
  readonly kindcontact: readonly {
    readonly naam: string;
    readonly vereist: string | null;
    readonly voldaan: boolean;
  }[];
  readonly gemaaktOp: Date;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const label = (pairs: readonly (readonly [string, string])[], value: unknown): string =>
  pairs.find(([v]) => v === value)?.[1] ?? String(value ?? '');
const recorded = (r: AnalysisRecord) => `Vastgelegd op ${dutchDate(r.op)} door ${r.door}.`;

/** A sourced text as "text (bron: ouder)". */
function sourced(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  const v = value as { tekst?: unknown; bron?: unknown };
  const body = text(v.tekst);
  return body ? `${body} (bron: ${text(v.bron)})` : '';
}

export function renderAnalysisPdf(input: AnalysisDocument): Promise<Buffer> {
  const doc = new Document({
    title: `Analyse en veiligheid – ${input.gezin}`,
    subject: `Vraaganalyse, veiligheid en triage van ${input.gezin}`,
    author: 'casusregie',
    footer: `Analyse en veiligheid – ${input.gezin}`,
  });
  const latest = (kind: string) => input.geschiedenis.filter((r) => r.soort === kind).at(-1);
  const all = (kind: string) => input.geschiedenis.filter((r) => r.soort === kind);

  doc.title('Analyse en veiligheid', input.gezin);
  doc.facts([
    ['Regio', input.regio],
    ['Route', input.route],
    [
      'Kinderen',
      input.personen
        .filter((p) => p.soort === 'jeugdige')
        .map((p) => `${p.naam}${p.geboortedatum ? ` (geboren ${dutchDate(p.geboortedatum)})` : ''}`)
        .join(', '),
    ],
    ['Afgedrukt op', dutchDate(input.gemaaktOp.toISOString())],
  ]);

  doc.heading('Veiligheid direct bij de start');
  const check = latest('veiligheidscheck');
  if (!check) doc.note('Nog niet vastgelegd.');
  else {
    doc.field('Uitkomst', SAFETY_OUTCOMES[text(check.inhoud['uitkomst'])] ?? '');
    doc.field('Toelichting', text(check.inhoud['toelichting']));
    const crisis = check.inhoud['crisisteam'] as { gebeldOp?: string; met?: string } | undefined;
    if (crisis)
      doc.field('Crisisteam', `Gebeld op ${dutchDate(crisis.gebeldOp)} met ${crisis.met ?? ''}`);
    doc.note(recorded(check));
  }

  doc.heading('Contact met de kinderen');
  doc.paragraph('Wat de leeftijd van elk kind vraagt volgt regel ZTM-DEC-CHILD-CONTACT.');
  doc.list(
    input.kindcontact.map(
      (c) =>
        `${c.naam}: ${c.vereist ? (CONTACT_LABELS[c.vereist] ?? c.vereist).toLowerCase() : 'onbekend'} – ${c.voldaan ? 'gedaan' : 'nog niet gedaan'}`,
    ),
  );

  doc.heading('Vraaganalyse');
  const analysis = latest('vraaganalyse');
  if (!analysis) doc.note('Nog niet vastgelegd.');
  else {
    const a = analysis.inhoud;
    const development =
      (a['ontwikkeling'] as
        { jeugdigeId: string; gebied: string; tekst: string; bron: string }[] | undefined) ?? [];
    for (const child of input.personen.filter((p) => p.soort === 'jeugdige')) {
      const own = development.filter((d) => d.jeugdigeId === child.id);
      if (own.length === 0) continue;
      doc.subheading(`Ontwikkeling van ${child.naam}`);
      for (const d of own)
        doc.field(label(DEVELOPMENT_AREAS, d.gebied), `${d.tekst} (bron: ${d.bron})`);
    }
    doc.field('Opvoedvaardigheden van de ouders', sourced(a['opvoedvaardigheden']));
    doc.field('Gezin en omgeving', sourced(a['gezinEnOmgeving']));
    doc.field('Krachten', sourced(a['krachten']));
    doc.field('Zorgen', sourced(a['zorgen']));
    doc.field('De vraag achter de vraag', text(a['vraagAchterDeVraag']));
    const network =
      (a['netwerk'] as { naam: string; relatie: string; kanBijdragen: string }[] | undefined) ?? [];
    doc.subheading('Netwerk');
    if (network.length === 0) doc.note('Geen netwerk vastgelegd.');
    else
      doc.list(
        network.map(
          (n) =>
            `${n.naam}${n.relatie ? ` (${n.relatie})` : ''}${n.kanBijdragen ? `: ${n.kanBijdragen}` : ''}`,
        ),
      );
    const history =
      (a['geschiedenis'] as
        { periode: string; wat: string; doel?: string; resultaat?: string }[] | undefined) ?? [];
    doc.subheading('Geschiedenis en eerdere hulp');
    if (history.length === 0) doc.note('Geen eerdere hulp vastgelegd.');
    else
      doc.list(
        history.map(
          (h) =>
            `${h.periode ? `${h.periode}: ` : ''}${h.wat}${h.doel ? `; doel: ${h.doel}` : ''}${h.resultaat ? `; resultaat: ${h.resultaat}` : ''}`,
        ),
      );
    doc.field(
      'Leefgebieden met problemen',
      ((a['leefgebieden'] as string[] | undefined) ?? [])
        .map((d) => RESULT_AREA_LABELS[d] ?? d)
        .join(', '),
    );
    doc.field('Staat het gezin achter de hulp?', a['gezinStaatAchterHulp'] === true ? 'Ja' : 'Nee');
    doc.field(
      'Kan het gezin de casusregie zelf voeren?',
      a['gezinKanRegieVoeren'] === true ? 'Ja' : 'Nee',
    );
    doc.field(
      'Signalen voor het casuïstiekoverleg',
      ((a['coSignalen'] as string[] | undefined) ?? [])
        .map((s) => label(CO_SIGNAL_LABELS, s))
        .join('; '),
    );
    doc.note(recorded(analysis));
  }

  const consultations = all('co-overleg');
  if (consultations.length > 0) {
    doc.heading('Casuïstiekoverleg');
    for (const c of consultations) {
      doc.subheading(`${dutchDate(c.op)} met ${text(c.inhoud['gedragswetenschapper'])}`);
      doc.field(
        'Besproken signalen',
        ((c.inhoud['signalen'] as string[] | undefined) ?? [])
          .map((s) => label(CO_SIGNAL_LABELS, s))
          .join('; '),
      );
      doc.field(
        'Besluit',
        `${text(c.inhoud['besluit'])}${c.inhoud['nietHandelen'] === true ? ' (besluit om niet te handelen)' : ''}`,
      );
      doc.field('Overwegingen', text(c.inhoud['overwegingen']));
    }
  }

  doc.heading('Risicotaxatie');
  const risk = latest('risicotaxatie');
  if (!risk) doc.note('Nog niet vastgelegd.');
  else {
    doc.field('Uitkomst', RISK_OUTCOMES[text(risk.inhoud['uitkomst'])] ?? '');
    doc.field('Instrument of methode', text(risk.inhoud['instrument']));
    doc.field('Toelichting', text(risk.inhoud['toelichting']));
    doc.note(recorded(risk));
  }

  const meldcode = all('meldcode');
  if (meldcode.length > 0) {
    doc.heading('Meldcode huiselijk geweld en kindermishandeling');
    for (const [step, stepLabel] of MELDCODE_STEPS) {
      const done = meldcode.filter((m) => m.inhoud['stap'] === step).at(-1);
      const decision = done?.inhoud['besluit'];
      doc.field(
        stepLabel,
        done
          ? `${dutchDate(text(done.inhoud['op']))}: ${text(done.inhoud['overweging'])}${decision ? ` (besluit: ${label(MELDCODE_DECISIONS, decision)})` : ''}`
          : '',
      );
    }
  }

  doc.heading('Zwaarte van de regie: criteria');
  const criteria = latest('regiecriteria');
  if (!criteria) doc.note('Nog niet vastgelegd.');
  else {
    for (const c of REGIE_CRITERIA) doc.field(c.label, label(c.options, criteria.inhoud[c.key]));
    doc.field(
      'Stapeling van problemen of hulp',
      criteria.inhoud['stapeling'] === true ? 'Ja' : 'Nee',
    );
    doc.field('Aantal betrokken aanbieders', String(criteria.inhoud['aanbieders'] ?? ''));
    doc.note(recorded(criteria));
  }

  doc.heading('Triage');
  const triage = latest('triage');
  if (!triage) doc.note('Nog geen triagebesluit.');
  else {
    for (const field of Object.keys(TRIAGE_OUTCOME_LABELS)) {
      const chosen = text(triage.inhoud[field]);
      doc.field(
        TRIAGE_FIELD_LABELS[field] ?? field,
        TRIAGE_OUTCOME_LABELS[field]?.[chosen] ?? chosen,
      );
    }
    const deviations =
      (triage.inhoud['afwijkingen'] as
        { veld: string; regel: string; voorstel: string }[] | undefined) ?? [];
    if (deviations.length > 0) {
      doc.field(
        'Afwijking van het voorstel',
        deviations
          .map(
            (d) =>
              `${TRIAGE_FIELD_LABELS[d.veld] ?? d.veld}: voorstel ${TRIAGE_OUTCOME_LABELS[d.veld]?.[d.voorstel] ?? d.voorstel} (${d.regel})`,
          )
          .join('; '),
      );
      doc.field('Motivatie', text(triage.inhoud['motivatie']));
    } else doc.paragraph('Het besluit volgt de voorstellen van de regels.');
    doc.note(recorded(triage));
  }

  return doc.finish();
}
