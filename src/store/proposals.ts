/**
 * Route A allocation in the database (DOMAIN.md sections 4 and 6; GRO "Het beslisproces"
 * steps 4-7): the local team proposes an arrangement for one young person, with a contracted
 * provider, products and the substantive handover; the municipality's back office allocates
 * (JW301 through the exchange, behandelregie for the provider, the handover opened to it) or
 * refuses with a reason. Every step is one transaction with its audit record; a proposal that
 * fails a check is not stored, and an allocation whose JW301 fails validation is not made.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  arrangementFromPlan,
  proposalProblems,
  splitName,
  type Arrangement,
  type BudgetState,
  type Contact,
  type Handover,
  type ProposalProblem,
  type ProposedLine,
} from '../domain/allocation/index.js';
import type { PlanContent } from '../domain/plans/types.js';
import { localDay, ymdFromDay } from '../domain/time/index.js';
import { issueAllocation, lineValue } from '../ijw/allocate.js';
import { FlowError } from '../ijw/flow-error.js';
import { allocationProposalDecided } from './adjustments.js';
import { writeAudit } from './audit.js';
import { consentForHandover } from './consents.js';
import { withdrawalMessage } from '../domain/privacy/consent.js';

/** What a withdrawal means for an allocation: the substantive handover does not go out. */
const NO_HANDOVER_TO_PROVIDER =
  'Zonder toestemming gaat de inhoudelijke overdracht niet naar de aanbieder; bespreek dit met het gezin';
