/** The body generator of the authorisation matrix (bodies.ts), on schemas shaped like the routes'. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HAND_WRITTEN, validBody, type BodyContext } from './bodies.js';

const ctx: BodyContext = {
  today: '2026-06-15',
  timestamp: '2026-06-15T10:00:00+02:00',
  now: new Date('2026-06-15T10:00:00+02:00'),
  idOf: (property) =>
    property === 'medewerkerId' ? '11111111-1111-4111-8111-111111111111' : undefined,
};

describe('validBody', () => {
  it('fills required properties with values of the right shape, and fixture ids by name', () => {
    const schema = z.strictObject({
      medewerkerId: z.string().regex(/^[0-9a-f-]{36}$/),
      persoonId: z.uuid(),
      datum: z.iso.date(),
      email: z.email(),
      soort: z.enum(['tussen', 'eind']),
      uren: z.int().min(4).max(72),
      reden: z.string().trim().min(10).max(20),
      doelen: z.array(z.string().min(1)).min(2),
      notitie: z.string().optional(),
    });
    const out = validBody('POST /x', schema, ctx);
    expect(out.source).toBe('generated');
    expect(out.body).toMatchObject({
      medewerkerId: '11111111-1111-4111-8111-111111111111',
      datum: '2026-06-15',
      soort: 'tussen',
      uren: 4,
    });
    expect(out.body).not.toHaveProperty('notitie');
  });

  it('takes a later attempt when a refinement refuses the first one', () => {
    const schema = z
      .strictObject({
        op: z.string().refine((v) => v.includes('T'), 'geen tijdstip'),
        antwoord: z.enum(['1', '2']),
        reden: z.enum(['a', 'b']).optional(),
      })
      .refine((b) => b.antwoord !== '1' || b.reden !== undefined, { path: ['reden'] });
    const out = validBody('POST /x', schema, ctx);
    expect(out).toMatchObject({
      source: 'generated',
      body: { op: '2026-06-15T10:00:00+02:00', antwoord: '1', reden: 'a' },
    });
  });

  it('generates a branch of a discriminated union', () => {
    const schema = z.discriminatedUnion('soort', [
      z.strictObject({ soort: z.literal('gezin'), naam: z.string().min(1) }),
      z.strictObject({ soort: z.literal('team'), teamId: z.uuid() }),
    ]);
    expect(validBody('POST /x', schema, ctx)).toMatchObject({
      source: 'generated',
      body: { soort: 'gezin' },
    });
  });

  it('falls back to the hand-written body of the route', () => {
    const schema = z.strictObject({ code: z.string().refine((v) => v === 'JW315', 'onbekend') });
    const hand = { 'POST /x': () => ({ code: 'JW315' }) };
    expect(validBody('POST /x', schema, ctx, hand)).toEqual({
      source: 'hand-written',
      body: { code: 'JW315' },
    });
  });

  it('says why when neither the generator nor a hand-written body passes', () => {
    const schema = z.strictObject({ code: z.string().refine(() => false, 'nooit goed') });
    const out = validBody('POST /nergens', schema, ctx);
    expect(out.source).toBe('none');
    expect(out.source === 'none' && out.reason).toContain('nooit goed');
    expect(HAND_WRITTEN['POST /nergens']).toBeUndefined();
  });
});
