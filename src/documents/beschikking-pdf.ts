/**
 * The decision letter (beschikking) on youth help, for the family (GRO-DEC-BESCHIKKING): the
 * municipality gives one when the family and the professional disagree, with a personal
 * budget, or when the family asks. It says what is granted (product, period, extent), on which
 * legal basis, and how to object and appeal. The wording is ours; the legal facts are from the
 * Jeugdwet (art. 2.3: the municipality decides on an individual service) and the Algemene wet
 * bestuursrecht (objection within six weeks, art. 6:7; provisional relief, art. 8:81).
 */
import { Document, dutchDate } from './pdf-layout.js';

export const BESCHIKKING_REASONS = {
  oneens: 'de jeugdige of ouders en de professional het niet eens zijn over de hulp',
  pgb: 'de hulp met een persoonsgebonden budget (pgb) wordt ingekocht',
  verzoek: 'u om een beschikking hebt gevraagd',
} as const;
export type BeschikkingReason = keyof typeof BESCHIKKING_REASONS;

export interface BeschikkingInput {
  readonly municipality: string;
  readonly region: string;
  /** Reference of the letter (the allocation numbers). */
  readonly reference: string;
  readonly date: Date;
  readonly child: { readonly name: string; readonly birthDate: string | null };
  readonly addressees: readonly string[];
  readonly reason: BeschikkingReason;
  readonly provider: string;
  readonly products: readonly {
    readonly number: string;
    readonly code: string;
    readonly name: string;
    readonly start: string;
    readonly end: string | null;
    readonly extent: string;
  }[];
}

export function renderBeschikkingPdf(input: BeschikkingInput): Promise<Buffer> {
  const doc = new Document({
    title: `Beschikking jeugdhulp – ${input.child.name}`,
    subject: `Besluit over jeugdhulp voor ${input.child.name}`,
    author: input.municipality,
    footer: `${input.municipality} – beschikking ${input.reference}`,
  });
  doc.title('Beschikking jeugdhulp', input.municipality);
  doc.facts([
    ['Datum', dutchDate(input.date.toISOString())],
    ['Kenmerk', input.reference],
    [
      'Aan',
      input.addressees.length > 0
        ? input.addressees.join(', ')
        : `de ouders of gezaghebbers van ${input.child.name}`,
    ],
    [
      'Over',
      `${input.child.name}${input.child.birthDate ? `, geboren ${dutchDate(input.child.birthDate)}` : ''}`,
    ],
  ]);

  doc.heading('Ons besluit');
  doc.paragraph(
    `Wij kennen ${input.child.name} de jeugdhulp hieronder toe, te leveren door ${input.provider}. U krijgt deze beschikking omdat ${BESCHIKKING_REASONS[input.reason]}.`,
  );
  for (const p of input.products) {
    doc.subheading(`${p.name} (productcode ${p.code})`);
    doc.field('Toewijzingsnummer', p.number);
    doc.field(
      'Periode',
      `${dutchDate(p.start)} tot en met ${p.end ? dutchDate(p.end) : 'nader te bepalen'}`,
    );
    doc.field('Omvang', p.extent);
  }

  doc.heading('Waarop dit besluit rust');
  doc.paragraph(
    'De gemeente beslist over een individuele voorziening op grond van artikel 2.3 van de Jeugdwet, na onderzoek naar wat nodig is en wat u en uw netwerk zelf kunnen. Het ondersteuningsplan of hulpverleningsplan beschrijft de doelen van de hulp.',
  );

  doc.heading('Bent u het niet eens met dit besluit?');
  doc.paragraph(
    'Dan kunt u bezwaar maken. Doe dat binnen zes weken na de datum van deze brief (artikel 6:7 van de Algemene wet bestuursrecht). Stuur een brief aan het college van burgemeester en wethouders met uw naam en adres, de datum, het kenmerk van deze beschikking, waarom u het er niet mee eens bent, en uw handtekening.',
  );
  doc.paragraph(
    'Is het dringend? Dan kunt u de voorzieningenrechter van de rechtbank vragen om een voorlopige voorziening (artikel 8:81 van de Algemene wet bestuursrecht). Daarvoor moet u wel bezwaar hebben gemaakt.',
  );
  doc.paragraph(
    'Liever eerst praten? Neem contact op met uw casusregisseur of met de gemeente; vaak is een oplossing samen te vinden. De termijn voor bezwaar loopt dan wel door.',
  );

  doc.heading('Ondertekening');
  doc.paragraph(`Namens het college van burgemeester en wethouders van ${input.municipality},`);
  doc.signatureLine('Gemandateerd medewerker jeugd', input.region);
  return doc.finish();
}
