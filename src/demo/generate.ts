/**
 * Fills a database with demo data: organisations of the five regions with a login per role,
 * and any number of fictional cases with households, role history and timelines that make the
 * rules engine show deadlines in every state. The same seed gives the same data (apart from
 * generated ids). Generated data is not a user action, so it writes no audit records; it goes
 * through every constraint of the schema like any other write.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { StaffRole } from '../domain/access/case-access.js';
import type { Database } from '../store/schema.js';
import { insertDemoBudgets } from './budget.js';
import { planCase, type PlannedCase } from './cases.js';
import { DEMO_EMAIL_DOMAIN, planOrganisations, type DemoOrganisations } from './organisations.js';
import { insertDemoPortalPeople } from './portal.js';
import { Random, streamSeed } from './random.js';
import { insertDemoScores } from './scores.js';

export interface DemoOptions {
  /** How many cases to generate. */
  cases: number;
  /** Same seed, same data; defaults to {@link DEFAULT_SEED}. */
  seed?: number;
  /** The moment the demo is generated for: nothing happens after it. */
  now: Date;
  /** The product's password hash; called once, the hash is shared by all demo accounts. */
  hashPassword: (plain: string) => Promise<string>;
}

export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  roles: StaffRole[];
  organisation: string;
  region: string;
}

export const DEMO_PASSWORD = 'Demo-wachtwoord-2026';
export const DEFAULT_SEED = 20_261_123;

const CASES_PER_TRANSACTION = 500;
/** Salts the streams that pick which colleagues work on a case (apart from the case's own). */
const CREW_SALT = 0x5ca1ab1e;
const ROWS_PER_INSERT = 1000;
const DAY = 86_400_000;

type Rows<T extends keyof Database> = Insertable<Database[T]>[];

async function insertAll<T extends keyof Database>(
  trx: Transaction<Database>,
  table: T,
  rows: Rows<T>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const slice = rows.slice(i, i + ROWS_PER_INSERT);
    // Kysely cannot relate a generic table name to its row type; the rows are typed above.
    await trx
      .insertInto(table)
      .values(slice as never)
      .execute();
  }
}

async function insertOrganisations(
  db: Kysely<Database>,
  plan: DemoOrganisations,
  passwordHash: string,
  createdAt: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const rows = (parents: boolean): Rows<'organisation'> =>
      plan.organisations
        .filter((o) => (o.parentId === null) === parents)
        .map((o) => ({
          id: o.id,
          kind: o.kind,
          name: o.name,
          region: o.region,
          agb_code: o.agbCode,
          parent_id: o.parentId,
          created_at: createdAt,
        }));
    await insertAll(trx, 'organisation', rows(true));
    await insertAll(trx, 'organisation', rows(false));
    await insertAll(
      trx,
      'staff',
      plan.staff.map((s) => ({
        id: s.id,
        organisation_id: s.organisationId,
        name: s.name,
        email: s.email,
        password_hash: passwordHash,
        roles: [s.role],
        created_at: createdAt,
      })),
    );
  });
}

/** A small product catalogue per region, valid since last year (GRO "Productcatalogus"). */
const DEMO_PRODUCTS = [
  ['45A03', '45', 'Ambulante gezinsbehandeling', 'ambulant', true, '04', '2', 9850],
  ['45A05', '45', 'Jeugdhulp in onderwijstijd', 'jhio', true, '04', '2', 8900],
  ['46A01', '46', 'Crisishulp ambulant', 'crisis-ambulant', true, '04', '2', 11200],
  ['41A01', '41', 'Dagbehandeling', 'dagbehandeling', false, '16', '2', 16500],
  ['43A01', '43', 'Verblijf met behandeling', 'verblijf', false, '14', '2', 41200],
] as const;

async function insertCatalogue(
  db: Kysely<Database>,
  plan: DemoOrganisations,
  year: number,
): Promise<void> {
  await db.transaction().execute((trx) =>
    insertAll(
      trx,
      'product',
      plan.regions.flatMap((r) =>
        DEMO_PRODUCTS.map(([code, category, name, segment, free, unit, frequency, tariff]) => ({
          region: r.setup.region,
          code,
          category,
          name,
          segment,
          freely_accessible: free,
          unit,
          frequency,
          tariff_cents: tariff,
          valid_from: `${year - 1}-01-01`,
          valid_to: null,
        })),
      ),
    ),
  );
  // GRO's purchasing model: the first provider is the contract partner for every product,
  // the second delivers as its subcontractor. Each municipality gets a budget for the year.
  await db.transaction().execute(async (trx) => {
    await insertAll(
      trx,
      'contract',
      plan.regions.flatMap((r) => {
        const [partner, ...subcontractors] = r.providers;
        if (!partner?.agbCode) return [];
        const line = (p: typeof partner) => ({
          region: r.setup.region,
          partner_agb: partner.agbCode ?? '',
          partner_name: partner.name,
          provider_agb: p.agbCode ?? '',
          provider_name: p.name,
          products: DEMO_PRODUCTS.map(([code]) => code),
          valid_from: `${year - 1}-01-01`,
          valid_to: null,
        });
        return [partner, ...subcontractors].map(line);
      }),
    );
    await insertAll(
      trx,
      'budget',
      plan.regions.map((r) => ({
        municipality_code: r.setup.cbsCode,
        year,
        amount_cents: r.setup.weight * 100_000_000,
        updated_at: new Date(`${year}-01-01T00:00:00Z`),
        updated_by: null,
      })),
    );
  });
}

interface CaseRows {
  household: Rows<'household'>;
  person: Rows<'person'>;
  casus: Rows<'casus'>;
  case_role: Rows<'case_role'>;
  case_event: Rows<'case_event'>;
}

