import { describe, expect, it } from 'vitest';
import {
  caseAccess,
  mayAssignRoles,
  mayRecordOptOut,
  type Actor,
  type CaseAccessFacts,
} from './case-access.js';

const teamMember: Actor = { staffId: 's1', organisationId: 'team-a', roles: ['casusregisseur'] };
const provider: Actor = { staffId: 's2', organisationId: 'provider-x', roles: ['planner'] };
const admin: Actor = { staffId: 's3', organisationId: 'team-a', roles: ['beheerder'] };

const teamCase: CaseAccessFacts = { responsibleTeamId: 'team-a', activeRoles: [] };

describe('caseAccess', () => {
  it('lets a local-team professional see the cases of the team that is responsible', () => {
    expect(caseAccess(teamMember, teamCase)).toEqual({
      allowed: true,
      basis: 'verantwoordelijk-team',
    });
  });

  it('refuses a provider without a role on the case', () => {
    expect(caseAccess(provider, teamCase).allowed).toBe(false);
  });

  it('lets a provider in once its organisation holds behandelregie', () => {
    const facts: CaseAccessFacts = {
      ...teamCase,
      activeRoles: [{ role: 'behandelregie', staffId: null, organisationId: 'provider-x' }],
    };
    expect(caseAccess(provider, facts)).toEqual({
      allowed: true,
      basis: 'rol-organisatie',
      role: 'behandelregie',
    });
  });

  it('a personal role counts before the organisation or the team', () => {
    const facts: CaseAccessFacts = {
      responsibleTeamId: 'team-a',
      activeRoles: [{ role: 'casusregie', staffId: 's1', organisationId: 'team-a' }],
    };
    expect(caseAccess(teamMember, facts)).toEqual({
      allowed: true,
      basis: 'eigen-rol',
      role: 'casusregie',
    });
  });

  it('does not let an administrator read case content, even in the responsible team', () => {
    expect(caseAccess(admin, teamCase).allowed).toBe(false);
  });

  it('refuses a professional of another local team', () => {
    const other: Actor = { ...teamMember, staffId: 's9', organisationId: 'team-b' };
    expect(caseAccess(other, teamCase).allowed).toBe(false);
  });
});

describe('mayAssignRoles', () => {
  it('lets the organisation with procesregie assign roles, not the provider with behandelregie', () => {
    const facts: CaseAccessFacts = {
      responsibleTeamId: null,
      activeRoles: [
        { role: 'procesregie', staffId: null, organisationId: 'team-a' },
        { role: 'behandelregie', staffId: null, organisationId: 'provider-x' },
      ],
    };
    expect(mayAssignRoles(teamMember, facts).allowed).toBe(true);
    const providerDecision = mayAssignRoles(provider, facts);
    expect(providerDecision.allowed).toBe(false);
  });

  it('refuses whoever cannot even read the case', () => {
    expect(mayAssignRoles(provider, teamCase).allowed).toBe(false);
  });
});

describe('mayRecordOptOut (GRO-TOE-OPTOUT)', () => {
  const routeB: CaseAccessFacts = {
    responsibleTeamId: null,
    activeRoles: [
      { role: 'behandelregie', staffId: null, organisationId: 'provider-x' },
      { role: 'casusregie', staffId: null, organisationId: null },
    ],
  };

  it('lets the treating provider’s planner and practitioner file the statement', () => {
    expect(mayRecordOptOut(provider, routeB).allowed).toBe(true);
    expect(mayRecordOptOut({ ...provider, roles: ['behandelaar'] }, routeB).allowed).toBe(true);
  });

  it('refuses the local team, another provider, and a provider without behandelregie', () => {
    const teamFacts: CaseAccessFacts = { ...routeB, responsibleTeamId: 'team-a' };
    const team = mayRecordOptOut(teamMember, teamFacts);
    expect(team.allowed).toBe(false);
    if (!team.allowed) expect(team.reason).toContain('behandelregie');
    const other: Actor = { ...provider, organisationId: 'provider-y' };
    expect(mayRecordOptOut(other, routeB).allowed).toBe(false);
    const ended: CaseAccessFacts = {
      responsibleTeamId: null,
      activeRoles: [{ role: 'casusregie', staffId: null, organisationId: 'provider-x' }],
    };
    expect(mayRecordOptOut(provider, ended).allowed).toBe(false);
  });
});
