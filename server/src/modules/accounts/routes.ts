import type { FastifyReply } from 'fastify';
import type { App } from '../../platform/http/server.js';
import { SESSION_COOKIE, registerUploadRoutes } from '../../platform/http/server.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { requireOperator, requireUser } from '../../platform/policy.js';
import { okResponse } from '../../platform/schemas.js';
import type { AuthService, IssuedSession } from './auth.service.js';
import { publicUser } from './auth.service.js';
import type { CompaniesService } from './companies.service.js';
import type { MembersService } from './members.service.js';
import type { FilesModule } from '../files/index.js';
import { DomainError, PlatformErrors } from '../../platform/errors.js';
import { authorize } from '../../platform/policy.js';
import { PROVINCES } from './regions.js';
import * as s from './schemas.js';

export interface AccountsRouteDeps {
  auth: AuthService;
  companies: CompaniesService;
  members: MembersService;
  files: FilesModule['files'];
  cookieSecure: boolean;
  uploadLimitBytes: number;
}

const tags = (t: string) => [t];

export function registerAccountsRoutes(app: App, deps: AccountsRouteDeps): void {
  const { auth, companies, members } = deps;

  const setSessionCookie = (reply: FastifyReply, session: IssuedSession) =>
    reply.setCookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', secure: deps.cookieSecure, path: '/', expires: session.expiresAt });

  // ---- auth

  app.post('/api/v1/auth/register', {
    config: { csrf: false },
    schema: { tags: tags('auth'), summary: 'Create an account and sign in', body: s.registerBody, response: { 201: s.authResponse } },
  }, async (req, reply) => {
    const { user, session } = await auth.register(req.ctx, req.body);
    setSessionCookie(reply, session);
    return reply.code(201).send({ user, token: session.token, csrfToken: session.csrfToken, expiresAt: session.expiresAt });
  });

  app.post('/api/v1/auth/login', {
    config: { csrf: false },
    schema: { tags: tags('auth'), summary: 'Sign in; sets the session cookie and returns a bearer token', body: s.loginBody, response: { 200: s.authResponse } },
  }, async (req, reply) => {
    const { user, session } = await auth.login(req.ctx, req.body);
    setSessionCookie(reply, session);
    return { user, token: session.token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  });

  app.post('/api/v1/auth/logout', { schema: { tags: tags('auth'), summary: 'End the current session', response: { 200: okResponse } } }, async (req, reply) => {
    await auth.logout(req.ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/v1/auth/sessions', { schema: { tags: tags('auth'), summary: 'My live sessions', response: { 200: s.sessionList } } }, async (req) => ({
    items: await auth.listSessions(req.ctx),
  }));

  app.delete('/api/v1/auth/sessions/:id', {
    schema: { tags: tags('auth'), summary: 'Revoke one of my sessions', params: s.idParam, response: { 200: okResponse } },
  }, async (req) => {
    await auth.revokeSession(req.ctx, req.params.id);
    return { ok: true as const };
  });

  // ---- me

  app.get('/api/v1/me', { schema: { tags: tags('me'), summary: 'Who I am, my companies and the active one', response: { 200: s.meResponse } } }, async (req) => auth.me(req.ctx));

  app.patch('/api/v1/me', { schema: { tags: tags('me'), summary: 'Update my profile', body: s.updateMeBody, response: { 200: s.user } } }, async (req) =>
    auth.updateProfile(req.ctx, req.body),
  );

  app.post('/api/v1/me/password', {
    schema: { tags: tags('me'), summary: 'Change my password (signs out my other sessions)', body: s.changePasswordBody, response: { 200: okResponse } },
  }, async (req) => {
    await auth.changePassword(req.ctx, req.body);
    return { ok: true as const };
  });

  app.put('/api/v1/me/active-company', {
    schema: { tags: tags('me'), summary: 'Switch my active company', body: s.activeCompanyBody, response: { 200: s.meResponse } },
  }, async (req) => {
    await members.switchActiveCompany(req.ctx, req.body.companyId);
    const actor = requireUser(req.ctx);
    return auth.me({ ...req.ctx, actor: { ...actor, activeCompanyId: req.body.companyId } });
  });

  // ---- companies

  app.get('/api/v1/regions', { schema: { tags: tags('companies'), summary: 'Provinces a company can be in', response: { 200: s.regionList } } }, async () => ({
    items: PROVINCES.map((p) => ({ ...p })),
  }));

  app.post('/api/v1/companies', {
    schema: { tags: tags('companies'), summary: 'Create a company; I become its owner', body: s.createCompanyBody, response: { 201: s.company } },
  }, async (req, reply) => reply.code(201).send(await companies.create(req.ctx, { ...req.body, nameEn: req.body.nameEn ?? null, uscc: req.body.uscc || null })));

  app.get('/api/v1/companies', {
    schema: { tags: tags('companies'), summary: 'Public directory of companies', querystring: s.companyListQuery, response: { 200: s.companyPage } },
  }, async (req) => companies.list(req.ctx, req.query));

  app.get('/api/v1/companies/:id', {
    schema: { tags: tags('companies'), summary: 'Public company profile', params: s.idParam, response: { 200: s.company } },
  }, async (req) => companies.get(req.ctx, req.params.id));

  app.patch('/api/v1/companies/:id', {
    schema: { tags: tags('companies'), summary: 'Edit the company (owner, admin)', params: s.idParam, body: s.updateCompanyBody, response: { 200: s.company } },
  }, async (req) => companies.update(req.ctx, req.params.id, { ...req.body, ...(req.body.uscc === '' ? { uscc: null } : {}) }));

  registerUploadRoutes(app, { fileSize: deps.uploadLimitBytes + 1 }, (uploads) => uploads.post('/api/v1/companies/:id/logo', {
    schema: { tags: tags('companies'), summary: 'Upload the company logo (PNG, JPEG or WebP; multipart field "file")', params: s.idParam, response: { 200: s.company } },
  }, async (req) => {
    const actor = authorize(req.ctx, 'company.update', req.params.id);
    if (!req.isMultipart()) throw new DomainError(PlatformErrors.FILE_MISSING);
    const part = await req.file({ limits: { fileSize: deps.uploadLimitBytes + 1, files: 1 } });
    if (!part) throw new DomainError(PlatformErrors.FILE_MISSING);
    const bytes = await part.toBuffer().catch(() => {
      throw new DomainError(PlatformErrors.FILE_TOO_LARGE, { limit: `${Math.round(deps.uploadLimitBytes / 1024)} KB` });
    });
    const stored = await deps.files.store({
      bytes, purpose: 'company_logo', allowed: ['image/png', 'image/jpeg', 'image/webp'], maxBytes: Math.min(deps.uploadLimitBytes, 2 * 1024 * 1024),
      ownerCompanyId: req.params.id, uploadedBy: actor.userId,
    });
    return companies.setLogo(req.ctx, req.params.id, stored.id);
  }));

  // ---- members and invitations

  app.get('/api/v1/companies/:id/members', {
    schema: { tags: tags('members'), summary: 'Members of the company (members only)', params: s.idParam, response: { 200: s.memberList } },
  }, async (req) => ({ items: await members.listMembers(req.ctx, req.params.id) }));

  app.patch('/api/v1/companies/:id/members/:userId', {
    schema: { tags: tags('members'), summary: "Change a member's role", params: s.memberParams, body: s.changeRoleBody, response: { 200: s.member } },
  }, async (req) => members.changeRole(req.ctx, req.params.id, req.params.userId, req.body.role));

  app.delete('/api/v1/companies/:id/members/:userId', {
    schema: { tags: tags('members'), summary: 'Remove a member, or leave the company', params: s.memberParams, response: { 200: okResponse } },
  }, async (req) => {
    await members.remove(req.ctx, req.params.id, req.params.userId);
    return { ok: true as const };
  });

  app.post('/api/v1/companies/:id/invitations', {
    schema: { tags: tags('members'), summary: 'Invite someone by email', params: s.idParam, body: s.inviteBody, response: { 201: s.invitation } },
  }, async (req, reply) => reply.code(201).send(await members.invite(req.ctx, req.params.id, req.body)));

  app.get('/api/v1/companies/:id/invitations', {
    schema: { tags: tags('members'), summary: 'Open invitations', params: s.idParam, response: { 200: s.invitationList } },
  }, async (req) => ({ items: await members.listInvitations(req.ctx, req.params.id) }));

  app.delete('/api/v1/companies/:id/invitations/:invitationId', {
    schema: { tags: tags('members'), summary: 'Withdraw an invitation', params: s.invitationParams, response: { 200: okResponse } },
  }, async (req) => {
    await members.revokeInvitation(req.ctx, req.params.id, req.params.invitationId);
    return { ok: true as const };
  });

  app.get('/api/v1/invitations/:token', {
    schema: { tags: tags('members'), summary: 'What an invitation link offers', params: s.tokenParam, response: { 200: s.invitationPreview } },
  }, async (req) => members.peekInvitation(req.params.token));

  app.post('/api/v1/invitations/:token/accept', {
    schema: { tags: tags('members'), summary: 'Accept an invitation (signed in as the invited email)', params: s.tokenParam, response: { 200: s.acceptResponse } },
  }, async (req) => members.accept(req.ctx, req.params.token));

  // ---- operator console

  app.get('/api/v1/admin/users', {
    schema: { tags: tags('admin'), summary: 'All users (operators)', querystring: s.userListQuery, response: { 200: s.userPage } },
  }, async (req) => {
    requireOperator(req.ctx);
    const rows = await members.adminListUsers({ q: req.query.q, beforeId: decodeCursor(req.query.cursor), limit: req.query.limit });
    return page(rows.map((u) => ({ ...publicUser(u), lastLoginAt: u.last_login_at })), req.query.limit);
  });

  app.get('/api/v1/admin/companies', {
    schema: { tags: tags('admin'), summary: 'All companies (operators)', querystring: s.companyListQuery, response: { 200: s.companyPage } },
  }, async (req) => companies.adminList(req.ctx, req.query));
}

