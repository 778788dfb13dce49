/**
 * Adjusting help in the database (op- en afschalen; DOMAIN.md section 4 step 2): the
 * casusregisseur side or the treating provider proposes to change one running allocation, the
 * procesregisseur decides, and the allocation changes through the existing allocation path:
 *
 * - help that ends early: at the approval the changed allocation goes out — a JW301 for the
 *   same ToewijzingNummer with the earlier Einddatum and RedenWijziging 05
 *   (`ijw/change-allocation.ts`);
 * - new help (more, less of the same from a date, or something else): the approval sends a
 *   route A allocation proposal to the municipality's back office (ADR 0008), built from the
 *   fixed plan and the handover of the running allocation and checked with the same
 *   `proposalProblems`; the back office decides it as any other proposal (`decideProposal`),
 *   which issues the JW301. When it allocates, `allocationProposalDecided` ends the replaced
 *   allocation the day before the new help starts, in the same transaction, so the family is
 *   never without help and the same product is never allocated twice (OP259).
 *
 * Every step is one transaction with its audit record and a timeline entry; the procesregisseur
 * is notified of a proposal, the proposer of the decision and of the outcome.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CaseAccessFacts } from '../domain/access/case-access.js';
import {
  adjustmentEffect,
  adjustmentProblems,
  decisionProblems,
  hasProcesregisseur,
  isRunning,
  mayAdjustAllocation,
  mayDecideAdjustment,
  mayProposeAdjustment,
  nextState,
  seesAllAdjustments,
  type AdjustedAllocation,
  type AdjustmentDecision,
  type AdjustmentDirection,
  type AdjustmentEffect,
  type AdjustmentProblem,
  type AdjustmentProposal,
  type AdjustmentState,
  type NewHelp,
} from '../domain/allocation/adjustment.js';
import { arrangementFromPlan, proposalProblems } from '../domain/allocation/index.js';
import type { PlanContent } from '../domain/plans/types.js';
import { formatIsoDate, localDay } from '../domain/time/index.js';
import { changeAllocationEnd } from '../ijw/change-allocation.js';
import { FlowError } from '../ijw/flow-error.js';
import { writeAudit } from './audit.js';
import { listProducts } from './catalogue.js';
import { caseAccessFacts, inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { listContracts } from './contracts.js';
import { StoreError } from './errors.js';
import { caseRoleRecipients, notify } from './notifications.js';
import type { ProposalContent } from './proposals.js';
import type { Database } from './schema.js';
import { addTimelineEntry } from './timeline.js';

type Db = Kysely<Database> | Transaction<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The plans whose goals make the arrangement, in order of preference (as route A proposals). */
const ARRANGEMENT_PLANS = ['ondersteuningsplan', 'gezinsplan', 'familiegroepsplan'];

/** "Opschalen" etc. in a sentence. */
const DIRECTION_TEXT: Record<AdjustmentDirection, string> = {
  op: 'opschalen',
  af: 'afschalen',
  anders: 'andere hulp',
};

export interface AdjustmentInput extends AdjustmentProposal {
  /** GRO-GATE-EXPERTPOOL: the expert pool's advice, for new help that is not freely accessible. */
  readonly expertAdvice: { readonly date: string; readonly summary: string } | null;
}

/** What is stored as the proposal's content. */
interface StoredContent {
  readonly end: string | null;
  readonly newHelp: NewHelp | null;
  readonly providerAgb: string | null;
  readonly reasons: string;
  readonly goals: readonly { readonly id: string; readonly description: string }[];
  readonly providerConsultation: string;
  readonly expertAdvice: AdjustmentInput['expertAdvice'];
  readonly proposerIsProvider: boolean;
  /** The allocation as it was when the change was proposed. */
  readonly allocation: {
    readonly number: string;
    readonly productCode: string;
    readonly volume: number | null;
    readonly start: string;
    readonly end: string | null;
  };
}

interface Outcome {
  readonly changed?: {
    readonly number: string;
    readonly from: string | null;
    readonly to: string;
    readonly reason: string;
  };
  readonly numbers?: readonly string[];
  readonly refusal?: string;
}

const today = (now: Date) => formatIsoDate(localDay(now.getTime()));

