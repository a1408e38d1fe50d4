import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import type { AccountsModule } from '../accounts/index.js';
import type { FilesModule } from '../files/index.js';
import { HttpRegistryProvider, SampleRegistryProvider, type RegistryProvider } from './registry.js';
import { registerTrustRoutes } from './routes.js';
import { VerificationService } from './verification.service.js';

export type { RegistryProvider, RegistryRecord } from './registry.js';
export type { TrustEvent, TrustEventType } from './events.js';

function registryFrom(platform: Platform): RegistryProvider {
  const { REGISTRY_PROVIDER, REGISTRY_URL, REGISTRY_API_KEY } = platform.config;
  if (REGISTRY_PROVIDER === 'http') {
    if (!REGISTRY_URL) throw new Error('REGISTRY_PROVIDER=http needs REGISTRY_URL');
    return new HttpRegistryProvider(REGISTRY_URL, REGISTRY_API_KEY);
  }
  return new SampleRegistryProvider();
}

/** The trust system: business registration verification now; TrustPass, credit and credentials build on it. */
export function createTrustModule(platform: Platform, deps: { companies: AccountsModule['companies']; files: FilesModule['files']; registry?: RegistryProvider }) {
  const verification = new VerificationService(platform, deps.registry ?? registryFrom(platform), deps);
  return {
    verification,
    registerRoutes(app: App) {
      registerTrustRoutes(app, verification);
    },
  };
}

export type TrustModule = ReturnType<typeof createTrustModule>;
