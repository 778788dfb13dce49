import type { Locator, Page } from 'playwright-core';

/** The case page: deadlines with their rule IDs, the event form, the timeline. */
export class CasePage {
  constructor(private readonly page: Page) {}

  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  deadlinesTable(): Locator {
    return this.page.getByRole('region', { name: 'Termijnen' }).getByRole('table');
  }

  /** The deadline rows of one rule, e.g. `LEK-TERM-INTAKE-AMBULANT`. */
  deadlineRows(rule: string): Locator {
    return this.deadlinesTable()
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: rule, exact: true }) });
  }

  async ruleIdsShown(): Promise<string[]> {
    return this.deadlinesTable().locator('tbody tr td:first-child a').allInnerTexts();
  }

  async recordEvent(label: string, date: string, time: string, note?: string): Promise<void> {
    const form = this.page.getByRole('region', { name: 'Gebeurtenis vastleggen' });
    await form.getByLabel('Wat is er gebeurd').selectOption({ label });
    await form.getByLabel('Datum', { exact: true }).fill(date);
    await form.getByLabel('Tijd').fill(time);
    if (note) await form.getByLabel('Toelichting').fill(note);
    await form.getByRole('button', { name: 'Vastleggen' }).click();
  }

  eventFormStatus(): Locator {
    return this.page.getByRole('region', { name: 'Gebeurtenis vastleggen' }).getByRole('status');
  }

  timeline(): Locator {
    return this.page.getByRole('region', { name: 'Tijdlijn' }).getByRole('listitem');
  }

  async assignRole(role: string, organisation: string, person: string, reason: string) {
    const form = this.page.getByRole('region', { name: 'Regie toewijzen' });
    await form.getByLabel('Rol', { exact: true }).selectOption({ label: role });
    await form.getByLabel('Wie krijgt de rol').selectOption({ label: 'Een professional' });
    const organisations = form.getByLabel('Organisatie');
    await organisations
      .locator('option', { hasText: organisation })
      .first()
      .waitFor({ state: 'attached' });
    await organisations.selectOption({
      label: await organisations.locator('option', { hasText: organisation }).first().innerText(),
    });
    const people = form.getByLabel('Professional');
    await people.locator('option', { hasText: person }).first().waitFor({ state: 'attached' });
    await people.selectOption({
      label: await people.locator('option', { hasText: person }).first().innerText(),
    });
    await form.getByLabel('Reden').fill(reason);
    await form.getByRole('button', { name: 'Toewijzen' }).click();
  }

  rolesTable(): Locator {
    return this.page.getByRole('region', { name: 'Regie', exact: true }).getByRole('table');
  }
}
