import path from 'node:path';
import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { defineCredentialJobs } from './jobs.js';
import { KeyRing, loadSecret } from './keys.js';
import { registerCredentialRoutes } from './routes.js';
import { CredentialsService, type Deps } from './service.js';

export type { CompanyClaims } from './service.js';

/** Portable credentials (全网诚信通): Ed25519 keys and JWKS, VC-JWT per verified company, status list, verify, badge. */
export function createCredentialsModule(platform: Platform, deps: Deps) {
  const keys = new KeyRing(platform.database, loadSecret(platform.config.SECRET_KEY, path.resolve(platform.config.dataDir)));
  const credentials = new CredentialsService(platform, keys, deps);
  defineCredentialJobs(platform, credentials);
  return {
    credentials,
    keys,
    registerRoutes(app: App) {
      registerCredentialRoutes(app, credentials, keys);
    },
  };
}
