import type { Page } from 'playwright-core';

export class WorkListPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Werkvoorraad' });
  }

  table() {
    return this.page.getByRole('table');
  }

  counts() {
    return this.page.locator('.tellers');
  }

  async openNewRequest(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Nieuwe hulpvraag' })
      .click();
  }
}
