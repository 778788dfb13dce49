/**
 * Who may use the family portal, over HTTP (issue 10, ADR 0026).
 *
 * - Professional side ("Gezinsportaal" on the case page): per person of the household the portal
 *   address, a removal of authority and whether they can log in now and why not. Only the
 *   casusregie side (others who read the case get 403, the rest 404). Audited by the store.
 * - Portal side: a young person of 16 or older chooses whether the parents read along with what
 *   concerns only them (`/portaal/casussen/:id/meelezen`); anyone else gets 403 in plain Dutch.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AUTHORITY_NOTE_MAX } from '../../domain/portal/portal-access.js';
import {
  portalAccessOverview,
  setAuthorityRemoved,
  setPortalEmail,
} from '../../store/portal-access.js';
import {
  portalReadAlong,
  setPortalReadAlong,
  type ReadAlong,
} from '../../store/portal-read-along.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';
import { portalReaderOf } from './portal-reader.js';

const caseParams = z.object({ id: z.string().max(64) });
const personParams = z.object({ id: z.string().max(64), personId: z.string().max(64) });

const readAlongBody = (r: ReadAlong) => ({
  meelezen: r.allowed,
  gewijzigdOp: r.changedAt?.toISOString() ?? null,
});

export const portalAccessRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/gezinsportaal',
      {
        schema: {
          summary:
            'Gezinsportaal: per gezinslid het e-mailadres, gezag en of en waarom (niet) ingelogd kan worden',
          params: caseParams,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const people = await portalAccessOverview(
          deps.db,
          ctx,
          request.params.id,
          deps.clock.now(),
        ).catch(asBodyError);
        return {
          personen: people.map((p) => ({
            id: p.id,
            naam: p.name,
            soort: p.kind,
            geboortedatum: p.birthDate,
            email: p.email,
            gezagOntnomen: p.authorityRemoved,
            gezagToelichting: p.authorityNote,
            gezagGewijzigdOp: p.authorityChangedAt?.toISOString() ?? null,
            portaal: {
              kan: p.mayUse,
              rol: p.role,
              reden: p.reason,
              uitleg: p.explanation,
            },
            meelezen: p.readAlong,
          })),
        };
      },
    );

    app.put(
      '/casussen/:id/personen/:personId/portaal',
      {
        schema: {
          summary: 'Gezinsportaal: het e-mailadres voor de inlogcode vastleggen of wissen',
          params: personParams,
          body: z.strictObject({
            email: z
              .string()
              .trim()
              .max(254)
              .pipe(z.email({ error: 'geen geldig e-mailadres' }))
              .nullable(),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        await setPortalEmail(
          deps.db,
          ctx,
          request.params.id,
          request.params.personId,
          request.body.email,
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(204).send();
      },
    );

    app.put(
      '/casussen/:id/personen/:personId/gezag',
      {
        schema: {
          summary:
            'Gezinsportaal: vastleggen dat het gezag van een ouder is ontnomen (of niet meer)',
          params: personParams,
          body: z.strictObject({
            gezagOntnomen: z.boolean(),
            toelichting: z.string().max(AUTHORITY_NOTE_MAX).nullable().optional(),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        await setAuthorityRemoved(
          deps.db,
          ctx,
          request.params.id,
          request.params.personId,
          request.body.gezagOntnomen,
          request.body.toelichting ?? null,
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(204).send();
      },
    );

    app.get(
      '/portaal/casussen/:id/meelezen',
      {
        schema: {
          summary: 'Gezinsportaal: mogen de ouders meelezen met wat over deze jongere (16+) gaat',
          params: caseParams,
        },
      },
      async (request) => {
        const reader = portalReaderOf(request, deps.clock.now());
        return readAlongBody(
          await portalReadAlong(deps.db, reader, request.params.id).catch(asBodyError),
        );
      },
    );

    app.put(
      '/portaal/casussen/:id/meelezen',
      {
        schema: {
          summary: 'Gezinsportaal: een jongere van 16+ kiest of de ouders meelezen',
          params: caseParams,
          body: z.strictObject({ meelezen: z.boolean() }),
        },
      },
      async (request) => {
        const now = deps.clock.now();
        const reader = portalReaderOf(request, now);
        return readAlongBody(
          await setPortalReadAlong(
            deps.db,
            reader,
            request.params.id,
            request.body.meelezen,
            now,
          ).catch(asBodyError),
        );
      },
    );
  };
