/**
 * Server configuration from the environment, validated at start (fail fast, name the variable).
 */
import { z } from '../validation/zod-nl.js';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** A PostgreSQL server; without it the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  /**
   * A read replica of DATABASE_URL for the management dashboards and the period report (seconds
   * behind the primary); audit records and everything else still go to DATABASE_URL.
   */
  DATABASE_READ_URL: z.string().startsWith('postgres').optional(),
  /** A name for this instance, sent as `X-Instantie` on every answer (several instances). */
  INSTANCE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, { error: 'alleen letters, cijfers, punt, - en _ (max. 64)' })
    .optional(),
  DATA_DIR: z.string().default('.data/pglite'),
  /** `1`: fill an empty database with demo data and enable the demo accounts. */
  DEMO: z.enum(['0', '1']).default('0'),
  DEMO_CASES: z.coerce.number().int().min(0).max(100_000).default(3000),
  /** Secure cookies need HTTPS; switch off only for local use over plain HTTP. */
  COOKIE_SECURE: z.enum(['0', '1']).default('1'),
  /** Deadlines due within this many working days are reported as "due soon" in the notifications. */
  DUE_SOON_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(3),
  /** The daily digest e-mail goes out only when an SMTP server is given (`smtp://host:587`). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, { error: 'begint met smtp:// of smtps://' })
    .optional(),
  DIGEST_FROM: z.string().min(3).default('Casusregie <casusregie@localhost>'),
  /** The hour (Europe/Amsterdam) at which `serve` sends the daily digest. */
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** The web app's public address, for links in e-mails (without it: paths only). */
  PUBLIC_URL: z.url({ error: 'geen geldig adres, bijv. https://casusregie.example.nl' }).optional(),
  /** 32 bytes (base64) that seal OIDC client secrets (ADR 0017); without it no OIDC login. */
  OIDC_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, {
      error: 'moet 32 bytes zijn, in base64',
    })
    .optional(),
  /** Hardening (ADR 0016): login attempts per minute per client address and per e-mail. */
  RATE_LIMIT_LOGIN_PER_IP: z.coerce.number().int().min(1).max(10_000).default(50),
  RATE_LIMIT_LOGIN_PER_ACCOUNT: z.coerce.number().int().min(1).max(1_000).default(10),
  /** The family portal's login (ADR 0026): requests per minute per client address… */
  RATE_LIMIT_PORTAL_PER_IP: z.coerce.number().int().min(1).max(10_000).default(30),
  /** …and per e-mail address per 15 minutes, for asking a code and for logging in each. */
  RATE_LIMIT_PORTAL_PER_ACCOUNT: z.coerce.number().int().min(1).max(1_000).default(10),
  /**
   * `aan`: without SMTP_URL, the family portal's login codes go to the server log instead of
   * by e-mail. For a local demo only: whoever reads the log can log in as anyone.
   */
  PORTAAL_CODE_IN_LOG: z.enum(['aan', 'uit']).default('uit'),
  /**
   * `uit`: this instance serves the web and API only and runs no background jobs (digest, daily
   * checks, sealing the access log); another instance on the same database runs them (ADR 0027).
   */
  JOBS: z.enum(['aan', 'uit']).default('aan'),
  /** API requests per minute per session (or per client address without a session). */
  RATE_LIMIT_API: z.coerce.number().int().min(10).max(100_000).default(1200),
  /** A session ends after this many minutes without a request (and always after 10 hours). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(600).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('warn'),
});

export type ServerEnv = z.output<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Ongeldige configuratie:\n${problems}`);
  }
  if (parsed.data.DATABASE_READ_URL && !parsed.data.DATABASE_URL)
    throw new Error(
      'Ongeldige configuratie:\nDATABASE_READ_URL: werkt alleen samen met DATABASE_URL (een PostgreSQL-server)',
    );
  return parsed.data;
}
