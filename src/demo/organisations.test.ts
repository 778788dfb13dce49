import { describe, expect, it } from 'vitest';
import { planCase } from './cases.js';
import { DEMO_EMAIL_DOMAIN, planOrganisations, type DemoOrganisations } from './organisations.js';
import { Random, streamSeed } from './random.js';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const plan = (cases: number): DemoOrganisations =>
  planOrganisations(new Random(streamSeed(7, 0)), cases);

/** Open cases per staff id in the given case role (professional holder or the organisation's). */
function openLoad(organisations: DemoOrganisations, cases: number): Map<string, number> {
  const used = new Set<string>();
  const load = new Map<string, number>();
  for (let n = 0; n < cases; n++) {
    const c = planCase(
      new Random(streamSeed(7, n + 1)),
      organisations.regions,
      NOW,
      used,
      new Random(streamSeed(8, n + 1)),
    );
    if (c.closedAt !== null) continue;
    for (const r of c.roles)
      if (r.role === 'casusregie' && r.endsAt === null && r.staffId !== null)
        load.set(r.staffId, (load.get(r.staffId) ?? 0) + 1);
  }
  return load;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

describe('demo staffing (issue 11)', () => {
  it('has only the named accounts, with the same names, at a few cases', () => {
    const named = plan(0).staff;
    // Up to 100 cases (what the browser tests use) the accounts are exactly the named ones.
    expect(plan(100).staff.map((s) => [s.email, s.name])).toEqual(
      named.map((s) => [s.email, s.name]),
    );
    // The named accounts keep their names and addresses whatever the number of cases.
    const big = new Map(plan(100_000).staff.map((s) => [s.email, s.name]));
    for (const s of named) expect(big.get(s.email)).toBe(s.name);
  });

  it('adds numbered colleagues and local teams with their own teamleider at 100,000 cases', () => {
    const big = plan(100_000);
    const emails = big.staff.map((s) => s.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of [
      'casusregisseur.lek',
      'casusregisseur.rij-2',
      'jeugdbeschermer.rij',
      'planner.zou-2',
      'behandelaar.gro',
      'teamleider.ztm',
    ])
      expect(emails).toContain(`${email}@${DEMO_EMAIL_DOMAIN}`);
    const named = new Set(plan(0).staff.map((s) => s.email));
    const extra = big.staff.filter((s) => !named.has(s.email));
    expect(extra.length).toBeGreaterThan(1000);
    expect(extra.every((s) => /^[a-z]+\.[a-z]+-[a-z]+\d*-\d+@/.test(s.email))).toBe(true);
    for (const region of big.regions) {
      expect(region.teams.length).toBeGreaterThan(region.setup.teams.length);
      for (const team of region.teams) {
        const casusregisseurs = team.members.get('casusregisseur') ?? [];
        expect(casusregisseurs.length).toBeGreaterThanOrEqual(8);
        expect(casusregisseurs.length).toBeLessThanOrEqual(15);
        expect(team.members.get('teamleider')).toHaveLength(1);
      }
    }
    const casusregisseurs = big.staff.filter((s) => s.role === 'casusregisseur').length;
    // About 29,000 professionally held casusregie cases at 35-45 each.
    expect(casusregisseurs).toBeGreaterThan(29_000 / 45);
    expect(casusregisseurs).toBeLessThan(29_000 / 35);
  });

  it('gives casusregisseurs and jeugdbeschermers a realistic load of open cases', () => {
    const cases = 6000;
    const organisations = plan(cases);
    const load = openLoad(organisations, cases);
    const byRole = (role: string): number[] =>
      organisations.staff.filter((s) => s.role === role).map((s) => load.get(s.id) ?? 0);
    expect(median(byRole('casusregisseur'))).toBeGreaterThanOrEqual(32);
    expect(median(byRole('casusregisseur'))).toBeLessThanOrEqual(48);
    expect(median(byRole('jeugdbeschermer'))).toBeGreaterThanOrEqual(13);
    expect(median(byRole('jeugdbeschermer'))).toBeLessThanOrEqual(22);
    const lek = organisations.staff.find(
      (s) => s.email === `casusregisseur.lek@${DEMO_EMAIL_DOMAIN}`,
    );
    const own = load.get(lek?.id ?? '') ?? 0;
    expect(own).toBeGreaterThan(20);
    expect(own).toBeLessThan(65);
  });
});