import { listProducts } from './catalogue.js';
import { inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { listContracts, municipalityBudget } from './contracts.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The plans whose goals make the arrangement on route A, in order of preference. */
const ARRANGEMENT_PLANS = ['ondersteuningsplan', 'gezinsplan', 'familiegroepsplan'];

export interface ProposalInput {
  readonly clientId: string;
  readonly providerAgb: string;
  readonly lines: readonly ProposedLine[];
  readonly supportElements: readonly string[];
  readonly bridging: Arrangement['bridging'];
  readonly expertAdvice: { readonly date: string; readonly summary: string } | null;
  readonly handover: Omit<Handover, 'contacts'> & {
    /** Contact details of household members, by person id. */
    readonly contacts: readonly {
      readonly personId: string;
      readonly phone?: string;
      readonly email?: string;
      readonly address?: Contact['address'];
    }[];
    readonly casusregisseurPhone?: string;
  };
}

/** What is stored as the proposal's content, and what the provider later reads. */
export interface ProposalContent {
  readonly arrangement: Arrangement;
  readonly lines: readonly ProposedLine[];
  readonly handover: Handover;
  readonly expertAdvice: { readonly date: string; readonly summary: string } | null;
  readonly planKind: string;
  readonly planVersion: number;
}

async function fixedPlan(db: Db, caseId: string) {
  const rows = await db
    .selectFrom('plan')
    .innerJoin('plan_version', 'plan_version.plan_id', 'plan.id')
    .select(['plan.kind', 'plan_version.id', 'plan_version.version', 'plan_version.content'])
    .where('plan.case_id', '=', caseId)
    .where('plan_version.status', '=', 'vastgesteld')
    .where('plan.kind', 'in', ARRANGEMENT_PLANS)
    .orderBy('plan_version.fixed_at', 'desc')
    .execute();
  rows.sort((a, b) => ARRANGEMENT_PLANS.indexOf(a.kind) - ARRANGEMENT_PLANS.indexOf(b.kind));
  return rows[0];
}

/** The municipality that commissions help for a case: its team's parent, else the region's. */
async function municipalityFor(db: Db, caseId: string) {
  const c = await db
    .selectFrom('casus')
    .leftJoin('organisation as team', 'team.id', 'casus.responsible_team_id')
    .select(['casus.region', 'casus.route', 'casus.household_id', 'team.parent_id'])
    .where('casus.id', '=', caseId)
    .executeTakeFirstOrThrow();
  let query = db
    .selectFrom('organisation')
    .select(['id', 'agb_code', 'name'])
    .where('kind', '=', 'gemeente')
    .where('region', '=', c.region);
  if (c.parent_id) query = query.where('id', '=', c.parent_id);
  const municipality = await query.orderBy('name').executeTakeFirst();
  return { casus: c, municipality };
}

/** The casusregisseur's contact: the professional holding casusregie, else the proposer. */
async function casusregisseurContact(db: Db, ctx: RequestContext, caseId: string, now: Date) {
  const holder = await db
    .selectFrom('case_role')
    .innerJoin('staff', 'staff.id', 'case_role.staff_id')
    .innerJoin('organisation', 'organisation.id', 'staff.organisation_id')
    .select(['staff.name', 'staff.email', 'organisation.name as organisation'])
    .where('case_role.case_id', '=', caseId)
    .where('case_role.role', '=', 'casusregie')
    .where('case_role.starts_at', '<=', now)
    .where((eb) => eb.or([eb('case_role.ends_at', 'is', null), eb('case_role.ends_at', '>', now)]))
    .executeTakeFirst();
  if (holder) return holder;
  return db
    .selectFrom('staff')
    .innerJoin('organisation', 'organisation.id', 'staff.organisation_id')
    .select(['staff.name', 'staff.email', 'organisation.name as organisation'])
    .where('staff.id', '=', ctx.actor.staffId)
    .executeTakeFirstOrThrow();
}

function refuse(problems: readonly ProposalProblem[]): never {
  throw new FlowError('Dit toewijzingsvoorstel kan zo niet.', problems);
}

/** Checks a proposal against the case, its plan, the catalogue and the contracts. */
async function checkedContent(
  db: Db,
  ctx: RequestContext,
  caseId: string,
  input: ProposalInput,
  now: Date,
) {
  const { casus, municipality } = await municipalityFor(db, caseId);
  if (casus.route !== 'A')
    throw new FlowError(
      'Alleen op route A stelt het lokale team een toewijzing voor; op route B vraagt de aanbieder die aan (JW315).',
      [],
      'conflict',
    );
  if (!municipality?.agb_code)
    throw new FlowError(
      'Er is geen gemeente met een CBS-code die deze hulp toewijst.',
      [],
      'conflict',
    );
  const plan = await fixedPlan(db, caseId);
  if (!plan)
    refuse([
      {
        path: 'plan',
        message:
          'stel eerst het plan met het gezin vast; het arrangement volgt uit de doelen van het vastgestelde plan',
      },
    ]);
  const people = await db
    .selectFrom('person')
    .select(['id', 'kind', 'name', 'bsn', 'birth_date'])
    .where('household_id', '=', casus.household_id)
    .execute();
  const client = people.find((p) => p.id === input.clientId && p.kind === 'jeugdige');
  if (!client) refuse([{ path: 'jeugdigeId', message: 'geen jeugdige van dit gezin' }]);
  const provider = await db
    .selectFrom('organisation')
    .select(['id', 'name', 'agb_code'])
    .where('kind', '=', 'aanbieder')
    .where('agb_code', '=', input.providerAgb)
    .executeTakeFirst();
  const contacts: Contact[] = [];
  const contactProblems: ProposalProblem[] = [];
  input.handover.contacts.forEach((c, i) => {
    const person = people.find((p) => p.id === c.personId);
    if (!person) {
      contactProblems.push({
        path: `overdracht.contacten.${i}.persoonId`,
        message: 'geen lid van dit gezin',
      });
      return;
    }
    contacts.push({
      personId: person.id,
      role: person.kind === 'jeugdige' ? 'jeugdige' : 'gezagsdrager',
      name: person.name,
      phone: c.phone?.trim() || undefined,
      email: c.email?.trim() || undefined,
      // The iJw address wants "9713AB": no space, capitals.
      address: c.address && {
        street: c.address.street.trim(),
        number: c.address.number.trim(),
        postcode: c.address.postcode.replace(/\s+/g, '').toUpperCase(),
        city: c.address.city.trim(),
      },
    });
  });
  const regisseur = await casusregisseurContact(db, ctx, caseId, now);
  contacts.push({
    role: 'casusregisseur',
    name: `${regisseur.name} (${regisseur.organisation})`,
    email: regisseur.email,
    phone: input.handover.casusregisseurPhone?.trim() || undefined,
  });
  const handover: Handover = {
    clarifiedQuestion: input.handover.clarifiedQuestion,
    analysisSummary: input.handover.analysisSummary,
    estimatedNeed: input.handover.estimatedNeed,
    motivation: input.handover.motivation,
    contacts,
  };
  const arrangement = arrangementFromPlan(
    plan.content as PlanContent,
    input.supportElements,
    input.bridging,
  );
  const catalogue = await listProducts(db, casus.region);
  const problems = [
    ...(provider
      ? []
      : [{ path: 'aanbieder', message: `geen aanbieder met AGB-code ${input.providerAgb}` }]),
    ...contactProblems,
    ...proposalProblems(
      { lines: input.lines, arrangement, handover },
      {
        catalogue,
        contracts: await listContracts(db, casus.region),
        providerAgb: input.providerAgb,
        expertAdvice: input.expertAdvice,
        client: { id: client.id, name: client.name, bsn: client.bsn, birthDate: client.birth_date },
      },
    ),
  ];
  if (problems.length > 0) refuse(problems);
  if (!provider) return refuse([]);
  const content: ProposalContent = {
    arrangement,
    lines: input.lines,
    handover,
    expertAdvice: input.expertAdvice,
    planKind: plan.kind,
    planVersion: plan.version,
  };
  return { casus, municipality, plan, client, provider, catalogue, content };
}

export async function proposeAllocation(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: ProposalInput,
  now: Date,
): Promise<{ id: string }> {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const checked = await checkedContent(trx, ctx, caseId, input, now);
    // Jeugdwet 7.3.11 (ADR 0018): the substantive handover goes to the provider once allocated;
    // after the family withdrew consent for it, it is not proposed.
    const consent = await consentForHandover(trx, caseId, checked.provider.id, null, now);
    if (consent.outcome === 'ingetrokken') {
      const message = withdrawalMessage(consent.evaluation, consent.kind, NO_HANDOVER_TO_PROVIDER);
      throw new StoreError('conflict', message, [{ path: 'aanbieder', message }]);
    }
    const row = await trx
      .insertInto('allocation_proposal')
      .values({
        case_id: caseId,
        region: checked.casus.region,
        municipality_code: checked.municipality.agb_code ?? '',
        provider_id: checked.provider.id,
        client_id: checked.client.id,
        plan_version_id: checked.plan.id,
        content: JSON.stringify(checked.content),
        status: 'voorgesteld',
        proposed_by: ctx.actor.staffId,
        proposed_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('case_event')
      .values({
        case_id: caseId,
        type: 'notitie',
        at: now,
        child_id: checked.client.id,
        kind: null,
        date: null,
        note: `Toewijzing voorgesteld aan ${checked.municipality.name}: ${input.lines.map((l) => l.productCode).join(', ')} bij ${checked.provider.name}${input.bridging ? ' (overbrugging)' : ''}`,
        recorded_by: ctx.actor.staffId,
      })
      .execute();
    await writeAudit(trx, ctx, {
      action: 'toewijzingsvoorstel.indienen',
      caseId,
      details: { proposal: row.id, provider: input.providerAgb },
    });
    return { id: row.id };
  });
}

export interface ProposalView {
  readonly id: string;
  readonly caseId: string;
  readonly householdLabel: string;
  readonly status: 'voorgesteld' | 'toegewezen' | 'afgewezen';
  readonly municipalityCode: string;
  readonly provider: { readonly name: string; readonly agb: string };
  readonly client: { readonly id: string; readonly name: string };
  readonly proposedBy: string;
  readonly proposedAt: Date;
  readonly decidedAt: Date | null;
  readonly decisionReason: string | null;
  readonly content: ProposalContent;
  readonly numbers: readonly string[];
}

function proposalQuery(db: Db) {
  return db
    .selectFrom('allocation_proposal as p')
    .innerJoin('casus', 'casus.id', 'p.case_id')
    .innerJoin('household', 'household.id', 'casus.household_id')
    .innerJoin('organisation as provider', 'provider.id', 'p.provider_id')
    .innerJoin('person as client', 'client.id', 'p.client_id')
    .innerJoin('staff as proposer', 'proposer.id', 'p.proposed_by')
    .select([
      'p.id',
      'p.case_id',
      'p.status',
      'p.municipality_code',
      'p.proposed_at',
      'p.decided_at',
      'p.decision_reason',
      'p.content',
      'p.provider_id',
      'household.label',
      'provider.name as provider_name',
      'provider.agb_code as provider_agb',
      'client.id as client_id',
      'client.name as client_name',
      'proposer.name as proposer_name',
    ]);
}

async function view(
  db: Db,
  row: Awaited<ReturnType<ReturnType<typeof proposalQuery>['executeTakeFirstOrThrow']>>,
): Promise<ProposalView> {
  const numbers = await db
    .selectFrom('allocation')
    .select('number')
    .where('proposal_id', '=', row.id)
    .orderBy('number')
    .execute();
  return {
    id: row.id,
    caseId: row.case_id,
    householdLabel: row.label,
    status: row.status,
    municipalityCode: row.municipality_code,
    provider: { name: row.provider_name, agb: row.provider_agb ?? '' },
    client: { id: row.client_id, name: row.client_name },
    proposedBy: row.proposer_name,
    proposedAt: row.proposed_at,
    decidedAt: row.decided_at,
    decisionReason: row.decision_reason,
    content: row.content as ProposalContent,
    numbers: numbers.map((n) => n.number),
  };
}

/** The proposals sent to a municipality, newest first. */
export async function listProposals(
  db: Kysely<Database>,
  ctx: RequestContext,
  municipalityCode: string,
  status: ProposalView['status'] | null,
): Promise<ProposalView[]> {
  let query = proposalQuery(db).where('p.municipality_code', '=', municipalityCode);
  if (status) query = query.where('p.status', '=', status);
  const rows = await query.orderBy('p.proposed_at', 'desc').limit(200).execute();
  await writeAudit(db, ctx, {
    action: 'toewijzingsvoorstel.lijst',
    details: { municipality: municipalityCode, status, count: rows.length },
  });
  return Promise.all(rows.map((r) => view(db, r)));
}

/** Value of the proposal's lines in the budget year of its first start date. */
export function proposalBudgetYear(content: ProposalContent, now: Date): number {
  const first = content.lines.map((l) => l.start).sort()[0];
  return first ? Number(first.slice(0, 4)) : ymdFromDay(localDay(now.getTime())).year;
}

/** One proposal for its municipality's back office, with the budget it would use. */
export async function getProposal(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  municipalityCode: string,
  now: Date,
): Promise<{ proposal: ProposalView; budget: BudgetState }> {
  const row = /^[0-9a-f-]{36}$/i.test(id)
    ? await proposalQuery(db)
        .where('p.id', '=', id)
        .where('p.municipality_code', '=', municipalityCode)
        .executeTakeFirst()
    : undefined;
  if (!row) throw new StoreError('not-found', 'Toewijzingsvoorstel niet gevonden.');
  const proposal = await view(db, row);
  const year = proposalBudgetYear(proposal.content, now);
  const products = await listProducts(db, (await regionOfCase(db, row.case_id)) ?? '');
  const proposed = proposal.content.lines.reduce((sum, l) => {
    const p = products.find((x) => x.code === l.productCode);
    return l.start.startsWith(String(year)) && p
      ? sum +
          lineValue({
            productCode: l.productCode,
            category: p.category,
            volume: l.volume,
            unit: p.unit,
            frequency: p.frequency,
            tariffCents: p.tariffCents,
            start: l.start,
            end: l.end,
          })
      : sum;
  }, 0);
  const budget = await municipalityBudget(
    db,
    municipalityCode,
    year,
    proposal.status === 'voorgesteld' ? proposed : 0,
  );
  await writeAudit(db, ctx, {
    action: 'toewijzingsvoorstel.lezen',
    caseId: row.case_id,
    details: { proposal: id },
  });
  return { proposal, budget };
}

async function regionOfCase(db: Db, caseId: string) {
  const row = await db
    .selectFrom('casus')
    .select('region')
    .where('id', '=', caseId)
    .executeTakeFirst();
  return row?.region;
}

export type Decision =
  | {
      readonly decision: 'toewijzen';
      readonly expertAdvice: { readonly date: string; readonly summary: string } | null;
    }
  | { readonly decision: 'afwijzen'; readonly reason: string };

/**
 * The back office's decision. Allocating checks the proposal again (catalogue, contracts and
 * the expert gate as they are today), issues the JW301, gives the provider behandelregie on
 * the case and so opens the handover to it.
 */
export async function decideProposal(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  municipalityCode: string,
  decision: Decision,
  now: Date,
): Promise<{ status: 'toegewezen' | 'afgewezen'; numbers: string[]; messageId: string | null }> {
  return db.transaction().execute(async (trx) => {
    const row = /^[0-9a-f-]{36}$/i.test(id)
      ? await trx
          .selectFrom('allocation_proposal')
          .selectAll()
          .where('id', '=', id)
          .where('municipality_code', '=', municipalityCode)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    if (!row) throw new StoreError('not-found', 'Toewijzingsvoorstel niet gevonden.');
    if (row.status !== 'voorgesteld')
      throw new FlowError(`Over dit voorstel is al besloten (${row.status}).`, [], 'conflict');
    const content = row.content as ProposalContent;
    if (decision.decision === 'afwijzen') {
      await trx
        .updateTable('allocation_proposal')
        .set({
          status: 'afgewezen',
          decided_by: ctx.actor.staffId,
          decided_at: now,
          decision_reason: decision.reason,
        })
        .where('id', '=', id)
        .execute();
      await trx
        .insertInto('case_event')
        .values({
          case_id: row.case_id,
          type: 'notitie',
          at: now,
          child_id: row.client_id,
          kind: null,
          date: null,
          note: `Toewijzingsvoorstel afgewezen door de gemeente: ${decision.reason}`,
          recorded_by: ctx.actor.staffId,
        })
        .execute();
      await writeAudit(trx, ctx, {
        action: 'toewijzingsvoorstel.afwijzen',
        caseId: row.case_id,
        details: { proposal: id },
      });
      // A proposal for new help from an approved adjustment: the adjustment learns the outcome.
      await allocationProposalDecided(
        trx,
        ctx,
        id,
        { allocated: false, reason: decision.reason },
        now,
      );
      return { status: 'afgewezen', numbers: [], messageId: null };
    }
    const provider = await trx
      .selectFrom('organisation')
      .select(['id', 'agb_code'])
      .where('id', '=', row.provider_id)
      .executeTakeFirstOrThrow();
    const client = await trx
      .selectFrom('person')
      .select(['id', 'name', 'bsn', 'birth_date'])
      .where('id', '=', row.client_id)
      .executeTakeFirstOrThrow();
    const expertAdvice = decision.expertAdvice ?? content.expertAdvice;
    const catalogue = await listProducts(trx, row.region);
    const problems = proposalProblems(
      { lines: content.lines, arrangement: content.arrangement, handover: content.handover },
      {
        catalogue,
        contracts: await listContracts(trx, row.region),
        providerAgb: provider.agb_code ?? '',
        expertAdvice,
        client: { id: client.id, name: client.name, bsn: client.bsn, birthDate: client.birth_date },
      },
    );
    if (problems.length > 0)
      throw new FlowError('Deze toewijzing kan nog niet worden gedaan.', problems);
    // Consent withdrawn since the proposal: the handover would reach the provider without it.
    const consent = await consentForHandover(trx, row.case_id, provider.id, null, now);
    if (consent.outcome === 'ingetrokken') {
      const message = withdrawalMessage(consent.evaluation, consent.kind, NO_HANDOVER_TO_PROVIDER);
      throw new FlowError(message, [{ path: 'aanbieder', message }], 'conflict');
    }
    const address = content.handover.contacts.find((c) => c.personId === client.id)?.address;
    if (!address || !client.bsn || !client.birth_date)
      throw new FlowError('Adres, BSN of geboortedatum van de jeugdige ontbreekt.', []);
    const name = splitName(client.name);
    const issued = await issueAllocation(trx, {
      caseId: row.case_id,
      region: row.region,
      municipalityCode,
      provider: { id: provider.id, agb: provider.agb_code ?? '' },
      client: {
        bsn: client.bsn,
        birthDate: client.birth_date,
        gender: '0',
        lastName: name.lastName,
        prefix: name.prefix || undefined,
        firstNames: name.firstNames || undefined,
        initials: name.initials || undefined,
        address,
      },
      lines: content.lines.map((l) => {
        const p = catalogue.find((x) => x.code === l.productCode);
        return {
          productCode: l.productCode,
          category: p?.category ?? l.productCode.slice(0, 2),
          volume: l.volume,
          unit: p?.unit ?? '',
          frequency: p?.frequency ?? '',
          tariffCents: p?.tariffCents ?? 0,
          start: l.start,
          end: l.end,
        };
      }),
      answersId: null,
      bridging: content.arrangement.bridging !== null,
      proposalId: row.id,
      note: expertAdvice
        ? `advies expertpool ${expertAdvice.date}: ${expertAdvice.summary}`
        : 'met inhoudelijke overdracht (GRO-DEC-OVERDRACHT)',
      recordedBy: ctx.actor.staffId,
      now,
    });
    await trx
      .updateTable('allocation_proposal')
      .set({
        status: 'toegewezen',
        decided_by: ctx.actor.staffId,
        decided_at: now,
        message_id: issued.messageId,
        content: JSON.stringify({ ...content, expertAdvice }),
      })
      .where('id', '=', id)
      .execute();
    // The provider takes behandelregie for the help it was allocated (DOMAIN.md section 2).
    const running = await trx
      .selectFrom('case_role')
      .select('id')
      .where('case_id', '=', row.case_id)
      .where('role', '=', 'behandelregie')
      .where('organisation_id', '=', provider.id)
      .where('ends_at', 'is', null)
      .executeTakeFirst();
    if (!running)
      await trx
        .insertInto('case_role')
        .values({
          case_id: row.case_id,
          role: 'behandelregie',
          holder: 'organisatie',
          staff_id: null,
          organisation_id: provider.id,
          starts_at: now,
          ends_at: null,
          reason: `toewijzing ${issued.numbers.join(', ')}`,
          created_by: ctx.actor.staffId,
        })
        .execute();
    // From an approved adjustment: the allocation it replaces now ends (a changed JW301).
    await allocationProposalDecided(
      trx,
      ctx,
      id,
      { allocated: true, numbers: issued.numbers },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'toewijzingsvoorstel.toewijzen',
      caseId: row.case_id,
      details: { proposal: id, allocations: issued.numbers },
    });
    return { status: 'toegewezen', numbers: issued.numbers, messageId: issued.messageId };
  });
}

/**
 * The handovers of a case as its reader may see them: the local team (or whoever reads the
 * case through its own or the responsible team's role) sees every proposal; a provider sees
 * only the allocations made to it, with their handover.
 */
export async function caseHandovers(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<ProposalView[]> {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const org = await trx
      .selectFrom('organisation')
      .select('kind')
      .where('id', '=', ctx.actor.organisationId)
      .executeTakeFirstOrThrow();
    let query = proposalQuery(trx).where('p.case_id', '=', caseId);
    if (org.kind === 'aanbieder')
      query = query
        .where('p.provider_id', '=', ctx.actor.organisationId)
        .where('p.status', '=', 'toegewezen');
    const rows = await query.orderBy('p.proposed_at', 'desc').execute();
    await writeAudit(trx, ctx, {
      action: 'overdracht.lezen',
      caseId,
      details: { proposals: rows.map((r) => r.id) },
    });
    return Promise.all(rows.map((r) => view(trx, r)));
  });
}
