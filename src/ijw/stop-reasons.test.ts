import { describe, expect, it } from 'vitest';
import { stopNoticeRule, stopReason, stopReasonText } from './stop-reasons.js';

describe('JZ588 stop reasons', () => {
  it('names an early stop by the family as ended by the family', () => {
    expect(stopReason('32')?.ending).toBe('door-gezin');
    expect(stopReasonText('32')).toBe('de jeugdige of het gezin is eerder gestopt (JZ588 32)');
  });

  it('tells an early stop by the provider apart from one agreed together', () => {
    expect(stopReason('33')?.ending).toBe('door-aanbieder');
    expect(stopReason('34')?.ending).toBe('in-overleg');
  });

  it('knows the temporary stop and the move to another law', () => {
    expect(stopReason('20')?.ending).toBe('tijdelijk');
    expect(stopReason('39')?.ending).toBe('ander-domein');
  });

  it('keeps an unknown code visible instead of hiding it', () => {
    expect(stopReason('99')).toBeNull();
    expect(stopReasonText('99')).toBe('reden 99 (JZ588)');
    expect(stopReasonText(null)).toBe('zonder reden');
  });

  it('cites the rule that matters for each kind of stop', () => {
    expect(stopNoticeRule('suspend', '20')).toBe('RIJ-TERM-SUSPEND');
    expect(stopNoticeRule('stop', '33')).toBe('RIJ-DEC-PROVIDER-END');
    expect(stopNoticeRule('stop', '31')).toBe('LEK-DEC-CLOSE-AFTER-CARE');
    expect(stopNoticeRule('stop', '32')).toBe('LEK-DEC-CLOSE-AFTER-CARE');
  });
});
