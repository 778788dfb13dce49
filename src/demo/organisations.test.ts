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

/** Open cases per organisation that holds behandelregie (providers) or procesregie (GIs). */
function openCases(organisations: DemoOrganisations, cases: number): Map<string, number> {
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
      if (
        r.endsAt === null &&
        r.organisationId !== null &&
        (r.role === 'behandelregie' || r.role === 'procesregie')
      )
        load.set(r.organisationId, (load.get(r.organisationId) ?? 0) + 1);
  }
  return load;
}

describe('demo providers and GIs (issue 11)', () => {
  it('keeps the named providers and GI alone in small demo sets', () => {
    const named = plan(0);
    const small = plan(280);
    expect(small.organisations.map((o) => [o.name, o.code])).toEqual(
      named.organisations.map((o) => [o.name, o.code]),
    );
    for (const region of small.regions) {
      expect(region.providers.map((p) => p.name)).toEqual(region.setup.providers);
      expect(region.giShares.map(([gi]) => gi.name)).toEqual([region.setup.gi]);
    }
  });

  it('adds numbered providers and up to 3 GIs, each with its own staff, in large sets', () => {
    const big = plan(100_000);
    const emails = new Set(big.staff.map((s) => s.email));
    const names = big.organisations.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    for (const region of big.regions) {
      // The named ones stay, first, under their own names.
      expect(region.providers.slice(0, 2).map((p) => p.name)).toEqual(region.setup.providers);
      expect(region.gi.name).toBe(region.setup.gi);
      expect(region.providers.length).toBeGreaterThanOrEqual(20);
      expect(region.giShares.length).toBe(3);
      for (const provider of region.providers.slice(2)) {
        expect(provider.kind).toBe('aanbieder');
        expect(provider.agbCode).toMatch(/^98\d{6}$/);
        expect(emails).toContain(`planner.${provider.code}-1@${DEMO_EMAIL_DOMAIN}`);
        expect(emails).toContain(`behandelaar.${provider.code}-1@${DEMO_EMAIL_DOMAIN}`);
      }
      for (const [gi] of region.giShares.slice(1)) {
        expect(gi.kind).toBe('gi');
        expect((gi.members.get('jeugdbeschermer') ?? []).length).toBeGreaterThan(10);
      }
    }
    expect(emails).toContain(`planner.lek-a3-1@${DEMO_EMAIL_DOMAIN}`);
    expect(emails).toContain(`jeugdbeschermer.rij-gi2-1@${DEMO_EMAIL_DOMAIN}`);
    const agb = big.organisations.flatMap((o) => (o.kind === 'aanbieder' ? [o.agbCode] : []));
    expect(new Set(agb).size).toBe(agb.length);
  });

  it('gives providers a few hundred open cases each and spreads route C over the GIs', () => {
    const cases = 20_000;
    const organisations = plan(cases);
    const load = openCases(organisations, cases);
    const providers = organisations.organisations.filter((o) => o.kind === 'aanbieder');
    expect(providers.length).toBeGreaterThan(25);
    const sizes = providers.map((p) => load.get(p.id) ?? 0);
    expect(median(sizes)).toBeGreaterThanOrEqual(300);
    expect(median(sizes)).toBeLessThanOrEqual(500);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(120);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(750);
    // Behandelaars stay near their 20 families: the staff follows each provider's share.
    for (const p of providers) {
      const perBehandelaar = (load.get(p.id) ?? 0) / (p.members.get('behandelaar') ?? []).length;
      expect(perBehandelaar).toBeGreaterThan(12);
      expect(perBehandelaar).toBeLessThan(30);
    }
    for (const region of organisations.regions) {
      const gis = region.giShares.map(([gi]) => load.get(gi.id) ?? 0);
      expect(gis.length).toBeGreaterThan(1);
      for (const open of gis) expect(open).toBeGreaterThan(50);
    }
  });

  it('places cases over the providers without changing the rest of the case', () => {
    const small = plan(0);
    const big = plan(100_000);
    const content = (organisations: DemoOrganisations, n: number) => {
      const c = planCase(
        new Random(streamSeed(7, n + 1)),
        organisations.regions,
        NOW,
        new Set(),
        new Random(streamSeed(8, n + 1)),
      );
      return {
        region: c.region,
        route: c.route,
        segment: c.segment,
        registeredAt: c.registeredAt,
        closedAt: c.closedAt,
        persons: c.persons,
        events: c.events.map((e) => [e.type, e.at, e.date]),
      };
    };
    const placed = new Set<string>();
    for (let n = 0; n < 300; n++) {
      expect(content(big, n)).toEqual(content(small, n));
      const c = planCase(
        new Random(streamSeed(7, n + 1)),
        big.regions,
        NOW,
        new Set(),
        new Random(streamSeed(8, n + 1)),
      );
      for (const r of c.roles)
        if (r.role === 'behandelregie' && r.organisationId) placed.add(r.organisationId);
    }
    // Numbered providers get cases too, not only the named ones.
    expect(placed.size).toBeGreaterThan(30);
  });
});
