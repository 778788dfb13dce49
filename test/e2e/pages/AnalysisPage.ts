import type { Locator, Page } from 'playwright-core';

/** Analysis, safety and triage of a case. */
export class AnalysisPage {
  constructor(private readonly page: Page) {}

  private section(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  async recordSafetyCheck(outcome: string, note: string): Promise<void> {
    const s = this.section('Veiligheid direct bij de start');
    await s.getByRole('radio', { name: outcome, exact: true }).check();
    await s.getByLabel('Toelichting').fill(note);
    await s.getByRole('button', { name: 'Veiligheidscheck vastleggen' }).click();
    await s.getByText('De veiligheidscheck is vastgelegd.').waitFor();
  }

  async recordNeedsAnalysis(input: {
    domains: readonly string[];
    strengths: string;
    familySupports: boolean;
    familyCoordinates: boolean;
    coSignals?: readonly string[];
  }): Promise<void> {
    const s = this.section('Vraaganalyse');
    for (const d of input.domains) await s.getByRole('checkbox', { name: d, exact: true }).check();
    for (const c of input.coSignals ?? [])
      await s.getByRole('checkbox', { name: c, exact: true }).check();
    await s.getByLabel(/^Krachten/).fill(input.strengths);
    await s
      .getByRole('group', { name: 'Staat het gezin achter de hulp die nodig is?' })
      .getByRole('radio', { name: input.familySupports ? 'Ja' : 'Nee' })
      .check();
    await s
      .getByRole('group', { name: 'Kan het gezin de casusregie zelf voeren?' })
      .getByRole('radio', { name: input.familyCoordinates ? 'Ja' : 'Nee' })
      .check();
    await s.getByRole('button', { name: 'Vraaganalyse vastleggen' }).click();
    await s.getByText('De vraaganalyse is vastgelegd').waitFor();
  }

  async recordRisk(outcome: string, instrument: string, note: string): Promise<void> {
    const s = this.section('Risicotaxatie');
    await s.getByRole('radio', { name: outcome, exact: true }).check();
    await s.getByLabel('Instrument of methode').fill(instrument);
    await s.getByLabel('Toelichting bij de risicotaxatie').fill(note);
    await s.getByRole('button', { name: 'Risicotaxatie vastleggen' }).click();
    await s.getByText('De risicotaxatie is vastgelegd.').waitFor();
  }

  riskSection(): Locator {
    return this.section('Risicotaxatie');
  }

  async recordCriteria(values: Readonly<Record<string, string>>, stacking: boolean): Promise<void> {
    const s = this.section('Zwaarte van de regie: criteria');
    for (const [label, option] of Object.entries(values))
      await s.getByLabel(label).selectOption({ label: option });
    await s.getByRole('radio', { name: stacking ? 'Ja' : 'Nee' }).check();
    await s.getByRole('button', { name: 'Criteria vastleggen' }).click();
    await s.getByText('De criteria zijn vastgelegd').waitFor();
  }

  triage(): Locator {
    return this.section('Triage');
  }

  async confirmTriage(): Promise<void> {
    await this.triage().getByRole('button', { name: 'Triagebesluit vastleggen' }).click();
    await this.triage().getByText('Het triagebesluit is vastgelegd.').waitFor();
  }

  childContact(): Locator {
    return this.section('Contact met de kinderen');
  }

  /** The "needed" and "status" cells of a child's row. */
  async childContactRow(name: string): Promise<string> {
    return this.childContact()
      .getByRole('row', { name: new RegExp(name) })
      .innerText();
  }

  async recordChildContact(name: string, form: string, date: string, time: string) {
    const s = this.childContact();
    await s.getByLabel('Kind').selectOption({ label: name });
    await s.getByRole('radio', { name: form, exact: true }).check();
    await s.getByLabel('Datum van het contact').fill(date);
    await s.getByLabel('Tijd van het contact').fill(time);
    await s.getByRole('button', { name: 'Contact vastleggen' }).click();
    await s.getByText(`Het contact met ${name} is vastgelegd.`).waitFor();
  }

  consultation(): Locator {
    return this.section('Casuïstiekoverleg');
  }

  async recordConsultation(input: {
    expert: string;
    decision: string;
    considerations: string;
    noAction: boolean;
  }): Promise<void> {
    const s = this.consultation();
    await s.getByLabel('Gedragswetenschapper').fill(input.expert);
    await s.getByLabel('Besluit van het overleg').fill(input.decision);
    await s.getByLabel('Overwegingen').fill(input.considerations);
    await s.getByRole('radio', { name: input.noAction ? /niet/ : /er volgt actie/ }).check();
    await s.getByRole('button', { name: 'Overleg vastleggen' }).click();
    await s.getByText('Het casuïstiekoverleg is vastgelegd.').waitFor();
  }

  meldcode(): Locator {
    return this.section('Meldcode huiselijk geweld en kindermishandeling');
  }

  /** Records a meldcode step (its option label starts with the step number). */
  async recordMeldcodeStep(step: number, consideration: string, decision?: string) {
    const s = this.meldcode();
    await s.getByLabel('Stap', { exact: true }).selectOption({ index: step - 1 });
    await s.getByLabel('Overweging').fill(consideration);
    if (decision) await s.getByRole('radio', { name: decision, exact: true }).check();
    await s.getByRole('button', { name: 'Stap vastleggen' }).click();
    await s.getByText(/is vastgelegd/).waitFor();
  }
}
