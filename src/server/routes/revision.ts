/**
 * The API side of optimistic locking (ADR 0028): the `basisRevisie` every edit sends, and the
 * 409 body of a stale write for the OpenAPI document, shared by the routes of editable records.
 */
import { z } from '../../validation/zod-nl.js';

/** The revision the edit was based on, as the record's GET gave it (`revisie`). */
export const basisRevisie = z
  .number()
  .int({ error: 'geen hele revisie; stuur de revisie die u bij het openen kreeg' })
  .min(0)
  .max(2_147_483_647);

/** A saved edit: the record's new revision, the basis of the next edit. */
export const savedRevision = z.object({ revisie: z.number().int() });

/** A stale write: 409, who saved the record when, and which fields differ now. */
export const staleWriteResponse = z
  .object({
    error: z.object({
      code: z.literal('conflict'),
      message: z.string(),
      messageEn: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      wijziging: z
        .object({
          revisie: z.number().int(),
          basisRevisie: z.number().int(),
          door: z.string().nullable(),
          op: z.string().nullable(),
          velden: z.array(z.object({ path: z.string(), label: z.string() })),
        })
        .optional(),
    }),
  })
  .describe('Iemand anders heeft dit intussen opgeslagen (of een andere weigering met 409)');