async function caseFacts(db: Db, caseId: string, now: Date) {
  const casus = await db
    .selectFrom('casus')
    .innerJoin('household', 'household.id', 'casus.household_id')
    .select(['casus.responsible_team_id', 'casus.route', 'household.label'])
    .where('casus.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const access: CaseAccessFacts = (await caseAccessFacts(db, caseId, now)) ?? {
    responsibleTeamId: casus.responsible_team_id,
    activeRoles: [],
  };
  return { access, route: casus.route, label: casus.label };
}

type AllocationRow = AdjustedAllocation & {
  readonly providerName: string;
  readonly unit: string | null;
  readonly frequency: string | null;
  readonly proposalId: string | null;
};

async function caseAllocations(db: Db, caseId: string): Promise<AllocationRow[]> {
  const rows = await db
    .selectFrom('allocation')
    .innerJoin('organisation', 'organisation.id', 'allocation.provider_id')
    .select([
      'allocation.id',
      'allocation.number',
      'allocation.provider_id',
      'allocation.product_code',
      'allocation.volume',
      'allocation.unit',
      'allocation.frequency',
      'allocation.start_date',
      'allocation.end_date',
      'allocation.status',
      'allocation.proposal_id',
      'organisation.agb_code',
      'organisation.name',
    ])
    .where('allocation.case_id', '=', caseId)
    .orderBy('allocation.number')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    providerOrganisationId: r.provider_id,
    providerAgb: r.agb_code ?? '',
    providerName: r.name,
    productCode: r.product_code,
    volume: r.volume,
    unit: r.unit,
    frequency: r.frequency,
    start: r.start_date,
    end: r.end_date,
    status: r.status,
    proposalId: r.proposal_id,
  }));
}

/** The newest fixed plan whose goals make the arrangement (ondersteuningsplan first). */
async function arrangementPlan(db: Db, caseId: string) {
  const rows = await db
    .selectFrom('plan')
    .innerJoin('plan_version', 'plan_version.plan_id', 'plan.id')
    .select(['plan.kind', 'plan_version.id', 'plan_version.version', 'plan_version.content'])
    .where('plan.case_id', '=', caseId)
    .where('plan_version.status', '=', 'vastgesteld')
    .orderBy('plan_version.fixed_at', 'desc')
    .execute();
  const rank = (kind: string) =>
    ARRANGEMENT_PLANS.includes(kind) ? ARRANGEMENT_PLANS.indexOf(kind) : ARRANGEMENT_PLANS.length;
  rows.sort((a, b) => rank(a.kind) - rank(b.kind));
  const row = rows[0];
  if (!row) return null;
  const content = row.content as PlanContent;
  return {
    versionId: row.id,
    kind: row.kind,
    version: row.version,
    content,
    goals: (content.goals ?? []).map((g) => ({ id: g.id, description: g.description })),
    forArrangement: ARRANGEMENT_PLANS.includes(row.kind),
  };
}

/** Problems of the allocation proposal, named as the adjustment's fields. */
function asAdjustmentField(p: { path: string; message: string }): AdjustmentProblem {
  if (p.path === 'producten') return { path: 'nieuweHulp', message: p.message };
  if (p.path.startsWith('producten.0.'))
    return { path: `nieuweHulp.${p.path.slice('producten.0.'.length)}`, message: p.message };
  if (p.path.startsWith('overdracht'))
    return {
      path: 'toewijzingId',
      message: `de overdracht bij deze toewijzing is onvolledig: ${p.message}`,
    };
  return p;
}

/**
 * The allocation proposal for the new help: the running allocation's client, municipality and
 * handover, the arrangement of today's fixed plan, the new line; checked as route A proposals
 * are. Only route A allocations came with a handover; on route B the provider asks the
 * municipality itself (JW317).
 */
