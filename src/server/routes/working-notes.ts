/**
 * Working notes (werkaantekeningen, ZTM; ADR 0018) over HTTP: a professional's own notes on a
 * case. Only the author lists, reads, changes or deletes them; anyone else gets 404 and sees none
 * in a list. They are not part of the record: no other route returns them. Audited without text.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { WORKING_NOTE_LABEL } from '../../domain/privacy/working-notes.js';
import {
  addWorkingNote,
  changeWorkingNote,
  deleteWorkingNote,
  getWorkingNote,
  myWorkingNotes,
  type WorkingNoteView,
} from '../../store/working-notes.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

const params = z.object({ id: z.string().max(64) });
const body = z.strictObject({ tekst: z.string().max(20_000) });

const present = (n: WorkingNoteView) => ({
  id: n.id,
  casusId: n.caseId,
  tekst: n.text,
  gemaaktOp: n.createdAt.toISOString(),
  gewijzigdOp: n.updatedAt.toISOString(),
});

export const workingNoteRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/werkaantekeningen',
      { schema: { summary: 'Mijn eigen werkaantekeningen bij een casus', params } },
      async (request) => {
        const ctx = requireUser(request);
        const notes = await myWorkingNotes(deps.db, ctx, request.params.id, deps.clock.now()).catch(
          asBodyError,
        );
        return { uitleg: WORKING_NOTE_LABEL, werkaantekeningen: notes.map(present) };
      },
    );

    app.post(
      '/casussen/:id/werkaantekeningen',
      { schema: { summary: 'Een eigen werkaantekening maken', params, body } },
      async (request, reply) => {
        const ctx = requireUser(request);
        const result = await addWorkingNote(
          deps.db,
          ctx,
          request.params.id,
          request.body.tekst,
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({ id: result.id });
      },
    );

    app.get(
      '/werkaantekeningen/:id',
      { schema: { summary: 'Een eigen werkaantekening lezen', params } },
      async (request) => {
        const ctx = requireUser(request);
        const note = await getWorkingNote(deps.db, ctx, request.params.id, deps.clock.now()).catch(
          asBodyError,
        );
        return present(note);
      },
    );

    app.put(
      '/werkaantekeningen/:id',
      { schema: { summary: 'Een eigen werkaantekening wijzigen', params, body } },
      async (request, reply) => {
        const ctx = requireUser(request);
        await changeWorkingNote(
          deps.db,
          ctx,
          request.params.id,
          request.body.tekst,
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(204).send();
      },
    );

    app.delete(
      '/werkaantekeningen/:id',
      { schema: { summary: 'Een eigen werkaantekening verwijderen', params } },
      async (request, reply) => {
        const ctx = requireUser(request);
        await deleteWorkingNote(deps.db, ctx, request.params.id).catch(asBodyError);
        return reply.status(204).send();
      },
    );
  };