function addCaseRows(rows: CaseRows, plan: PlannedCase, rng: Random, nowMs: number): void {
  const householdId = randomUUID();
  const caseId = randomUUID();
  const registered = new Date(plan.registeredAt);
  rows.household.push({
    id: householdId,
    label: plan.householdLabel,
    region: plan.region,
    created_at: registered,
  });
  const personIds = plan.persons.map((p) => {
    const id = randomUUID();
    rows.person.push({
      id,
      household_id: householdId,
      kind: p.kind,
      name: p.name,
      birth_date: p.birthDate,
      bsn: p.bsn,
      created_at: registered,
    });
    return id;
  });
  rows.casus.push({
    id: caseId,
    household_id: householdId,
    region: plan.region,
    route: plan.route,
    segment: plan.segment,
    measure: plan.measure,
    step: plan.step,
    responsible_team_id: plan.responsibleTeamId,
    registered_by_org_id: plan.registeredByOrgId,
    referrer_type: plan.referrer?.type ?? null,
    referrer_code: plan.referrer?.code ?? null,
    court_order_date: plan.courtOrderDate,
    facts: JSON.stringify(plan.facts),
    created_at: registered,
    closed_at: plan.closedAt === null ? null : new Date(plan.closedAt),
  });
  for (const r of plan.roles)
    rows.case_role.push({
      case_id: caseId,
      role: r.role,
      holder: r.holder,
      organisation_id: r.organisationId,
      staff_id: r.staffId,
      starts_at: new Date(r.startsAt),
      ends_at: r.endsAt === null ? null : new Date(r.endsAt),
      reason: r.reason,
      created_by: r.createdBy,
      created_at: new Date(r.startsAt),
    });
  for (const e of plan.events) {
    // Recorded a little after it happened; the court order when the case was registered.
    const recordedAt =
      e.type === 'rechterlijke-opdracht'
        ? plan.registeredAt
        : Math.min(e.at + rng.int(2, 240) * 60_000, Math.max(nowMs, e.at));
    rows.case_event.push({
      case_id: caseId,
      type: e.type,
      at: new Date(e.at),
      child_id: e.childIndex === null ? null : (personIds[e.childIndex] ?? null),
      kind: e.kind,
      date: e.date,
      note: e.note,
      recorded_by: e.recordedBy,
      recorded_at: new Date(recordedAt),
    });
  }
}

/**
 * Generates the demo organisations, accounts and `options.cases` cases. Refuses a database
 * that already holds demo accounts (the e-mail addresses are fixed).
 */
export async function generateDemoData(
  db: Kysely<Database>,
  options: DemoOptions,
): Promise<{ accounts: DemoAccount[]; cases: number }> {
  if (!Number.isInteger(options.cases) || options.cases < 0)
    throw new Error('het aantal casussen is een geheel getal van 0 of meer');
  const nowMs = options.now.getTime();
  if (Number.isNaN(nowMs)) throw new Error('"now" is geen geldig tijdstip');
  const known = await db
    .selectFrom('staff')
    .select('id')
    .where('email', 'like', `%@${DEMO_EMAIL_DOMAIN}`)
    .executeTakeFirst();
  if (known) throw new Error('Deze database bevat al demodata; begin met een lege database.');

  const seed = options.seed ?? DEFAULT_SEED;
  const organisations = planOrganisations(new Random(streamSeed(seed, 0)), options.cases);
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  await insertOrganisations(db, organisations, passwordHash, new Date(nowMs - 3 * 365 * DAY));
  await insertCatalogue(db, organisations, new Date(nowMs).getUTCFullYear());

  // BSNs already in the database are skipped, so the unique index never trips.
  const usedBsns = new Set(
    (await db.selectFrom('person').select('bsn').where('bsn', 'is not', null).execute()).flatMap(
      (p) => (p.bsn === null ? [] : [p.bsn]),
    ),
  );
  for (let first = 0; first < options.cases; first += CASES_PER_TRANSACTION) {
    const rows: CaseRows = { household: [], person: [], casus: [], case_role: [], case_event: [] };
    const last = Math.min(first + CASES_PER_TRANSACTION, options.cases);
    for (let n = first; n < last; n++) {
      // One stream per case: case n is the same whatever the total.
      const rng = new Random(streamSeed(seed, n + 1));
      const crewRng = new Random(streamSeed(seed ^ CREW_SALT, n + 1));
      const plan = planCase(rng, organisations.regions, nowMs, usedBsns, crewRng);
      addCaseRows(rows, plan, rng, nowMs);
    }
    await db.transaction().execute(async (trx) => {
      await insertAll(trx, 'household', rows.household);
      await insertAll(trx, 'person', rows.person);
      await insertAll(trx, 'casus', rows.casus);
      await insertAll(trx, 'case_role', rows.case_role);
      await insertAll(trx, 'case_event', rows.case_event);
    });
  }

  const byId = new Map(organisations.organisations.map((o) => [o.id, o]));
  const accounts = organisations.staff.map((s): DemoAccount => {
    const organisation = byId.get(s.organisationId);
    return {
      email: s.email,
      password: DEMO_PASSWORD,
      name: s.name,
      roles: [s.role],
      organisation: organisation?.name ?? '',
      region: organisation?.region ?? '',
    };
  });
  await insertDemoPortalPeople(db, options.now);
  await insertDemoScores(db, organisations, seed, nowMs);
  await insertDemoBudgets(db, organisations, seed, options.now);
  // Fresh planner statistics after a bulk load: PGlite has no autovacuum, and without them
  // PostgreSQL misjudges the work list's joins by orders of magnitude.
  await sql`analyze`.execute(db);
  return { accounts, cases: options.cases };
}
