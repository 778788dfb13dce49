/**
 * Escalations over HTTP (issue 6; DOMAIN.md section 9): the ladders of the case's region, the
 * walk from level to level with what each level must leave in the record, the duties towards the
 * young person, the overview for the contract manager (previewed before it is shared) and the
 * close with the outcome. Whoever may read the case works with its escalations; a level reserved
 * for a role (RIJ level 5: the team lead) answers 403 to others.
 *
 * Contract managers have their own two routes, `/escalaties` and `/escalaties/{id}`: anonymised
 * overviews of their region and nothing else. They never reach the case behind one.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ESCALATION_SUBJECTS,
  ESCALATION_TYPES,
  type AgreedAction,
  type LevelInput,
} from '../../domain/escalation/ladder.js';
import type { AnonymisedOverview } from '../../domain/escalation/overview.js';
import { parseIsoDate } from '../../domain/time/index.js';
import {
  caseEscalations,
  closeEscalation,
  openEscalation,
  previewOverview,
  recordDuties,
  recordLevel,
  sharedEscalations,
  type EscalationView,
} from '../../store/escalations.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';
import { ApiError } from '../errors.js';

const text = (max: number) => z.string().trim().max(max);
const isoDate = z
  .string()
  .refine((v) => parseIsoDate(v) !== null, { error: 'geen geldige datum (JJJJ-MM-DD)' });
const id = z.object({ id: z.string().max(64) });
const actions = z.array(z.strictObject({ wie: text(200), wat: text(1000) })).max(20);

const openBody = z.strictObject({
  ladder: text(64),
  soort: z.enum(ESCALATION_TYPES),
  aanleiding: z.enum(ESCALATION_SUBJECTS),
  toewijzingId: z.string().max(64).nullable().default(null),
  omschrijving: text(4000),
  criteria: z.record(z.string().max(8), z.boolean()).default({}),
});

const levelBody = z.strictObject({
  niveau: z.number().int().min(1).max(20),
  notitie: text(4000),
  feiten: text(8000).nullable().default(null),
  acties: actions.default([]),
  terugkoppeldatum: isoDate.nullable().default(null),
  overzicht: z
    .strictObject({
      standpuntLokaalTeam: text(4000),
      standpuntAanbieder: text(4000),
      gevraagdBesluit: text(2000),
    })
    .nullable()
    .default(null),
});

const dutiesBody = z.strictObject({
  jeugdigeGeinformeerdOp: isoDate.nullable(),
  jeugdigeGeinformeerdHoe: text(1000).nullable().default(null),
  overbruggingszorgNodig: z.boolean().nullable(),
  overbruggingszorgToelichting: text(2000).nullable().default(null),
});

const closeBody = z.strictObject({ uitkomst: text(4000), afspraken: actions });

const toActions = (list: readonly { wie: string; wat: string }[]): AgreedAction[] =>
  list.map((a) => ({ who: a.wie, what: a.wat }));
const fromActions = (list: readonly AgreedAction[]) =>
  list.map((a) => ({ wie: a.who, wat: a.what }));

function levelInput(b: z.infer<typeof levelBody>): LevelInput {
  return {
    note: b.notitie,
    facts: b.feiten,
    actions: toActions(b.acties),
    feedbackDate: b.terugkoppeldatum,
    overview: b.overzicht
      ? {
          localTeam: b.overzicht.standpuntLokaalTeam,
          provider: b.overzicht.standpuntAanbieder,
          requestedDecision: b.overzicht.gevraagdBesluit,
        }
      : null,
  };
}

/** The overview in the fixed format, with Dutch keys. */
export function presentOverview(o: AnonymisedOverview) {
  return {
    kenmerk: o.reference,
    regio: o.region,
    gemeente: o.municipality,
    ladder: o.ladderId,
    soort: o.type,
    aanleiding: o.subject,
    gestartOp: o.openedOn,
    route: o.route,
    segment: o.segment,
    leeftijden: o.ages,
    producten: o.products,
    omschrijving: o.description,
    feiten: o.facts,
    stappen: o.steps.map((s) => ({ niveau: s.level, wie: s.actor, wat: s.note, op: s.on })),
    standpuntLokaalTeam: o.positions.localTeam,
    standpuntAanbieder: o.positions.provider,
    gevraagdBesluit: o.positions.requestedDecision,
    acties: fromActions(o.actions),
    terugkoppeldatum: o.feedbackDate,
  };
}

function presentLadder(rule: EscalationView['ladder']) {
  return {
    id: rule.id,
    titel: rule.title,
    bron: `${rule.sourceKey}, ${rule.source}`,
    soort: rule.escalationType,
    criteria: rule.criteria?.map((c) => ({ code: c.code, tekst: c.text })) ?? [],
    plichten: rule.steps.filter((s) => s.continuous).map((s) => ({ wie: s.actor, wat: s.action })),
  };
}

