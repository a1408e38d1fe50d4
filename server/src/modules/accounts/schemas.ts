import { z } from 'zod';
import { COMPANY_ROLES } from '../../platform/context.js';
import { pageQuery, pageSchema } from '../../platform/pagination.js';
import { PASSWORD_MAX_LENGTH } from './passwords.js';
import { timestamp } from '../../platform/schemas.js';

const email = z.email().max(254).transform((e) => e.trim());
const password = z.string().min(1).max(PASSWORD_MAX_LENGTH);
const mobile = z.string().regex(/^\+?[0-9][0-9 -]{5,19}$/, 'digits, optionally with a leading +');
const personName = z.string().trim().min(1).max(80);
export const idParam = z.object({ id: z.uuid() });

export const user = z.object({
  id: z.uuid(), email: z.string(), name: z.string(), mobile: z.string().nullable(), isOperator: z.boolean(), createdAt: timestamp,
});

export const registerBody = z.strictObject({ email, password, name: personName, mobile: mobile.optional() });
export const loginBody = z.strictObject({ email, password });
export const authResponse = z.object({ user, token: z.string(), csrfToken: z.string(), expiresAt: timestamp });

export const session = z.object({
  id: z.uuid(), createdAt: timestamp, lastSeenAt: timestamp, expiresAt: timestamp, ip: z.string().nullable(), userAgent: z.string().nullable(), current: z.boolean(),
});
export const sessionList = z.object({ items: z.array(session) });

export const companyType = z.enum(['manufacturer', 'trading_company', 'buyer', 'both']);
export const role = z.enum(COMPANY_ROLES);
export const invitableRole = z.enum(['admin', 'purchaser', 'sales', 'finance']);

export const meResponse = z.object({
  user,
  companies: z.array(z.object({ id: z.uuid(), name: z.string(), nameEn: z.string().nullable(), companyType, role })),
  activeCompanyId: z.uuid().nullable(),
  csrfToken: z.string(),
});
export const updateMeBody = z.strictObject({ name: personName.optional(), mobile: mobile.nullable().optional() });
export const changePasswordBody = z.strictObject({ currentPassword: password, newPassword: password });
export const activeCompanyBody = z.strictObject({ companyId: z.uuid() });

const companyFields = {
  legalName: z.string().trim().min(2).max(100),
  nameEn: z.string().trim().max(150).nullable().optional(),
  uscc: z.string().trim().toUpperCase().max(18).nullable().optional(),
  companyType,
  province: z.string().regex(/^\d{6}$/),
  city: z.string().trim().min(1).max(50),
  industry: z.string().trim().min(1).max(50),
  mainProducts: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  description: z.string().max(5000).default(''),
};
export const createCompanyBody = z.strictObject(companyFields);
export const updateCompanyBody = z.strictObject({
  legalName: companyFields.legalName.optional(),
  nameEn: companyFields.nameEn,
  uscc: companyFields.uscc,
  companyType: companyType.optional(),
  province: companyFields.province.optional(),
  city: companyFields.city.optional(),
  industry: companyFields.industry.optional(),
  mainProducts: z.array(z.string().trim().min(1).max(30)).max(20).optional(),
  description: z.string().max(5000).optional(),
});
export const company = z.object({
  id: z.uuid(), legalName: z.string(), nameEn: z.string().nullable(), uscc: z.string().nullable(), companyType,
  province: z.string(), city: z.string(), industry: z.string(), mainProducts: z.array(z.string()), description: z.string(),
  logoUrl: z.string().nullable(), memberCount: z.number().int(), createdAt: timestamp, updatedAt: timestamp, myRole: role.nullable(),
});
export const companyListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: z.enum(['supplier', 'buyer']).optional(),
  province: z.string().regex(/^\d{6}$/).optional(),
  ...pageQuery,
});
export const companyPage = pageSchema(company);

export const member = z.object({ userId: z.uuid(), name: z.string(), email: z.string(), role, joinedAt: timestamp });
export const memberList = z.object({ items: z.array(member) });
export const memberParams = z.object({ id: z.uuid(), userId: z.uuid() });
export const changeRoleBody = z.strictObject({ role });

export const inviteBody = z.strictObject({ email, role: invitableRole });
export const invitation = z.object({
  id: z.uuid(), email: z.string(), role: invitableRole, status: z.enum(['pending', 'accepted', 'revoked', 'expired']), createdAt: timestamp, expiresAt: timestamp,
});
export const invitationList = z.object({ items: z.array(invitation) });
export const invitationParams = z.object({ id: z.uuid(), invitationId: z.uuid() });
export const tokenParam = z.object({ token: z.string().min(20).max(100) });
export const invitationPreview = z.object({
  email: z.string(), role: invitableRole, status: invitation.shape.status, expiresAt: timestamp,
  company: z.object({ id: z.uuid(), legalName: z.string(), nameEn: z.string().nullable() }), invitedBy: z.string(),
});
export const acceptResponse = z.object({ companyId: z.uuid(), role });

export const regionList = z.object({ items: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })) });

export const userListQuery = z.strictObject({ q: z.string().trim().max(100).optional(), ...pageQuery });
export const userPage = pageSchema(user.extend({ lastLoginAt: timestamp.nullable() }));
