/**
 * Server configuration from the environment, validated at start (fail fast, name the variable).
 */
import { z } from '../validation/zod-nl.js';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** A PostgreSQL server; without it the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  DATA_DIR: z.string().default('.data/pglite'),
  /** `1`: fill an empty database with demo data and enable the demo accounts. */
  DEMO: z.enum(['0', '1']).default('0'),
  DEMO_CASES: z.coerce.number().int().min(0).max(100_000).default(3000),
  /** Secure cookies need HTTPS; switch off only for local use over plain HTTP. */
  COOKIE_SECURE: z.enum(['0', '1']).default('1'),
});

export type ServerEnv = z.output<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Ongeldige configuratie:\n${problems}`);
  }
  return parsed.data;
}
