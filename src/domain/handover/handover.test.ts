import { describe, expect, it } from 'vitest';
import { caseAccess, mayAssignRoles, type Actor } from '../access/case-access.js';
import {
  completionCheck,
  meetingProblems,
  missingIn,
  startProblems,
  type CurrentCasusregie,
  type Meeting,
} from './handover.js';

const at = (iso: string) => new Date(iso).getTime();
const professional: CurrentCasusregie = {
  holder: 'professional',
  staffId: 'old',
  organisationId: 'team',
};
const family: CurrentCasusregie = { holder: 'gezin', staffId: null, organisationId: null };
const named = { staffId: 'new', organisationId: 'team-2', roles: ['casusregisseur'], active: true };
const start = {
  reason: 'Gezin verhuist naar de wijk van team 2.',
  newStaffId: 'new',
  newOrganisationId: 'team-2',
};

const joint: Meeting = {
  heldAt: at('2026-03-12T10:00:00+01:00'),
  oldRegisseurPresent: true,
  newRegisseurPresent: true,
  familyPresent: ['mother'],
};

describe('ZTM-DEC-WARM-HANDOVER: starting a handover', () => {
  it('needs a reason, a running casusregie and a new regisseur who can hold it', () => {
    expect(startProblems(start, professional, named)).toEqual([]);
    expect(startProblems({ ...start, reason: 'kort' }, professional, named)[0]?.path).toBe('reden');
    expect(startProblems(start, null, named)[0]?.path).toBe('casusregie');
  });

  it('refuses an unknown, inactive, misplaced or unsuitable person, and the current holder', () => {
    const message = (n: typeof named | null, current = professional) =>
      startProblems(start, current, n)[0]?.message;
    expect(message(null)).toContain('onbekende');
    expect(message({ ...named, active: false })).toContain('niet-actieve');
    expect(message({ ...named, organisationId: 'elders' })).toContain('werkt niet bij');
    expect(message({ ...named, roles: ['planner'] })).toContain('geen casusregie');
    expect(message(named, { ...professional, staffId: 'new' })).toContain('al de casusregisseur');
  });

  it('may hand over what the family holds', () => {
    expect(startProblems(start, family, named)).toEqual([]);
  });
});

describe('ZTM-DEC-WARM-HANDOVER: the joint meeting', () => {
  const context = {
    now: at('2026-03-13T09:00:00+01:00'),
    startedAt: at('2026-03-11T16:00:00+01:00'),
    householdPersonIds: ['mother', 'child'],
  };
  const input = { ...joint, summary: 'Achtergrond, gezinsplan en stand van zaken doorgenomen.' };

  it('is held in the past, not before the handover started, with household members', () => {
    expect(meetingProblems(input, context)).toEqual([]);
    // Earlier on the day the handover started still counts: the day is what matters.
    expect(meetingProblems({ ...input, heldAt: at('2026-03-11T09:00:00+01:00') }, context)).toEqual(
      [],
    );
    expect(
      meetingProblems({ ...input, heldAt: at('2026-03-13T10:00:00+01:00') }, context)[0]?.message,
    ).toContain('toekomst');
    expect(
      meetingProblems({ ...input, heldAt: at('2026-03-10T23:00:00+01:00') }, context)[0]?.message,
    ).toContain('vóór de start');
    expect(
      meetingProblems({ ...input, familyPresent: ['neighbour'] }, context).map((p) => p.path),
    ).toEqual(['aanwezig.gezinsleden.0']);
    expect(meetingProblems({ ...input, summary: 'ok' }, context)[0]?.path).toBe('verslag');
  });

  it('may be recorded when someone was missing, as it happened', () => {
    expect(meetingProblems({ ...input, familyPresent: [] }, context)).toEqual([]);
  });
});

describe('ZTM-DEC-WARM-HANDOVER: completing', () => {
  it('is refused without any meeting, saying so and naming the rule', () => {
    const check = completionCheck([], false);
    expect(check.complete).toBe(false);
    if (check.complete) return;
    expect(check.message).toContain('geen gezamenlijk gesprek vastgelegd');
    expect(check.message).toContain('ZTM-DEC-WARM-HANDOVER');
    expect(check.missing).toEqual(['oude casusregisseur', 'nieuwe casusregisseur', 'gezin']);
  });

  it('names who was missing: the family, one regisseur, or several', () => {
    const noFamily = completionCheck([{ ...joint, familyPresent: [] }], false);
    expect(noFamily.complete).toBe(false);
    if (noFamily.complete) return;
    expect(noFamily.missing).toEqual(['gezin']);
    expect(noFamily.message).toContain('bij het gesprek van 12-03-2026 ontbrak het gezin');
    const noOld = completionCheck([{ ...joint, oldRegisseurPresent: false }], false);
    expect(noOld.complete === false && noOld.message).toContain('ontbrak de oude casusregisseur');
    const two = completionCheck(
      [{ ...joint, newRegisseurPresent: false, familyPresent: [] }],
      false,
    );
    expect(two.complete === false && two.message).toContain(
      'ontbraken de nieuwe casusregisseur en het gezin',
    );
  });

  it('reports the meeting that came closest, the latest between equals', () => {
    const early = { ...joint, heldAt: at('2026-03-11T10:00:00+01:00'), familyPresent: [] };
    const late = { ...joint, heldAt: at('2026-03-12T10:00:00+01:00'), oldRegisseurPresent: false };
    const worse = { ...joint, newRegisseurPresent: false, familyPresent: [] };
    const check = completionCheck([early, worse, late], false);
    expect(check.complete === false && check.message).toContain('12-03-2026 ontbrak de oude');
  });

  it('completes once one meeting had the old and the new regisseur with the family', () => {
    const check = completionCheck([{ ...joint, familyPresent: [] }, joint], false);
    expect(check).toEqual({ complete: true, meeting: joint });
  });

  it('takes the family as the old regisseur when the family held casusregie', () => {
    expect(missingIn({ ...joint, oldRegisseurPresent: false }, true)).toEqual([]);
    expect(missingIn({ ...joint, familyPresent: [] }, true)).toEqual(['gezin']);
    const none = completionCheck([], true);
    expect(none.complete === false && none.message).toContain(
      'de nieuwe casusregisseur en het gezin samen',
    );
  });
});

describe('reading the case during a handover', () => {
  const newRegisseur: Actor = {
    staffId: 'new',
    organisationId: 'team-2',
    roles: ['casusregisseur'],
  };
  const facts = {
    responsibleTeamId: 'team',
    activeRoles: [{ role: 'casusregie' as const, staffId: 'old', organisationId: 'team' }],
  };

  it('lets the named new regisseur read while the handover is open, not assign roles', () => {
    expect(caseAccess(newRegisseur, { ...facts, handoverRecipientIds: ['new'] })).toEqual({
      allowed: true,
      basis: 'overdracht',
    });
    expect(mayAssignRoles(newRegisseur, { ...facts, handoverRecipientIds: ['new'] }).allowed).toBe(
      false,
    );
  });

  it('ends that access when no handover to them is open any more', () => {
    expect(caseAccess(newRegisseur, facts).allowed).toBe(false);
    expect(
      caseAccess(newRegisseur, { ...facts, handoverRecipientIds: ['someone-else'] }).allowed,
    ).toBe(false);
  });

  it('gives nothing to management named by mistake', () => {
    const manager: Actor = { staffId: 'new', organisationId: 'gemeente', roles: ['management'] };
    expect(caseAccess(manager, { ...facts, handoverRecipientIds: ['new'] }).allowed).toBe(false);
  });
});
