import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './db.js';
import type { EventDispatcher } from './events.js';
import type { JobRunner } from './jobs.js';
import type { Mailer } from './mail.js';
import type { Metrics } from './metrics.js';
import type { FileStorage } from './storage.js';

/** The cross-cutting services every module is built with. */
export interface Platform {
  config: Config;
  database: Database;
  mailer: Mailer;
  storage: FileStorage;
  events: EventDispatcher;
  jobs: JobRunner;
  metrics: Metrics;
  log: Logger;
}
