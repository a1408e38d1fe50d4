import type { CompanyRole, RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { DomainError } from '../../platform/errors.js';
import { randomToken, sha256Hex, uuidv7 } from '../../platform/ids.js';
import { enqueueMail } from '../../platform/mail.js';
import type { Platform } from '../../platform/platform.js';
import { authorize, requireUser, roleIn } from '../../platform/policy.js';
import { AccountErrors } from './errors.js';
import { record } from './events.js';
import * as store from './store.js';
import { accountsTransaction, type SessionCache } from './session-cache.js';

export type InvitableRole = Exclude<CompanyRole, 'owner'>;

export interface InvitationView {
  id: string;
  email: string;
  role: InvitableRole;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  createdAt: Date;
  expiresAt: Date;
}

function status(inv: store.InvitationRow): InvitationView['status'] {
  if (inv.accepted_at) return 'accepted';
  if (inv.revoked_at) return 'revoked';
  if (inv.expires_at.getTime() < Date.now()) return 'expired';
  return 'pending';
}

function view(inv: store.InvitationRow): InvitationView {
  return { id: inv.id, email: inv.email, role: inv.role, status: status(inv), createdAt: inv.created_at, expiresAt: inv.expires_at };
}

const ROLE_NAMES: Record<CompanyRole, { zh: string; en: string }> = {
  owner: { zh: '所有者', en: 'owner' },
  admin: { zh: '管理员', en: 'admin' },
  purchaser: { zh: '采购', en: 'purchaser' },
  sales: { zh: '销售', en: 'sales' },
  finance: { zh: '财务', en: 'finance' },
};

export class MembersService {
  private readonly tx;

  constructor(
    private readonly platform: Platform,
    cache: SessionCache,
  ) {
    this.tx = accountsTransaction(platform, cache);
  }

  private get db() {
    return this.platform.database.db;
  }

  private async company(companyId: string): Promise<store.CompanyRow> {
    const c = await store.findCompany(this.db, companyId);
    if (!c) throw new DomainError(AccountErrors.COMPANY_NOT_FOUND);
    return c;
  }

  async listMembers(ctx: RequestContext, companyId: string): Promise<store.MemberRow[]> {
    await this.company(companyId);
    authorize(ctx, 'company.members.view', companyId);
    return store.listMembers(this.db, companyId);
  }

  /** Sends a tokened invitation link by mail; the token itself is stored only as a hash. */
  async invite(ctx: RequestContext, companyId: string, input: { email: string; role: InvitableRole }): Promise<InvitationView> {
    return (await this.createInvitation(ctx, companyId, input)).invitation;
  }

  /** invite(), also handing back the raw token: for the demo seed, which accepts on the invitee's behalf. */
  async createInvitation(ctx: RequestContext, companyId: string, input: { email: string; role: InvitableRole }): Promise<{ invitation: InvitationView; token: string }> {
    const company = await this.company(companyId);
    const actor = authorize(ctx, 'company.invitations.manage', companyId);
    const token = randomToken();
    return this.tx(async (trx) => {
      const existing = await store.findUserByEmail(trx, input.email);
      if (existing && (await store.findMembership(trx, companyId, existing.id))) throw new DomainError(AccountErrors.ALREADY_MEMBER);
      // Inviting an address again sends a fresh link and retires the earlier ones: one open invitation per person.
      await store.revokeOpenInvitationsTo(trx, companyId, input.email, null);
      const inv = await store.insertInvitation(trx, {
        id: uuidv7(), companyId, email: input.email, role: input.role, tokenHash: sha256Hex(token), invitedBy: actor.userId,
        expiresAt: new Date(Date.now() + this.platform.config.INVITATION_TTL_DAYS * 86_400_000),
      });
      await record(trx, actor.userId, inv.id, { type: 'invitation.created', subjectType: 'invitation', companyId, payload: { email: inv.email, role: inv.role } });
      const link = `${this.platform.config.publicUrl}/invitations/${token}`;
      const role = ROLE_NAMES[input.role];
      const days = this.platform.config.INVITATION_TTL_DAYS;
      await enqueueMail(trx, {
        to: inv.email,
        subject: `${actor.name} 邀请您加入 ${company.legal_name} | Invitation to join ${company.name_en ?? company.legal_name} on Tongshang`,
        text: [
          `${actor.name} 邀请您以「${role.zh}」身份加入 ${company.legal_name}(通商 B2B 平台)。`,
          `接受邀请:${link}`,
          `链接 ${days} 天内有效。`,
          '',
          `${actor.name} invited you to join ${company.name_en ?? company.legal_name} on Tongshang as ${role.en}.`,
          `Accept the invitation: ${link}`,
          `The link is valid for ${days} days.`,
        ].join('\n'),
      });
      return { invitation: view(inv), token };
    });
  }

  async listInvitations(ctx: RequestContext, companyId: string): Promise<InvitationView[]> {
    await this.company(companyId);
    authorize(ctx, 'company.invitations.manage', companyId);
    return (await store.listOpenInvitations(this.db, companyId)).map(view);
  }

  async revokeInvitation(ctx: RequestContext, companyId: string, invitationId: string): Promise<void> {
    const actor = authorize(ctx, 'company.invitations.manage', companyId);
    await this.tx(async (trx) => {
      const inv = await store.findInvitation(trx, companyId, invitationId);
      if (!inv) throw new DomainError(AccountErrors.INVITATION_NOT_FOUND);
      if (inv.accepted_at) throw new DomainError(AccountErrors.INVITATION_USED);
      if (inv.revoked_at) return;
      await store.markInvitationRevoked(trx, inv.id);
      await record(trx, actor.userId, inv.id, { type: 'invitation.revoked', subjectType: 'invitation', companyId, payload: { email: inv.email } });
    });
  }

  /** What the invitation page shows before accepting: whoever holds the link may see it. */
  async peekInvitation(token: string) {
    const inv = await store.findInvitationByTokenHash(this.db, sha256Hex(token));
    if (!inv) throw new DomainError(AccountErrors.INVITATION_NOT_FOUND);
    const company = await this.company(inv.company_id);
    const inviter = await store.findUserById(this.db, inv.invited_by);
    return {
      email: inv.email, role: inv.role, status: status(inv), expiresAt: inv.expires_at,
      company: { id: company.id, legalName: company.legal_name, nameEn: company.name_en },
      invitedBy: inviter?.name ?? '',
    };
  }

  async accept(ctx: RequestContext, token: string): Promise<{ companyId: string; role: CompanyRole }> {
    const actor = requireUser(ctx);
    return this.tx(async (trx) => {
      const inv = await store.findInvitationByTokenHash(trx, sha256Hex(token), true);
      if (!inv) throw new DomainError(AccountErrors.INVITATION_NOT_FOUND);
      switch (status(inv)) {
        case 'accepted':
          throw new DomainError(AccountErrors.INVITATION_USED);
        case 'revoked':
          throw new DomainError(AccountErrors.INVITATION_REVOKED);
        case 'expired':
          throw new DomainError(AccountErrors.INVITATION_EXPIRED);
        case 'pending':
          break;
      }
      if (inv.email.toLowerCase() !== actor.email.toLowerCase()) throw new DomainError(AccountErrors.INVITATION_EMAIL_MISMATCH, { email: inv.email });
      if (await store.findMembership(trx, inv.company_id, actor.userId)) throw new DomainError(AccountErrors.ALREADY_MEMBER);
      await store.insertMembership(trx, inv.company_id, actor.userId, inv.role);
      await store.markInvitationAccepted(trx, inv.id, actor.userId);
      await store.revokeOpenInvitationsTo(trx, inv.company_id, inv.email, inv.id);
      await store.setSessionCompany(trx, actor.sessionId, inv.company_id);
      await record(trx, actor.userId, inv.id, { type: 'invitation.accepted', subjectType: 'invitation', companyId: inv.company_id, payload: { userId: actor.userId, role: inv.role } });
      return { companyId: inv.company_id, role: inv.role };
    });
  }

  async changeRole(ctx: RequestContext, companyId: string, userId: string, role: CompanyRole): Promise<store.MemberRow> {
    await this.company(companyId);
    const actor = authorize(ctx, 'company.members.manage', companyId);
    return this.tx(async (trx) => {
      const owners = await store.lockOwners(trx, companyId);
      const current = await store.findMembership(trx, companyId, userId);
      if (!current) throw new DomainError(AccountErrors.MEMBER_NOT_FOUND);
      if ((current.role === 'owner' || role === 'owner') && roleIn(actor, companyId) !== 'owner') throw new DomainError(AccountErrors.OWNER_ONLY);
      if (current.role === 'owner' && role !== 'owner' && owners.length <= 1) throw new DomainError(AccountErrors.LAST_OWNER);
      if (current.role !== role) {
        await store.updateMembershipRole(trx, companyId, userId, role);
        await record(trx, actor.userId, `${companyId}:${userId}`, { type: 'member.role_changed', subjectType: 'membership', companyId, payload: { userId, from: current.role, to: role } });
      }
      const member = (await store.listMembers(trx, companyId)).find((m) => m.userId === userId);
      if (!member) throw new DomainError(AccountErrors.MEMBER_NOT_FOUND);
      return member;
    });
  }

  /** Owners and admins remove others; anyone may leave. The last owner can do neither to themself. */
  async remove(ctx: RequestContext, companyId: string, userId: string): Promise<void> {
    await this.company(companyId);
    const actor = requireUser(ctx);
    const leaving = userId === actor.userId;
    if (!leaving) authorize(ctx, 'company.members.manage', companyId);
    else if (!roleIn(actor, companyId)) throw new DomainError(AccountErrors.NOT_A_MEMBER);
    await this.tx(async (trx) => {
      const owners = await store.lockOwners(trx, companyId);
      const current = await store.findMembership(trx, companyId, userId);
      if (!current) throw new DomainError(AccountErrors.MEMBER_NOT_FOUND);
      if (current.role === 'owner' && !leaving && roleIn(actor, companyId) !== 'owner') throw new DomainError(AccountErrors.OWNER_ONLY);
      if (current.role === 'owner' && owners.length <= 1) throw new DomainError(AccountErrors.LAST_OWNER);
      await store.deleteMembership(trx, companyId, userId);
      await record(trx, actor.userId, `${companyId}:${userId}`, { type: 'member.removed', subjectType: 'membership', companyId, payload: { userId, role: current.role, left: leaving } });
    });
  }

  async switchActiveCompany(ctx: RequestContext, companyId: string): Promise<void> {
    const actor = requireUser(ctx);
    if (!roleIn(actor, companyId)) throw new DomainError(AccountErrors.NOT_A_MEMBER);
    await this.tx(async (trx) => {
      await store.setSessionCompany(trx, actor.sessionId, companyId);
      await record(trx, actor.userId, actor.sessionId, { type: 'session.company_switched', subjectType: 'session', companyId, payload: { userId: actor.userId } });
    });
  }

  /** Where a company's notices go: the emails of its members in these roles. */
  async contactEmails(companyId: string, roles: CompanyRole[]): Promise<string[]> {
    return (await store.listMembers(this.db, companyId)).filter((m) => roles.includes(m.role)).map((m) => m.email);
  }

  /**
   * Who a notice reaches (notifications): the given users plus the company's members in these roles (all roles when
   * none), with their emails. No ctx: it is read in the caller's transaction `db`, so it never waits on PGlite's one connection.
   */
  async noticeRecipients(db: Db, to: { userIds: string[]; companyId: string | null; roles: CompanyRole[] }): Promise<Array<{ userId: string; email: string }>> {
    return store.noticeRecipients(db, to);
  }

  async adminListUsers(filter: { q?: string | undefined; beforeId?: string | undefined; limit: number }) {
    return store.listUsers(this.db, filter);
  }
}
