import { z } from 'zod';
import { enqueueJob } from '../../platform/jobs.js';
import type { Platform } from '../../platform/platform.js';
import type { CredentialsService } from './service.js';

/** Facts a credential states; when one changes, the credential is re-issued (and the old one revoked). */
const CREDENTIAL_INPUTS = ['verification.approved', 'verification.rejected', 'verification.revoked', 'verification.field_recorded', 'trustpass.activated', 'credit.rating_changed', 'company.updated'];

export function defineCredentialJobs(platform: Platform, credentials: CredentialsService): void {
  platform.events.register({
    name: 'credentials.refresh_on_change',
    types: CREDENTIAL_INPUTS,
    handle: async (event, trx) => {
      if (event.companyId) await enqueueJob(trx, { kind: 'credentials.refresh', payload: { companyId: event.companyId }, uniqueKey: `credential:${event.companyId}` });
    },
  });
  platform.jobs.define('credentials.refresh', z.object({ companyId: z.uuid() }), async ({ companyId }) => {
    await credentials.refresh(companyId);
  });
}
