import type { Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/events.js';
import type { CompanyRole } from '../../platform/context.js';

/** The events the member and company systems publish. */
export type AccountsEvent =
  | { type: 'user.registered'; subjectType: 'user'; companyId: null; payload: { email: string; name: string } }
  | { type: 'user.profile_updated'; subjectType: 'user'; companyId: null; payload: { fields: string[] } }
  | { type: 'user.password_changed'; subjectType: 'user'; companyId: null; payload: { otherSessionsRevoked: number } }
  | { type: 'user.operator_granted'; subjectType: 'user'; companyId: null; payload: { email: string } }
  | { type: 'session.created'; subjectType: 'session'; companyId: null; payload: { userId: string; ip: string | null; userAgent: string | null } }
  | { type: 'session.revoked'; subjectType: 'session'; companyId: null; payload: { userId: string; reason: 'logout' | 'revoked' } }
  | { type: 'session.company_switched'; subjectType: 'session'; companyId: string; payload: { userId: string } }
  | { type: 'company.created'; subjectType: 'company'; companyId: string; payload: { legalName: string; companyType: string } }
  | { type: 'company.updated'; subjectType: 'company'; companyId: string; payload: { fields: string[] } }
  | { type: 'company.logo_changed'; subjectType: 'company'; companyId: string; payload: { fileId: string } }
  | { type: 'invitation.created'; subjectType: 'invitation'; companyId: string; payload: { email: string; role: CompanyRole } }
  | { type: 'invitation.accepted'; subjectType: 'invitation'; companyId: string; payload: { userId: string; role: CompanyRole } }
  | { type: 'invitation.revoked'; subjectType: 'invitation'; companyId: string; payload: { email: string } }
  | { type: 'member.role_changed'; subjectType: 'membership'; companyId: string; payload: { userId: string; from: CompanyRole; to: CompanyRole } }
  | { type: 'member.removed'; subjectType: 'membership'; companyId: string; payload: { userId: string; role: CompanyRole; left: boolean } };

export type AccountsEventType = AccountsEvent['type'];

export function record(trx: Db, actorUserId: string | null, subjectId: string, event: AccountsEvent): Promise<string> {
  return recordEvent(trx, { ...event, actorUserId, subjectId });
}
