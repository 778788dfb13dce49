/**
 * The `casusregie` command. Exit codes: 0 done, 2 bad input (the message names the field),
 * 1 an unexpected failure (a short message, never a stack trace).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadProfiles, ProfileError } from '../regions/load.js';
import { evaluateScenario, ScenarioError } from '../scenario/index.js';
import { rulesMarkdown } from './docs-rules.js';
import { formatReports, validateFiles } from './ijw.js';
import { formatTable } from './table.js';

const USAGE = `Gebruik:
  casusregie evaluate <scenario.json> [--format json|table] [--profile extra.yaml ...]
  casusregie docs-rules
  casusregie ijw validate <bericht.xml ...> [--format tekst|json]
  casusregie ijw map <map>    verwerkt <map>/in en schrijft <map>/uit (database: zie README)
  casusregie serve [--demo]   start de webapplicatie (met --demo: demogegevens en
                             demo-accounts; configuratie: zie README)
  casusregie digest [--proef] verstuurt het dagelijkse overzicht per e-mail (SMTP_URL;
                             met --proef: alleen tonen, niets versturen of vastleggen)
  casusregie backup <bestand.tar.gz>
                             kopie van de ingebouwde database (DATA_DIR); stop eerst
                             de server (PostgreSQL: zie docs/backup-en-herstel.md)
  casusregie herstel <bestand.tar.gz> [--vervang]
                             zet een back-up terug in een lege DATA_DIR (met --vervang:
                             de huidige map gaat eerst opzij); stop eerst de server
  casusregie termijnen-herberekenen [--reden <tekst>] [--batch <aantal>]
                             rekent de bewaarde termijnen van alle casussen opnieuw
                             uit (na een wijziging in een regioprofiel), met voortgang

evaluate   rekent een casus door met het regioprofiel uit het scenario
docs-rules drukt de regelcatalogus af (Markdown)
ijw validate controleert iJw 3.2-berichten op XSD en inhoudsregels (TR, CD, CS);
           afsluitcode 0: alle goedgekeurd, 3: minstens één afgekeurd`;

class InputError extends Error {}

function evaluateCommand(args: string[]): string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'json' },
      profile: { type: 'string', multiple: true, default: [] },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new InputError(`Geef precies één scenariobestand.\n\n${USAGE}`);
  if (values.format !== 'json' && values.format !== 'table')
    throw new InputError(`--format: kies json of table (niet "${values.format}")`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`${file}: bestand niet gevonden of niet leesbaar`);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: geen geldige JSON (${(error as Error).message})`);
  }
  const profiles = loadProfiles({ extraFiles: values.profile });
  const result = evaluateScenario(input, profiles);
  return values.format === 'table' ? formatTable(result) : `${JSON.stringify(result, null, 2)}\n`;
}

function run(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === 'evaluate') {
      process.stdout.write(evaluateCommand(rest));
      return 0;
    }
    if (command === 'ijw') {
      const [sub, ...files] = rest;
      if (sub !== 'validate')
        throw new InputError(`Onbekende ijw-opdracht "${sub ?? ''}".\n\n${USAGE}`);
      const { values, positionals } = parseArgs({
        args: files,
        allowPositionals: true,
        options: { format: { type: 'string', default: 'tekst' } },
      });
      if (values.format !== 'tekst' && values.format !== 'json')
        throw new InputError(`--format: kies tekst of json (niet "${values.format}")`);
      if (positionals.length === 0)
        throw new InputError(`Geef minstens één berichtbestand.\n\n${USAGE}`);
      const reports = validateFiles(positionals);
      process.stdout.write(
        values.format === 'json' ? `${JSON.stringify(reports, null, 2)}\n` : formatReports(reports),
      );
      return reports.every((r) => r.valid) ? 0 : 3;
    }
    if (command === 'docs-rules') {
      process.stdout.write(rulesMarkdown(loadProfiles()));
      return 0;
    }
    if (command === undefined || command === '--help' || command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    throw new InputError(`Onbekende opdracht "${command}".\n\n${USAGE}`);
  } catch (error) {
    if (error instanceof ScenarioError) {
      process.stderr.write(
        `Ongeldig scenario:\n${error.issues.map((i) => `  ${i.path || '(scenario)'}: ${i.message}`).join('\n')}\n`,
      );
      return 2;
    }
    if (error instanceof ProfileError) {
      process.stderr.write(`Ongeldig regioprofiel:\n${error.message.replace(/^/gm, '  ')}\n`);
      return 2;
    }
    if (
      error instanceof InputError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`${(error as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`Onverwachte fout: ${(error as Error).message}\n`);
    return 1;
  }
}

async function serve(): Promise<void> {
  const { startServer } = await import('../server/start.js');
  const started = await startServer({ demo: process.argv.includes('--demo') });
  process.stdout.write(`casusregie draait op ${started.url}\n`);
  const stop = () => {
    void started.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function dropFolder(folder: string): Promise<void> {
  const { mkdirSync } = await import('node:fs');
  const { readEnv } = await import('../server/env.js');
  const { migrateToLatest, openDatabase } = await import('../store/db.js');
  const { processDropFolder } = await import('../ijw/dropfolder.js');
  const env = readEnv(process.env);
  if (!env.DATABASE_URL) mkdirSync(env.DATA_DIR, { recursive: true });
  const database = await openDatabase(
    env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.DATA_DIR },
  );
  try {
    await migrateToLatest(database.db);
    const run = await processDropFolder(database.db, folder, new Date());
    for (const r of run.received)
      process.stdout.write(
        `${r.file}: ${r.type ?? '?'} ${r.accepted ? 'verwerkt' : 'afgekeurd'}\n`,
      );
    process.stdout.write(
      `${run.received.length} ontvangen, ${run.sent.length} verstuurd naar ${folder}/uit\n`,
    );
  } finally {
    await database.close();
  }
}

async function digest(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { proef: { type: 'boolean', default: false } } });
  const { mkdirSync } = await import('node:fs');
  const { readEnv } = await import('../server/env.js');
  let env: ReturnType<typeof readEnv>;
  try {
    env = readEnv(process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  if (!env.SMTP_URL && !values.proef) {
    process.stderr.write('SMTP_URL ontbreekt: zonder mailserver kan alleen --proef.\n');
    return 2;
  }
  const { migrateToLatest, openDatabase } = await import('../store/db.js');
  const { describeDigestRun, runDigest, smtpMailer } = await import('../jobs/digest.js');
  if (!env.DATABASE_URL) mkdirSync(env.DATA_DIR, { recursive: true });
  const database = await openDatabase(
    env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.DATA_DIR },
  );
  const mailer = values.proef || !env.SMTP_URL ? null : smtpMailer(env.SMTP_URL);
  try {
    await migrateToLatest(database.db);
    const report = await runDigest(
      database.db,
      loadProfiles(),
      mailer,
      {
        from: env.DIGEST_FROM,
        baseUrl: env.PUBLIC_URL ?? null,
        workingDays: env.DUE_SOON_WORKING_DAYS,
      },
      new Date(),
    );
    for (const p of report.previews)
      process.stdout.write(`Aan: ${p.email}\nOnderwerp: ${p.digest.subject}\n\n${p.digest.text}\n`);
    for (const f of report.failed) process.stderr.write(`${f.email}: ${f.error}\n`);
    process.stdout.write(
      values.proef
        ? `${report.previews.length} overzichten klaar (proef: niets verstuurd)\n`
        : `${describeDigestRun(report)}\n`,
    );
    return report.failed.length > 0 ? 1 : 0;
  } finally {
    mailer?.close();
    await database.close();
  }
}

/** `backup` and `herstel` of the embedded database (src/cli/backup.ts). */
async function backupCommand(command: 'backup' | 'herstel', args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: command === 'herstel' ? { vervang: { type: 'boolean', default: false } } : {},
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    process.stderr.write(`Geef precies één back-upbestand.\n\n${USAGE}\n`);
    return 2;
  }
  const { readEnv } = await import('../server/env.js');
  const { BackupInputError, backupDataDir, restoreDataDir } = await import('./backup.js');
  const { DataDirInUseError } = await import('../store/data-dir-lock.js');
  try {
    const env = readEnv(process.env);
    if (env.DATABASE_URL) {
      process.stderr.write(
        'DATABASE_URL is gezet: deze opdracht is voor de ingebouwde database (DATA_DIR). ' +
          'Voor PostgreSQL: pg_dump en pg_restore, zie docs/backup-en-herstel.md.\n',
      );
      return 2;
    }
    if (command === 'backup') {
      const { bytes } = await backupDataDir(env.DATA_DIR, file);
      process.stdout.write(
        `Back-up gemaakt: ${file} (${(bytes / 1_048_576).toFixed(1)} MB) van ${env.DATA_DIR}\n`,
      );
    } else {
      const result = await restoreDataDir(file, env.DATA_DIR, { replace: values.vervang === true });
      if (result.movedAside)
        process.stdout.write(`De vorige database staat nu in ${result.movedAside}\n`);
      process.stdout.write(
        `Hersteld in ${env.DATA_DIR} uit ${file}` +
          (result.migrated.length > 0 ? ` (${result.migrated.length} migraties bijgewerkt)` : '') +
          '\n',
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof BackupInputError || error instanceof DataDirInUseError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof Error && error.message.startsWith('Ongeldige configuratie')) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

const args = process.argv.slice(2);
if (args[0] === 'ijw' && args[1] === 'map') {
  const folder = args[2];
  if (!folder || args.length > 3) {
    process.stderr.write(`Geef precies één map.\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else
    dropFolder(folder).catch((error: unknown) => {
      process.stderr.write(
        `Verwerken mislukt: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    });
} else if (args[0] === 'digest') {
  digest(args.slice(1)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const code = (error as { code?: string }).code;
      process.stderr.write(
        `Overzicht mislukt: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
    },
  );
} else if (args[0] === 'backup' || args[0] === 'herstel') {
  const verb = args[0] === 'backup' ? 'Back-up' : 'Herstel';
  backupCommand(args[0], args.slice(1)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const code = (error as { code?: string }).code;
      process.stderr.write(
        `${verb} mislukt: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
    },
  );
} else if (args[0] === 'termijnen-herberekenen') {
  import('./recompute-deadlines.js')
    .then(({ recomputeDeadlinesCommand }) => recomputeDeadlinesCommand(args.slice(1)))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        const code = (error as { code?: string }).code;
        process.stderr.write(
          `Herberekenen mislukt: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exitCode = code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
      },
    );
} else if (args[0] === 'serve') {
  serve().catch((error: unknown) => {
    process.stderr.write(
      `Starten mislukt: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    // Exit even though the opened database keeps the event loop alive: a half-started server
    // must not linger (and hold DATA_DIR).
    process.exit(1);
  });
} else {
  process.exitCode = run(args);
}