async function newHelpProposal(
  trx: Transaction<Database>,
  args: {
    readonly caseId: string;
    readonly route: string;
    readonly allocation: AllocationRow;
    readonly direction: AdjustmentDirection;
    readonly effect: AdjustmentEffect & { readonly newHelp: NewHelp };
    readonly reasons: string;
    readonly proposerName: string;
    readonly expertAdvice: AdjustmentInput['expertAdvice'];
  },
) {
  const { allocation, effect } = args;
  const original = allocation.proposalId
    ? await trx
        .selectFrom('allocation_proposal')
        .select(['region', 'municipality_code', 'client_id', 'content'])
        .where('id', '=', allocation.proposalId)
        .executeTakeFirst()
    : undefined;
  if (args.route !== 'A' || !original)
    throw new FlowError(
      'Nieuwe hulp gaat hier via een toewijzingsvoorstel aan de gemeente, en dat kan alleen op route A. Op route B vraagt de aanbieder de wijziging zelf aan met een verzoek om wijziging (JW317).',
      [],
      'conflict',
    );
  const content = original.content as ProposalContent;
  const [plan, provider, client, catalogue, contracts] = await Promise.all([
    arrangementPlan(trx, args.caseId),
    trx
      .selectFrom('organisation')
      .select(['id', 'name'])
      .where('kind', '=', 'aanbieder')
      .where('agb_code', '=', effect.providerAgb)
      .executeTakeFirst(),
    trx
      .selectFrom('person')
      .select(['id', 'name', 'bsn', 'birth_date'])
      .where('id', '=', original.client_id)
      .executeTakeFirstOrThrow(),
    listProducts(trx, original.region),
    listContracts(trx, original.region),
  ]);
  const shortening = effect.shorten
    ? ` Toewijzing ${allocation.number} eindigt op ${effect.shorten.end} (reden wijziging ${effect.shorten.reason}) zodra deze toewijzing is gedaan.`
    : '';
  const handover = {
    ...content.handover,
    motivation: `Aanpassing (${DIRECTION_TEXT[args.direction]}) van toewijzing ${allocation.number} (${allocation.productCode}), voorgesteld door ${args.proposerName} en goedgekeurd door de procesregisseur: ${args.reasons.trim()}${shortening}`,
  };
  // The expert pool's earlier advice still counts for the same product.
  const expertAdvice =
    args.expertAdvice ??
    (content.lines.some((l) => l.productCode === effect.newHelp.productCode)
      ? content.expertAdvice
      : null);
  const arrangement =
    plan && plan.forArrangement
      ? arrangementFromPlan(plan.content, content.arrangement.supportElements, null)
      : null;
  const problems: AdjustmentProblem[] = [];
  if (!provider)
    problems.push({
      path: 'aanbieder',
      message: `geen aanbieder met AGB-code ${effect.providerAgb}`,
    });
  if (!plan || !arrangement)
    problems.push({
      path: 'plan',
      message: 'er is geen vastgesteld plan; het arrangement voor nieuwe hulp volgt uit de doelen',
    });
  else
    problems.push(
      ...proposalProblems(
        { lines: [effect.newHelp], arrangement, handover },
        {
          catalogue,
          contracts,
          providerAgb: effect.providerAgb,
          expertAdvice,
          client: {
            id: client.id,
            name: client.name,
            bsn: client.bsn,
            birthDate: client.birth_date,
          },
        },
      ).map(asAdjustmentField),
    );
  return {
    problems,
    build: () => {
      if (!provider || !plan || !arrangement) throw new Error('checked before');
      const proposal: ProposalContent = {
        arrangement,
        lines: [effect.newHelp],
        handover,
        expertAdvice,
        planKind: plan.kind,
        planVersion: plan.version,
      };
      return {
        case_id: args.caseId,
        region: original.region,
        municipality_code: original.municipality_code,
        provider_id: provider.id,
        client_id: client.id,
        plan_version_id: plan.versionId,
        content: JSON.stringify(proposal),
        status: 'voorgesteld' as const,
      };
    },
  };
}

/** A 403 from the policies is logged as a refusal (a 404 is logged by `inCaseTransaction`). */
async function loggingRefusals<T>(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreError && error.code === 'forbidden')
      await writeAudit(db, ctx, {
        action: 'aanpassing.geweigerd',
        caseId,
        details: { reason: error.message },
      });
    throw error;
  }
}

async function staffName(db: Db, staffId: string): Promise<string> {
  const row = await db
    .selectFrom('staff')
    .innerJoin('organisation', 'organisation.id', 'staff.organisation_id')
    .select(['staff.name', 'organisation.name as organisation'])
    .where('staff.id', '=', staffId)
    .executeTakeFirstOrThrow();
  return `${row.name} (${row.organisation})`;
}

