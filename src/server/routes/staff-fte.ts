/**
 * The FTE of professionals over HTTP (issue 9, ADR 0024), the figure the caseload norm
 * (ZTM-NORM-CASELOAD, families per FTE) is held against: `GET /team/fte` lists the own team's
 * FTEs and `PUT /medewerkers/{id}/fte` sets one, both only for a team lead of the professional's
 * own organisation (others 403). A change is audited with the old and the new value.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { setStaffFte, teamFte, type StaffFte } from '../../store/staff-fte.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

/** At most two decimals, allowing for binary fractions (0.29 * 100 is 28.999…). */
const twoDecimals = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9;

const fte = z
  .number({ error: 'een getal, bijvoorbeeld 0.8' })
  .gt(0, { error: 'de FTE is groter dan 0' })
  .lte(1.5, { error: 'de FTE is hoogstens 1,5' })
  .refine(twoDecimals, { error: 'de FTE heeft hoogstens twee decimalen' });

const presentFte = (s: StaffFte) => ({ id: s.staffId, naam: s.name, rollen: s.roles, fte: s.fte });

export const staffFteRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/team/fte',
      { schema: { summary: 'De FTE van de professionals van het eigen team (teamleider)' } },
      async (request) => {
        const ctx = requireUser(request);
        const members = await teamFte(deps.db, ctx).catch(asBodyError);
        return { medewerkers: members.map(presentFte) };
      },
    );

    app.put(
      '/medewerkers/:id/fte',
      {
        schema: {
          summary: 'De FTE van een professional vastleggen (teamleider van de eigen organisatie)',
          params: z.object({ id: z.string().max(64) }),
          body: z.strictObject({ fte }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const result = await setStaffFte(deps.db, ctx, request.params.id, request.body.fte).catch(
          asBodyError,
        );
        return presentFte(result);
      },
    );
  };
