/**
 * The period report of a municipality as a PDF through the API (issue 9) on PGlite and, with
 * TEST_DATABASE_URL, PostgreSQL. A small fixed world in Lekstroom (LEK): municipality G with
 * teams Noord and Zuid, municipality H with team Oost, and municipality R in another region
 * (RIJ). Expected numbers are counted by hand below. A contract manager of G downloads G's
 * report; team leads, other roles and municipalities outside the region are refused.
 */
import type { FastifyInstance } from 'fastify';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/store/db.js';
import { DASHBOARDS, DASHBOARD_TITLES } from '../../src/store/mi.js';
import { type MiWorld, miWorld } from '../support/mi-world.js';
import { engines } from './databases.js';

async function textOf(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

const PERIOD = 'van=2026-01-01&tot=2026-03-31';

describe.each(engines)('the period report on %s', (engine) => {
  let world: MiWorld;
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const as = (who: string) => world.as(who);
  const id = (key: string) => world.id(key);

  const report = (who: string, query: string) =>
    as(who).request('GET', `/api/v1/rapportages/periode?${query}`);

  beforeAll(async () => {
    world = await miWorld(engine, new Date('2026-04-02T10:00:00+02:00'));
    ({ opened, app } = world);
    const { org, familyCase } = world;
    await org('G', 'gemeente', 'Gemeente G', 'LEK');
    await org('noord', 'lokaal-team', 'Team Noord', 'LEK', id('G'));
    await org('zuid', 'lokaal-team', 'Team Zuid', 'LEK', id('G'));
    await org('H', 'gemeente', 'Gemeente H', 'LEK');
    await org('oost', 'lokaal-team', 'Team Oost', 'LEK', id('H'));
    await org('R', 'gemeente', 'Gemeente R', 'RIJ');
    await org('west', 'lokaal-team', 'Team West', 'RIJ', id('R'));
    const accounts: [string, string, string[]][] = [
      ['anna', id('noord'), ['casusregisseur']],
      ['cor', id('zuid'), ['casusregisseur']],
      ['olga', id('oost'), ['casusregisseur']],
      ['leider', id('noord'), ['teamleider']],
      ['contract', id('G'), ['contractmanager']],
      ['management-h', id('H'), ['management']],
      ['backoffice', id('G'), ['backoffice']],
    ];
    await world.staff(accounts, 'periodeoverzicht.nl');
    // G, Noord: six families registered 12 January, help started 22 January (10 days each).
    for (let n = 1; n <= 6; n += 1)
      await familyCase(n, id('noord'), id('anna'), 'huisarts', '2026-01-12', '2026-01-22');
    // G, Zuid: five families registered 9 February (four by a GP, one by a youth doctor).
    for (let n = 7; n <= 11; n += 1)
      await familyCase(
        n,
        id('zuid'),
        id('cor'),
        n === 11 ? 'jeugdarts' : 'huisarts',
        '2026-02-09',
        null,
      );
    // G, Noord, before the period: does not count.
    await familyCase(12, id('noord'), id('anna'), 'huisarts', '2025-12-15', null);
    // H, Oost: three families in January, another municipality of the region.
    for (let n = 13; n <= 15; n += 1)
      await familyCase(n, id('oost'), id('olga'), 'huisarts', '2026-01-20', null);
  });
  afterAll(() => world?.close());

  it('a contract manager downloads the report of the own municipality as a PDF', async () => {
    const res = await report('contract', `gemeente=${id('G')}&${PERIOD}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="periodeoverzicht-gemeente-g-2026-01-01-2026-03-31.pdf"',
    );
    const text = await textOf(res.rawPayload);
    expect(text).toContain('Gemeente G');
    expect(text).toContain('Regio Lekstroom (LEK)');
    expect(text).toContain('1 januari 2026 tot en met 31 maart 2026');
    for (const name of DASHBOARDS) expect(text).toContain(DASHBOARD_TITLES[name]);
    // Inflow of G: Noord 6 in January + Zuid 5 in February = 11. Not 14 (H's three
    // families), and family 12 (December) lies before the period.
    expect(text).toContain('11 nieuwe casussen');
    expect(text).toMatch(/jan 2026 6 0 0 6/);
    expect(text).toMatch(/feb 2026 5 0 0 5/);
    expect(text).toMatch(/Totaal 11 0 0 11/);
    // Waiting time, route A: six waits of 10 days, median 10.
    expect(text).toContain('Route A: 10 dagen');
    // By referrer, suppressed: February's single youth-doctor referral reads "< 5".
    expect(text).toContain('< 5');
    expect(text).toContain('ZTM-NORM-CASELOAD');
  });

  it('management of another municipality of the region may make it too', async () => {
    const res = await report('management-h', `gemeente=${id('G')}&${PERIOD}`);
    expect(res.statusCode).toBe(200);
    expect(await textOf(res.rawPayload)).toContain('11 nieuwe casussen');
  });

  it('refuses team leads, other roles and a municipality outside the region', async () => {
    for (const who of ['leider', 'anna', 'backoffice']) {
      const res = await report(who, `gemeente=${id('G')}&${PERIOD}`);
      expect(res.statusCode, who).toBe(403);
      expect(res.json().error.message).toMatch(/management en contractmanagers/);
    }
    const otherRegion = await report('contract', `gemeente=${id('R')}&${PERIOD}`);
    expect(otherRegion.statusCode).toBe(403);
    expect(otherRegion.json().error.fields).toEqual([
      expect.objectContaining({ path: 'querystring.gemeente' }),
    ]);
    // A local team is not a municipality.
    const team = await report('contract', `gemeente=${id('noord')}&${PERIOD}`);
    expect(team.statusCode).toBe(403);
    const anonymous = await app.inject({
      method: 'GET',
      url: `/api/v1/rapportages/periode?gemeente=${id('G')}&${PERIOD}`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses bad dates naming the field', async () => {
    const badDay = await report('contract', `gemeente=${id('G')}&van=2026-02-30&tot=2026-03-31`);
    expect(badDay.statusCode).toBe(400);
    expect(JSON.stringify(badDay.json())).toContain('querystring.van');
    const reversed = await report('contract', `gemeente=${id('G')}&van=2026-03-01&tot=2026-01-01`);
    expect(reversed.statusCode).toBe(400);
    expect(JSON.stringify(reversed.json())).toContain('querystring.tot');
    const noMunicipality = await report('contract', PERIOD);
    expect(noMunicipality.statusCode).toBe(400);
    expect(JSON.stringify(noMunicipality.json())).toContain('querystring.gemeente');
  });

  it('audits the download with the municipality and the period', async () => {
    const audited = () =>
      opened.db
        .selectFrom('audit_log')
        .select(['details'])
        .where('action', '=', 'rapportage.periode')
        .where('staff_id', '=', id('contract'))
        .execute();
    const before = (await audited()).length;
    expect(
      (await report('contract', `gemeente=${id('G')}&van=2026-02-01&tot=2026-02-28`)).statusCode,
    ).toBe(200);
    const after = await audited();
    expect(after.length).toBe(before + 1);
    expect(after.map((a) => a.details)).toContainEqual({
      gemeente: id('G'),
      van: '2026-02-01',
      tot: '2026-02-28',
    });
  });
});
