import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting read from the environment, validated once at start-up. */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('.data'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Partnerline <no-reply@partnerline.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RUN_MIGRATIONS: booleanFlag.default(true),
  SEED_DEMO: booleanFlag.optional(),
  PUBLIC_URL: z.url().optional(),
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/i, 'must look like 1mb or 512kb').default('1mb'),
  TRUST_PROXY: booleanFlag.default(false),
  STATIC_DIR: z.string().optional(),
  JOBS_ENABLED: booleanFlag.default(true),
  /** One cron expression for every scheduled job instead of each job's own (e.g. '* * * * *' in the two-instance test). */
  JOBS_CRON_OVERRIDE: z.string().regex(/^\S+( \S+){4,5}$/, 'must be a cron expression like "0 * * * *"').optional(),
  /** A job not finished after this long counts as lost (its instance died) and is delivered again. */
  JOBS_EXPIRE_SECONDS: z.coerce.number().int().min(5).max(86_000).default(1800),
  /** How often pg-boss looks for lost jobs and cleans up. */
  JOBS_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
});

export type Env = z.infer<typeof EnvSchema>;

export interface AppConfig extends Env {
  dataDir: string;
  sessionSecret: string;
  embeddedDatabase: boolean;
  seedDemo: boolean;
}

export class ConfigError extends Error {}

const repoRoot = resolve(__dirname, '..', '..', '..', '..');

function resolveDataDir(dir: string): string {
  return isAbsolute(dir) ? dir : join(repoRoot, dir);
}

/**
 * A session secret is mandatory in production. In development the first start generates one
 * and keeps it in the data folder, so sessions survive restarts without a secret in the repo.
 */
function sessionSecretFor(env: Env, dataDir: string): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (env.NODE_ENV === 'production') throw new ConfigError('SESSION_SECRET: required in production (at least 32 characters)');
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const dataDir = resolveDataDir(env.DATA_DIR);
  return {
    ...env,
    dataDir,
    sessionSecret: sessionSecretFor(env, dataDir),
    embeddedDatabase: !env.DATABASE_URL,
    seedDemo: env.SEED_DEMO ?? env.NODE_ENV !== 'production',
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
