import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());

/** Every setting the server reads from its environment; README's configuration table mirrors this. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: optionalUrl,
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalUrl,
  PGLITE_SHARED_BUFFERS: z.string().regex(/^\d+(kB|MB|GB)$/).default('16MB'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** PGlite only: keep recent product-search answers until the next commit (off: every search runs; the bench's uncached figure). */
  SEARCH_RESULT_CACHE: z.enum(['on', 'off']).default('on'),
  REGISTRY_PROVIDER: z.enum(['sample', 'http']).default('sample'),
  REGISTRY_URL: optionalUrl,
  REGISTRY_API_KEY: z.string().default(''),
  SANDBOX_PAYMENTS: booleanFromEnv.default(true),
  PAYMENTS_WEBHOOK_SECRET: z.string().min(16).default('tongshang-sandbox-webhook-secret'),
  CARRIER_WEBHOOK_SECRET: z.string().min(16).default('tongshang-carrier-webhook-secret'),
  BANK_NAME: z.string().default('中国工商银行 杭州分行 ICBC Hangzhou'),
  BANK_ACCOUNT_NAME: z.string().default('通商网络科技有限公司 Tongshang Network Technology Co., Ltd.'),
  BANK_ACCOUNT_NO: z.string().default('1202 0000 0000 0000 888'),
  SECRET_KEY: z.string().min(16).optional(),
  SEED_DEMO: booleanFromEnv.default(true),
  /** Products the demo seed lists in the background after the first start (0: companies only). */
  DEMO_CATALOG_SIZE: z.coerce.number().int().min(0).max(5000).default(1000),
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().default('Tongshang 通商 <no-reply@tongshang.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).default(5_242_880),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  WORKER_POLL_MS: z.coerce.number().int().min(10).default(1_000),
  WORKERS_ENABLED: booleanFromEnv.default(true),
  TRUST_PROXY: booleanFromEnv.default(false),
  CORS_ORIGINS: z.string().default(''),
  COOKIE_SECURE: booleanFromEnv.optional(),
});

export type Config = z.infer<typeof configSchema> & {
  /** Absolute data directory. */
  dataDir: string;
  publicUrl: string;
  corsOrigins: string[];
  cookieSecure: boolean;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
  return {
    ...c,
    dataDir: path.resolve(c.DATA_DIR),
    publicUrl,
    corsOrigins: c.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    cookieSecure: c.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
  };
}
