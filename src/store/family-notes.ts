/**
 * The notes a family member shared with the casusregisseur in the portal (issue 10, ADR 0026),
 * as the professional side reads them: only the casusregie side of the case
 * (`mayReadSharedFamilyNotes`), read-only, newest first, with the writer's name. Notes the
 * writer kept private are never read here. The read is audited.
 */
import type { Kysely } from 'kysely';
import { mayReadSharedFamilyNotes } from '../domain/portal/requests.js';
import { writeAudit } from './audit.js';
import { inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SharedFamilyNoteView {
  readonly id: string;
  readonly writer: string;
  readonly writerKind: string;
  readonly text: string;
  readonly createdAt: Date;
}

export async function sharedFamilyNotes(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<SharedFamilyNoteView[]> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayReadSharedFamilyNotes);
    const rows = await trx
      .selectFrom('family_note')
      .innerJoin('person', 'person.id', 'family_note.person_id')
      .select([
        'family_note.id',
        'person.name',
        'person.kind',
        'family_note.text',
        'family_note.created_at',
      ])
      .where('family_note.case_id', '=', caseId)
      .where('family_note.shared', '=', true)
      .orderBy('family_note.created_at', 'desc')
      .orderBy('family_note.id')
      .execute();
    await writeAudit(trx, ctx, {
      action: 'gezinsnotities.lezen',
      caseId,
      details: { aantal: rows.length },
    });
    return rows.map((r) => ({
      id: r.id,
      writer: r.name,
      writerKind: r.kind,
      text: r.text,
      createdAt: r.created_at,
    }));
  });
}
