import type { Locale } from './errors.js';

export const COMPANY_ROLES = ['owner', 'admin', 'purchaser', 'sales', 'finance'] as const;
export type CompanyRole = (typeof COMPANY_ROLES)[number];

export interface Membership {
  companyId: string;
  role: CompanyRole;
}

/** The signed-in person behind a request, with the companies they belong to. */
export interface Actor {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  isOperator: boolean;
  memberships: Membership[];
  activeCompanyId: string | null;
  csrfToken: string;
  /** 'cookie' requests must carry the CSRF token on unsafe methods; 'bearer' requests need not. */
  via: 'cookie' | 'bearer';
}

/** What a service knows about the request: who, in which language, from where. Never HTTP objects. */
export interface RequestContext {
  actor: Actor | null;
  locale: Locale;
  ip: string;
  userAgent: string | null;
  requestId: string;
}

export function systemContext(): RequestContext {
  return { actor: null, locale: 'zh-CN', ip: '127.0.0.1', userAgent: 'system', requestId: 'system' };
}
