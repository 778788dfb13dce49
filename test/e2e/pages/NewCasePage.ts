import type { Page } from 'playwright-core';

export interface ChildInput {
  readonly naam: string;
  readonly geboortedatum: string;
  readonly bsn?: string;
}

/** The registration form for a new request (route A at a local team). */
export class NewCasePage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Nieuwe hulpvraag' });
  }

  private child(index: number) {
    return this.page.getByRole('group', { name: `Jeugdige ${index + 1}` });
  }

  async fillHousehold(name: string): Promise<void> {
    await this.page.getByLabel('Naam van het gezin').fill(name);
  }

  async fillChild(index: number, child: ChildInput): Promise<void> {
    const group = this.child(index);
    await group.getByLabel('Naam', { exact: true }).fill(child.naam);
    await group.getByLabel('Geboortedatum').fill(child.geboortedatum);
    await group.getByLabel('BSN').fill(child.bsn ?? '');
  }

  async fillRegisteredAt(date: string, time: string): Promise<void> {
    await this.page.getByLabel('Aangemeld op (datum)').fill(date);
    await this.page.getByLabel('Tijd').fill(time);
  }

  async chooseSegment(label: string): Promise<void> {
    await this.page.getByLabel('Segment').selectOption({ label });
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Registreren' }).click();
  }

  errorSummary() {
    return this.page.locator('.foutoverzicht');
  }

  childField(index: number, field: 'Naam' | 'Geboortedatum' | 'BSN') {
    return this.child(index).getByLabel(field, { exact: field !== 'BSN' });
  }

  async addChild(): Promise<void> {
    await this.page.getByRole('button', { name: 'Nog een jeugdige toevoegen' }).click();
  }

  async fillParent(index: number, name: string): Promise<void> {
    await this.page
      .getByRole('group', { name: `Ouder of gezagsdrager ${index + 1}` })
      .getByLabel('Naam')
      .fill(name);
  }
}
