import i18n from './i18n/index.js';

export type CompanyType = 'manufacturer' | 'trading_company' | 'buyer' | 'both';
export type Role = 'owner' | 'admin' | 'purchaser' | 'sales' | 'finance';
export type InvitableRole = Exclude<Role, 'owner'>;

export interface User {
  id: string;
  email: string;
  name: string;
  mobile: string | null;
  isOperator: boolean;
  createdAt: string;
}
export interface AdminUser extends User {
  lastLoginAt: string | null;
}
export interface MeCompany {
  id: string;
  name: string;
  nameEn: string | null;
  companyType: CompanyType;
  role: Role;
}
export interface Me {
  user: User;
  companies: MeCompany[];
  activeCompanyId: string | null;
  csrfToken: string;
}
export interface AuthResponse {
  user: User;
  token: string;
  csrfToken: string;
  expiresAt: string;
}
export interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}
export interface Company {
  id: string;
  legalName: string;
  nameEn: string | null;
  uscc: string | null;
  companyType: CompanyType;
  province: string;
  city: string;
  industry: string;
  mainProducts: string[];
  description: string;
  logoUrl: string | null;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
  myRole: Role | null;
}
export interface CompanyInput {
  legalName: string;
  nameEn?: string | null;
  uscc?: string | null;
  companyType: CompanyType;
  province: string;
  city: string;
  industry: string;
  mainProducts: string[];
  description: string;
}
export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
}
export interface Invitation {
  id: string;
  email: string;
  role: InvitableRole;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  createdAt: string;
  expiresAt: string;
}
export interface InvitationPreview {
  email: string;
  role: InvitableRole;
  status: Invitation['status'];
  expiresAt: string;
  company: { id: string; legalName: string; nameEn: string | null };
  invitedBy: string;
}
export interface Region {
  code: string;
  zh: string;
  en: string;
}
export interface DomainEvent {
  id: string;
  type: string;
  actorUserId: string | null;
  companyId: string | null;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
  occurredAt: string;
  dispatchedAt: string | null;
  dispatchAttempts: number;
  lastError: string | null;
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface MailEntry {
  id: string;
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}
export interface MailDetail extends MailEntry {
  eml: string;
}
export interface Overview {
  jobs: Record<string, number>;
  eventsPending: number;
  database: 'pglite' | 'postgres';
  mailTransport: 'smtp' | 'file';
}

export interface FieldError {
  path: string;
  message: string;
}

/** An RFC 9457 problem returned by the API, or a network failure dressed as one. */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];
  constructor(status: number, code: string, detail: string, errors: FieldError[] = []) {
    super(detail);
    this.name = 'ProblemError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
  }
  /**
   * Field errors keyed by the body field name. The server names a request's fields `body.…`; checks on a stored
   * product (publishing it) name them `product.…`: both prefixes are dropped (one, once) so they land on the same field.
   */
  fieldErrors(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const e of this.errors) {
      const key = e.path.replace(/^(body|product)\./, '');
      (out[key] ??= []).push(e.message);
    }
    return out;
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  form?: FormData;
  query?: Query;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.language === 'en-US' ? 'en-US' : 'zh-CN',
  };
  let body: BodyInit | undefined;
  if (opts.form) {
    body = opts.form;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(`/api/v1${path}`, opts.query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ProblemError(0, 'NETWORK', i18n.t('errors.network'));
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; detail?: string; title?: string; errors?: FieldError[] };
    throw new ProblemError(res.status, p.code ?? `HTTP_${res.status}`, p.detail ?? p.title ?? i18n.t('errors.generic'), p.errors ?? []);
  }
  return data as T;
}

export function problemDetail(err: unknown): string {
  if (err instanceof ProblemError) return err.detail;
  if (err instanceof Error) return err.message;
  return i18n.t('errors.generic');
}