/** Stores a proposal to adjust one allocation and tells the procesregisseur. */
export async function proposeAdjustment(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: AdjustmentInput,
  now: Date,
): Promise<{ readonly id: string }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return loggingRefusals(db, ctx, caseId, () =>
    inCaseTransaction(db, ctx, async (trx) => {
      await requireAccess(trx, ctx, caseId, now, mayProposeAdjustment);
      const facts = await caseFacts(trx, caseId, now);
      if (!hasProcesregisseur(facts.access))
        throw new FlowError(
          'Niemand heeft procesregie op deze casus, dus niemand kan over een aanpassing besluiten. Wijs eerst procesregie toe.',
          [],
          'conflict',
        );
      const allocations = await caseAllocations(trx, caseId);
      const allocation = UUID.test(input.allocationId)
        ? allocations.find(
            (a) =>
              a.id === input.allocationId &&
              mayAdjustAllocation(ctx.actor, facts.access, a.providerOrganisationId),
          )
        : undefined;
      if (allocation)
        await trx
          .selectFrom('allocation')
          .select('id')
          .where('id', '=', allocation.id)
          .forUpdate()
          .execute();
      const plan = await arrangementPlan(trx, caseId);
      const proposerIsProvider = allocation?.providerOrganisationId === ctx.actor.organisationId;
      const problems = adjustmentProblems(input, {
        allocation,
        otherAllocations: allocations.filter((a) => a.id !== input.allocationId),
        planGoals: plan?.goals ?? [],
        today: today(now),
        proposerIsProvider,
      });
      if (problems.length === 0 && allocation) {
        const effect = adjustmentEffect(input, allocation);
        if (effect.newHelp) {
          const checked = await newHelpProposal(trx, {
            caseId,
            route: facts.route,
            allocation,
            direction: input.direction,
            effect: { ...effect, newHelp: effect.newHelp },
            reasons: input.reasons,
            proposerName: await staffName(trx, ctx.actor.staffId),
            expertAdvice: input.expertAdvice,
          });
          problems.push(...checked.problems);
        }
      }
      if (problems.length > 0 || !allocation)
        throw new StoreError('invalid', 'Dit voorstel kan zo niet.', problems);
      const open = await trx
        .selectFrom('allocation_adjustment')
        .select('id')
        .where('allocation_id', '=', allocation.id)
        .where('status', 'in', ['voorgesteld', 'goedgekeurd'])
        .executeTakeFirst();
      if (open)
        throw new FlowError(
          `Voor toewijzing ${allocation.number} loopt al een voorstel tot aanpassing; wacht eerst dat besluit af.`,
          [],
          'conflict',
        );
      const goals = input.goalIds.map((id) => ({
        id,
        description: plan?.goals.find((g) => g.id === id)?.description ?? '',
      }));
      const content: StoredContent = {
        end: input.end,
        newHelp: input.newHelp,
        providerAgb:
          input.providerAgb && input.providerAgb !== allocation.providerAgb
            ? input.providerAgb
            : null,
        reasons: input.reasons.trim(),
        goals,
        providerConsultation: input.providerConsultation.trim(),
        expertAdvice: input.expertAdvice,
        proposerIsProvider,
        allocation: {
          number: allocation.number,
          productCode: allocation.productCode,
          volume: allocation.volume,
          start: allocation.start,
          end: allocation.end,
        },
      };
      const row = await trx
        .insertInto('allocation_adjustment')
        .values({
          case_id: caseId,
          allocation_id: allocation.id,
          direction: input.direction,
          content: JSON.stringify(content),
          status: 'voorgesteld',
          proposed_by: ctx.actor.staffId,
          proposed_by_org: ctx.actor.organisationId,
          proposed_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // The timeline is read by everyone on the case: what changes, not why.
      await addTimelineEntry(trx, {
        caseId,
        type: 'aanpassing-voorgesteld',
        at: now,
        note: `Voorstel ${DIRECTION_TEXT[input.direction]} voor toewijzing ${allocation.number} (${allocation.productCode})`,
        by: ctx.actor.staffId,
      });
      const procesregie = await caseRoleRecipients(trx, caseId, 'procesregie', now);
      await notify(
        trx,
        {
          kind: 'aanpassing',
          caseId,
          title: `Voorstel om de hulp aan te passen (${DIRECTION_TEXT[input.direction]}) bij ${facts.label}: uw besluit is nodig`,
          link: `/casussen/${caseId}#kop-aanpassingen`,
          staffIds: procesregie.filter((id) => id !== ctx.actor.staffId),
        },
        now,
      );
      await writeAudit(trx, ctx, {
        action: 'aanpassing.voorstellen',
        caseId,
        details: { adjustment: row.id, allocation: allocation.number, direction: input.direction },
      });
      return { id: row.id };
    }),
  );
}

function proposalOf(row: {
  direction: AdjustmentDirection;
  allocation_id: string;
  content: unknown;
}): AdjustmentProposal & { readonly stored: StoredContent } {
  const c = row.content as StoredContent;
  return {
    direction: row.direction,
    allocationId: row.allocation_id,
    end: c.end,
    newHelp: c.newHelp,
    providerAgb: c.providerAgb,
    reasons: c.reasons,
    goalIds: c.goals.map((g) => g.id),
    providerConsultation: c.providerConsultation,
    stored: c,
  };
}

export interface DecisionResult {
  readonly status: AdjustmentState;
  /** The allocation proposal for the new help, now with the municipality's back office. */
  readonly proposalId: string | null;
  /** The changed JW301, when the help ended early at the decision. */
  readonly messageId: string | null;
}

/**
 * The procesregisseur's decision. Approving checks the proposal again against the allocations
 * as they are now, then either sends the changed allocation (help ends early) or sends the
 * allocation proposal for the new help to the back office.
 */
export async function decideAdjustment(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  decision: AdjustmentDecision,
  now: Date,
): Promise<DecisionResult> {
  const found = UUID.test(id)
    ? await db
        .selectFrom('allocation_adjustment')
        .select(['case_id', 'proposed_by'])
        .where('id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (!found) throw new StoreError('not-found', 'Aanpassing niet gevonden.');
  const caseId = found.case_id;
  return loggingRefusals(db, ctx, caseId, () =>
    inCaseTransaction(db, ctx, async (trx) => {
      await requireAccess(trx, ctx, caseId, now, (actor, facts) =>
        mayDecideAdjustment(actor, facts, found.proposed_by),
      );
      const row = await trx
        .selectFrom('allocation_adjustment')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const invalid = decisionProblems(decision);
      if (invalid.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', invalid);
      const next = nextState(
        row.status,
        decision.decision === 'goedgekeurd' ? 'goedkeuren' : 'afwijzen',
      );
      if (!next)
        throw new FlowError(`Over deze aanpassing is al besloten (${row.status}).`, [], 'conflict');
      const facts = await caseFacts(trx, caseId, now);
      const proposal = proposalOf(row);
      const number = proposal.stored.allocation.number;
      const tellProposer = (title: string) =>
        notify(
          trx,
          {
            kind: 'aanpassing',
            caseId,
            title: `${title} (${facts.label})`,
            link: `/casussen/${caseId}#kop-aanpassingen`,
            staffIds: [row.proposed_by],
          },
          now,
        );

      if (decision.decision === 'afgewezen') {
        await trx
          .updateTable('allocation_adjustment')
          .set({
            status: 'afgewezen',
            decided_by: ctx.actor.staffId,
            decided_at: now,
            decision_note: decision.reason.trim(),
          })
          .where('id', '=', id)
          .execute();
        await addTimelineEntry(trx, {
          caseId,
          type: 'aanpassing-besloten',
          at: now,
          note: `Voorstel ${DIRECTION_TEXT[row.direction]} voor toewijzing ${number} afgewezen door de procesregisseur`,
          by: ctx.actor.staffId,
        });
        await tellProposer(`Uw voorstel om toewijzing ${number} aan te passen is afgewezen`);
        await writeAudit(trx, ctx, {
          action: 'aanpassing.afwijzen',
          caseId,
          details: { adjustment: id },
        });
        return { status: 'afgewezen', proposalId: null, messageId: null };
      }

      const allocations = await caseAllocations(trx, caseId);
      const allocation = allocations.find((a) => a.id === row.allocation_id);
      // The plan's goals were checked with the proposal; a newer plan version does not undo it.
      const problems = adjustmentProblems(proposal, {
        allocation,
        otherAllocations: allocations.filter((a) => a.id !== row.allocation_id),
        planGoals: proposal.stored.goals,
        today: today(now),
        proposerIsProvider: proposal.stored.proposerIsProvider,
      });
      if (problems.length > 0 || !allocation)
        throw new FlowError('Deze aanpassing kan zo niet (meer) worden uitgevoerd.', problems);
      const effect = adjustmentEffect(proposal, allocation);
      let proposalId: string | null = null;
      let messageId: string | null = null;
      let status: AdjustmentState = 'goedgekeurd';
      let outcome: Outcome | null = null;
      if (effect.newHelp) {
        const checked = await newHelpProposal(trx, {
          caseId,
          route: facts.route,
          allocation,
          direction: row.direction,
          effect: { ...effect, newHelp: effect.newHelp },
          reasons: proposal.reasons,
          proposerName: await staffName(trx, row.proposed_by),
          expertAdvice: proposal.stored.expertAdvice,
        });
        if (checked.problems.length > 0)
          throw new FlowError(
            'De nieuwe hulp kan zo niet aan de gemeente worden voorgesteld.',
            checked.problems,
          );
        const inserted = await trx
          .insertInto('allocation_proposal')
          .values({ ...checked.build(), proposed_by: ctx.actor.staffId, proposed_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        proposalId = inserted.id;
        await writeAudit(trx, ctx, {
          action: 'toewijzingsvoorstel.indienen',
          caseId,
          details: { proposal: proposalId, adjustment: id, provider: effect.providerAgb },
        });
      }
      if (effect.shorten && effect.shortenAt === 'besluit') {
        const changed = await changeAllocationEnd(trx, {
          allocationId: allocation.id,
          end: effect.shorten.end,
          reason: effect.shorten.reason,
          now,
        });
        messageId = changed.messageId;
        status = nextState('goedgekeurd', 'uitvoeren') ?? status;
        outcome = {
          changed: {
            number: changed.number,
            from: changed.previousEnd,
            to: effect.shorten.end,
            reason: effect.shorten.reason,
          },
        };
        await addTimelineEntry(trx, {
          caseId,
          type: 'aanpassing-uitgevoerd',
          at: now,
          note: `Gewijzigde toewijzing JW301 ${changed.number}: einddatum ${effect.shorten.end} (reden wijziging ${effect.shorten.reason})`,
          by: ctx.actor.staffId,
        });
      }
      await trx
        .updateTable('allocation_adjustment')
        .set({
          status,
          decided_by: ctx.actor.staffId,
          decided_at: now,
          decision_note: decision.note.trim() || null,
          proposal_id: proposalId,
          message_id: messageId,
          executed_at: status === 'uitgevoerd' ? now : null,
          outcome: outcome ? JSON.stringify(outcome) : null,
        })
        .where('id', '=', id)
        .execute();
      await addTimelineEntry(trx, {
        caseId,
        type: 'aanpassing-besloten',
        at: now,
        note: `Voorstel ${DIRECTION_TEXT[row.direction]} voor toewijzing ${number} goedgekeurd door de procesregisseur${proposalId ? '; de nieuwe hulp ligt als toewijzingsvoorstel bij de gemeente' : ''}`,
        by: ctx.actor.staffId,
      });
      await tellProposer(
        status === 'uitgevoerd'
          ? `Uw voorstel om toewijzing ${number} aan te passen is goedgekeurd en uitgevoerd`
          : `Uw voorstel om toewijzing ${number} aan te passen is goedgekeurd; de gemeente besluit over de nieuwe toewijzing`,
      );
      await writeAudit(trx, ctx, {
        action: 'aanpassing.goedkeuren',
        caseId,
        details: { adjustment: id, proposal: proposalId, message: messageId },
      });
      return { status, proposalId, messageId };
    }),
  );
}

/**
 * Called inside the back office's decision on an allocation proposal (`decideProposal`): when
 * the proposal came from an approved adjustment, the adjustment is carried out — the replaced
 * allocation ends the day before the new help starts (a changed JW301) — or, when the
 * municipality refused, marked as not allocated. Does nothing for other proposals.
 */
export async function allocationProposalDecided(
  trx: Transaction<Database>,
  ctx: RequestContext,
  proposalId: string,
  result:
    | { readonly allocated: true; readonly numbers: readonly string[] }
    | { readonly allocated: false; readonly reason: string },
  now: Date,
): Promise<void> {
  const row = await trx
    .selectFrom('allocation_adjustment')
    .selectAll()
    .where('proposal_id', '=', proposalId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return;
  const next = nextState(row.status, result.allocated ? 'uitvoeren' : 'toewijzing-geweigerd');
  if (!next) return;
  const proposal = proposalOf(row);
  const number = proposal.stored.allocation.number;
  let outcome: Outcome;
  let messageId: string | null = null;
  if (result.allocated) {
    const allocation = (await caseAllocations(trx, row.case_id)).find(
      (a) => a.id === row.allocation_id,
    );
    const effect = allocation ? adjustmentEffect(proposal, allocation) : null;
    let changed: Outcome['changed'];
    if (allocation && effect?.shorten && isRunning(allocation, effect.shorten.end)) {
      const sent = await changeAllocationEnd(trx, {
        allocationId: allocation.id,
        end: effect.shorten.end,
        reason: effect.shorten.reason,
        now,
      });
      messageId = sent.messageId;
      changed = {
        number: sent.number,
        from: sent.previousEnd,
        to: effect.shorten.end,
        reason: effect.shorten.reason,
      };
    }
    outcome = { numbers: result.numbers, ...(changed ? { changed } : {}) };
    await addTimelineEntry(trx, {
      caseId: row.case_id,
      type: 'aanpassing-uitgevoerd',
      at: now,
      note: `Aanpassing van toewijzing ${number} uitgevoerd: nieuwe toewijzing ${result.numbers.join(', ')}${changed ? `; toewijzing ${changed.number} eindigt op ${changed.to} (reden wijziging ${changed.reason})` : ''}`,
      by: ctx.actor.staffId,
    });
  } else {
    outcome = { refusal: result.reason };
    await addTimelineEntry(trx, {
      caseId: row.case_id,
      type: 'aanpassing-besloten',
      at: now,
      note: `De gemeente wees de nieuwe toewijzing voor de aanpassing van toewijzing ${number} af; toewijzing ${number} loopt door`,
      by: ctx.actor.staffId,
    });
  }
  await trx
    .updateTable('allocation_adjustment')
    .set({
      status: next,
      executed_at: now,
      outcome: JSON.stringify(outcome),
      ...(messageId ? { message_id: messageId } : {}),
    })
    .where('id', '=', row.id)
    .execute();
  const household = await trx
    .selectFrom('casus')
    .innerJoin('household', 'household.id', 'casus.household_id')
    .select('household.label')
    .where('casus.id', '=', row.case_id)
    .executeTakeFirstOrThrow();
  await notify(
    trx,
    {
      kind: 'aanpassing',
      caseId: row.case_id,
      title: result.allocated
        ? `De aanpassing van toewijzing ${number} is uitgevoerd (${household.label})`
        : `De gemeente wees de nieuwe toewijzing voor toewijzing ${number} af (${household.label})`,
      link: `/casussen/${row.case_id}#kop-aanpassingen`,
      staffIds: [row.proposed_by, ...(row.decided_by ? [row.decided_by] : [])],
    },
    now,
  );
  await writeAudit(trx, ctx, {
    action: result.allocated ? 'aanpassing.uitvoeren' : 'aanpassing.niet-toegewezen',
    caseId: row.case_id,
    details: { adjustment: row.id, proposal: proposalId },
  });
}

// Reading ------------------------------------------------------------------------------------

export interface AdjustmentView {
  readonly id: string;
  readonly direction: AdjustmentDirection;
  readonly status: AdjustmentState;
  readonly allocation: {
    readonly id: string;
    readonly number: string;
    readonly productCode: string;
    readonly providerName: string;
  };
  readonly content: StoredContent;
  readonly proposedBy: string;
  readonly proposedAt: Date;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  readonly decisionNote: string | null;
  readonly executedAt: Date | null;
  readonly outcome: Outcome | null;
  readonly allocationProposal: {
    readonly id: string;
    readonly status: 'voorgesteld' | 'toegewezen' | 'afgewezen';
  } | null;
  readonly mayDecide: boolean;
}

export interface AdjustmentsOverview {
  readonly mayPropose: boolean;
  readonly hasProcesregisseur: boolean;
  readonly allocations: readonly (AllocationRow & {
    readonly mayAdjust: boolean;
    readonly openAdjustment: boolean;
  })[];
  readonly planGoals: readonly { readonly id: string; readonly description: string }[];
  readonly adjustments: readonly AdjustmentView[];
}

/**
 * The case's adjustments, newest first, with the allocations that can be adjusted. Whoever
 * reads the case reads them; a provider only the adjustments of its own allocations (and those
 * it proposed) and only its own allocations. The read is audited.
 */
export async function caseAdjustments(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<AdjustmentsOverview> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const facts = await caseFacts(trx, caseId, now);
    const all = seesAllAdjustments(ctx.actor, facts.access);
    const own = ctx.actor.organisationId;
    const allocations = (await caseAllocations(trx, caseId)).filter(
      (a) => all || a.providerOrganisationId === own,
    );
    let query = trx
      .selectFrom('allocation_adjustment as j')
      .innerJoin('allocation', 'allocation.id', 'j.allocation_id')
      .innerJoin('organisation as provider', 'provider.id', 'allocation.provider_id')
      .innerJoin('staff as proposer', 'proposer.id', 'j.proposed_by')
      .innerJoin('organisation as proposerOrg', 'proposerOrg.id', 'j.proposed_by_org')
      .leftJoin('staff as decider', 'decider.id', 'j.decided_by')
      .leftJoin('allocation_proposal as p', 'p.id', 'j.proposal_id')
      .select([
        'j.id',
        'j.direction',
        'j.status',
        'j.content',
        'j.proposed_by',
        'j.proposed_at',
        'j.decided_at',
        'j.decision_note',
        'j.executed_at',
        'j.outcome',
        'allocation.id as allocationId',
        'allocation.number',
        'allocation.product_code',
        'provider.name as providerName',
        'proposer.name as proposerName',
        'proposerOrg.name as proposerOrg',
        'decider.name as deciderName',
        'p.id as proposalId',
        'p.status as proposalStatus',
      ])
      .where('j.case_id', '=', caseId);
    if (!all)
      query = query.where((eb) =>
        eb.or([eb('allocation.provider_id', '=', own), eb('j.proposed_by_org', '=', own)]),
      );
    const rows = await query.orderBy('j.proposed_at', 'desc').orderBy('j.id').execute();
    const plan = await arrangementPlan(trx, caseId);
    const mayPropose = mayProposeAdjustment(ctx.actor, facts.access).allowed;
    const open = new Set(
      (
        await trx
          .selectFrom('allocation_adjustment')
          .select('allocation_id')
          .where('case_id', '=', caseId)
          .where('status', 'in', ['voorgesteld', 'goedgekeurd'])
          .execute()
      ).map((r) => r.allocation_id),
    );
    await writeAudit(trx, ctx, {
      action: 'aanpassingen.lezen',
      caseId,
      details: { count: rows.length },
    });
    return {
      mayPropose,
      hasProcesregisseur: hasProcesregisseur(facts.access),
      allocations: allocations.map((a) => ({
        ...a,
        openAdjustment: open.has(a.id),
        mayAdjust:
          mayPropose &&
          mayAdjustAllocation(ctx.actor, facts.access, a.providerOrganisationId) &&
          isRunning(a, today(now)) &&
          !open.has(a.id),
      })),
      planGoals: plan?.goals ?? [],
      adjustments: rows.map((r) => ({
        id: r.id,
        direction: r.direction,
        status: r.status,
        allocation: {
          id: r.allocationId,
          number: r.number,
          productCode: r.product_code,
          providerName: r.providerName,
        },
        content: r.content as StoredContent,
        proposedBy: `${r.proposerName} (${r.proposerOrg})`,
        proposedAt: r.proposed_at,
        decidedBy: r.deciderName,
        decidedAt: r.decided_at,
        decisionNote: r.decision_note,
        executedAt: r.executed_at,
        outcome: (r.outcome as Outcome | null) ?? null,
        allocationProposal:
          r.proposalId && r.proposalStatus ? { id: r.proposalId, status: r.proposalStatus } : null,
        mayDecide:
          r.status === 'voorgesteld' &&
          mayDecideAdjustment(ctx.actor, facts.access, r.proposed_by).allowed,
      })),
    };
  });
}
