import type { Locator, Page } from 'playwright-core';

export interface GoalInput {
  readonly area: string;
  readonly description: string;
  readonly target: string;
  readonly ownerName: string;
  readonly date: string;
}

/** The plan page: the concept editor, signing, fixing, versions and changes. */
export class PlanPage {
  constructor(private readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async fillSection(label: string, text: string): Promise<void> {
    // Sections are optional while drafting: their label carries "(niet verplicht)".
    await this.page.getByLabel(new RegExp(`^${label}( \\(niet verplicht\\))?$`)).fill(text);
  }

  async addGoal(index: number, goal: GoalInput): Promise<void> {
    await this.page.getByRole('button', { name: 'Doel toevoegen' }).click();
    const group = this.page.getByRole('group', { name: `Doel ${index + 1}`, exact: true });
    await group.getByLabel('Resultaatgebied').selectOption({ label: goal.area });
    await group.getByLabel('Wat moet er veranderen').fill(goal.description);
    await group.getByLabel('Zo zien we dat het gelukt is').fill(goal.target);
    await group.getByLabel('Naam', { exact: true }).fill(goal.ownerName);
    await group.getByLabel('Streefdatum').fill(goal.date);
  }

  goal(index: number): Locator {
    return this.page.getByRole('group', { name: `Doel ${index + 1}`, exact: true });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Concept opslaan' }).click();
    await this.page.getByText('Het concept is opgeslagen.').waitFor();
  }

  stillNeeded(): Locator {
    return this.page.getByRole('region', { name: 'Vaststellen' });
  }

  signingSection(): Locator {
    return this.page.getByRole('region', { name: 'Ondertekenen' });
  }

  async signOnScreen(name: string): Promise<void> {
    await this.signingSection()
      .getByRole('button', { name: `${name} tekent op het scherm` })
      .click();
    await this.signingSection().getByText('Getekend op').first().waitFor();
  }

  async fix(): Promise<void> {
    await this.page.getByRole('button', { name: 'Plan vaststellen' }).click();
  }

  async adjust(): Promise<void> {
    await this.page.getByRole('button', { name: 'Plan bijstellen' }).click();
  }

  changes(): Locator {
    return this.page.getByRole('region', { name: /Wat is er veranderd/ }).getByRole('table');
  }
}
