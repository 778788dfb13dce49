/**
 * Reasons a provider gives when care stops (RedenBeeindiging, codelist JZ588 of iJw 3.2, in the
 * stop message JW307), in the product's own words, with the ending they point to (DOMAIN.md
 * section 4 step 3). The timeline and the closure show these instead of a bare code.
 */

export type StopEnding =
  | 'volgens-plan'
  | 'door-gezin'
  | 'door-aanbieder'
  | 'in-overleg'
  | 'extern'
  | 'door-gemeente'
  | 'wijziging'
  | 'andere-aanbieder'
  | 'ander-domein'
  | 'tijdelijk'
  | 'overlijden';

interface StopReason {
  readonly label: string;
  readonly ending: StopEnding;
}

const JZ588: Readonly<Record<string, StopReason>> = {
  '02': { label: 'de jeugdige is overleden', ending: 'overlijden' },
  '20': {
    label: 'de hulp is tijdelijk gestopt en wordt naar verwachting hervat',
    ending: 'tijdelijk',
  },
  '31': { label: 'de hulp is afgerond zoals gepland', ending: 'volgens-plan' },
  '32': { label: 'de jeugdige of het gezin is eerder gestopt', ending: 'door-gezin' },
  '33': { label: 'de aanbieder is eerder gestopt', ending: 'door-aanbieder' },
  '34': { label: 'gezin en aanbieder zijn samen eerder gestopt', ending: 'in-overleg' },
  '35': { label: 'eerder gestopt door omstandigheden (zoals een verhuizing)', ending: 'extern' },
  '36': { label: 'de gemeente heeft de toewijzing beëindigd', ending: 'door-gemeente' },
  '37': { label: 'gestopt na een verzoek om de toewijzing te wijzigen', ending: 'wijziging' },
  '38': { label: 'de jeugdige gaat naar een andere aanbieder', ending: 'andere-aanbieder' },
  '39': {
    label: 'de hulp gaat verder onder een andere wet (Wmo, Wlz of Zvw)',
    ending: 'ander-domein',
  },
};

/** The reason in words, or null for a code outside JZ588 (the XSD check refuses those first). */
export function stopReason(code: string | null): StopReason | null {
  return code === null ? null : (JZ588[code] ?? null);
}

/** How the timeline names a stop: the words and, for traceability, the code. */
export function stopReasonText(code: string | null): string {
  const reason = stopReason(code);
  if (code === null || code === '') return 'zonder reden';
  return reason === null ? `reden ${code} (JZ588)` : `${reason.label} (JZ588 ${code})`;
}

/**
 * The rule a stop notice cites: a temporary stop starts the eight weeks to resume
 * (RIJ-TERM-SUSPEND); an early stop by the provider needs its six-step procedure
 * (RIJ-DEC-PROVIDER-END); any other stop brings the case closer to closure, which waits until
 * all care has stopped (LEK-DEC-CLOSE-AFTER-CARE).
 */
export function stopNoticeRule(change: 'stop' | 'suspend', code: string | null): string {
  if (change === 'suspend' || code === '20') return 'RIJ-TERM-SUSPEND';
  if (stopReason(code)?.ending === 'door-aanbieder') return 'RIJ-DEC-PROVIDER-END';
  return 'LEK-DEC-CLOSE-AFTER-CARE';
}