function present(e: EscalationView) {
  return {
    id: e.id,
    kenmerk: e.reference,
    ladder: presentLadder(e.ladder),
    soort: e.type,
    aanleiding: e.subject,
    toewijzing: e.allocation
      ? { id: e.allocation.id, nummer: e.allocation.number, product: e.allocation.product }
      : null,
    omschrijving: e.description,
    criteria: e.criteria,
    gestartOp: e.openedAt.toISOString(),
    gestartDoor: e.openedBy,
    niveaus: e.levels.map((l) => ({
      niveau: l.level.number,
      stap: l.level.stepNumber,
      wie: l.level.step.actor,
      wat: l.level.step.action,
      vastleggen: l.level.step.artefacts ?? [],
      alleenVoor: l.level.step.roles ?? [],
      afsluiting: l.level.step.closing === true,
      status: l.state,
      begonnenOp: l.startedAt === null ? null : new Date(l.startedAt).toISOString(),
      klaarOp: l.doneAt === null ? null : new Date(l.doneAt).toISOString(),
      termijn: l.deadline
        ? { uiterlijk: l.deadline.due, status: l.deadline.status, regel: l.deadline.ruleId }
        : null,
      vastgelegd: l.recorded
        ? {
            door: l.recorded.by,
            organisatie: l.recorded.organisation,
            notitie: l.recorded.note,
            feiten: l.recorded.facts,
            acties: fromActions(l.recorded.actions),
            terugkoppeldatum: l.recorded.feedbackDate,
          }
        : null,
    })),
    huidigNiveau: e.current
      ? { niveau: e.current.number, magVastleggen: e.current.mayRecord }
      : null,
    plichten: {
      jeugdigeGeinformeerdOp: e.duties.youngPersonInformedOn,
      jeugdigeGeinformeerdHoe: e.duties.youngPersonInformedHow,
      overbruggingszorgNodig: e.duties.bridgingCareNeeded,
      overbruggingszorgToelichting: e.duties.bridgingCareNote,
    },
    overzicht: e.overview ? presentOverview(e.overview) : null,
    gedeeldOp: e.sharedAt?.toISOString() ?? null,
    afgeslotenOp: e.closedAt?.toISOString() ?? null,
    uitkomst: e.commitment,
    afspraken: fromActions(e.agreements),
  };
}

export const escalationRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/escalaties',
      { schema: { summary: 'Escalaties van de casus en de ladders van de regio', params: id } },
      async (request) => {
        const ctx = requireUser(request);
        const result = await caseEscalations(
          deps.db,
          ctx,
          request.params.id,
          deps.profiles,
          deps.clock.now(),
        ).catch(asBodyError);
        return {
          escalaties: result.escalations.map(present),
          ladders: result.ladders.map(presentLadder),
          toewijzingen: result.allocations.map((a) => ({
            id: a.id,
            nummer: a.number,
            product: a.product,
            aanbieder: a.provider,
          })),
        };
      },
    );

    app.post(
      '/casussen/:id/escalaties',
      {
        schema: {
          summary: 'Een escalatie starten op een ladder van de regio',
          params: id,
          body: openBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        const result = await openEscalation(
          deps.db,
          ctx,
          request.params.id,
          {
            ladderId: b.ladder,
            type: b.soort,
            subject: b.aanleiding,
            allocationId: b.toewijzingId,
            description: b.omschrijving,
            criteria: b.criteria,
          },
          deps.profiles,
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({ id: result.id, kenmerk: result.reference });
      },
    );

    app.post(
      '/escalaties/:id/niveaus',
      {
        schema: {
          summary: 'Het huidige niveau van de escalatie vastleggen',
          params: id,
          body: levelBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const result = await recordLevel(
          deps.db,
          ctx,
          request.params.id,
          request.body.niveau,
          levelInput(request.body),
          deps.profiles,
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({ niveau: result.level });
      },
    );

    app.post(
      '/escalaties/:id/overzicht-voorbeeld',
      {
        schema: {
          summary: 'Het geanonimiseerde overzicht bekijken zoals het gedeeld zou worden',
          params: id,
          body: levelBody,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const overview = await previewOverview(
          deps.db,
          ctx,
          request.params.id,
          levelInput(request.body),
          deps.profiles,
          deps.clock.now(),
        ).catch(asBodyError);
        return presentOverview(overview);
      },
    );

    app.put(
      '/escalaties/:id/plichten',
      {
        schema: {
          summary: 'Vastleggen dat de jeugdige is geïnformeerd en of overbruggingszorg nodig is',
          params: id,
          body: dutiesBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        await recordDuties(
          deps.db,
          ctx,
          request.params.id,
          {
            youngPersonInformedOn: b.jeugdigeGeinformeerdOp,
            youngPersonInformedHow: b.jeugdigeGeinformeerdHoe,
            bridgingCareNeeded: b.overbruggingszorgNodig,
            bridgingCareNote: b.overbruggingszorgToelichting,
          },
          deps.profiles,
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(204).send();
      },
    );

    app.post(
      '/escalaties/:id/afsluiten',
      {
        schema: {
          summary: 'De escalatie afsluiten met commitment en nieuwe afspraken',
          params: id,
          body: closeBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        await closeEscalation(
          deps.db,
          ctx,
          request.params.id,
          { commitment: request.body.uitkomst, agreements: toActions(request.body.afspraken) },
          deps.profiles,
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(204).send();
      },
    );

    app.get(
      '/escalaties',
      { schema: { summary: 'Geanonimiseerde escalaties voor de contractmanager van de regio' } },
      async (request) => {
        const ctx = requireUser(request);
        const list = await sharedEscalations(deps.db, ctx).catch(asBodyError);
        return list.map((e) => ({
          id: e.id,
          kenmerk: e.reference,
          gedeeldOp: e.sharedAt.toISOString(),
          afgesloten: e.closed,
          overzicht: presentOverview(e.overview),
        }));
      },
    );

    app.get(
      '/escalaties/:id',
      {
        schema: {
          summary: 'Eén geanonimiseerd escalatieoverzicht voor de contractmanager',
          params: id,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const [e] = await sharedEscalations(deps.db, ctx, request.params.id).catch(asBodyError);
        if (!e) throw new ApiError('not-found', 'Escalatie niet gevonden.');
        return {
          id: e.id,
          kenmerk: e.reference,
          gedeeldOp: e.sharedAt.toISOString(),
          afgesloten: e.closed,
          overzicht: presentOverview(e.overview),
        };
      },
    );
  };
