/**
 * Notifications (meldingen) over HTTP: one's own stored notifications, newest first and paged,
 * with the deadline notices derived from the rules engine (overdue, or due within N working
 * days, each with its rule ID); marking one or all of them as read. Nobody ever reads or marks
 * another person's notification: those ids answer 404 like unknown ones.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dueSoonUntil } from '../../domain/notifications/index.js';
import { formatIsoDate, localDay } from '../../domain/time/index.js';
import { writeAudit } from '../../store/audit.js';
import {
  deadlineNoticesFor,
  markAllNotificationsRead,
  markNotificationRead,
  MAX_NOTIFICATION_PAGE,
  ownNotifications,
  unreadCount,
} from '../../store/notifications.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

/** Deadline notices listed per request; the counts always cover all of them. */
const MAX_DEADLINE_NOTICES = 100;
export const DEFAULT_DUE_SOON_WORKING_DAYS = 3;

// These actions take no input; a body, when sent, must be empty.
const noBody = z.strictObject({}).nullish();

export const notificationRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const workingDays = deps.dueSoonWorkingDays ?? DEFAULT_DUE_SOON_WORKING_DAYS;
    const titles = new Map<string, string>();
    for (const profile of deps.profiles.values())
      for (const rule of profile.rules) titles.set(rule.id, rule.title);

    app.get(
      '/meldingen',
      {
        schema: {
          summary:
            'Eigen meldingen (nieuwste eerst, per pagina) en termijnen die verlopen zijn of binnenkort aflopen',
          querystring: z.strictObject({
            pagina: z.coerce.number().int().min(1).max(100_000).default(1),
            perPagina: z.coerce.number().int().min(1).max(MAX_NOTIFICATION_PAGE).default(25),
          }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const now = deps.clock.now();
        const { pagina, perPagina } = request.query;
        const page = await ownNotifications(deps.db, ctx, pagina, perPagina);
        const notices = await deadlineNoticesFor(
          deps.db,
          ctx.actor,
          deps.profiles,
          workingDays,
          now,
        );
        const listed = notices.slice(0, MAX_DEADLINE_NOTICES);
        const caseIds = new Set<string>();
        for (const n of page.items) if (n.caseId !== null) caseIds.add(n.caseId);
        for (const d of listed) caseIds.add(d.caseId);
        await writeAudit(deps.db, ctx, {
          action: 'meldingen.lezen',
          details: {
            pagina,
            perPagina,
            meldingen: page.items.length,
            termijnen: listed.length,
            casussen: [...caseIds],
          },
        });
        return {
          ongelezen: page.unread,
          totaal: page.total,
          pagina,
          perPagina,
          meldingen: page.items.map((n) => ({
            id: n.id,
            soort: n.kind,
            titel: n.title,
            casusId: n.caseId,
            link: n.link ?? (n.caseId === null ? null : `/casussen/${n.caseId}`),
            regel: n.ruleId,
            op: n.createdAt.toISOString(),
            gelezenOp: n.readAt?.toISOString() ?? null,
          })),
          termijnen: {
            werkdagen: workingDays,
            tot: formatIsoDate(dueSoonUntil(localDay(now.getTime()), workingDays)),
            verlopen: notices.filter((d) => d.state === 'verlopen').length,
            binnenkort: notices.filter((d) => d.state === 'binnenkort').length,
            items: listed.map((d) => ({
              casusId: d.caseId,
              gezin: d.family,
              regel: d.rule,
              titel: titles.get(d.rule) ?? null,
              bron: d.source,
              jeugdigeId: d.child,
              uiterlijk: d.due,
              status: d.state,
            })),
          },
        };
      },
    );

    app.get(
      '/meldingen/ongelezen',
      { schema: { summary: 'Het aantal ongelezen eigen meldingen (voor het menu)' } },
      async (request) => {
        const ctx = requireUser(request);
        return { ongelezen: await unreadCount(deps.db, ctx.actor.staffId) };
      },
    );

    app.post(
      '/meldingen/gelezen',
      {
        schema: {
          summary: 'Alle eigen meldingen als gelezen markeren',
          body: noBody,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const marked = await markAllNotificationsRead(deps.db, ctx, deps.clock.now());
        return { gemarkeerd: marked };
      },
    );

    app.post(
      '/meldingen/:id/gelezen',
      {
        schema: {
          summary: 'Eén eigen melding als gelezen markeren (die van een ander: 404)',
          params: z.object({ id: z.string().max(64) }),
          body: noBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        await markNotificationRead(deps.db, ctx, request.params.id, deps.clock.now()).catch(
          asBodyError,
        );
        return reply.status(204).send();
      },
    );
  };
