/**
 * A plan version as a PDF for the family and the record (issue 4): the sections its kind has
 * (DOMAIN.md section 5) with every empty one marked, the SMART goals with owner, target date
 * and progress, the casusregie agreements (LEK), the future domains of a toekomstplan, the
 * bottom lines of a veiligheidsplan, the family's network and agreements of a familiegroepsplan
 * (ADR 0026), who signed how and when (ZTM-DEC-SIGN) and what changed since the previous
 * version. Input is the plan as the API presents it.
 */
import {
  AGREEMENTS,
  FUTURE_DOMAIN_LABELS,
  GOAL_OWNER_LABELS,
  GOAL_PROGRESS_LABELS,
  PLAN_LABELS,
  PLAN_SECTIONS,
  PLAN_STATUS_LABELS,
  RESULT_AREA_LABELS,
  SIGNING_METHOD_LABELS,
  WITH_AGREEMENTS,
} from './plan-words.js';
import { Document, dutchDate } from './pdf-layout.js';

export interface PlanDocumentGoal {
  readonly resultaatgebied: string;
  readonly omschrijving: string;
  readonly meetbaarResultaat: string;
  readonly eigenaar: { readonly soort: string; readonly naam: string };
  readonly streefdatum: string;
  readonly voortgang: string;
}

export interface PlanDocumentVersion {
  readonly versie: number;
  readonly status: string;
  readonly ingangsdatum: string;
  readonly vastgesteldOp: string | null;
  readonly inhoud: Readonly<Record<string, unknown>> & {
    readonly doelen?: readonly PlanDocumentGoal[];
    readonly afsprakenCasusregie?: Readonly<Record<string, string>>;
    readonly toekomstdomeinen?: Readonly<Record<string, string>>;
    readonly bodemeisen?: readonly { readonly eis: string; readonly wie: string }[];
    /** familiegroepsplan: people outside the household and how they help. */
    readonly netwerk?: readonly { readonly naam: string; readonly steun: string }[];
    /** familiegroepsplan: the family's agreements, who does what by when. */
    readonly afspraken?: readonly {
      readonly id?: string;
      readonly wat: string;
      readonly wie: string;
      readonly wanneer: string;
    }[];
    readonly voorgesteldArrangement?: {
      readonly resultaatgebieden: readonly string[];
      readonly intensiteit: string;
      readonly duur: string;
      readonly onderbouwing: string;
    };
  };
  readonly handtekeningen: readonly {
    readonly naam: string;
    readonly op: string;
    readonly methode: string;
    readonly geldig: boolean;
  }[];
  readonly ondertekening: {
    readonly regel: string;
    readonly nodig: readonly {
      readonly persoonId: string;
      readonly naam: string;
      readonly reden: string;
    }[];
    readonly ontbreekt: readonly string[];
  } | null;
  readonly wijzigingen: readonly {
    readonly wat: string;
    readonly was: string | null;
    readonly wordt: string | null;
  }[];
}

