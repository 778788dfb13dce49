/**
 * Browser journey of issue 7: a court measure ends and the case closes (route C; RIJ-DEC-MEASURE-END,
 * RIJ-DEC-CLOSURE). A voogdij of a young person of almost 18 in Rijnmond: the GI has held the
 * closing teamtafel, written the afsluitrapportage and handed casusregie to the family (set up over
 * the API). On the case page, closing is held back by the 18-/18+ transition of the young person
 * (17 years and 6 months or older on the closing day); the jeugdbeschermer records what continues
 * under the Wmo and closes the case. axe-core runs on every state.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { freshBsn } from '../factories.js';
import { LoginPage } from './pages/LoginPage.js';
import { amsterdamNow, apiSession, browserJourney } from './support.js';

const PROTECTOR = 'jeugdbeschermer.rij@demo.casusregie.nl';

/** `YYYY-MM-DD` plus a number of calendar days. */
const plusDays = (iso: string, days: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

describe('closing a case after a court measure in the browser', () => {
  const journey = browserJourney();

  it('the GI closes after a voogdij only once the 18-/18+ transition is recorded', async () => {
    const url = journey.server.url;
    const now = amsterdamNow();
    const today = now.date.split('-').reverse().join('-');
    // 17 years and 9 months old today: past the 17.5-year mark, so the transition is asked.
    const born = plusDays(today, -Math.round(17.75 * 365.25));

    const gi = await apiSession((await journey.context()).request, url, PROTECTOR);
    const created = await gi.post('/casussen', {
      route: 'C',
      regio: 'RIJ',
      segment: 'ambulant',
      maatregel: 'voogdij',
      gezin: { naam: 'Gezin Öztürk' },
      jeugdigen: [{ naam: 'Deniz Öztürk', geboortedatum: born, bsn: freshBsn() }],
      ouders: [{ naam: 'Ayla Öztürk', soort: 'voogd' }],
      aangemeldOp: new Date(Date.now() - 7_200_000).toISOString(),
      rechterlijkeOpdracht: { datum: plusDays(today, -400) },
    });
    const caseId = String(created['id']);
    const detail = await gi.get(`/casussen/${caseId}`);
    const people = detail['personen'] as { id: string; soort: string }[];
    const guardian = people.find((p) => p.soort !== 'jeugdige')?.id ?? '';

    // The end of the measure (RIJ-DEC-MEASURE-END), set up as the GI would do it.
    const ending = `/casussen/${caseId}/einde-maatregel`;
    await gi.post(ending, { casusregieNaar: 'gezin' });
    await gi.send('PUT', `${ending}/teamtafel`, {
      gehoudenOp: today,
      gezinsleden: [guardian],
      toekomstigeRegisseur: 'Het gezin zelf',
      ketenpartners: 'school, wijkteam',
      afspraken: 'Deniz en de voogd regelen de hulp voortaan zelf; het wijkteam is vraagbaak.',
    });
    await gi.send('PUT', `${ending}/afsluitrapportage`, {
      afgelopenPeriode: 'Drie jaar voogdij: Deniz woont stabiel en heeft een opleidingsplek.',
      doelen: [
        {
          doel: 'Deniz maakt zijn eerste jaar mbo af',
          wieSoort: 'gezin',
          wie: 'Deniz',
          wat: 'gaat elke lesdag en meldt zich bij zijn mentor als het misgaat',
          wanneer: plusDays(today, 200),
        },
      ],
      toestemmingDelen: 'ja',
    });
    await gi.post(`/casussen/${caseId}/rollen`, {
      rol: 'casusregie',
      houder: 'gezin',
      vanaf: new Date(Date.now() - 600_000).toISOString(),
      reden: 'einde voogdij: het gezin voert de regie zelf',
    });
    await gi.post(`${ending}/afronden`, {});

    // Everything for closing except the transition.
    const closure = await gi.get(`/casussen/${caseId}/afsluiting`);
    await gi.send('PATCH', `/casussen/${caseId}/afsluiting`, {
      basisRevisie: closure['revisie'],
      reden: 'einde-maatregel',
      eindevaluatie: {
        datum: today,
        resultaat: 'behaald',
        samenvatting: 'De doelen van de voogdij zijn gehaald; Deniz woont stabiel.',
        veiligheidHersteld: 'ja',
      },
      nazorg: {
        nodig: true,
        afspraken: [
          { wie: 'Wijkteam', wat: 'belt Deniz na drie maanden', wanneer: plusDays(today, 90) },
        ],
      },
      waakvlam: { nodig: false, reden: 'Het wijkteam belt al na drie maanden.' },
      herbeoordeling: { gezinKanRegie: 'ja', toelichting: 'Deniz en zijn voogd regelen het zelf.' },
    });

    const page = await journey.page(await journey.context());
    await page.goto(`${url}/inloggen`);
    await new LoginPage(page).logIn(PROTECTOR, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await page.goto(`${url}/casussen/${caseId}`);
    const section = page.getByRole('region', { name: 'Afsluiting' });
    await section.getByText('Voorwaarden om af te sluiten').waitFor();
    // The measure ending counts as done; only the transition is open.
    const list = await section.innerText();
    expect(list).toContain('Het afsluiten van de maatregel is afgerond (route C)');
    await journey.expectAccessible(page);

    await section.getByRole('button', { name: 'Casus afsluiten' }).click();
    const refusal = section.getByRole('alert').filter({ hasText: 'kan nog niet' });
    await refusal.waitFor();
    const text = await refusal.innerText();
    expect(text).toContain('Deniz Öztürk');
    expect(text).toContain('RIJ-DEC-MEASURE-END');
    expect(text).not.toContain('eindevaluatie');
    await journey.expectAccessible(page);

    await section
      .getByLabel('Deniz Öztürk: wat loopt door na 18')
      .fill('Begeleiding bij zelfstandig wonen');
    await section.getByLabel('Deniz Öztürk: onder welke wet').selectOption({ label: 'Wmo' });
    await section
      .getByLabel('Deniz Öztürk: toelichting')
      .fill('De Wmo-aanvraag is samen met het wijkteam gedaan.');
    await section.getByRole('button', { name: 'Overgang 18-/18+ opslaan' }).click();
    await section.getByText('Overgang 18-/18+: opgeslagen.').waitFor();
    await section
      .getByText('Alle voorwaarden zijn voldaan: de casus kan worden afgesloten.')
      .waitFor();
    await journey.expectAccessible(page);

    await section.getByRole('button', { name: 'Casus afsluiten' }).click();
    await section.getByText(/^Afgesloten op \d{2}-\d{2}-\d{4}/).waitFor();
    expect((await section.innerText()).toLowerCase()).toContain(
      'einde van de jeugdbeschermingsmaatregel',
    );
    await journey.expectAccessible(page);
  }, 300_000);
});
