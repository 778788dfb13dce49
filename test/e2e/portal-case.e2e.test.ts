/**
 * The family portal's case page in the browser on a phone (390×844; issue 10, ADR 0026). Gezin
 * Portaal: mother Kim and Noor, 14 today. The plan has a family goal, Noor's own goal and a goal
 * only about Kim (private to her). The session cookie is set on the browser context directly
 * (logging in with a one-time code is the login journey's concern). Noor sees her own and the
 * family's goal, not her mother's; Kim sees the plan; axe finds nothing serious on either.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  bornYearsAgo,
  casePlan,
  familyCase,
  portalCasePageOnPhone,
} from '../support/portal-family.js';
import { browserJourney } from './support.js';

describe('family portal case page on a phone', () => {
  const journey = browserJourney(5);
  const ids = { caseId: '', kim: '', noor: '' };

  async function family(): Promise<void> {
    if (ids.caseId) return;
    const db = journey.server.db;
    const made = await familyCase(db, {
      label: 'Gezin Portaal',
      members: [
        { kind: 'ouder', name: 'Kim Portaal' },
        { kind: 'jeugdige', name: 'Noor Portaal', birthDate: bornYearsAgo(14) },
      ],
      casusregie: 'gezin',
    });
    ids.kim = made.personIds[0] ?? '';
    ids.noor = made.personIds[1] ?? '';
    ids.caseId = made.caseId;
    const goal = (id: string, description: string, about?: string) => ({
      id,
      resultArea: 'opvoeden-en-opgroeien',
      description,
      measurableTarget: 'afgesproken met het gezin',
      owner: { kind: 'gezin', name: 'het gezin' },
      targetDate: '2027-01-31',
      progress: 'loopt',
      ...(about ? { aboutPersonIds: [about] } : {}),
    });
    const content = {
      goals: [
        goal('rust', 'Er is meer rust in huis'),
        goal('school', 'Noor gaat elke dag naar school', ids.noor),
        goal('schulden', 'Kim lost haar schulden af met hulp', ids.kim),
      ],
    };
    await casePlan(db, made, { status: 'vastgesteld', startDate: '2026-01-05', content });
  }

  async function phonePageAs(who: 'kim' | 'noor'): Promise<Page> {
    await family();
    const page = await portalCasePageOnPhone(journey, ids[who], ids.caseId);
    await page.getByRole('heading', { level: 2, name: 'Ons plan' }).waitFor();
    return page;
  }

  it('shows the 14-year-old her own goals, not her mother’s private goal', async () => {
    const page = await phonePageAs('noor');
    await expect(
      page.getByRole('heading', { name: 'Noor gaat elke dag naar school' }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole('heading', { name: 'Er is meer rust in huis' }).count(),
    ).resolves.toBe(1);
    expect(await page.content()).not.toContain('schulden');
    for (const section of ['Wie is wie', 'Wat komt eraan', 'Besluiten en brieven', 'Gedeeld met'])
      await expect(page.getByRole('heading', { level: 2, name: section }).count()).resolves.toBe(1);
    // Nothing sticks out sideways on a phone.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await journey.expectAccessible(page);
  });

  it('shows the parent the plan, her own goal included', async () => {
    const page = await phonePageAs('kim');
    for (const name of [
      'Er is meer rust in huis',
      'Noor gaat elke dag naar school',
      'Kim lost haar schulden af met hulp',
    ])
      await expect(page.getByRole('heading', { name }).count()).resolves.toBe(1);
    await expect(page.getByText('U houdt zelf het overzicht (casusregie)').count()).resolves.toBe(
      1,
    );
    await journey.expectAccessible(page);
  });
});