export interface PlanDocument {
  readonly gezin: string;
  readonly soort: string;
  /** The young person the plan is about (toekomstplan), by name. */
  readonly jeugdige: string | null;
  readonly versie: PlanDocumentVersion;
  /** The newest version number, to say when this one was replaced. */
  readonly laatsteVersie: number;
  /** When the document was made. */
  readonly gemaaktOp: Date;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function renderPlanPdf(plan: PlanDocument): Promise<Buffer> {
  const kind = PLAN_LABELS[plan.soort] ?? plan.soort;
  const v = plan.versie;
  const doc = new Document({
    title: `${kind} – ${plan.gezin}, versie ${v.versie}`,
    subject: `${kind} van ${plan.gezin}`,
    author: 'casusregie',
    footer: `${kind} – ${plan.gezin} – versie ${v.versie}`,
  });

  doc.title(kind, plan.jeugdige ? `${plan.gezin} – voor ${plan.jeugdige}` : plan.gezin);
  doc.facts([
    ['Versie', `${v.versie} (${PLAN_STATUS_LABELS[v.status] ?? v.status})`],
    ['Ingangsdatum', dutchDate(v.ingangsdatum)],
    ['Vastgesteld op', v.vastgesteldOp ? dutchDate(v.vastgesteldOp) : 'nog niet vastgesteld'],
    ['Afgedrukt op', dutchDate(plan.gemaaktOp.toISOString())],
  ]);
  if (v.status === 'concept')
    doc.note('Dit is een concept: het plan geldt pas als het is ondertekend en vastgesteld.');
  else if (v.status === 'vervangen')
    doc.note(
      `Deze versie is vervangen; versie ${plan.laatsteVersie} is de nieuwste. Een vastgestelde versie verandert niet meer.`,
    );
  else if (plan.laatsteVersie > v.versie)
    doc.note(
      `Versie ${plan.laatsteVersie} wordt nu gemaakt; tot die is vastgesteld, geldt deze versie.`,
    );

  const inhoud = v.inhoud;
  doc.heading('Inhoud van het plan');
  for (const section of PLAN_SECTIONS[plan.soort] ?? [])
    doc.field(section.label, text(inhoud[section.key]));

  const goals = inhoud.doelen ?? [];
  if (plan.soort !== 'veiligheidsplan' || goals.length > 0) {
    doc.heading('Doelen');
    if (goals.length === 0) doc.note('Er zijn nog geen doelen.');
    goals.forEach((g, i) => {
      doc.subheading(
        `Doel ${i + 1}: ${RESULT_AREA_LABELS[g.resultaatgebied] ?? g.resultaatgebied}`,
      );
      doc.field('Wat er verandert', g.omschrijving);
      doc.field('Waaraan we zien dat het bereikt is', g.meetbaarResultaat);
      doc.field(
        'Wie eraan werkt',
        `${g.eigenaar.naam} (${GOAL_OWNER_LABELS[g.eigenaar.soort] ?? g.eigenaar.soort})`,
      );
      doc.field('Streefdatum', dutchDate(g.streefdatum));
      doc.field('Voortgang', GOAL_PROGRESS_LABELS[g.voortgang] ?? g.voortgang);
    });
  }

  const proposal = inhoud.voorgesteldArrangement;
  if (proposal) {
    doc.heading('Voorgesteld arrangement');
    doc.note('De aanbieder stelt dit arrangement voor; de gemeente beslist erover.');
    doc.field(
      'Resultaatgebieden',
      proposal.resultaatgebieden.map((a) => RESULT_AREA_LABELS[a] ?? a).join(', '),
    );
    doc.field('Intensiteit', proposal.intensiteit);
    doc.field('Duur', proposal.duur);
    doc.field('Waarom dit arrangement past', proposal.onderbouwing);
  }

  if (plan.soort === 'veiligheidsplan') {
    doc.heading('Bodemeisen en wie erop let');
    const lines = inhoud.bodemeisen ?? [];
    if (lines.length === 0) doc.note('Er zijn nog geen bodemeisen.');
    else doc.list(lines.map((l) => `${l.eis} (let erop: ${l.wie})`));
  }

  if (plan.soort === 'toekomstplan') {
    doc.heading('Op weg naar 18: per onderwerp');
    for (const d of FUTURE_DOMAIN_LABELS) doc.field(d.label, inhoud.toekomstdomeinen?.[d.key]);
  }

  if (plan.soort === 'familiegroepsplan') {
    doc.heading('Netwerk en afspraken van het gezin');
    doc.note('Dit deel schrijft het gezin zelf, in het gezinsportaal.');
    const network = inhoud.netwerk ?? [];
    doc.subheading('Netwerk');
    if (network.length === 0) doc.note('Er is nog geen netwerk opgeschreven.');
    else doc.list(network.map((m) => `${m.naam}: ${m.steun}`));
    const agreements = inhoud.afspraken ?? [];
    doc.subheading('Afspraken');
    if (agreements.length === 0) doc.note('Er zijn nog geen afspraken opgeschreven.');
    else
      doc.list(
        agreements.map(
          (a) => `${a.wat} (wie: ${a.wie}${a.wanneer ? `; klaar op ${dutchDate(a.wanneer)}` : ''})`,
        ),
      );
  }

  if (WITH_AGREEMENTS.includes(plan.soort)) {
    doc.heading('Afspraken over de casusregie');
    for (const a of AGREEMENTS) doc.field(a.label, inhoud.afsprakenCasusregie?.[a.key]);
  }

  doc.heading('Ondertekening');
  const valid = v.handtekeningen.filter((h) => h.geldig);
  if (valid.length > 0)
    doc.list(
      valid.map(
        (h) =>
          `${h.naam} heeft ondertekend op ${dutchDate(h.op)} (${SIGNING_METHOD_LABELS[h.methode] ?? h.methode})`,
      ),
    );
  else doc.note('Nog niemand heeft deze versie ondertekend.');
  if (v.ondertekening) {
    const signing = v.ondertekening;
    doc.paragraph(
      `Wie tekent volgt regel ${signing.regel}: de ouders of gezagsdragers, en de jeugdige vanaf 12 jaar.`,
    );
    const missing = signing.nodig.filter((n) => signing.ontbreekt.includes(n.persoonId));
    for (const person of missing) doc.signatureLine(person.naam, person.reden);
  }

  if (v.wijzigingen.length > 0) {
    doc.heading(`Wat er veranderd is ten opzichte van versie ${v.versie - 1}`);
    doc.list(
      v.wijzigingen.map(
        (c) =>
          `${c.wat}: ${c.was === null ? 'nieuw' : `was "${c.was}"`}${c.wordt === null ? ', vervallen' : `, wordt "${c.wordt}"`}`,
      ),
    );
  }

  return doc.finish();
}
