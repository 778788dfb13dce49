import type { Page } from 'playwright-core';

/** The login page as a user sees it: labelled fields and a button. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async logIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('E-mailadres').fill(email);
    await this.page.getByLabel('Wachtwoord').fill(password);
    await this.page.getByRole('button', { name: 'Inloggen' }).click();
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Inloggen' });
  }

  alert() {
    return this.page.getByRole('alert');
  }
}
