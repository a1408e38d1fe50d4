import type { Platform } from '../../platform/platform.js';
import type { App } from '../../platform/http/server.js';
import { AuthService } from './auth.service.js';
import { CompaniesService } from './companies.service.js';
import { defineAccountsJobs } from './jobs.js';
import { MembersService } from './members.service.js';
import { SessionCache } from './session-cache.js';
import type { RealtimeBus } from '../../platform/realtime.js';
import { registerAccountsRoutes } from './routes.js';
import type { FilesModule } from '../files/index.js';

export type { PublicUser } from './auth.service.js';
export type { CompanyProfile } from './companies.service.js';
export type { AccountsEvent, AccountsEventType } from './events.js';
export { checkUscc, completeUscc } from './uscc.js';
export { assertValidUscc, usccProblemMessage } from './companies.service.js';
export { PROVINCES } from './regions.js';

/** The member and company systems: accounts, sessions, companies, memberships, invitations. */
export function createAccountsModule(platform: Platform, deps: { files: FilesModule['files']; bus: RealtimeBus }) {
  const cache = new SessionCache(deps.bus);
  const auth = new AuthService(platform, cache);
  const companies = new CompaniesService(platform, cache);
  const members = new MembersService(platform, cache);
  defineAccountsJobs(platform.jobs, auth);
  return {
    auth,
    companies,
    members,
    registerRoutes(app: App) {
      registerAccountsRoutes(app, { auth, companies, members, files: deps.files, cookieSecure: platform.config.cookieSecure, uploadLimitBytes: platform.config.UPLOAD_LIMIT_BYTES });
    },
  };
}

export type AccountsModule = ReturnType<typeof createAccountsModule>;
