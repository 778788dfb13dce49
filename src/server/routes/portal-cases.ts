/**
 * The family portal's case pages over HTTP (issue 10, ADR 0026): the open cases of the logged-in
 * family member's household, and one case as that person may see it. Only a portal session
 * counts (401 otherwise, also for staff); a case of another household is 404, like one that does
 * not exist. Every read is audited by the store.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { portalCase, portalCases } from '../../store/portal-cases.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { portalReaderOf } from './portal-reader.js';

const params = z.object({ id: z.string().max(64) });

export const portalCaseRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/portaal/casussen',
      { schema: { summary: 'Gezinsportaal: de lopende casussen van het eigen gezin' } },
      async (request) => {
        const reader = portalReaderOf(request, deps.clock.now());
        const cases = await portalCases(deps.db, reader);
        return {
          casussen: cases.map((c) => ({
            id: c.id,
            titel: c.title,
            gezin: c.household,
            sinds: c.since.toISOString(),
          })),
        };
      },
    );

    app.get(
      '/portaal/casussen/:id',
      {
        schema: {
          summary:
            'Gezinsportaal: één casus zoals dit gezinslid die mag zien (wie is wie, plan, wat komt eraan, besluiten, gedeeld)',
          params,
        },
      },
      async (request) => {
        const now = deps.clock.now();
        const reader = portalReaderOf(request, now);
        const c = await portalCase(deps.db, deps.profiles, reader, request.params.id, now);
        return {
          id: c.id,
          titel: c.title,
          gezin: c.household,
          lezer: { naam: c.viewer.name, rol: c.viewer.role },
          wieIsWie: c.contacts.map((p) => ({
            rol: p.role,
            titel: p.title,
            uitleg: p.explanation,
            naam: p.name,
            organisatie: p.organisation,
            email: p.email,
            telefoon: p.phone,
          })),
          plannen: c.plans.map((p) => ({
            id: p.id,
            soort: p.kind,
            versie: p.version,
            status: p.status,
            startdatum: p.startDate,
            doelen: p.goals.map((g) => ({
              id: g.id,
              omschrijving: g.description,
              meetbaarResultaat: g.measurableTarget,
              eigenaar: g.owner,
              streefdatum: g.targetDate,
              voortgang: g.progress,
              voortgangVan: g.progressFrom?.toISOString() ?? null,
              betreft: g.about,
            })),
          })),
          evaluaties: c.evaluations.map((e) => ({
            soort: e.kind,
            gepland: e.plannedAt.toISOString(),
          })),
          termijnen: c.deadlines.map((d) => ({
            regel: d.rule,
            titel: d.title,
            uiterlijk: d.due,
            verlopen: d.overdue,
            jeugdige: d.child,
          })),
          toewijzingen: c.allocations.map((a) => ({
            nummer: a.number,
            product: a.product,
            aanbieder: a.provider,
            jeugdige: a.child,
            startdatum: a.startDate,
            einddatum: a.endDate,
            status: a.status,
          })),
          brieven: c.letters.map((l) => ({
            soort: l.kind,
            gehouden: l.heldAt.toISOString(),
            verstuurd: l.sentAt.toISOString(),
          })),
          toestemmingen: c.consents.map((t) => ({
            persoon: t.person,
            ontvangerSoort: t.recipientKind,
            organisatie: t.organisation,
            doel: t.purpose,
            status: t.status,
            datum: t.on,
          })),
          gedeeld: c.sharing.map((s) => ({
            wat: s.what,
            ontvanger: s.recipient,
            grondslag: s.basis,
            besloten: s.decidedAt.toISOString(),
          })),
        };
      },
    );
  };
