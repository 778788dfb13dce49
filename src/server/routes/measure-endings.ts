/**
 * The end of a court measure over HTTP (route C; RIJ-DEC-MEASURE-END, RIJ-TERM-RVDK-OTS): the
 * record with its checklist, starting it, the closing teamtafel, the afsluitrapportage, where
 * casusregie goes, and completing (409 naming each missing condition with its rule ID). Every
 * route checks access: outsiders get 404, readers who are not on the GI side 403.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CASUSREGIE_DESTINATIONS,
  CONSENT_ANSWERS,
  GOAL_OWNERS,
} from '../../domain/closure/measure-end.js';
import { StoreError } from '../../store/errors.js';
import {
  caseMeasureEnding,
  completeMeasureEnding,
  recordClosingReport,
  recordClosingTeamTable,
  setMeasureEndDestination,
  startMeasureEnding,
  type CaseMeasureEnding,
} from '../../store/measure-endings.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';
import { ApiError } from '../errors.js';

const text = (max: number) => z.string().trim().max(max);
const params = z.object({ id: z.string().max(64) });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'geen datum (jjjj-mm-dd)' });
const destination = z.strictObject({ casusregieNaar: z.enum(CASUSREGIE_DESTINATIONS) });

function present(r: CaseMeasureEnding) {
  const e = r.ending;
  return {
    vanToepassing: r.applies,
    regio: r.region,
    maatregel: r.measure,
    geplandEinde: r.plannedEnd,
    casusregie: r.casusregie
      ? {
          houder: r.casusregie.holder,
          medewerker: r.casusregie.staff,
          organisatie: r.casusregie.organisation,
          organisatieSoort: r.casusregie.organisationKind,
        }
      : null,
    afsluiting: e
      ? {
          id: e.id,
          status: e.status,
          casusregieNaar: e.destination,
          gestartDoor: e.startedBy,
          gestartOp: e.startedAt.toISOString(),
          teamtafel: e.teamTable
            ? {
                gehoudenOp: e.teamTable.heldOn,
                gezinsleden: e.teamTable.householdPresent.map((p) => ({ id: p.id, naam: p.name })),
                toekomstigeRegisseur: e.teamTable.futureRegisseur,
                ketenpartners: e.teamTable.partners,
                afspraken: e.teamTable.agreements,
                vastgelegdDoor: e.teamTable.recordedBy,
                vastgelegdOp: e.teamTable.recordedAt.toISOString(),
              }
            : null,
          afsluitrapportage: e.report
            ? {
                afgelopenPeriode: e.report.pastPeriod,
                doelen: e.report.goals.map((g) => ({
                  doel: g.goal,
                  wieSoort: g.ownerKind,
                  wie: g.owner,
                  wat: g.action,
                  wanneer: g.dueOn,
                })),
                toestemmingDelen: e.report.consent,
                vastgelegdDoor: e.report.recordedBy,
                vastgelegdOp: e.report.recordedAt.toISOString(),
              }
            : null,
          afgerondDoor: e.completedBy,
          afgerondOp: e.completedAt?.toISOString() ?? null,
        }
      : null,
    voorwaarden: (r.checklist ?? []).map((c) => ({
      voorwaarde: c.condition,
      regel: c.ruleId,
      vanToepassing: c.applies,
      voldaan: c.met,
      toelichting: c.message,
      geldtInElkeRegio: c.everywhere,
    })),
    magBewerken: r.mayEdit,
  };
}

export const measureEndingRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const base = '/casussen/:id/einde-maatregel';

    app.get(
      base,
      { schema: { summary: 'Het einde van de maatregel (route C) met de voorwaarden', params } },
      async (request) => {
        const ctx = requireUser(request);
        const result = await caseMeasureEnding(
          deps.db,
          ctx,
          request.params.id,
          deps.clock.now(),
        ).catch(asBodyError);
        return present(result);
      },
    );

    app.post(
      base,
      {
        schema: {
          summary: 'De afsluiting van de maatregel starten',
          params,
          body: destination,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const result = await startMeasureEnding(
          deps.db,
          ctx,
          request.params.id,
          { destination: request.body.casusregieNaar },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send(result);
      },
    );

    app.put(
      `${base}/bestemming`,
      {
        schema: {
          summary: 'Kiezen waar de casusregie na de maatregel heen gaat',
          params,
          body: destination,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        await setMeasureEndDestination(
          deps.db,
          ctx,
          request.params.id,
          { destination: request.body.casusregieNaar },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(204).send();
      },
    );

    app.put(
      `${base}/teamtafel`,
      {
        schema: {
          summary: 'De afsluitende teamtafel vastleggen',
          params,
          body: z.strictObject({
            gehoudenOp: isoDate,
            gezinsleden: z.array(z.string().max(64)).max(30),
            toekomstigeRegisseur: text(300),
            ketenpartners: text(2000).nullable().default(null),
            afspraken: text(8000),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        await recordClosingTeamTable(
          deps.db,
          ctx,
          request.params.id,
          {
            heldOn: b.gehoudenOp,
            householdPresent: b.gezinsleden,
            futureRegisseur: b.toekomstigeRegisseur,
            partners: b.ketenpartners,
            agreements: b.afspraken,
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(204).send();
      },
    );

    app.put(
      `${base}/afsluitrapportage`,
      {
        schema: {
          summary: 'De afsluitrapportage van de jeugdbeschermer vastleggen',
          params,
          body: z.strictObject({
            afgelopenPeriode: text(8000),
            doelen: z
              .array(
                z.strictObject({
                  doel: text(2000),
                  wieSoort: z.enum(GOAL_OWNERS),
                  wie: text(300),
                  wat: text(2000),
                  wanneer: isoDate,
                }),
              )
              .max(30),
            toestemmingDelen: z.enum(CONSENT_ANSWERS),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        await recordClosingReport(
          deps.db,
          ctx,
          request.params.id,
          {
            pastPeriod: b.afgelopenPeriode,
            goals: b.doelen.map((g) => ({
              goal: g.doel,
              ownerKind: g.wieSoort,
              owner: g.wie,
              action: g.wat,
              dueOn: g.wanneer,
            })),
            consent: b.toestemmingDelen,
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(204).send();
      },
    );

    app.post(
      `${base}/afronden`,
      { schema: { summary: 'Het einde van de maatregel afronden', params } },
      async (request) => {
        const ctx = requireUser(request);
        await completeMeasureEnding(deps.db, ctx, request.params.id, deps.clock.now()).catch(
          (error: unknown) => {
            // The missing conditions are not body fields: they keep their own names.
            if (error instanceof StoreError && error.code === 'conflict')
              throw new ApiError('conflict', error.message, [...error.fields]);
            return asBodyError(error);
          },
        );
        return { status: 'afgerond' };
      },
    );
  };
