import type { Actor, CompanyRole, RequestContext } from './context.js';
import { DomainError, PlatformErrors } from './errors.js';

/**
 * The one authorization table. Every handler that touches company data asks authorize() with an
 * action from here; operators pass checks marked operatorMay.
 */
const companyActions = {
  'company.view_private': { roles: ['owner', 'admin', 'purchaser', 'sales', 'finance'], operatorMay: true },
  'company.update': { roles: ['owner', 'admin'], operatorMay: false },
  'company.members.view': { roles: ['owner', 'admin', 'purchaser', 'sales', 'finance'], operatorMay: true },
  'company.members.manage': { roles: ['owner', 'admin'], operatorMay: false },
  'company.invitations.manage': { roles: ['owner', 'admin'], operatorMay: false },
  'company.events.view': { roles: ['owner', 'admin'], operatorMay: true },
  'company.verification.view': { roles: ['owner', 'admin', 'purchaser', 'sales', 'finance'], operatorMay: true },
  'company.verification.manage': { roles: ['owner', 'admin'], operatorMay: false },
  'company.trustpass.purchase': { roles: ['owner', 'admin', 'finance'], operatorMay: false },
  'company.files.upload': { roles: ['owner', 'admin', 'purchaser', 'sales', 'finance'], operatorMay: true },
  'company.files.read': { roles: ['owner', 'admin', 'purchaser', 'sales', 'finance'], operatorMay: true },
  'company.storefront.manage': { roles: ['owner', 'admin'], operatorMay: false },
  'company.products.view': { roles: ['owner', 'admin', 'purchaser', 'sales', 'finance'], operatorMay: true },
  'company.products.manage': { roles: ['owner', 'admin', 'sales'], operatorMay: false },
  // Sourcing: the buyer side asks and posts needs; the supplier side answers, quotes and chats.
  'company.inquiries.send': { roles: ['owner', 'admin', 'purchaser'], operatorMay: false },
  'company.inquiries.handle': { roles: ['owner', 'admin', 'sales'], operatorMay: false },
  'company.rfqs.manage': { roles: ['owner', 'admin', 'purchaser'], operatorMay: false },
  'company.rfqs.view': { roles: ['owner', 'admin', 'purchaser', 'finance'], operatorMay: true },
  'company.quotes.manage': { roles: ['owner', 'admin', 'sales'], operatorMay: false },
  'company.messages.handle': { roles: ['owner', 'admin', 'sales'], operatorMay: false },
  'company.insights.view': { roles: ['owner', 'admin', 'sales', 'finance'], operatorMay: true },
  // Trade: the buyer side places, pays, cancels and confirms; owners/admins approve; the seller side fulfils.
  'company.orders.place': { roles: ['owner', 'admin', 'purchaser'], operatorMay: false },
  'company.orders.approve': { roles: ['owner', 'admin'], operatorMay: false },
  'company.orders.view': { roles: ['owner', 'admin', 'purchaser', 'sales', 'finance'], operatorMay: true },
  'company.orders.fulfil': { roles: ['owner', 'admin', 'sales'], operatorMay: false },
  // Settlements: balances, payouts, statements, paying credit-terms bills (manage); seeing them (view).
  'company.finance.manage': { roles: ['owner', 'admin', 'finance'], operatorMay: false },
  'company.finance.view': { roles: ['owner', 'admin', 'finance'], operatorMay: true },
} as const satisfies Record<string, { roles: readonly CompanyRole[]; operatorMay: boolean }>;

export type CompanyAction = keyof typeof companyActions;

export function roleIn(actor: Actor, companyId: string): CompanyRole | null {
  return actor.memberships.find((m) => m.companyId === companyId)?.role ?? null;
}

export function can(actor: Actor | null, action: CompanyAction, companyId: string): boolean {
  if (!actor) return false;
  const rule = companyActions[action];
  const role = roleIn(actor, companyId);
  if (role && (rule.roles as readonly CompanyRole[]).includes(role)) return true;
  return rule.operatorMay && actor.isOperator;
}

/** Throws AUTH_REQUIRED without a session and FORBIDDEN without the right role; returns the actor. */
export function authorize(ctx: RequestContext, action: CompanyAction, companyId: string): Actor {
  const actor = requireUser(ctx);
  if (!can(actor, action, companyId)) throw new DomainError(PlatformErrors.FORBIDDEN);
  return actor;
}

export function requireUser(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new DomainError(PlatformErrors.AUTH_REQUIRED);
  return ctx.actor;
}

export function requireOperator(ctx: RequestContext): Actor {
  const actor = requireUser(ctx);
  if (!actor.isOperator) throw new DomainError(PlatformErrors.OPERATOR_ONLY);
  return actor;
}
