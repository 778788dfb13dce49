/**
 * The file-drop adapter of the exchange, for partners that exchange files instead of HTTP:
 *
 *   <map>/in/          messages to receive (*.xml), oldest name first
 *   <map>/verwerkt/    received and accepted
 *   <map>/afgekeurd/   received and rejected, each with <name>.rapport.json
 *   <map>/uit/         what we send: return messages and everything else in the outbox
 *
 * One run takes every file in `in/`, then writes the outbox (messages marked as sent).
 * Running it twice never receives a file twice: it moves out of `in/` once it is handled.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { receiveMessage } from './exchange.js';
import { processIncoming } from './flows.js';

export interface DropRun {
  readonly received: readonly { file: string; accepted: boolean; type: string | null }[];
  readonly sent: readonly string[];
}

export async function processDropFolder(
  db: Kysely<Database>,
  folder: string,
  now: Date,
): Promise<DropRun> {
  const dirs = {
    in: join(folder, 'in'),
    done: join(folder, 'verwerkt'),
    rejected: join(folder, 'afgekeurd'),
    out: join(folder, 'uit'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const received: { file: string; accepted: boolean; type: string | null }[] = [];
  const files = readdirSync(dirs.in)
    .filter((f) => f.toLowerCase().endsWith('.xml'))
    .sort();
  for (const file of files) {
    const xml = readFileSync(join(dirs.in, file), 'utf8');
    const result = await receiveMessage(db, xml, now, processIncoming);
    if (result.accepted) renameSync(join(dirs.in, file), join(dirs.done, file));
    else {
      renameSync(join(dirs.in, file), join(dirs.rejected, file));
      writeFileSync(
        join(dirs.rejected, `${file}.rapport.json`),
        `${JSON.stringify({ retourcodes: result.returnCodes, problemen: result.report.issues }, null, 2)}\n`,
      );
    }
    received.push({ file, accepted: result.accepted, type: result.type });
  }
  const outbox = await db
    .selectFrom('ijw_message')
    .select(['id', 'type', 'identification', 'xml'])
    .where('direction', '=', 'uit')
    .where('status', '=', 'klaar')
    .orderBy('created_at')
    .execute();
  const sent: string[] = [];
  for (const m of outbox) {
    const name = `${m.type}-${m.identification}.xml`;
    writeFileSync(join(dirs.out, name), m.xml);
    await db
      .updateTable('ijw_message')
      .set({ status: 'verstuurd', sent_at: now })
      .where('id', '=', m.id)
      .where('status', '=', 'klaar')
      .execute();
    sent.push(name);
  }
  return { received, sent };
}
