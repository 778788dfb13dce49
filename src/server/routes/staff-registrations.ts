/**
 * Staff registration over HTTP (issue 9, GRO-DEC-WERKTOEDELING, ADR 0023): the team view of a team
 * lead (members with their SKJ/BIG status, explained assignments of the last 12 months), one
 * professional's registrations (themselves or their team lead; anyone else 404), and recording a
 * registration (only the team lead of the professional's own organisation; colleagues 403).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { REGISTERS, WORK_ALLOCATION_SOURCE } from '../../domain/quality/registration.js';
import {
  recordRegistration,
  staffRegistrations,
  teamRegistrations,
  type RegistrationView,
} from '../../store/staff-registrations.js';
import { StoreError } from '../../store/errors.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

const isoDate = z.iso.date({ error: 'een datum als jjjj-mm-dd' });

/** Store field names → the API's (Dutch) names, for errors on a registration. */
const FIELD_NAMES: Record<string, string> = {
  number: 'nummer',
  validFrom: 'geldigVanaf',
  validUntil: 'geldigTot',
};

const presentRegistration = (r: RegistrationView) => ({
  id: r.id,
  register: r.register,
  nummer: r.number,
  geldigVanaf: r.validFrom,
  geldigTot: r.validUntil,
  geldigVandaag: r.validToday,
  vastgelegdDoor: r.recordedBy,
  vastgelegdOp: r.recordedAt.toISOString(),
});

export const staffRegistrationRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/team/registraties',
      {
        schema: {
          summary: 'Teamoverzicht: registraties (SKJ, BIG) en toedelingen met uitleg',
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const view = await teamRegistrations(deps.db, ctx, deps.clock.now()).catch(asBodyError);
        return {
          organisatie: { id: view.organisationId, naam: view.organisation },
          regel: view.ruleId,
          bron: WORK_ALLOCATION_SOURCE,
          signaleringDagen: view.expiryWindowDays,
          medewerkers: view.members.map((m) => ({
            id: m.staffId,
            naam: m.name,
            rollen: m.roles,
            status: m.status,
            geldigTot: m.validUntil,
            registraties: m.registrations.map(presentRegistration),
          })),
          toedelingenMetUitleg: view.explained.map((e) => ({
            id: e.id,
            casusId: e.caseId,
            medewerkerId: e.staffId,
            medewerker: e.staffName,
            soort: e.kind,
            datum: e.day,
            uitleg: e.explanation,
            vastgelegdDoor: e.recordedBy,
            vastgelegdOp: e.recordedAt.toISOString(),
          })),
        };
      },
    );

    app.get(
      '/medewerkers/:id/registraties',
      {
        schema: {
          summary: 'De registraties (SKJ, BIG) van een professional',
          params: z.object({ id: z.string().max(64) }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const view = await staffRegistrations(
          deps.db,
          ctx,
          request.params.id,
          deps.clock.now(),
        ).catch(asBodyError);
        return {
          medewerkerId: view.staffId,
          naam: view.name,
          status: view.status,
          geldigTot: view.validUntil,
          registraties: view.registrations.map(presentRegistration),
          magVastleggen: view.mayRecord,
        };
      },
    );

    app.post(
      '/medewerkers/:id/registraties',
      {
        schema: {
          summary: 'Een registratie (SKJ of BIG) van een professional vastleggen',
          params: z.object({ id: z.string().max(64) }),
          body: z.strictObject({
            register: z.enum(REGISTERS),
            nummer: z.string().trim().min(1).max(40),
            geldigVanaf: isoDate,
            geldigTot: isoDate.nullable().default(null),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const body = request.body;
        const result = await recordRegistration(
          deps.db,
          ctx,
          request.params.id,
          {
            register: body.register,
            number: body.nummer,
            validFrom: body.geldigVanaf,
            validUntil: body.geldigTot,
          },
          deps.clock.now(),
        ).catch((error: unknown) =>
          asBodyError(
            error instanceof StoreError
              ? new StoreError(
                  error.code,
                  error.message,
                  error.fields.map((f) => ({ ...f, path: FIELD_NAMES[f.path] ?? f.path })),
                )
              : error,
          ),
        );
        return reply.status(201).send(result);
      },
    );
  };
